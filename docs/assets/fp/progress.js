/* Frontline Playbook, on every page: quiz results in this browser and every mark that shows them
   (status labels, progress bars, ticks in the navigation), the last module opened (for the home
   page's "Continue") and the learner's next step. Nothing leaves the browser.
   Results live under frontline:v1:quiz:<module> (kept across rebuilds):
   {quizVersion, moduleVersion, best, last, passed, date, passedOn?, first?, attempts?: [{date, score}]}
   first (first-attempt %) and attempts came later; every reader copes without them. The whole set
   (all, reset: My progress and its import) is in record.js. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var S = FP.store, PREFIX = "frontline:v1:quiz:", LAST = "frontline:v1:last-module";
  function pct(n) { return typeof n === "number" && n >= 0 && n <= 100; }
  function time(s) { return typeof s === "string" && !isNaN(Date.parse(s)); }
  function each(selector, fn) { document.querySelectorAll(selector).forEach(fn); }

  function valid(r) {
    return !!r && typeof r === "object" && typeof r.quizVersion === "string" && pct(r.best) && (r.last === undefined || pct(r.last)) &&
      typeof r.passed === "boolean" && time(r.date) && (r.passedOn === undefined || time(r.passedOn)) &&
      (r.first === undefined || pct(r.first)) && (r.attempts === undefined || Array.isArray(r.attempts));
  }
  function load(id) { var r = S.readJSON(PREFIX + id); return valid(r) ? r : null; }
  function isPassed(id) { var r = load(id); return !!(r && r.passed); }

  // A whole result (an import); true when saved.
  function put(id, r) { return valid(r) && S.writeJSON(PREFIX + id, r); }

  // Record an attempt; true when saved, false when storage is full or blocked. A result of an
  // older quiz version is replaced, not merged: its scores answered other questions.
  function record(id, quizVersion, moduleVersion, score, passMark) {
    var old = load(id), now = new Date().toISOString(), same = old && old.quizVersion === quizVersion, passed = score >= passMark;
    var tries = (same && old.attempts || []).concat({ date: now, score: score }).slice(-50), saved = put(id, {
      quizVersion: quizVersion, moduleVersion: moduleVersion, last: score, date: now,
      best: same ? Math.max(old.best, score) : score,
      passed: !!(same && old.passed) || passed,
      passedOn: same && old.passed ? old.passedOn : (passed ? now : undefined),
      first: same ? old.first : score,
      attempts: tries
    });
    // For scorm.js and xapi.js: every attempt, saved or not.
    document.dispatchEvent(new CustomEvent("fp:quiz-result", { detail: { id: id, quizVersion: quizVersion, moduleVersion: moduleVersion, score: score, passMark: passMark, passed: passed, date: now, saved: saved } }));
    return saved;
  }

  // How a result reads against the quiz's current version.
  function describe(r, current) {
    if (!r) return null;
    var older = !!current && r.quizVersion !== current;
    var text = r.passed ? "Passed on " + FP.formatDate(r.passedOn || r.date) + " (best score " + r.best + "%)" : "Best score " + r.best + "%, not passed yet";
    return { text: text + (older ? ", on an earlier version of this quiz" : ""), passed: r.passed, older: older };
  }

  // The module id of a module page's URL (served or offline), or null.
  function moduleOf(href) {
    var m = /\/modules\/([a-z0-9][a-z0-9-]*)(?:\/(?:index\.html)?|\.html)(?:[?#].*)?$/.exec(href || "");
    return m ? m[1] : null;
  }

  // Every [data-module-status] mark ([data-long]: a sentence; else a short label).
  function paintStatus() {
    each("[data-module-status]", function (el) {
      var id = el.getAttribute("data-module-status"), quiz = document.querySelector('[data-quiz="' + id + '"]');
      var d = describe(load(id), (quiz || el).getAttribute("data-quiz-version")), long = el.hasAttribute("data-long");
      el.textContent = d ? (d.passed ? "✓ " : "") + (long ? d.text : d.passed ? "Completed" : "In progress") : long ? "Not started" : "";
      el.className = el.className.replace(/ ?fp-status-\w+/g, "") + " fp-status-" + (d ? (d.passed ? "passed" : "started") + (d.older ? " fp-status-older" : "") : "none");
      if (d) el.title = d.text;
    });
  }
  // Every progress bar: modules passed of those it counts.
  function paintBars() {
    each("[data-progress-modules]", function (el) {
      var ids = el.getAttribute("data-progress-modules").split(" ").filter(Boolean), done = ids.filter(isPassed).length;
      var text = el.querySelector(".fp-progress-text");
      el.querySelector("progress").value = done;
      el.hidden = false; // hidden in the markup: without JavaScript no made-up "0 of N"
      if (text) text.textContent = done + " of " + ids.length + " passed";
    });
  }
  // A tick on each passed module in the navigation.
  function paintNav() {
    each(".md-nav--primary .md-nav__item:not(.md-nav__item--nested) > a.md-nav__link", function (a) {
      var id = moduleOf(a.href), mark = a.querySelector(".fp-nav-mark");
      if (!id || !isPassed(id)) { if (mark) mark.remove(); return; }
      if (mark) return;
      mark = a.appendChild(document.createElement("span"));
      mark.className = "fp-nav-mark";
      mark.title = "Passed";
      mark.innerHTML = '<span aria-hidden="true">✓</span><span class="fp-sr-only"> (passed)</span>';
    });
  }
  function paint() { paintStatus(); paintBars(); paintNav(); }

  // The learner's next step after module `id`: the next open module of their assignment (path
  // order), else the next module in the course; {title, url, due, pathTitle} or null.
  FP.nextStep = function (id) {
    var me = S.get("frontline:v1:learner"), list = S.keys("frontline:v1:assignment:").map(S.readJSON).filter(function (e) {
      return e && Array.isArray(e.steps) && e.assignment;
    });
    // The learner's own assignments when the browser holds several people's (My progress asks whose).
    if (list.some(function (e) { return e.assignment.name === me; })) list = list.filter(function (e) { return e.assignment.name === me; });
    function has(e) { return e.steps.some(function (s) { return s.m === id; }); }
    list.sort(function (a, b) { return has(b) - has(a) || (b.saved > a.saved) - (b.saved < a.saved); });
    for (var i = 0; i < list.length; i++) {
      var steps = list[i].steps, at = steps.map(function (s) { return s.m; }).indexOf(id);
      var open = steps.filter(function (s) { return s.m !== id && !isPassed(s.m); });
      var next = open.filter(function (s) { return steps.indexOf(s) > at; })[0] || open[0];
      if (next) return { title: next.title, url: FP.base + next.url, due: next.due, pathTitle: list[i].pathTitle || null };
    }
    var link = document.querySelector(".md-footer__link--next");
    return link && moduleOf(link.href) ? { title: link.querySelector(".md-ellipsis").textContent.trim(), url: link.href, due: null, pathTitle: null } : null;
  };
  // The "Assigned to you" page (an absolute URL, right from any page).
  Object.defineProperty(FP, "assignedUrl", {
    get: function () { return FP.base + (/\.html$/.test(location.pathname) || location.protocol === "file:" ? "assigned.html" : "assigned/"); }
  });

  window.FrontlineProgress = FP.progress = {
    load: load, record: record, put: put, passed: isPassed, describe: describe, paint: paint, paintBars: paintBars, valid: valid,
    moduleOf: moduleOf, PREFIX: PREFIX, LAST: LAST
  };
  FP.onEachPage(function () {
    paint();
    // A module page (it has a stewardship line) is where "Continue where you left off" returns to.
    var id = moduleOf(location.href), h1 = document.querySelector(".md-content h1");
    if (id && document.querySelector(".fp-stewardship")) S.writeJSON(LAST, { id: id, title: h1 ? h1.firstChild.textContent.trim() : id, date: new Date().toISOString() });
    // The home page's script (home.js), loaded the first time the home page is shown.
    if (document.querySelector("[data-fp-course-map]")) FP.home ? FP.home() : FP.load("home", "");
  });
  // Results saved in another tab show here too.
  window.addEventListener("storage", function (e) { if (!e.key || e.key.indexOf(PREFIX) === 0) { paint(); if (FP.home) FP.home(); } });
})(window.FP);
