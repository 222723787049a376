/* Frontline Playbook: quiz results kept in this browser (localStorage), and the marks that show them.
   Keys are versioned and namespaced (frontline:v1:quiz:<module>) so rebuilds and redeploys never lose
   them; anything unreadable in storage is ignored, never fatal. Nothing is sent anywhere.

   @typedef {{quizVersion: string, moduleVersion: string, best: number, last: number, passed: boolean,
     date: string, passedOn?: string, first?: number, attempts?: {date: string, score: number}[]}} Result
   `first` (first-attempt score) and `attempts` came later: every reader tolerates their absence. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var PREFIX = "frontline:v1:quiz:";
  var MAX_ATTEMPTS = 50;

  function valid(r) {
    return !!r && typeof r === "object" && typeof r.quizVersion === "string" &&
      typeof r.best === "number" && r.best >= 0 && r.best <= 100 &&
      (r.last === undefined || (typeof r.last === "number" && r.last >= 0 && r.last <= 100)) &&
      typeof r.passed === "boolean" && typeof r.date === "string" && !isNaN(Date.parse(r.date)) &&
      (r.passedOn === undefined || (typeof r.passedOn === "string" && !isNaN(Date.parse(r.passedOn)))) &&
      (r.first === undefined || (typeof r.first === "number" && r.first >= 0 && r.first <= 100)) &&
      (r.attempts === undefined || Array.isArray(r.attempts));
  }

  function load(moduleId) {
    var r = FP.store.readJSON(PREFIX + moduleId);
    return valid(r) ? r : null;
  }

  /* Store a whole result (an import); true when saved. */
  function put(moduleId, r) { return valid(r) && FP.store.writeJSON(PREFIX + moduleId, r); }

  /* Record an attempt; true when it was saved, false when storage is full or blocked.
     A result of an older quiz version is replaced, not merged: its best score answered other
     questions. */
  function record(moduleId, quizVersion, moduleVersion, score, passMark) {
    var old = load(moduleId);
    var now = new Date().toISOString();
    var same = old && old.quizVersion === quizVersion;
    var passed = score >= passMark;
    var attempts = (same && Array.isArray(old.attempts) ? old.attempts : []).concat([{ date: now, score: score }]).slice(-MAX_ATTEMPTS);
    var r = {
      quizVersion: quizVersion, moduleVersion: moduleVersion, last: score, date: now,
      best: same ? Math.max(old.best, score) : score,
      passed: (same && old.passed) || passed,
      passedOn: same && old.passed ? old.passedOn : (passed ? now : undefined),
      first: same ? (typeof old.first === "number" ? old.first : (old.attempts && old.attempts.length ? old.attempts[0].score : undefined)) : score,
      attempts: attempts
    };
    return FP.store.writeJSON(PREFIX + moduleId, r);
  }

  function all() {
    var out = {};
    FP.store.keys(PREFIX).forEach(function (k) {
      var id = k.slice(PREFIX.length), r = load(id);
      if (r) out[id] = r;
    });
    return out;
  }

  function reset() {
    var ok = true;
    FP.store.keys(PREFIX).forEach(function (k) { ok = FP.store.remove(k) && ok; });
    return ok;
  }

  /* How a result reads for a quiz of the given current version. */
  function describe(r, currentVersion) {
    if (!r) return null;
    var older = !!currentVersion && r.quizVersion !== currentVersion;
    var text = r.passed ? "Passed on " + FP.formatDate(r.passedOn || r.date) : "Best score " + r.best + "%, not passed yet";
    if (r.passed) text += " (best score " + r.best + "%)";
    if (older) text += ", on an earlier version of this quiz";
    return { text: text, passed: r.passed, older: older };
  }

  /* Fill every [data-module-status] mark on the page. */
  function paint(root) {
    var marks = (root || document).querySelectorAll("[data-module-status]");
    Array.prototype.forEach.call(marks, function (el) {
      var id = el.getAttribute("data-module-status");
      var quiz = document.querySelector('[data-quiz="' + id + '"]');
      var d = describe(load(id), quiz ? quiz.getAttribute("data-quiz-version") : el.getAttribute("data-quiz-version"));
      var long = el.hasAttribute("data-long");
      el.textContent = d ? (d.passed ? "✓ " : "") + (long ? d.text : (d.passed ? "Completed" : "In progress")) : (long ? "Not started" : "");
      el.className = el.className.replace(/ ?fp-status-\w+/g, "") + (d ? (d.passed ? " fp-status-passed" : " fp-status-started") : " fp-status-none") +
        (d && d.older ? " fp-status-older" : "");
      if (d) el.title = d.text;
    });
  }

  /* Fill every progress bar: modules passed out of the modules it counts. */
  function paintBars(root) {
    var bars = (root || document).querySelectorAll("[data-progress-modules]");
    Array.prototype.forEach.call(bars, function (el) {
      var ids = el.getAttribute("data-progress-modules").split(" ").filter(Boolean);
      var done = ids.filter(function (id) { var r = load(id); return r && r.passed; }).length;
      var bar = el.querySelector("progress"), text = el.querySelector(".fp-progress-text");
      if (bar) bar.value = done;
      if (text) text.textContent = done + " of " + ids.length + (ids.length === 1 ? " module" : " modules") + " passed";
    });
  }

  function bindReset(root) {
    var b = (root || document).querySelector("[data-progress-reset]");
    if (!b || b.dataset.bound) return;
    b.dataset.bound = "1";
    b.addEventListener("click", function () {
      if (!window.confirm("Delete all your quiz results from this browser? This cannot be undone.")) return;
      var ok = reset();
      paint();
      paintBars();
      var msg = document.querySelector("[data-progress-message]");
      if (msg) msg.textContent = ok ? "Your quiz results were deleted from this browser." : "Some results could not be deleted: this browser's storage is blocked.";
    });
  }

  window.FrontlineProgress = FP.progress = {
    load: load, record: record, put: put, all: all, reset: reset, describe: describe, paint: paint, paintBars: paintBars, valid: valid, PREFIX: PREFIX
  };

  function init() { paint(); paintBars(); bindReset(); }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})(window.FP);
