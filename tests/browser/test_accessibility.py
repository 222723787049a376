"""axe-core (bundled in axe-playwright-python, no network) on whole pages, light and dark."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import Site

AXE = Axe()
BLOCKING = {"serious", "critical"}


def blocking_violations(page) -> list[str]:
    results = AXE.run(page)
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] in BLOCKING:
            targets = [" ".join(node["target"]) for node in violation["nodes"]][:5]
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_module_page_before_and_after_checking_answers(browser, site: Site, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{site.url}modules/coaching/")
        page.wait_for_selector("[data-quiz][data-bound]")
        assert blocking_violations(page) == []
        quiz = page.locator("[data-quiz]")
        quiz.locator(".fp-choice:not([data-correct]) input").first.check()
        quiz.get_by_role("button", name="Check answers").click()
        quiz.get_by_role("button", name="Check anyway").click()  # the other questions are blank
        assert blocking_violations(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("path", ["", "overview/", "progress/", "glossary/", "start-here/", "tags/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_other_pages(browser, site: Site, path: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{site.url}{path}")
        assert blocking_violations(page) == []
    finally:
        context.close()
