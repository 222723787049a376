/* Frontline Playbook: where the learner stands, shown where they look. A tick on each passed module
   in the navigation, per-track counts on the home page's course map, and the home page's main
   action (next due, continue where you left off, or start). Reads quiz results
   (frontline:v1:quiz:<id>) and remembers the last module page opened (frontline:v1:last-module);
   nothing leaves the browser. Runs on every page Material shows. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var QUIZ = "frontline:v1:quiz:", LAST = "frontline:v1:last-module";
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var formatDate = FP.formatDate || function (v) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(v || ""));
    return m ? +m[3] + " " + MONTHS[+m[2] - 1] + " " + m[1] : "";
  };

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

  function button(href, text, primary) {
    var a = document.createElement("a");
    a.href = href;
    a.className = "md-button" + (primary ? " md-button--primary" : "");
    a.textContent = text;
    return a;
  }

  /* The home page: per-track counts and the one next step. */
  function home() {
    var map = document.querySelector("[data-fp-course-map]"), action = document.querySelector("[data-fp-home-action]");
    if (!map || !action) return;
    var all = Array.prototype.slice.call(map.querySelectorAll("a[data-module]"));
    var any = all.some(function (a) { return started(a.getAttribute("data-module")); });
    Array.prototype.forEach.call(map.querySelectorAll(".fp-map-track"), function (track) {
      var links = track.querySelectorAll("a[data-module]"), done = 0;
      Array.prototype.forEach.call(links, function (a) { if (passed(a.getAttribute("data-module"))) done++; });
      /* Counts once there is something to count: a first visit shows the plain map. */
      track.querySelector("[data-fp-track-count]").textContent = any ? done + " of " + links.length + " passed" : "";
      track.classList.toggle("fp-map-done", done === links.length && done > 0);
    });
    var open = all.filter(function (a) { return !passed(a.getAttribute("data-module")); });
    var last = read(LAST), lastLink = last && all.filter(function (a) { return a.getAttribute("data-module") === last.id; })[0];
    var next = FP.nextStep ? FP.nextStep(null) : null, parts = [], context = "";
    if (next && next.url && next.due) {
      parts.push(button(next.url, "Next due: " + next.title, true));
      context = (next.pathTitle ? next.pathTitle + " · " : "") + "due " + formatDate(next.due);
      if (FP.assignedUrl) parts.push(button(FP.assignedUrl, "All my assignments"));
    } else if (lastLink && !passed(last.id)) {
      parts.push(button(lastLink.href, "Continue where you left off: " + lastLink.textContent, true));
      context = started(last.id) ? "You have tried its self-check; it is not passed yet." : "You last opened it on " + formatDate(last.date) + ".";
    } else if (open.length && open.length < all.length) {
      parts.push(button(open[0].href, "Continue with: " + open[0].textContent, true));
      context = (all.length - open.length) + " of " + all.length + " modules passed.";
    } else if (!open.length && all.length) {
      context = "You have passed every module. Well done.";
    }
    if (!parts.length && !context) return;  // a first visit keeps the page's own "Start the course"
    var progress = document.querySelector('a[href$="progress/"], a[href$="progress.html"]');
    if (progress) parts.push(button(progress.href, "My progress"));
    var p = document.createElement("p");
    p.className = "fp-home-context";
    p.textContent = context;
    action.replaceChildren.apply(action, parts.concat(context ? [p] : []));
  }

  function init() { markNav(); remember(); home(); }
  FP.marks = { init: init, moduleOf: moduleOf };
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  /* A pass on this page ticks its nav entry at once. */
  document.addEventListener("click", function (e) { if (e.target.closest && e.target.closest(".fp-quiz")) setTimeout(markNav, 50); });
  window.addEventListener("storage", function (e) { if (!e.key || e.key.indexOf(QUIZ) === 0) init(); });
})(window.FP);
