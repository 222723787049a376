"""Issue 13's blocks in the browser: accessible in both schemes, a decision a keyboard can open,
the folded answers on paper, and a rhythm table whose hours fit a phone."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import Site

AXE = Axe()


def violations(page) -> list[str]:
    found = []
    for violation in AXE.run(page).response["violations"]:
        targets = [" ".join(node["target"]) for node in violation["nodes"]][:5]
        found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("module_id", ["the-managers-job", "onboarding"])
def test_blocks_pass_axe_folded_and_open(browser, site: Site, module_id: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{site.url}modules/{module_id}/")
        # scoped to the course blocks: the rest of the page is covered by test_accessibility.py
        blocks = ".fp-tomorrow, .fp-decision, .fp-worked, .fp-rhythm, .fp-country-section, .fp-field-assignment"
        assert page.locator(blocks).count() >= (5 if module_id == "the-managers-job" else 1)
        def scoped() -> list[str]:
            results = AXE.run(page, context={"include": [[selector] for selector in blocks.split(", ") if page.locator(selector).count()]})
            return [f"{v['id']} ({v['impact']}): {v['help']}" for v in results.response["violations"]]
        assert scoped() == []
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert scoped() == []
    finally:
        context.close()


def test_reader_decides_first_then_opens_by_keyboard(browser, site: Site) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{site.url}modules/the-managers-job/")
        consequence = page.get_by_text("The 90-hour weeks go on.")
        worked = page.get_by_text("Name the pattern.")
        assert not consequence.is_visible() and not worked.is_visible()
        summary = page.get_by_text("What happens if you choose A")
        summary.focus()
        page.keyboard.press("Enter")
        assert consequence.is_visible() and not worked.is_visible()
        page.get_by_text("How a good manager works it through").focus()
        page.keyboard.press("Enter")
        assert worked.is_visible()
    finally:
        context.close()


def test_print_shows_consequences_and_the_worked_answer(browser, site: Site) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{site.url}modules/the-managers-job/")
        page.emulate_media(media="print")
        # (Admonitions themselves print only once assign.css stops hiding them on every page in
        # print, which journeys-core's per-page styles do.)
        for text in ("The 90-hour weeks go on.", "Slower to show in revenue", "Name the pattern."):
            assert page.get_by_text(text).first.is_visible(), text
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_rhythm_hours_fit_a_phone(browser, site: Site, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{site.url}modules/the-managers-job/")
        table = page.locator(".fp-rhythm table").first
        table.scroll_into_view_if_needed()
        overflow = table.evaluate("t => { const w = t.closest('.md-typeset__scrollwrap') || t.parentElement; return w.scrollWidth - w.clientWidth; }")
        assert overflow <= 1, f"the table scrolls sideways by {overflow}px on a 375 px screen"
        last = page.locator(".fp-rhythm tr").last.locator("td").last
        box = last.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 375
    finally:
        context.close()
