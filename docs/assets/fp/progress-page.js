/* Frontline Playbook: the "My progress" page: the learner's name, their completion record
   (download and print), their assignments (each removable), export and import (of an export or a
   completion record, merged so that no pass is ever lost), and deleting the quiz results. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var LEARNER = "frontline:v1:learner", MAX_FILE = 1000000;
  function P() { return window.FrontlineProgress; }

  /* "Completion record - Zoë Ł - 2026-12-01.json": who and when, and no characters a file system refuses. */
  FP.recordFileName = function (name, day) {
    var clean = String(name || "").replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 60);
    return "Completion record - " + (clean ? clean + " - " : "") + day + ".json";
  };

  /* Whose assignments go into the record: with one person's assignments in this browser, theirs;
     with several people's, only those for `me` (and none until the learner says who they are). */
  FP.ownAssignments = function (list, me) {
    var names = FP.assignments.names(list);
    if (names.length <= 1) return { list: list, ask: false };
    var mine = list.filter(function (e) { return e.assignment.name === me; });
    return { list: mine, ask: !mine.length, names: names };
  };

  /* A completion record's result turned into a stored result (for the import). */
  function storedFrom(x) {
    var r = { quizVersion: x.quizVersion, moduleVersion: x.moduleVersion || "", best: x.best, last: x.best, passed: x.passed, date: x.date || x.passedOn || new Date().toISOString() };
    if (x.passedOn) r.passedOn = x.passedOn;
    if (typeof x.first === "number") r.first = x.first;
    if (Array.isArray(x.attempts)) r.attempts = x.attempts.filter(function (t) { return t && typeof t.date === "string" && typeof t.score === "number"; });
    return r;
  }

  FP.onPage("[data-assignment-list]", function (list) {
    var cat = FP.catalog();
    if (!cat) return;
    var page = FP.pageOf(list), nameField = page.querySelector("#fp-learner"), nameStatus = page.querySelector(".fp-name-status");
    var msg = page.querySelector(".fp-io-status"), importMsg = page.querySelector(".fp-import-status"), whose = page.querySelector(".fp-whose");
    FP.showApp(page);
    if (!FP.store.works()) {
      var warn = page.querySelector(".fp-storage-warning");
      warn.textContent = "This browser is not keeping anything for this site (its storage is full or blocked, as in some private windows): " +
        "quiz results and assignments you open now will not be saved, and what is shown here may be incomplete.";
      warn.hidden = false;
    }

    function me() { return nameField.value.trim(); }
    function entries() { return FP.assignments.list(cat); }

    function paintWhose() {
      var own = FP.ownAssignments(entries(), me());
      whose.hidden = !own.ask;
      if (!own.ask) { whose.replaceChildren(); return; }
      var set = FP.el("fieldset", { "class": "fp-whose-choice" });
      set.appendChild(FP.el("legend", {}, "This browser holds assignments for " + own.names.length + " people. Whose record is this?"));
      own.names.forEach(function (n, i) {
        var p = FP.el("p"), id = "fp-whose-" + i, radio = FP.el("input", { type: "radio", id: id, value: n });
        radio.addEventListener("change", function () { nameField.value = n; saveName(); paintAll(); });
        p.append(radio, " ", FP.el("label", { "for": id }, n));
        set.appendChild(p);
      });
      set.appendChild(FP.el("p", { "class": "fp-hint" }, "Only that person's assignments go into the record. Someone else? Type your name below."));
      whose.replaceChildren(set);
    }

    function paintList() {
      var items = entries();
      if (!items.length) {
        list.replaceChildren(FP.el("p", { "class": "fp-muted" }, "Nothing assigned yet. When your manager sends you an assignment link, open it and it will appear here."));
        return;
      }
      list.replaceChildren.apply(list, items.map(function (e) {
        var remove = FP.el("button", { type: "button", "class": "md-button" }, "Remove this assignment");
        remove.addEventListener("click", function () {
          var what = "the assignment for " + e.assignment.name + (e.assignment.path ? " (" + cat.paths[e.assignment.path].title + ")" : "");
          if (!window.confirm("Remove " + what + " from this browser? Your quiz results stay.")) return;
          msg.textContent = FP.assignments.remove(e.key, cat) ? "Removed " + what + "." : FP.STORAGE_FAILED;
          paintAll();
        });
        return FP.assignmentView(e.assignment, cat, { actions: [remove] });
      }));
    }
    function paintAll() { paintWhose(); paintList(); }

    function saveName() {
      var ok = me() ? FP.store.set(LEARNER, me()) : FP.store.remove(LEARNER);
      nameStatus.textContent = ok ? (me() ? "Saved." : "") : "Not saved: this browser's storage is full or blocked.";
      return ok;
    }
    var savedName = FP.store.get(LEARNER), names = FP.assignments.names(entries());
    nameField.value = savedName || (names.length === 1 ? names[0] : "");
    nameField.addEventListener("change", function () { saveName(); paintAll(); });
    paintAll();

    function record() {
      var own = FP.ownAssignments(entries(), me());
      if (own.ask) return null;
      return FP.record.build(me(), P().all(), own.list.map(function (e) { return e.assignment; }), cat, new Date(), FP.today(), FP.artefacts ? FP.artefacts.all(cat) : {});
    }
    function need() {
      msg.textContent = "First say whose record this is: choose a name above.";
      var first = whose.querySelector("input");
      if (first) first.focus();
    }
    page.querySelector('[data-action="record"]').addEventListener("click", function () {
      var r = record();
      if (!r) return need();
      FP.download(JSON.stringify(r, null, 2), FP.recordFileName(r.name, FP.today()), "application/json");
      msg.textContent = "Completion record downloaded" + (r.name ? " for " + r.name : " (without a name: add yours above)") + ".";
    });
    page.querySelector('[data-action="print-record"]').addEventListener("click", function () {
      var r = record();
      if (!r) return need();
      printRecord(page, r, cat);
      window.print();
    });
    window.addEventListener("afterprint", function () { var box = page.querySelector(".fp-record-print"); if (box) box.replaceChildren(); });

    page.querySelector('[data-action="export"]').addEventListener("click", function () {
      var data = { kind: "frontline-progress-export", v: 1, exported: new Date().toISOString(), name: me(), quiz: P().all(),
        assignments: entries().map(function (e) { return e.assignment; }), artefacts: FP.artefacts ? FP.artefacts.all(cat) : {} };
      FP.download(JSON.stringify(data, null, 2), "Frontline progress - " + FP.today() + ".json", "application/json");
      importMsg.textContent = "All your progress was exported.";
    });

    var input = page.querySelector("#fp-import");
    input.addEventListener("change", function () {
      var f = input.files[0];
      if (!f) return;
      if (f.size > MAX_FILE) { importMsg.textContent = "That file is too large to be a progress export or a completion record; nothing was imported."; return; }
      f.text().then(function (t) {
        var d;
        try { d = JSON.parse(t); } catch (e) { d = null; }
        var results = null, assignments = [];
        if (d && d.kind === "frontline-progress-export" && d.v === 1 && d.quiz && typeof d.quiz === "object" && Array.isArray(d.assignments)) {
          results = d.quiz;
          assignments = d.assignments;
        } else if (d && d.kind === FP.record.KIND && !FP.record.check(d, cat)) {
          results = {};
          Object.keys(d.results).forEach(function (id) { results[id] = storedFrom(d.results[id]); });
          assignments = d.assignments;
        } else {
          importMsg.textContent = "That file is neither a Frontline Playbook progress export nor a completion record; nothing was imported.";
          return;
        }
        var n = 0, failed = 0;
        Object.keys(results).forEach(function (id) {
          var r = results[id];
          if (!FP.has(cat.modules, id) || !P().valid(r)) return;
          var mine = P().load(id), merged = FP.record.merge(mine, r, cat.modules[id].quiz);
          if (mine && ["quizVersion", "best", "passed", "passedOn", "first"].every(function (k) { return merged[k] === mine[k]; }) &&
              (merged.attempts || []).length === (mine.attempts || []).length) return; // nothing new in the file
          if (P().put(id, merged)) n++; else failed++;
        });
        var marked = 0, artefacts = d.artefacts && typeof d.artefacts === "object" && !Array.isArray(d.artefacts) ? d.artefacts : {};
        if (FP.artefacts) Object.keys(artefacts).forEach(function (id) {
          // A record says { done, date }; keep a tick, never clear one.
          var x = artefacts[id], theirs = x && x.done === true && typeof x.date === "string" && FP.validDate(x.date) ? { v: 1, done: true, date: x.date } : null;
          if (!theirs || !FP.has(cat.modules, id) || !cat.modules[id].fieldAssignment) return;
          var mine = FP.artefacts.get(id), merged = FP.artefacts.merge(mine, theirs);
          if (merged === mine) return;
          if (FP.artefacts.set(id, true, merged.date)) marked++; else failed++;
        });
        var added = 0;
        assignments.forEach(function (a) {
          if (FP.link.check(a, cat)) return;
          if (FP.assignments.save(FP.link.clean(a), cat)) added++; else failed++;
        });
        if (d.name && !FP.store.get(LEARNER) && typeof d.name === "string" && d.name.length <= 80) { nameField.value = d.name; saveName(); }
        importMsg.textContent = failed ? FP.STORAGE_FAILED + " Some of the file was not imported." :
          "Imported " + n + " result" + (n === 1 ? "" : "s") + " (a pass is never replaced by a lower result), " + added + " assignment" + (added === 1 ? "" : "s") +
          " and " + marked + " field assignment" + (marked === 1 ? "" : "s") + " marked done.";
        if (FP.artefacts && FP.artefacts.paint) FP.artefacts.paint();
        input.value = "";
        P().paint(); // the bars too (bars.js)
        paintAll();
      });
    });

    var reset = page.querySelector("[data-progress-reset]"), resetMsg = page.querySelector("[data-progress-message]");
    reset.addEventListener("click", function () {
      if (!window.confirm("Delete all your quiz results from this browser? This cannot be undone.")) return;
      var ok = P().reset();
      P().paint();
      paintList();
      resetMsg.textContent = ok ? "Your quiz results were deleted from this browser." : "Some results could not be deleted: this browser's storage is blocked.";
    });
  });

  /* The printed record: the same facts as the file, on paper. */
  function printRecord(page, r, cat) {
    var box = page.querySelector(".fp-record-print");
    box.replaceChildren(FP.el("h1", {}, "Completion record" + (r.name ? ": " + r.name : "")),
      FP.el("p", {}, r.course + " · made " + FP.formatDate(r.created) + ". " + r.selfCheck));
    var ids = Object.keys(r.results);
    box.appendChild(FP.el("h2", {}, "Modules"));
    box.appendChild(ids.length ? FP.table(["Module", "Version", "First attempt", "Best", "Attempts", "Dates", "Result"], ids.map(function (id) {
      var x = r.results[id], n = x.attempts.length;
      return [x.title + (x.currentVersion ? "" : " (earlier quiz version)"), "v" + (x.moduleVersion || "?"), x.first === null ? "—" : x.first + "%", x.best + "%",
        n ? String(n) : "—", (x.firstDate && x.firstDate !== x.date ? FP.formatDate(x.firstDate) + " to " : "") + FP.formatDate(x.date),
        x.passed ? "Passed " + FP.formatDate(x.passedOn) : "Not passed yet"];
    })) : FP.el("p", {}, "No quiz taken yet."));
    var fieldIds = Object.keys(r.artefacts || {});
    if (fieldIds.length) {
      var done = fieldIds.filter(function (id) { return r.artefacts[id].done; });
      box.appendChild(FP.el("h2", {}, "Field assignments: " + done.length + " of " + fieldIds.length + " done"));
      box.appendChild(FP.table(["Module", "Field assignment", "Done"], fieldIds.map(function (id) {
        var x = r.artefacts[id];
        return [cat.modules[id] ? cat.modules[id].title : id, x.title, x.done ? "Done " + FP.formatDate(x.date) : "Not yet"];
      })));
    }
    r.assignments.forEach(function (a) {
      box.appendChild(FP.el("h2", {}, "Assignment" + (a.pathTitle ? ": " + a.pathTitle : "") + (a.by ? ", from " + a.by : "")));
      box.appendChild(FP.el("p", {}, "For " + a.name + (a.start ? ", starting " + FP.formatDate(a.start) : "") + ". " +
        (a.open.length ? "Still open: " + a.open.map(function (m) { return cat.modules[m].title; }).join("; ") + "." : "Every module passed.")));
      box.appendChild(FP.table(["Module", "Target", "Due", "Status"], a.steps.map(function (s) {
        return [s.title, s.target || "—", FP.formatDate(s.due), s.status === "passed" ? "Passed " + FP.formatDate(s.passedOn) : s.status === "overdue" ? "Overdue" : "Open"];
      })));
    });
  }
})(window.FP);
