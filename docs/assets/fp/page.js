/* Frontline Playbook: content pages on small screens and on paper.
   - A table wider than the page scrolls inside a focusable region with a name and a visible hint
     (keyboard users can scroll it; axe: scrollable-region-focusable). Re-checked on resize.
   - Every checklist (and each part of a role-play kit) gets a "Print this checklist" button that prints it alone.
   Without JavaScript neither appears: the tables scroll as Material makes them, Ctrl+P prints the
   whole module. Runs on every page Material shows. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";

  function tables() {
    var wraps = document.querySelectorAll(".md-content .md-typeset__scrollwrap");
    Array.prototype.forEach.call(wraps, function (wrap) {
      var table = wrap.querySelector("table"), hint = wrap.previousElementSibling;
      if (!table) return;
      if (!hint || !hint.classList.contains("fp-scroll-hint")) {
        hint = document.createElement("p");
        hint.className = "fp-scroll-hint";
        hint.setAttribute("aria-hidden", "true");
        hint.textContent = "Wide table: scroll sideways to see all of it →";
        wrap.parentNode.insertBefore(hint, wrap);
      }
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      hint.hidden = !wide;
      if (wide) {
        var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); }).filter(Boolean);
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Table" + (heads.length ? " of " + heads.join(", ") : "") + ", scrolls sideways");
      } else {
        ["tabindex", "role", "aria-label"].forEach(function (name) { wrap.removeAttribute(name); });
      }
    });
  }

  function printOne(section) {
    var root = document.documentElement;
    section.classList.add("fp-print-target");
    root.classList.add("fp-print-one-on");
    window.addEventListener("afterprint", function done() {
      window.removeEventListener("afterprint", done);
      section.classList.remove("fp-print-target");
      root.classList.remove("fp-print-one-on");
    });
    window.print();
  }

  function checklists() {
    var h1 = document.querySelector(".md-content h1");
    var from = h1 ? h1.firstChild.textContent.trim() : document.title;
    Array.prototype.forEach.call(document.querySelectorAll(".md-content .fp-checklist-section, .md-content .fp-print-part"), function (section) {
      if (section.querySelector(".fp-print-one")) return;
      var heading = section.querySelector("h2, h3"), what = (/fp-print-(brief|rubric)/.exec(section.className) || [])[1] || (/template/i.test(heading ? heading.textContent : "") ? "template" : "checklist");
      var b = document.createElement("button");
      b.type = "button";
      b.className = "md-button fp-print-one";
      b.textContent = "Print this " + what;
      b.addEventListener("click", function () { printOne(section); });
      var source = document.createElement("p");
      source.className = "fp-print-source";
      source.textContent = "From “" + from + "”, Frontline Playbook";
      if (heading) { heading.after(b); heading.before(source); } else section.prepend(b);
    });
  }

  function init() { tables(); checklists(); }
  var timer;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(tables, 150); });
  FP.page = { init: init, tables: tables };
  FP.onEachPage(init);
})(window.FP);
