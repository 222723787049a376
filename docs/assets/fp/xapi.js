/* Frontline Playbook: xAPI statements to a learning record store (LRS). Loaded by lrs.js only when
   there is one: a page opened with the standard launch parameters (endpoint, auth, actor,
   registration, activity_id in the query string, as an LMS passes them), a launch remembered for
   this tab (sessionStorage, so instant navigation and reloads keep it), an LRS set for the site in
   mkdocs.yml (extra.frontline.xapi), or statements still waiting from an earlier launch.
   The launch parameters are taken out of the address bar at once (the auth token must not end up
   in bookmarks, history or a shared link).

   Statements (ADL verbs; activity ids are the site's address plus the module id):
   - experienced  <site>modules/<id>              a module page shown
   - answered     <site>modules/<id>/quiz/<question> each question graded, with success and response
   - passed/failed <site>modules/<id>/quiz        a quiz checked, with score (scaled, raw, min, max)
   - completed    <site>paths/<path>              every module of an assigned learning path passed
   Context: registration, the launch's activity_id and the site as grouping, the module as parent,
   the module and quiz version as extensions.
   Delivery: every statement goes into a queue in localStorage first and leaves it when the LRS has
   stored it (2xx, or 409: already there). While the LRS does not answer (offline, 5xx) the queue
   waits and is tried again (backing off to 30 s, on every page and when the browser is back
   online). A statement the LRS refuses (4xx) is kept and reported on My progress. */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  if (FP.xapi) return;
  var LAUNCH = "frontline:v1:xapi-launch", QUEUE = "frontline:v1:xapi-queue", REFUSED = "frontline:v1:xapi-refused";
  var LEARNER = "frontline:v1:xapi-learner", DONE = "frontline:v1:xapi-completed:";
  var VERB = "http://adlnet.gov/expapi/verbs/", TYPE = "http://adlnet.gov/expapi/activities/";
  var PARAMS = ["endpoint", "auth", "actor", "registration", "activity_id"];
  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
  var S = FP.store || {
    get: function (k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(k, v); return localStorage.getItem(k) === v; } catch (e) { return false; } },
    remove: function (k) { try { localStorage.removeItem(k); return true; } catch (e) { return false; } }
  };
  function readJSON(k) { try { return JSON.parse(S.get(k)); } catch (e) { return null; } }
  function writeJSON(k, v) { return S.set(k, JSON.stringify(v)); }
  function session(k, v) {
    try { if (v === undefined) return JSON.parse(sessionStorage.getItem(k)); sessionStorage.setItem(k, JSON.stringify(v)); } catch (e) { return null; }
  }
  var base = FP.base || new URL("./", location.href).href;

  function uuid() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = b[6] & 15 | 64;
    b[8] = b[8] & 63 | 128;
    var h = [].map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // An Agent from the launch's actor (LMSs send JSON, some with every value in a one-item array).
  function agent(text) {
    var a; try { a = JSON.parse(text); } catch (e) { return null; }
    if (!a || typeof a !== "object") return null;
    var out = { objectType: "Agent" };
    ["name", "mbox", "mbox_sha1sum", "openid", "account"].forEach(function (k) {
      var v = Array.isArray(a[k]) ? a[k][0] : a[k];
      if (v) out[k] = v;
    });
    if (out.account && Array.isArray(out.account.accountName || out.account.name)) out.account = { homePage: [].concat(out.account.homePage || out.account.accountServiceHomePage)[0], name: [].concat(out.account.name || out.account.accountName)[0] };
    return out.mbox || out.mbox_sha1sum || out.openid || (out.account && out.account.name && out.account.homePage) ? out : null;
  }

  // The launch: the URL's parameters, else this tab's remembered launch, else the site's LRS.
  function launch() {
    var p = new URLSearchParams(location.search), l = null;
    if (p.get("endpoint")) {
      l = { endpoint: p.get("endpoint").replace(/\/?$/, "/"), auth: p.get("auth") || "", actor: agent(p.get("actor")),
        registration: UUID.test(p.get("registration") || "") ? p.get("registration") : "", activityId: p.get("activity_id") || "" };
      PARAMS.forEach(function (k) { p.delete(k); });
      try { history.replaceState(history.state, "", location.pathname + (String(p) ? "?" + p : "") + location.hash); } catch (e) { /* keep going */ }
      if (l.actor && /^https?:\/\//.test(l.endpoint)) session(LAUNCH, l); else l = null;
    }
    l = l || session(LAUNCH);
    if (!l && FP.lrs && FP.lrs.endpoint) {
      var id = S.get(LEARNER);
      if (!id) { id = uuid(); S.set(LEARNER, id); }
      var name = S.get("frontline:v1:learner");
      l = { endpoint: FP.lrs.endpoint.replace(/\/?$/, "/"), auth: FP.lrs.auth || "", registration: "", activityId: "",
        actor: { objectType: "Agent", account: { homePage: FP.lrs.homepage || base, name: id } } };
      if (name) l.actor.name = name;
    }
    return l;
  }
  var L = launch();

  function activity(id, type, name) {
    var a = { objectType: "Activity", id: id, definition: { type: type } };
    if (name) a.definition.name = { en: name };
    return a;
  }
  function moduleOf(quiz) {
    var id = quiz.getAttribute("data-quiz"), h1 = document.querySelector(".md-content h1");
    return { id: id, iri: base + "modules/" + id, title: h1 ? h1.firstChild.textContent.trim() : id,
      moduleVersion: quiz.getAttribute("data-module-version"), quizVersion: quiz.getAttribute("data-quiz-version") };
  }
  function statement(verb, object, m, result) {
    var ext = {}, grouping = [activity(base, TYPE + "course")];
    if (L.activityId && L.activityId !== base) grouping.push({ objectType: "Activity", id: L.activityId });
    var c = { platform: "Frontline Playbook", language: "en", contextActivities: { grouping: grouping } };
    if (m) {
      ext[base + "xapi/module-version"] = m.moduleVersion || "";
      ext[base + "xapi/quiz-version"] = m.quizVersion || "";
      c.extensions = ext;
      if (object.id !== m.iri) c.contextActivities.parent = [activity(m.iri, TYPE + "module")];
    }
    if (L.registration) c.registration = L.registration;
    var s = { id: uuid(), actor: L.actor, verb: { id: VERB + verb, display: { "en-US": verb } }, object: object, timestamp: new Date().toISOString(), context: c };
    if (result) s.result = result;
    return s;
  }

  // --- the queue
  var memory = []; // statements storage could not keep (full or blocked): sent from here
  function queue() { var q = readJSON(QUEUE); return Array.isArray(q) ? q : []; }
  function send(s) {
    var item = { s: s, e: L.endpoint, a: L.auth }, q = queue();
    q.push(item);
    if (!writeJSON(QUEUE, q.slice(-1000))) memory.push(item);
    flush();
  }
  function drop(id) {
    memory = memory.filter(function (i) { return i.s.id !== id; });
    var q = queue(), left = q.filter(function (i) { return i.s.id !== id; });
    if (left.length !== q.length) { if (left.length) writeJSON(QUEUE, left); else S.remove(QUEUE); }
  }
  function refuse(item, status, text) {
    var list = readJSON(REFUSED);
    list = Array.isArray(list) ? list : [];
    var o = item.s.object, d = o && o.definition;
    list.push({ at: new Date().toISOString(), status: status, message: String(text || "").slice(0, 300), verb: item.s.verb.display["en-US"],
      what: d && d.name ? d.name.en : o && o.id, endpoint: item.e, statement: item.s });
    writeJSON(REFUSED, list.slice(-100));
  }
  var busy = false, timer = null, delay = 2000;
  function later() {
    busy = false;
    clearTimeout(timer);
    timer = setTimeout(flush, delay);
    delay = Math.min(delay * 2, 30000);
  }
  function flush() {
    if (busy) return;
    var item = queue()[0] || memory[0];
    if (!item) return;
    busy = true;
    var headers = { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" };
    if (item.a) headers.Authorization = item.a;
    fetch(item.e + "statements", { method: "POST", headers: headers, body: JSON.stringify(item.s), credentials: "omit" }).then(function (r) {
      if (r.ok || r.status === 409) { drop(item.s.id); delay = 2000; busy = false; flush(); return; }
      if (r.status >= 500 || r.status === 408 || r.status === 429) { later(); return; }
      return r.text().then(function (t) { refuse(item, r.status, t); drop(item.s.id); busy = false; paint(); flush(); });
    }, later);
  }
  window.addEventListener("online", function () { delay = 2000; flush(); });

  // --- what the learner does
  function viewed() {
    var quiz = document.querySelector("[data-quiz]");
    if (!quiz || quiz.fpExperienced) return;
    quiz.fpExperienced = true;
    var m = moduleOf(quiz);
    send(statement("experienced", activity(m.iri, TYPE + "module", m.title), m));
  }
  function paths() {
    var P = window.FrontlineProgress;
    var keys; try { keys = Object.keys(localStorage); } catch (e) { keys = []; }
    if (!P) return;
    keys.filter(function (k) { return k.indexOf("frontline:v1:assignment:") === 0; }).forEach(function (k) {
      var e = readJSON(k), path = e && e.assignment && e.assignment.path;
      if (!path || !Array.isArray(e.steps) || !e.steps.length) return;
      var all = e.steps.every(function (s) { var r = P.load(s.m); return r && r.passed; }), key = DONE + path + ":" + (L.registration || "");
      if (!all || S.get(key)) return;
      S.set(key, new Date().toISOString());
      send(statement("completed", activity(base + "paths/" + path, TYPE + "course", e.pathTitle || path), null, { completion: true }));
    });
  }
  document.addEventListener("fp:quiz-result", function (ev) {
    var d = ev.detail || {}, quiz = L && d.id && document.querySelector('[data-quiz="' + d.id + '"]');
    if (!quiz) return;
    var m = moduleOf(quiz), iri = m.iri + "/quiz";
    [].forEach.call(quiz.querySelectorAll(".fp-question"), function (q) {
      if (q.fpKept) return; // right last time, kept: not answered again
      var prompt = q.querySelector(".fp-prompt"), picked = [].filter.call(q.querySelectorAll(".fp-choice"), function (c) {
        var i = c.querySelector("input"); return i && i.checked;
      }).map(function (c) { return c.getAttribute("data-choice"); });
      var object = activity(iri + "/" + q.getAttribute("data-question"), TYPE + "cmi.interaction", prompt ? prompt.textContent.trim().slice(0, 200) : null);
      object.definition.interactionType = "choice";
      send(statement("answered", object, m, { success: !!q.fpRight, response: picked.join("[,]") }));
    });
    send(statement(d.passed ? "passed" : "failed", activity(iri, TYPE + "assessment", "Self-check: " + m.title), m, {
      score: { scaled: Math.round(d.score) / 100, raw: d.score, min: 0, max: 100 }, success: !!d.passed, completion: true
    }));
    if (d.passed) paths();
  });

  // --- My progress: statements the LRS refused, and those still waiting
  function paint() {
    var page = document.querySelector(".fp-progress-page");
    if (!page) return;
    var box = document.querySelector(".fp-xapi-report"), refused = readJSON(REFUSED) || [], waiting = queue().length + memory.length;
    if (!refused.length && !waiting && !L) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.setAttribute("role", "status");
      page.parentNode.insertBefore(box, page);
    }
    box.className = "admonition fp-xapi-report " + (refused.length || waiting ? "warning" : "note");
    box.textContent = "";
    function el(tag, text, parent) { var e = document.createElement(tag); if (text) e.textContent = text; (parent || box).appendChild(e); return e; }
    el("p", "Learning record store").className = "admonition-title";
    if (L) el("p", "Your results are also sent to your organisation's learning record store (" + new URL(L.endpoint).host + "), as your LMS or this site is set up to do.");
    if (waiting) el("p", waiting > 1 ? waiting + " records are waiting in this browser to be sent to it: it has not answered. They go when it answers again; keep this browser's data until then."
      : "1 record is waiting in this browser to be sent to it: it has not answered. It goes when it answers again; keep this browser's data until then.");
    if (refused.length) {
      el("p", "Your learning record store refused " + refused.length + (refused.length > 1 ? " records" : " record") + ". Your results in this browser are unaffected; tell whoever runs your LMS or learning record store:");
      var ul = el("ul");
      refused.forEach(function (r) {
        el("li", (FP.formatDate ? FP.formatDate(r.at) : r.at.slice(0, 10)) + ": " + r.verb + " " + (r.what || "") + " (HTTP " + r.status + (r.message ? ": " + r.message : "") + ")", ul);
      });
      var b = el("button", "Clear this list");
      b.type = "button";
      b.className = "md-button";
      b.onclick = function () { S.remove(REFUSED); paint(); };
    }
  }

  FP.xapi = { launch: L, flush: flush, queue: queue, agent: agent, paint: paint, QUEUE: QUEUE, REFUSED: REFUSED, LAUNCH: LAUNCH };
  (FP.onEachPage || function (f) { if (window.document$) window.document$.subscribe(f); else f(); })(function () {
    if (L) viewed();
    paint();
    flush();
  });
})(window.FP);
