"""macros/bundle.py: the scripts of every page joined into one published file, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.bundle import BUNDLE, PARTS, joined, named_in, write_bundle
from tests.conftest import REPO


def test_the_parts_are_joined_in_order_each_ending_its_line() -> None:
    text = joined(lambda part: f"/* {part} */ x()" if part.endswith("lrs.js") else f"/* {part} */\n")
    positions = [text.index(f"/* {part} */") for part in PARTS]
    assert positions == sorted(positions)
    assert f"/* {PARTS[1]} */ x()\n/* {PARTS[2]} */" in text, "a part without a last newline cannot run into the next"
    assert text.startswith("/* Frontline Playbook: the scripts of every page, joined by macros/bundle.py from docs/assets/fp/core.js, ")


def test_core_comes_first_and_the_quiz_after_the_results_it_records() -> None:
    """quiz.js calls FP.progress (progress.js); everything reads FP.base and FP.store (core.js)."""
    assert PARTS[0] == "assets/fp/core.js"
    assert PARTS.index("assets/fp/progress.js") < PARTS.index("assets/quiz.js")
    assert all((REPO / "docs" / part).is_file() for part in PARTS)


def test_a_docs_copy_gets_the_bundle_instead_of_the_parts(tmp_path: Path) -> None:
    for part in PARTS:
        (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / part).write_text((REPO / "docs" / part).read_text(encoding="utf-8"), encoding="utf-8")
    target = write_bundle(tmp_path)
    assert target == tmp_path / BUNDLE
    assert [part for part in PARTS if (tmp_path / part).exists()] == []
    text = target.read_text(encoding="utf-8")
    assert all((REPO / "docs" / part).read_text(encoding="utf-8") in text for part in PARTS)


def test_a_missing_part_is_named(tmp_path: Path) -> None:
    (tmp_path / "assets/fp").mkdir(parents=True)
    (tmp_path / "assets/fp/core.js").write_text("", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"docs/assets/fp/lrs\.js, docs/assets/fp/progress\.js, docs/assets/quiz\.js, docs/assets/fp/page\.js missing"):
        write_bundle(tmp_path)
    assert (tmp_path / "assets/fp/core.js").exists(), "nothing removed when it cannot be joined"


class _ExtraScript:
    """What MkDocs holds for an extra_javascript entry (ExtraScriptValue): its str is its path."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __str__(self) -> str:
        return self.path


def test_the_bundle_is_found_however_the_config_names_it() -> None:
    assert named_in(["assets/x.js", BUNDLE]) and named_in([{"path": BUNDLE, "defer": True}]) and named_in([_ExtraScript(BUNDLE)])
    assert not named_in([]) and not named_in(["assets/fp/core.js", {"path": "assets/x.js"}, _ExtraScript("assets/y.js")])
