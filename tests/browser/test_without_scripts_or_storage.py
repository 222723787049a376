"""The states a page is in when something is missing (issue 10, "Tests that must exist"):
- JavaScript turned off: a module page (its quiz, its wide tables) and every app page are clean in
  axe, of any impact, light and dark, 1366 px and 375 px;
- storage blocked (a site-data setting: reading localStorage throws): a learner who moves by
  clicking is told, and nothing says "saved" or ticks what was not kept."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, new_context
from tests.browser.quiz_steps import answer_all_correctly, bound_quiz, check
from macros.catalog import load_catalog
from tests.conftest import REPO, Site

CATALOG, _ = load_catalog(REPO)

# Each app page and a module page (its quiz, and wide tables that must fit a phone), as someone
# without JavaScript reaches them.
APP_PAGES = {
    "module": ("modules/coaching/", None),
    "assign": ("assign/", None),
    "assigned": ("assigned/#assignment=eyJ2IjoxfQ", None),
    "progress": ("progress/", None),
    "team": ("team/", None),
}


def axe_without_javascript(page, context: str | None = None) -> list[str]:
    """axe-core on a page whose own scripts are off. Playwright still runs axe, but a page with
    scripting disabled never fires timers, and axe waits on setTimeout between its checks: for axe
    alone, those calls run as microtasks. The page's DOM is untouched."""
    page.evaluate("""() => {
        window.setTimeout = (fn, ms, ...args) => { Promise.resolve().then(() => fn(...args)); return 0; };
        window.clearTimeout = () => {};
    }""")
    return axe_violations(page, context)


@pytest.mark.parametrize("width", [1366, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_without_javascript_each_app_page_and_a_module_page_are_clean_in_axe(browser, site: Site, scheme: str, width: int) -> None:
    context = new_context(browser, java_script_enabled=False, color_scheme=scheme, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        found = {}
        for name, (path, region) in APP_PAGES.items():
            page.goto(f"{site.url}{path}")
            notice = page.locator(".fp-quiz-nojs" if name == "module" else "article .fp-notice")
            assert notice.is_visible() and "JavaScript" in notice.inner_text(), name
            violations = axe_without_javascript(page, region)
            if violations:
                found[name] = violations
        assert found == {}
    finally:
        context.close()


def test_without_javascript_every_module_page_fits_a_phone_and_is_clean_in_axe(browser, site: Site) -> None:
    """Wide tables fit instead of scrolling where nothing could make them focusable. (Without
    JavaScript Material keeps its light scheme, so one scheme covers both.)"""
    context = new_context(browser, java_script_enabled=False, viewport={"width": 375, "height": 900})
    try:
        page = context.new_page()
        found = {}
        for module in CATALOG.modules:
            page.goto(f"{site.url}modules/{module}/")
            overflow = page.evaluate("() => document.documentElement.scrollWidth > innerWidth")
            violations = axe_without_javascript(page) + (["the page scrolls sideways"] if overflow else [])
            if violations:
                found[module] = violations
        assert found == {}
    finally:
        context.close()


# Reading localStorage throws, as in a browser set to block sites' data. The error names the file
# that asked: Material's inline head script does not guard its read (upstream), ours must.
BLOCKED = """Object.defineProperty(window, "localStorage", { configurable: true, get() {
    const caller = (new Error().stack.split("\\n")[2] || "").match(/https?:[^\\s)]+/);
    throw new DOMException("storage blocked, read by " + (caller ? caller[0] : "an inline script"), "SecurityError");
} });"""
OURS = ("/assets/fp/", "/assets/quiz.js")


def test_blocked_storage_is_said_and_nothing_claims_to_be_kept(browser, console, site: Site) -> None:
    """From the home page by clicking: start the course, pass the module's quiz, open My progress."""
    context = new_context(browser, console)
    context.add_init_script(BLOCKED)
    try:
        page = context.new_page()
        page.goto(site.url)
        page.locator("article").get_by_role("link", name="Start the course").click()
        quiz = bound_quiz(page, "peer-to-boss")
        answer_all_correctly(quiz)
        check(quiz)
        expect(quiz.locator(".fp-score-line")).to_contain_text("Passed")
        warning = quiz.locator(".fp-save-warning")
        assert warning.is_visible() and "could not be saved in this browser" in warning.inner_text()
        assert quiz.locator(".fp-score-stats").is_hidden(), "no record to quote"
        assert quiz.locator("[data-quiz-status]").is_hidden(), "nothing stored, so no status line"
        assert page.locator(".md-nav .fp-nav-mark").count() == 0, "no tick for a pass that was not kept"
        page.locator("a.fp-header-progress").click()
        storage = page.locator(".fp-storage-warning")
        storage.wait_for()
        assert "not keeping anything for this site" in storage.inner_text()
        assert page.locator('[data-module-status="peer-to-boss"]').inner_text() == "Not started"
    finally:
        context.close()
    assert [e for e in console.errors if any(name in e for name in OURS) or "storage blocked" not in e] == []
