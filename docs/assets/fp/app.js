/* Frontline Playbook: what every app page (Assign, Assigned to you, My progress, Team view) shares:
   the catalog the page carries and DOM helpers. Loaded by core.js before the page's own scripts. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  FP.has = function (o, k) { return o != null && Object.prototype.hasOwnProperty.call(o, k); };
  FP.store.works = function () { var k = "frontline:v1:probe", ok = FP.store.set(k, "1"); FP.store.remove(k); return ok; };
  FP.STORAGE_FAILED = "This browser could not save it: its storage is full or blocked (a private window, or a site-data setting).";
  // A map without a prototype: "constructor" or "__proto__" are unknown ids, never inherited.
  FP.map = function (o) {
    var m = Object.create(null);
    Object.keys(o || {}).forEach(function (k) { m[k] = o[k]; });
    return m;
  };
  // Dates as files and inputs hold them, YYYY-MM-DD (FP.DAY; core.js formats them for people): only
  // app pages compute with them, so a module page does not carry this.
  function pad(n) { return String(n).padStart(2, "0"); }
  FP.utc = function (m, plus) { return new Date(Date.UTC(+m[1], m[2] - 1, +m[3] + (plus || 0))); };
  FP.iso = function (d) { return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()); };
  FP.isoDay = function (d) { d = d || new Date(); return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); };
  FP.today = function () { return FP.isoDay(); };
  FP.validDate = function (s) { var m = FP.DAY.exec(s); return !!m && FP.iso(FP.utc(m)) === s; }; // 2027-02-30 is not
  FP.addDays = function (s, n) { return FP.iso(FP.utc(FP.DAY.exec(s), n)); };
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

  // The catalog of an app page (Renderer.browser_catalog): a data attribute, never a <script>, which
  // Material's instant navigation would re-create without its attributes.
  FP.catalog = function () {
    var el = document.querySelector("[data-fp-catalog]"), c;
    if (!el) return null;
    if (el.fp) return el.fp;
    try { c = JSON.parse(el.getAttribute("data-fp-catalog")); } catch (e) { return null; }
    c.modules = FP.map(c.modules);
    c.paths = FP.map(c.paths);
    c.root = new URL(c.root, location.href).href;
    return (el.fp = c);
  };

  FP.el = function (tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  };
  // A table; cells are text or nodes; the first column holds row headers.
  FP.table = function (heads, rows, attrs) {
    var t = FP.el("table", attrs), tr = t.appendChild(FP.el("thead")).appendChild(FP.el("tr")), b = t.appendChild(FP.el("tbody"));
    heads.forEach(function (h) { tr.appendChild(FP.el("th", { scope: "col" }, h)); });
    rows.forEach(function (r) {
      var row = b.appendChild(FP.el("tr"));
      r.forEach(function (c, i) {
        var cell = row.appendChild(FP.el(i ? "td" : "th", i ? {} : { scope: "row" }));
        if (c instanceof Node) cell.appendChild(c); else cell.textContent = c;
      });
    });
    return t;
  };
  FP.download = function (content, name, type) {
    var url = URL.createObjectURL(new Blob([content], { type: type })), a = FP.el("a", { href: url, download: name });
    document.body.appendChild(a).click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  };

  /* The note, its line breaks kept. */
  FP.noteElement = function (text) {
    var q = FP.el("blockquote", { "class": "fp-note" });
    text.split(/\r?\n/).forEach(function (line, n) {
      if (n) q.appendChild(FP.el("br"));
      q.appendChild(document.createTextNode(line));
    });
    return q;
  };

  // "about 40 minutes", "about 2.5 hours"
  FP.duration = function (minutes) {
    return minutes < 90 ? "about " + minutes + " minutes" : "about " + Math.round(minutes / 30) / 2 + " hours";
  };
  // Show an app page's tools (hidden in the markup, so without JavaScript there are no dead buttons).
  FP.showApp = function (page) {
    page.querySelectorAll("[data-fp-app]").forEach(function (el) { el.hidden = false; });
  };
  // The article holding `el` (or the document).
  FP.pageOf = function (el) { return el.closest("article") || document; };
})(window.FP);
