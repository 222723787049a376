"""The quiz lint: each rule on a small clean bank (tests/fixtures/quizlint) broken one way at a time,
asserting the exact `file:line:col: field: message` an author sees."""

from __future__ import annotations

import random
import shutil
from itertools import combinations
from pathlib import Path

import pytest

from macros import schema
from macros.catalog import load_catalog
from macros.cli import main
from macros.quizlint import best_cue_score, convergent_choices, keyed_true_range, length_ranks, similar_pairs, quiz_warnings
from tests.conftest import FIXTURES, edit

BANK = FIXTURES / "quizlint"
LENGTH_HINT = "so length gives nothing away (choices under 30 characters count as 30)"


@pytest.fixture
def bank(course: Path) -> Path:
    """The minimal course with the clean two-quiz bank: twelve one-answer and four true-false items."""
    for name in ("alpha", "beta"):
        shutil.copy(BANK / f"{name}.yml", course / "quizzes" / f"{name}.yml")
    return course


def lint(root: Path) -> list[str]:
    catalog, errors = load_catalog(root)
    assert errors == [] and catalog is not None
    return [str(warning) for warning in quiz_warnings(catalog)]


def test_clean_bank_has_no_warnings(bank: Path) -> None:
    # Its choices run from 10 to 27 characters (2.7x), all under the 30 that counts as short.
    assert lint(bank) == []


def test_one_length_rank_holding_most_keys_is_reported_once_for_the_course_and_at_each_item_of_the_quiz_that_leans(bank: Path) -> None:
    shutil.copy(BANK / "beta-longest.yml", bank / "quizzes/beta.yml")
    per_item = (
        "the correct choice is the longest, as in 6 of this quiz's 6 single and scenario items and 8 of 12 in the course "
        "(more than 40%); make another choice the longest"
    )
    assert lint(bank) == [
        "content/course.yml:1:1: quizzes: the correct choice is the longest in 8 of 12 single and scenario items, review pools included (67%); "
        "no length rank should hold more than 40% (longest 8, second-longest 1, second-shortest 2, shortest 1): "
        "rewrite the items flagged in quizzes/ so another choice is the longest",
        'quizzes/beta.yml:4:1: questions: passed on cues alone: picking the longest choice and "true" on every true-false item, '
        "without reading a question, scores 7 of 8 (88%; pass mark 80%); vary which choice is correct by length and position",
        f"quizzes/beta.yml:17:9: questions[0].choices[2]: {per_item}",
        f"quizzes/beta.yml:30:9: questions[1].choices[0]: {per_item}",
        f"quizzes/beta.yml:58:9: questions[2].choices[3]: {per_item}",
        f"quizzes/beta.yml:67:9: questions[3].choices[0]: {per_item}",
        f"quizzes/beta.yml:91:9: questions[4].choices[2]: {per_item}",
        f"quizzes/beta.yml:106:9: questions[5].choices[1]: {per_item}",
    ]


def test_length_ranks_count_ties_and_the_middle_of_three() -> None:
    assert length_ranks([40, 30, 20, 10], 0) == {"longest"}
    assert length_ranks([40, 30, 20, 10], 2) == {"second-shortest"}
    assert length_ranks([40, 30, 20], 1) == {"second-longest", "second-shortest"}
    assert length_ranks([40, 40, 20, 10], 1) == {"longest"}


def test_a_choice_more_than_twice_the_shortest_is_reported_at_that_choice(bank: Path) -> None:
    long_text = "Name the behaviour you saw, its effect on the deal, and the next step."
    edit(bank / "quizzes/alpha.yml", "        text: Ask first.", f"        text: {long_text}")
    assert lint(bank) == [
        f"quizzes/alpha.yml:21:9: questions[0].choices[3]: this choice is {len(long_text)} characters, 2.3 times the shortest "
        f"(choices[2], 13 characters, counted as 30); keep the choices of an item within 2x of each other {LENGTH_HINT}"
    ]


def test_choice_lengths_compare_long_choices_as_they_are(bank: Path) -> None:
    quiz = bank / "quizzes/alpha.yml"
    edit(quiz, "        text: Name the behaviour you saw.", "        text: Name the behaviour you saw and its effect on the deal, then agree one change to try next week.")
    edit(quiz, "        text: Write it down now.", "        text: Write down what you saw for your own notes.")
    edit(quiz, "        text: Agree a date.", "        text: Agree a date for the next call with the buyer.")
    edit(quiz, "        text: Ask first.", "        text: Ask how she thinks the call went before you say more.")
    assert lint(bank) == [
        "quizzes/alpha.yml:12:9: questions[0].choices[0]: this choice is 94 characters, 2.2 times the shortest "
        f"(choices[1], 43 characters); keep the choices of an item within 2x of each other {LENGTH_HINT}"
    ]


TRUE_FALSE_ITEM = """\
  - id: extra-statement
    kind: true-false
    objective: 1
    prompt: A rep who books the most meetings also wins the most deals.
    choices:
      - id: "true"
        text: "True"
        correct: true
      - id: "false"
        text: "False"
        feedback: Meetings booked and deals won move apart as often as together.
    explanation: Because the module says so.
"""


def test_more_than_a_quarter_true_false_is_reported_on_the_quiz(bank: Path) -> None:
    with (bank / "quizzes/alpha.yml").open("a", encoding="utf-8") as file:
        file.write(TRUE_FALSE_ITEM)
    assert lint(bank) == [
        "quizzes/alpha.yml:5:1: questions: 3 of 9 questions are true-false (questions[6], questions[7], questions[8]); "
        "at most a quarter (2): a guess gets half of them right, so turn some into single or scenario items"
    ]


SECOND_TRUE_FALSE_ITEM = """\
  - id: second-statement
    kind: true-false
    objective: 1
    prompt: A rep who asks the most questions on a call also closes the most deals.
    choices:
      - id: "true"
        text: "True"
        feedback: The number of questions says little; which questions, and when, matters.
      - id: "false"
        text: "False"
        correct: true
    explanation: Because the module says so.
"""


def test_more_than_a_quarter_true_false_in_the_review_pool_is_reported_on_the_pool(bank: Path) -> None:
    with (bank / "quizzes/alpha.yml").open("a", encoding="utf-8") as file:
        file.write("review:\n" + TRUE_FALSE_ITEM + SECOND_TRUE_FALSE_ITEM)
    assert lint(bank) == [
        "quizzes/alpha.yml:141:1: review: 2 of 2 review items are true-false (review[0], review[1]); "
        "at most a quarter (0): a guess gets half of them right, so turn some into single or scenario items"
    ]


def key_of(prompt: str, keyed: str) -> tuple[str, str]:
    """The YAML of a true-false item's choices from its prompt on, keyed `keyed`, and keyed the other way."""
    def block(correct: str) -> str:
        parts = [f"    prompt: {prompt}\n    choices:\n"]
        for choice in ("true", "false"):
            parts.append(f'      - id: "{choice}"\n        text: "{choice.capitalize()}"\n')
            parts.append("        correct: true\n" if choice == correct else "        feedback: The module shows otherwise.\n")
        return "".join(parts)
    return block(keyed), block("false" if keyed == "true" else "true")


def test_true_false_keyed_mostly_one_way_is_reported_once_for_the_course(bank: Path) -> None:
    edit(bank / "quizzes/alpha.yml", *key_of("A joint call works best with one agreed coaching goal for the rep.", "true"))
    edit(bank / "quizzes/beta.yml", *key_of("Reviewing last quarter's lost deals helps set this quarter's coaching focus.", "true"))
    assert lint(bank) == [
        "content/course.yml:1:1: quizzes: 0 of 4 true-false items are keyed true (0%); keep it between 35% and 65% (2 of 4) "
        'so "always false" gives nothing away; mostly keyed false: alpha 2 of 2, beta 2 of 2'
    ]


@pytest.mark.parametrize(("count", "allowed"), [(1, (0, 1)), (2, (1, 1)), (3, (1, 2)), (4, (2, 2)), (10, (4, 6)), (20, (7, 13)), (21, (8, 13))])
def test_keyed_true_range_is_35_to_65_percent_or_the_nearest_whole_numbers(count: int, allowed: tuple[int, int]) -> None:
    assert keyed_true_range(count) == allowed


def test_an_item_without_an_objective_is_reported_at_the_item(bank: Path) -> None:
    edit(bank / "quizzes/alpha.yml", "    kind: scenario\n    objective: 1\n", "    kind: scenario\n")
    assert lint(bank) == ["quizzes/alpha.yml:6:5: questions[0]: no objective; add `objective: 1` (the module has one objective) to say what this item checks"]


def test_an_objective_with_fewer_than_two_items_is_reported_on_the_quiz(bank: Path) -> None:
    edit(bank / "content/modules/alpha.yml", "  - Do the alpha thing.\n", "  - Do the alpha thing.\n  - Explain the alpha thing to a new rep in your own words.\n")
    edit(bank / "quizzes/alpha.yml", "objective: 1", "objective: 2")
    assert lint(bank) == [
        "quizzes/alpha.yml:5:1: questions: objective 2 ('Explain the alpha thing to a new rep in your own words.') is checked by 1 question "
        "(questions[0]); every objective needs at least 2 (set `objective: 2` on the items that check it)"
    ]
    edit(bank / "quizzes/alpha.yml", "objective: 2", "objective: 1")
    assert lint(bank) == [
        "quizzes/alpha.yml:5:1: questions: objective 2 ('Explain the alpha thing to a new rep in your own words.') is checked by 0 questions; "
        "every objective needs at least 2 (set `objective: 2` on the items that check it)"
    ]


def test_near_duplicate_stems_are_reported_within_and_across_quizzes(bank: Path) -> None:
    rewritten = (BANK / "alpha.yml").read_text(encoding="utf-8").split("  - id: late-proposal")[0].split("questions:\n")[1]
    review = "review:\n" + rewritten.replace("missed-calls", "missed-calls-again").replace("Dana", "Sam")
    with (bank / "quizzes/alpha.yml").open("a", encoding="utf-8") as file:
        file.write(review)
    edit(bank / "quizzes/beta.yml", "A channel partner claims credit for a deal your rep sourced alone.", "Lena missed three forecast calls in a row this month.")
    hint = "ask about something else, or set the situation somewhere else"
    assert lint(bank) == [
        f"quizzes/alpha.yml:142:5: review[0]: the stem is a near duplicate of questions[0] 'missed-calls' (75% of their words in common); {hint}",
        f"quizzes/beta.yml:25:5: questions[1]: the stem is a near duplicate of quizzes/alpha.yml questions[0] 'missed-calls' (75% of their words in common); {hint}",
        f"quizzes/beta.yml:25:5: questions[1]: the stem is a near duplicate of quizzes/alpha.yml review[0] 'missed-calls-again' (75% of their words in common); {hint}",
    ]


def test_similar_pairs_finds_exactly_the_pairs_a_full_comparison_finds() -> None:
    words = [f"w{number}" for number in range(30)]
    chooser = random.Random(12)
    for _ in range(30):
        sets = [frozenset(chooser.sample(words, chooser.randint(1, 8))) for _ in range(40)]
        for threshold in (0.3, 0.5, 0.8):
            expected = {(i, j) for i, j in combinations(range(len(sets)), 2) if len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= threshold}
            assert {(i, j) for i, j, _ in similar_pairs(sets, threshold)} == expected


def test_a_wrong_choice_without_feedback_is_reported_at_the_choice(bank: Path) -> None:
    edit(bank / "quizzes/alpha.yml", "        text: Write it down now.\n        feedback: Not the best move here.\n", "        text: Write it down now.\n")
    edit(bank / "quizzes/beta.yml", '        text: "True"\n        feedback: The module shows otherwise.\n', '        text: "True"\n')
    hint = "a wrong choice without feedback; add `feedback:` saying why a learner who picks it is wrong"
    assert lint(bank) == [
        f"quizzes/alpha.yml:15:9: questions[0].choices[1]: {hint}",
        f"quizzes/beta.yml:122:9: questions[6].choices[0]: {hint}",
    ]


def test_a_short_quiz_without_scenarios_or_objectives_that_cues_pass(course: Path) -> None:
    """The minimal course's one-question quiz breaks the course's quiz rules in every way a new quiz does."""
    assert lint(course) == [
        "quizzes/alpha.yml:2:1: questions: 0 scenario questions; a quiz needs at least 3: judgement is tested in situations",
        "quizzes/alpha.yml:2:1: questions: 1 question; a quiz asks 8 to 12, enough to cover every objective twice without tiring the reader",
        "quizzes/alpha.yml:2:1: questions: objective 1 ('Do the alpha thing.') is checked by 0 questions; every objective needs at least 2 "
        "(set `objective: 1` on the items that check it)",
        "quizzes/alpha.yml:2:1: questions: passed on cues alone: picking the longest choice, without reading a question, scores 1 of 1 "
        "(100%; pass mark 80%); vary which choice is correct by length and position",
        "quizzes/alpha.yml:3:5: questions[0]: no objective; add `objective: 1` (the module has one objective) to say what this item checks",
    ]


def question(kind: str, *choices: tuple[str, bool], scenario: str | None = None) -> schema.Question:
    return schema.Question.model_validate({
        "id": "q", "kind": kind, "prompt": "Which?", "explanation": "Because.", "scenario": scenario,
        "choices": [{"id": f"c{number}", "text": text, "correct": correct} for number, (text, correct) in enumerate(choices)],
    })


def test_the_cue_only_learner_tries_length_and_order_rules_on_multiple_answer_items() -> None:
    many = question("multiple", ("A longer option here", True), ("Short", False), ("The longest option of them all", True), ("Tiny", False))
    score = best_cue_score([many])
    assert (score.right, score.many_answer_rule) == (1, "the 2 longest options")
    every = question("multiple", ("One", True), ("Two", True), ("Three", True))
    assert best_cue_score([every]).many_answer_rule == "every option"


# One-detail variants of "Ask first, then write it." and a fourth choice apart: the key stands out as
# the choice most like the others. Same lengths (10-27 characters) as the fixture's, so no length cue.
VARIANTS = {"key": "Ask first, then write it.", "near": ["Ask first, then phone.", "Email first, then write it."], "apart": "Agree a date."}


def test_keys_that_are_the_choice_most_like_the_others_are_reported_for_the_course_and_at_each_item(bank: Path) -> None:
    beta = bank / "quizzes/beta.yml"
    text = beta.read_text(encoding="utf-8")
    for name in ("Name the behaviour you saw.", "Write it down now.", "Ask first.", "Agree a date."):
        text = text.replace(f"text: {name}\n        correct: true", f"text: KEY\n        correct: true")
    near = iter(VARIANTS["near"] * 12)
    lines = []
    for line in text.splitlines():
        if line.strip().startswith("text: ") and "KEY" not in line and "True" not in line and "False" not in line:
            # the first two wrong choices of an item are near variants, the third stands apart
            line = line.split("text: ")[0] + "text: " + (next(near) if lines.count("near") % 3 < 2 else VARIANTS["apart"])
            lines.append("near")
        lines.append(line)
    beta.write_text("\n".join(line for line in lines if line != "near").replace("KEY", VARIANTS["key"]) + "\n", encoding="utf-8")
    found = [warning for warning in lint(bank) if "most like the others" in warning]
    assert found[0] == (
        "content/course.yml:1:1: quizzes: the correct choice is the one most like the others in 6 of 12 single and scenario items, "
        "review pools included (50%; at most 30%): a reader who compares the choices finds the key; rewrite the items flagged in "
        "quizzes/ so each distractor differs from the others as much as from the key (for two details, use all four combinations)"
    )
    written = beta.read_text(encoding="utf-8").splitlines()
    assert len(found) == 7
    for warning in found[1:]:
        path, line, _column, field, _message = warning.split(":", 4)
        assert path == "quizzes/beta.yml" and field.startswith(" questions[") and ".choices[" in field
        assert VARIANTS["key"] in written[int(line) - 1] or VARIANTS["key"] in written[int(line)], warning


def test_in_a_full_grid_no_choice_stands_out_as_most_like_the_others() -> None:
    grid = question("single", ("10 minutes before, 15 after", True), ("10 minutes before, 45 after", False),
                    ("30 minutes before, 15 after", False), ("30 minutes before, 45 after", False))
    assert convergent_choices(grid) == {0, 1, 2, 3}
    middle = question("single", ("10 minutes before, 15 after", True), ("10 minutes before, 45 after", False),
                      ("30 minutes before, 15 after", False), ("A day before, an hour after", False))
    assert convergent_choices(middle) == {0}
    # Keys at no common length rank or position: only comparing the choices finds both.
    first = question("single", ("Agree a date.", False), ("Ask first, then write it down.", True),
                     ("Ask first, then phone.", False), ("Email, then write it down.", False))
    second = question("single", ("Ask first, then phone the buyer.", False), ("Agree a date with the buyer today.", False),
                      ("Ask first, then write.", True), ("Email first, then write it up.", False))
    score = best_cue_score([first, second])
    assert (score.right, score.one_answer_rule) == (2, "the choice most like the others")


def test_the_cue_only_learner_keeps_one_rule_per_kind_through_a_quiz() -> None:
    longest_right = question("single", ("The long correct one", True), ("Short", False))
    shortest_right = question("single", ("The long wrong one", False), ("Short", True))
    true_keyed = question("true-false", ("True", True), ("False", False))
    false_keyed = question("true-false", ("True", False), ("False", True))
    score = best_cue_score([longest_right, longest_right, shortest_right, true_keyed, false_keyed, false_keyed])
    assert (score.right, score.total, score.percent) == (4, 6, 67)
    assert (score.one_answer_rule, score.true_false_rule) == ("the longest choice", "false")


def test_check_prints_quiz_warnings_and_strict_quiz_fails_on_them(bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(bank / "quizzes/alpha.yml", "    kind: scenario\n    objective: 1\n", "    kind: scenario\n")
    warning = "quizzes/alpha.yml:6:5: questions[0]: no objective; add `objective: 1` (the module has one objective) to say what this item checks"
    assert main(["--root", str(bank), "check"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("ok: 2 modules, 2 quizzes")
    # (the notes counting modules without a field assignment or a Tomorrow box follow: not the lint's)
    assert err.splitlines()[:2] == [f"{warning} (warning)", "note: 1 quiz warning in 1 file; `check --strict-quiz` (run by CI) fails on them"]
    assert main(["--root", str(bank), "check", "--strict-quiz"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [warning, "1 problem in 1 file"]


def test_check_lints_only_a_course_that_loads(bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(bank / "quizzes/alpha.yml", "    kind: scenario\n    objective: 1\n", "    kind: scenario\n")
    edit(bank / "content/modules/beta.yml", "title: Beta module", "titel: Beta module")
    assert main(["--root", str(bank), "check", "--strict-quiz"]) == 1
    assert capsys.readouterr().err.splitlines() == ["content/modules/beta.yml:2:1: titel: unknown field 'titel' (did you mean 'title'?)", "1 problem in 1 file"]
