/* Frontline Playbook: the "My progress" page: the learner's assignments, the completion record
   (download and print), export and import of all progress. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var MAX_FILE = 1000000;

  function P() { return window.FrontlineProgress; }

  FP.onPage("[data-assignment-list]", function (list) {
    var cat = FP.catalog();
    if (!cat) return;
    var page = list.closest("article") || document;
    var items = FP.assignments.list(cat);
    if (items.length) list.replaceChildren.apply(list, items.map(function (e) { return FP.assignmentView(e.assignment, cat); }));
    var msg = page.querySelector(".fp-io-status");
    function on(action, fn) {
      var b = page.querySelector('[data-action="' + action + '"]');
      if (b) b.addEventListener("click", fn);
    }
    function record() {
      var saved = FP.assignments.list(cat).map(function (e) { return e.assignment; });
      var name = saved.length ? saved[saved.length - 1].name : "";
      return FP.record.build(name, FP.savedResults(cat), saved, cat, new Date(), FP.today());
    }
    on("record", function () {
      FP.download(JSON.stringify(record(), null, 2), "completion-record.json", "application/json");
      msg.textContent = "Completion record downloaded.";
    });
    on("print-record", function () { printRecord(page, record(), cat); window.print(); });
    on("export", function () {
      var data = { kind: "frontline-progress-export", v: 1, exported: new Date().toISOString(), quiz: P().all(),
        assignments: FP.assignments.list(cat).map(function (e) { return e.assignment; }) };
      FP.download(JSON.stringify(data, null, 2), "frontline-progress.json", "application/json");
      msg.textContent = "All your progress was exported.";
    });
    var input = page.querySelector("#fp-import");
    if (input) input.addEventListener("change", function () {
      var f = input.files[0];
      if (!f) return;
      if (f.size > MAX_FILE) { msg.textContent = "That file is too large to be a progress export."; return; }
      f.text().then(function (t) {
        var d;
        try { d = JSON.parse(t); } catch (e) { d = null; }
        if (!d || d.kind !== "frontline-progress-export" || d.v !== 1 || typeof d.quiz !== "object" || !Array.isArray(d.assignments)) {
          msg.textContent = "That file is not a Frontline Playbook progress export; nothing was imported.";
          return;
        }
        var n = 0, failed = 0;
        Object.keys(d.quiz || {}).forEach(function (id) {
          var r = d.quiz[id];
          if (!FP.has(cat.modules, id) || !P().valid(r)) return;
          var mine = P().load(id), merged = FP.record.merge(mine, r, cat.modules[id].quiz);
          if (JSON.stringify(merged) === JSON.stringify(mine)) return;
          if (P().put(id, merged)) n++; else failed++;
        });
        d.assignments.forEach(function (a) { if (!FP.link.check(a, cat) && !FP.assignments.save(FP.link.clean(a), cat)) failed++; });
        msg.textContent = failed ? FP.STORAGE_FAILED : "Imported " + n + " result" + (n === 1 ? "" : "s") + ". Reload the page to see them everywhere.";
        P().paint();
        P().paintBars();
      });
    });
  });

  function printRecord(page, r, cat) {
    var box = page.querySelector(".fp-record-print");
    if (!box) return;
    var rows = Object.keys(r.results).map(function (id) {
      var x = r.results[id];
      return [x.title, "v" + (x.moduleVersion || "?"), x.best + "%", x.passed ? "Passed " + FP.formatDate(x.passedOn) : "Not passed"];
    });
    box.replaceChildren(FP.el("h2", {}, "Completion record" + (r.name ? ": " + r.name : "")),
      FP.el("p", {}, r.selfCheck + " Printed " + FP.formatDate(new Date()) + "."), FP.table(["Module", "Version", "Best score", "Result"], rows));
  }
})(window.FP);
