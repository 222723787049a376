/* Frontline Playbook: one assignment shown to the learner, in the path's order with its targets,
   "why" lines, due dates and the learner's status; used by "Assigned to you" and "My progress". */
window.FP = window.FP || {};
(function (FP) {
  "use strict";

  function results(cat) {
    var P = window.FrontlineProgress, out = Object.create(null);
    Object.keys(cat.modules).forEach(function (id) { var r = P && P.load(id); if (r) out[id] = r; });
    return out;
  }
  FP.savedResults = results;

  /* Counts for a summary line: {passed, overdue, total, minutes}. */
  FP.assignmentCounts = function (a, cat, today) {
    var res = results(cat), c = { passed: 0, overdue: 0, total: a.items.length, minutes: 0, open: [] };
    FP.assignments.steps(a, cat).forEach(function (s) {
      var st = FP.assignments.status(res[s.m] || null, cat.modules[s.m], s.due, today);
      if (st.key === "passed") c.passed++; else c.open.push(s);
      if (st.key === "overdue") c.overdue++;
      c.minutes += cat.modules[s.m].duration || 0;
    });
    return c;
  };

  /* The assignment as a section: who it is for, the note, a summary line and a table of steps.
     `opts.heading` is the heading level ("h2"/"h3"); `opts.actions` extra buttons appended. */
  FP.assignmentView = function (a, cat, opts) {
    opts = opts || {};
    var today = FP.today(), res = results(cat);
    var path = a.path && FP.has(cat.paths, a.path) ? cat.paths[a.path] : null;
    var wrap = FP.el("section", { "class": "fp-assignment" });
    var title = FP.el(opts.heading || "h3", { "class": "fp-assignment-for" }, opts.title || "For " + a.name + (path ? " · " + path.title : ""));
    wrap.appendChild(title);
    var counts = FP.assignmentCounts(a, cat, today);
    wrap.appendChild(FP.el("p", { "class": "fp-assignment-summary" },
      counts.passed + " of " + counts.total + " passed" + (counts.overdue ? " · " + counts.overdue + " overdue" : "") +
      " · " + FP.duration(counts.minutes) + " in all" + (a.by ? " · from " + a.by : "") + (a.start ? " · starts " + FP.formatDate(a.start) : "")));
    if (a.note && !opts.noNote) wrap.appendChild(FP.noteElement(a.note));
    var table = FP.el("table"), head = FP.el("tr");
    ["Module", "Due", "Status"].forEach(function (h) { head.appendChild(FP.el("th", { scope: "col" }, h)); });
    table.appendChild(FP.el("thead")).appendChild(head);
    var body = table.appendChild(FP.el("tbody"));
    FP.assignments.steps(a, cat).forEach(function (s) {
      var mod = cat.modules[s.m], st = FP.assignments.status(res[s.m] || null, mod, s.due, today);
      var tr = FP.el("tr", { "data-module": s.m });
      var cell = FP.el("th", { scope: "row" });
      cell.appendChild(FP.el("a", { href: new URL(mod.url, cat.root).href }, mod.title));
      cell.appendChild(FP.el("span", { "class": "fp-muted" }, " · " + mod.duration + " min"));
      if (s.why) cell.appendChild(FP.el("span", { "class": "fp-why" }, s.why));
      if (s.artefact) cell.appendChild(FP.el("span", { "class": "fp-why fp-artefact" }, "Bring to your manager: " + s.artefact));
      tr.appendChild(cell);
      var due = FP.el("td", { "class": "fp-due" }, FP.formatDate(s.due));
      if (s.target) due.appendChild(FP.el("span", { "class": "fp-why" }, s.target));
      if (s.when) due.appendChild(FP.el("em", { "class": "fp-why fp-when" }, "Only when " + s.when));
      tr.appendChild(due);
      tr.appendChild(FP.el("td", { "class": "fp-assign-status fp-st-" + st.key }, st.text));
      body.appendChild(tr);
    });
    var scroll = FP.el("div", { "class": "md-typeset__table" });
    scroll.appendChild(table);
    wrap.appendChild(scroll);
    var actions = FP.el("div", { "class": "fp-actions" });
    var ics = FP.el("button", { type: "button", "class": "md-button" }, "Download calendar reminders (.ics)");
    ics.addEventListener("click", function () { FP.download(FP.calendar.ics(a, cat), "frontline-assignment.ics", "text/calendar"); });
    actions.appendChild(ics);
    (opts.actions || []).forEach(function (b) { actions.appendChild(b); });
    wrap.appendChild(actions);
    return wrap;
  };
})(window.FP);
