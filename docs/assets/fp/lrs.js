/* xAPI launcher (every page): loads xapi.js only when there is an LRS; see xapi.js. Part of
   assets/fp/site.js (macros/bundle.py), after core.js, whose FP.base says where the site is. */
window.FP = window.FP || {};
(FP => {
  FP.lrs = /*lrs*/null/*lrs*/;
  let on = FP.lrs || /[?&]endpoint=/.test(location.search);
  try { on ||= sessionStorage.getItem("frontline:v1:xapi-launch") || localStorage.getItem("frontline:v1:xapi-queue"); } catch {}
  if (on && FP.base) document.head.append(Object.assign(document.createElement("script"), { src: FP.base + "assets/fp/xapi.js" }));
})(window.FP);
