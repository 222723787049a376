"""A learner who reads no question and answers by cues alone fails every quiz of the real course.

The review (content-review.md §2) passed 8 of 11 quizzes this way: the correct choice was the
second-longest in 80% of items and 19 of 20 true-false items were keyed "false". This learner is
written here on its own, apart from the lint's, so the test does not trust the code it checks.
It keeps one rule per kind of item through a quiz and may pick the best rules for each quiz:
- single and scenario: always the longest, second-longest, second-shortest or shortest choice
  (characters, whitespace runs as one), always the first or the last (order as written), or always
  the choice most like the others (the most words shared with the other choices, the test-wise
  reader's "convergence" guess; the first of those that tie);
- true-false: always "true", or always "false";
- multiple answers: every option, or the k longest, k shortest, first k or last k options.
Scored as the quiz page scores: all-or-nothing per item, Math.round of the percentage, against
the quiz's pass mark.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from itertools import product

import pytest

from macros import schema
from macros.catalog import load_catalog
from tests.conftest import REPO

CATALOG, ERRORS = load_catalog(REPO)
QUIZ_IDS = list(CATALOG.quizzes) if CATALOG else []
Kind = schema.QuestionKind


def size(choice: schema.Choice) -> int:
    return len(" ".join(choice.text.split()))


def longest_first(question: schema.Question) -> list[int]:
    return sorted(range(len(question.choices)), key=lambda n: -size(question.choices[n]))


def shortest_first(question: schema.Question) -> list[int]:
    return sorted(range(len(question.choices)), key=lambda n: size(question.choices[n]))


SMALL_WORDS = {"a", "an", "the", "and", "or", "to", "of", "in", "on", "for", "it", "its", "you", "your", "then", "so", "that", "with", "at", "by"}


def most_like_the_others(question: schema.Question) -> int:
    words = [set(re.findall(r"[a-z0-9]+", choice.text.lower())) - SMALL_WORDS for choice in question.choices]
    shared = [sum(len(mine & other) / len(mine | other) for m, other in enumerate(words) if m != n and mine | other) for n, mine in enumerate(words)]
    return max(range(len(shared)), key=lambda n: (shared[n], -n))


ONE: dict[str, Callable[[schema.Question], set[int]]] = {
    "longest": lambda q: {longest_first(q)[0]},
    "second-longest": lambda q: {longest_first(q)[1]},
    "second-shortest": lambda q: {shortest_first(q)[1]},
    "shortest": lambda q: {shortest_first(q)[0]},
    "first": lambda q: {0},
    "last": lambda q: {len(q.choices) - 1},
    "most like the others": lambda q: {most_like_the_others(q)},
}


def true_index(question: schema.Question) -> int:
    return next(n for n, choice in enumerate(question.choices) if choice.id == "true" or choice.text.strip(". ").lower() == "true")


TRUE_FALSE: dict[str, Callable[[schema.Question], set[int]]] = {
    "always true": lambda q: {true_index(q)},
    "always false": lambda q: {1 - true_index(q)},
}


def many_rules(width: int) -> dict[str, Callable[[schema.Question], set[int]]]:
    rules: dict[str, Callable[[schema.Question], set[int]]] = {"pick all": lambda q: set(range(len(q.choices)))}
    for k in range(1, width):
        rules[f"longest {k}"] = lambda q, k=k: set(longest_first(q)[:k])
        rules[f"shortest {k}"] = lambda q, k=k: set(shortest_first(q)[:k])
        rules[f"first {k}"] = lambda q, k=k: set(range(min(k, len(q.choices))))
        rules[f"last {k}"] = lambda q, k=k: set(range(max(len(q.choices) - k, 0), len(q.choices)))
    return rules


def best_cue_learner(quiz: schema.Quiz) -> tuple[int, str]:
    """The best percentage over every combination of rules, and the combination that reaches it."""
    width = max((len(q.choices) for q in quiz.questions if q.kind is Kind.multiple), default=1)
    many = many_rules(width)
    best, how = -1, ""
    for one, tf, multi in product(ONE, TRUE_FALSE, many):
        right = 0
        for question in quiz.questions:
            rule = {Kind.true_false: TRUE_FALSE[tf], Kind.multiple: many[multi]}.get(question.kind, ONE[one])
            right += rule(question) == {n for n, choice in enumerate(question.choices) if choice.correct}
        percent = math.floor(100 * right / len(quiz.questions) + 0.5)
        if percent > best:
            best, how = percent, f"{one} / {tf} / {multi}: {right} of {len(quiz.questions)}"
    return best, how


def test_the_course_loads() -> None:
    assert ERRORS == [] and len(QUIZ_IDS) >= 11


@pytest.mark.parametrize("module_id", QUIZ_IDS)
def test_a_cue_only_learner_fails_the_quiz(module_id: str) -> None:
    quiz = CATALOG.quizzes[module_id]
    percent, how = best_cue_learner(quiz)
    assert percent < quiz.pass_mark, f"{module_id}: cues alone score {percent}% ({how}); pass mark {quiz.pass_mark}%"


def test_the_learner_would_pass_the_old_bank_pattern() -> None:
    """The learner is strong enough to matter: on items built like the old bank (second-longest
    correct, true-false keyed false) it passes."""
    def item(kind: str, texts: list[tuple[str, bool]]) -> schema.Question:
        return schema.Question.model_validate({
            "id": "q", "kind": kind, "prompt": "Which?", "explanation": "Because.",
            "choices": [{"id": "true" if kind == "true-false" and n == 0 else f"c{n}", "text": t, "correct": c} for n, (t, c) in enumerate(texts)],
        })
    second_longest = item("single", [("A plain good answer, well put", True), ("Short", False), ("A padded distractor with a justification clause", False), ("Tiny", False)])
    keyed_false = item("true-false", [("True", False), ("False", True)])
    old = schema.Quiz(module="x", questions=[second_longest] * 8 + [keyed_false] * 2)
    assert best_cue_learner(old)[0] == 100
