/* Frontline Playbook: assignments, completion records and the team view, with no server.
   An assignment travels in a link's fragment (#assignment=...), which browsers never send to a
   server; it is saved in the learner's browser. Records are files the learner downloads and the
   senior manager opens here. Everything read from a link or a file is validated and inserted as
   text, never as HTML. */
(function () {
  "use strict";
  var ASSIGNMENTS = "frontline:v1:assignments";
  var MAX_LINK = 8000, MAX_FILE = 1000000, MAX_ITEMS = 60;
  var DATE = /^\d{4}-\d{2}-\d{2}$/, ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  function catalog() {
    var el = document.getElementById("fp-catalog");
    try { return el ? JSON.parse(el.textContent) : null; } catch (e) { return null; }
  }
  function P() { return window.FrontlineProgress; }
  function store() { try { return window.localStorage; } catch (e) { return null; } }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  function addDays(iso, days) {
    var d = new Date(iso + "T12:00:00");
    d.setDate(d.getDate() + days);
    return d.toISOString().slice(0, 10);
  }
  function validDate(s) { return typeof s === "string" && DATE.test(s) && !isNaN(Date.parse(s + "T12:00:00")); }
  function text(s, max) { return typeof s === "string" && s.length <= max; }

  /* --- Encoding: JSON -> UTF-8 -> base64url, the same as `python -m macros assign`. --- */
  function encode(obj) {
    var bytes = new TextEncoder().encode(JSON.stringify(obj)), bin = "";
    bytes.forEach(function (b) { bin += String.fromCharCode(b); });
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function decode(s) {
    var bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  }

  /* An assignment, checked field by field; returns an error message or null. */
  function checkAssignment(a, cat) {
    if (!a || typeof a !== "object" || Array.isArray(a)) return "it is not an assignment";
    if (a.v !== 1) return "it was made by a different version of the course (format " + String(a.v).slice(0, 10) + ")";
    if (!text(a.name, 80) || !a.name.trim()) return "the manager's name is missing or longer than 80 characters";
    if (a.note !== undefined && !text(a.note, 500)) return "the note is longer than 500 characters";
    if (a.path !== undefined && !(typeof a.path === "string" && cat.paths[a.path])) return "it names a learning path this course does not have";
    if (a.start !== undefined && !validDate(a.start)) return "its start date is not a date";
    if (!Array.isArray(a.items) || !a.items.length || a.items.length > MAX_ITEMS) return "it lists no modules, or too many";
    for (var i = 0; i < a.items.length; i++) {
      var it = a.items[i];
      if (!it || typeof it.m !== "string" || !ID.test(it.m) || !cat.modules[it.m]) return "it names a module this course does not have";
      if (!validDate(it.due)) return "a due date is not a date";
    }
    return null;
  }
  function clean(a) {
    var out = { v: 1, name: a.name.trim(), items: a.items.map(function (it) { return { m: it.m, due: it.due }; }) };
    if (a.note) out.note = a.note;
    if (a.path) out.path = a.path;
    if (a.start) out.start = a.start;
    return out;
  }
  function fromFragment(hash, cat) {
    var m = /^#assignment=([A-Za-z0-9_-]+)$/.exec(hash || "");
    if (!m) return { error: hash && hash.length > 1 ? "This assignment link is not valid: it is cut short or was changed. Ask for it to be sent again." : null };
    if (m[1].length > MAX_LINK) return { error: "This assignment link is too long to be genuine." };
    var a;
    try { a = decode(m[1]); } catch (e) { return { error: "This assignment link is damaged: it could not be read. Ask for it to be sent again." }; }
    var problem = checkAssignment(a, cat);
    return problem ? { error: "This assignment link cannot be used: " + problem + "." } : { value: clean(a) };
  }

  /* --- Saved assignments --- */
  function saved(cat) {
    var s = store(), list;
    if (!s) return [];
    try { list = JSON.parse(s.getItem(ASSIGNMENTS)); } catch (e) { return []; }
    return Array.isArray(list) ? list.filter(function (a) { return !checkAssignment(a, cat); }).map(clean) : [];
  }
  function save(a, cat) {
    var list = saved(cat), key = JSON.stringify(a);
    if (list.some(function (b) { return JSON.stringify(b) === key; })) return;
    list.push(a);
    try { store().setItem(ASSIGNMENTS, JSON.stringify(list)); } catch (e) { /* storage blocked */ }
  }

  function status(moduleId, due, cat) {
    var r = P() && P().load(moduleId), mod = cat.modules[moduleId];
    var older = !!(r && mod.quiz && r.quizVersion !== mod.quiz);
    if (r && r.passed) return { key: "passed", text: "✓ Passed " + (r.passedOn || r.date).slice(0, 10) + " (" + r.best + "%)" + (older ? ", earlier quiz version" : ""), r: r };
    var overdue = due && due < today();
    return { key: overdue ? "overdue" : (r ? "started" : "none"), text: (overdue ? "⚠ Overdue" : (r ? "In progress, best " + r.best + "%" : "Not started")), r: r };
  }

  function assignmentTable(a, cat) {
    var wrap = el("div", { "class": "fp-assignment" });
    wrap.appendChild(el("p", { "class": "fp-assignment-for" }, "For " + a.name + (a.path ? " · " + cat.paths[a.path].title : "")));
    if (a.note) wrap.appendChild(el("blockquote", { "class": "fp-note" }, a.note));
    var passed = 0, overdue = 0;
    var table = el("table"), head = el("tr");
    ["Module", "Due", "Status"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    a.items.forEach(function (it) {
      var mod = cat.modules[it.m], st = status(it.m, it.due, cat), tr = el("tr", { "data-module": it.m });
      if (st.key === "passed") passed++;
      if (st.key === "overdue") overdue++;
      var link = el("a", { href: cat.root + mod.url }, mod.title);
      tr.appendChild(el("td")).appendChild(link);
      tr.appendChild(el("td", {}, it.due));
      tr.appendChild(el("td", { "class": "fp-assign-status fp-st-" + st.key }, st.text));
      body.appendChild(tr);
    });
    wrap.insertBefore(el("p", { "class": "fp-assignment-summary" }, passed + " of " + a.items.length + " passed" + (overdue ? " · " + overdue + " overdue" : "")), wrap.children[1] || null);
    var wrapTable = el("div", { "class": "md-typeset__table" });
    wrapTable.appendChild(table);
    wrap.appendChild(wrapTable);
    var ics = el("button", { type: "button", "class": "md-button" }, "Download calendar reminders (.ics)");
    ics.addEventListener("click", function () { download(icsFor(a, cat), "frontline-assignment.ics", "text/calendar"); });
    wrap.appendChild(ics);
    return wrap;
  }

  /* --- Files --- */
  function download(content, name, type) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  function icsText(s) { return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n"); }
  function icsFor(a, cat) {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").slice(0, 15) + "Z";
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Frontline Playbook//Assignments//EN", "CALSCALE:GREGORIAN"];
    a.items.forEach(function (it, n) {
      var day = it.due.replace(/-/g, "");
      lines.push("BEGIN:VEVENT", "UID:" + day + "-" + it.m + "-" + n + "@frontline-playbook", "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + day, "DTEND;VALUE=DATE:" + addDays(it.due, 1).replace(/-/g, ""),
        "SUMMARY:" + icsText("Frontline Playbook: " + cat.modules[it.m].title + " due"),
        "DESCRIPTION:" + icsText("Assigned to " + a.name + ". Read the module and pass its self-check."), "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.join("\r\n") + "\r\n";
  }

  function record(cat) {
    var list = saved(cat), results = {};
    Object.keys(cat.modules).forEach(function (id) {
      var r = P() && P().load(id);
      if (r) results[id] = { moduleVersion: r.moduleVersion || null, quizVersion: r.quizVersion, best: r.best, passed: r.passed, passedOn: r.passedOn || null, date: r.date };
    });
    return { kind: "frontline-completion-record", v: 1, name: list.length ? list[list.length - 1].name : "", created: new Date().toISOString(),
      selfCheck: "A self-check record made in the learner's browser; not a proctored exam.", assignments: list, results: results };
  }
  function checkRecord(r, cat) {
    if (!r || typeof r !== "object" || r.kind !== "frontline-completion-record") return "it is not a Frontline Playbook completion record";
    if (r.v !== 1) return "it was made by a different version of the course";
    if (!text(r.name, 80)) return "the name is not valid";
    if (!Array.isArray(r.assignments) || r.assignments.length > 50) return "its assignments are not valid";
    for (var i = 0; i < r.assignments.length; i++) { var p = checkAssignment(r.assignments[i], cat); if (p) return "an assignment in it is not valid: " + p; }
    if (!r.results || typeof r.results !== "object" || Array.isArray(r.results)) return "its results are not valid";
    var ids = Object.keys(r.results);
    for (var j = 0; j < ids.length; j++) {
      var x = r.results[ids[j]];
      if (!ID.test(ids[j]) || !x || typeof x.best !== "number" || x.best < 0 || x.best > 100 || typeof x.passed !== "boolean" ||
          typeof x.quizVersion !== "string" || x.quizVersion.length > 40 || (x.passedOn !== null && x.passedOn !== undefined && !(typeof x.passedOn === "string" && !isNaN(Date.parse(x.passedOn)))))
        return "a result in it is not valid";
    }
    return null;
  }

  /* --- Pages --- */
  function initAssigned(cat) {
    var view = document.querySelector("[data-assigned-view]");
    if (!view || view.dataset.bound) return;
    view.dataset.bound = "1";
    var got = fromFragment(location.hash, cat);
    if (got.error) { view.replaceChildren(el("p", { "class": "fp-error fp-wrong", role: "alert" }, got.error)); return; }
    if (!got.value) return;
    save(got.value, cat);
    view.replaceChildren(el("p", {}, "Saved in this browser: it also appears on your progress page."), assignmentTable(got.value, cat));
  }

  function initProgress(cat) {
    var list = document.querySelector("[data-assignment-list]");
    if (!list || list.dataset.bound) return;
    list.dataset.bound = "1";
    var items = saved(cat);
    if (items.length) list.replaceChildren.apply(list, items.map(function (a) { return assignmentTable(a, cat); }));
    var msg = document.querySelector(".fp-io-status");
    function on(action, fn) { var b = document.querySelector('[data-action="' + action + '"]'); if (b) b.addEventListener("click", fn); }
    on("record", function () { download(JSON.stringify(record(cat), null, 2), "completion-record.json", "application/json"); msg.textContent = "Completion record downloaded."; });
    on("print-record", function () { printRecord(cat); window.print(); });
    on("export", function () {
      var data = { kind: "frontline-progress-export", v: 1, exported: new Date().toISOString(), quiz: P().all(), assignments: saved(cat) };
      download(JSON.stringify(data, null, 2), "frontline-progress.json", "application/json");
      msg.textContent = "All your progress was exported.";
    });
    var input = document.getElementById("fp-import");
    if (input) input.addEventListener("change", function () {
      var f = input.files[0];
      if (!f) return;
      if (f.size > MAX_FILE) { msg.textContent = "That file is too large to be a progress export."; return; }
      f.text().then(function (t) {
        var d = JSON.parse(t), n = 0;
        if (!d || d.kind !== "frontline-progress-export" || d.v !== 1 || typeof d.quiz !== "object" || !Array.isArray(d.assignments)) throw new Error("kind");
        Object.keys(d.quiz || {}).forEach(function (id) {
          var r = d.quiz[id], mine = P().load(id);
          if (!cat.modules[id] || !P().valid(r)) return;
          if (!mine || (r.passed && !mine.passed) || (r.quizVersion === mine.quizVersion && r.best > mine.best)) { store().setItem(P().PREFIX + id, JSON.stringify(r)); n++; }
        });
        d.assignments.forEach(function (a) { if (!checkAssignment(a, cat)) save(clean(a), cat); });
        msg.textContent = "Imported " + n + " result" + (n === 1 ? "" : "s") + ". Reload the page to see them everywhere.";
        P().paint(); P().paintBars();
      }).catch(function () { msg.textContent = "That file is not a Frontline Playbook progress export; nothing was imported."; });
    });
  }

  function printRecord(cat) {
    var box = document.querySelector(".fp-record-print"), r = record(cat);
    if (!box) return;
    var rows = Object.keys(r.results).map(function (id) { var x = r.results[id]; return [cat.modules[id].title, "v" + (x.moduleVersion || "?"), x.best + "%", x.passed ? "Passed " + String(x.passedOn).slice(0, 10) : "Not passed"]; });
    box.replaceChildren(el("h2", {}, "Completion record" + (r.name ? ": " + r.name : "")), el("p", {}, r.selfCheck + " Printed " + today() + "."), tableOf(["Module", "Version", "Best score", "Result"], rows));
  }

  function tableOf(headers, rows) {
    var t = el("table"), tr = el("tr");
    headers.forEach(function (h) { tr.appendChild(el("th", { scope: "col" }, h)); });
    t.appendChild(el("thead")).appendChild(tr);
    var b = t.appendChild(el("tbody"));
    rows.forEach(function (r) { var row = el("tr"); r.forEach(function (c, i) { row.appendChild(el(i ? "td" : "th", i ? {} : { scope: "row" }, c)); }); b.appendChild(row); });
    return t;
  }

  function initTeam(cat) {
    var view = document.querySelector("[data-team-view]"), input = document.getElementById("fp-records");
    if (!view || !input || view.dataset.bound) return;
    view.dataset.bound = "1";
    var errors = document.querySelector(".fp-team-errors");
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files || []);
      Promise.all(files.map(function (f) {
        if (f.size > MAX_FILE) return Promise.resolve({ error: f.name + ": too large to be a completion record." });
        return f.text().then(function (t) {
          var r; try { r = JSON.parse(t); } catch (e) { return { error: f.name + ": not a completion record (it is not JSON)." }; }
          var p = checkRecord(r, cat);
          return p ? { error: f.name + ": cannot be used: " + p + "." } : { record: r };
        });
      })).then(function (out) {
        errors.textContent = out.filter(function (o) { return o.error; }).map(function (o) { return o.error; }).join(" ");
        renderTeam(view, out.filter(function (o) { return o.record; }).map(function (o) { return o.record; }), cat);
      });
    });
  }

  function teamRows(records, cat) {
    var rows = [];
    records.forEach(function (r) {
      var due = {};
      r.assignments.forEach(function (a) { a.items.forEach(function (it) { if (!due[it.m] || it.due < due[it.m]) due[it.m] = it.due; }); });
      var ids = Object.keys(due).length ? Object.keys(due) : Object.keys(r.results).filter(function (id) { return cat.modules[id]; });
      ids.forEach(function (id) {
        var x = r.results[id], mod = cat.modules[id];
        var older = !!(x && mod.quiz && x.quizVersion !== mod.quiz);
        var st = x && x.passed ? "passed" : (due[id] && due[id] < today() ? "overdue" : "not yet");
        rows.push({ name: r.name || "(no name)", module: id, title: mod.title, due: due[id] || "", status: st, best: x ? x.best : null,
          passedOn: x && x.passedOn ? String(x.passedOn).slice(0, 10) : "", version: x && x.moduleVersion ? String(x.moduleVersion).slice(0, 12) : "", current: mod.version, older: older });
      });
    });
    return rows;
  }

  function renderTeam(view, records, cat) {
    if (!records.length) { view.replaceChildren(); return; }
    var rows = teamRows(records, cat), names = [], modules = [];
    rows.forEach(function (x) { if (names.indexOf(x.name) < 0) names.push(x.name); if (modules.indexOf(x.module) < 0) modules.push(x.module); });
    var t = el("table", { "class": "fp-team-matrix" }), head = el("tr");
    head.appendChild(el("th", { scope: "col" }, "Manager"));
    modules.forEach(function (m) { head.appendChild(el("th", { scope: "col" }, cat.modules[m].title)); });
    t.appendChild(el("thead")).appendChild(head);
    var body = t.appendChild(el("tbody"));
    names.forEach(function (n) {
      var tr = el("tr", { "data-manager": n });
      tr.appendChild(el("th", { scope: "row" }, n));
      modules.forEach(function (m) {
        var x = rows.filter(function (r) { return r.name === n && r.module === m; })[0];
        var cell = el("td", { "data-module": m, "class": x ? "fp-st-" + x.status.replace(" ", "-") : "" });
        cell.textContent = !x ? "—" : (x.status === "passed" ? "✓ Passed " + x.best + "%" : (x.status === "overdue" ? "⚠ Overdue" : "Not yet")) +
          (x && x.best !== null && x.status !== "passed" ? " (best " + x.best + "%)" : "") + (x && x.older ? " · older version, refresh" : "") + (x && x.due ? " · due " + x.due : "");
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    });
    var wrap = el("div", { "class": "md-typeset__table" });
    wrap.appendChild(t);
    var csv = el("button", { type: "button", "class": "md-button md-button--primary" }, "Download CSV");
    csv.addEventListener("click", function () { download(toCsv(rows), "team-progress.csv", "text/csv"); });
    var print = el("button", { type: "button", "class": "md-button" }, "Print");
    print.addEventListener("click", function () { window.print(); });
    var actions = el("div", { "class": "fp-quiz-actions" });
    actions.append(csv, print);
    view.replaceChildren(el("p", {}, records.length + " record" + (records.length === 1 ? "" : "s") + " opened."), wrap, actions);
  }

  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // no formulas when opened in a spreadsheet
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function toCsv(rows) {
    var out = [["Manager", "Module", "Due", "Status", "Best score", "Passed on", "Module version", "Current version", "Needs refresh"]];
    rows.forEach(function (r) { out.push([r.name, r.title, r.due, r.status, r.best === null ? "" : r.best, r.passedOn, r.version, r.current, r.older ? "yes" : "no"]); });
    return out.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  function initAssign(cat) {
    var form = document.querySelector(".fp-assign-form");
    if (!form || form.dataset.bound) return;
    form.dataset.bound = "1";
    var result = document.querySelector(".fp-assign-result"), error = form.querySelector(".fp-assign-error");
    var start = form.querySelector("#fp-start"), pathSel = form.querySelector("#fp-path");
    if (!start.value) start.value = today();
    function applyPath() {
      var p = cat.paths[pathSel.value];
      if (!p) return;
      form.querySelectorAll('input[name="module"]').forEach(function (box) { box.checked = false; });
      p.steps.forEach(function (s) {
        form.querySelector("#fp-pick-" + s.module).checked = true;
        form.querySelector("#fp-due-" + s.module).value = addDays(start.value || today(), s.day);
      });
    }
    pathSel.addEventListener("change", applyPath);
    start.addEventListener("change", applyPath);
    var want = new URLSearchParams(location.search).get("path");
    if (want && cat.paths[want]) { pathSel.value = want; applyPath(); }
    var current = null;
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var a = { v: 1, name: form.querySelector("#fp-assignee").value.trim(), items: [] }, note = form.querySelector("#fp-note").value.trim();
      if (note) a.note = note;
      if (pathSel.value) a.path = pathSel.value;
      if (validDate(start.value)) a.start = start.value;
      form.querySelectorAll('input[name="module"]:checked').forEach(function (box) {
        a.items.push({ m: box.value, due: form.querySelector("#fp-due-" + box.value).value });
      });
      var problem = !a.name ? "Enter the manager's name." : (!a.items.length ? "Pick at least one module or a path." :
        (a.items.some(function (it) { return !validDate(it.due); }) ? "Give every picked module a due date." : checkAssignment(a, cat)));
      error.textContent = problem || "";
      if (problem) return;
      current = a;
      var link = new URL(cat.root + cat.assigned, location.href).href + "#assignment=" + encode(a);
      result.hidden = false;
      result.querySelector('[data-field="name"]').textContent = a.name;
      result.querySelector("#fp-assign-link").value = link;
      result.querySelector(".fp-assign-sheet").replaceChildren(el("p", {}, "Link: " + link), tableOf(["Module", "Due"], a.items.map(function (it) { return [cat.modules[it.m].title, it.due]; })));
      if (a.note) result.querySelector(".fp-assign-sheet").prepend(el("blockquote", {}, a.note));
      result.querySelector("h2").focus();
    });
    result.querySelector('[data-action="copy"]').addEventListener("click", function () {
      var field = result.querySelector("#fp-assign-link"), msg = result.querySelector(".fp-copy-status");
      field.select();
      (navigator.clipboard ? navigator.clipboard.writeText(field.value) : Promise.reject()).then(
        function () { msg.textContent = "Link copied."; }, function () { msg.textContent = "Press Ctrl+C (or ⌘C) to copy the selected link."; });
    });
    result.querySelector('[data-action="print"]').addEventListener("click", function () { window.print(); });
    result.querySelector('[data-action="ics"]').addEventListener("click", function () { if (current) download(icsFor(current, cat), "frontline-assignment.ics", "text/calendar"); });
  }

  window.FrontlineAssign = { encode: encode, decode: decode, checkAssignment: checkAssignment, icsFor: icsFor, toCsv: toCsv };

  function init() {
    var cat = catalog();
    if (!cat) return;
    initAssign(cat); initAssigned(cat); initProgress(cat); initTeam(cat);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
