/* Frontline Playbook: the Team view's pure part: rows from completion records, and its CSV.
   (Moved as is from assign.js; the Team view's owner takes it from here.) No DOM. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var T = FP.team = FP.team || {};

  T.rows = function (records, cat, today) {
    var rows = [];
    records.forEach(function (r) {
      var due = Object.create(null);
      r.assignments.forEach(function (a) { a.items.forEach(function (it) { if (!due[it.m] || it.due < due[it.m]) due[it.m] = it.due; }); });
      var ids = Object.keys(due).length ? Object.keys(due) : Object.keys(r.results).filter(function (id) { return FP.has(cat.modules, id); });
      ids.forEach(function (id) {
        var x = FP.has(r.results, id) ? r.results[id] : null, mod = cat.modules[id];
        var older = !!(x && mod.quiz && x.quizVersion !== mod.quiz);
        var st = x && x.passed ? "passed" : (due[id] && due[id] < today ? "overdue" : "not yet");
        rows.push({ name: r.name || "(no name)", module: id, title: mod.title, due: due[id] || "", status: st, best: x ? x.best : null,
          passedOn: x && x.passedOn ? String(x.passedOn).slice(0, 10) : "", version: x && x.moduleVersion ? String(x.moduleVersion).slice(0, 12) : "",
          current: mod.version, older: older });
      });
    });
    return rows;
  };

  T.csv = function (rows) {
    var out = [["Manager", "Module", "Due", "Status", "Best score", "Passed on", "Module version", "Current version", "Needs refresh"]];
    rows.forEach(function (r) {
      out.push([r.name, r.title, r.due, r.status, r.best === null ? "" : r.best, r.passedOn, r.version, r.current, r.older ? "yes" : "no"]);
    });
    return FP.csv.text(out);
  };
})(window.FP);
