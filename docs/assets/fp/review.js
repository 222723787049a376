/* Frontline Playbook: spaced reviews after a pass (issue 12 point 5) and the Start here diagnostic
   (point 6). Loaded by core.js (data-fp-load) only where a marker is: [data-fp-review] (the review page),
   [data-fp-review-due] ("Review due (N)" on home and My progress), [data-fp-diagnostic].

   Schedule: a module passed on day P (its quiz record's passedOn, read through FrontlineProgress)
   has reviews due on P+2, P+7 and P+30 (local days), then none. A review done late moves the next
   one so the gap stays (a review on day 10 puts the next at day 15, not at once). Each review asks
   3, 4, then 5 items of the module's `review:` pool; due modules are interleaved. The marking and
   what is revealed when are quiz.js's (FP.quizMarking); a review passes at 80%.

   Storage (this browser only, validated on read, anything else ignored):
   frontline:v1:review:<moduleId> = {v: 1, passedOn: the pass it counts from (ISO), done: 0-3,
     next: "YYYY-MM-DD" (absent when done is 3), history: [{date: "YYYY-MM-DD", stage: 1-3, score: %}]}
     A new pass (a newer quiz version) has another passedOn and starts the schedule again.
   frontline:v1:diagnostic = {v: 1, date: "YYYY-MM-DD", skim: [moduleId], study: [moduleId]} */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  var REVIEW = "frontline:v1:review:", DIAGNOSTIC = "frontline:v1:diagnostic";
  var DAYS = [2, 7, 30], COUNT = [3, 4, 5], PASS = 80, ORDINAL = ["first", "second", "third"];
  var DAY = /^\d{4}-\d{2}-\d{2}$/, MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var all = function (el, s) { return [].slice.call(el.querySelectorAll(s)); };

  /* --- dates: local days as "YYYY-MM-DD" ------------------------------------------------------- */
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function dayOf(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function today() { return dayOf(new Date()); }
  function addDays(day, n) { var d = new Date(day + "T00:00"); d.setDate(d.getDate() + n); return dayOf(d); }
  function shown(day) {
    if (FP.formatDate) return FP.formatDate(day);
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
    return m ? +m[3] + " " + MONTHS[+m[2] - 1] + " " + m[1] : "";
  }

  /* --- storage: null when blocked; write says whether it held --------------------------------- */
  function storage() { try { return window.localStorage || null; } catch (e) { return null; } }
  function read(key) {
    var s = storage();
    try { return s ? JSON.parse(s.getItem(key)) : null; } catch (e) { return null; }
  }
  function write(key, value) {
    var s = storage(), text = JSON.stringify(value);
    try { s.setItem(key, text); return s.getItem(key) === text; } catch (e) { return false; }
  }

  /* The day a module was passed, from its quiz record (progress.js validates it), or null. */
  function passedOn(id) {
    var P = window.FrontlineProgress, r = null;
    try { r = P && P.load ? P.load(id) : null; } catch (e) { r = null; }
    return r && r.passed === true && typeof r.passedOn === "string" && !isNaN(Date.parse(r.passedOn)) ? r.passedOn : null;
  }

  function validReview(r) {
    return !!r && typeof r === "object" && r.v === 1 && typeof r.passedOn === "string" &&
      [0, 1, 2, 3].indexOf(r.done) >= 0 && (r.done === 3 || (typeof r.next === "string" && DAY.test(r.next))) &&
      Array.isArray(r.history) && r.history.every(function (h) {
        return h && typeof h === "object" && typeof h.date === "string" && DAY.test(h.date) && typeof h.score === "number" && h.score >= 0 && h.score <= 100;
      });
  }

  /* Where a module's reviews stand: null before a pass; due is null once all three are done. */
  function state(id) {
    var p = passedOn(id), r;
    if (!p) return null;
    r = read(REVIEW + id);
    if (!validReview(r) || r.passedOn !== p) return { id: id, passedOn: p, done: 0, due: addDays(dayOf(new Date(p)), DAYS[0]), history: [] };
    return { id: id, passedOn: p, done: r.done, due: r.done >= DAYS.length ? null : r.next, history: r.history };
  }
  function due(ids) { var t = today(); return ids.map(state).filter(function (s) { return s && s.due && s.due <= t; }); }

  /* Saves a review's result; returns {saved, next} (next null after the last review). */
  function recordReview(s, score) {
    var done = s.done + 1, t = today(), next = null, gap;
    if (done < DAYS.length) {
      next = addDays(dayOf(new Date(s.passedOn)), DAYS[done]);
      gap = addDays(t, DAYS[done] - DAYS[done - 1]);
      if (gap > next) next = gap;
    }
    var r = { v: 1, passedOn: s.passedOn, done: done, history: s.history.concat([{ date: t, stage: done, score: score }]) };
    if (next) r.next = next;
    return { saved: write(REVIEW + s.id, r), next: next };
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function link(href, text) { var a = el("a", "", text); a.href = href; return a; }

  /* --- "Review due (N)" ------------------------------------------------------------------------ */
  function paintDue() {
    all(document, "[data-fp-review-due]").forEach(function (marker) {
      var n = due((marker.getAttribute("data-modules") || "").split(" ").filter(Boolean)).length;
      marker.querySelector("a").textContent = "Review due (" + n + ")";
      marker.hidden = !n;
    });
  }

  /* --- the review page --------------------------------------------------------------------------- */
  function reviewPage(root) {
    var M = FP.quizMarking;
    if (root.dataset.bound || !M) return;
    root.dataset.bound = "1";
    root.classList.add("fp-quiz-js");
    var $ = function (s) { return root.querySelector(s); };
    var status = $("[data-fp-review-status]"), session = $("[data-fp-review-session]"), score = $(".fp-score");
    var check = $(".fp-check"), retry = $(".fp-retry"), confirm = $(".fp-confirm"), ask = $(".fp-confirm-text");
    var groups = all(root, "[data-fp-review-pool] > [data-module]"), byId = {};
    groups.forEach(function (g) { byId[g.getAttribute("data-module")] = g; });
    var ids = groups.map(function (g) { return g.getAttribute("data-module"); });

    if (!storage()) {
      status.appendChild(el("p", "fp-save-warning", "⚠ This browser does not let the course keep anything (storage is blocked), so it cannot tell which modules you have passed or what is due. Reviews need storage turned on for this site."));
      return;
    }
    var list = due(ids);
    if (!list.length) {
      var upcoming = ids.map(state).filter(function (s) { return s && s.due; }).sort(function (a, b) { return a.due < b.due ? -1 : 1; })[0];
      var p = el("p", "fp-review-none", "Nothing is due for review today. ");
      p.appendChild(document.createTextNode(upcoming ?
        "Next: " + byId[upcoming.id].getAttribute("data-title") + ", on " + shown(upcoming.due) + "." :
        "A review of a module comes due two days after you pass its self-check."));
      status.appendChild(p);
      return;
    }

    /* What each due module asks this time, then interleaved: one of each module in turn. */
    var picks = list.map(function (s) {
      var qs = all(byId[s.id], ".fp-question"), n = Math.min(qs.length, COUNT[s.done]), start = (s.done * 3) % qs.length, out = [], i;
      for (i = 0; i < n; i++) out.push(qs[(start + i) % qs.length]);
      out.forEach(function (q) { q.fpReview = s; });
      return out;
    });
    var questions = [], round, k;
    for (round = 0; round < COUNT[COUNT.length - 1]; round++) for (k = 0; k < picks.length; k++) if (picks[k][round]) questions.push(picks[k][round]);
    questions.forEach(function (q, i) {
      var number = q.querySelector(".fp-question-number"), g = byId[q.fpReview.id], from = el("p", "fp-review-from", "From ");
      number.textContent = number.textContent.replace(/^Question/, "Question " + (i + 1) + " of " + questions.length);
      from.appendChild(link(g.getAttribute("data-url"), g.getAttribute("data-title")));
      number.parentNode.insertBefore(from, number.nextSibling);
      session.appendChild(q);
      M.shuffle(q);
    });
    status.appendChild(el("p", "fp-review-intro", (list.length > 1 ? list.length + " modules are" : "1 module is") + " due for review: " +
      list.map(function (s) { return byId[s.id].getAttribute("data-title") + " (" + ORDINAL[s.done] + " review)"; }).join(", ") +
      ". " + questions.length + " questions. Pick your answers, then check them."));

    var fails = 0, passed = false, recorded = false;
    var run = M.session(questions, score), open = run.open, blank = run.blank, say = run.say, go = run.go;

    /* The first check of a session is the review's result: it is saved, and sets the next date. */
    function save() {
      var next = $("[data-fp-review-next]"), ok = true;
      list.forEach(function (s) {
        var mine = questions.filter(function (q) { return q.fpReview === s; });
        var right = mine.filter(M.isRight).length, r = recordReview(s, Math.round(100 * right / mine.length));
        var title = byId[s.id].getAttribute("data-title");
        ok = ok && r.saved;
        next.appendChild(el("li", "", title + " · " + right + " of " + mine.length + " right. " +
          (!r.saved ? "Not saved." : r.next ? "Next review on " + shown(r.next) + "." : "That was its last review.")));
      });
      $(".fp-save-warning").hidden = ok;
      paintDue();
    }

    function grade() {
      var missed = open().filter(function (q) { return !M.isRight(q); }), right = questions.length - missed.length;
      var pct = Math.round(100 * right / questions.length);
      passed = pct >= PASS;
      if (!passed) fails++;
      open().forEach(function (q) { M.mark(q, passed || fails > 1); });
      if (!recorded) { recorded = true; save(); }
      score.hidden = false;
      score.className = "fp-score " + (passed ? "fp-right" : "fp-wrong");
      $(".fp-score-line").textContent = (passed ? "✓ " : "✗ ") + right + " of " + questions.length + " right (" + pct + "%).";
      say(passed ? "pass" : fails > 1 ? "fail2" : "fail");
      var m = $(".fp-missed");
      m.textContent = missed.length ? "Missed: " : "";
      missed.forEach(function (q, i) {
        q.id = q.id || "review--" + q.fpReview.id + "--" + q.getAttribute("data-question");
        if (i) m.appendChild(document.createTextNode(", "));
        m.appendChild(link("#" + q.id, M.label(q))).onclick = function (e) { e.preventDefault(); go(q); };
      });
      check.hidden = confirm.hidden = true;
      retry.hidden = passed;
      score.scrollIntoView();
      score.focus({ preventScroll: true });
    }

    check.onclick = function () {
      var b = blank();
      if (!b.length) return grade();
      ask.textContent = (b.length > 1 ? b.length + " questions are" : "1 question is") + " not answered: " + b.map(M.label).join(", ") + ".";
      confirm.hidden = false;
      check.hidden = true;
      ask.focus();
    };
    $(".fp-confirm-yes").onclick = grade;
    $(".fp-confirm-no").onclick = function () { confirm.hidden = true; check.hidden = false; go(blank()[0]); };
    retry.onclick = function () {
      questions.forEach(function (q) {
        q.fpKept = q.fpRight;
        if (q.fpKept) q.querySelector(".fp-verdict").textContent = "✓ Correct, kept from your last try";
        else M.mark(q, false, true);
      });
      $(".fp-score-line").textContent = $(".fp-missed").textContent = "";
      say("kept");
      retry.hidden = true;
      check.hidden = false;
      go(open()[0]);
    };
    check.hidden = false;
  }

  /* --- "Where should I start?" ------------------------------------------------------------------ */
  function validDiagnostic(r, known) {
    var ok = function (a) { return Array.isArray(a) && a.every(function (id) { return typeof id === "string"; }); };
    if (!r || typeof r !== "object" || r.v !== 1 || typeof r.date !== "string" || !DAY.test(r.date) || !ok(r.skim) || !ok(r.study)) return null;
    var only = function (a) { return a.filter(function (id) { return known[id]; }); };
    return { v: 1, date: r.date, skim: only(r.skim), study: only(r.study) };
  }

  function diagnostic(root) {
    var M = FP.quizMarking;
    if (root.dataset.bound || !M) return;
    root.dataset.bound = "1";
    root.classList.add("fp-quiz-js");
    var $ = function (s) { return root.querySelector(s); };
    var form = $("[data-fp-diagnostic-form]"), result = $("[data-fp-diagnostic-result]"), check = $(".fp-check"), retry = $(".fp-retry");
    var items = all(root, ".fp-diagnostic-item"), known = {}, order = [];
    all(root, "[data-fp-diagnostic-modules] li").forEach(function (li) {
      known[li.getAttribute("data-module")] = { title: li.textContent, url: li.getAttribute("data-url") };
      order.push(li.getAttribute("data-module"));
    });
    function line(cls, lead, ids, tail) {
      var p = el("p", cls, lead);
      if (ids && ids.length === 1) p.appendChild(link(known[ids[0]].url, known[ids[0]].title));
      if (tail) p.appendChild(document.createTextNode(tail));
      result.appendChild(p);
    }
    function list(lead, ids, tag) {
      var l = el(tag);
      result.appendChild(el("p", "", lead));
      ids.forEach(function (id) { l.appendChild(el("li")).appendChild(link(known[id].url, known[id].title)); });
      result.appendChild(l);
    }

    function show(r) {
      var study = order.filter(function (id) { return r.study.indexOf(id) >= 0; }), skim = order.filter(function (id) { return r.skim.indexOf(id) >= 0; });
      result.textContent = "";
      if (study.length) {
        line("fp-diagnostic-start", "Start with ", [study[0]], ".");
        if (study.length > 1) list("Then read these closely, in this order:", study.slice(1), "ol");
      } else {
        line("fp-diagnostic-start", "You answered every question right. Skim the modules in course order, starting with ", order.slice(0, 1), ", and take each self-check: they ask more than this did.");
      }
      if (skim.length && study.length) list("Skim these: you answered their questions right.", skim, "ul");
      line("fp-muted", "Your answers of " + shown(r.date) + ", kept in this browser only.");
      result.hidden = false;
      form.hidden = check.hidden = true;
      retry.hidden = false;
    }
    function ask() {
      items.forEach(function (item) { M.mark(item.querySelector(".fp-question"), false, true); });
      result.hidden = retry.hidden = true;
      $(".fp-save-warning").hidden = true;
      form.hidden = check.hidden = false;
    }

    check.onclick = function () {
      var right = {};
      items.forEach(function (item) {
        var id = item.getAttribute("data-module");
        right[id] = (right[id] !== false) && M.isRight(item.querySelector(".fp-question"));
      });
      var r = {
        v: 1, date: today(),
        skim: order.filter(function (id) { return right[id] === true; }),
        study: order.filter(function (id) { return right[id] === false; })
      };
      $(".fp-save-warning").hidden = write(DIAGNOSTIC, r);
      show(r);
      result.scrollIntoView();
      result.focus({ preventScroll: true });
    };
    retry.onclick = function () {
      ask();
      items[0].querySelector("input").focus();
    };

    var saved = validDiagnostic(read(DIAGNOSTIC), known);
    if (saved) show(saved);
    else ask();
  }

  FP.review = function () {
    paintDue();
    all(document, "[data-fp-review]").forEach(reviewPage);
    all(document, "[data-fp-diagnostic]").forEach(diagnostic);
  };
  FP.review.state = state;
  // Loaded by core.js (data-fp-load="review") on the first page with a marker; runs on every page after.
  FP.onEachPage(FP.review);
})(window.FP);
