/* Frontline Playbook: the "Assign modules" page. Builds an assignment link from the form; the
   form never submits anywhere (no action, no names, submit prevented). */
window.FP = window.FP || {};
(function (FP) {
  "use strict";

  FP.onPage(".fp-assign-form", function (form) {
    var cat = FP.catalog();
    if (!cat) return;
    var page = form.closest("article") || document;
    var result = page.querySelector(".fp-assign-result"), error = form.querySelector(".fp-assign-error");
    var start = form.querySelector("#fp-start"), pathSel = form.querySelector("#fp-path");
    if (!start.value) start.value = FP.today();
    function box(id) { return form.querySelector('[data-module="' + id + '"] input[type="checkbox"]'); }
    function dueField(id) { return form.querySelector('[data-module="' + id + '"] input[type="date"]'); }
    function applyPath() {
      var p = FP.has(cat.paths, pathSel.value) ? cat.paths[pathSel.value] : null;
      if (!p) return;
      form.querySelectorAll('.fp-assign-module input[type="checkbox"]').forEach(function (b) { b.checked = false; });
      p.steps.forEach(function (s) {
        var b = box(s.module), d = dueField(s.module);
        if (b) b.checked = true;
        if (d) d.value = FP.addDays(FP.validDate(start.value) ? start.value : FP.today(), s.day);
      });
    }
    pathSel.addEventListener("change", applyPath);
    start.addEventListener("change", applyPath);
    var want = new URLSearchParams(location.search).get("path");
    if (want && FP.has(cat.paths, want)) { pathSel.value = want; applyPath(); }
    var current = null;
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var a = { v: 1, name: form.querySelector("#fp-assignee").value.trim(), items: [] };
      var note = form.querySelector("#fp-note").value.trim();
      if (note) a.note = note;
      if (pathSel.value) a.path = pathSel.value;
      if (FP.validDate(start.value)) a.start = start.value;
      form.querySelectorAll('.fp-assign-module input[type="checkbox"]:checked').forEach(function (b) {
        a.items.push({ m: b.value, due: dueField(b.value).value });
      });
      var problem = !a.name ? "Enter the manager's name." : (!a.items.length ? "Pick at least one module or a path." :
        (a.items.some(function (it) { return !FP.validDate(it.due); }) ? "Give every picked module a due date." : FP.link.check(a, cat)));
      error.textContent = problem || "";
      if (problem) return;
      current = a;
      var link = new URL(cat.assigned, cat.root).href + "#assignment=" + FP.link.encode(a);
      result.hidden = false;
      result.querySelector('[data-field="name"]').textContent = a.name;
      result.querySelector("#fp-assign-link").value = link;
      var sheet = result.querySelector(".fp-assign-sheet");
      sheet.replaceChildren(FP.el("p", {}, "Link: " + link),
        FP.table(["Module", "Due"], a.items.map(function (it) { return [cat.modules[it.m].title, FP.formatDate(it.due)]; })));
      if (a.note) sheet.prepend(FP.el("blockquote", {}, a.note));
      result.querySelector("h2").focus();
    });
    result.querySelector('[data-action="copy"]').addEventListener("click", function () {
      var field = result.querySelector("#fp-assign-link"), msg = result.querySelector(".fp-copy-status");
      field.select();
      (navigator.clipboard ? navigator.clipboard.writeText(field.value) : Promise.reject()).then(
        function () { msg.textContent = "Link copied."; },
        function () { msg.textContent = "Press Ctrl+C (or ⌘C) to copy the selected link."; });
    });
    result.querySelector('[data-action="print"]').addEventListener("click", function () { window.print(); });
    result.querySelector('[data-action="ics"]').addEventListener("click", function () {
      if (current) FP.download(FP.calendar.ics(current, cat), "frontline-assignment.ics", "text/calendar");
    });
  });
})(window.FP);
