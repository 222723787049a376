/* Frontline Playbook: SCORM runtime adapter. Loaded by SCORM package pages only (macros/scorm.py
   adds it to them and to the package's launch page, fp-launch.html); the site itself never loads it.

   Roles, found at start:
   - host: the launch page (body[data-fp-scorm]). It finds the LMS API the standard way (API or
     API_1484_11 on this window and its parents, then on the opener and its parents), initialises,
     restores the learner's quiz results from cmi.suspend_data into this browser's storage, then
     shows the course page (cmi location, else the package's start page) in its frame. One LMS
     session per launch, whatever pages the learner opens in the frame.
   - client: a package page in the host's frame hands each quiz result and the page it is on to
     the host.
   - alone: a package page an LMS opened by itself is its own host (its quiz is the module).
   Quiz results come from the "fp:quiz-result" event FrontlineProgress.record fires on document
   (progress.js): every attempt, saved in this browser or not.

   What the LMS gets (module package: that module's quiz; course package: every quiz):
   - status: passed once passed (course: every quiz passed); otherwise incomplete, or failed after
     an attempt when the package was made with --fail-status failed (an LMS may block a retry
     after "failed"). 1.2: cmi.core.lesson_status; 2004: cmi.completion_status (completed once
     passed) and cmi.success_status (passed / unknown / failed). A module without a quiz reports
     completed when opened.
   - score 0-100 (module: best score; course: % of quizzes passed), raw/min/max, scaled in 2004;
     course packages add one cmi.objectives entry per module with its status and best score.
   - cmi.suspend_data, compact and versioned (see encode), the page (lesson_location / location),
     session time, exit "suspend" (so the next launch resumes).
   Commits when the status changes, after each quiz result, when the page is hidden; finishes
   (LMSFinish / Terminate) when the launch page goes away. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  if (FP.scorm) return;
  var PREFIX = "frontline:v1:quiz:", FORMAT = "1", LIMIT = { "1.2": 4096, "2004": 64000 };
  var M = {
    "1.2": { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish", name: "API",
      status: "cmi.core.lesson_status", score: "cmi.core.score.", time: "cmi.core.session_time", exit: "cmi.core.exit", where: "cmi.core.lesson_location", whereMax: 255 },
    "2004": { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate", name: "API_1484_11",
      status: "cmi.completion_status", score: "cmi.score.", time: "cmi.session_time", exit: "cmi.exit", where: "cmi.location", whereMax: 1000 }
  };

  // --- suspend_data: "1;" then one entry per module, ";"-separated:
  // id|quizVersion|moduleVersion|best|last|first|passed(1/0)|date|passedOn|attempts
  // numbers in base 36, dates as base-36 minutes since 1970, attempts "score:date" ","-separated
  // (oldest dropped first until the whole fits the SCORM 1.2 limit of 4,096 characters).
  function n36(n) { return typeof n === "number" && isFinite(n) ? Math.round(n).toString(36) : ""; }
  function t36(iso) { var t = Date.parse(iso); return isNaN(t) ? "" : n36(t / 60000); }
  function num(s) { return s === "" || s == null ? undefined : parseInt(s, 36); }
  function iso(s) { return s ? new Date(parseInt(s, 36) * 60000).toISOString() : undefined; }
  function esc(s) { return encodeURIComponent(s == null ? "" : String(s)); }
  function unesc(s) { try { return decodeURIComponent(s); } catch (e) { return s; } }

  function entry(id, r, keep) {
    var tries = (r.attempts || []).slice(Math.max(0, (r.attempts || []).length - keep));
    return [esc(id), esc(r.quizVersion), esc(r.moduleVersion), n36(r.best), n36(r.last), n36(r.first), r.passed ? "1" : "0",
      t36(r.date), t36(r.passedOn), tries.map(function (a) { return n36(a.score) + ":" + t36(a.date); }).join(",")].join("|");
  }
  function encode(state, limit) {
    var ids = Object.keys(state), keep = {}, text;
    ids.forEach(function (id) { keep[id] = (state[id].attempts || []).length; });
    for (;;) {
      text = FORMAT + ";" + ids.map(function (id) { return entry(id, state[id], keep[id]); }).join(";");
      if (text.length <= (limit || LIMIT["1.2"])) return text;
      var most = ids.reduce(function (a, id) { return keep[id] > (keep[a] || 0) ? id : a; }, null);
      if (!most || !keep[most]) return text;
      keep[most]--;
    }
  }
  function decode(text) {
    var out = {}, parts = String(text || "").split(";");
    if (parts[0] !== FORMAT) return out; // empty, or a format this version does not know: start afresh
    parts.slice(1).forEach(function (p) {
      var f = p.split("|");
      if (f.length < 10 || !f[0]) return;
      var r = { quizVersion: unesc(f[1]), moduleVersion: unesc(f[2]), best: num(f[3]), last: num(f[4]), first: num(f[5]),
        passed: f[6] === "1", date: iso(f[7]), passedOn: iso(f[8]),
        attempts: f[9] ? f[9].split(",").map(function (a) { a = a.split(":"); return { score: num(a[0]), date: iso(a[1]) }; }) : [] };
      if (typeof r.best === "number" && r.date) out[unesc(f[0])] = r;
    });
    return out;
  }
  // An attempt added to a result, as FrontlineProgress.record does it (a new quiz version starts afresh).
  function merge(old, d) {
    var same = old && old.quizVersion === d.quizVersion, now = d.date || new Date().toISOString();
    return {
      quizVersion: d.quizVersion, moduleVersion: d.moduleVersion, last: d.score, date: now,
      best: same ? Math.max(old.best, d.score) : d.score,
      passed: !!(same && old.passed) || !!d.passed,
      passedOn: same && old.passed ? old.passedOn : (d.passed ? now : undefined),
      first: same && typeof old.first === "number" ? old.first : d.score,
      attempts: (same && old.attempts || []).concat({ date: now, score: d.score }).slice(-50)
    };
  }

  // --- the LMS API, found the standard way
  function scan(w, name) {
    for (var i = 0; w && i < 500; i++) {
      try { if (w[name]) return w[name]; } catch (e) { /* another origin: look further up */ }
      var up; try { up = w.parent; } catch (e) { up = null; }
      if (!up || up === w) break;
      w = up;
    }
    return null;
  }
  function findAPI(name) {
    var api = scan(window, name), top;
    try { top = window.top; } catch (e) { top = null; }
    if (!api && window.opener) api = scan(window.opener, name);
    if (!api && top && top !== window) try { if (top.opener) api = scan(top.opener, name); } catch (e) { /* none */ }
    return api;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function span(ms, version) {
    var s = Math.max(0, ms) / 1000, h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
    if (version === "2004") return "PT" + h + "H" + m + "M" + (Math.round(sec * 100) / 100) + "S";
    return pad(h) + ":" + pad(m) + ":" + pad(Math.floor(sec)) + "." + pad(Math.floor(sec % 1 * 100));
  }

  function store() { try { return window.localStorage; } catch (e) { return null; } }

  // --- the host: one LMS session
  function Host(opts) {
    var self = this, v = opts.version, m = M[v], api = opts.api, sent = {}, lastStatus = null, done = false, started = Date.now();
    self.state = {};
    self.api = api;
    self.version = v;
    self.where = "";
    function get(k) { try { return String(api[m.get](k)); } catch (e) { return ""; } }
    function set(k, val) {
      val = String(val);
      if (sent[k] === val) return;
      sent[k] = val;
      try { api[m.set](k, val); } catch (e) { /* the LMS refused it: nothing to do here */ }
    }
    function commit() { if (api && !done) try { api[m.commit](""); } catch (e) { /* nothing */ } }

    if (api) {
      var ok; try { ok = String(api[m.init]("")) === "true"; } catch (e) { ok = false; }
      if (!ok) api = self.api = null;
    }
    if (api) {
      self.state = decode(get("cmi.suspend_data"));
      self.where = get(m.where);
      // The LMS holds this learner's record: this browser shows what it says (another person's
      // results left in this browser are not reported as this learner's).
      var s = store();
      if (s) opts.modules.forEach(function (id) {
        try {
          if (self.state[id]) s.setItem(PREFIX + id, JSON.stringify(self.state[id]));
          else s.removeItem(PREFIX + id);
        } catch (e) { /* storage blocked: the page shows no result, the LMS still gets them */ }
      });
    }

    self.report = function () {
      if (!api || done) return;
      var ids = opts.modules, st = self.state, tried = ids.filter(function (id) { return st[id]; });
      var passedIds = ids.filter(function (id) { return st[id] && st[id].passed; }), noQuiz = !ids.length;
      var passed = !noQuiz && passedIds.length === ids.length, score = null;
      if (tried.length) score = opts.kind === "course" ? Math.round(100 * passedIds.length / ids.length) : st[ids[0]].best;
      var fail = tried.length && opts.fail === "failed", status;
      if (v === "1.2") {
        status = passed ? "passed" : noQuiz ? "completed" : fail ? "failed" : "incomplete";
        set(m.status, status);
      } else {
        status = (passed || noQuiz ? "completed" : "incomplete") + "/" + (passed ? "passed" : fail ? "failed" : "unknown");
        set(m.status, status.split("/")[0]);
        set("cmi.success_status", status.split("/")[1]);
      }
      if (score !== null) {
        set(m.score + "min", 0);
        set(m.score + "max", 100);
        set(m.score + "raw", score);
        if (v === "2004") set(m.score + "scaled", Math.round(score) / 100);
      }
      if (opts.kind === "course") ids.forEach(function (id, i) {
        var r = st[id], o = "cmi.objectives." + i + ".";
        set(o + "id", id);
        if (r) { set(o + "score.min", 0); set(o + "score.max", 100); set(o + "score.raw", r.best); }
        if (v === "1.2") set(o + "status", r ? (r.passed ? "passed" : opts.fail === "failed" ? "failed" : "incomplete") : "not attempted");
        else {
          if (r) set(o + "score.scaled", r.best / 100);
          set(o + "success_status", r && r.passed ? "passed" : r && opts.fail === "failed" ? "failed" : "unknown");
          set(o + "completion_status", r ? (r.passed ? "completed" : "incomplete") : "not attempted");
        }
      });
      set("cmi.suspend_data", encode(st, LIMIT[v]));
      if (self.where && self.where.length <= m.whereMax) set(m.where, self.where);
      if (status !== lastStatus) { lastStatus = status; commit(); }
    };
    self.result = function (d) {
      if (!d || !d.id || typeof d.score !== "number") return;
      if (opts.modules.indexOf(d.id) < 0) return; // a quiz outside the package (none there today)
      self.state[d.id] = merge(self.state[d.id], d);
      var before = lastStatus;
      self.report();
      if (lastStatus === before) commit(); // a new attempt: saved at the LMS now, not only on exit
    };
    self.visit = function (path) {
      if (!path || path === self.where) return;
      self.where = path;
      self.report();
    };
    self.commit = commit;
    self.finish = function () {
      if (!api || done) return;
      self.report();
      set(m.time, span(Date.now() - started, v));
      set(m.exit, "suspend");
      commit();
      done = true;
      try { api[m.finish](""); } catch (e) { /* nothing */ }
    };
    self.finished = function () { return done; };
    self.report();
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") commit(); });
    window.addEventListener("pagehide", self.finish);
  }

  FP.scorm = { encode: encode, decode: decode, merge: merge, findAPI: findAPI, span: span, LIMIT: LIMIT, FORMAT: FORMAT, host: null };

  function listen(doc, host) {
    doc.addEventListener("fp:quiz-result", function (e) { host.result(e.detail); });
  }
  function relative(href) {
    var base = new URL("./", location.href).href, clean = href.split("#")[0];
    return clean.indexOf(base) === 0 ? clean.slice(base.length) : "";
  }

  var launch = document.querySelector("body[data-fp-scorm]");
  if (launch) {
    var d = launch.dataset, version = d.fpScorm === "2004" ? "2004" : "1.2", frame = document.getElementById("fp-content");
    var host = FP.scorm.host = new Host({
      version: version, api: findAPI(M[version].name), kind: d.fpKind || "module", fail: d.fpFail || "incomplete",
      modules: (d.fpModules || "").split(" ").filter(Boolean)
    });
    // The page to resume on: only a page of this package (a relative path, no "..").
    var start = /^[\w\-\/]+\.html$/.test(host.where) && host.where.indexOf("..") < 0 ? host.where : d.fpStart;
    FP.scorm.visit = function (href) { host.visit(relative(href)); };
    frame.src = start;
    return;
  }
  var parentHost = null;
  try { if (window.parent !== window && window.parent.FP && window.parent.FP.scorm && window.parent.FP.scorm.host) parentHost = window.parent.FP.scorm; } catch (e) { parentHost = null; }
  if (parentHost) {
    listen(document, parentHost.host);
    parentHost.visit(location.href);
    return;
  }
  // Opened by an LMS on its own (no launch page): this page is the SCO.
  var v = findAPI("API_1484_11") ? "2004" : "1.2", api = findAPI(M[v].name);
  if (!api) return; // no LMS: the page works as on the site
  var quizzes = [].map.call(document.querySelectorAll("[data-quiz]"), function (q) { return q.getAttribute("data-quiz"); });
  var alone = FP.scorm.host = new Host({ version: v, api: api, kind: "module", fail: "incomplete", modules: quizzes });
  listen(document, alone);
})(window.FP);
