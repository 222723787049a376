/* Frontline Playbook: assignments saved in this browser, and the status of each assigned module.
   One storage key per assignment (frontline:v1:assignment:<hash>), so two links opened in two tabs
   at the same moment are both kept. The one-list key of earlier versions is still read. No DOM. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var A = FP.assignments = {};
  var PREFIX = "frontline:v1:assignment:";
  var LEGACY = "frontline:v1:assignments";

  /* A short stable hash of a text (FNV-1a, 32 bits, base 36). */
  function hash(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36);
  }
  A.key = function (a) { return PREFIX + hash(JSON.stringify(FP.link.clean(a))); };

  /* Every valid saved assignment, oldest first: [{key, saved, assignment}]. */
  A.list = function (cat) {
    var out = [];
    FP.store.keys(PREFIX).forEach(function (key) {
      var entry = FP.store.readJSON(key);
      if (!entry || typeof entry !== "object" || FP.link.check(entry.assignment, cat)) return;
      out.push({ key: key, saved: typeof entry.saved === "string" ? entry.saved : "", assignment: FP.link.clean(entry.assignment) });
    });
    var legacy = FP.store.readJSON(LEGACY);
    if (Array.isArray(legacy)) {
      legacy.forEach(function (a) {
        if (FP.link.check(a, cat)) return;
        var clean = FP.link.clean(a), key = A.key(clean);
        if (!out.some(function (e) { return e.key === key; })) out.push({ key: key, saved: "", legacy: true, assignment: clean });
      });
    }
    out.sort(function (x, y) { return x.saved < y.saved ? -1 : x.saved > y.saved ? 1 : 0; });
    return out;
  };

  /* Save an assignment; true when it is (or already was) in storage. Beside the assignment the
     entry keeps its steps in path order with titles and root-relative URLs, and the path's title,
     so a module page (which carries no catalog) can say what comes next (FP.nextStep). */
  A.save = function (a, cat, now) {
    var key = A.key(a), clean = FP.link.clean(a), old = FP.store.readJSON(key);
    var entry = {
      saved: old && typeof old.saved === "string" ? old.saved : (now || new Date().toISOString()), assignment: clean,
      pathTitle: a.path ? cat.paths[a.path].title : "",
      steps: A.steps(clean, cat).map(function (s) {
        var mod = cat.modules[s.m];
        return { m: s.m, due: s.due, target: s.target, title: mod.title, url: mod.url };
      })
    };
    if (old && JSON.stringify(old) === JSON.stringify(entry)) return true;
    return FP.store.writeJSON(key, entry);
  };

  /* Remove one assignment; true when it is gone. */
  A.remove = function (key, cat) {
    var ok = FP.store.remove(key);
    var legacy = FP.store.readJSON(LEGACY);
    if (Array.isArray(legacy)) {
      var kept = legacy.filter(function (a) { return FP.link.check(a, cat) || A.key(a) !== key; });
      if (kept.length !== legacy.length) ok = (kept.length ? FP.store.writeJSON(LEGACY, kept) : FP.store.remove(LEGACY)) && ok;
    }
    return ok && FP.store.get(key) === null;
  };

  /* The names of the people the saved assignments are for, in first-seen order. */
  A.names = function (list) {
    var names = [];
    list.forEach(function (e) { if (names.indexOf(e.assignment.name) < 0) names.push(e.assignment.name); });
    return names;
  };

  /* The steps of an assignment in the order the learner should take them: the path's order when
     it follows a path, due date otherwise. Each with the path's target, "why" line, condition
     ("when": a step only for some situations, e.g. "a seat is open") and the artefact it produces. */
  A.steps = function (a, cat) {
    var path = a.path && FP.has(cat.paths, a.path) ? cat.paths[a.path] : null;
    var info = Object.create(null), order = Object.create(null);
    if (path) path.steps.forEach(function (s, n) { info[s.module] = s; order[s.module] = n; });
    var items = a.items.map(function (it, n) { return { it: it, n: n }; });
    items.sort(function (x, y) {
      var ox = x.it.m in order ? order[x.it.m] : 1e6, oy = y.it.m in order ? order[y.it.m] : 1e6;
      if (ox !== oy) return ox - oy;
      if (x.it.due !== y.it.due) return x.it.due < y.it.due ? -1 : 1;
      return x.n - y.n;
    });
    return items.map(function (x) {
      var s = info[x.it.m];
      return { m: x.it.m, due: x.it.due, target: s ? s.target : "", why: s && s.why ? s.why : "",
        when: s && s.when ? s.when : "", artefact: s && s.artefact ? s.artefact : "" };
    });
  };

  /* How one assigned module stands: {key: passed|overdue|started|none, text, older}.
     `result` is the saved quiz result (or null), `mod` the catalog entry, `today` YYYY-MM-DD. */
  A.status = function (result, mod, due, today) {
    var older = !!(result && mod && mod.quiz && result.quizVersion !== mod.quiz);
    if (result && result.passed) {
      var on = result.passedOn || result.date;
      var late = due && on && FP.isoDay(new Date(on)) > due;
      return {
        key: "passed", older: older, late: !!late,
        text: "✓ Passed " + FP.formatDate(on) + " (" + result.best + "%)" + (late ? ", after the due date" : "") +
          (older ? ", on an earlier version of the quiz" : "")
      };
    }
    var overdue = !!(due && due < today);
    return {
      key: overdue ? "overdue" : (result ? "started" : "none"), older: older,
      text: (overdue ? "⚠ Overdue" : (result ? "In progress, best " + result.best + "%" : "Not started")) +
        (result && overdue ? " (best " + result.best + "%)" : "")
    };
  };
})(window.FP);
