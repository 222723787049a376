/* Frontline Playbook: the home page's main action and the per-track counts on its course map.
   Loaded by core.js (the course map's data-fp-load) the first time the home page is shown, and run on
   every page shown after (it does nothing where there is no course map) and when results change in
   another tab; reads the results and the last module opened. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var P = FP.progress, passed = P.passed, LAST = P.LAST;
  function started(id) { return !!P.load(id); }
  function read(key) { var v = FP.store.readJSON(key); return v && typeof v === "object" ? v : null; }
  var formatDate = FP.formatDate;

  function button(href, text, primary) {
    var a = document.createElement("a");
    a.href = href;
    a.className = "md-button" + (primary ? " md-button--primary" : "");
    a.textContent = text;
    return a;
  }

  /* The home page: per-track counts and the one next step. */
  FP.home = function () {
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
  };

  FP.onEachPage(FP.home);
  window.addEventListener("storage", function (e) { if (!e.key || e.key.indexOf(P.PREFIX) === 0) FP.home(); });
})(window.FP);
