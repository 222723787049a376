/* Frontline Playbook: self-check quizzes. Marks each answer right or wrong (icon and words, never
   colour alone), shows the explanation and the feedback of the picked choice, scores against the
   pass mark and saves the result through FrontlineProgress. Bound on every page Material shows,
   instant navigation included; binding twice is harmless. */
(function () {
  "use strict";

  function picked(q) {
    return Array.prototype.filter.call(q.querySelectorAll("input"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }

  function mark(q) {
    var choices = q.querySelectorAll(".fp-choice");
    var chosen = picked(q), right = true;
    Array.prototype.forEach.call(choices, function (c) {
      var id = c.getAttribute("data-choice"), correct = c.hasAttribute("data-correct"), on = chosen.indexOf(id) >= 0;
      if (correct !== on) right = false;
      var m = c.querySelector(".fp-choice-mark");
      c.classList.toggle("fp-is-correct", correct);
      c.classList.toggle("fp-is-wrong", on && !correct);
      m.textContent = correct ? (on ? "✓ Your answer, correct" : "✓ Correct answer") : (on ? "✗ Your answer, not right" : "");
      var f = c.querySelector(".fp-choice-feedback");
      if (f) f.hidden = !on;
    });
    var v = q.querySelector(".fp-verdict");
    v.hidden = false;
    v.className = "fp-verdict " + (right ? "fp-right" : "fp-wrong");
    v.textContent = right ? "✓ Correct" : (chosen.length ? "✗ Not quite" : "✗ Not answered");
    q.querySelector(".fp-explanation").hidden = false;
    q.querySelector("fieldset").disabled = true;
    return right;
  }

  function clear(q) {
    q.querySelector("fieldset").disabled = false;
    Array.prototype.forEach.call(q.querySelectorAll("input"), function (i) { i.checked = false; });
    Array.prototype.forEach.call(q.querySelectorAll(".fp-choice"), function (c) {
      c.classList.remove("fp-is-correct", "fp-is-wrong");
      c.querySelector(".fp-choice-mark").textContent = "";
      var f = c.querySelector(".fp-choice-feedback");
      if (f) f.hidden = true;
    });
    q.querySelector(".fp-verdict").hidden = true;
    q.querySelector(".fp-explanation").hidden = true;
  }

  function showStatus(quiz) {
    var el = quiz.querySelector("[data-quiz-status]"), P = window.FrontlineProgress;
    if (!el || !P) return;
    var d = P.describe(P.load(quiz.getAttribute("data-quiz")), quiz.getAttribute("data-quiz-version"));
    el.textContent = d ? (d.passed ? "✓ " : "") + d.text + "." : "";
    el.className = "fp-quiz-status" + (d ? (d.passed && !d.older ? " fp-status-passed" : " fp-status-started") : "");
  }

  function bind(quiz) {
    if (quiz.dataset.bound) return;
    quiz.dataset.bound = "1";
    quiz.classList.add("fp-quiz-js");
    var form = quiz.querySelector("form"), retry = quiz.querySelector(".fp-retry"), check = quiz.querySelector(".fp-check");
    var score = quiz.querySelector(".fp-score"), questions = quiz.querySelectorAll(".fp-question");
    var passMark = Number(quiz.getAttribute("data-pass-mark"));
    showStatus(quiz);

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var right = 0;
      Array.prototype.forEach.call(questions, function (q) { if (mark(q)) right++; });
      var pct = Math.round(100 * right / questions.length), passed = pct >= passMark;
      score.className = "fp-score " + (passed ? "fp-right" : "fp-wrong");
      score.textContent = (passed ? "✓ Passed: " : "✗ Not passed yet: ") + right + " of " + questions.length +
        " right (" + pct + "%; pass mark " + passMark + "%). " +
        (passed ? "Well done." : "Read the explanations above, then try again.");
      check.hidden = true;
      retry.hidden = false;
      if (window.FrontlineProgress) {
        window.FrontlineProgress.record(quiz.getAttribute("data-quiz"), quiz.getAttribute("data-quiz-version"),
          quiz.getAttribute("data-module-version"), pct, passMark);
        window.FrontlineProgress.paint();
        window.FrontlineProgress.paintBars();
      }
      showStatus(quiz);
      score.focus();
    });

    retry.addEventListener("click", function () {
      Array.prototype.forEach.call(questions, clear);
      score.textContent = "";
      score.className = "fp-score";
      retry.hidden = true;
      check.hidden = false;
      var first = quiz.querySelector("input");
      if (first) first.focus();
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-quiz]"), bind);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
