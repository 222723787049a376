/* Frontline Playbook: quiz results in this browser, the marks that show them, and the learner's
   next step. Results live under frontline:v1:quiz:<module> (kept across rebuilds):
   {quizVersion, moduleVersion, best, last, passed, date, passedOn?, first?, attempts?: [{date, score}]}
   first (first-attempt %) and attempts came later; every reader copes without them. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var S = FP.store, PREFIX = "frontline:v1:quiz:";
  function pct(n) { return typeof n === "number" && n >= 0 && n <= 100; }
  function time(s) { return typeof s === "string" && !isNaN(Date.parse(s)); }

  function valid(r) {
    return !!r && typeof r === "object" && typeof r.quizVersion === "string" && pct(r.best) && (r.last === undefined || pct(r.last)) &&
      typeof r.passed === "boolean" && time(r.date) && (r.passedOn === undefined || time(r.passedOn)) &&
      (r.first === undefined || pct(r.first)) && (r.attempts === undefined || Array.isArray(r.attempts));
  }
  function load(id) { var r = S.readJSON(PREFIX + id); return valid(r) ? r : null; }
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

  function all() {
    var out = {};
    S.keys(PREFIX).forEach(function (k) { var id = k.slice(PREFIX.length), r = load(id); if (r) out[id] = r; });
    return out;
  }
  function reset() { return S.keys(PREFIX).map(S.remove).every(Boolean); }

  // How a result reads against the quiz's current version.
  function describe(r, current) {
    if (!r) return null;
    var older = !!current && r.quizVersion !== current;
    var text = r.passed ? "Passed on " + FP.formatDate(r.passedOn || r.date) + " (best score " + r.best + "%)" : "Best score " + r.best + "%, not passed yet";
    return { text: text + (older ? ", on an earlier version of this quiz" : ""), passed: r.passed, older: older };
  }

  // Fill every [data-module-status] mark ([data-long]: a sentence; else a short label).
  function paint(root) {
    (root || document).querySelectorAll("[data-module-status]").forEach(function (el) {
      var id = el.getAttribute("data-module-status"), quiz = document.querySelector('[data-quiz="' + id + '"]');
      var d = describe(load(id), (quiz || el).getAttribute("data-quiz-version")), long = el.hasAttribute("data-long");
      el.textContent = d ? (d.passed ? "✓ " : "") + (long ? d.text : d.passed ? "Completed" : "In progress") : long ? "Not started" : "";
      el.className = el.className.replace(/ ?fp-status-\w+/g, "") + " fp-status-" + (d ? (d.passed ? "passed" : "started") + (d.older ? " fp-status-older" : "") : "none");
      if (d) el.title = d.text;
    });
  }
  // Fill every progress bar: modules passed of those it counts.
  function paintBars(root) {
    (root || document).querySelectorAll("[data-progress-modules]").forEach(function (el) {
      var ids = el.getAttribute("data-progress-modules").split(" ").filter(Boolean);
      var done = ids.filter(function (id) { var r = load(id); return r && r.passed; }).length, text = el.querySelector(".fp-progress-text");
      el.querySelector("progress").value = done;
      el.hidden = false; // hidden in the markup: without JavaScript no made-up "0 of N"
      if (text) text.textContent = done + " of " + ids.length + " passed";
    });
  }

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
      var open = steps.filter(function (s) { var r = load(s.m); return s.m !== id && !(r && r.passed); });
      var next = open.filter(function (s) { return steps.indexOf(s) > at; })[0] || open[0];
      if (next) return { title: next.title, url: FP.base + next.url, due: next.due, pathTitle: list[i].pathTitle || null };
    }
    var link = document.querySelector(".md-footer__link--next");
    return link && /\/modules\//.test(link.href) ? { title: link.querySelector(".md-ellipsis").textContent.trim(), url: link.href, due: null, pathTitle: null } : null;
  };
  // The "Assigned to you" page (an absolute URL, right from any page).
  Object.defineProperty(FP, "assignedUrl", {
    get: function () { return FP.base + (/\.html$/.test(location.pathname) || location.protocol === "file:" ? "assigned.html" : "assigned/"); }
  });

  window.FrontlineProgress = FP.progress = { load: load, record: record, put: put, all: all, reset: reset, describe: describe, paint: paint, paintBars: paintBars, valid: valid, PREFIX: PREFIX };
  FP.onEachPage(function () { paint(); paintBars(); });
})(window.FP);
