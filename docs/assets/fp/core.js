/* Frontline Playbook: the core every page loads. One namespace (window.FP) for all our scripts;
   storage that says whether it worked; the course catalog the page carries; one date format;
   small DOM helpers; and the loader that brings in a page's own scripts only on the pages that
   need them (module pages load none of them).

   Material's instant navigation swaps pages without a reload and re-creates inline scripts
   without their attributes, so no data travels in a <script>: the catalog is a data attribute
   (browser_catalog() in macros/render.py), and every feature starts from FP.onPage, which runs on
   each page Material shows and once per element. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";

  var own = document.currentScript;
  /* The site's root as an absolute URL: core.js is assets/fp/core.js. Works on file:// too. */
  FP.base = own && own.src ? new URL("../../", own.src).href : new URL("./", location.href).href;

  function has(obj, key) { return obj !== null && obj !== undefined && Object.prototype.hasOwnProperty.call(obj, key); }
  FP.has = has;

  /* A map with no prototype: ids such as "constructor" or "__proto__" are unknown, not inherited. */
  FP.map = function (obj) {
    var out = Object.create(null);
    Object.keys(obj || {}).forEach(function (k) { out[k] = obj[k]; });
    return out;
  };

  /* --- Storage: every write answers "did it stick?" --- */
  function local() {
    try { return window.localStorage; } catch (e) { return null; }
  }
  FP.store = {
    /* The text under `key`, or null (missing, or storage blocked). */
    get: function (key) {
      var s = local();
      if (!s) return null;
      try { return s.getItem(key); } catch (e) { return null; }
    },
    /* true when the value is saved; false when storage is full or blocked. */
    set: function (key, value) {
      var s = local();
      if (!s) return false;
      try {
        s.setItem(key, value);
        return s.getItem(key) === value;
      } catch (e) { return false; }
    },
    remove: function (key) {
      var s = local();
      if (!s) return false;
      try { s.removeItem(key); return true; } catch (e) { return false; }
    },
    /* Every key starting with `prefix`. */
    keys: function (prefix) {
      var s = local(), out = [];
      if (!s) return out;
      try {
        for (var i = 0; i < s.length; i++) {
          var k = s.key(i);
          if (k && k.indexOf(prefix) === 0) out.push(k);
        }
      } catch (e) { /* blocked */ }
      return out;
    },
    readJSON: function (key) {
      var text = FP.store.get(key);
      if (text === null) return null;
      try { return JSON.parse(text); } catch (e) { return null; }
    },
    writeJSON: function (key, value) { return FP.store.set(key, JSON.stringify(value)); },
    /* Can this browser keep anything at all? */
    works: function () {
      var probe = "frontline:v1:probe";
      var ok = FP.store.set(probe, "1");
      FP.store.remove(probe);
      return ok;
    }
  };
  FP.STORAGE_FAILED = "This browser did not save it: its storage is full or blocked (private window, or a site-data setting). " +
    "Nothing else was changed.";

  /* --- Dates: ISO (YYYY-MM-DD) inside files and inputs; "15 Dec 2026" wherever people read them. --- */
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
  function pad(n) { return String(n).padStart(2, "0"); }
  /* A real calendar day in ISO form: 2027-02-30 is not one. */
  FP.validDate = function (s) {
    var m = typeof s === "string" && ISO_DAY.exec(s);
    if (!m) return false;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  };
  /* The local calendar day of a Date (or now) as YYYY-MM-DD. */
  FP.isoDay = function (date) {
    var d = date || new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  };
  FP.today = function () { return FP.isoDay(new Date()); };
  FP.addDays = function (iso, days) {
    var m = ISO_DAY.exec(iso);
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + days));
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
  };
  /* "15 Dec 2026" from "2026-12-15", a full ISO timestamp (its local day) or a Date; "" if not a date. */
  FP.formatDate = function (value) {
    var y, mo, d;
    var m = typeof value === "string" && ISO_DAY.exec(value);
    if (m) { y = +m[1]; mo = +m[2]; d = +m[3]; } else {
      var date = value instanceof Date ? value : new Date(value);
      if (value === null || value === undefined || value === "" || isNaN(date.getTime())) return "";
      y = date.getFullYear(); mo = date.getMonth() + 1; d = date.getDate();
    }
    return d + " " + MONTHS[mo - 1] + " " + y;
  };

  /* --- The course catalog the page carries (see Renderer.browser_catalog). --- */
  FP.catalog = function (root) {
    var holder = (root || document).querySelector("[data-fp-catalog]");
    if (!holder) return null;
    if (holder.fpCatalog) return holder.fpCatalog;
    var data;
    try { data = JSON.parse(holder.getAttribute("data-fp-catalog")); } catch (e) { return null; }
    if (!data || typeof data !== "object") return null;
    data.modules = FP.map(data.modules);
    data.paths = FP.map(data.paths);
    data.root = new URL(data.root || "./", location.href).href;
    holder.fpCatalog = data;
    return data;
  };

  /* --- DOM helpers --- */
  FP.el = function (tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  };
  /* A table in Material's style (its scroll wrapper included), first column as row headers. */
  FP.table = function (headers, rows, attrs) {
    var t = FP.el("table", attrs), tr = FP.el("tr");
    headers.forEach(function (h) { tr.appendChild(FP.el("th", { scope: "col" }, h)); });
    t.appendChild(FP.el("thead")).appendChild(tr);
    var body = t.appendChild(FP.el("tbody"));
    rows.forEach(function (r) {
      var row = FP.el("tr");
      r.forEach(function (c, i) {
        var cell = FP.el(i ? "td" : "th", i ? {} : { scope: "row" });
        if (c instanceof Node) cell.appendChild(c); else cell.textContent = c;
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    return t;
  };
  FP.download = function (content, name, type) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var a = FP.el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  };

  /* Run `init(element)` for every element matching `selector`, on every page Material shows
     (instant navigation included), once per element. */
  FP.onPage = function (selector, init) {
    function run() {
      Array.prototype.forEach.call(document.querySelectorAll(selector), function (root) {
        var flag = "fpBound" + selector.replace(/[^a-z]/gi, "");
        if (root[flag]) return;
        root[flag] = true;
        init(root);
        root.setAttribute("data-bound", "1"); // ready: tests and styles can tell
      });
    }
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  };

  /* --- Page scripts, loaded only where their page's marker is (module pages load none). ---
     Each entry: the marker, then the scripts (assets/fp/<name>.js, run in this order) and styles. */
  FP.PAGES = [
    { marker: ".fp-assign-form", scripts: ["link", "calendar", "assign-page"], styles: ["app"] },
    { marker: "[data-assigned-view]", scripts: ["link", "assignments", "calendar", "assignment-view", "assigned-page"], styles: ["app"] },
    { marker: "[data-assignment-list]", scripts: ["link", "assignments", "calendar", "record", "assignment-view", "progress-page"], styles: ["app"] },
    { marker: "[data-team-view]", scripts: ["link", "record", "csv", "team-lib", "team-page"], styles: ["app", "team"] }
  ];
  var loaded = Object.create(null);
  /* Add our scripts and styles to <body> (Material keeps <body>'s own children across pages but
     syncs <head>). Scripts added together run in the order given, after the styles arrived. */
  FP.load = function (scripts, styles) {
    var waiting = 0;
    function addScripts() {
      (scripts || []).forEach(function (name) {
        var src = FP.base + "assets/fp/" + name + ".js";
        if (loaded[src]) return;
        loaded[src] = true;
        var s = document.createElement("script");
        s.src = src;
        s.async = false;
        document.body.appendChild(s);
      });
    }
    (styles || []).forEach(function (name) {
      var href = FP.base + "assets/fp/" + name + ".css";
      if (loaded[href]) return;
      loaded[href] = true;
      var link = FP.el("link", { rel: "stylesheet", href: href });
      waiting++;
      link.onload = link.onerror = function () { if (--waiting === 0) addScripts(); };
      document.body.appendChild(link);
    });
    /* Styles first, so a page never shows its controls unstyled. */
    if (!waiting) addScripts();
  };
  function loadForPage() {
    FP.PAGES.forEach(function (p) {
      if (document.querySelector(p.marker)) FP.load(p.scripts, p.styles);
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(loadForPage);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", loadForPage);
  else loadForPage();
})(window.FP);
