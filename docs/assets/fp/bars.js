/* Frontline Playbook: the progress bars (macros/templates/progress-bar.html) of My progress, of
   each learning path's page and of any page with the progress_bars() macro: modules passed of those
   a bar counts. progress.js loads this file the first time a page with a bar is shown; from then on
   the bars are painted with the other marks of results (FP.progress.paint: every page shown, a quiz
   checked, results saved in another tab, My progress's import and reset). */
window.FP = window.FP || {};
(FP => {
  "use strict";
  const P = FP.progress;
  P.paintBars = () => document.querySelectorAll("[data-progress-modules]").forEach(el => {
    const ids = el.dataset.progressModules.split(" ").filter(Boolean), done = ids.filter(P.passed).length, text = el.querySelector(".fp-progress-text");
    el.querySelector("progress").value = done;
    el.hidden = false; // hidden in the markup: without JavaScript no made-up "0 of N"
    if (text) text.textContent = `${done} of ${ids.length} passed`;
  });
  P.painters.push(P.paintBars);
  P.paintBars(); // the page that named this file is shown already
})(window.FP);
