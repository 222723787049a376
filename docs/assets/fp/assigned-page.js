/* Frontline Playbook: the "Assigned to you" page. Reads the assignment from the link's fragment,
   saves it in this browser, greets the learner and shows the modules in the path's order. Reads
   again when the fragment changes in the same tab (a corrected link pasted over a damaged one). */
window.FP = window.FP || {};
(function (FP) {
  "use strict";

  function welcome(a, cat, saved) {
    var box = FP.el("section", { "class": "fp-welcome", "aria-labelledby": "fp-welcome-title" });
    var path = a.path ? cat.paths[a.path] : null, counts = FP.assignmentCounts(a, cat, FP.today());
    box.appendChild(FP.el("h2", { id: "fp-welcome-title" }, "Welcome, " + a.name));
    var steps = FP.assignments.steps(a, cat);
    box.appendChild(FP.el("p", { "class": "fp-welcome-what" },
      (a.by || "Your manager") + " assigned you " + (path ? "the learning path \u201c" + path.title + "\u201d" : steps.length === 1 ? "one module" : steps.length + " modules") +
      ": " + steps.length + (steps.length === 1 ? " module, " : " modules, ") + FP.duration(counts.minutes) + " in all, the first due " + FP.formatDate(steps[0].due) + "."));
    if (path && path.description) box.appendChild(FP.el("p", { "class": "fp-welcome-why" }, path.description));
    if (a.note) {
      box.appendChild(FP.el("p", { "class": "fp-note-label" }, (a.by ? a.by + "'s" : "The") + " note:"));
      box.appendChild(FP.noteElement(a.note));
    }
    var next = counts.open[0], actions = FP.el("div", { "class": "fp-actions" });
    if (next) {
      var mod = cat.modules[next.m];
      actions.appendChild(FP.el("a", { "class": "md-button md-button--primary", href: new URL(mod.url, cat.root).href },
        (counts.passed ? "Continue with " : "Start the first module: ") + mod.title));
    } else {
      actions.appendChild(FP.el("a", { "class": "md-button md-button--primary", href: new URL(cat.progress, cat.root).href }, "All passed: send your completion record"));
    }
    box.appendChild(actions);
    box.appendChild(saved ? FP.el("p", { "class": "fp-muted fp-saved" }, "Kept in this browser: you will find it again under My progress.")
      : FP.el("p", { "class": "fp-error", role: "alert" }, "This browser could not keep the assignment (its storage is full or blocked): keep the link, and open it again to come back here."));
    return box;
  }

  function show(view, cat) {
    var got = FP.link.fromFragment(location.hash, cat);
    if (got.error) {
      view.replaceChildren(FP.el("p", { "class": "fp-error", role: "alert" }, got.error));
      return;
    }
    if (!got.value) return;
    var saved = FP.assignments.save(got.value, cat);
    view.replaceChildren(welcome(got.value, cat, saved),
      FP.assignmentView(got.value, cat, { heading: "h2", title: "Your modules, in order", noNote: true }));
  }

  FP.onPage("[data-assigned-view]", function (view) {
    var cat = FP.catalog();
    if (!cat) return;
    view.hidden = false;
    show(view, cat);
    window.addEventListener("hashchange", function () { if (document.body.contains(view)) show(view, cat); });
  });
})(window.FP);
