/* Frontline Playbook core, on every page: the FP namespace, storage that reports failure, one date
   format, FP.onPage, and the loader of app pages' own files (FP.PAGES); app.js adds the catalog
   and DOM helpers there. Kept small: it counts in a module page's 6 KB. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var own = document.currentScript;
  // The site root, absolute (this file is assets/fp/core.js); file:// included.
  FP.base = own && own.src ? new URL("../../", own.src).href : new URL("./", location.href).href;
  FP.has = function (o, k) { return o != null && Object.prototype.hasOwnProperty.call(o, k); };
  // A map without a prototype: "constructor" or "__proto__" are unknown ids, never inherited.
  FP.map = function (o) {
    var m = Object.create(null);
    Object.keys(o || {}).forEach(function (k) { m[k] = o[k]; });
    return m;
  };

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
    writeJSON: function (k, v) { return S.set(k, JSON.stringify(v)); },
    works: function () { var k = "frontline:v1:probe", ok = S.set(k, "1"); S.remove(k); return ok; }
  };
  FP.STORAGE_FAILED = "This browser could not save it: its storage is full or blocked (a private window, or a site-data setting).";

  // Dates: YYYY-MM-DD in files and inputs, "15 Dec 2026" for people.
  var MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" "), DAY = /^(\d{4})-(\d\d)-(\d\d)$/;
  function pad(n) { return String(n).padStart(2, "0"); }
  function utc(m, plus) { return new Date(Date.UTC(+m[1], m[2] - 1, +m[3] + (plus || 0))); }
  function iso(d) { return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()); }
  FP.validDate = function (s) { var m = DAY.exec(s); return !!m && iso(utc(m)) === s; }; // 2027-02-30 is not
  FP.addDays = function (s, n) { return iso(utc(DAY.exec(s), n)); };
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
  // init(element) once per element matching selector, on every page; data-bound marks it done.
  FP.onPage = function (selector, init) {
    var flag = "fp" + selector.replace(/\W/g, "");
    FP.onEachPage(function () {
      document.querySelectorAll(selector).forEach(function (el) {
        if (el[flag]) return;
        el[flag] = 1;
        init(el);
        el.setAttribute("data-bound", "1");
      });
    });
  };

  // App pages' files (assets/fp/<name>.js|.css), loaded where their marker is: styles first, then
  // scripts in order. Added to <body>, which Material keeps across pages (it syncs <head>).
  FP.PAGES = [
    [".fp-assign-form", "app link assignments calendar assign-page", "app"],
    ["[data-assigned-view]", "app link assignments calendar assignment-view assigned-page", "app"],
    ["[data-assignment-list]", "app link assignments calendar record assignment-view progress-page", "app"],
    ["[data-team-view]", "app link record csv team-lib team-page", "app team"]
  ];
  var done = {};
  FP.load = function (scripts, styles) {
    var wait = 0;
    function go() {
      scripts.split(" ").forEach(function (n) {
        var src = FP.base + "assets/fp/" + n + ".js";
        if (done[src]) return;
        var s = done[src] = document.createElement("script");
        s.src = src;
        s.async = false; // run in the order added
        document.body.appendChild(s);
      });
    }
    styles.split(" ").forEach(function (n) {
      var href = FP.base + "assets/fp/" + n + ".css";
      if (done[href]) return;
      var link = done[href] = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      wait++;
      link.onload = link.onerror = function () { if (!--wait) go(); };
      document.body.appendChild(link);
    });
    if (!wait) go();
  };
  FP.onEachPage(function () {
    FP.PAGES.forEach(function (p) { if (document.querySelector(p[0])) FP.load(p[1], p[2]); });
  });
})(window.FP);
