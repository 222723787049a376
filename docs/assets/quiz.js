/* Frontline Playbook: self-check quizzes. The rules (what shows when) are described in
   macros/templates/quiz.html, which also holds the wording; state lives on the question elements
   (fpRight: right at the last check; fpKept: kept from it; fpShuffled), which review.js reads too. */
window.FP = window.FP || {};
(FP => {
  "use strict";
  const all = (el, s) => [...el.querySelectorAll(s)], one = (el, s) => el.querySelector(s);
  const choices = q => all(q, ".fp-choice"), input = c => one(c, "input"), correct = c => c.hasAttribute("data-correct");
  const ids = list => list.map(c => c.dataset.choice).join();
  const picked = q => choices(q).filter(c => input(c).checked);
  // Right: something picked, and exactly the correct choices.
  const isRight = q => picked(q).length > 0 && choices(q).every(c => input(c).checked === correct(c));
  const label = q => one(q, ".fp-question-number").textContent.replace(/ of .*/, "");
  const link = (href, textContent) => Object.assign(document.createElement("a"), { href, textContent });

  /* A new order, never the one it had; true or false keeps its order. */
  function shuffle(q) {
    if (q.dataset.kind === "true-false") return;
    const list = choices(q), before = ids(list);
    do {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [list[i], list[j]] = [list[j], list[i]];
      }
    } while (q.fpShuffled && ids(list) === before);
    for (const c of list) c.parentNode.append(c);
    q.fpShuffled = true;
  }

  /* Mark a graded question (or `reset` it); `reveal`: passed or failed twice. */
  function mark(q, reveal, reset) {
    const on = picked(q), right = q.fpRight = !reset && isRight(q), show = right || (reveal && on.length > 0), v = one(q, ".fp-verdict");
    for (const c of choices(q)) {
      const ok = correct(c), mine = !reset && on.includes(c), wrong = mine && !ok, f = one(c, ".fp-choice-feedback");
      if (reset) input(c).checked = false;
      c.classList.toggle("fp-is-wrong", wrong);
      c.classList.toggle("fp-is-correct", ok && show);
      one(c, ".fp-choice-mark").textContent = wrong ? "✗ Your answer, not right" : ok && show ? (mine ? "✓ Your answer, correct" : "✓ Correct answer") : "";
      if (f) f.hidden = !(wrong || mine && show);
    }
    v.hidden = reset;
    v.className = "fp-verdict " + (right ? "fp-right" : "fp-wrong");
    v.textContent = right ? "✓ Correct" : !on.length ? "✗ Not answered" : "✗ Not quite" + (show || !reset && !on.every(correct) ? "" : ": a right choice is still missing");
    one(q, ".fp-explanation").hidden = !show;
    one(q, "fieldset").disabled = !reset;
    if (reset) shuffle(q);
  }

  /* After a pass: the learner's next step (FP.nextStep, progress.js). */
  function nextStep(quiz, el) {
    const n = FP.nextStep(quiz.dataset.quiz), path = n && (n.due || n.pathTitle);
    el.hidden = !n;
    el.replaceChildren(...!n ? [] : [
      path ? "Passed. Next in your path: " : "Passed. Next module: ", link(n.url, n.title),
      ...n.due ? [", due " + FP.formatDate(n.due)] : [],
      ...path ? [" · ", link(FP.assignedUrl, "Back to my assignments")] : []
    ]);
  }

  /* The stored result, or null when storage is full or blocked; the page's marks follow at once. */
  function save(quiz, pct, passMark) {
    const P = FP.progress, d = quiz.dataset;
    if (!P.record(d.quiz, d.quizVersion, d.moduleVersion, pct, passMark)) return null;
    P.paint();
    return P.load(d.quiz);
  }

  function bind(quiz) {
    if (quiz.dataset.bound) return;
    quiz.dataset.bound = "1";
    quiz.classList.add("fp-quiz-js");
    const $ = s => one(quiz, s), questions = all(quiz, ".fp-question"), passMark = +quiz.dataset.passMark;
    const check = $(".fp-check"), retry = $(".fp-retry"), score = $(".fp-score"), confirm = $(".fp-confirm"), ask = $(".fp-confirm-text");
    const line = $(".fp-score-line"), stats = $(".fp-score-stats"), missedList = $(".fp-missed"), next = $(".fp-next"), warning = $(".fp-save-warning");
    const { open, blank, say, go } = session(questions, score);
    let fails = 0, passed = false;

    function grade() {
      const missed = open().filter(q => !isRight(q)), right = questions.length - missed.length, pct = Math.round(100 * right / questions.length);
      passed = pct >= passMark;
      if (!passed) fails++;
      open().forEach(q => mark(q, passed || fails > 1));
      const r = save(quiz, pct, passMark), n = r?.attempts?.length;
      warning.hidden = !!r;
      score.hidden = false;
      score.className = "fp-score " + (passed ? "fp-right" : "fp-wrong");
      line.textContent = `${passed ? "✓ Passed: " : "✗ Not passed yet: "}${right} of ${questions.length} right (${pct}%; pass mark ${passMark}%).`;
      // first and attempts may be missing from a result saved by an earlier version.
      stats.textContent = r ? "Your record in this browser: " + [
        typeof r.first === "number" && `first attempt ${r.first}%`, `best score ${r.best}%`, r.attempts && `${n} attempt${n > 1 ? "s" : ""}`
      ].filter(Boolean).join(" · ") + "." : "";
      say(passed ? "pass" : fails > 1 ? "fail2" : "fail");
      missedList.replaceChildren(...missed.length ? ["Missed: "] : [], ...missed.flatMap((q, i) => {
        q.id ||= quiz.id + "--" + q.dataset.question; // "--": no id contains it, so no clash
        const a = link("#" + q.id, label(q));
        a.onclick = e => { e.preventDefault(); e.stopPropagation(); go(q); };
        return i ? [", ", a] : [a];
      }));
      if (passed) nextStep(quiz, next); // hidden till now: by the markup, or by the last "Start again"
      check.hidden = confirm.hidden = true;
      retry.hidden = false;
      retry.textContent = passed ? "Start again" : "Try again";
      go(score); // it has tabindex="-1"
    }

    check.onclick = () => {
      const b = blank();
      if (!b.length) return grade();
      ask.textContent = `${b.length > 1 ? b.length + " questions are" : "1 question is"} not answered: ${b.map(label).join(", ")}.`;
      confirm.hidden = false;
      check.hidden = true;
      ask.focus();
    };
    $(".fp-confirm-yes").onclick = grade;
    $(".fp-confirm-no").onclick = () => {
      confirm.hidden = true;
      check.hidden = false;
      go(blank()[0]);
    };
    retry.onclick = () => {
      for (const q of questions) {
        q.fpKept = !passed && q.fpRight;
        if (q.fpKept) one(q, ".fp-verdict").textContent = "✓ Correct, kept from your last try";
        else mark(q, false, true);
      }
      if (passed) fails = 0;
      score.hidden = !fails;
      score.className = "fp-score";
      line.textContent = stats.textContent = missedList.textContent = "";
      say("kept");
      passed = false;
      next.hidden = warning.hidden = retry.hidden = true;
      check.hidden = false;
      go(open()[0]);
    };

    questions.forEach(shuffle);
    check.hidden = false;
  }

  /* What a quiz and a review session both need of their questions: those still open (not kept from a
     right answer), the blank ones among them, the score's message to show, and focus on a question. */
  function session(questions, score) {
    const open = () => questions.filter(q => !q.fpKept);
    return {
      open,
      blank: () => open().filter(q => !picked(q).length),
      say: key => all(score, "[data-say]").forEach(p => { p.hidden = p.dataset.say !== key; }),
      go: q => {
        const first = one(q, "input:not(:disabled)");
        q.scrollIntoView();
        if (!first) q.tabIndex = -1;
        (first || q).focus({ preventScroll: true });
      }
    };
  }
  /* The marking rules, for the review page and the diagnostic (docs/assets/fp/review.js): one copy of them. */
  FP.quizMarking = { mark, isRight, picked, shuffle, label, session };

  FP.onEachPage(() => all(document, "[data-quiz]").forEach(bind));
})(window.FP);
