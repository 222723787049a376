/* Frontline Playbook core, on every page: the FP namespace, storage that reports failure, one date
   format, and the loader of app pages' own files (data-fp-load). app.js adds what only app pages
   use (catalog, DOM helpers, FP.onPage, FP.has, FP.STORAGE_FAILED, FP.store.works): this file
   counts in a module page's 6 KB (tests/browser/test_page_weight.py). */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var own = document.currentScript;
  // The site root, absolute (this file is assets/fp/core.js); file:// included.
  FP.base = own && own.src ? new URL("../../", own.src).href : new URL("./", location.href).href;

  // Storage. set/remove/writeJSON return true only when the change is really in storage.
  function ls() { try { return window.localStorage; } catch (e) { return null; } }
  function tryIt(f, fail) { try { return f(ls()); } catch (e) { return fail; } }
  var S = FP.store = {
    get: function (k) { return tryIt(function (s) { return s.getItem(k); }, null); },
    set: function (k, v) { return tryIt(function (s) { s.setItem(k, v); return s.getItem(k) === v; }, false); },
    remove: function (k) { return tryIt(function (s) { s.removeItem(k); return s.getItem(k) === null; }, false); },
    keys: function (prefix) {
      return tryIt(function (s) {
        var out = [];
        for (var i = 0; i < s.length; i++) if (s.key(i).indexOf(prefix) === 0) out.push(s.key(i));
        return out;
      }, []);
    },
    readJSON: function (k) { try { return JSON.parse(S.get(k)); } catch (e) { return null; } },
    writeJSON: function (k, v) { return S.set(k, JSON.stringify(v)); }
  };

  // Dates: YYYY-MM-DD in files and inputs, "15 Dec 2026" for people.
  var MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" "), DAY = /^(\d{4})-(\d\d)-(\d\d)$/;
  function pad(n) { return String(n).padStart(2, "0"); }
  function utc(m, plus) { return new Date(Date.UTC(+m[1], m[2] - 1, +m[3] + (plus || 0))); }
  function iso(d) { return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()); }
  FP.iso = iso;
  FP.utc = utc;
  FP.DAY = DAY;
  FP.isoDay = function (d) { d = d || new Date(); return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); };
  FP.today = function () { return FP.isoDay(); };
  // From "2026-12-15", an ISO timestamp (its local day) or a Date; "" when it is not a date.
  FP.formatDate = function (v) {
    var m = DAY.exec(v), d = m ? utc(m) : new Date(v == null || v === "" ? NaN : v);
    if (isNaN(d)) return "";
    return m ? d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear()
      : d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
  };

  // Run fn on every page Material shows (instant navigation included).
  FP.onEachPage = function (fn) {
    if (window.document$) window.document$.subscribe(fn);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  };
  // An app page names its own files (Renderer.browser_catalog: data-fp-load, data-fp-css in
  // assets/fp/): styles first, then scripts in order, each once. Added to <body>, which Material
  // keeps across pages (it syncs <head>), so module pages load none of them.
  var done = {};
  function add(tag, url, attrs) {
    if (done[url]) return;
    var e = done[url] = document.createElement(tag);
    for (var k in attrs) e[k] = attrs[k];
    return document.body.appendChild(e);
  }
  FP.load = function (scripts, styles) {
    var wait = 0;
    function go() {
      scripts.split(" ").forEach(function (n) { if (n) add("script", n, { src: FP.base + "assets/fp/" + n + ".js", async: false }); });
    }
    styles.split(" ").forEach(function (n) {
      var e = n && add("link", n + ".css", { rel: "stylesheet", href: FP.base + "assets/fp/" + n + ".css" });
      if (e) { wait++; e.onload = e.onerror = function () { if (!--wait) go(); }; }
    });
    if (!wait) go();
  };
  FP.onEachPage(function () {
    document.querySelectorAll("[data-fp-load]").forEach(function (e) { FP.load(e.dataset.fpLoad, e.dataset.fpCss || ""); });
  });
})(window.FP);
