/* Frontline Playbook core, on every page: the FP namespace, storage that reports failure, one date
   format, and the loader of app pages' own files (data-fp-load). app.js adds what only app pages
   use (catalog, DOM helpers, FP.onPage, FP.has, FP.STORAGE_FAILED, FP.store.works): this file
   counts in a module page's 6 KB (tests/browser/test_page_weight.py). */
window.FP = window.FP || {};
(FP => {
  "use strict";
  const own = document.currentScript;
  // The site root, absolute (this file starts assets/fp/site.js, macros/bundle.py); file:// included.
  FP.base = new URL(own?.src ? "../../" : "./", own?.src || location.href).href;

  // Storage. set/remove/writeJSON return true only when the change is really in storage. Reading
  // localStorage itself throws where site data is blocked, so it is read inside the try too.
  const tryIt = (f, fail) => { try { return f(localStorage); } catch { return fail; } };
  const S = FP.store = {
    get: k => tryIt(s => s.getItem(k), null),
    set: (k, v) => tryIt(s => (s.setItem(k, v), s.getItem(k) === v), false),
    remove: k => tryIt(s => (s.removeItem(k), s.getItem(k) === null), false),
    keys: prefix => tryIt(s => Object.keys(s).filter(k => k.startsWith(prefix)), []),
    readJSON: k => tryIt(() => JSON.parse(S.get(k)), null),
    writeJSON: (k, v) => S.set(k, JSON.stringify(v))
  };

  // Dates: YYYY-MM-DD in files and inputs (app.js reads and writes them), "15 Dec 2026" for people.
  const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" "), DAY = FP.DAY = /^(\d{4})-(\d\d)-(\d\d)$/;
  // From "2026-12-15" (that day), an ISO timestamp (its local day) or a Date; "" when it is not a date.
  // A day is made a local date, so both read the same way; the Date constructor rolls 2027-02-30 over.
  FP.formatDate = v => {
    const m = DAY.exec(v), d = m ? new Date(m[1], m[2] - 1, m[3]) : new Date(v == null || v === "" ? NaN : v);
    return isNaN(d) ? "" : `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
  };

  // Run fn on every page Material shows (instant navigation included).
  FP.onEachPage = fn => {
    if (window.document$) document$.subscribe(fn);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  };
  // A page names its own files in assets/fp/ (data-fp-load, data-fp-css: an app page's or a path's
  // catalog, Renderer.browser_catalog; the home page's course map; a role-play kit): styles first,
  // then, once they are in, scripts in order; each file once. Added to <body>, which Material keeps
  // across pages (it syncs <head>); module pages name none, so they load none of them.
  const done = {};
  const add = (tag, url, attrs) => done[url] ? null : document.body.appendChild(done[url] = Object.assign(document.createElement(tag), attrs));
  const names = (list, ext) => list.split(" ").filter(Boolean).map(n => FP.base + "assets/fp/" + n + ext);
  FP.load = (scripts, styles) => {
    const go = () => names(scripts, ".js").forEach(src => add("script", src, { src, async: false }));
    const css = names(styles, ".css").map(href => add("link", href, { rel: "stylesheet", href })).filter(Boolean);
    let wait = css.length;
    css.forEach(e => e.onload = e.onerror = () => --wait || go());
    if (!wait) go();
  };
  FP.onEachPage(() => document.querySelectorAll("[data-fp-load]").forEach(e => FP.load(e.dataset.fpLoad, e.dataset.fpCss || "")));
})(window.FP);
