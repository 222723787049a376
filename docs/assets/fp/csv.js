/* Frontline Playbook: CSV that spreadsheets open as intended. Pure: rows in, text out.
   Starts with a UTF-8 byte-order mark (Excel otherwise reads "Zoë" as ANSI), quotes what needs
   quoting, and defuses cells a spreadsheet would run as a formula. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var CSV = FP.csv = {};
  CSV.BOM = "\uFEFF";

  CSV.cell = function (v) {
    var s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // no formulas when opened in a spreadsheet
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  /* `rows` is a list of lists (the first one the header). */
  CSV.text = function (rows) {
    return CSV.BOM + rows.map(function (r) { return r.map(CSV.cell).join(","); }).join("\r\n") + "\r\n";
  };
})(window.FP);
