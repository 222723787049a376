"""Start here tells the same story as the new-manager path: its modules in the path's order, each
under the day the path gives it (issue 13 point 6: one order, not three)."""

from __future__ import annotations

import re

from macros.catalog import load_catalog
from tests.conftest import REPO

START_HERE = (REPO / "docs/start-here.md").read_text(encoding="utf-8")
CATALOG, _ = load_catalog(REPO)


def sections(text: str) -> list[str]:
    return re.split(r"^## ", text, flags=re.M)


def test_start_here_follows_the_new_manager_path_in_order_and_by_day() -> None:
    assert CATALOG is not None
    steps = CATALOG.paths["new-manager-90-days"].steps
    path_modules = [step.module for step in steps]
    linked = [m for m in dict.fromkeys(re.findall(r"\]\(modules/([a-z0-9-]+)\.md\)", START_HERE)) if m in path_modules]
    assert linked == path_modules
    for step in steps:
        section = next(s for s in sections(START_HERE) if f"](modules/{step.module}.md)" in s)
        assert re.search(rf"\b{step.day}\b", section), f"{step.module}: day {step.day} is not in its section of Start here"
        if step.when:
            assert step.when in section, step.module
