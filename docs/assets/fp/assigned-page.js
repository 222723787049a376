/* Frontline Playbook: the "Assigned to you" page. Reads the assignment from the link's fragment,
   saves it in this browser and shows it. Re-reads when the fragment changes in the same tab (a
   corrected link pasted over a damaged one). */
window.FP = window.FP || {};
(function (FP) {
  "use strict";

  function show(view, cat) {
    var got = FP.link.fromFragment(location.hash, cat);
    if (got.error) {
      view.replaceChildren(FP.el("p", { "class": "fp-error", role: "alert" }, got.error));
      return;
    }
    if (!got.value) return;
    var saved = FP.assignments.save(got.value, cat);
    var said = saved ? FP.el("p", { "class": "fp-saved" }, "Saved in this browser: it also appears on your progress page.")
      : FP.el("p", { "class": "fp-error", role: "alert" }, "This assignment could not be saved in this browser (its storage is full or blocked): " +
        "keep the link, and open it again to come back here.");
    view.replaceChildren(said, FP.assignmentView(got.value, cat, { heading: "h2" }));
  }

  FP.onPage("[data-assigned-view]", function (view) {
    var cat = FP.catalog();
    if (!cat) return;
    show(view, cat);
    window.addEventListener("hashchange", function () { if (document.body.contains(view)) show(view, cat); });
  });
})(window.FP);
