/* xAPI launcher (every page): loads xapi.js only when there is an LRS; see xapi.js. */
window.FP = window.FP || {};
(function (FP, me) {
  FP.lrs = /*lrs*/null/*lrs*/;
  var on = FP.lrs || /[?&]endpoint=/.test(location.search);
  try { on = on || sessionStorage.getItem("frontline:v1:xapi-launch") || localStorage.getItem("frontline:v1:xapi-queue"); } catch (e) {}
  if (!on || !me) return;
  var s = document.createElement("script");
  s.src = me.src.replace(/lrs\.js(\?.*)?$/, "xapi.js");
  document.head.appendChild(s);
})(window.FP, document.currentScript);
