"""One quiz and one assignment, moved through by clicking, on the site each generator builds."""

from __future__ import annotations

from tests.browser.conftest import new_context
from tests.browser.quiz_steps import answer_all_correctly, bound_quiz, check
from tests.browser.test_assignments import make_assignment
from tests.conftest import Site


def pass_quiz_on_this_page(page, module: str) -> None:
    quiz = bound_quiz(page, module)
    answer_all_correctly(quiz)
    check(quiz)
    assert quiz.locator(".fp-score").inner_text().startswith("✓ Passed:")


def test_a_quiz_passed_shows_on_the_course_overview(page, built_site: Site) -> None:
    page.goto(f"{built_site.url}overview/")  # the home page hides the navigation; start one page on
    page.locator(".md-content").get_by_role("link", name="Coaching: building skill without taking over").first.click()
    page.wait_for_url("**/modules/coaching/")
    pass_quiz_on_this_page(page, "coaching")
    page.locator(".md-sidebar--primary").get_by_role("link", name="Course overview", exact=True).click()
    page.wait_for_url("**/overview/")
    status = page.locator('.fp-cards [data-module-status="coaching"]')
    status.filter(has_text="Completed").wait_for()
    assert status.inner_text() == "✓ Completed"


def test_an_assignment_opened_from_its_link_counts_a_passed_module(browser, page, built_site: Site) -> None:
    link = make_assignment(page, built_site, "Dana Whitfield")
    assert link.startswith(f"{built_site.url}assigned/#assignment=")

    other = new_context(browser)  # the manager's own browser, on the frozen day, opening the link from an email
    try:
        manager = other.new_page()
        manager.goto(link)
        view = manager.locator("[data-assigned-view] .fp-assignment")
        view.wait_for()
        welcome = manager.locator(".fp-welcome").inner_text()
        assert "Welcome, Dana Whitfield" in welcome and "Coaching intensive" in welcome and "0 of 4 passed" in view.inner_text()
        view.get_by_role("link", name="Coaching: building skill without taking over").click()
        manager.wait_for_url("**/modules/coaching/")
        pass_quiz_on_this_page(manager, "coaching")
        # the header's "My progress" button: Material's partial override, and Zensical's (overrides/zensical/)
        manager.locator("header.md-header").get_by_role("link", name="My progress", exact=True).click()
        manager.wait_for_url("**/progress/")
        saved = manager.locator("[data-assignment-list] .fp-assignment")
        saved.wait_for()
        assert "1 of 4 passed" in saved.inner_text()
    finally:
        other.close()
