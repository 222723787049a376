"""The command line: `check` lists every problem and exits 1; `new` writes files that pass `check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.cli import main
from tests.conftest import edit


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_passes_on_valid_content(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(course), "check")
    assert code == 0
    assert out.startswith("ok: 2 modules, 1 quizzes, 1 tracks, 0 paths")


def test_check_lists_all_problems_and_fails(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(course / "content/modules/alpha.yml", "title: Alpha module", "titel: Alpha module")
    (course / "quizzes/beta.yml").write_text("- not\n- a mapping\n", encoding="utf-8")
    code, _, err = run(capsys, "--root", str(course), "check")
    assert code == 1
    assert err.splitlines() == [
        "content/modules/alpha.yml:1:1: title: missing required field 'title'",
        "content/modules/alpha.yml:2:1: titel: unknown field 'titel' (did you mean 'title'?)",
        "quizzes/beta.yml:1:1: expected a mapping of fields (`key: value` lines), got a list",
        "3 problems in 2 files",
    ]
    assert "Traceback" not in err


def test_review_overdue_warns_and_strict_review_fails(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(course / "content/modules/alpha.yml", "review_by: 2099-01-01", "review_by: 2026-02-01")
    code, _, err = run(capsys, "--root", str(course), "check", "--today", "2026-11-23")
    assert code == 0
    assert "content/modules/alpha.yml:53:14: stewardship.review_by: review overdue since 2026-02-01" in err and "(warning)" in err
    code, _, err = run(capsys, "--root", str(course), "check", "--strict-review", "--today", "2026-11-23")
    assert code == 1
    assert "1 problem in 1 file" in err


def test_new_module_passes_check(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(course), "new", "module", "negotiation", "--title", "Negotiating with buyers")
    assert code == 0
    assert "wrote content/modules/negotiation.yml" in out and "wrote quizzes/negotiation.yml" in out
    text = (course / "content/modules/negotiation.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/module.schema.json\nid: negotiation\ntitle: Negotiating with buyers\n")
    code, out, err = run(capsys, "--root", str(course), "check")
    assert code == 0, err
    assert out.startswith("ok: 3 modules, 2 quizzes")
    assert "module 'negotiation' is in no track" in err


def test_new_refuses_to_overwrite_or_bad_ids(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--root", str(course), "new", "module", "alpha")
    assert code == 2 and "content/modules/alpha.yml already exists" in err
    code, _, err = run(capsys, "--root", str(course), "new", "module", "Bad_Id")
    assert code == 2 and "not a valid id" in err
