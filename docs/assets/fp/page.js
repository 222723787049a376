/* Frontline Playbook: content pages on small screens and on paper.
   - A table wider than the page scrolls inside a focusable region with a name and a visible hint
     (keyboard users can scroll it; axe: scrollable-region-focusable). Re-checked on resize.
   - "Print this checklist" (and "brief"/"rubric" in a role-play kit) prints its section alone. The
     button and the section's "From ..." line come with the page (macros/templates/print-button.md,
     print-source.md); one listener on the document serves every page Material shows.
   Without JavaScript the button is hidden (frontline.css), the tables scroll as Material makes them
   and Ctrl+P prints the whole module. */
window.FP = window.FP || {};
(FP => {
  "use strict";

  const tables = () => document.querySelectorAll(".md-typeset__scrollwrap").forEach(wrap => {
    let hint = wrap.fpHint;
    if (!hint) {
      hint = wrap.fpHint = Object.assign(document.createElement("p"), { className: "fp-scroll-hint", textContent: "Wide table: scroll sideways to see all of it →" });
      hint.setAttribute("aria-hidden", "true");
      wrap.before(hint);
    }
    const wide = wrap.scrollWidth > wrap.clientWidth + 1;
    const heads = Array.from(wrap.querySelectorAll("thead th"), th => th.textContent.trim()).filter(Boolean);
    const region = { tabindex: 0, role: "region", "aria-label": `Table${heads.length ? " of " + heads.join(", ") : ""}, scrolls sideways` };
    hint.hidden = !wide;
    // Only a table that overflows is a region to scroll; one that fits again is a plain table.
    for (const name in region) wide ? wrap.setAttribute(name, region[name]) : wrap.removeAttribute(name);
  });

  // The print-one classes (frontline.css) leave the section alone on paper until the print is over.
  document.addEventListener("click", event => {
    const section = event.target.closest(".fp-print-one") && event.target.closest(".fp-print-part");
    const alone = on => {
      section.classList.toggle("fp-print-target", on);
      document.documentElement.classList.toggle("fp-print-one-on", on);
    };
    if (!section) return;
    alone(true);
    addEventListener("afterprint", () => alone(false), { once: true });
    print();
  });

  let timer;
  addEventListener("resize", () => { clearTimeout(timer); timer = setTimeout(tables, 150); });
  FP.onEachPage(tables);
})(window.FP);
