/* Frontline Playbook: the completion record a learner downloads and a senior manager opens in
   the Team view, the checks on such files, and merging results without losing a pass. No DOM.

   Completion record, version 2 (JSON; version 1 files are still read):
   {
     "kind": "frontline-completion-record", "v": 2,
     "name": "Zoë Łukasiewicz",             // the learner's own name ("" if they gave none)
     "created": "2026-12-01T14:30:28.292Z", // when the file was made (newest record of a person wins)
     "course": "Frontline Playbook",
     "selfCheck": "A self-check record ... not a proctored exam.",
     "results": {                            // one entry per module the learner attempted
       "<moduleId>": {
         "title": "Coaching: ...", "moduleVersion": "1.2", "quizVersion": "238ea7f4c3",
         "currentVersion": true,             // false: taken on an earlier version of the quiz
         "first": 70,                        // first-attempt score, % (null if not known)
         "best": 90, "passed": true,
         "attempts": [{"date": "2026-12-01T...Z", "score": 70}, ...],  // oldest first; may be []
         "firstDate": "2026-12-01T...Z",     // first attempt known (null if not known)
         "date": "2026-12-03T...Z",          // last attempt
         "passedOn": "2026-12-03T...Z"       // first pass (null if not passed)
       }
     },
     "assignments": [                        // the assignments this record answers
       { "v": 1, "name": "...", "note": "...", "path": "<pathId>", "start": "2027-01-04",
         "items": [{"m": "<moduleId>", "due": "2027-01-11"}],   // as in the link (checkable as one)
         "pathTitle": "New manager — first 90 days",
         "steps": [{"m": "...", "title": "...", "due": "2027-01-11", "target": "By day 7", "why": "...",
                    "status": "passed" | "overdue" | "open", "passedOn": "...Z" | null}],
         "open": ["<moduleId>", ...]         // assigned and not passed yet, in path order
       }
     ],
     "artefacts": {                          // added in v2 (records without it are read as before):
       "<moduleId>": {                       // every module with a field assignment, in course order
         "title": "Your 30-60-90 plan", "artefact": "A one-page plan for your newest rep.",
         "done": true, "date": "2026-12-01"  // the day the learner ticked it (null when not done)
       }
     }
   } */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var R = FP.record = {};
  R.KIND = "frontline-completion-record";
  R.SELF_CHECK = "A self-check record made in the learner's browser; not a proctored exam.";
  R.MAX_FILE = 1000000;

  function isTime(s) { return typeof s === "string" && s.length <= 40 && !isNaN(Date.parse(s)); }
  function score(n) { return typeof n === "number" && n >= 0 && n <= 100; }

  /* One module's result as the record carries it. */
  R.result = function (r, mod) {
    var attempts = Array.isArray(r.attempts) ? r.attempts.filter(function (t) { return t && isTime(t.date) && score(t.score); }) : [];
    return {
      title: mod.title, moduleVersion: r.moduleVersion || null, quizVersion: r.quizVersion,
      currentVersion: !mod.quiz || r.quizVersion === mod.quiz,
      first: score(r.first) ? r.first : (attempts.length ? attempts[0].score : null),
      best: r.best, passed: r.passed, attempts: attempts,
      firstDate: attempts.length ? attempts[0].date : null,
      date: r.date, passedOn: r.passedOn || null
    };
  };

  /* Build a record. `results` maps module id -> saved quiz result; `assignments` the learner's
     own assignments (already chosen: never another person's); `now` a Date; `artefacts` (optional)
     module id -> { done, date } as artefacts.js keeps them. */
  R.build = function (name, results, assignments, cat, now, today, artefacts) {
    var out = {
      kind: R.KIND, v: 2, name: name || "", created: (now || new Date()).toISOString(), course: cat.course || "Frontline Playbook",
      selfCheck: R.SELF_CHECK, results: {}, assignments: [], artefacts: {}
    };
    (FP.artefacts ? FP.artefacts.ids(cat) : []).forEach(function (id) {
      var fa = cat.modules[id].fieldAssignment, x = artefacts && FP.has(artefacts, id) ? artefacts[id] : null, done = !!(x && x.done);
      out.artefacts[id] = { title: fa.title, artefact: fa.artefact, done: done, date: done ? x.date : null };
    });
    Object.keys(cat.modules).forEach(function (id) {
      if (FP.has(results, id) && results[id]) out.results[id] = R.result(results[id], cat.modules[id]);
    });
    assignments.forEach(function (a) {
      var copy = FP.link.clean(a);
      copy.pathTitle = a.path && FP.has(cat.paths, a.path) ? cat.paths[a.path].title : "";
      copy.steps = FP.assignments.steps(a, cat).map(function (s) {
        var r = out.results[s.m], passed = !!(r && r.passed);
        return {
          m: s.m, title: cat.modules[s.m].title, due: s.due, target: s.target, why: s.why,
          status: passed ? "passed" : (s.due < today ? "overdue" : "open"), passedOn: passed ? r.passedOn : null
        };
      });
      copy.open = copy.steps.filter(function (s) { return s.status !== "passed"; }).map(function (s) { return s.m; });
      out.assignments.push(copy);
    });
    return out;
  };

  /* A completion record (v1 or v2) checked against the catalog: an error message or null. */
  R.check = function (r, cat) {
    if (!r || typeof r !== "object" || r.kind !== R.KIND) return "it is not a Frontline Playbook completion record";
    if (r.v !== 1 && r.v !== 2) return "it was made by a different version of the course";
    if (typeof r.name !== "string" || r.name.length > 80) return "the name is not valid";
    if (r.created !== undefined && !isTime(r.created)) return "its creation date is not valid";
    if (!Array.isArray(r.assignments) || r.assignments.length > 50) return "its assignments are not valid";
    for (var i = 0; i < r.assignments.length; i++) {
      var p = FP.link.check(r.assignments[i], cat);
      if (p) return "an assignment in it is not valid: " + p;
    }
    if (!r.results || typeof r.results !== "object" || Array.isArray(r.results)) return "its results are not valid";
    if (r.artefacts !== undefined && !R.artefactsOk(r.artefacts)) return "its field assignments are not valid";
    var ids = Object.keys(r.results);
    for (var j = 0; j < ids.length; j++) {
      var x = r.results[ids[j]];
      if (!FP.link.ID.test(ids[j]) || !x || typeof x !== "object" || !score(x.best) || typeof x.passed !== "boolean" ||
          typeof x.quizVersion !== "string" || x.quizVersion.length > 40 ||
          (x.passedOn !== null && x.passedOn !== undefined && !isTime(x.passedOn)) ||
          (x.first !== null && x.first !== undefined && !score(x.first)) ||
          (x.attempts !== undefined && !Array.isArray(x.attempts)))
        return "a result in it is not valid";
    }
    return null;
  };

  /* A record's `artefacts` (v2, optional): module id -> { title, artefact, done, date }. */
  R.artefactsOk = function (a) {
    if (!a || typeof a !== "object" || Array.isArray(a) || Object.keys(a).length > 200) return false;
    return Object.keys(a).every(function (id) {
      var x = a[id];
      return FP.link.ID.test(id) && !!x && typeof x === "object" && typeof x.done === "boolean" &&
        (x.date === null || x.date === undefined || (typeof x.date === "string" && FP.DAY.test(x.date))) &&
        (x.title === undefined || (typeof x.title === "string" && x.title.length <= 200));
    });
  };

  /* Two results of one module merged so that nothing is lost: best = max, passed = either,
     the earliest pass, the earliest first attempt, all attempts. A result of another quiz
     version than `current` never replaces one of the current version. */
  R.merge = function (mine, theirs, current) {
    if (!mine) return theirs;
    if (!theirs) return mine;
    if (current && mine.quizVersion !== theirs.quizVersion) {
      if (mine.quizVersion === current) return mine;
      if (theirs.quizVersion === current) return theirs;
    }
    var seen = Object.create(null), attempts = [];
    (mine.attempts || []).concat(theirs.attempts || []).forEach(function (t) {
      var k = t.date + "|" + t.score;
      if (!seen[k]) { seen[k] = true; attempts.push({ date: t.date, score: t.score }); }
    });
    attempts.sort(function (x, y) { return Date.parse(x.date) - Date.parse(y.date); });
    var passes = [mine, theirs].filter(function (r) { return r.passed && r.passedOn; }).map(function (r) { return r.passedOn; });
    passes.sort(function (x, y) { return Date.parse(x) - Date.parse(y); });
    var earlier = Date.parse(theirs.date) < Date.parse(mine.date) ? theirs : mine, later = earlier === mine ? theirs : mine;
    var out = {
      quizVersion: mine.quizVersion, moduleVersion: later.moduleVersion || earlier.moduleVersion,
      best: Math.max(mine.best, theirs.best), passed: !!(mine.passed || theirs.passed),
      last: later.last !== undefined ? later.last : later.best, date: later.date
    };
    if (passes.length) out.passedOn = passes[0];
    var firstOf = attempts.length ? attempts[0].score : (score(earlier.first) ? earlier.first : (score(later.first) ? later.first : undefined));
    if (firstOf !== undefined) out.first = firstOf;
    out.attempts = attempts;
    return out;
  };

  // This browser's results as a whole, for the record, the export and the reset (My progress):
  // added to FP.progress (progress.js, on every page) here, since module pages never need them.
  var P = FP.progress, S = FP.store;
  if (!P) return;
  P.all = function () {
    var out = {};
    S.keys(P.PREFIX).forEach(function (k) { var id = k.slice(P.PREFIX.length), r = P.load(id); if (r) out[id] = r; });
    return out;
  };
  P.reset = function () { return S.keys(P.PREFIX).map(S.remove).every(Boolean); };
})(window.FP);
