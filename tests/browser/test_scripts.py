"""Our JavaScript's pure functions, called in Chromium on a blank page: no site is built.

The scripts are loaded from docs/assets/fp/ into an empty page served by Playwright itself (an
http origin, so localStorage exists), in the order core.js loads them on an app page."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.browser.conftest import FROZEN_NOW, new_context
from tests.conftest import REPO

ASSETS = REPO / "docs/assets/fp"
SCRIPTS = ["core", "app", "progress", "link", "assignments", "calendar", "csv", "record"]
ORIGIN = "http://scripts.test/"

# A small catalog in the shape Renderer.browser_catalog gives the browser.
CATALOG = {
    "root": "./",
    "assigned": "assigned/",
    "progress": "progress/",
    "modules": {
        "alpha": {"title": "Alpha, the first", "url": "modules/alpha/", "version": "1.0", "quiz": "q-alpha-2", "duration": 20},
        "beta": {"title": "Beta", "url": "modules/beta/", "version": "1.1", "quiz": "q-beta-1", "duration": 30},
        "gamma": {"title": "Gamma", "url": "modules/gamma/", "version": "2.0", "quiz": None, "duration": 25},
    },
    "paths": {
        "starter": {
            "title": "Starter",
            "description": "Why this path.",
            "steps": [
                {"module": "gamma", "day": 7, "target": "By the end of week 1", "why": "First things first."},
                {"module": "alpha", "day": 14, "target": "By day 14", "why": "", "when": "a seat is open", "artefact": "A scorecard"},
            ],
        }
    },
    "tracks": [{"title": "One", "modules": ["alpha", "beta", "gamma"]}],
}


@pytest.fixture(scope="module")
def js(browser) -> Iterator[object]:
    context = new_context(browser)
    errors: list[str] = []
    context.route(f"{ORIGIN}**", lambda route: route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>t</title><body></body>"))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(ORIGIN)
    for name in SCRIPTS:
        page.add_script_tag(path=str(ASSETS / f"{name}.js"))
    page.evaluate(
        """cat => { window.CAT = cat; cat.modules = FP.map(cat.modules); cat.paths = FP.map(cat.paths);
                    cat.root = new URL(cat.root, location.href).href; }""",
        CATALOG,
    )
    yield page
    assert errors == []
    context.close()


@pytest.fixture(autouse=True)
def empty_storage(js) -> None:
    js.evaluate("localStorage.clear()")


@pytest.mark.parametrize(
    ("text", "valid"),
    [("2026-12-01", True), ("2028-02-29", True), ("2027-02-29", False), ("2027-02-30", False), ("2027-13-01", False),
     ("2027-1-01", False), ("2027-01-01T00:00", False), ("", False), (None, False), (20270101, False)],
)
def test_valid_date_is_a_real_calendar_day(js, text: object, valid: bool) -> None:
    assert js.evaluate("s => FP.validDate(s)", text) is valid


@pytest.mark.parametrize(
    ("value", "shown"),
    [("2026-12-15", "15 Dec 2026"), ("2027-01-01", "1 Jan 2027"), ("2026-12-01T09:30:00", "1 Dec 2026"), ("", ""), ("not a date", ""), (None, "")],
)
def test_one_date_format_for_people(js, value: object, shown: str) -> None:
    assert js.evaluate("v => FP.formatDate(v)", value) == shown


def test_dates_add_across_months_and_years(js) -> None:
    assert js.evaluate("[FP.addDays('2026-12-31', 1), FP.addDays('2027-02-28', 1), FP.addDays('2027-03-28', 90)]") == ["2027-01-01", "2027-03-01", "2027-06-26"]
    assert js.evaluate("FP.today()") == FROZEN_NOW.date().isoformat()


def test_link_codec_round_trips_any_text(js) -> None:
    assignment = {"v": 1, "name": "Zoë Łukasiewicz (李明)", "note": "Ça va? 🚀\nSecond line", "items": [{"m": "alpha", "due": "2027-01-11"}]}
    assert js.evaluate("a => FP.link.decode(FP.link.encode(a))", assignment) == assignment
    assert js.evaluate("a => /^[A-Za-z0-9_-]+$/.test(FP.link.encode(a))", assignment)


BAD_ASSIGNMENTS = [
    ({"v": 1, "name": "x", "items": [{"m": "constructor", "due": "2027-01-01"}]}, "it names a module this course does not have"),
    ({"v": 1, "name": "x", "items": [{"m": "__proto__", "due": "2027-01-01"}]}, "it names a module this course does not have"),
    ({"v": 1, "name": "x", "path": "toString", "items": [{"m": "alpha", "due": "2027-01-01"}]}, "it names a learning path this course does not have"),
    ({"v": 1, "name": "x", "path": "constructor", "items": [{"m": "alpha", "due": "2027-01-01"}]}, "it names a learning path this course does not have"),
    ({"v": 1, "name": "x", "items": [{"m": "alpha", "due": "2027-02-30"}]}, "a due date is not a real date"),
    ({"v": 1, "name": "x", "start": "2027-02-30", "items": [{"m": "alpha", "due": "2027-03-01"}]}, "its start date is not a real date"),
    ({"v": 1, "name": " ", "items": [{"m": "alpha", "due": "2027-01-01"}]}, "the manager's name is missing or longer than 80 characters"),
    ({"v": 2, "name": "x", "items": []}, "it was made by a different version of the course (format 2)"),
    ({"v": 1, "name": "x", "by": "y" * 81, "items": [{"m": "alpha", "due": "2027-01-01"}]}, "the name of who assigned it is longer than 80 characters"),
]


@pytest.mark.parametrize(("assignment", "problem"), BAD_ASSIGNMENTS)
def test_assignment_checks_refuse_prototype_keys_and_impossible_dates(js, assignment: dict, problem: str) -> None:
    assert js.evaluate("a => FP.link.check(a, CAT)", assignment) == problem


@pytest.mark.parametrize("tail", ["", ".", ",", ")", ").", ">", '"', "%22", "’"])
def test_a_link_with_an_emails_trailing_punctuation_still_opens(js, tail: str) -> None:
    got = js.evaluate(
        "tail => FP.link.fromFragment('#assignment=' + FP.link.encode({v: 1, name: 'Dana', items: [{m: 'alpha', due: '2027-01-11'}]}) + tail, CAT)", tail
    )
    assert got == {"value": {"v": 1, "name": "Dana", "items": [{"m": "alpha", "due": "2027-01-11"}]}}


def test_damaged_links_say_so(js) -> None:
    assert js.evaluate("FP.link.fromFragment('#assignment=%%%', CAT).error").startswith("This assignment link is not valid")
    assert js.evaluate("FP.link.fromFragment('#assignment=eyJ2Ijox', CAT).error").startswith("This assignment link is damaged")
    assert js.evaluate("FP.link.fromFragment('', CAT)") == {"error": None}


def test_steps_follow_the_paths_order_then_due_dates(js) -> None:
    a = {"v": 1, "name": "x", "path": "starter", "items": [{"m": "beta", "due": "2027-01-02"}, {"m": "alpha", "due": "2027-01-20"}, {"m": "gamma", "due": "2027-01-10"}]}
    steps = js.evaluate("a => FP.assignments.steps(a, CAT)", a)
    assert [s["m"] for s in steps] == ["gamma", "alpha", "beta"]
    assert steps[0] == {"m": "gamma", "due": "2027-01-10", "target": "By the end of week 1", "why": "First things first.", "when": "", "artefact": ""}
    # a conditional step keeps its condition and the artefact it produces; a module off the path has neither
    assert (steps[1]["when"], steps[1]["artefact"]) == ("a seat is open", "A scorecard")
    assert (steps[2]["when"], steps[2]["artefact"]) == ("", "")


def test_status_of_an_assigned_module(js) -> None:
    status = "([r, due]) => FP.assignments.status(r, CAT.modules.alpha, due, '2026-12-01')"
    passed = {"quizVersion": "q-alpha-2", "best": 90, "passed": True, "date": "2026-12-05T10:00:00Z", "passedOn": "2026-12-05T10:00:00Z"}
    assert js.evaluate(status, [None, "2026-11-30"])["key"] == "overdue"
    assert js.evaluate(status, [None, "2026-12-01"]) == {"key": "none", "older": False, "text": "Not started"}
    late = js.evaluate(status, [passed, "2026-12-02"])
    assert late["key"] == "passed" and late["late"] and late["text"] == "✓ Passed 5 Dec 2026 (90%), after the due date"
    older = js.evaluate(status, [{**passed, "quizVersion": "q-alpha-1"}, "2027-01-01"])
    assert older["older"] and "earlier version" in older["text"]


def test_two_assignments_saved_at_once_are_both_kept_and_removable_one_by_one(js) -> None:
    keys = js.evaluate(
        """() => {
            const a = {v: 1, name: 'Dana', items: [{m: 'alpha', due: '2027-01-11'}]};
            const b = {v: 1, name: 'Dana', path: 'starter', items: [{m: 'gamma', due: '2027-01-08'}]};
            return [FP.assignments.save(a, CAT), FP.assignments.save(b, CAT), FP.assignments.save(a, CAT),
                    Object.keys(localStorage).filter(k => k.startsWith('frontline:v1:assignment:')).length];
        }"""
    )
    assert keys == [True, True, True, 2]
    listed = js.evaluate("FP.assignments.list(CAT).map(e => e.assignment.items[0].m)")
    assert sorted(listed) == ["alpha", "gamma"]
    assert js.evaluate("FP.assignments.remove(FP.assignments.list(CAT)[0].key, CAT)") is True
    assert len(js.evaluate("FP.assignments.list(CAT)")) == 1


def test_the_one_list_key_of_earlier_versions_is_still_read(js) -> None:
    js.evaluate("localStorage.setItem('frontline:v1:assignments', JSON.stringify([{v: 1, name: 'Old', items: [{m: 'beta', due: '2027-01-01'}]}, {v: 1, name: 'x', items: [{m: 'constructor', due: '2027-01-01'}]}]))")
    listed = js.evaluate("FP.assignments.list(CAT)")
    assert [e["assignment"]["name"] for e in listed] == ["Old"]
    assert js.evaluate("FP.assignments.remove(FP.assignments.list(CAT)[0].key, CAT)") is True
    assert js.evaluate("FP.assignments.list(CAT).length") == 0


def test_storage_that_fails_is_reported_not_hidden(js) -> None:
    js.evaluate("() => { window.__setItem = Storage.prototype.setItem; Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }")
    try:
        assert js.evaluate("FrontlineProgress.record('alpha', 'q-alpha-2', '1.0', 90, 80)") is False
        assert js.evaluate("FP.assignments.save({v: 1, name: 'Dana', items: [{m: 'alpha', due: '2027-01-11'}]}, CAT)") is False
        assert js.evaluate("FP.store.works()") is False
    finally:
        js.evaluate("() => { Storage.prototype.setItem = window.__setItem; }")
    assert js.evaluate("FrontlineProgress.record('alpha', 'q-alpha-2', '1.0', 90, 80)") is True


def test_results_keep_the_first_attempt_and_every_attempt(js) -> None:
    js.evaluate("FrontlineProgress.record('alpha', 'q-alpha-2', '1.0', 60, 80)")
    js.evaluate("FrontlineProgress.record('alpha', 'q-alpha-2', '1.0', 90, 80)")
    js.evaluate("FrontlineProgress.record('alpha', 'q-alpha-2', '1.0', 70, 80)")
    r = js.evaluate("FrontlineProgress.load('alpha')")
    assert (r["first"], r["best"], r["last"], r["passed"]) == (60, 90, 70, True)
    assert [a["score"] for a in r["attempts"]] == [60, 90, 70]
    # A result saved before `first` and `attempts` existed is still read.
    js.evaluate("localStorage.setItem('frontline:v1:quiz:beta', JSON.stringify({quizVersion: 'q-beta-1', moduleVersion: '1.1', best: 85, last: 85, passed: true, date: '2026-11-01T10:00:00Z', passedOn: '2026-11-01T10:00:00Z'}))")
    assert js.evaluate("FrontlineProgress.describe(FrontlineProgress.load('beta'), 'q-beta-1').text") == "Passed on 1 Nov 2026 (best score 85%)"
    assert js.evaluate("FrontlineProgress.describe(FrontlineProgress.load('beta'), 'q-beta-2').text").endswith(", on an earlier version of this quiz")


def test_an_import_never_turns_a_pass_into_a_non_pass(js) -> None:
    mine = {"quizVersion": "v", "best": 85, "last": 85, "passed": True, "date": "2026-11-02T10:00:00Z", "passedOn": "2026-11-02T10:00:00Z", "attempts": [{"date": "2026-11-02T10:00:00Z", "score": 85}]}
    theirs = {"quizVersion": "v", "best": 95, "last": 95, "passed": False, "date": "2026-11-05T10:00:00Z", "first": 40}
    merged = js.evaluate("([a, b]) => FP.record.merge(a, b, 'v')", [mine, theirs])
    assert (merged["best"], merged["passed"], merged["passedOn"]) == (95, True, "2026-11-02T10:00:00Z")
    earlier_pass = {**theirs, "passed": True, "passedOn": "2026-10-01T10:00:00Z"}
    assert js.evaluate("([a, b]) => FP.record.merge(a, b, 'v').passedOn", [mine, earlier_pass]) == "2026-10-01T10:00:00Z"
    # A result of an earlier quiz version never replaces one of the current version, nor the reverse.
    old = {**theirs, "quizVersion": "old", "passed": True, "passedOn": "2026-01-01T00:00:00Z"}
    assert js.evaluate("([a, b]) => FP.record.merge(a, b, 'v')", [mine, old]) == mine
    assert js.evaluate("([a, b]) => FP.record.merge(b, a, 'v')", [mine, old]) == mine


def test_completion_record_version_2(js) -> None:
    js.evaluate("FrontlineProgress.record('alpha', 'q-alpha-2', '1.0', 60, 80); FrontlineProgress.record('alpha', 'q-alpha-2', '1.0', 100, 80)")
    record = js.evaluate(
        """() => FP.record.build('Zoë', FrontlineProgress.all(),
              [{v: 1, name: 'Zoë', by: 'Sam', path: 'starter', start: '2026-11-20', items: [{m: 'alpha', due: '2026-12-04'}, {m: 'gamma', due: '2026-11-27'}]}],
              CAT, new Date(), FP.today())"""
    )
    assert record["kind"] == "frontline-completion-record" and record["v"] == 2 and record["name"] == "Zoë"
    alpha = record["results"]["alpha"]
    assert (alpha["title"], alpha["first"], alpha["best"], len(alpha["attempts"]), alpha["currentVersion"]) == ("Alpha, the first", 60, 100, 2, True)
    (assignment,) = record["assignments"]
    assert assignment["pathTitle"] == "Starter" and assignment["by"] == "Sam"
    assert [(s["m"], s["status"]) for s in assignment["steps"]] == [("gamma", "overdue"), ("alpha", "passed")]
    assert assignment["open"] == ["gamma"]
    assert js.evaluate("r => FP.record.check(r, CAT)", record) is None
    v1 = {"kind": "frontline-completion-record", "v": 1, "name": "", "assignments": [], "results": {"alpha": {"quizVersion": "x", "best": 50, "passed": False}}}
    assert js.evaluate("r => FP.record.check(r, CAT)", v1) is None
    assert js.evaluate("r => FP.record.check(r, CAT)", {**v1, "v": 3}) == "it was made by a different version of the course"


def test_calendar_reminders_fold_escape_and_remind(js) -> None:
    text = js.evaluate("FP.calendar.ics({v: 1, name: 'Zoë, the new one; ok', items: [{m: 'alpha', due: '2027-01-11'}]}, CAT, new Date('2026-12-01T09:30:00Z'))")
    lines = text.split("\r\n")
    assert text.endswith("END:VCALENDAR\r\n") and all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20270111" in unfolded and "DTEND;VALUE=DATE:20270112" in unfolded
    assert "SUMMARY:Frontline Playbook: Alpha\\, the first due" in unfolded
    assert "Assigned to Zoë\\, the new one\\; ok." in unfolded
    assert "URL:http://scripts.test/modules/alpha/" in unfolded and "BEGIN:VALARM" in unfolded


def test_csv_opens_as_meant_in_a_spreadsheet(js) -> None:
    text = js.evaluate("""FP.csv.text([["Manager", "Note"], ["Zoë Łukasiewicz", "=HYPERLINK(\\"x\\")"], ["Sam O'Neil, Jr.", "-2"]])""")
    assert text.startswith("\ufeffManager,Note\r\n")
    assert "Zoë Łukasiewicz,\"'=HYPERLINK(\"\"x\"\")\"\r\n" in text
    assert "\"Sam O'Neil, Jr.\",'-2\r\n" in text


def test_next_step_follows_the_learners_assignment(js) -> None:
    js.evaluate(
        """() => {
            FP.assignments.save({v: 1, name: 'Dana', path: 'starter', items: [{m: 'gamma', due: '2027-01-08'}, {m: 'alpha', due: '2027-01-15'}, {m: 'beta', due: '2027-01-20'}]}, CAT);
        }"""
    )
    after_gamma = js.evaluate("FP.nextStep('gamma')")
    assert after_gamma == {"title": "Alpha, the first", "url": f"{ORIGIN}modules/alpha/", "due": "2027-01-15", "pathTitle": "Starter"}
    js.evaluate("FrontlineProgress.record('alpha', 'q-alpha-2', '1.0', 100, 80)")
    assert js.evaluate("FP.nextStep('gamma').title") == "Beta"
    assert js.evaluate("FP.nextStep('beta').title") == "Gamma"  # nothing open after it: the first open one
    js.evaluate("FrontlineProgress.record('beta', 'q-beta-1', '1.1', 100, 80); FrontlineProgress.record('gamma', 'x', '2.0', 100, 80)")
    assert js.evaluate("FP.nextStep('gamma')") is None  # all passed, and a blank page has no "Next" link
    assert js.evaluate("FP.assignedUrl") == f"{ORIGIN}assigned/"


def test_a_record_file_is_named_after_the_learner_and_the_day(js) -> None:
    assert js.evaluate("FP.recordFileName ? 1 : 0") in (0, 1)  # defined by progress-page.js, not loaded here
    js.add_script_tag(path=str(ASSETS / "progress-page.js"))
    assert js.evaluate("FP.recordFileName('Zoë Ł/ \"x\"', '2026-12-01')") == "Completion record - Zoë Ł x - 2026-12-01.json"
    assert js.evaluate("FP.recordFileName('', '2026-12-01')") == "Completion record - 2026-12-01.json"
    own = js.evaluate(
        """FP.ownAssignments([{assignment: {name: 'Zoë'}}, {assignment: {name: 'Sam'}}], '')"""
    )
    assert own["ask"] is True and own["names"] == ["Zoë", "Sam"]
    assert json.dumps(js.evaluate("FP.ownAssignments([{assignment: {name: 'Zoë'}}, {assignment: {name: 'Sam'}}], 'Sam').list")) == '[{"assignment": {"name": "Sam"}}]'


def test_next_step_keeps_to_the_learners_own_assignments_in_a_shared_browser(js) -> None:
    js.evaluate(
        """() => {
            FP.assignments.save({v: 1, name: 'Zoë', items: [{m: 'alpha', due: '2027-01-08'}]}, CAT, '2026-11-01T00:00:00Z');
            FP.assignments.save({v: 1, name: 'Sam', items: [{m: 'beta', due: '2027-01-09'}]}, CAT, '2026-11-02T00:00:00Z');
        }"""
    )
    js.evaluate("localStorage.setItem('frontline:v1:learner', 'Zoë')")
    assert js.evaluate("FP.nextStep('gamma').title") == "Alpha, the first"
    js.evaluate("localStorage.setItem('frontline:v1:learner', 'Someone else')")  # a name no assignment has: all of them
    assert js.evaluate("FP.nextStep('gamma').title") in ("Alpha, the first", "Beta")
