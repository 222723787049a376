/* Frontline Playbook: field-assignment artefacts on My progress. Each module's field assignment
   (title and what it produces, from the catalog's `fieldAssignment`) is listed with a "Done" box;
   ticking it records the day. Kept in this browser under frontline:v1:artefact:<moduleId> as
   { v: 1, done: true|false, date: "YYYY-MM-DD"|null }; anything else stored there is ignored.
   The completion record (record.js) carries them; a failed save is said on the page and the box
   goes back to what is really stored. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var PREFIX = "frontline:v1:artefact:";

  function valid(x) {
    return !!x && typeof x === "object" && x.v === 1 && typeof x.done === "boolean" &&
      (x.done ? typeof x.date === "string" && FP.DAY.test(x.date) : x.date === null || x.date === undefined);
  }
  // Modules with a field assignment, in course order (the catalog's tracks, then the rest).
  function withAssignment(cat) {
    var ids = [];
    (cat.tracks || []).forEach(function (t) { t.modules.forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); }); });
    Object.keys(cat.modules).forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
    return ids.filter(function (id) { return FP.has(cat.modules, id) && cat.modules[id].fieldAssignment; });
  }

  var A = FP.artefacts = {
    PREFIX: PREFIX,
    valid: valid,
    ids: withAssignment,
    get: function (id) { var x = FP.store.readJSON(PREFIX + id); return valid(x) ? x : null; },
    /* Save one module's box; true only when it is really in storage. */
    set: function (id, done, day) { return FP.store.writeJSON(PREFIX + id, { v: 1, done: !!done, date: done ? day : null }); },
    /* module id -> stored value, for every module with a field assignment that has one. */
    all: function (cat) {
      var out = {};
      withAssignment(cat).forEach(function (id) { var x = A.get(id); if (x) out[id] = x; });
      return out;
    },
    /* Two values merged without losing work: done wins, with the earlier day. */
    merge: function (mine, theirs) {
      if (!valid(theirs)) return mine;
      if (!valid(mine) || (!mine.done && theirs.done)) return theirs;
      if (mine.done && theirs.done && theirs.date < mine.date) return theirs;
      return mine;
    }
  };

  FP.onPage("[data-artefact-list]", function (box) {
    var cat = FP.catalog();
    if (!cat) return;
    var page = FP.pageOf(box), status = page.querySelector(".fp-artefact-status"), count = page.querySelector(".fp-artefact-count");
    var ids = withAssignment(cat);
    if (!ids.length) { box.replaceChildren(FP.el("p", { "class": "fp-muted" }, "No module has a field assignment yet.")); return; }

    function paintCount() {
      var done = ids.filter(function (id) { var x = A.get(id); return x && x.done; }).length;
      count.textContent = done + " of " + ids.length + " done.";
    }
    function item(id) {
      var m = cat.modules[id], fa = m.fieldAssignment, saved = A.get(id), key = "fp-artefact-" + id;
      var li = FP.el("li", { "class": "fp-artefact", "data-artefact": id });
      var tick = FP.el("input", { type: "checkbox", id: key });
      tick.checked = !!(saved && saved.done);
      var label = FP.el("label", { "for": key });
      label.append("Done: ", FP.el("strong", {}, fa.title));
      var when = FP.el("span", { "class": "fp-artefact-date" });
      function paintWhen() { var x = A.get(id); when.textContent = x && x.done ? " · done on " + FP.formatDate(x.date) : ""; }
      paintWhen();
      var what = FP.el("p", { "class": "fp-artefact-what" });
      var link = FP.el("a", { href: new URL(m.url + "#field-assignment", cat.root).href }, m.title);
      what.append(fa.artefact + " From ", link, ".");
      tick.addEventListener("change", function () {
        var ok = A.set(id, tick.checked, FP.today());
        if (!ok) {
          tick.checked = !tick.checked;
          status.textContent = FP.STORAGE_FAILED + " “" + fa.title + "” is not marked.";
        } else {
          status.textContent = tick.checked ? "“" + fa.title + "” marked done on " + FP.formatDate(FP.today()) + "." : "“" + fa.title + "” is no longer marked done.";
        }
        paintWhen();
        paintCount();
      });
      li.append(tick, " ", label, when, what);
      return li;
    }
    // Also after an import (progress-page.js) brought ticks from another browser.
    A.paint = function () {
      var list = FP.el("ul", { "class": "fp-artefacts" });
      ids.forEach(function (id) { list.appendChild(item(id)); });
      box.replaceChildren(list);
      paintCount();
    };
    A.paint();
  });
})(window.FP);
