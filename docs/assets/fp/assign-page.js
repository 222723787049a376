/* Frontline Playbook: the "Assign modules" page. Builds an assignment link from the form, shows
   what is being assigned, and writes a short message around the link (copy or email). The form
   never submits anywhere: no field has a name, its method is "dialog", and submit is prevented. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";

  /* The message around the link: plain text, short and friendly. */
  FP.assignMessage = function (a, cat, link) {
    var steps = FP.assignments.steps(a, cat), minutes = 0;
    steps.forEach(function (s) { minutes += cat.modules[s.m].duration || 0; });
    var path = a.path ? cat.paths[a.path] : null, first = steps[0], last = steps[steps.length - 1];
    var what = path ? "the learning path \u201c" + path.title + "\u201d (" + steps.length + " modules)"
      : steps.length === 1 ? "the module \u201c" + cat.modules[first.m].title + "\u201d" : steps.length + " modules";
    var lines = ["Hi " + a.name + ",", "",
      "I have assigned you " + what + " in Frontline Playbook, our course for front-line sales managers. It takes " + FP.duration(minutes) +
      " in all; the first module is due " + FP.formatDate(first.due) + (steps.length > 1 ? " and the last " + FP.formatDate(last.due) : "") + "."];
    if (a.note) lines.push("", a.note);
    lines.push("", "Open this link to see the modules, their due dates and why each one matters (your answers stay in your own browser):", link, "",
      "When you have passed them, download your completion record from \u201cMy progress\u201d and send it to me.");
    if (a.by) lines.push("", a.by);
    return lines.join("\n");
  };

  FP.onPage(".fp-assign-form", function (form) {
    var cat = FP.catalog();
    if (!cat) return;
    var page = FP.pageOf(form);
    var result = page.querySelector(".fp-assign-result"), error = form.querySelector(".fp-assign-error");
    var start = form.querySelector("#fp-start"), pathSel = form.querySelector("#fp-path"), submit = form.querySelector('[type="submit"]');
    var status = result.querySelector(".fp-copy-status"), current = null, message = "", confirmed = "";
    function row(id) { return form.querySelector('.fp-assign-module[data-module="' + id + '"]'); }
    function box(id) { var r = row(id); return r && r.querySelector('input[type="checkbox"]'); }
    function due(id) { var r = row(id); return r && r.querySelector('input[type="date"]'); }
    if (!start.value) start.value = FP.today();

    function applyPath() {
      var p = FP.has(cat.paths, pathSel.value) ? cat.paths[pathSel.value] : null;
      if (!p) return;
      form.querySelectorAll('.fp-assign-module input[type="checkbox"]').forEach(function (b) { b.checked = false; });
      p.steps.forEach(function (s) {
        if (box(s.module)) box(s.module).checked = true;
        if (due(s.module)) due(s.module).value = FP.addDays(FP.validDate(start.value) ? start.value : FP.today(), s.day);
      });
    }
    pathSel.addEventListener("change", applyPath);
    start.addEventListener("change", applyPath);
    form.addEventListener("input", function () { confirmed = ""; submit.textContent = "Make the assignment link"; });
    var want = new URLSearchParams(location.search).get("path");
    if (want && FP.has(cat.paths, want)) { pathSel.value = want; applyPath(); }
    FP.showApp(page);

    function read() {
      var a = { v: 1, name: form.querySelector("#fp-assignee").value.trim(), items: [] };
      var note = form.querySelector("#fp-note").value.trim(), by = form.querySelector("#fp-by").value.trim();
      if (note) a.note = note;
      if (by) a.by = by;
      if (pathSel.value) a.path = pathSel.value;
      if (FP.validDate(start.value)) a.start = start.value;
      form.querySelectorAll('.fp-assign-module input[type="checkbox"]:checked').forEach(function (b) {
        a.items.push({ m: b.value, due: due(b.value).value });
      });
      return a;
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var a = read();
      var problem = !a.name ? "Enter the manager's name." : (!a.items.length ? "Pick at least one module or a path." :
        (a.items.some(function (it) { return !FP.validDate(it.due); }) ? "Give every picked module a real due date." : FP.link.check(a, cat)));
      if (problem) { error.textContent = problem; return; }
      // In the order the learner should take them: the path's, then by due date.
      a.items = FP.assignments.steps(a, cat).map(function (s) { return { m: s.m, due: s.due }; });
      var today = FP.today(), past = a.items.filter(function (it) { return it.due < today; });
      var signature = JSON.stringify(a);
      if (past.length && confirmed !== signature) {
        confirmed = signature;
        error.textContent = (past.length === a.items.length ? "Every due date is" : past.length + " of the " + a.items.length + " due dates are") +
          " already past (the earliest is " + FP.formatDate(past[0].due) + "): the manager would start overdue. Change the start date or the due dates, " +
          "or press the button again to make the link anyway.";
        submit.textContent = "Make the link anyway";
        return;
      }
      error.textContent = "";
      submit.textContent = "Make the assignment link";
      current = a;
      var link = new URL(cat.assigned, cat.root).href + "#assignment=" + FP.link.encode(a);
      message = FP.assignMessage(a, cat, link);
      result.hidden = false;
      result.querySelector('[data-field="name"]').textContent = a.name;
      result.querySelector("#fp-assign-link").value = link;
      result.querySelector(".fp-message").textContent = message;
      var subject = "Your Frontline Playbook assignment" + (a.path ? ": " + cat.paths[a.path].title : "");
      result.querySelector('[data-action="email"]').href = "mailto:?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(message);
      status.textContent = "";
      var summary = summaryOf(a, cat);
      result.querySelector(".fp-assign-summary").replaceChildren(summary);
      var sheet = result.querySelector(".fp-assign-sheet");
      sheet.replaceChildren(summaryOf(a, cat), FP.el("p", { "class": "fp-sheet-link" }, "Open the link in the message you were sent, or: " + link));
      result.querySelector("h2").focus();
    });

    function copy(text, done) {
      (navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject()).then(
        function () { status.textContent = done; },
        function () {
          var field = result.querySelector("#fp-assign-link");
          field.select();
          status.textContent = "Your browser did not allow copying: press Ctrl+C (or \u2318C) to copy the selected link.";
        });
    }
    result.querySelector('[data-action="copy-message"]').addEventListener("click", function () { copy(message, "Message copied: paste it into an email or a chat."); });
    result.querySelector('[data-action="copy"]').addEventListener("click", function () {
      result.querySelector("#fp-assign-link").select();
      copy(result.querySelector("#fp-assign-link").value, "Link copied.");
    });
    result.querySelector('[data-action="print"]').addEventListener("click", function () { window.print(); });
    result.querySelector('[data-action="ics"]').addEventListener("click", function () {
      if (current) FP.download(FP.calendar.ics(current, cat), "frontline-assignment.ics", "text/calendar");
    });
  });

  /* What is being assigned: path, total time, note, and each step with its target, due date and why. */
  function summaryOf(a, cat) {
    var box = FP.el("div", { "class": "fp-assign-what" }), minutes = 0;
    var steps = FP.assignments.steps(a, cat);
    steps.forEach(function (s) { minutes += cat.modules[s.m].duration || 0; });
    var path = a.path ? cat.paths[a.path] : null;
    box.appendChild(FP.el("p", { "class": "fp-assignment-summary" }, (path ? path.title + ": " : "") + steps.length + (steps.length === 1 ? " module" : " modules") +
      ", " + FP.duration(minutes) + " in all" + (a.start ? ", from " + FP.formatDate(a.start) : "") + (a.by ? ". From " + a.by : "") + "."));
    if (a.note) box.appendChild(FP.noteElement(a.note));
    var rows = steps.map(function (s) {
      var title = FP.el("span", {}, cat.modules[s.m].title), due = FP.el("span", {}, FP.formatDate(s.due));
      title.appendChild(FP.el("span", { "class": "fp-muted" }, " \u00b7 " + cat.modules[s.m].duration + " min"));
      if (s.why) title.appendChild(FP.el("span", { "class": "fp-why" }, s.why));
      if (s.artefact) title.appendChild(FP.el("span", { "class": "fp-why fp-artefact" }, "Bring to your manager: " + s.artefact));
      if (s.target) due.appendChild(FP.el("span", { "class": "fp-why" }, s.target));
      if (s.when) due.appendChild(FP.el("em", { "class": "fp-why fp-when" }, "Only when " + s.when));
      return [title, due];
    });
    var wrap = FP.el("div", { "class": "md-typeset__table" });
    wrap.appendChild(FP.table(["Module", "Due"], rows));
    box.appendChild(wrap);
    return box;
  }
})(window.FP);
