/* Frontline Playbook: self-check quizzes. The rules (what shows when) are described in
   macros/templates/quiz.html, which also holds the wording; state lives on the question elements. */
(function () {
  "use strict";
  var FP = window.FP = window.FP || {};
  var all = function (el, s) { return [].slice.call(el.querySelectorAll(s)); };

  function choices(q) { return all(q, ".fp-choice"); }
  function ids(list) { return list.map(function (c) { return c.getAttribute("data-choice"); }).join(); }
  function picked(q) { return choices(q).filter(function (c) { return c.querySelector("input").checked; }); }
  function isRight(q) {
    return picked(q).length > 0 && ids(picked(q)) === ids(choices(q).filter(function (c) { return c.hasAttribute("data-correct"); }));
  }
  function label(q) { return q.querySelector(".fp-question-number").textContent.replace(/ of .*/, ""); }
  function text(el, s) { el.appendChild(document.createTextNode(s)); }
  function link(el, href, s) {
    var a = el.appendChild(document.createElement("a"));
    a.href = href;
    a.textContent = s;
    return a;
  }

  /* A new order, never the one it had; true or false keeps its order. */
  function shuffle(q) {
    var list = choices(q), before = ids(list), i, j, t;
    if (q.getAttribute("data-kind") === "true-false") return;
    do {
      for (i = list.length - 1; i > 0; i--) { j = Math.floor(Math.random() * (i + 1)); t = list[i]; list[i] = list[j]; list[j] = t; }
    } while (q.fpShuffled && ids(list) === before);
    list.forEach(function (c) { c.parentNode.appendChild(c); });
    q.fpShuffled = true;
  }

  /* Mark a graded question (or `reset` it); `reveal`: passed or failed twice. */
  function mark(q, reveal, reset) {
    var on = picked(q), right = q.fpRight = !reset && isRight(q), show = right || (reveal && on.length > 0), bad = 0;
    choices(q).forEach(function (c) {
      var ok = c.hasAttribute("data-correct"), mine = !reset && on.indexOf(c) >= 0, f = c.querySelector(".fp-choice-feedback");
      if (reset) c.querySelector("input").checked = false;
      if (mine && !ok) bad++;
      c.classList.toggle("fp-is-wrong", mine && !ok);
      c.classList.toggle("fp-is-correct", ok && show);
      c.querySelector(".fp-choice-mark").textContent = mine && !ok ? "✗ Your answer, not right" :
        ok && show ? (mine ? "✓ Your answer, correct" : "✓ Correct answer") : "";
      if (f) f.hidden = !(mine && (!ok || show));
    });
    var v = q.querySelector(".fp-verdict");
    v.hidden = reset;
    v.className = "fp-verdict " + (right ? "fp-right" : "fp-wrong");
    v.textContent = right ? "✓ Correct" : !on.length ? "✗ Not answered" : "✗ Not quite" + (show || bad ? "" : ": a right choice is still missing");
    q.querySelector(".fp-explanation").hidden = !show;
    q.querySelector("fieldset").disabled = !reset;
    if (reset) shuffle(q);
  }

  /* After a pass: the learner's next step (FP.nextStep, progress.js). */
  function nextStep(quiz, el) {
    var n = FP.nextStep(quiz.getAttribute("data-quiz"));
    el.textContent = "";
    el.hidden = !n;
    if (!n) return;
    var path = n.due || n.pathTitle;
    text(el, path ? "Passed. Next in your path: " : "Passed. Next module: ");
    link(el, n.url, n.title);
    if (n.due) text(el, ", due " + FP.formatDate(n.due));
    if (path) { text(el, " · "); link(el, FP.assignedUrl, "Back to my assignments"); }
  }

  /* The stored result, or null when storage is full or blocked; the page's marks follow at once. */
  function save(quiz, pct, passMark) {
    var P = FP.progress, id = quiz.getAttribute("data-quiz");
    if (!P.record(id, quiz.getAttribute("data-quiz-version"), quiz.getAttribute("data-module-version"), pct, passMark)) return null;
    P.paint();
    return P.load(id);
  }

  function bind(quiz) {
    if (quiz.dataset.bound) return;
    quiz.dataset.bound = "1";
    quiz.classList.add("fp-quiz-js");
    var $ = function (s) { return quiz.querySelector(s); };
    var questions = all(quiz, ".fp-question"), check = $(".fp-check"), retry = $(".fp-retry"), score = $(".fp-score");
    var confirm = $(".fp-confirm"), ask = $(".fp-confirm-text"), passMark = +quiz.getAttribute("data-pass-mark");
    var fails = 0, passed = false;

    var run = session(questions, score), open = run.open, blank = run.blank, say = run.say, go = run.go;

    function grade() {
      var missed = open().filter(function (q) { return !isRight(q); }), right = questions.length - missed.length;
      var pct = Math.round(100 * right / questions.length), r, stats = [];
      passed = pct >= passMark;
      if (!passed) fails++;
      open().forEach(function (q) { mark(q, passed || fails > 1); });
      r = save(quiz, pct, passMark);
      $(".fp-save-warning").hidden = !!r;
      if (r) {
        if (typeof r.first === "number") stats.push("first attempt " + r.first + "%");
        stats.push("best score " + r.best + "%");
        if (Array.isArray(r.attempts)) stats.push(r.attempts.length + " attempt" + (r.attempts.length > 1 ? "s" : ""));
      }
      score.hidden = false;
      score.className = "fp-score " + (passed ? "fp-right" : "fp-wrong");
      $(".fp-score-line").textContent = (passed ? "✓ Passed: " : "✗ Not passed yet: ") + right + " of " + questions.length +
        " right (" + pct + "%; pass mark " + passMark + "%).";
      $(".fp-score-stats").textContent = stats.length ? "Your record in this browser: " + stats.join(" · ") + "." : "";
      say(passed ? "pass" : fails > 1 ? "fail2" : "fail");
      var m = $(".fp-missed");
      m.textContent = missed.length ? "Missed: " : "";
      missed.forEach(function (q, i) {
        q.id = q.id || quiz.id + "--" + q.getAttribute("data-question"); // "--": no id contains it, so no clash
        if (i) text(m, ", ");
        link(m, "#" + q.id, label(q)).onclick = function (e) { e.preventDefault(); e.stopPropagation(); go(q); };
      });
      $(".fp-next").hidden = true;
      if (passed) nextStep(quiz, $(".fp-next"));
      check.hidden = confirm.hidden = true;
      retry.hidden = false;
      retry.textContent = passed ? "Start again" : "Try again";
      score.scrollIntoView();
      score.focus({ preventScroll: true });
    }

    check.onclick = function () {
      var b = blank();
      if (!b.length) return grade();
      ask.textContent = (b.length > 1 ? b.length + " questions are" : "1 question is") + " not answered: " + b.map(label).join(", ") + ".";
      confirm.hidden = false;
      check.hidden = true;
      ask.focus();
    };
    $(".fp-confirm-yes").onclick = grade;
    $(".fp-confirm-no").onclick = function () {
      confirm.hidden = true;
      check.hidden = false;
      go(blank()[0]);
    };
    retry.onclick = function () {
      questions.forEach(function (q) {
        q.fpKept = !passed && q.fpRight;
        if (q.fpKept) q.querySelector(".fp-verdict").textContent = "✓ Correct, kept from your last try";
        else mark(q, false, true);
      });
      if (passed) fails = 0;
      score.hidden = !fails;
      score.className = "fp-score";
      $(".fp-score-line").textContent = $(".fp-score-stats").textContent = $(".fp-missed").textContent = "";
      say("kept");
      passed = false;
      $(".fp-next").hidden = $(".fp-save-warning").hidden = retry.hidden = true;
      check.hidden = false;
      go(open()[0]);
    };

    questions.forEach(shuffle);
    check.hidden = false;
  }

  /* The marking rules, for the review page and the diagnostic (docs/assets/fp/review.js): one copy of them. */
  /* What a quiz and a review session both need of their questions: those still open (not kept from a
     right answer), the blank ones among them, the score's message to show, and focus on a question. */
  function session(questions, score) {
    function open() { return questions.filter(function (q) { return !q.fpKept; }); }
    return {
      open: open,
      blank: function () { return open().filter(function (q) { return !picked(q).length; }); },
      say: function (key) { all(score, "[data-say]").forEach(function (p) { p.hidden = p.getAttribute("data-say") !== key; }); },
      go: function (q) {
        var input = q.querySelector("input:not(:disabled)");
        q.scrollIntoView();
        if (!input) q.tabIndex = -1;
        (input || q).focus({ preventScroll: true });
      }
    };
  }
  FP.quizMarking = { mark: mark, isRight: isRight, picked: picked, shuffle: shuffle, label: label, session: session };

  function init() { all(document, "[data-quiz]").forEach(bind); }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
