"""tools/bench.py keeps working as the course grows: its synthetic course validates, the stock copy
renders every macro, and the instrumented build splits its CPU seconds without losing any.

A benchmark is never a timed test (README); this only checks that `make bench` can still run (it
had stopped, unnoticed, once Start here required a diagnostic item in every quiz).
"""

from __future__ import annotations

import gc
import importlib.util
import sys
from pathlib import Path

from macros.catalog import load_catalog
from macros.plugin import FrontlinePlugin
from tests.conftest import REPO

spec = importlib.util.spec_from_file_location("bench", REPO / "tools" / "bench.py")
bench = importlib.util.module_from_spec(spec)
sys.modules["bench"] = bench  # its dataclasses look their module up
spec.loader.exec_module(bench)


def test_the_synthetic_course_validates_and_stock_gets_the_same_pages(tmp_path: Path) -> None:
    ids = bench.make_ours(tmp_path / "ours", 10)
    bench.make_stock(tmp_path / "stock", tmp_path / "ours")  # raises SystemExit on any macro error
    catalog, errors = load_catalog(tmp_path / "ours")
    assert errors == [] and catalog is not None
    real = {len(quiz.questions): len(quiz.review) for quiz in load_catalog(REPO)[0].quizzes.values()}
    quiz = catalog.quizzes[ids[0]]
    assert len(quiz.questions) >= max(real) and len(quiz.review) >= max(real.values()), "as large as the real quizzes"
    assert all(sum(item.diagnostic for item in quiz.questions + quiz.review) == 1 for quiz in catalog.quizzes.values())
    stock_pages = {page.relative_to(tmp_path / "stock/docs").as_posix() for page in (tmp_path / "stock/docs").rglob("*.md")}
    assert {f"modules/{module_id}.md" for module_id in ids} <= stock_pages
    assert "{{" not in (tmp_path / "stock/docs/start-here.md").read_text(encoding="utf-8"), "macros expanded beforehand"
    assert "freeze_hook.py" in (tmp_path / "stock/mkdocs.yml").read_text(encoding="utf-8")


def test_the_instrumented_build_counts_every_second_once(tmp_path: Path) -> None:
    bench.make_ours(tmp_path / "ours", 10)
    bench.make_stock(tmp_path / "stock", tmp_path / "ours")
    measured = bench.plugin_events(tmp_path / "stock", tmp_path / "site")
    parts = measured["events"]
    assert (tmp_path / "site/index.html").is_file()
    for part in ("mkdocs: read and convert each page (Markdown)", "mkdocs: render each page (theme templates) and write it", "material/search: page_context"):
        assert parts.get(part, 0) > 0, part
    assert all(seconds >= 0 for seconds in parts.values())
    assert sum(parts.values()) <= measured["total"] + 0.01, "exclusive parts never add up to more than the build"
    summary = bench.events_summary(10, bench.median_events([measured]), bench.median_events([measured]))
    assert "(start-up and glue: outside every part)" in summary


def test_the_plugin_thaws_the_collector_after_a_build_and_after_a_failed_one() -> None:
    plugin = FrontlinePlugin()
    try:
        gc.freeze()
        plugin.on_build_error(error=RuntimeError("a failed build"))
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
