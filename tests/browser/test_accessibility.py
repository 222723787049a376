"""axe-core (bundled in axe-playwright-python, no network) on whole pages, light and dark; content pages
and the search dialog also at 375 px, where every violation of any impact counts."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.catalog import load_catalog
from tests.conftest import REPO, Site

AXE = Axe()
BLOCKING = {"serious", "critical"}


def settled(page) -> None:
    """Wait until no CSS transition or animation runs: axe reads colours, and a link half-way through
    Material's 125 ms colour fade (or the palette switching to dark) is not the colour people read."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def blocking_violations(page) -> list[str]:
    settled(page)
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_buttons_keep_their_contrast_under_the_pointer_and_the_keyboard(browser, site: Site, scheme: str) -> None:
    """A secondary button ("Print this checklist", "Keep answering", "Try again") fills with dark
    indigo when hovered or focused: its text must turn white with it, in the dark scheme too (it
    stayed link-blue there, 2.6:1)."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{site.url}modules/coaching/")
        page.wait_for_selector("[data-quiz][data-bound]")
        quiz = page.locator("[data-quiz]")
        quiz.locator(".fp-choice:not([data-correct]) input").first.check()
        quiz.get_by_role("button", name="Check answers").click()
        buttons = [page.locator("article").get_by_role("button", name="Print this checklist"), quiz.get_by_role("button", name="Keep answering")]
        for button in buttons:
            button.hover()
            assert contrast_problems(page, button) == [], f"{button}: hovered"
            page.mouse.move(0, 0)
            button.focus()
            assert contrast_problems(page, button) == [], f"{button}: focused"
        quiz.get_by_role("button", name="Check anyway").click()
        retry = quiz.get_by_role("button", name="Try again")
        retry.focus()
        assert contrast_problems(page, retry) == [], "Try again: focused"
    finally:
        context.close()


def contrast_problems(page, button) -> list[str]:
    """axe's colour-contrast check of one button as it is drawn now (hover or focus on it)."""
    settled(page)
    selector = button.evaluate("e => { e.setAttribute('data-contrast-check', ''); return '[data-contrast-check]'; }")
    try:
        results = AXE.run(page, context=selector, options={"runOnly": ["color-contrast"]})
    finally:
        button.evaluate("e => e.removeAttribute('data-contrast-check')")
    return [f"{v['id']}: {v['nodes'][0]['any'][0]['message']}" for v in results.response["violations"]]


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


# --- Every violation, of any impact, on the pages a learner reads -------------------------------

CATALOG, _ = load_catalog(REPO)
CONTENT_PAGES = ["", "overview/", "paths/", "glossary/", "start-here/"] + [f"paths/{p}/" for p in (CATALOG.paths if CATALOG else [])] + [
    f"modules/{m}/" for m in (CATALOG.modules if CATALOG else [])
]


def all_violations(page) -> list[str]:
    settled(page)
    results = AXE.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {[' '.join(node['target']) for node in violation['nodes']][:4]}"
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("width", [1366, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_content_pages_have_no_violation_of_any_impact(browser, site: Site, scheme: str, width: int) -> None:
    """Home, overview, paths, glossary and every module; at 375 px wide tables scroll in named regions."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        found = {}
        for path in CONTENT_PAGES:
            page.goto(f"{site.url}{path}")
            page.wait_for_timeout(100)
            violations = all_violations(page)
            if violations:
                found[path] = violations
        assert found == {}
    finally:
        context.close()


@pytest.mark.parametrize("width", [1366, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_dialog_with_results_has_no_violation(browser, site: Site, scheme: str, width: int) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{site.url}modules/coaching/")
        page.locator("label.md-header__button[for='__search']").click() if width < 960 else page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("coaching plan", delay=20)
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item mark').length > 3")
        assert all_violations(page) == []
    finally:
        context.close()
