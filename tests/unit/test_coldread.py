"""tools/coldread.py: the answer sheets hide everything that gives the key, and marking is the quiz page's."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from macros.catalog import load_catalog
from tests.conftest import REPO

spec = importlib.util.spec_from_file_location("coldread", REPO / "tools" / "coldread.py")
coldread = importlib.util.module_from_spec(spec)
spec.loader.exec_module(coldread)


def test_sheets_show_questions_and_choices_but_no_key_feedback_or_explanation(tmp_path: Path) -> None:
    coldread.sheets(REPO, tmp_path / "sheets", tmp_path / "key.json")
    catalog, _ = load_catalog(REPO)
    key = json.loads((tmp_path / "key.json").read_text())
    assert set(key) == set(catalog.quizzes)
    for module_id, quiz in catalog.quizzes.items():
        sheet = (tmp_path / "sheets" / f"{module_id}.md").read_text()
        assert len(key[module_id]["items"]) == len(quiz.questions)
        for question in quiz.questions:
            assert all(" ".join(choice.text.split())[:40] in " ".join(sheet.split()) for choice in question.choices)
            assert " ".join(question.explanation.split())[:60] not in " ".join(sheet.split())
            assert all(not choice.feedback or " ".join(choice.feedback.split())[:60] not in " ".join(sheet.split()) for choice in question.choices)


def test_score_marks_all_or_nothing_against_the_pass_mark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = {"q": {"pass_mark": 80, "items": {"Q1": ["A"], "Q2": ["B", "C"], "Q3": ["D"], "Q4": ["A"], "Q5": ["B"]}}}
    (tmp_path / "key.json").write_text(json.dumps(key))
    (tmp_path / "answers.json").write_text(json.dumps({"q": {"Q1": ["A"], "Q2": ["C", "B"], "Q3": ["D"], "Q4": ["A"], "Q5": ["A", "B"]}}))
    assert coldread.score(tmp_path / "key.json", tmp_path / "answers.json") == 1
    assert "4/5 =  80%  PASSED  missed: Q5" in capsys.readouterr().out
