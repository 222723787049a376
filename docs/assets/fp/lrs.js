/* xAPI launcher (every page): loads xapi.js only when there is an LRS; see xapi.js. Part of
   assets/fp/site.js (macros/bundle.py), after core.js, whose FP.base says where the site is. */
window.FP = window.FP || {};
(function (FP) {
  FP.lrs = /*lrs*/null/*lrs*/;
  var on = FP.lrs || /[?&]endpoint=/.test(location.search);
  try { on = on || sessionStorage.getItem("frontline:v1:xapi-launch") || localStorage.getItem("frontline:v1:xapi-queue"); } catch (e) {}
  if (!on || !FP.base) return;
  var s = document.createElement("script");
  s.src = FP.base + "assets/fp/xapi.js";
  document.head.appendChild(s);
})(window.FP);
