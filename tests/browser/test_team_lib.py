"""FP.team (docs/assets/fp/team-lib.js) unit-tested in a blank Chromium page: no site build, no navigation.

The clock is frozen at 2026-12-10 12:00 local time, so "overdue" never depends on the day the tests run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

LIB = Path(__file__).parents[2] / "docs" / "assets" / "fp" / "team-lib.js"
TODAY = "2026-12-10"

# A small course: enough to cover order, versions and an id that collides with Object.prototype.
CATALOG: dict[str, Any] = {
    "modules": {
        "coaching": {"title": "Coaching", "version": "1.2", "quiz": "q-coach-2"},
        "hiring": {"title": "Hiring", "version": "1.0", "quiz": "q-hire-1"},
        "onboarding": {"title": "Onboarding new reps", "version": "1.0", "quiz": "q-onb-1"},
        "pipeline-reviews": {"title": "Pipeline reviews", "version": "2.0", "quiz": "q-pipe-1"},
    },
    "paths": {"starter": {"title": "Starter path", "steps": []}},
    "tracks": [{"title": "Lead", "modules": ["hiring", "onboarding", "coaching", "pipeline-reviews"]}],
}


def result(quiz: str, best: int = 100, passed: bool = True, passed_on: str | None = "2026-12-01T10:00:00", **extra: Any) -> dict[str, Any]:
    return {"moduleVersion": "1.0", "quizVersion": quiz, "best": best, "passed": passed, "passedOn": passed_on if passed else None,
            "date": passed_on or "2026-12-01T10:00:00", **extra}


def v1(name: str, created: str, results: dict[str, Any], items: list[tuple[str, str]], path: str = "starter") -> dict[str, Any]:
    assignment = {"v": 1, "name": name or "x", "path": path, "items": [{"m": m, "due": due} for m, due in items]}
    return {"kind": "frontline-completion-record", "v": 1, "name": name, "created": created, "selfCheck": "…",
            "assignments": [assignment] if items else [], "results": results}


def v2(name: str, created: str, modules: dict[str, Any], items: list[tuple[str, str]]) -> dict[str, Any]:
    return {"kind": "frontline-completion-record", "v": 2, "name": name, "created": created,
            "assignments": [{"path": "starter", "pathTitle": "Starter path", "steps": [{"module": m, "due": due, "target": "By day 7"} for m, due in items]}],
            "results": modules}


@pytest.fixture(scope="module")
def lib(browser) -> Iterator[Any]:
    context = browser.new_context(timezone_id="Europe/London")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(f"{TODAY}T12:00:00")
    page.set_content("<!doctype html><html lang='en'><head><title>t</title></head><body></body></html>")
    page.add_script_tag(path=str(LIB.parent / "csv.js"))
    page.add_script_tag(path=str(LIB))
    page.evaluate("cat => { window.CAT = cat; }", CATALOG)
    yield page
    assert errors == []
    context.close()


def team(lib, records: list[tuple[str, dict[str, Any] | str]], sort: str = "overdue", flt: dict[str, str] | None = None) -> dict[str, Any]:
    """Parse files, build people and rows the way the page does; return what a test asserts on."""
    return lib.evaluate(
        """([files, sort, flt]) => {
            const T = FP.team, parsed = files.map(([name, text]) => T.parseRecord(text, name, CAT));
            const errors = parsed.filter(p => p.error).map(p => p.error);
            const ppl = T.people(parsed.filter(p => p.record).map(p => p.record));
            const rows = T.filterRows(T.sortRows(T.rows(ppl.people, CAT), sort), flt);
            return {errors, warnings: ppl.warnings, modules: T.moduleIds(rows),
                    rows: rows.map(r => ({label: r.label, file: r.file, totals: r.totals, text: T.totalsText(r.totals),
                                         cells: Object.fromEntries(Object.entries(r.cells).map(([k, s]) => [k, {key: s.key, text: s.text, days: s.days, earlier: s.earlier}]))}))};
        }""",
        [[[name, body if isinstance(body, str) else json.dumps(body)] for name, body in records], sort, flt or {}],
    )


def test_v1_record_statuses_against_due_dates(lib) -> None:
    record = v1("Sam Lee", "2026-12-09T09:00:00Z", {
        "hiring": result("q-hire-1", passed_on="2026-11-20T10:00:00"),          # before its due date
        "onboarding": result("q-onb-1", passed_on="2026-12-05T10:00:00"),       # after it: late
        "coaching": result("q-coach-2", best=60, passed=False),                  # attempted, due long ago
    }, [("hiring", "2026-11-30"), ("onboarding", "2026-12-01"), ("coaching", "2026-11-25"), ("pipeline-reviews", "2026-12-20")])
    out = team(lib, [("sam.json", record)])
    assert out["errors"] == [] and out["warnings"] == []
    assert out["modules"] == ["hiring", "onboarding", "coaching", "pipeline-reviews"], "the assignment's order"
    cells = out["rows"][0]["cells"]
    assert cells["hiring"]["key"] == "passed" and cells["hiring"]["text"] == "✓ Passed · 20 Nov 2026 · 100%"
    assert cells["onboarding"]["key"] == "late" and cells["onboarding"]["days"] == 4
    assert cells["onboarding"]["text"] == "✓ Passed late · 5 Dec 2026 · 100% · 4 days after the due date"
    assert cells["coaching"]["key"] == "overdue" and cells["coaching"]["text"] == "⚠ Overdue by 15 days · due 25 Nov 2026 · best so far 60%"
    assert cells["pipeline-reviews"]["key"] == "open" and cells["pipeline-reviews"]["text"] == "Not yet · due 20 Dec 2026"
    assert out["rows"][0]["text"] == "2 of 4 passed · 1 overdue · 1 late"


def test_due_today_is_not_overdue_and_yesterday_is(lib) -> None:
    record = v1("Ana", "2026-12-09T09:00:00Z", {}, [("hiring", TODAY), ("coaching", "2026-12-09")])
    cells = team(lib, [("ana.json", record)])["rows"][0]["cells"]
    assert cells["hiring"]["key"] == "open"
    assert cells["coaching"]["key"] == "overdue" and cells["coaching"]["text"].startswith("⚠ Overdue by 1 day ·")


def test_a_pass_on_an_earlier_quiz_version_is_a_pass_said_in_plain_words(lib) -> None:
    record = v1("Ben", "2026-12-09T09:00:00Z", {"coaching": result("q-coach-1")}, [("coaching", "2026-12-31")])
    cell = team(lib, [("ben.json", record)])["rows"][0]["cells"]["coaching"]
    assert cell["key"] == "passed" and cell["earlier"] is True
    assert cell["text"].endswith("on an earlier version of the quiz")
    assert "refresh" not in cell["text"]


def test_v2_record_with_first_score_attempts_and_path_steps(lib) -> None:
    record = v2("Zoë Łukasiewicz", "2026-12-09T09:00:00Z", {
        "hiring": {"title": "Hiring", "moduleVersion": "1.0", "quizVersion": "q-hire-1", "first": 60, "best": 90,
                   "attempts": [{"date": "2026-12-02T09:00:00Z", "score": 60}, {"date": "2026-12-03T09:00:00Z", "score": 90}],
                   "passed": True, "passedOn": "2026-12-03T09:00:00Z"},
    }, [("hiring", "2026-12-07"), ("coaching", "2026-12-14")])
    out = lib.evaluate(
        """text => { const p = FP.team.parseRecord(text, 'zoe.json', CAT); const r = FP.team.rows(FP.team.people([p.record]).people, CAT)[0];
                     return {name: r.label, hiring: r.cells.hiring, coaching: r.cells.coaching.key}; }""",
        json.dumps(record),
    )
    assert out["name"] == "Zoë Łukasiewicz"
    assert out["hiring"]["key"] == "passed" and out["hiring"]["first"] == 60 and out["hiring"]["attempts"] == 2
    assert out["hiring"]["path"] == "Starter path"
    assert out["coaching"] == "open"


def test_newest_record_of_a_person_wins_whatever_the_order_and_says_so(lib) -> None:
    old = v1("Sam Lee", "2026-12-01T09:00:00Z", {"coaching": result("q-coach-2")}, [("coaching", "2030-01-01"), ("hiring", "2026-12-05")])
    new = v1("sam  lee", "2026-12-08T09:00:00Z", {"coaching": result("q-coach-2"), "hiring": result("q-hire-1", passed_on="2026-12-04T10:00:00")},
             [("coaching", "2030-01-01"), ("hiring", "2026-12-05")])
    for order in ([("completion-record (1).json", new), ("completion-record.json", old)], [("completion-record.json", old), ("completion-record (1).json", new)]):
        out = team(lib, order)
        assert len(out["rows"]) == 1
        assert out["rows"][0]["cells"]["hiring"]["key"] == "passed"
        assert out["warnings"] == ["2 records for sam lee; showing the newest (completion-record (1).json, made 8 Dec 2026)."]


def test_records_of_one_person_without_dates_say_which_is_shown(lib) -> None:
    a, b = (v1("Ana", "", {}, [("coaching", "2026-12-31")]) for _ in range(2))
    out = team(lib, [("ana.json", a), ("ana (1).json", b)])
    assert out["warnings"] == ["2 records for Ana; none says when it was made, so this shows ana.json. Ask for a new record."]


def test_unnamed_records_stay_apart_labelled_by_file_name(lib) -> None:
    a = v1("", "2026-12-01T09:00:00Z", {"coaching": result("q-coach-2")}, [("coaching", "2026-12-31")])
    b = v1("", "2026-12-02T09:00:00Z", {}, [("coaching", "2026-12-31")])
    out = team(lib, [("a.json", a), ("b.json", b), ("a.json", b)], sort="name")
    assert [r["label"] for r in out["rows"]] == ["Unnamed record (a.json)", "Unnamed record (a.json) #2", "Unnamed record (b.json)"]
    assert out["rows"][0]["cells"]["coaching"]["key"] == "passed" and out["rows"][2]["cells"]["coaching"]["key"] == "open"
    assert any("3 records have no name" in w for w in out["warnings"])


def test_bad_files_are_named_with_their_reason(lib) -> None:
    out = team(lib, [
        ("notes.json", "{not json"),
        ("other.json", {"kind": "something-else"}),
        ("future.json", {"kind": "frontline-completion-record", "v": 9}),
        ("score.json", v1("X", "2026-12-01T00:00:00Z", {"coaching": result("q", best=140)}, [])),
        ("date.json", v1("X", "2026-12-01T00:00:00Z", {}, [("coaching", "2027-02-30")])),
        ("script.json", v1("X", "2026-12-01T00:00:00Z", {}, [("javascript:alert(1)", "2027-01-01")])),
    ])
    assert out["errors"] == [
        "notes.json: not a completion record (it is not JSON).",
        "other.json: cannot be used: it is not a Frontline Playbook completion record.",
        "future.json: cannot be used: it was made by a newer or unknown version of the course (format 9); update this site.",
        "score.json: cannot be used: the result for coaching has no valid best score.",
        "date.json: cannot be used: an assignment in it has a due date that is not a date.",
        "script.json: cannot be used: an assignment in it names a module in a way this course cannot read.",
    ]
    assert out["rows"] == []


def test_prototype_names_are_unknown_modules_not_lookups(lib) -> None:
    record = v1("Eve", "2026-12-01T00:00:00Z", {"constructor": result("q"), "coaching": result("q-coach-2"), "to-string": result("q")},
                [("constructor", "2026-12-31"), ("coaching", "2026-12-31"), ("hasownproperty", "2026-12-31")])
    out = team(lib, [("eve.json", record)])
    assert out["modules"] == ["coaching"]
    assert out["warnings"] == ["Eve: 3 modules in this record are not in this course (constructor, to-string, hasownproperty) and are left out."]
    # "__proto__" is not even shaped like a module id: the file is refused, and nothing is polluted.
    record["results"]["__proto__"] = result("q")
    out = team(lib, [("proto.json", record)])
    assert out["errors"] == ["proto.json: cannot be used: a result in it names a module in a way this course cannot read."]
    assert lib.evaluate("({}).best === undefined && Object.prototype.passed === undefined")


def test_totals_sorting_and_filtering(lib) -> None:
    records = [
        ("a.json", v1("Ana", "2026-12-09T00:00:00Z", {"hiring": result("q-hire-1"), "coaching": result("q-coach-2")}, [("hiring", "2026-12-05"), ("coaching", "2026-12-05")])),
        ("b.json", v1("Ben", "2026-12-09T00:00:00Z", {}, [("hiring", "2026-12-05"), ("coaching", "2026-11-05")])),
        ("c.json", v1("Chloé", "2026-12-09T00:00:00Z", {}, [("hiring", "2026-12-05"), ("coaching", "2026-12-30")])),
        ("d.json", v1("Dev", "2026-12-09T00:00:00Z", {"hiring": result("q-hire-1", passed_on="2026-12-08T10:00:00")}, [("hiring", "2026-12-05"), ("coaching", "2026-12-30")])),
    ]
    assert [r["label"] for r in team(lib, records)["rows"]] == ["Ben", "Chloé", "Dev", "Ana"]
    assert [r["label"] for r in team(lib, records, sort="name")["rows"]] == ["Ana", "Ben", "Chloé", "Dev"]
    assert [r["label"] for r in team(lib, records, sort="most")["rows"]][0] == "Ana"
    assert [r["label"] for r in team(lib, records, sort="late")["rows"]][0] == "Dev"
    assert [r["label"] for r in team(lib, records, flt={"show": "overdue"})["rows"]] == ["Ben", "Chloé"]
    assert [r["label"] for r in team(lib, records, flt={"show": "late"})["rows"]] == ["Dev"]
    assert [r["label"] for r in team(lib, records, flt={"show": "complete"})["rows"]] == ["Ana"]
    assert [r["label"] for r in team(lib, records, flt={"text": "CHLOE"})["rows"]] == ["Chloé"], "case and accents ignored"
    totals = lib.evaluate(
        """files => { const T = FP.team; const rows = T.rows(T.people(files.map(([n, t]) => T.parseRecord(t, n, CAT).record)).people, CAT);
                      return {modules: T.moduleTotals(rows, CAT), team: T.teamTotals(rows)}; }""",
        [[n, json.dumps(b)] for n, b in records],
    )
    hiring = totals["modules"][0]
    assert (hiring["title"], hiring["assigned"], hiring["passed"], hiring["onTime"], hiring["late"], hiring["overdue"]) == ("Hiring", 4, 2, 1, 1, 2)
    assert totals["team"] == {"people": 4, "assigned": 8, "passed": 3, "late": 1, "overdue": 3, "open": 2, "peopleOverdue": 2, "percent": 38}


def test_csv_has_a_byte_order_mark_escapes_and_no_formulas(lib) -> None:
    records = [("zoe.json", v1("Zoë Łukasiewicz", "2026-12-09T00:00:00Z", {"hiring": result("q-hire-1")}, [("hiring", "2026-12-05"), ("coaching", "2026-12-01")])),
               ("evil.json", v1("=HYPERLINK(\"x\"), Jr.", "2026-12-09T00:00:00Z", {}, [("hiring", "2026-12-05")]))]
    text = lib.evaluate(
        """files => { const T = FP.team; const rows = T.rows(T.people(files.map(([n, t]) => T.parseRecord(t, n, CAT).record)).people, CAT);
                      return T.toCsv(T.sortRows(rows, 'name'), CAT); }""",
        [[n, json.dumps(b)] for n, b in records],
    )
    assert text.startswith("\ufeffManager,Module,Assigned,Due,Status,")
    lines = text[1:].split("\r\n")
    assert lines[1] == '"\'=HYPERLINK(""x""), Jr.",Hiring,yes,2026-12-05,Overdue,5,,,,,,,1.0,evil.json,2026-12-09,'
    assert lines[2].startswith("Zoë Łukasiewicz,Hiring,yes,2026-12-05,Passed,,2026-12-01,100,")
    assert lines[3].startswith("Zoë Łukasiewicz,Coaching,yes,2026-12-01,Overdue,9,")
    assert lines[-1] == ""


def test_chart_has_a_bar_per_item_with_numbers_and_a_text_alternative(lib) -> None:
    items = [{"label": "Coaching: building skill without taking over the call", "onTime": 2, "late": 1, "overdue": 1, "open": 1, "assigned": 5},
             {"label": "Hiring", "onTime": 0, "late": 0, "overdue": 0, "open": 3, "assigned": 3}]
    for width in (900, 340):
        svg = lib.evaluate("([items, width]) => FP.team.chart(items, {id: 'c1', title: 'Completion per module', width})", [items, width])
        assert svg["tag"] == "svg" and svg["attrs"]["role"] == "img" and svg["attrs"]["aria-labelledby"] == "c1-title c1-desc"
        title, desc, defs, *groups = svg["children"]
        assert defs["children"][0]["attrs"]["id"] == "c1-hatch"
        assert title["text"] == "Completion per module"
        assert desc["text"] == ("Coaching: building skill without taking over the call: 3 of 5 passed, 1 of them late, 1 overdue, 1 not yet due. "
                                "Hiring: 0 of 3 passed, 3 not yet due.")
        assert len(groups) == 2
        segments = [c["attrs"]["class"] for c in groups[0]["children"] if c["tag"] == "rect"]
        assert segments == ["fp-chart-track", "fp-chart-seg fp-chart-onTime", "fp-chart-seg fp-chart-late", "fp-chart-seg fp-chart-overdue", "fp-chart-hatch",
                            "fp-chart-seg fp-chart-open"]
        widths = [float(c["attrs"]["width"]) for c in groups[0]["children"] if c["tag"] == "rect" and c["attrs"]["class"] != "fp-chart-hatch"]
        assert abs(sum(widths[1:]) - widths[0]) < 1
        texts = [c["text"] for c in groups[0]["children"] if c["tag"] == "text"]
        assert texts[1] == "3 of 5 · 1 overdue"
        assert texts[0].endswith("…") or width > 800
        assert int(svg["attrs"]["width"]) == width


def test_a_record_built_by_my_progress_reads_as_built(browser) -> None:
    """The contract with record.js: FP.record.build's v2 record, as a file, opens in FP.team unchanged."""
    assets = LIB.parent
    context = browser.new_context()
    context.route("http://team.test/**", lambda route: route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>t</title><body></body>"))
    page = context.new_page()
    page.clock.set_fixed_time(f"{TODAY}T12:00:00")
    try:
        page.goto("http://team.test/")
        for name in ["core", "app", "link", "assignments", "record", "team-lib"]:
            page.add_script_tag(path=str(assets / f"{name}.js"))
        out = page.evaluate(
            """cat => {
                cat.modules = FP.map(cat.modules); cat.paths = FP.map(cat.paths);
                cat.paths.starter = {title: "Starter path", steps: [{module: "onboarding", day: 7, target: "Week 1"}, {module: "hiring", day: 14, target: "Week 2"}]};
                const results = {
                  hiring: {quizVersion: "q-hire-1", moduleVersion: "1.0", best: 90, last: 90, passed: true, date: "2026-12-08T10:00:00Z",
                           passedOn: "2026-12-08T10:00:00Z", first: 60, attempts: [{date: "2026-12-07T10:00:00Z", score: 60}, {date: "2026-12-08T10:00:00Z", score: 90}]},
                  onboarding: {quizVersion: "q-onb-1", moduleVersion: "1.0", best: 40, last: 40, passed: false, date: "2026-12-01T10:00:00Z"}
                };
                const assignment = {v: 1, name: "Zoë Łukasiewicz", path: "starter", start: "2026-11-25", items: [{m: "hiring", due: "2026-12-09"}, {m: "onboarding", due: "2026-12-02"}]};
                const rec = FP.record.build("Zoë Łukasiewicz", results, [assignment], cat, new Date(), FP.today());
                const parsed = FP.team.parseRecord(JSON.stringify(rec), "Completion record - Zoë Ł - 2026-12-10.json", cat);
                if (parsed.error) return {error: parsed.error};
                const row = FP.team.rows(FP.team.people([parsed.record]).people, cat)[0];
                return {label: row.label, order: Object.keys(row.cells), hiring: row.cells.hiring, onboarding: row.cells.onboarding, totals: FP.team.totalsText(row.totals)};
            }""",
            CATALOG,
        )
    finally:
        context.close()
    assert "error" not in out, out
    assert out["label"] == "Zoë Łukasiewicz"
    assert out["order"] == ["onboarding", "hiring"], "the path's order, from the record's steps"
    assert out["hiring"]["key"] == "passed" and out["hiring"]["first"] == 60 and out["hiring"]["attempts"] == 2 and out["hiring"]["path"] == "Starter path"
    assert out["onboarding"]["key"] == "overdue" and out["onboarding"]["days"] == 8 and out["onboarding"]["best"] == 40
    assert out["totals"] == "1 of 2 passed · 1 overdue"
