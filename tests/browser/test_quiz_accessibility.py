"""axe-core on every state of a self-check (before, confirm, failed, retried, failed twice, passed,
storage full), light and dark, desktop and phone: no violation of any impact inside the quiz."""

from __future__ import annotations

import pytest

from tests.browser.quiz_steps import answer_right, answer_wrong, check, check_anyway, open_module, questions
from tests.browser.test_accessibility import AXE
from tests.conftest import Site


def violations(page) -> list[str]:
    found = []
    for violation in AXE.run(page, context="[data-quiz]").response["violations"]:
        targets = [" ".join(node["target"]) for node in violation["nodes"]][:5]
        found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return found


@pytest.mark.parametrize("width", [1366, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_quiz_state_is_clean_in_axe(browser, site: Site, scheme: str, width: int) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        quiz = open_module(page, site)
        states = {"before": violations(page)}
        every = questions(quiz)
        for question in every[:3]:
            answer_wrong(question)
        for question in every[3:9]:
            answer_right(question)
        check(quiz)
        states["confirm"] = violations(page)
        quiz.get_by_role("button", name="Check anyway").click()
        states["failed"] = violations(page)
        quiz.locator(".fp-missed a").first.hover()
        states["failed, a missed link under the pointer"] = violations(page)
        quiz.get_by_role("button", name="Try again").click()
        states["retried"] = violations(page)
        for question in every[:3]:
            answer_wrong(question)
        check_anyway(quiz)
        states["failed twice"] = violations(page)
        quiz.get_by_role("button", name="Try again").click()
        for question in every:
            if question.locator("input:enabled").count():  # the others are kept from the first try
                answer_right(question)
        check(quiz)
        assert quiz.locator(".fp-next").is_visible()
        states["passed"] = violations(page)
        quiz.get_by_role("button", name="Start again").hover()
        states["passed, the button under the pointer"] = violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scroll"
        assert {state: found for state, found in states.items() if found} == {}
    finally:
        context.close()


def test_storage_warning_is_clean_in_axe(browser, site: Site) -> None:
    context = browser.new_context(color_scheme="dark", viewport={"width": 375, "height": 900})
    context.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    try:
        page = context.new_page()
        quiz = open_module(page, site)
        for question in questions(quiz):
            answer_right(question)
        check(quiz)
        assert quiz.locator(".fp-save-warning").is_visible()
        assert violations(page) == []
    finally:
        context.close()
