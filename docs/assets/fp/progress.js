/* Frontline Playbook, on every page: quiz results in this browser and every mark that shows them
   (status labels, ticks in the navigation; progress bars in bars.js), the last module opened (for the home
   page's "Continue") and the learner's next step. Nothing leaves the browser.
   Results live under frontline:v1:quiz:<module> (kept across rebuilds):
   {quizVersion, moduleVersion, best, last, passed, date, passedOn?, first?, attempts?: [{date, score}]}
   first (first-attempt %) and attempts came later; every reader copes without them. The whole set
   (all, reset: My progress and its import) is in record.js. */
window.FP = window.FP || {};
(FP => {
  "use strict";
  const S = FP.store, PREFIX = "frontline:v1:quiz:", LAST = "frontline:v1:last-module";
  const $ = s => document.querySelector(s), each = (s, fn) => document.querySelectorAll(s).forEach(fn);
  const pct = n => typeof n === "number" && n >= 0 && n <= 100;
  const time = s => typeof s === "string" && !isNaN(Date.parse(s));
  // A field that came later (or is optional) may be missing; when present it must be right.
  const opt = (v, ok) => v === undefined || ok(v);

  const valid = r => !!r && typeof r === "object" && typeof r.quizVersion === "string" && pct(r.best) && opt(r.last, pct) &&
    typeof r.passed === "boolean" && time(r.date) && opt(r.passedOn, time) && opt(r.first, pct) && opt(r.attempts, Array.isArray);
  const load = id => { const r = S.readJSON(PREFIX + id); return valid(r) ? r : null; };
  const isPassed = id => !!load(id)?.passed;

  // A whole result (an import); true when saved.
  const put = (id, r) => valid(r) && S.writeJSON(PREFIX + id, r);

  // Record an attempt; true when saved, false when storage is full or blocked. A result of an
  // older quiz version is replaced, not merged: its scores answered other questions.
  function record(id, quizVersion, moduleVersion, score, passMark) {
    const old = load(id), same = old?.quizVersion === quizVersion ? old : null, was = same?.passed;
    const date = new Date().toISOString(), passed = score >= passMark, saved = put(id, {
      quizVersion, moduleVersion, last: score, date,
      best: same ? Math.max(same.best, score) : score,
      passed: was || passed,
      passedOn: was ? same.passedOn : passed ? date : undefined,
      first: same ? same.first : score,
      attempts: [...same?.attempts || [], { date, score }].slice(-50)
    });
    // For scorm.js and xapi.js: every attempt, saved or not.
    document.dispatchEvent(new CustomEvent("fp:quiz-result", { detail: { id, quizVersion, moduleVersion, score, passMark, passed, date, saved } }));
    return saved;
  }

  // How a result reads against the quiz's current version.
  function describe(r, current) {
    if (!r) return null;
    const older = !!current && r.quizVersion !== current;
    const text = r.passed ? `Passed on ${FP.formatDate(r.passedOn || r.date)} (best score ${r.best}%)` : `Best score ${r.best}%, not passed yet`;
    return { text: text + (older ? ", on an earlier version of this quiz" : ""), passed: r.passed, older };
  }

  // The module id of a module page's URL (served or offline), or null.
  const moduleOf = href => /\/modules\/([a-z0-9][a-z0-9-]*)(?:\/(?:index\.html)?|\.html)(?:[?#].*)?$/.exec(href || "")?.[1] || null;

  // Every [data-module-status] mark ([data-long]: a sentence; else a short label).
  const paintStatus = () => each("[data-module-status]", el => {
    const id = el.dataset.moduleStatus, long = el.hasAttribute("data-long");
    const d = describe(load(id), ($(`[data-quiz="${id}"]`) || el).getAttribute("data-quiz-version"));
    el.textContent = d ? (d.passed ? "✓ " : "") + (long ? d.text : d.passed ? "Completed" : "In progress") : long ? "Not started" : "";
    el.className = el.className.replace(/ ?fp-status-\w+/g, "") + " fp-status-" + (d ? (d.passed ? "passed" : "started") + (d.older ? " fp-status-older" : "") : "none");
    if (d) el.title = d.text;
  });
  // A tick on each passed module in the navigation.
  const paintNav = () => each(".md-nav--primary .md-nav__item:not(.md-nav__item--nested) > a.md-nav__link", a => {
    const id = moduleOf(a.href), mark = a.querySelector(".fp-nav-mark");
    if (!id || !isPassed(id)) mark?.remove();
    else if (!mark) a.insertAdjacentHTML("beforeend", '<span class="fp-nav-mark" title="Passed"><span aria-hidden="true">✓</span><span class="fp-sr-only"> (passed)</span></span>');
  });
  // Every painter of marks. Progress bars (My progress, the paths' pages, any page with the
  // progress_bars() macro) have theirs in bars.js, loaded where a bar is shown and added here then,
  // so module pages, which have none, carry none of it.
  const painters = [paintStatus, paintNav], paint = () => painters.forEach(p => p());

  // The learner's next step after module `id`: the next open module of their assignment (path
  // order), else the next module in the course; {title, url, due, pathTitle} or null.
  FP.nextStep = id => {
    const me = S.get("frontline:v1:learner"), mine = e => e.assignment.name === me;
    const at = e => e.steps.findIndex(s => s.m === id), open = s => s.m !== id && !isPassed(s.m);
    let list = S.keys("frontline:v1:assignment:").map(S.readJSON).filter(e => e && Array.isArray(e.steps) && e.assignment);
    // The learner's own assignments when the browser holds several people's (My progress asks whose).
    if (list.some(mine)) list = list.filter(mine);
    // Those with this module first, then the one saved last.
    list.sort((a, b) => (at(b) >= 0) - (at(a) >= 0) || (b.saved > a.saved) - (b.saved < a.saved));
    for (const e of list) {
      const next = e.steps.slice(at(e) + 1).find(open) || e.steps.find(open);
      if (next) return { title: next.title, url: FP.base + next.url, due: next.due, pathTitle: e.pathTitle || null };
    }
    const link = $(".md-footer__link--next");
    return link && moduleOf(link.href) ? { title: link.querySelector(".md-ellipsis").textContent.trim(), url: link.href, due: null, pathTitle: null } : null;
  };
  // The "Assigned to you" page (an absolute URL, right from any page).
  Object.defineProperty(FP, "assignedUrl", {
    get: () => FP.base + (/\.html$/.test(location.pathname) || location.protocol === "file:" ? "assigned.html" : "assigned/")
  });

  window.FrontlineProgress = FP.progress = { load, record, put, passed: isPassed, describe, paint, painters, valid, PREFIX, LAST };
  FP.onEachPage(() => {
    paint();
    if ($("[data-progress-modules]")) FP.load("bars", "");
    // A module page (it has a stewardship line) is where "Continue where you left off" returns to.
    const id = moduleOf(location.href), h1 = $(".md-content h1");
    if (id && $(".fp-stewardship")) S.writeJSON(LAST, { id, title: h1 ? h1.firstChild.textContent.trim() : id, date: new Date().toISOString() });
  });
  // Results saved in another tab show here too (the home page's own script, home.js, listens as well).
  addEventListener("storage", e => { if (!e.key || e.key.startsWith(PREFIX)) paint(); });
})(window.FP);
