/* Frontline Playbook: the Team view's pure functions (no DOM, no storage, no network; toCsv uses
   csv.js). A senior manager opens the completion records their managers sent; these functions check each
   file, keep one row per person (the newest record wins), work out the status of every assigned
   module against its due date, total it per manager and per module, sort, filter, and produce the
   CSV and the chart as data. team-page.js puts the result on the page.

   Everything read from a file is untrusted: it is checked field by field, ids are looked up with
   hasOwnProperty in maps made with Object.create(null) (so "constructor" or "__proto__" is an
   unknown id, never a lookup on Object.prototype), and nothing here builds HTML.

   Records read (both kinds: "frontline-completion-record"):
   v1 (assign.js before the split):
     { v: 1, name, created: ISO time, assignments: [{ v: 1, name, path?, start?, note?, items: [{ m, due }] }],
       results: { <moduleId>: { moduleVersion, quizVersion, best, passed, passedOn, date } } }
   v2 (journeys-core, documented at FP.record.build in record.js): the same, plus per module title,
     first (first-attempt score), attempts ([{ date, score }]), currentVersion, and per assignment
     pathTitle, steps (in the path's order: m, due, target, status, passedOn) and open; and, since
     issue 13, artefacts: { <moduleId>: { title, artefact, done, date } } (absent in older records).
     Every field v2 added is optional here, so a hand-edited or older file still opens. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";

  var KIND = "frontline-completion-record";
  var MAX_FILE = 1000000, MAX_ASSIGNMENTS = 50, MAX_ITEMS = 60, MAX_ATTEMPTS = 1000;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function has(obj, key) { return obj !== null && obj !== undefined && Object.prototype.hasOwnProperty.call(obj, key); }
  function dict() { return Object.create(null); }
  function isObject(x) { return !!x && typeof x === "object" && !Array.isArray(x); }
  function isText(s, max) { return typeof s === "string" && s.length <= max; }

  /* A calendar date YYYY-MM-DD that exists (2027-02-30 does not). */
  function isDay(s) {
    if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    var d = new Date(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)));
    return d.toISOString().slice(0, 10) === s;
  }
  /* The calendar day of an ISO date or date-time ("2026-12-03T09:15:00Z" -> "2026-12-03"), or "". */
  function dayOf(s) {
    if (typeof s !== "string" || !isDay(s.slice(0, 10))) return "";
    if (s.length === 10) return s;
    var t = new Date(s);
    // A time of day is read in the reader's time zone: a pass at 6 pm in Denver is that day, not the next.
    return isNaN(t.getTime()) ? "" : localDay(t);
  }
  function localDay(d) {
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  function daysBetween(fromDay, toDay) {
    return Math.round((Date.parse(toDay + "T00:00:00Z") - Date.parse(fromDay + "T00:00:00Z")) / DAY);
  }
  /* Today in the reader's time zone, as YYYY-MM-DD. */
  function today() { return localDay(new Date()); }
  /* "15 Dec 2026": the one date format people see (core.js's FP.formatDate when it is loaded). */
  function formatDate(iso) {
    if (typeof FP.formatDate === "function") return FP.formatDate(iso);
    var day = dayOf(iso);
    if (!day) return "";
    return +day.slice(8, 10) + " " + MONTHS[+day.slice(5, 7) - 1] + " " + day.slice(0, 4);
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }

  /* --- The course as the Team view needs it: modules with title, version, quiz version, in course order. --- */
  function courseOf(catalog) {
    var modules = dict(), order = [], paths = dict();
    var source = catalog && isObject(catalog.modules) ? catalog.modules : {};
    function add(id) {
      if (typeof id !== "string" || !has(source, id) || has(modules, id) || !isObject(source[id])) return;
      var m = source[id];
      modules[id] = { id: id, title: typeof m.title === "string" ? m.title : id, version: m.version || "", quiz: m.quiz || null, url: m.url || "" };
      order.push(id);
    }
    (catalog && Array.isArray(catalog.tracks) ? catalog.tracks : []).forEach(function (t) { (t && Array.isArray(t.modules) ? t.modules : []).forEach(add); });
    Object.keys(source).forEach(add);
    if (catalog && isObject(catalog.paths)) Object.keys(catalog.paths).forEach(function (id) {
      var p = catalog.paths[id];
      if (isObject(p)) paths[id] = { id: id, title: typeof p.title === "string" ? p.title : id };
    });
    return { modules: modules, order: order, paths: paths };
  }

  /* --- One file: parse, check, normalise. Returns { record } or { error } (a sentence naming the file). --- */
  function checkScore(x) { return typeof x === "number" && isFinite(x) && x >= 0 && x <= 100; }

  function readResult(id, x) {
    if (!isObject(x)) return "the result for " + id + " is not valid";
    if (!checkScore(x.best)) return "the result for " + id + " has no valid best score";
    if (typeof x.passed !== "boolean") return "the result for " + id + " does not say whether it was passed";
    if (!isText(x.quizVersion, 40)) return "the result for " + id + " has no valid quiz version";
    if (x.passedOn !== undefined && x.passedOn !== null && !dayOf(x.passedOn)) return "the result for " + id + " has a pass date that is not a date";
    if (x.first !== undefined && x.first !== null && !checkScore(x.first)) return "the result for " + id + " has a first-attempt score that is not valid";
    if (x.attempts !== undefined && x.attempts !== null && !(Array.isArray(x.attempts) && x.attempts.length <= MAX_ATTEMPTS))
      return "the attempts for " + id + " are not valid";
    if (x.moduleVersion !== undefined && x.moduleVersion !== null && !isText(x.moduleVersion, 40)) return "the result for " + id + " has a module version that is not valid";
    return null;
  }

  /* v2 assignments carry `steps` in the path's order; v1 (and links) only `items`. */
  function stepsOf(a) { return Array.isArray(a.steps) && a.steps.length ? a.steps : a.items; }
  function readAssignment(a) {
    if (!isObject(a)) return "an assignment in it is not valid";
    var items = stepsOf(a);
    if (!Array.isArray(items) || items.length > MAX_ITEMS) return "an assignment in it lists no modules, or too many";
    for (var i = 0; i < items.length; i++) {
      var it = items[i], id = isObject(it) ? (it.m !== undefined ? it.m : it.module) : undefined;
      if (typeof id !== "string" || !ID.test(id)) return "an assignment in it names a module in a way this course cannot read";
      if (!isDay(it.due)) return "an assignment in it has a due date that is not a date";
    }
    if (a.path !== undefined && a.path !== null && !(typeof a.path === "string" && (a.path === "" || ID.test(a.path)))) return "an assignment in it names its learning path in a way this course cannot read";
    return null;
  }

  /* Check a parsed record; returns the reason it cannot be used, or null. */
  function checkRecord(r) {
    if (!isObject(r) || r.kind !== KIND) return "it is not a Frontline Playbook completion record";
    if (r.v !== 1 && r.v !== 2) return "it was made by a newer or unknown version of the course (format " + String(r.v).slice(0, 10) + "); update this site";
    if (r.name !== undefined && r.name !== null && !isText(r.name, 200)) return "the name in it is not valid";
    if (r.assignments !== undefined && !(Array.isArray(r.assignments) && r.assignments.length <= MAX_ASSIGNMENTS)) return "its assignments are not valid";
    for (var i = 0; i < (r.assignments || []).length; i++) { var p = readAssignment(r.assignments[i]); if (p) return p; }
    var results = r.results;
    if (!isObject(results)) return "its results are not valid";
    var ids = Object.keys(results);
    for (var j = 0; j < ids.length; j++) {
      if (!ID.test(ids[j])) return "a result in it names a module in a way this course cannot read";
      var q = readResult(ids[j], results[ids[j]]);
      if (q) return q;
    }
    return null;
  }

  /* The record as the rest of this file uses it. Ids the course does not know are left out and listed. */
  function normalise(r, fileName, course) {
    var name = typeof r.name === "string" ? r.name.replace(/\s+/g, " ").trim() : "";
    var created = typeof r.created === "string" && !isNaN(Date.parse(r.created)) ? r.created : "";
    var results = dict(), due = dict(), assignedOrder = [], unknown = [];
    function known(id) {
      if (has(course.modules, id)) return true;
      if (unknown.indexOf(id) < 0) unknown.push(id);
      return false;
    }
    var source = r.results;
    Object.keys(source).forEach(function (id) {
      if (!known(id)) return;
      var x = source[id];
      var attempts = (Array.isArray(x.attempts) ? x.attempts : []).filter(function (a) { return isObject(a) && checkScore(a.score) && !!dayOf(a.date); });
      results[id] = {
        moduleVersion: typeof x.moduleVersion === "string" ? x.moduleVersion : "",
        quizVersion: x.quizVersion,
        best: x.best,
        first: checkScore(x.first) ? x.first : (attempts.length ? attempts[0].score : null),
        attempts: attempts.length || null,
        passed: x.passed,
        earlier: x.currentVersion === false, // the learner's own site already said "earlier version"
        passedOn: x.passed ? dayOf(x.passedOn) || dayOf(x.date) : ""
      };
    });
    (r.assignments || []).forEach(function (a) {
      var pathTitle = typeof a.pathTitle === "string" ? a.pathTitle : (typeof a.path === "string" && has(course.paths, a.path) ? course.paths[a.path].title : "");
      stepsOf(a).forEach(function (it) {
        var id = it.m !== undefined ? it.m : it.module;
        if (!known(id)) return;
        if (assignedOrder.indexOf(id) < 0) assignedOrder.push(id);
        // The same module in two assignments: the earlier due date is the one that can be missed.
        if (!has(due, id) || it.due < due[id].due) due[id] = { due: it.due, path: pathTitle };
      });
    });
    return { file: String(fileName || ""), name: name, created: created, v: r.v, results: results, due: due, assignedOrder: assignedOrder, unknown: unknown,
      artefacts: artefactsOf(r.artefacts, course) };
  }

  /* Field assignments a record lists (v2, since issue 13; older records have none: null):
     { done: [{ id, title, date }], total } for the modules this course knows. Entries that are not
     valid are left out rather than refusing the record: they never change a quiz result. */
  function artefactsOf(a, course) {
    if (!isObject(a)) return null;
    var done = [], total = 0;
    Object.keys(a).forEach(function (id) {
      var x = a[id];
      if (!has(course.modules, id) || !isObject(x) || typeof x.done !== "boolean") return;
      total++;
      if (x.done) done.push({ id: id, title: isText(x.title, 200) ? x.title : course.modules[id].title, date: isDay(x.date) ? x.date : "" });
    });
    done.sort(function (p, q) { return course.order.indexOf(p.id) - course.order.indexOf(q.id); });
    return { done: done, total: total };
  }

  /* Text of a file -> { record } or { error }. */
  function parseRecord(text, fileName, catalog) {
    var file = String(fileName || "file");
    if (typeof text !== "string") return { error: file + ": could not be read." };
    if (text.length > MAX_FILE) return { error: file + ": too large to be a completion record." };
    var r;
    try { r = JSON.parse(text.replace(/^\uFEFF/, "")); } catch (e) { return { error: file + ": not a completion record (it is not JSON)." }; }
    var problem = checkRecord(r);
    if (problem) return { error: file + ": cannot be used: " + problem + "." };
    return { record: normalise(r, file, courseOf(catalog)) };
  }

  /* --- People: one row per person, newest record first. --- */
  function personKey(name) {
    return name.normalize("NFC").toLocaleLowerCase();
  }
  function createdTime(rec) { var t = Date.parse(rec.created); return isNaN(t) ? -Infinity : t; }

  /* Records -> { people: [{ key, name, label, unnamed, record, others }], warnings: [sentence] }.
     Named records of the same person (same name, ignoring case and spacing) collapse into one, the
     newest by `created` winning; unnamed records are never merged and are labelled by file name. */
  function people(records) {
    var byKey = dict(), out = [], warnings = [], unnamedSeen = dict();
    records.forEach(function (rec) {
      if (!rec.name) {
        var label = "Unnamed record (" + (rec.file || "no file name") + ")";
        unnamedSeen[label] = (unnamedSeen[label] || 0) + 1;
        if (unnamedSeen[label] > 1) label += " #" + unnamedSeen[label];
        out.push({ key: "file:" + out.length + ":" + rec.file, name: "", label: label, unnamed: true, record: rec, others: [] });
        return;
      }
      var key = "name:" + personKey(rec.name);
      if (!has(byKey, key)) {
        byKey[key] = { key: key, name: rec.name, label: rec.name, unnamed: false, record: rec, others: [] };
        out.push(byKey[key]);
        return;
      }
      var p = byKey[key];
      if (createdTime(rec) > createdTime(p.record)) { p.others.push(p.record); p.record = rec; p.name = p.label = rec.name; }
      else p.others.push(rec);
    });
    out.forEach(function (p) {
      if (!p.others.length) return;
      var count = plural(p.others.length + 1, "record") + " for " + p.label;
      warnings.push(p.record.created ? count + "; showing the newest (" + p.record.file + ", made " + formatDate(dayOf(p.record.created)) + ")." :
        count + "; none says when it was made, so this shows " + p.record.file + ". Ask for a new record.");
    });
    var unnamed = out.filter(function (p) { return p.unnamed; }).length;
    if (unnamed) warnings.push(plural(unnamed, "record has", "records have") + " no name, so " + (unnamed === 1 ? "it is" : "each is") +
      " shown on its own row under its file name. Ask the manager to enter their name on My progress and send the record again.");
    records.forEach(function (rec) {
      if (rec.unknown.length) warnings.push((rec.name || rec.file) + ": " + plural(rec.unknown.length, "module") + " in this record " +
        (rec.unknown.length === 1 ? "is" : "are") + " not in this course (" + rec.unknown.join(", ") + ") and " + (rec.unknown.length === 1 ? "is" : "are") + " left out.");
    });
    return { people: out, warnings: warnings };
  }

  /* --- Status of one module for one person. --- */
  var WORDS = { passed: "Passed", late: "Passed late", open: "Not yet", overdue: "Overdue", extra: "Passed (not assigned)", none: "Not assigned" };

  /* key: passed | late | open | overdue | extra (passed without being assigned) | none (neither).
     `earlier`: the pass was on an earlier version of the module's quiz (its questions have changed since). */
  function cellStatus(result, due, module, todayIso) {
    var s = { key: "none", assigned: !!due, due: due ? due.due : "", path: due ? due.path : "", passedOn: "", days: 0,
      best: result ? result.best : null, first: result ? result.first : null, attempts: result ? result.attempts : null,
      earlier: false, moduleVersion: result ? result.moduleVersion : "", currentVersion: module ? module.version : "" };
    if (result && result.passed) {
      s.passedOn = result.passedOn;
      s.earlier = result.earlier || !!(module && module.quiz && result.quizVersion !== module.quiz);
      if (!due) s.key = "extra";
      else if (s.passedOn && s.passedOn > due.due) { s.key = "late"; s.days = daysBetween(due.due, s.passedOn); }
      else s.key = "passed";
    } else if (due) {
      if (due.due < todayIso) { s.key = "overdue"; s.days = daysBetween(due.due, todayIso); }
      else s.key = "open";
    }
    s.word = WORDS[s.key];
    s.lines = cellLines(s);
    s.text = s.lines.join(" · ");
    return s;
  }

  /* What a cell says, line by line, in plain words. */
  function cellLines(s) {
    var lines = [];
    if (s.key === "passed" || s.key === "late" || s.key === "extra") {
      lines.push("✓ " + s.word);
      lines.push([s.passedOn ? formatDate(s.passedOn) : "", s.best !== null ? s.best + "%" : ""].filter(Boolean).join(" · "));
      if (s.key === "late") lines.push(plural(s.days, "day") + " after the due date");
      if (s.earlier) lines.push("on an earlier version of the quiz");
    } else if (s.key === "overdue") {
      lines.push("⚠ Overdue by " + plural(s.days, "day"));
      lines.push("due " + formatDate(s.due));
    } else if (s.key === "open") {
      lines.push("Not yet");
      lines.push("due " + formatDate(s.due));
    } else {
      lines.push("—");
    }
    if ((s.key === "open" || s.key === "overdue") && s.best !== null) lines.push("best so far " + s.best + "%");
    return lines.filter(Boolean);
  }

  /* --- Rows: one per person, with totals. --- */
  function rows(list, catalog, todayIso) {
    var course = courseOf(catalog), day = todayIso || today();
    var ids = columns(list.map(function (p) { return p.record; }), course);
    return list.map(function (p) {
      var rec = p.record, cells = dict(), t = { assigned: 0, passed: 0, late: 0, overdue: 0, open: 0, extra: 0, earlier: 0, overdueDays: 0 };
      ids.forEach(function (id) {
        var s = cellStatus(has(rec.results, id) ? rec.results[id] : null, has(rec.due, id) ? rec.due[id] : null, course.modules[id], day);
        cells[id] = s;
        if (s.assigned) t.assigned++;
        if (s.key === "passed" || s.key === "late") t.passed++;
        if (s.key === "late") t.late++;
        if (s.key === "overdue") { t.overdue++; t.overdueDays += s.days; }
        if (s.key === "open") t.open++;
        if (s.key === "extra") t.extra++;
        if (s.earlier) t.earlier++;
      });
      t.percent = t.assigned ? Math.round(100 * t.passed / t.assigned) : null;
      return { key: p.key, name: p.name, label: p.label, unnamed: p.unnamed, file: rec.file, created: rec.created, records: 1 + p.others.length, cells: cells, totals: t,
        artefacts: rec.artefacts || null };
    });
  }

  /* The module columns: assigned modules in the order they were assigned (the path's order), then
     modules someone passed without being assigned, in course order. */
  function columns(records, course) {
    var ids = [];
    records.forEach(function (rec) { rec.assignedOrder.forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); }); });
    course.order.forEach(function (id) {
      if (ids.indexOf(id) < 0 && records.some(function (rec) { return has(rec.results, id) && rec.results[id].passed; })) ids.push(id);
    });
    return ids;
  }
  function moduleIds(rowList) { return rowList.length ? Object.keys(rowList[0].cells) : []; }

  function totalsText(t) {
    if (!t.assigned) return t.extra ? plural(t.extra, "module") + " passed, none assigned" : "Nothing assigned";
    return t.passed + " of " + t.assigned + " passed" + (t.overdue ? " · " + t.overdue + " overdue" : "") + (t.late ? " · " + t.late + " late" : "");
  }

  /* Per module: how many were assigned it, passed (on time or late), are overdue or not yet due. */
  function moduleTotals(rowList, catalog) {
    var course = courseOf(catalog);
    return moduleIds(rowList).map(function (id) {
      var t = { id: id, title: has(course.modules, id) ? course.modules[id].title : id, assigned: 0, passed: 0, onTime: 0, late: 0, overdue: 0, open: 0, extra: 0 };
      rowList.forEach(function (r) {
        var s = r.cells[id];
        if (s.assigned) t.assigned++;
        if (s.key === "passed") { t.passed++; t.onTime++; }
        if (s.key === "late") { t.passed++; t.late++; }
        if (s.key === "overdue") t.overdue++;
        if (s.key === "open") t.open++;
        if (s.key === "extra") t.extra++;
      });
      return t;
    });
  }

  /* The whole team in one line's worth of numbers. */
  function teamTotals(rowList) {
    var t = { people: rowList.length, assigned: 0, passed: 0, late: 0, overdue: 0, open: 0, peopleOverdue: 0 };
    rowList.forEach(function (r) {
      t.assigned += r.totals.assigned; t.passed += r.totals.passed; t.late += r.totals.late; t.overdue += r.totals.overdue; t.open += r.totals.open;
      if (r.totals.overdue) t.peopleOverdue++;
    });
    t.percent = t.assigned ? Math.round(100 * t.passed / t.assigned) : null;
    return t;
  }

  /* --- Sort and filter. --- */
  var collator = typeof Intl !== "undefined" ? new Intl.Collator("en", { sensitivity: "base", numeric: true }) : null;
  function byName(a, b) {
    if (a.unnamed !== b.unnamed) return a.unnamed ? 1 : -1;
    return collator ? collator.compare(a.label, b.label) : (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  }
  function pct(r) { return r.totals.percent === null ? 101 : r.totals.percent; }
  var SORTS = {
    overdue: function (a, b) { return b.totals.overdue - a.totals.overdue || b.totals.overdueDays - a.totals.overdueDays || pct(a) - pct(b) || byName(a, b); },
    name: byName,
    least: function (a, b) { return pct(a) - pct(b) || b.totals.overdue - a.totals.overdue || byName(a, b); },
    most: function (a, b) { return pct(b) - pct(a) || a.totals.overdue - b.totals.overdue || byName(a, b); },
    late: function (a, b) { return b.totals.late - a.totals.late || byName(a, b); }
  };
  var SORT_LABELS = { overdue: "Most overdue first", least: "Least complete first", most: "Most complete first", late: "Most late completions first", name: "Name (A–Z)" };
  function sortRows(rowList, how) {
    var cmp = has(SORTS, how) ? SORTS[how] : SORTS.overdue;
    return rowList.slice().sort(cmp);
  }

  function fold(s) { return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase(); }
  var SHOWS = {
    all: function () { return true; },
    overdue: function (r) { return r.totals.overdue > 0; },
    late: function (r) { return r.totals.late > 0; },
    incomplete: function (r) { return r.totals.passed < r.totals.assigned; },
    complete: function (r) { return r.totals.assigned > 0 && r.totals.passed === r.totals.assigned; }
  };
  var SHOW_LABELS = { all: "Everyone", overdue: "With overdue modules", late: "With late completions", incomplete: "Not finished", complete: "Finished everything assigned" };
  /* filter: { text: part of a name (accents and case ignored), show: a key of SHOWS }. */
  function filterRows(rowList, filter) {
    var f = filter || {}, text = fold(f.text || "").trim(), show = has(SHOWS, f.show) ? SHOWS[f.show] : SHOWS.all;
    return rowList.filter(function (r) { return show(r) && (!text || fold(r.label).indexOf(text) >= 0); });
  }

  /* The day a row's record says the module's field assignment was done ("" if not, or not recorded). */
  function artefactDay(r, id) {
    var hit = r.artefacts ? r.artefacts.done.filter(function (x) { return x.id === id; })[0] : null;
    return hit ? hit.date || "yes" : "";
  }
  /* "3 of 15 done" for a row's field assignments, or null when its record does not list them. */
  function artefactsText(a) { return a ? a.done.length + " of " + a.total + " done" : null; }

  /* --- CSV: one line per person and module (FP.csv, csv.js, makes the text Excel opens as UTF-8). --- */
  function toCsv(rowList, catalog) {
    var course = courseOf(catalog);
    var out = [["Manager", "Module", "Assigned", "Due", "Status", "Days late or overdue", "Passed on", "Best score", "First-attempt score", "Attempts",
      "Earlier quiz version", "Module version passed", "Current module version", "Record file", "Record made", "Field assignment done on"]];
    rowList.forEach(function (r) {
      Object.keys(r.cells).forEach(function (id) {
        var s = r.cells[id];
        if (s.key === "none" && s.best === null) return;
        out.push([r.label, has(course.modules, id) ? course.modules[id].title : id, s.assigned ? "yes" : "no", s.due, s.word,
          s.key === "late" || s.key === "overdue" ? s.days : "", s.passedOn, s.best, s.first, s.attempts, s.earlier ? "yes" : "",
          s.passedOn ? s.moduleVersion : "", s.currentVersion, r.file, dayOf(r.created), artefactDay(r, id)]);
      });
    });
    return FP.csv.text(out); // csv.js: byte-order mark, quoting, no formulas
  }

  /* --- Chart: stacked horizontal bars as an SVG description ({ tag, attrs, children, text }),
     drawn by team-page.js with createElementNS. Colours come from CSS classes (team.css) so the
     chart follows light and dark mode and prints; every bar also carries its numbers as text. --- */
  var SEGMENTS = [["onTime", "Passed on time"], ["late", "Passed late"], ["overdue", "Overdue"], ["open", "Not yet due"]];
  function node(tag, attrs, children, text) { return { tag: tag, attrs: attrs || {}, children: children || [], text: text === undefined ? null : String(text) }; }
  function clip(label, maxChars) { return label.length <= maxChars ? label : label.slice(0, Math.max(1, maxChars - 1)).replace(/\s+$/, "") + "…"; }

  /* items: [{ label, onTime, late, overdue, open, assigned }]; options: { id, title, width }. */
  function chart(items, options) {
    var o = options || {}, width = Math.max(280, Math.round(o.width || 640)), id = o.id || "fp-chart";
    var wide = width >= 560, fontSize = 14, barH = 18;
    var labelW = wide ? Math.round(width * 0.36) : 0, valueW = wide ? 120 : 0;
    var barX = wide ? labelW + 8 : 0, barW = width - barX - valueW - (wide ? 8 : 0);
    var rowH = wide ? 30 : 48, top = 4, height = top + items.length * rowH + 4;
    var children = [node("title", { id: id + "-title" }, [], o.title || "Completion"), node("desc", { id: id + "-desc" }, [], describe(items)),
      // Stripes over "overdue", so it stays apart from "passed" on a black-and-white printout.
      node("defs", {}, [node("pattern", { id: id + "-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
        [node("rect", { x: 0, y: 0, width: 2.5, height: 6, "class": "fp-chart-stripe" })])])];
    items.forEach(function (it, i) {
      var y = top + i * rowH, barY = wide ? y + (rowH - barH) / 2 : y + 22, x = barX;
      var total = it.assigned || 0, group = [];
      group.push(node("title", {}, [], it.label + ": " + itemText(it)));
      var value = total ? it.onTime + it.late + " of " + total : "not assigned";
      value += it.overdue ? " · " + it.overdue + " overdue" : "";
      // Above the bar on a narrow chart, the label shares its line with the value.
      var room = wide ? labelW : width - (value.length + 2) * fontSize * 0.55;
      var maxChars = Math.max(8, Math.floor(room / (fontSize * 0.55)));
      group.push(node("text", { x: wide ? labelW : 0, y: wide ? barY + barH / 2 : y + 14, "text-anchor": wide ? "end" : "start", "dominant-baseline": wide ? "central" : "auto", "class": "fp-chart-label" }, [], clip(it.label, maxChars)));
      group.push(node("rect", { x: barX, y: barY, width: barW, height: barH, rx: 2, "class": "fp-chart-track" }));
      SEGMENTS.forEach(function (seg) {
        var n = it[seg[0]] || 0;
        if (!n || !total) return;
        var w = barW * n / total;
        group.push(node("rect", { x: round(x), y: barY, width: round(w), height: barH, "class": "fp-chart-seg fp-chart-" + seg[0] }));
        if (seg[0] === "overdue") group.push(node("rect", { x: round(x), y: barY, width: round(w), height: barH, fill: "url(#" + id + "-hatch)", "class": "fp-chart-hatch" }));
        x += w;
      });
      group.push(node("text", wide ? { x: width, y: barY + barH / 2, "text-anchor": "end", "dominant-baseline": "central", "class": "fp-chart-value" }
        : { x: width, y: y + 14, "text-anchor": "end", "class": "fp-chart-value" }, [], value));
      children.push(node("g", { "class": "fp-chart-row" }, group));
    });
    return node("svg", { xmlns: "http://www.w3.org/2000/svg", viewBox: "0 0 " + width + " " + height, width: width, height: height,
      role: "img", "aria-labelledby": id + "-title " + id + "-desc", "class": "fp-chart", id: id }, children);
  }
  function round(n) { return Math.round(n * 10) / 10; }
  function itemText(it) {
    if (!it.assigned) return "not assigned";
    var parts = [(it.onTime + it.late) + " of " + it.assigned + " passed"];
    if (it.late) parts.push(it.late + " of them late");
    if (it.overdue) parts.push(it.overdue + " overdue");
    if (it.open) parts.push(it.open + " not yet due");
    return parts.join(", ");
  }
  /* The chart in words: its text alternative. */
  function describe(items) {
    return items.map(function (it) { return it.label + ": " + itemText(it) + "."; }).join(" ");
  }
  function moduleChartItems(totals) {
    return totals.filter(function (t) { return t.assigned; }).map(function (t) {
      return { label: t.title, onTime: t.onTime, late: t.late, overdue: t.overdue, open: t.open, assigned: t.assigned };
    });
  }
  function managerChartItems(rowList) {
    return rowList.filter(function (r) { return r.totals.assigned; }).map(function (r) {
      var t = r.totals;
      return { label: r.label, onTime: t.passed - t.late, late: t.late, overdue: t.overdue, open: t.open, assigned: t.assigned };
    });
  }

  FP.team = {
    MAX_FILE: MAX_FILE,
    isDay: isDay, formatDate: formatDate, today: today, has: has,
    courseOf: courseOf, checkRecord: checkRecord, parseRecord: parseRecord,
    people: people, cellStatus: cellStatus, rows: rows, moduleIds: moduleIds, totalsText: totalsText,
    moduleTotals: moduleTotals, teamTotals: teamTotals,
    sortRows: sortRows, SORT_LABELS: SORT_LABELS, filterRows: filterRows, SHOW_LABELS: SHOW_LABELS,
    toCsv: toCsv, artefactsText: artefactsText,
    chart: chart, describe: describe, moduleChartItems: moduleChartItems, managerChartItems: managerChartItems, SEGMENTS: SEGMENTS
  };
})(window.FP);
