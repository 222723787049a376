/* Frontline Playbook: the Team view page. A senior manager opens the completion records their
   managers sent (files, read in this browser only) and gets a table of managers and modules with
   totals, sort and filter, a chart, a CSV and a printable landscape sheet.

   The logic is FP.team (team-lib.js, pure and unit-tested); this file only reads files and puts
   FP.team's answers on the page. Opened records stay in memory while the tab is open, so leaving
   the page by the navigation and coming back keeps them; nothing is stored or sent anywhere.
   Starts on every page Material shows (FP.onPage) and only where [data-team-view] is. Needs core.js and
   app.js (FP.el, FP.download, FP.catalog, FP.formatDate), which core.js loads before it. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var T = FP.team;
  var SVG = "http://www.w3.org/2000/svg";

  var el = FP.el, download = FP.download; // app.js, which core.js loads first on app pages

  /* What is open, kept across instant navigation (same document) but never stored. */
  var state = { files: [], sort: "overdue", show: "all", text: "" };

  function svgFrom(tree) {
    var node = document.createElementNS(SVG, tree.tag);
    Object.keys(tree.attrs).forEach(function (k) { if (k !== "xmlns") node.setAttribute(k, String(tree.attrs[k])); });
    if (tree.text !== null) node.textContent = tree.text;
    tree.children.forEach(function (c) { node.appendChild(svgFrom(c)); });
    return node;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }

  /* --- Reading files --- */
  function readFiles(files, cat) {
    return Promise.all(files.map(function (f) {
      if (f.size > T.MAX_FILE) return Promise.resolve({ error: f.name + ": too large to be a completion record." });
      return f.text().then(function (text) { return T.parseRecord(text, f.name, cat); },
        function () { return { error: f.name + ": could not be read." }; });
    }));
  }
  /* The same file opened twice (same name, same content) is kept once. */
  function addParsed(parsed) {
    var errors = [];
    parsed.forEach(function (p) {
      if (p.error) { errors.push(p.error); return; }
      var same = state.files.some(function (r) { return r.file === p.record.file && r.created === p.record.created && r.name === p.record.name; });
      if (!same) state.files.push(p.record);
    });
    return errors;
  }

  /* --- Building the page --- */
  function cellNode(s, id) {
    var td = el("td", { "data-module": id, "data-status": s.key, "class": "fp-tv-cell fp-tv-" + s.key });
    if (s.key === "none") {
      td.appendChild(el("span", { "aria-hidden": "true" }, "—"));
      td.appendChild(el("span", { "class": "fp-sr-only" }, "Not assigned"));
      return td;
    }
    s.lines.forEach(function (line, n) { td.appendChild(el("span", { "class": n ? "fp-tv-detail" : "fp-tv-status" }, line)); });
    return td;
  }

  function progressNode(t) {
    var box = el("div", { "class": "fp-tv-progress" });
    box.appendChild(el("span", { "class": "fp-tv-status" }, t.assigned ? t.passed + " of " + t.assigned + " passed" : T.totalsText(t)));
    if (t.assigned) {
      var bar = el("span", { "class": "fp-tv-bar", "aria-hidden": "true" });
      var fill = el("span", { "class": "fp-tv-bar-fill" });
      fill.style.width = Math.round(100 * t.passed / t.assigned) + "%";
      bar.appendChild(fill);
      box.appendChild(bar);
    }
    var notes = el("span", { "class": "fp-tv-detail" });
    [[t.overdue, " overdue", "fp-tv-warn"], [t.late, " late", ""], [t.earlier, " on an earlier quiz", ""]].forEach(function (n) {
      if (!n[0]) return;
      if (notes.childNodes.length) notes.appendChild(document.createTextNode(" · "));
      notes.appendChild(el("span", n[2] ? { "class": n[2] } : {}, n[0] + n[1]));
    });
    if (notes.childNodes.length) box.appendChild(notes);
    return box;
  }

  /* A row's field assignments: how many done, and which (with the day), or that the record predates them. */
  function artefactsNode(a) {
    var td = el("td", { "class": "fp-tv-artefacts" });
    if (!a) { td.appendChild(el("span", { "class": "fp-tv-detail" }, "not in this record")); return td; }
    td.appendChild(el("span", { "class": "fp-tv-status" }, T.artefactsText(a)));
    if (a.done.length) {
      var list = el("ul", { "class": "fp-tv-artefact-list" });
      a.done.forEach(function (x) { list.appendChild(el("li", {}, x.title + (x.date ? ", " + T.formatDate(x.date) : ""))); });
      td.appendChild(list);
    }
    return td;
  }

  function tableNode(rows, modTotals, team, cat) {
    var course = T.courseOf(cat), ids = T.moduleIds(rows);
    var table = el("table", { "class": "fp-tv-table" });
    table.appendChild(el("caption", { "class": "fp-sr-only", id: "fp-tv-caption" }, "Team progress: one row per manager, one column per module"));
    var head = el("tr");
    head.appendChild(el("th", { scope: "col", "class": "fp-tv-name" }, "Manager"));
    head.appendChild(el("th", { scope: "col", "class": "fp-tv-total" }, "Progress"));
    head.appendChild(el("th", { scope: "col", "class": "fp-tv-artefacts" }, "Field assignments"));
    ids.forEach(function (id) { head.appendChild(el("th", { scope: "col", "data-module": id }, course.modules[id].title)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    rows.forEach(function (r) {
      var tr = el("tr", { "data-manager": r.label });
      var name = el("th", { scope: "row", "class": "fp-tv-name" });
      name.appendChild(el("span", { "class": "fp-tv-person" }, r.label));
      var made = r.created ? "as of " + T.formatDate(r.created) : "record has no date";
      name.appendChild(el("span", { "class": "fp-tv-detail" }, made + (r.records > 1 ? " (newest of " + r.records + ")" : "")));
      tr.appendChild(name);
      tr.appendChild(el("td", { "class": "fp-tv-total" })).appendChild(progressNode(r.totals));
      tr.appendChild(artefactsNode(r.artefacts));
      ids.forEach(function (id) { tr.appendChild(cellNode(r.cells[id], id)); });
      body.appendChild(tr);
    });
    var foot = el("tr");
    foot.appendChild(el("th", { scope: "row", "class": "fp-tv-name" }, rows.length === 1 ? "Total" : "All " + rows.length + " shown"));
    foot.appendChild(el("td", { "class": "fp-tv-total" })).appendChild(progressNode(team));
    var doneAll = rows.reduce(function (n, r) { return n + (r.artefacts ? r.artefacts.done.length : 0); }, 0);
    foot.appendChild(el("td", { "class": "fp-tv-artefacts" })).appendChild(el("span", { "class": "fp-tv-status" }, doneAll + " done"));
    modTotals.forEach(function (m) {
      var td = el("td", { "data-module": m.id });
      td.appendChild(el("span", { "class": "fp-tv-status" }, m.assigned ? m.passed + " of " + m.assigned + " passed" : "not assigned"));
      var notes = el("span", { "class": "fp-tv-detail" });
      if (m.overdue) notes.appendChild(el("span", { "class": "fp-tv-warn" }, m.overdue + " overdue"));
      if (m.late) notes.appendChild(document.createTextNode((m.overdue ? " · " : "") + m.late + " late"));
      if (notes.childNodes.length) td.appendChild(notes);
      foot.appendChild(td);
    });
    table.appendChild(el("tfoot")).appendChild(foot);
    return table;
  }

  function figuresNode(team, allRows) {
    var box = el("dl", { "class": "fp-tv-figures" });
    function fig(label, value, note, warn) {
      var d = el("div", { "class": "fp-tv-figure" + (warn ? " fp-tv-figure-warn" : "") });
      d.appendChild(el("dt", {}, label));
      d.appendChild(el("dd", {}, value));
      if (note) d.appendChild(el("dd", { "class": "fp-tv-detail" }, note));
      box.appendChild(d);
    }
    fig("Managers", String(allRows.length), allRows.length === team.people ? "" : team.people + " shown");
    fig("Passed", team.assigned ? team.percent + "%" : "—", team.passed + " of " + team.assigned + " assigned modules");
    fig("Overdue", String(team.overdue), team.overdue ? plural(team.peopleOverdue, "manager") + " behind" : "nobody is behind", team.overdue > 0);
    fig("Passed late", String(team.late), "after the due date");
    return box;
  }

  function selectNode(id, label, options, value) {
    var wrap = el("div", { "class": "fp-tv-control" });
    wrap.appendChild(el("label", { "for": id }, label));
    var select = el("select", { id: id });
    Object.keys(options).forEach(function (k) {
      var o = el("option", { value: k }, options[k]);
      if (k === value) o.selected = true;
      select.appendChild(o);
    });
    wrap.appendChild(select);
    return wrap;
  }

  function chartFigure(id, title, items) {
    var fig = el("figure", { "class": "fp-tv-chart", "data-chart": id });
    fig.appendChild(el("figcaption", {}, title));
    if (!items.length) { fig.appendChild(el("p", { "class": "fp-tv-detail" }, "Nothing assigned to chart.")); return fig; }
    var holder = el("div", { "class": "fp-tv-chart-holder" });
    fig.appendChild(holder);
    fig.fpDraw = function () {
      var width = holder.clientWidth || 640;
      if (holder.fpWidth && Math.abs(holder.fpWidth - width) < 8) return;
      holder.fpWidth = width;
      holder.replaceChildren(svgFrom(T.chart(items, { id: id, title: title, width: width })));
    };
    return fig;
  }

  function legendNode() {
    var list = el("ul", { "class": "fp-tv-legend" });
    T.SEGMENTS.forEach(function (seg) {
      var li = el("li");
      li.appendChild(el("span", { "class": "fp-tv-swatch fp-chart-" + seg[0], "aria-hidden": "true" }));
      li.appendChild(document.createTextNode(seg[1]));
      list.appendChild(li);
    });
    return list;
  }

  /* --- The view --- */
  /* Everything below the file picker, built when the set of open records changes. Sort and filter
     then refresh only the figures, the table and the charts (fill), so the controls keep focus and
     the "Showing …" line stays one live region that screen readers announce. */
  function render(root, cat) {
    var out = root.querySelector(".fp-tv-results"), status = root.querySelector(".fp-tv-opened");
    var clear = root.querySelector('[data-action="clear"]');
    if (!state.files.length) {
      out.replaceChildren();
      out.hidden = true;
      status.textContent = "";
      clear.hidden = true;
      return;
    }
    var grouped = T.people(state.files), allRows = T.rows(grouped.people, cat, T.today());
    status.textContent = plural(state.files.length, "record") + " open: " + plural(allRows.length, "manager") + ".";
    clear.hidden = false;

    var parts = [el("p", { "class": "fp-tv-print-head" })];
    if (grouped.warnings.length) {
      var warn = el("div", { "class": "admonition warning fp-tv-warnings" });
      warn.appendChild(el("p", { "class": "admonition-title" }, "Check these records"));
      var ul = el("ul");
      grouped.warnings.forEach(function (w) { ul.appendChild(el("li", {}, w)); });
      warn.appendChild(ul);
      parts.push(warn);
    }
    parts.push(el("div", { "class": "fp-tv-figures-box" }));
    var controls = el("div", { "class": "fp-tv-controls", role: "group", "aria-label": "Sort and filter the table" });
    controls.appendChild(selectNode("fp-tv-sort", "Sort", T.SORT_LABELS, state.sort));
    controls.appendChild(selectNode("fp-tv-show", "Show", T.SHOW_LABELS, state.show));
    var find = el("div", { "class": "fp-tv-control" });
    find.appendChild(el("label", { "for": "fp-tv-find" }, "Find a manager"));
    var input = el("input", { type: "search", id: "fp-tv-find", autocomplete: "off", spellcheck: "false" });
    input.value = state.text;
    find.appendChild(input);
    controls.appendChild(find);
    parts.push(controls);
    parts.push(el("p", { "class": "fp-tv-shown", role: "status" }));
    parts.push(el("div", { "class": "fp-tv-body" }));
    out.replaceChildren.apply(out, parts);
    out.hidden = false;

    controls.querySelector("#fp-tv-sort").addEventListener("change", function (e) { state.sort = e.target.value; fill(out, allRows, cat); });
    controls.querySelector("#fp-tv-show").addEventListener("change", function (e) { state.show = e.target.value; fill(out, allRows, cat); });
    input.addEventListener("input", function () { state.text = input.value; fill(out, allRows, cat); });
    out.addEventListener("click", function (e) {
      var action = e.target.closest && e.target.closest("[data-action]");
      if (!action) return;
      if (action.getAttribute("data-action") === "print") window.print();
      if (action.getAttribute("data-action") === "csv") {
        download(T.toCsv(T.sortRows(allRows, state.sort), cat), "team-progress-" + T.today() + ".csv", "text/csv;charset=utf-8");
        status.textContent = "CSV downloaded (" + plural(allRows.length, "manager") + ").";
      }
    });
    fill(out, allRows, cat);
  }

  function fill(out, allRows, cat) {
    var rows = T.filterRows(T.sortRows(allRows, state.sort), { text: state.text, show: state.show });
    var modTotals = T.moduleTotals(rows, cat), team = T.teamTotals(rows), filtered = rows.length < allRows.length;
    out.querySelector(".fp-tv-print-head").textContent = "Printed " + T.formatDate(T.today()) + " · " + plural(rows.length, "manager") +
      (filtered ? " of " + allRows.length + " (" + T.SHOW_LABELS[state.show] + (state.text ? ", name contains “" + state.text + "”" : "") + ")" : "") +
      " · self-check records from each manager's own browser";
    out.querySelector(".fp-tv-figures-box").replaceChildren(figuresNode(team, allRows));
    out.querySelector(".fp-tv-shown").textContent = filtered ? "Showing " + rows.length + " of " + plural(allRows.length, "manager") + "." :
      "Showing all " + plural(allRows.length, "manager") + ".";

    var parts = [];
    if (rows.length) {
      parts.push(el("p", { "class": "fp-tv-hint", id: "fp-tv-hint" }, "The table scrolls sideways: swipe it, or focus it and use the arrow keys."));
      var scroller = el("div", { "class": "fp-tv-scroll", role: "region", tabindex: "0", "aria-labelledby": "fp-tv-caption", "aria-describedby": "fp-tv-hint" });
      scroller.appendChild(tableNode(rows, modTotals, team, cat));
      parts.push(scroller);
    } else {
      parts.push(el("p", { "class": "fp-tv-nomatch" }, "No manager matches. Change “Show” or clear the search."));
    }
    var actions = el("div", { "class": "fp-actions fp-tv-actions" });
    actions.append(el("button", { type: "button", "class": "md-button md-button--primary", "data-action": "csv" }, "Download CSV"),
      el("button", { type: "button", "class": "md-button", "data-action": "print" }, "Print (landscape)"));
    parts.push(actions);
    parts.push(el("p", { "class": "fp-tv-detail fp-tv-actions-note" }, "The CSV has every manager and module, whatever the filter; Excel opens it with names intact."));
    if (rows.length) {
      var charts = el("div", { "class": "fp-tv-charts" });
      charts.appendChild(el("h2", { id: "completion-charts" }, "Completion at a glance"));
      charts.appendChild(legendNode());
      charts.appendChild(chartFigure("fp-tv-chart-modules", "Completion per module", T.moduleChartItems(modTotals)));
      charts.appendChild(chartFigure("fp-tv-chart-managers", "Completion per manager", T.managerChartItems(rows)));
      parts.push(charts);
    }
    var body = out.querySelector(".fp-tv-body");
    body.replaceChildren.apply(body, parts);
    drawCharts(body);
    markOverflow(body);
  }

  function drawCharts(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll(".fp-tv-chart"), function (fig) { if (fig.fpDraw) fig.fpDraw(); });
  }
  /* The scroll hint only where the table is wider than the screen. */
  function markOverflow(scope) {
    var box = scope.querySelector(".fp-tv-scroll"), hint = scope.querySelector(".fp-tv-hint");
    if (!box || !hint) return;
    hint.hidden = box.scrollWidth <= box.clientWidth + 1;
  }

  function showErrors(root, errors) {
    var box = root.querySelector(".fp-tv-errors");
    if (!errors.length) { box.replaceChildren(); box.hidden = true; return; }
    var list = el("ul");
    errors.forEach(function (e) { list.appendChild(el("li", {}, e)); });
    box.replaceChildren(el("p", {}, errors.length === 1 ? "One file could not be opened:" : errors.length + " files could not be opened:"), list);
    box.hidden = false;
  }

  function start(root) {
    var cat = FP.catalog(), input = root.querySelector("#fp-tv-records");
    if (!cat || !input || !T) return;
    root.querySelector(".fp-tv-tools").hidden = false;
    function open(files) {
      if (!files.length) return;
      readFiles(files, cat).then(function (parsed) {
        showErrors(root, addParsed(parsed));
        render(root, cat);
        input.value = "";
      });
    }
    input.addEventListener("change", function () { open(Array.prototype.slice.call(input.files || [])); });
    root.querySelector('[data-action="clear"]').addEventListener("click", function () {
      state.files = [];
      showErrors(root, []);
      render(root, cat);
      root.querySelector(".fp-tv-opened").textContent = "All records closed.";
      input.focus();
    });
    // Files dropped anywhere on the Team view open like chosen ones.
    root.addEventListener("dragover", function (e) { e.preventDefault(); root.classList.add("fp-tv-dragging"); });
    root.addEventListener("dragleave", function (e) { if (e.target === root) root.classList.remove("fp-tv-dragging"); });
    root.addEventListener("drop", function (e) {
      e.preventDefault();
      root.classList.remove("fp-tv-dragging");
      open(Array.prototype.slice.call((e.dataTransfer && e.dataTransfer.files) || []));
    });
    render(root, cat);
  }

  /* One listener for the whole tab: charts follow the width, the hint follows the overflow. */
  var resizing;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      var root = document.querySelector("[data-team-view]");
      if (root) { drawCharts(root); markOverflow(root); }
    }, 150);
  });

  FP.onPage("[data-team-view]", start);
})(window.FP);
