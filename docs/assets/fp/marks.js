/* Frontline Playbook: a tick on each passed module in the navigation; remembers the last module page
   opened (frontline:v1:last-module) for the home page's "Continue", which home.js draws. Reads quiz
   results (frontline:v1:quiz:<id>); nothing leaves the browser. Runs on every page Material shows. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var QUIZ = "frontline:v1:quiz:", LAST = "frontline:v1:last-module";

  function read(key) {
    try { var v = JSON.parse(window.localStorage.getItem(key)); return v && typeof v === "object" ? v : null; } catch (e) { return null; }
  }
  function passed(id) { var r = read(QUIZ + id); return !!(r && r.passed === true); }
  function started(id) { return !!read(QUIZ + id); }

  /* The module id of a module page's URL (served or offline), or null. */
  function moduleOf(href) {
    var m = /\/modules\/([a-z0-9][a-z0-9-]*)(?:\/(?:index\.html)?|\.html)(?:[?#].*)?$/.exec(href || "");
    return m ? m[1] : null;
  }

  function markNav() {
    var links = document.querySelectorAll(".md-nav--primary .md-nav__item:not(.md-nav__item--nested) > a.md-nav__link");
    Array.prototype.forEach.call(links, function (a) {
      var id = moduleOf(a.href), mark = a.querySelector(".fp-nav-mark");
      if (!id) return;
      if (!passed(id)) { if (mark) mark.remove(); return; }
      if (mark) return;
      mark = document.createElement("span");
      mark.className = "fp-nav-mark";
      mark.title = "Passed";
      mark.innerHTML = '<span aria-hidden="true">✓</span><span class="fp-visually-hidden"> (passed)</span>';
      a.appendChild(mark);
    });
  }

  function remember() {
    var id = moduleOf(location.href);
    if (!id || !document.querySelector(".fp-stewardship")) return;
    var h1 = document.querySelector(".md-content h1");
    try {
      window.localStorage.setItem(LAST, JSON.stringify({ id: id, title: h1 ? h1.firstChild.textContent.trim() : id, date: new Date().toISOString() }));
    } catch (e) { /* storage full or blocked: the home page then offers the next open module instead */ }
  }

  /* The home page's script, added once when the home page is shown (module pages never load it). */
  var own = document.currentScript && document.currentScript.src;
  function home() {
    if (!document.querySelector("[data-fp-course-map]")) return;
    if (FP.home) return FP.home();
    if (!own || document.querySelector("script[data-fp-home-script]")) return;
    var script = document.createElement("script");
    script.src = own.replace(/marks\.js(\?.*)?$/, "home.js");
    script.setAttribute("data-fp-home-script", "");
    document.body.appendChild(script);
  }

  function init() { markNav(); remember(); home(); }
  FP.marks = { init: init, moduleOf: moduleOf, passed: passed, started: started, read: read, LAST: LAST };
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  /* A pass on this page ticks its nav entry at once. */
  document.addEventListener("click", function (e) { if (e.target.closest && e.target.closest(".fp-quiz")) setTimeout(markNav, 50); });
  window.addEventListener("storage", function (e) { if (!e.key || e.key.indexOf(QUIZ) === 0) init(); });
})(window.FP);
