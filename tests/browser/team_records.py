"""Completion records (format v2, as My progress makes them) of a made-up team, built from the real course.

The Team view tests open them with set_input_files; tools and screenshots use the same team. The
clock of every test that reads them is frozen at TODAY, so "overdue" and "late" never drift.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from macros.catalog import load_catalog
from macros.render import quiz_version
from tests.conftest import REPO

TODAY = dt.date(2026, 12, 10)
CATALOG, _ = load_catalog(REPO)


def quiz_of(module: str) -> str:
    return quiz_version(CATALOG.quizzes[module])


def result(module: str, passed_on: dt.date | None, best: int = 100, first: int | None = None, attempts: int = 1, old_quiz: bool = False) -> dict[str, Any]:
    """A module's result; `passed_on` None means attempted and not passed (best below the pass mark)."""
    day = passed_on or TODAY - dt.timedelta(days=3)
    tries = [{"date": f"{day - dt.timedelta(days=attempts - 1 - n)}T09:30:00Z", "score": (first if n == 0 and first is not None else best)} for n in range(attempts)]
    module_obj = CATALOG.modules[module]
    return {
        "title": module_obj.title, "moduleVersion": module_obj.stewardship.version,
        "quizVersion": "0123456789" if old_quiz else quiz_of(module), "currentVersion": not old_quiz,
        "first": tries[0]["score"], "best": best, "passed": passed_on is not None, "attempts": tries,
        "firstDate": tries[0]["date"], "date": tries[-1]["date"], "passedOn": f"{passed_on}T09:30:00Z" if passed_on else None,
    }


def record(name: str, path: str, start: dt.date, results: dict[str, dict[str, Any]], created: dt.datetime | None = None) -> dict[str, Any]:
    """A v2 completion record for one assignment of `path` starting on `start`."""
    steps = CATALOG.paths[path].steps
    items = [{"m": s.module, "due": str(start + dt.timedelta(days=s.day))} for s in steps]
    return {
        "kind": "frontline-completion-record", "v": 2, "name": name,
        "created": (created or dt.datetime(2026, 12, 9, 17, 0)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "course": "Frontline Playbook", "selfCheck": "A self-check record made in the learner's browser; not a proctored exam.",
        "results": results,
        "assignments": [{
            "v": 1, "name": name, "path": path, "start": str(start), "items": items, "pathTitle": CATALOG.paths[path].title,
            "steps": [{"m": it["m"], "title": CATALOG.modules[it["m"]].title, "due": it["due"], "target": s.target or f"By day {s.day}", "why": "",
                       "status": "passed" if it["m"] in results and results[it["m"]]["passed"] else ("overdue" if it["due"] < str(TODAY) else "open"),
                       "passedOn": results[it["m"]]["passedOn"] if it["m"] in results else None} for it, s in zip(items, steps)],
            "open": [it["m"] for it in items if not (it["m"] in results and results[it["m"]]["passed"])],
        }],
    }


def d(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


def team() -> dict[str, dict[str, Any]]:
    """File name -> record: six managers on the coaching intensive (due 11 Nov, 18 Nov, 25 Nov, 2 Dec) and
    two new managers on the 90-day path, with on-time and late passes, overdue work, a duplicate and an unnamed file."""
    ci = d(11, 4)
    return {
        "Zoë Łukasiewicz.json": record("Zoë Łukasiewicz", "coaching-intensive", ci, {
            "coaching": result("coaching", d(11, 9)), "coaching-rhythm": result("coaching-rhythm", d(11, 15), best=90, first=70, attempts=2),
            "pipeline-reviews": result("pipeline-reviews", d(11, 24)), "making-training-stick": result("making-training-stick", d(12, 1))}),
        "Sam Lee.json": record("Sam Lee", "coaching-intensive", ci, {
            "coaching": result("coaching", d(11, 10))}, created=dt.datetime(2026, 11, 12, 9, 0)),
        "Sam Lee (1).json": record("Sam Lee", "coaching-intensive", ci, {
            "coaching": result("coaching", d(11, 10)), "coaching-rhythm": result("coaching-rhythm", d(12, 3), first=60, attempts=3)}),
        "Priya Raman.json": record("Priya Raman", "coaching-intensive", ci, {
            "coaching": result("coaching", None, best=50, first=50)}),
        "Marcus O'Neil.json": record("Marcus O'Neil", "coaching-intensive", ci, {
            "coaching": result("coaching", d(11, 8), old_quiz=True), "coaching-rhythm": result("coaching-rhythm", d(11, 17)),
            "pipeline-reviews": result("pipeline-reviews", d(11, 30))}),
        "Dana Whitfield.json": record("Dana Whitfield", "new-manager-90-days", d(11, 23), {
            "the-managers-job": result("the-managers-job", d(11, 26)), "setting-expectations": result("setting-expectations", d(12, 4))}),
        "completion-record.json": record("", "new-manager-90-days", d(11, 23), {
            "the-managers-job": result("the-managers-job", d(12, 8), best=80, first=80)}),
    }


def write_team(folder: Path, records: dict[str, dict[str, Any]] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, rec in (records or team()).items():
        path = folder / name
        path.write_text(json.dumps(rec, ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(path)
    return paths
