"""Self-check quizzes in a real Chromium: feedback, scoring, saved results, keyboard, instant navigation."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Site

from tests.browser.quiz_steps import KEY, MODULE, answer_all_correctly, bound_quiz, check, is_focused, open_module


def test_all_right_passes_and_the_result_survives_a_reload(page, site: Site) -> None:
    quiz = open_module(page, site)
    answer_all_correctly(quiz)
    check(quiz)
    assert quiz.locator(".fp-score-line").inner_text().startswith("✓ Passed:")
    assert quiz.locator(".fp-verdict.fp-wrong").count() == 0

    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["best"] == 100 and saved["passed"] is True and saved["quizVersion"] == quiz.get_attribute("data-quiz-version")

    page.reload()
    quiz = open_module(page, site)
    status = quiz.locator("[data-quiz-status]").inner_text()
    assert status.startswith("✓ Passed on ") and "best score 100%" in status
    assert page.locator(f'.fp-meta [data-module-status="{MODULE}"]').inner_text() == "✓ Completed"


def test_start_again_after_a_pass_clears_every_answer(page, site: Site) -> None:
    quiz = open_module(page, site)
    answer_all_correctly(quiz)
    check(quiz)
    assert quiz.get_by_role("button", name="Try again").count() == 0
    quiz.get_by_role("button", name="Start again").click()
    assert quiz.locator("input:checked").count() == 0
    assert quiz.locator(".fp-explanation:visible, .fp-verdict:visible, .fp-choice-feedback:visible, .fp-score:visible").count() == 0
    assert is_focused(quiz.locator("input").first)


def test_quiz_works_after_instant_navigation_away_and_back(page, site: Site) -> None:
    open_module(page, site)
    page.evaluate("window.__sameDocument = true")
    # Material's instant navigation swaps pages without reloading: the marker survives only then.
    page.locator("article").get_by_role("link", name="Coaching rhythm").first.click()
    page.wait_for_url("**/modules/coaching-rhythm/")
    page.go_back()
    page.wait_for_url(f"**/modules/{MODULE}/")
    quiz = bound_quiz(page)
    assert page.evaluate("window.__sameDocument === true"), "instant navigation was not active"
    answer_all_correctly(quiz)
    check(quiz)
    assert quiz.locator(".fp-score-line").inner_text().startswith("✓ Passed:")


def test_quiz_works_on_a_module_reached_by_clicking_from_another_page(page, site: Site) -> None:
    page.goto(f"{site.url}overview/")
    page.evaluate("window.__sameDocument = true")
    page.locator("article").get_by_role("link", name="Coaching: building skill without taking over").click()
    page.wait_for_url(f"**/modules/{MODULE}/")
    quiz = bound_quiz(page)
    assert page.evaluate("window.__sameDocument === true"), "instant navigation was not active"
    assert quiz.locator(".fp-quiz-nojs").is_hidden()
    assert quiz.get_by_role("button", name="Check answers").is_visible()
    answer_all_correctly(quiz)
    check(quiz)
    assert quiz.locator(".fp-score-line").inner_text().startswith("✓ Passed:")
    assert quiz.get_attribute("data-bound") == "1"
    assert quiz.locator(".fp-score").count() == 1, "bound once: one result, one set of buttons"


def test_keyboard_only_completion(page, site: Site) -> None:
    quiz = open_module(page, site)
    quiz.locator("input").first.focus()
    for question in quiz.locator(".fp-question").all():
        choices = question.locator(".fp-choice").all()
        if question.get_attribute("data-kind") == "multiple":
            for choice in choices:
                if choice.get_attribute("data-correct") is not None:
                    page.keyboard.press("Space")
                page.keyboard.press("Tab")
        else:
            target = next(number for number, choice in enumerate(choices) if choice.get_attribute("data-correct") is not None)
            page.keyboard.press("Space")
            for _ in range(target):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check answers"
    page.keyboard.press("Enter")
    score = quiz.locator(".fp-score")
    assert score.inner_text().startswith("✓ Passed:")
    assert is_focused(score), "focus moves to the result so it is read out"
    assert score.get_attribute("aria-live") == "polite" and score.get_attribute("role") == "status"
    button = quiz.get_by_role("button", name="Start again").bounding_box()
    assert score.bounding_box()["y"] < button["y"], "the result is above the button, not below it"


def test_corrupt_or_foreign_storage_is_ignored(context, site: Site) -> None:
    context.add_init_script(
        f"""if (location.protocol === 'http:') {{ localStorage.setItem('{KEY}', '{{not json');
        localStorage.setItem('frontline:v1:quiz:hiring', JSON.stringify({{best: 'lots', passed: 'yes'}}));
        localStorage.setItem('frontline:v1:quiz:onboarding', '42'); }}"""
    )
    page = context.new_page()
    quiz = open_module(page, site)
    assert quiz.locator("[data-quiz-status]").is_hidden(), "nothing usable stored: no status line"
    answer_all_correctly(quiz)
    check(quiz)
    assert quiz.locator(".fp-score-line").inner_text().startswith("✓ Passed:")


def test_result_of_an_older_quiz_version_is_kept_and_marked(context, site: Site) -> None:
    old = {"quizVersion": "0000000000", "moduleVersion": "0.9", "best": 90, "last": 90, "passed": True,
           "date": "2026-01-05T10:00:00.000Z", "passedOn": "2026-01-05T10:00:00.000Z"}
    context.add_init_script(f"if (location.protocol === 'http:') localStorage.setItem('{KEY}', {json.dumps(json.dumps(old))})")
    page = context.new_page()
    quiz = open_module(page, site)
    status = quiz.locator("[data-quiz-status]").inner_text()
    assert "Passed on" in status and "2026" in status and "earlier version of this quiz" in status


def test_cards_and_progress_page_show_completion_and_reset(page, site: Site) -> None:
    quiz = open_module(page, site)
    answer_all_correctly(quiz)
    check(quiz)
    page.goto(f"{site.url}overview/")
    assert page.locator(f'.fp-cards [data-module-status="{MODULE}"]').inner_text() == "✓ Completed"
    assert page.locator('.fp-cards [data-module-status="hiring"]').inner_text() == ""

    page.goto(f"{site.url}progress/")
    row = page.locator(f'[data-module-status="{MODULE}"]')
    assert row.inner_text().startswith("✓ Passed on")
    assert page.locator('[data-module-status="hiring"]').inner_text() == "Not started"
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset my progress").click()
    assert row.inner_text().startswith("✓ Passed on"), "cancelling keeps the results"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset my progress").click()
    assert row.inner_text() == "Not started"
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None


def test_without_javascript_a_notice_no_check_button_and_every_answer_can_be_revealed(browser, site: Site) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site.url}modules/{MODULE}/")
        quiz = page.locator(f'[data-quiz="{MODULE}"]')
        notice = quiz.locator(".fp-quiz-nojs")
        assert notice.is_visible() and "needs JavaScript" in notice.inner_text()
        assert "saved" not in quiz.locator(".fp-quiz-intro").inner_text()
        assert quiz.get_by_role("button").count() == 0, "no button that does nothing or reloads the page"
        assert quiz.locator("form").count() == 0
        question = page.locator(".fp-question").first
        assert question.locator("legend").is_visible()
        question.locator("input").first.check()
        page.keyboard.press("Enter")
        assert page.url == f"{site.url}modules/{MODULE}/", "nothing was submitted"
        answer = question.locator("details.fp-answer")
        assert answer.locator("summary").inner_text() == "Show answer"
        assert not answer.locator(".fp-answer-correct").is_visible()
        answer.locator("summary").click()
        assert answer.locator(".fp-answer-correct").is_visible()
        assert question.locator(".fp-choice[data-correct] label").inner_text() in answer.inner_text()
    finally:
        context.close()


def test_printed_module_leaves_out_the_quiz(page, site: Site) -> None:
    """A printed module is a handout (issue 10, point 7): the self-check and its answer key stay on screen."""
    quiz = open_module(page, site)
    page.emulate_media(media="print")
    assert quiz.is_hidden()
    assert page.locator("#check-yourself").is_hidden()
    assert page.locator("article .admonition", has_text="After this module you will be able to").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_width_has_no_sideways_scroll(browser, site: Site, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, color_scheme=scheme)
    try:
        page = context.new_page()
        quiz = open_module(page, site)
        answer_all_correctly(quiz)
        check(quiz)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()
