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
from tests.browser.conftest import FROZEN_TODAY
from tests.conftest import REPO

TODAY = FROZEN_TODAY
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


def record(name: str, path: str, start: dt.date, results: dict[str, dict[str, Any]], created: dt.datetime) -> dict[str, Any]:
    """A v2 completion record for one assignment of `path` starting on `start`."""
    steps = CATALOG.paths[path].steps
    items = [{"m": s.module, "due": str(start + dt.timedelta(days=s.day))} for s in steps]
    return {
        "kind": "frontline-completion-record", "v": 2, "name": name,
        "created": created.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
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


def d(days: int) -> dt.date:
    """The day `days` from TODAY (negative: before)."""
    return TODAY + dt.timedelta(days=days)


def team() -> dict[str, dict[str, Any]]:
    """File name -> record: five managers on the coaching intensive (started 36 days ago; due dates 29, 22, 15
    and 8 days ago) and two new managers on the 90-day path (started 17 days ago), with on-time and late
    passes, overdue work, a pass on an earlier quiz, two records of one person and an unnamed file."""
    ci, nm, made = d(-36), d(-17), dt.datetime.combine(d(-1), dt.time(17, 0))
    return {
        "Zoë Łukasiewicz.json": record("Zoë Łukasiewicz", "coaching-intensive", ci, {
            "coaching": result("coaching", d(-31)), "coaching-rhythm": result("coaching-rhythm", d(-25), best=90, first=70, attempts=2),
            "pipeline-reviews": result("pipeline-reviews", d(-16)), "making-training-stick": result("making-training-stick", d(-9))}, made),
        "Sam Lee.json": record("Sam Lee", "coaching-intensive", ci, {
            "coaching": result("coaching", d(-30))}, dt.datetime.combine(d(-28), dt.time(9, 0))),
        "Sam Lee (1).json": record("Sam Lee", "coaching-intensive", ci, {
            "coaching": result("coaching", d(-30)), "coaching-rhythm": result("coaching-rhythm", d(-7), first=60, attempts=3)}, made),
        "Priya Raman.json": record("Priya Raman", "coaching-intensive", ci, {
            "coaching": result("coaching", None, best=50, first=50)}, made),
        "Marcus O'Neil.json": record("Marcus O'Neil", "coaching-intensive", ci, {
            "coaching": result("coaching", d(-32), old_quiz=True), "coaching-rhythm": result("coaching-rhythm", d(-23)),
            "pipeline-reviews": result("pipeline-reviews", d(-10))}, made),
        "Dana Whitfield.json": record("Dana Whitfield", "new-manager-90-days", nm, {
            "the-managers-job": result("the-managers-job", d(-14)), "setting-expectations": result("setting-expectations", d(-6))}, made),
        "completion-record.json": record("", "new-manager-90-days", nm, {
            "the-managers-job": result("the-managers-job", d(-2), best=80, first=80)}, made),
    }


def write_team(folder: Path, records: dict[str, dict[str, Any]] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, rec in (records or team()).items():
        path = folder / name
        path.write_text(json.dumps(rec, ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(path)
    return paths
