"""Role-play kits as people use them: from the module's "Practise it" link to the kit, each part printed alone on one sheet."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from macros.catalog import load_catalog
from tests.conftest import REPO, Site

CATALOG, _ = load_catalog(REPO)


def pdf_pages(page) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))


def styled(page) -> None:
    """The kit's own styles (assets/fp/roleplay.css, loaded by core.js on kit pages) have arrived."""
    # Null-safe: while the next page is still arriving there is no rubric yet, and that is not an error.
    page.wait_for_function("(e => !!e && getComputedStyle(e).borderTopStyle === 'dashed')(document.querySelector('.fp-evidence'))")


def test_from_the_module_to_the_kit_and_each_part_printed_alone(page, site: Site) -> None:
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page.goto(f"{site.url}modules/performance-issues/")
    page.locator("article .fp-practise").get_by_role("link").click()
    page.wait_for_url("**/roleplays/first-performance-conversation/")
    expect(page.locator("article h1")).to_contain_text("Chloe")
    styled(page)
    buttons = page.locator("article .fp-print-part .fp-print-one")
    expect(buttons).to_have_count(3)
    # The whole kit on paper: one part per sheet, each starting its own.
    page.emulate_media(media="print")
    assert pdf_pages(page) == 3
    page.emulate_media(media="screen")
    for button, heading in (("Print this brief", "Rep's brief"), ("Print this rubric", "Observer's rubric"), ("Print this brief", "Manager's brief")):
        part = page.locator(".fp-print-part", has=page.get_by_role("heading", name=heading))
        part.get_by_role("button", name=button).click()
        page.emulate_media(media="print")
        shown = page.evaluate("""() => Array.from(document.querySelector('article').children)
            .filter(e => e.getClientRects().length).map(e => e.querySelector('h2') ? e.querySelector('h2').firstChild.textContent : e.className)""")
        assert shown == [heading], shown
        assert "From “Chloe's numbers" in part.locator(".fp-print-source").inner_text()
        assert pdf_pages(page) == 1, heading
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        page.emulate_media(media="screen")
    assert page.evaluate("window.__printed") == 3


def test_every_kit_prints_on_three_sheets(page, site: Site) -> None:
    page.goto(f"{site.url}roleplays/")
    for kit in CATALOG.roleplays.values():
        page.locator("article").get_by_role("link", name=kit.title).click()
        page.wait_for_url(f"**/roleplays/{kit.id}/")
        styled(page)
        page.emulate_media(media="print")
        assert pdf_pages(page) == 3, kit.id
        page.emulate_media(media="screen")
        page.go_back()
        page.wait_for_url("**/roleplays/")


def test_kit_pages_pass_axe(page, site: Site) -> None:
    from tests.browser.conftest import axe_violations

    page.goto(f"{site.url}roleplays/")
    assert axe_violations(page) == []
    page.locator("article").get_by_role("link", name=CATALOG.roleplays["flight-risk"].title).click()
    page.wait_for_url("**/roleplays/flight-risk/")
    expect(page.locator("article .fp-print-one")).to_have_count(3)
    assert axe_violations(page) == []
