/* Frontline Playbook: quiz results kept in this browser (localStorage), and the marks that show them.
   Keys are versioned and namespaced (frontline:v1:quiz:<module>) so rebuilds and redeploys never lose
   them; anything unreadable in storage is ignored, never fatal. Nothing is sent anywhere. */
(function () {
  "use strict";
  var PREFIX = "frontline:v1:quiz:";

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function valid(r) {
    return r && typeof r === "object" && typeof r.quizVersion === "string" &&
      typeof r.best === "number" && r.best >= 0 && r.best <= 100 &&
      typeof r.last === "number" && r.last >= 0 && r.last <= 100 &&
      typeof r.passed === "boolean" && typeof r.date === "string" && !isNaN(Date.parse(r.date)) &&
      (r.passedOn === undefined || (typeof r.passedOn === "string" && !isNaN(Date.parse(r.passedOn))));
  }

  function load(moduleId) {
    var s = storage();
    if (!s) return null;
    try {
      var r = JSON.parse(s.getItem(PREFIX + moduleId));
      return valid(r) ? r : null;
    } catch (e) { return null; }
  }

  /* Record an attempt. A result of an older quiz version is replaced, not merged: its best score
     answered other questions. */
  function record(moduleId, quizVersion, moduleVersion, score, passMark) {
    var old = load(moduleId);
    var now = new Date().toISOString();
    var same = old && old.quizVersion === quizVersion;
    var passed = score >= passMark;
    var r = {
      quizVersion: quizVersion, moduleVersion: moduleVersion, last: score, date: now,
      best: same ? Math.max(old.best, score) : score,
      passed: (same && old.passed) || passed,
      passedOn: same && old.passed ? old.passedOn : (passed ? now : undefined)
    };
    var s = storage();
    if (s) { try { s.setItem(PREFIX + moduleId, JSON.stringify(r)); } catch (e) { /* full or blocked */ } }
    return r;
  }

  function all() {
    var s = storage(), out = {};
    if (!s) return out;
    for (var i = 0; i < s.length; i++) {
      var k = s.key(i);
      if (k && k.indexOf(PREFIX) === 0) {
        var r = load(k.slice(PREFIX.length));
        if (r) out[k.slice(PREFIX.length)] = r;
      }
    }
    return out;
  }

  function reset() {
    var s = storage();
    if (!s) return;
    for (var i = s.length - 1; i >= 0; i--) {
      var k = s.key(i);
      if (k && k.indexOf(PREFIX) === 0) s.removeItem(k);
    }
  }

  function day(iso) {
    return new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
  }

  /* How a result reads for a quiz of the given current version. */
  function describe(r, currentVersion) {
    if (!r) return null;
    var older = currentVersion && r.quizVersion !== currentVersion;
    var text = r.passed ? "Passed on " + day(r.passedOn || r.date) : "Best score " + r.best + "%, not passed yet";
    if (r.passed) text += " (best score " + r.best + "%)";
    if (older) text += ", on an earlier version of this quiz";
    return { text: text, passed: r.passed, older: !!older };
  }

  /* Fill every [data-module-status] mark on the page. */
  function paint(root) {
    var marks = (root || document).querySelectorAll("[data-module-status]");
    Array.prototype.forEach.call(marks, function (el) {
      var id = el.getAttribute("data-module-status");
      var quiz = document.querySelector('[data-quiz="' + id + '"]');
      var d = describe(load(id), quiz ? quiz.getAttribute("data-quiz-version") : el.getAttribute("data-quiz-version"));
      el.textContent = d ? (d.passed ? "✓ " : "") + (el.hasAttribute("data-long") ? d.text : (d.passed ? "Completed" : "In progress")) : (el.hasAttribute("data-long") ? "Not started" : "");
      el.className = el.className.replace(/ ?fp-status-\w+/g, "") + (d ? (d.passed ? " fp-status-passed" : " fp-status-started") : " fp-status-none");
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
      if (text) text.textContent = done + " of " + ids.length + " modules passed";
    });
  }

  function bindReset(root) {
    var b = (root || document).querySelector("[data-progress-reset]");
    if (!b || b.dataset.bound) return;
    b.dataset.bound = "1";
    b.addEventListener("click", function () {
      if (!window.confirm("Delete all your quiz results from this browser? This cannot be undone.")) return;
      reset();
      paint();
      paintBars();
      var msg = document.querySelector("[data-progress-message]");
      if (msg) msg.textContent = "Your progress was reset.";
    });
  }

  window.FrontlineProgress = { load: load, record: record, all: all, reset: reset, describe: describe, paint: paint, paintBars: paintBars, valid: valid, PREFIX: PREFIX };

  function init() { paint(); paintBars(); bindReset(); }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
