/* Frontline Playbook: loads fp/review.js (spaced reviews, "Review due (N)", the Start here diagnostic)
   only on a page that has one of its markers, so module pages never carry its weight. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var own = document.currentScript && document.currentScript.src;
  function init() {
    if (!document.querySelector("[data-fp-review], [data-fp-review-due], [data-fp-diagnostic]")) return;
    if (FP.review) return FP.review();
    if (!own || document.querySelector("script[data-fp-review-script]")) return;
    var script = document.createElement("script");
    script.src = own.replace(/review-boot\.js(\?.*)?$/, "review.js");
    script.setAttribute("data-fp-review-script", "");
    document.body.appendChild(script);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(window.FP);
