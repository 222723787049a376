/* Frontline Playbook: the Team view page: completion records opened from files, as a matrix of
   managers and modules, with a CSV download. (Moved as is from assign.js; the Team view's owner
   takes it from here.) */
window.FP = window.FP || {};
(function (FP) {
  "use strict";

  function renderTeam(view, records, cat) {
    if (!records.length) { view.replaceChildren(); return; }
    var rows = FP.team.rows(records, cat, FP.today()), names = [], modules = [];
    rows.forEach(function (x) { if (names.indexOf(x.name) < 0) names.push(x.name); if (modules.indexOf(x.module) < 0) modules.push(x.module); });
    var t = FP.el("table", { "class": "fp-team-matrix" }), head = FP.el("tr");
    head.appendChild(FP.el("th", { scope: "col" }, "Manager"));
    modules.forEach(function (m) { head.appendChild(FP.el("th", { scope: "col" }, cat.modules[m].title)); });
    t.appendChild(FP.el("thead")).appendChild(head);
    var body = t.appendChild(FP.el("tbody"));
    names.forEach(function (n) {
      var tr = FP.el("tr", { "data-manager": n });
      tr.appendChild(FP.el("th", { scope: "row" }, n));
      modules.forEach(function (m) {
        var x = rows.filter(function (r) { return r.name === n && r.module === m; })[0];
        var cell = FP.el("td", { "data-module": m, "class": x ? "fp-st-" + x.status.replace(" ", "-") : "" });
        cell.textContent = !x ? "—" : (x.status === "passed" ? "✓ Passed " + x.best + "%" : (x.status === "overdue" ? "⚠ Overdue" : "Not yet")) +
          (x && x.best !== null && x.status !== "passed" ? " (best " + x.best + "%)" : "") + (x && x.older ? " · older version, refresh" : "") +
          (x && x.due ? " · due " + FP.formatDate(x.due) : "");
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    });
    var wrap = FP.el("div", { "class": "md-typeset__table" });
    wrap.appendChild(t);
    var csv = FP.el("button", { type: "button", "class": "md-button md-button--primary" }, "Download CSV");
    csv.addEventListener("click", function () { FP.download(FP.team.csv(rows), "team-progress.csv", "text/csv"); });
    var print = FP.el("button", { type: "button", "class": "md-button" }, "Print");
    print.addEventListener("click", function () { window.print(); });
    var actions = FP.el("div", { "class": "fp-actions" });
    actions.append(csv, print);
    view.replaceChildren(FP.el("p", {}, records.length + " record" + (records.length === 1 ? "" : "s") + " opened."), wrap, actions);
  }

  FP.onPage("[data-team-view]", function (view) {
    var cat = FP.catalog(), page = view.closest("article") || document, input = page.querySelector("#fp-records");
    if (!cat || !input) return;
    var errors = page.querySelector(".fp-team-errors");
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files || []);
      Promise.all(files.map(function (f) {
        if (f.size > FP.record.MAX_FILE) return Promise.resolve({ error: f.name + ": too large to be a completion record." });
        return f.text().then(function (t) {
          var r;
          try { r = JSON.parse(t); } catch (e) { return { error: f.name + ": not a completion record (it is not JSON)." }; }
          var p = FP.record.check(r, cat);
          return p ? { error: f.name + ": cannot be used: " + p + "." } : { record: r };
        });
      })).then(function (out) {
        errors.textContent = out.filter(function (o) { return o.error; }).map(function (o) { return o.error; }).join(" ");
        renderTeam(view, out.filter(function (o) { return o.record; }).map(function (o) { return o.record; }), cat);
      });
    });
  });
})(window.FP);
