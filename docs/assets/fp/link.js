/* Frontline Playbook: the assignment link codec and its checks. No DOM, no storage.
   An assignment travels in a link's fragment (#assignment=...), which browsers never send to a
   server: JSON -> UTF-8 -> base64url, the same as `python -m macros assign`. Everything read from
   a link is checked field by field; lookups use FP.has, so "constructor" is an unknown id.

   @typedef {{m: string, due: string}} Item         a module id and its due date (YYYY-MM-DD)
   @typedef {{v: 1, name: string, by?: string, note?: string, path?: string, start?: string, items: Item[]}} Assignment
   (by: who assigned it; links made by `python -m macros assign` have none) */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var L = FP.link = {};
  L.MAX_LINK = 8000;
  L.MAX_ITEMS = 60;
  L.ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  function text(s, max) { return typeof s === "string" && s.length <= max; }

  L.encode = function (obj) {
    var bytes = new TextEncoder().encode(JSON.stringify(obj)), bin = "";
    bytes.forEach(function (b) { bin += String.fromCharCode(b); });
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };
  /* Throws on anything that is not base64url of UTF-8 JSON. */
  L.decode = function (s) {
    var bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  };

  /* An assignment checked against the catalog: an error message, or null when it is fine. */
  L.check = function (a, cat) {
    if (!a || typeof a !== "object" || Array.isArray(a)) return "it is not an assignment";
    if (a.v !== 1) return "it was made by a different version of the course (format " + String(a.v).slice(0, 10) + ")";
    if (!text(a.name, 80) || !a.name.trim()) return "the manager's name is missing or longer than 80 characters";
    if (a.note !== undefined && !text(a.note, 500)) return "the note is longer than 500 characters";
    if (a.by !== undefined && !text(a.by, 80)) return "the name of who assigned it is longer than 80 characters";
    if (a.path !== undefined && !(typeof a.path === "string" && FP.has(cat.paths, a.path))) return "it names a learning path this course does not have";
    if (a.start !== undefined && !FP.validDate(a.start)) return "its start date is not a real date";
    if (!Array.isArray(a.items) || !a.items.length || a.items.length > L.MAX_ITEMS) return "it lists no modules, or too many";
    for (var i = 0; i < a.items.length; i++) {
      var it = a.items[i];
      if (!it || typeof it.m !== "string" || !L.ID.test(it.m) || !FP.has(cat.modules, it.m)) return "it names a module this course does not have";
      if (!FP.validDate(it.due)) return "a due date is not a real date";
    }
    return null;
  };

  /* Only the known fields, in a fixed order (so equal assignments have equal JSON). */
  L.clean = function (a) {
    var out = { v: 1, name: a.name.trim(), items: a.items.map(function (it) { return { m: it.m, due: it.due }; }) };
    if (a.note) out.note = a.note;
    if (typeof a.by === "string" && a.by.trim()) out.by = a.by.trim();
    if (a.path) out.path = a.path;
    if (a.start) out.start = a.start;
    return out;
  };

  /* The assignment in a location hash: {value}, {error} or {} when the hash holds none.
     Punctuation an email client glues to the end of a link (. , ; ) > ") is ignored. */
  L.fromFragment = function (hash, cat) {
    var raw = String(hash || "").replace(/(?:[.,;:!?)\]>"'\u2019\u201d]|%22|%3E)+$/, "");
    var m = /^#assignment=([A-Za-z0-9_-]+)$/.exec(raw);
    if (!m) {
      return { error: raw.length > 1 ? "This assignment link is not valid: it is cut short or was changed. Ask for it to be sent again." : null };
    }
    if (m[1].length > L.MAX_LINK) return { error: "This assignment link is too long to be genuine." };
    var a;
    try { a = L.decode(m[1]); } catch (e) {
      return { error: "This assignment link is damaged: it could not be read. Ask for it to be sent again." };
    }
    var problem = L.check(a, cat);
    return problem ? { error: "This assignment link cannot be used: " + problem + "." } : { value: L.clean(a) };
  };
})(window.FP);
