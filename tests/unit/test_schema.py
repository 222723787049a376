"""Schema problems are reported at the YAML line of the offending field, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros import schema
from macros.catalog import load_catalog
from macros.cli import schema_documents
from tests.conftest import REPO, edit


def problems(root: Path) -> list[str]:
    _, errors = load_catalog(root)
    return [str(error) for error in errors]


def test_valid_fixture_has_no_problems(course: Path) -> None:
    assert problems(course) == []


def test_unknown_field_is_an_error_with_a_suggestion(course: Path) -> None:
    """One typo, one error: not also "missing required field 'title'" at 1:1."""
    edit(course / "content/modules/alpha.yml", "title: Alpha module", "titel: Alpha module")
    assert problems(course) == ["content/modules/alpha.yml:2:1: titel: unknown field 'titel' (did you mean 'title'?)"]


def test_misspelt_required_field_gives_one_error_at_the_typo(course: Path) -> None:
    """The review's case: `levell:` gave `2:1: level: missing ...` plus `10:1: levell: unknown ...`."""
    edit(course / "content/modules/alpha.yml", "level: foundation", "levell: foundation")
    assert problems(course) == ["content/modules/alpha.yml:6:1: levell: unknown field 'levell' (did you mean 'level'?)"]


def test_misspelt_required_field_deep_in_a_section(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "    body: Why alpha matters.", "    bdy: Why alpha matters.")
    assert problems(course) == ["content/modules/alpha.yml:12:5: sections[0].bdy: unknown field 'bdy' (did you mean 'body'?)"]


def test_a_missing_field_and_an_unrelated_unknown_one_stay_two_errors(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "level: foundation", "colour: blue")
    assert problems(course) == [
        "content/modules/alpha.yml:1:1: level: missing required field 'level'",
        "content/modules/alpha.yml:6:1: colour: unknown field 'colour'",
    ]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        pytest.param("quizzes/alpha.yml", "    explanation: Because.", "    explanation: Because.\n    items: [x]",
                     "quizzes/alpha.yml:14:5: questions[0].items: unknown field 'items'", id="items-in-a-question-suggests-nothing"),
        pytest.param("quizzes/alpha.yml", "    explanation: Because.", "    explanation: Because.\n    promt: x",
                     "quizzes/alpha.yml:14:5: questions[0].promt: unknown field 'promt' (did you mean 'prompt'?)", id="question-field"),
        pytest.param("content/modules/alpha.yml", "        steps:", "        stepss: [a]\n        steps:",
                     "content/modules/alpha.yml:16:9: sections[1].items[0].stepss: unknown field 'stepss' (did you mean 'steps'?)", id="practice-field"),
        pytest.param("content/modules/alpha.yml", "  owner: Enablement", "  owner: Enablement\n  sumary: x",
                     "content/modules/alpha.yml:50:3: stewardship.sumary: unknown field 'sumary'", id="module-field-not-suggested-inside-stewardship"),
        pytest.param("content/modules/alpha.yml", "    source: An author, 2020", "    source: An author, 2020\n    urll: https://x.example/",
                     "content/modules/alpha.yml:48:5: further_reading[0].urll: unknown field 'urll' (did you mean 'url'?)", id="reading-field"),
    ],
)
def test_suggestions_come_from_the_fields_valid_at_that_spot(course: Path, file: str, old: str, new: str, expected: str) -> None:
    """Suggestions came from every field name of every model: `items` in a question got
    "(did you mean 'items'?)" because checklists have one."""
    edit(course / file, old, new)
    assert problems(course) == [expected]


def test_nested_field_in_a_section_is_located(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "          - Step two.", "          - [Step, two]")
    assert problems(course) == ["content/modules/alpha.yml:18:13: sections[1].items[0].steps[1]: expected text, got a list"]


def test_unknown_section_kind(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "  - kind: why", "  - kind: whyy")
    assert problems(course) == [
        "content/modules/alpha.yml:11:11: sections[0].kind: unknown section kind 'whyy' (did you mean 'why'?); "
        "expected one of: why, practices, conversation, checklist, scenario, mistakes, senior-notes, text, country, rhythm"
    ]


def test_all_problems_of_a_run_are_reported_sorted(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "duration: 20", "duration: twenty")
    edit(course / "content/modules/alpha.yml", "level: foundation", "level: expert")
    edit(course / "content/modules/beta.yml", 'version: "1.0"', "version: 1.0")
    assert problems(course) == [
        "content/modules/alpha.yml:5:11: duration: expected a whole number, got str 'twenty'",
        "content/modules/alpha.yml:6:8: level: 'expert' is not allowed; expected 'foundation', 'intermediate' or 'advanced'",
        "content/modules/beta.yml:50:12: stewardship.version: expected text, got the number 1.0 (quote it if it is text)",
    ]


def test_checklist_needs_items_or_groups(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "    items:\n      - Check one.", "    intro: Nothing here.")
    assert problems(course) == [
        "content/modules/alpha.yml:26:5: sections[3]: a checklist needs either `items` or `groups` (exactly one of them)"
    ]


def test_review_date_before_last_review(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "review_by: 2099-01-01", "review_by: 2020-01-01")
    assert problems(course) == ["content/modules/alpha.yml:49:3: stewardship: review_by must not be earlier than last_reviewed"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("        correct: true\n", "", "quizzes/alpha.yml:3:5: questions[0]: no choice is marked correct"),
        (
            "        feedback: Not this.",
            "        correct: true",
            "quizzes/alpha.yml:3:5: questions[0]: 2 choices are marked correct; a single question needs exactly one",
        ),
        ("      - id: b", "      - id: a", "quizzes/alpha.yml:10:13: questions[0].choices[1].id: choice id 'a' is used twice in this question"),
        ("module: alpha\nquestions:\n", "module: alpha\npass_mark: 120\nquestions:\n", "quizzes/alpha.yml:2:12: pass_mark: input should be less than or equal to 100"),
        ("    kind: single", "    kind: scenario", "quizzes/alpha.yml:3:5: questions[0]: a scenario question needs a `scenario` text"),
    ],
)
def test_quiz_rules(course: Path, old: str, new: str, expected: str) -> None:
    edit(course / "quizzes/alpha.yml", old, new)
    assert problems(course) == [expected]


def test_quiz_with_no_questions(course: Path) -> None:
    (course / "quizzes/alpha.yml").write_text("module: alpha\nquestions: []\n", encoding="utf-8")
    assert problems(course) == ["quizzes/alpha.yml:2:12: questions: list should have at least 1 item after validation, not 0"]


def test_duplicate_question_ids(course: Path) -> None:
    path = course / "quizzes/alpha.yml"
    text = path.read_text(encoding="utf-8")
    questions = text.split("questions:\n", 1)[1]
    path.write_text(text + questions, encoding="utf-8")
    assert problems(course) == ["quizzes/alpha.yml:14:9: questions[1].id: question id 'q-one' is used twice in this quiz"]


def test_true_false_choice_ids_may_be_bare_booleans() -> None:
    choice = schema.Choice.model_validate({"id": True, "text": "True", "correct": True})
    assert choice.id == "true"


def test_committed_json_schemas_match_the_models() -> None:
    for name, text in schema_documents().items():
        committed = REPO / "schema" / name
        assert committed.read_text(encoding="utf-8") == text, f"schema/{name} is stale: run `python -m macros schema`"


def test_module_files_point_editors_at_the_schema() -> None:
    for path in sorted((REPO / "content/modules").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/module.schema.json", path.name
    for path in sorted((REPO / "quizzes").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/quiz.schema.json", path.name


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        pytest.param("quizzes/alpha.yml", "module: alpha", "module: alpha\npass_mark: yes",
                     "quizzes/alpha.yml:2:12: pass_mark: expected a whole number, got true (a yes/no value)", id="pass-mark-yes-is-not-1"),
        pytest.param("content/modules/alpha.yml", "duration: 20", "duration: true",
                     "content/modules/alpha.yml:5:11: duration: expected a whole number, got true (a yes/no value)", id="duration-true-is-not-1"),
        pytest.param("content/modules/alpha.yml", "duration: 20", "duration: 20.5",
                     "content/modules/alpha.yml:5:11: duration: expected a whole number, got the number 20.5", id="duration-fraction"),
        pytest.param("content/modules/alpha.yml", "review_by: 2099-01-01", "review_by: 1798761600",
                     "content/modules/alpha.yml:53:14: stewardship.review_by: expected a date such as 2027-03-31, got the number 1798761600",
                     id="unix-time-is-not-a-date"),
        pytest.param("content/modules/alpha.yml", "last_reviewed: 2026-01-01", "last_reviewed: 20260101",
                     "content/modules/alpha.yml:51:18: stewardship.last_reviewed: expected a date such as 2027-03-31, got the number 20260101",
                     id="digits-are-not-a-date"),
        pytest.param("quizzes/alpha.yml", "        correct: true", "        correct: 1",
                     "quizzes/alpha.yml:9:18: questions[0].choices[0].correct: expected true or false, got the number 1", id="correct-1-is-not-true"),
    ],
)
def test_values_are_not_silently_converted(course: Path, file: str, old: str, new: str, expected: str) -> None:
    """Pydantic's lax mode turned `yes` into 1 and a Unix time into a date; each is now an error at its line."""
    edit(course / file, old, new)
    assert problems(course) == [expected]


def test_path_step_day_is_a_whole_number(course: Path) -> None:
    (course / "content/paths").mkdir()
    (course / "content/paths/start.yml").write_text(
        "id: start\ntitle: Start\naudience: [new-manager]\ndescription: First steps.\nsteps:\n  - module: alpha\n    day: yes\n", encoding="utf-8"
    )
    assert problems(course) == ["content/paths/start.yml:7:10: steps[0].day: expected a whole number, got true (a yes/no value)"]


def test_quoted_dates_and_plain_numbers_still_load(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "last_reviewed: 2026-01-01", 'last_reviewed: "2026-01-01"')
    catalog, errors = load_catalog(course)
    assert errors == [] and catalog is not None
    assert catalog.modules["alpha"].duration == 20
