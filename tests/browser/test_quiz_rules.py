"""The answering rules of issue 12, point 1, in Chromium: Enter never grades, blank questions are
confirmed, what a failed try reveals (and what only a pass or a second failed try reveals), retries that
keep right answers, and choices shuffled on every try with ids that never change. Scores are worked
out from the page (the number of questions and the pass mark), so the tests survive a rebuilt quiz."""

from __future__ import annotations

import json
import math

import yaml

from tests.browser.quiz_steps import (
    KEY, MODULE, SEEDED_RANDOM, answer_right, answer_wrong, check, check_anyway, is_focused, open_module, order, questions,
)
from tests.conftest import REPO, Site


def stored(page) -> dict | None:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw else None


def answer(quiz, wrong: int, blank: int = 0) -> dict[str, str]:
    """The first `wrong` questions wrong, the next `blank` left blank, the rest right; returns the wrong picks."""
    picks = {}
    for number, question in enumerate(questions(quiz)):
        if number < wrong:
            picks[question.get_attribute("data-question")] = answer_wrong(question)
        elif number >= wrong + blank:
            answer_right(question)
    return picks


def percent(right: int, total: int) -> int:
    return math.floor(100 * right / total + 0.5)  # JavaScript's Math.round, not Python's round-half-even


def result(quiz, right: int) -> str:
    """The score line for `right` answers, as the learner should read it."""
    total, mark = len(questions(quiz)), int(quiz.get_attribute("data-pass-mark"))
    score = percent(right, total)
    return f"{'✓ Passed' if score >= mark else '✗ Not passed yet'}: {right} of {total} right ({score}%; pass mark {mark}%)."


def failing(quiz) -> int:
    """The fewest wrong answers that fail this quiz (at least two, for the second-try tests)."""
    total, mark = len(questions(quiz)), int(quiz.get_attribute("data-pass-mark"))
    wrong = next(k for k in range(1, total + 1) if percent(total - k, total) < mark)
    assert 2 <= wrong < total - 2, "the quiz is too short or its pass mark too low for these tests"
    return wrong


def passing(quiz) -> int:
    """The most wrong answers that still pass this quiz (at least one)."""
    total, mark = len(questions(quiz)), int(quiz.get_attribute("data-pass-mark"))
    wrong = max(k for k in range(total) if percent(total - k, total) >= mark)
    assert wrong >= 1, "the pass mark leaves no room for a wrong answer"
    return wrong


def missed_line(count: int) -> str:
    return "Missed: " + ", ".join(f"Question {n}" for n in range(1, count + 1))


def shows_the_key(question) -> bool:
    """Whether a question shows which choice is right, or its explanation."""
    return question.locator(".fp-choice.fp-is-correct").count() > 0 or question.locator(".fp-explanation").is_visible()


def test_enter_on_a_choice_never_grades(page, site: Site) -> None:
    quiz = open_module(page, site)
    first = quiz.locator(".fp-question").first.locator("input").first
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    assert first.is_checked()
    assert quiz.locator(".fp-score").is_hidden() and quiz.locator(".fp-confirm").is_hidden()
    assert quiz.locator(".fp-verdict:visible").count() == 0
    assert stored(page) is None, "no attempt was recorded"
    assert page.url == f"{site.url}modules/{MODULE}/"
    assert not first.is_disabled(), "the learner can still change the answer"


def test_checking_with_blank_questions_asks_first_and_never_shows_their_answers(page, site: Site) -> None:
    quiz = open_module(page, site)
    answer(quiz, wrong=1, blank=3)
    check(quiz)
    confirm = quiz.get_by_role("group", name="3 questions are not answered: Question 2, Question 3, Question 4.")
    assert confirm.is_visible()
    assert is_focused(confirm.locator(".fp-confirm-text")), "the question is read out"
    assert quiz.locator(".fp-score").is_hidden() and stored(page) is None
    assert quiz.get_by_role("button", name="Check answers").is_hidden()

    quiz.get_by_role("button", name="Keep answering").click()
    assert confirm.is_hidden()
    assert is_focused(questions(quiz)[1].locator("input").first), "back to the first blank question"
    answer_right(questions(quiz)[1])

    check(quiz)
    assert quiz.locator(".fp-confirm-text").inner_text() == "2 questions are not answered: Question 3, Question 4."
    quiz.get_by_role("button", name="Check anyway").click()
    right = len(questions(quiz)) - 3
    assert quiz.locator(".fp-score-line").inner_text() == result(quiz, right)
    assert stored(page)["best"] == percent(right, len(questions(quiz)))
    for question in questions(quiz)[2:4]:
        assert question.locator(".fp-verdict").inner_text() == "✗ Not answered"
        assert not shows_the_key(question)
        assert question.locator(".fp-choice-mark:visible, .fp-choice-feedback:visible").count() == 0


def test_a_failed_try_says_why_the_pick_is_wrong_but_not_which_is_right(page, site: Site) -> None:
    quiz = open_module(page, site)
    wrong = failing(quiz)
    picks = answer(quiz, wrong=wrong)
    check(quiz)
    score = quiz.locator(".fp-score")
    assert quiz.locator(".fp-score-line").inner_text() == result(quiz, len(questions(quiz)) - wrong)
    assert is_focused(score)
    assert score.bounding_box()["y"] < quiz.get_by_role("button", name="Try again").bounding_box()["y"]
    for question in questions(quiz)[:wrong]:
        pick = question.locator(f'.fp-choice[data-choice="{picks[question.get_attribute("data-question")]}"]')
        assert question.locator(".fp-verdict").inner_text() == "✗ Not quite"
        assert "✗ Your answer, not right" in pick.inner_text()
        assert pick.locator(".fp-choice-feedback").is_visible()
        assert not shows_the_key(question)
        assert "Correct answer" not in question.inner_text()
    for question in questions(quiz)[wrong:]:
        assert question.locator(".fp-verdict").inner_text() == "✓ Correct"
        assert question.locator(".fp-explanation").is_visible()

    links = quiz.locator(".fp-missed")
    assert links.inner_text() == missed_line(wrong)
    links.get_by_role("link", name="Question 2").click()
    target = questions(quiz)[1]
    assert is_focused(target), "the link takes focus to the missed question"
    top = target.bounding_box()["y"]
    assert 0 <= top < 300, f"the missed question is in view below the header (top at {top}px)"


def test_a_second_failed_try_shows_the_right_answers_of_what_was_answered(page, site: Site) -> None:
    quiz = open_module(page, site)
    wrong = failing(quiz)
    answer(quiz, wrong=wrong)
    check(quiz)
    quiz.get_by_role("button", name="Try again").click()
    *again, blank = questions(quiz)[:wrong]
    for question in again:
        answer_wrong(question)  # and the last of them is left blank this time
    check_anyway(quiz)
    assert quiz.locator(".fp-score-line").inner_text() == result(quiz, len(questions(quiz)) - wrong)
    for question in again:
        assert question.locator(".fp-choice.fp-is-correct").count() >= 1
        assert "✓ Correct answer" in question.locator(".fp-choice[data-correct]").first.inner_text()
        assert question.locator(".fp-explanation").is_visible()
    assert blank.locator(".fp-verdict").inner_text() == "✗ Not answered"
    assert not shows_the_key(blank), "a blank question never shows its answer"


def test_a_pass_shows_the_right_answers_of_the_missed_questions(page, site: Site) -> None:
    quiz = open_module(page, site)
    wrong = passing(quiz)
    answer(quiz, wrong=wrong)
    check(quiz)
    assert quiz.locator(".fp-score-line").inner_text() == result(quiz, len(questions(quiz)) - wrong)
    for question in questions(quiz)[:wrong]:
        assert "✗ Your answer, not right" in question.inner_text()
        assert "✓ Correct answer" in question.locator(".fp-choice[data-correct]").first.inner_text()
        assert question.locator(".fp-explanation").is_visible()
    assert quiz.locator(".fp-missed").inner_text() == missed_line(wrong)


def test_try_again_keeps_right_answers_and_shows_the_rest_in_a_new_order(page, site: Site) -> None:
    quiz = open_module(page, site)
    wrong = failing(quiz)
    answer(quiz, wrong=wrong)
    check(quiz)
    before = order(quiz)
    quiz.get_by_role("button", name="Try again").click()
    after = order(quiz)
    assert is_focused(questions(quiz)[0].locator("input").first), "focus on the first question to answer again"
    assert "Your right answers are kept" in quiz.locator(".fp-score").inner_text()
    for number, question in enumerate(questions(quiz)):
        qid = question.get_attribute("data-question")
        assert sorted(after[qid]) == sorted(before[qid]), "the same choices, the same ids"
        if number < wrong:
            assert question.locator("input:checked").count() == 0 and not question.locator("input").first.is_disabled()
            assert after[qid] != before[qid], f"{qid}: the choices come in a new order"
            assert question.locator(".fp-verdict, .fp-explanation, .fp-choice-feedback").evaluate_all("els => els.every(e => e.hidden)")
        else:
            assert after[qid] == before[qid]
            assert question.locator(".fp-choice[data-correct] input").evaluate_all("els => els.every(e => e.checked && e.matches(':disabled'))")
            assert question.locator(".fp-verdict").inner_text() == "✓ Correct, kept from your last try"
    for question in questions(quiz)[:wrong]:
        answer_right(question)
    check(quiz)
    assert quiz.locator(".fp-score-line").inner_text() == result(quiz, len(questions(quiz)))
    assert stored(page)["best"] == 100 and stored(page)["passed"] is True


def test_choices_are_shuffled_from_the_first_try_and_ids_never_change(context, site: Site) -> None:
    context.add_init_script(SEEDED_RANDOM)
    page = context.new_page()
    quiz = open_module(page, site)
    authored = {q["id"]: [str(c["id"]).lower() for c in q["choices"]]
                for q in yaml.safe_load((REPO / f"quizzes/{MODULE}.yml").read_text(encoding="utf-8"))["questions"]}
    shown = order(quiz)
    assert {qid: sorted(ids) for qid, ids in shown.items()} == {qid: sorted(ids) for qid, ids in authored.items()}
    moved = [qid for qid, ids in shown.items() if ids != authored[qid]]
    assert len(moved) >= 5, f"only {moved} are shuffled"
    for question in questions(quiz):
        if question.get_attribute("data-kind") == "true-false":
            assert shown[question.get_attribute("data-question")] == ["true", "false"], "true or false keeps its order"
        for choice in question.locator(".fp-choice").all():
            assert choice.locator("input").get_attribute("value") == choice.get_attribute("data-choice")
            assert choice.get_attribute("data-choice") in choice.locator("input").get_attribute("id")


def test_a_full_storage_is_reported_and_nothing_claims_to_be_saved(context, site: Site) -> None:
    # Fill this origin's localStorage to the last byte before the page's scripts run.
    context.add_init_script("""if (location.protocol === 'http:' && !localStorage.getItem('fill-0')) {
      let size = 1 << 20, n = 0;
      while (size >= 1) { try { localStorage.setItem('fill-' + n++, 'x'.repeat(size)); } catch (e) { size = size >> 1; } }
    }""")
    page = context.new_page()
    quiz = open_module(page, site)
    answer(quiz, wrong=0)
    check(quiz)
    warning = quiz.locator(".fp-save-warning")
    assert warning.is_visible()
    assert "Your result could not be saved in this browser (storage is full or blocked)" in warning.inner_text()
    assert quiz.locator(".fp-score-line").inner_text() == result(quiz, len(questions(quiz)))
    assert stored(page) is None
    visible = quiz.evaluate("el => el.innerText")
    assert visible.replace("could not be saved", "").lower().count("saved") == 0, "nothing says saved"
    assert quiz.locator("[data-quiz-status]").is_hidden(), "nothing stored, so no status line"
    assert quiz.locator(".fp-score-stats").is_hidden(), "no record to quote"


def test_the_result_line_quotes_the_stored_record(context, site: Site) -> None:
    """progress.js on journeys-core keeps `first` and `attempts`; the line quotes them when present."""
    page = context.new_page()
    quiz = open_module(page, site)
    wrong = failing(quiz)
    first = percent(len(questions(quiz)) - wrong, len(questions(quiz)))
    answer(quiz, wrong=wrong)
    check(quiz)
    stats = quiz.locator(".fp-score-stats").inner_text()
    record = stored(page)
    assert f"best score {first}%" in stats
    if "first" in record:
        assert f"first attempt {first}%" in stats and "1 attempt" in stats
    quiz.get_by_role("button", name="Try again").click()
    for question in questions(quiz)[:wrong]:
        answer_right(question)
    check(quiz)
    stats = quiz.locator(".fp-score-stats").inner_text()
    assert "best score 100%" in stats
    if "first" in stored(page):
        assert f"first attempt {first}%" in stats and "2 attempts" in stats


def test_after_a_pass_the_next_module_is_one_click_away(page, site: Site) -> None:
    quiz = open_module(page, site)
    answer(quiz, wrong=0)
    check(quiz)
    next_step = quiz.locator(".fp-next")
    assert next_step.inner_text().startswith("Passed. Next ")
    link = next_step.get_by_role("link").first
    page.evaluate("window.__sameDocument = true")
    link.click()
    page.wait_for_url("**/modules/coaching-rhythm/")
    assert page.evaluate("window.__sameDocument === true")
    open_again = page.locator('[data-quiz="coaching-rhythm"][data-bound]')
    open_again.wait_for()


def test_next_step_in_a_path_names_the_due_date_and_links_back_to_the_assignments(context, site: Site) -> None:
    """The shape FP.nextStep (core.js, journeys-core) returns; kept here even where core.js sets its own."""
    context.add_init_script("""window.FP = window.FP || {};
      const step = () => ({title: 'Coaching rhythm', url: '../coaching-rhythm/', due: '2026-12-15', pathTitle: 'New manager'});
      Object.defineProperty(window.FP, 'nextStep', {get: () => step, set: () => {}, configurable: true});
      Object.defineProperty(window.FP, 'assignedUrl', {get: () => '../../assigned/', set: () => {}, configurable: true});""")
    page = context.new_page()
    quiz = open_module(page, site)
    answer(quiz, wrong=0)
    check(quiz)
    next_step = quiz.locator(".fp-next")
    assert next_step.inner_text() == "Passed. Next in your path: Coaching rhythm, due 15 Dec 2026 · Back to my assignments"
    assert next_step.get_by_role("link", name="Coaching rhythm").get_attribute("href") == "../coaching-rhythm/"
    assert next_step.get_by_role("link", name="Back to my assignments").get_attribute("href").endswith("assigned/")
