"""Quiz lint: the item-writing rules that keep a self-check from being passed on cues alone (issue 12).

The course's quizzes once let a reader who had opened nothing pass half of them: the correct choice
was the second-longest in 80% of items and 19 of 20 true-false items were keyed "false". These
rules catch such patterns while an author writes, as warnings (`check`) that `check --strict-quiz`
and CI turn into failures. Every function returns `ContentError`s; nothing here prints.

Lengths are characters of a choice's text with runs of whitespace counted as one space: what a
reader sees of its size at a glance. Everything is one pass over the items (plus a set-similarity
join for stems that only compares stems sharing a rare word), so the lint stays linear in the
size of the course.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from . import schema
from .catalog import COURSE_FILE, QUIZZES_DIR, Catalog
from .errors import ContentError
from .loader import Document

Kind = schema.QuestionKind
ONE_ANSWER = (Kind.single, Kind.scenario)

# The correct choice's length rank (longest, second-longest, ...) across the course: with four
# choices each rank holds about a quarter of the items when nothing gives the key away; more than
# 40% of one rank is a cue a learner can pick up in one quiz (the old bank had 80%).
RANK_SHARE_MAX = 0.40
RANK_ITEMS_MIN = 10  # fewer single and scenario items than this show no pattern yet
# Choices within an item: the longest at most twice the shortest. At twice the length a choice
# takes visibly more lines than its neighbours (two against one on a laptop, four against two on a
# phone); the old bank's median item was 2.4x and three quarters were above 2x, the rewritten
# bank's median is 1.15x. Choices shorter than SHORT_CHOICE characters (a number, a few words) are
# read at a glance whatever their length, so they count as SHORT_CHOICE: '$2.5M' against '$600k'
# is no cue, '$2.5M' against a full sentence is.
LENGTH_RATIO_MAX = 2.0
SHORT_CHOICE = 30
TRUE_FALSE_SHARE_MAX = 0.25  # of a quiz's questions
TRUE_KEYED_PERCENT = (35, 65)  # share of the course's true-false items keyed "true"
OBJECTIVE_ITEMS_MIN = 2  # main-quiz items per module objective
# Stems (scenario and prompt) sharing at least half of their words (Jaccard similarity of their
# sets of content words) are near duplicates. Distinct items of both banks share at most a third;
# an item re-asked with new names and numbers keeps well over half.
STEM_SIMILARITY_MIN = 0.5
STEM_WORDS_MIN = 5  # shorter stems ("What do you do?") are too short to compare
# The convergence cue: a test-wise reader picks the choice that shares most with the others (in
# "10 minutes before, 15 after" against "10 and 45" and "30 and 15", the one in the middle). An item
# built from its key by changing one detail per distractor hands the key to anyone who compares the
# choices. Only a choice that stands out counts (a tie gives nothing away). Measured on 1 Dec 2026:
# 18% of the bank, and 28% in a rewrite made of one-detail variants, which a cold reader used.
CONVERGENCE_SHARE_MAX = 0.30
QUESTIONS_PER_QUIZ = (8, 12)
SCENARIOS_MIN = 3

_STOPWORDS = frozenset(
    """a about after all also an and any are as at be been before being but by can could did do does each for from had has
    have he her his how i if in into is it its just may me might more most must my no not of off on only or our out over
    she should so some such than that the their them then there these they this those to up very was we were what when
    where which who whom why will with would you your""".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Item:
    """One question of a quiz, main or review, with what is needed to point at it."""

    module: str
    where: str  # "questions" or "review"
    number: int
    question: schema.Question
    document: Document

    @property
    def name(self) -> str:
        return f"{self.where}[{self.number}]"

    def error(self, message: str, *below: object) -> ContentError:
        return self.document.error((self.where, self.number, *below), message)

    @property
    def lengths(self) -> list[int]:
        return [text_length(choice.text) for choice in self.question.choices]

    @property
    def correct(self) -> set[int]:
        return {number for number, choice in enumerate(self.question.choices) if choice.correct}


def text_length(text: str) -> int:
    return len(" ".join(text.split()))


def quiz_warnings(catalog: Catalog) -> list[ContentError]:
    """Every quiz-lint warning for the course, sorted."""
    items = list(_items(catalog))
    warnings: list[ContentError] = []
    warnings += _length_rank_spread(items)
    warnings += _convergence_spread(items)
    warnings += _true_false_balance(items)
    warnings += _near_duplicate_stems(items)
    main_items: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        warnings += _choice_lengths(item)
        warnings += _objective_named(item, catalog)
        warnings += _feedback_on_wrong_choices(item)
        if item.where == "questions":
            main_items[item.module].append(item)
    for module_id, quiz in catalog.quizzes.items():
        document = catalog.quiz_documents.get(module_id)
        if document is None:
            continue
        main = main_items[module_id]
        warnings += _quiz_shape(document, quiz)
        warnings += _objective_coverage(document, catalog.modules.get(module_id), main)
        warnings += _cue_only_learner(document, quiz)
    return sorted(set(warnings))


def _items(catalog: Catalog) -> Iterator[Item]:
    for module_id, quiz in catalog.quizzes.items():
        document = catalog.quiz_documents.get(module_id)
        if document is None:
            continue
        for where, questions in (("questions", quiz.questions), ("review", quiz.review)):
            for number, question in enumerate(questions):
                yield Item(module_id, where, number, question, document)


def _course_warning(message: str) -> ContentError:
    """A finding about the course's quizzes as a whole, which no single item causes."""
    return ContentError(COURSE_FILE, 1, 1, "quizzes", message)


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


# --- Length cues ------------------------------------------------------------------------------

RANKS = ("longest", "second-longest", "second-shortest", "shortest")


def length_ranks(lengths: list[int], choice: int) -> set[str]:
    """The length rules that pick `choice` (ties count for every choice they tie: no choice is
    longer than a 'longest' one). In a three-choice item the middle one is both second-longest and
    second-shortest, as a learner following either rule finds."""
    longer = sum(length > lengths[choice] for length in lengths)
    shorter = sum(length < lengths[choice] for length in lengths)
    ranks = set()
    if longer == 0:
        ranks.add("longest")
    if longer == 1:
        ranks.add("second-longest")
    if shorter == 1:
        ranks.add("second-shortest")
    if shorter == 0:
        ranks.add("shortest")
    return ranks


def _length_rank_spread(items: list[Item]) -> list[ContentError]:
    """No length rank holds the correct choice of more than 40% of the course's single and scenario
    items. Reported once for the course with every rank's count, then at each item that adds to an
    over-full rank in a quiz where that rank is over-full too: those are the items worth rewriting."""
    one_answer = [item for item in items if item.question.kind in ONE_ANSWER]
    if len(one_answer) < RANK_ITEMS_MIN:
        return []
    ranks = {id(item): length_ranks(item.lengths, next(iter(item.correct))) for item in one_answer}
    counts = Counter(rank for item in one_answer for rank in ranks[id(item)])
    limit = RANK_SHARE_MAX * len(one_answer)
    by_quiz: dict[str, list[Item]] = defaultdict(list)
    for item in one_answer:
        by_quiz[item.module].append(item)
    warnings = []
    for rank in RANKS:
        if counts[rank] <= limit:
            continue
        flagged = []
        for quiz_items in by_quiz.values():
            adding = [item for item in quiz_items if rank in ranks[id(item)]]
            if len(adding) <= RANK_SHARE_MAX * len(quiz_items):
                continue
            for item in adding:
                flagged.append(item.error(
                    f"the correct choice is the {rank}, as in {len(adding)} of this quiz's {len(quiz_items)} single and scenario items "
                    f"and {counts[rank]} of {len(one_answer)} in the course (more than {round(100 * RANK_SHARE_MAX)}%); make another choice the {rank}",
                    "choices", next(iter(item.correct)),
                ))
        spread = ", ".join(f"{name} {counts[name]}" for name in RANKS)
        # Some quiz always leans too: were every quiz at 40% or less, so would the course be.
        where = f"the items flagged in {QUIZZES_DIR}/"
        warnings.append(_course_warning(
            f"the correct choice is the {rank} in {counts[rank]} of {len(one_answer)} single and scenario items, review pools included ({_percent(counts[rank], len(one_answer))}); "
            f"no length rank should hold more than {round(100 * RANK_SHARE_MAX)}% ({spread}): rewrite {where} so another choice is the {rank}"
        ))
        warnings += flagged
    return warnings


# --- Convergence cue ---------------------------------------------------------------------------


def choice_words(text: str) -> frozenset[str]:
    return frozenset(word for word in _WORD.findall(text.lower()) if word not in _STOPWORDS)


def convergent_choices(question: schema.Question) -> set[int]:
    """The choices most like the others: the highest sum of word-set (Jaccard) similarity with every
    other choice; all of them when several tie."""
    sets = [choice_words(choice.text) for choice in question.choices]

    def similarity(a: frozenset[str], b: frozenset[str]) -> float:
        return len(a & b) / len(a | b) if a | b else 0.0

    sums = [round(sum(similarity(mine, other) for m, other in enumerate(sets) if m != n), 9) for n, mine in enumerate(sets)]
    top = max(sums)
    return {n for n, value in enumerate(sums) if value == top}


def _convergence_spread(items: list[Item]) -> list[ContentError]:
    """The choice most like the others is the correct one in at most 30% of the course's single and
    scenario items; reported for the course, then at each such item in a quiz over the share."""
    one_answer = [item for item in items if item.question.kind in ONE_ANSWER]
    if len(one_answer) < RANK_ITEMS_MIN:
        return []
    # A tie gives nothing away (in a full grid every choice is as like the others): only a choice
    # that stands out as the most alike counts.
    converging = {id(item) for item in one_answer if convergent_choices(item.question) == item.correct}
    limit = CONVERGENCE_SHARE_MAX * len(one_answer)
    if len(converging) <= limit:
        return []
    warnings = [_course_warning(
        f"the correct choice is the one most like the others in {len(converging)} of {len(one_answer)} single and scenario items, "
        f"review pools included ({_percent(len(converging), len(one_answer))}; at most {round(100 * CONVERGENCE_SHARE_MAX)}%): "
        f"a reader who compares the choices finds the key; rewrite the items flagged in {QUIZZES_DIR}/ so each distractor "
        "differs from the others as much as from the key (for two details, use all four combinations)"
    )]
    by_quiz: dict[str, list[Item]] = defaultdict(list)
    for item in one_answer:
        by_quiz[item.module].append(item)
    for quiz_items in by_quiz.values():
        adding = [item for item in quiz_items if id(item) in converging]
        if len(adding) <= CONVERGENCE_SHARE_MAX * len(quiz_items):
            continue
        for item in adding:
            warnings.append(item.error(
                f"the correct choice is the one most like the others, as in {len(adding)} of this quiz's {len(quiz_items)} single and "
                "scenario items; change the distractors so none is the correct choice with one detail changed",
                "choices", next(iter(item.correct)),
            ))
    return warnings


def _choice_lengths(item: Item) -> list[ContentError]:
    """The longest choice of an item is at most twice the shortest (short choices count as SHORT_CHOICE)."""
    if item.question.kind is Kind.true_false:
        return []
    lengths = item.lengths
    longest = max(range(len(lengths)), key=lambda number: lengths[number])
    shortest = min(range(len(lengths)), key=lambda number: lengths[number])
    ratio = lengths[longest] / max(lengths[shortest], SHORT_CHOICE)
    if ratio <= LENGTH_RATIO_MAX:
        return []
    counted = f", counted as {SHORT_CHOICE}" if lengths[shortest] < SHORT_CHOICE else ""
    message = (
        f"this choice is {lengths[longest]} characters, {ratio:.1f} times the shortest (choices[{shortest}], {lengths[shortest]} characters{counted}); "
        f"keep the choices of an item within {LENGTH_RATIO_MAX:g}x of each other so length gives nothing away (choices under {SHORT_CHOICE} characters count as {SHORT_CHOICE})"
    )
    return [item.error(message, "choices", longest)]


# --- True-false -------------------------------------------------------------------------------


def true_choice(question: schema.Question) -> int:
    """Which of a true-false item's two choices means "true": the one with id or text `true`, else the first."""
    for number, choice in enumerate(question.choices):
        if choice.id == "true" or " ".join(choice.text.split()).strip(".").lower() == "true":
            return number
    return 0


def keyed_true_range(count: int) -> tuple[int, int]:
    """How many of `count` true-false items may be keyed true: 35–65%, or the nearest whole numbers
    where no whole number falls in that range (one of two, one or two of three)."""
    low, high = -(-TRUE_KEYED_PERCENT[0] * count // 100), TRUE_KEYED_PERCENT[1] * count // 100
    if low > high:
        low, high = TRUE_KEYED_PERCENT[0] * count // 100, -(-TRUE_KEYED_PERCENT[1] * count // 100)
    return low, high


def _true_false_balance(items: list[Item]) -> list[ContentError]:
    """The course's true-false items are keyed true in 35–65% of cases, so neither "always true"
    nor "always false" pays; reported once for the course, naming the quizzes leaning the same way."""
    true_false = [item for item in items if item.question.kind is Kind.true_false]
    if not true_false:
        return []
    keyed = [true_choice(item.question) in item.correct for item in true_false]
    keyed_true = sum(keyed)
    low, high = keyed_true_range(len(true_false))
    if low <= keyed_true <= high:
        return []
    majority = "true" if keyed_true > high else "false"
    per_quiz: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for item, is_true in zip(true_false, keyed):
        totals[item.module] += 1
        per_quiz[item.module] += is_true == (majority == "true")
    leaning = ", ".join(f"{module} {per_quiz[module]} of {totals[module]}" for module in totals if per_quiz[module] * 2 > totals[module])
    message = (
        f"{keyed_true} of {len(true_false)} true-false items are keyed true ({_percent(keyed_true, len(true_false))}); "
        f"keep it between {TRUE_KEYED_PERCENT[0]}% and {TRUE_KEYED_PERCENT[1]}% ({low if low == high else f'{low} to {high}'} of {len(true_false)}) so \"always {majority}\" gives nothing away"
        + (f"; mostly keyed {majority}: {leaning}" if leaning else "")
    )
    return [_course_warning(message)]


# --- Each quiz --------------------------------------------------------------------------------


def _quiz_shape(document: Document, quiz: schema.Quiz) -> list[ContentError]:
    """Size and scenarios of one quiz's main questions, and the share of true-false items there and in its review pool."""
    warnings = []
    count = len(quiz.questions)
    low, high = QUESTIONS_PER_QUIZ
    if not low <= count <= high:
        warnings.append(document.error(("questions",), f"{count} question{'s' if count != 1 else ''}; a quiz asks {low} to {high}, enough to cover every objective twice without tiring the reader", key=True))
    scenarios = sum(question.kind is Kind.scenario for question in quiz.questions)
    if scenarios < SCENARIOS_MIN:
        warnings.append(document.error(("questions",), f"{scenarios} scenario question{'s' if scenarios != 1 else ''}; a quiz needs at least {SCENARIOS_MIN}: judgement is tested in situations", key=True))
    # The review pool too: its items come back in short reviews, where a guess pays as well.
    for where, questions, noun in (("questions", quiz.questions, "questions"), ("review", quiz.review, "review items")):
        true_false = [number for number, question in enumerate(questions) if question.kind is Kind.true_false]
        allowed = math.floor(TRUE_FALSE_SHARE_MAX * len(questions))
        if len(true_false) > allowed:
            names = ", ".join(f"{where}[{number}]" for number in true_false)
            warnings.append(document.error(
                (where,),
                f"{len(true_false)} of {len(questions)} {noun} are true-false ({names}); at most a quarter ({allowed}): "
                "a guess gets half of them right, so turn some into single or scenario items",
                key=True,
            ))
    return warnings


def _objective_named(item: Item, catalog: Catalog) -> list[ContentError]:
    if item.question.objective is not None:
        return []
    module = catalog.modules.get(item.module)
    if module is not None and len(module.objectives) == 1:
        return [item.error("no objective; add `objective: 1` (the module has one objective) to say what this item checks")]
    choices = f" (1 to {len(module.objectives)})" if module is not None else ""
    return [item.error(f"no objective; add `objective: N`{choices}, the number of the module objective this item checks")]


def _objective_coverage(document: Document, module: schema.Module | None, main: list[Item]) -> list[ContentError]:
    """Every objective of the module is checked by at least two items of the main quiz."""
    if module is None:
        return []
    checked: dict[int, list[Item]] = defaultdict(list)
    for item in main:
        if item.question.objective is not None:
            checked[item.question.objective].append(item)
    warnings = []
    for number, objective in enumerate(module.objectives, start=1):
        items = checked.get(number, [])
        if len(items) >= OBJECTIVE_ITEMS_MIN:
            continue
        text = " ".join(objective.split())
        text = text if len(text) <= 60 else text[:59] + "…"
        which = f" ({', '.join(item.name for item in items)})" if items else ""
        warnings.append(document.error(
            ("questions",),
            f"objective {number} ('{text}') is checked by {len(items)} question{'s' if len(items) != 1 else ''}{which}; "
            f"every objective needs at least {OBJECTIVE_ITEMS_MIN} (set `objective: {number}` on the items that check it)",
            key=True,
        ))
    return warnings


def _feedback_on_wrong_choices(item: Item) -> list[ContentError]:
    """A failed attempt shows why the picked choice was wrong: every wrong choice needs feedback."""
    return [
        item.error("a wrong choice without feedback; add `feedback:` saying why a learner who picks it is wrong", "choices", number)
        for number, choice in enumerate(item.question.choices)
        if not choice.correct and not choice.feedback
    ]


# --- Near-duplicate stems -----------------------------------------------------------------------


def stem_words(question: schema.Question) -> frozenset[str]:
    """The content words of an item's stem (its scenario and prompt), lower-cased."""
    text = f"{question.scenario or ''} {question.prompt}".lower()
    return frozenset(word for word in _WORD.findall(text) if word not in _STOPWORDS)


def similar_pairs(sets: list[frozenset[str]], threshold: float) -> list[tuple[int, int, float]]:
    """Pairs (i < j) of sets whose Jaccard similarity is at least `threshold`.

    A prefix-filtered set-similarity join (Chaudhuri et al. 2006; Bayardo et al. 2007): with words
    ordered rarest first, two sets that similar must share a word among the first
    |x| - ceil(t|x|) + 1 of each, so only sets sharing a rare word are ever compared. Exact (no pair
    is missed) and, for text, close to linear, where comparing every pair grows with the square.
    """
    frequency = Counter(word for words in sets for word in words)
    index: dict[str, list[int]] = defaultdict(list)
    pairs = []
    for number, words in enumerate(sets):
        if not words:
            continue
        ordered = sorted(words, key=lambda word: (frequency[word], word))
        prefix = len(ordered) - math.ceil(threshold * len(ordered) - 1e-9) + 1
        candidates: set[int] = set()
        for word in ordered[:prefix]:
            candidates.update(index[word])
            index[word].append(number)
        for other in sorted(candidates):
            others = sets[other]
            if len(others) < threshold * len(words) or len(words) < threshold * len(others):
                continue  # sizes alone rule it out: the overlap is at most the smaller set
            shared = len(words & others)
            similarity = shared / (len(words) + len(others) - shared)
            if similarity >= threshold:
                pairs.append((other, number, similarity))
    return pairs


def _near_duplicate_stems(items: list[Item]) -> list[ContentError]:
    """Stems that share most of their words, within a quiz (main or review) or across quizzes:
    a review item that re-asks a main item tests memory of the key, not understanding."""
    stems = [(item, stem_words(item.question)) for item in items]
    comparable = [item for item, words in stems if len(words) >= STEM_WORDS_MIN]
    sets = [words for _, words in stems if len(words) >= STEM_WORDS_MIN]
    warnings = []
    for first, second, similarity in similar_pairs(sets, STEM_SIMILARITY_MIN):
        earlier, later = comparable[first], comparable[second]
        where = earlier.name if earlier.module == later.module else f"{earlier.document.path} {earlier.name}"
        warnings.append(later.error(
            f"the stem is a near duplicate of {where} '{earlier.question.id}' ({round(100 * similarity)}% of their words in common); "
            "ask about something else, or set the situation somewhere else"
        ))
    return warnings


# --- A learner who answers by cues alone ----------------------------------------------------------


def _by_length(lengths: list[int], *, longest_first: bool) -> list[int]:
    """Choice numbers ordered by length; equal lengths keep the order as written."""
    return sorted(range(len(lengths)), key=lambda number: -lengths[number] if longest_first else lengths[number])


ONE_ANSWER_RULES: dict[str, Callable[[list[int]], int]] = {
    "the longest choice": lambda lengths: _by_length(lengths, longest_first=True)[0],
    "the second-longest choice": lambda lengths: _by_length(lengths, longest_first=True)[1],
    "the second-shortest choice": lambda lengths: _by_length(lengths, longest_first=False)[1],
    "the shortest choice": lambda lengths: _by_length(lengths, longest_first=False)[0],
    "the first choice": lambda lengths: 0,
    "the last choice": lambda lengths: len(lengths) - 1,
}
CONVERGENT_RULE = "the choice most like the others"
TRUE_FALSE_RULES = ("true", "false")


def many_answer_rules(lengths: list[int]) -> dict[str, set[int]]:
    """Mechanical picks on a multiple-answer item: every option, or the k longest, shortest, first or last."""
    count = len(lengths)
    longest, shortest = _by_length(lengths, longest_first=True), _by_length(lengths, longest_first=False)
    rules = {"every option": set(range(count))}
    for k in range(1, count):
        rules[f"the {k} longest options"] = set(longest[:k])
        rules[f"the {k} shortest options"] = set(shortest[:k])
        rules[f"the first {k} options"] = set(range(k))
        rules[f"the last {k} options"] = set(range(count - k, count))
    return rules


@dataclass(frozen=True)
class CueScore:
    """The best a learner who reads no question can do on one quiz, and the rules that get it."""

    right: int
    total: int
    one_answer_rule: str
    true_false_rule: str
    many_answer_rule: str

    @property
    def percent(self) -> int:
        # As the quiz page rounds it (Math.round, which rounds halves up).
        return math.floor(100 * self.right / self.total + 0.5) if self.total else 0

    def describe(self, kinds: set[Kind]) -> str:
        parts = []
        if kinds & set(ONE_ANSWER):
            parts.append(self.one_answer_rule)
        if Kind.true_false in kinds:
            parts.append(f'"{self.true_false_rule}" on every true-false item')
        if Kind.multiple in kinds:
            parts.append(f"{self.many_answer_rule} on multiple-answer items")
        return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def best_cue_score(questions: Iterable[schema.Question]) -> CueScore:
    """The best score over every combination of one rule per kind of item (a learner keeps to one
    rule per kind through a quiz; the rules per kind are independent, so each kind's best adds up)."""
    questions = list(questions)
    one_answer = [question for question in questions if question.kind in ONE_ANSWER]
    true_false = [question for question in questions if question.kind is Kind.true_false]
    many = [question for question in questions if question.kind is Kind.multiple]

    def key(question: schema.Question) -> set[int]:
        return {number for number, choice in enumerate(question.choices) if choice.correct}

    def best(scores: Counter[str], names: Iterable[str]) -> tuple[str, int]:
        names = list(names)
        name = max(names, key=lambda name: scores[name]) if names else ""
        return name, scores[name] if names else 0

    one_scores: Counter[str] = Counter()
    for question in one_answer:
        lengths = [text_length(choice.text) for choice in question.choices]
        for name, rule in ONE_ANSWER_RULES.items():
            one_scores[name] += {rule(lengths)} == key(question)
    tf_scores: Counter[str] = Counter()
    for question in true_false:
        true = true_choice(question)
        tf_scores["true"] += {true} == key(question)
        tf_scores["false"] += {1 - true} == key(question)
    many_scores: Counter[str] = Counter()
    many_names: list[str] = []
    for question in many:
        for name, picked in many_answer_rules([text_length(choice.text) for choice in question.choices]).items():
            many_scores[name] += picked == key(question)
            if name not in many_names:
                many_names.append(name)
    for question in one_answer:
        one_scores[CONVERGENT_RULE] += {min(convergent_choices(question))} == key(question)
    one_rule, one_right = best(one_scores, [*ONE_ANSWER_RULES, CONVERGENT_RULE])
    tf_rule, tf_right = best(tf_scores, TRUE_FALSE_RULES)
    many_rule, many_right = best(many_scores, many_names)
    return CueScore(one_right + tf_right + many_right, len(questions), one_rule, tf_rule, many_rule)


def _cue_only_learner(document: Document, quiz: schema.Quiz) -> list[ContentError]:
    score = best_cue_score(quiz.questions)
    if score.percent < quiz.pass_mark:
        return []
    kinds = {question.kind for question in quiz.questions}
    message = (
        f"passed on cues alone: picking {score.describe(kinds)}, without reading a question, scores "
        f"{score.right} of {score.total} ({score.percent}%; pass mark {quiz.pass_mark}%); vary which choice is correct by length and position"
    )
    return [document.error(("questions",), message, key=True)]


