"""Field-assignment artefacts as people use them: ticked on My progress, carried by the completion
record (file and print), seen in the Team view; a record without them still opens; storage that
fails is said. Every page after the first is reached by clicking, on the suite's frozen day."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import expect

from macros.catalog import load_catalog
from tests.browser.conftest import new_context
from tests.browser.test_journeys import nav
from tests.conftest import REPO, Site

CATALOG, _ = load_catalog(REPO)
WITH_ASSIGNMENT = [m for m in CATALOG.modules.values() if m.field_assignment]
ONBOARDING = CATALOG.modules["onboarding"].field_assignment
NAME = "Alex Morgan"


def open_progress(page, site: Site) -> None:
    page.goto(site.url)
    nav(page, "My progress")
    page.wait_for_url("**/progress/")
    page.locator("[data-artefact-list][data-bound]").wait_for()


def test_tick_download_print_and_see_it_in_team_view(page, site: Site, tmp_path: Path) -> None:
    assert ONBOARDING is not None and len(WITH_ASSIGNMENT) >= 5
    open_progress(page, site)
    count = page.locator(".fp-artefact-count")
    expect(count).to_have_text(f"0 of {len(WITH_ASSIGNMENT)} done.")
    assert page.locator(".fp-artefact").count() == len(WITH_ASSIGNMENT)
    tick = page.get_by_label(f"Done: {ONBOARDING.title}")
    tick.check()
    expect(page.locator(".fp-artefact-status")).to_have_text(f"“{ONBOARDING.title}” marked done on 1 Dec 2026.")
    expect(count).to_have_text(f"1 of {len(WITH_ASSIGNMENT)} done.")
    item = page.locator('.fp-artefact[data-artefact="onboarding"]')
    expect(item).to_contain_text("done on 1 Dec 2026")
    stored = page.evaluate("JSON.parse(localStorage.getItem('frontline:v1:artefact:onboarding'))")
    assert stored == {"v": 1, "done": True, "date": "2026-12-01"}

    # The link leads to the assignment on its module page, and the tick is still there on return.
    item.get_by_role("link", name=CATALOG.modules["onboarding"].title).click()
    page.wait_for_url("**/modules/onboarding/#field-assignment")
    page.go_back()
    page.locator("[data-artefact-list][data-bound]").wait_for()
    expect(page.get_by_label(f"Done: {ONBOARDING.title}")).to_be_checked()

    page.get_by_label("Your name, as it appears on your record").fill(NAME)
    page.get_by_label("Your name, as it appears on your record").press("Tab")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download completion record").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    record = json.loads(saved.read_text(encoding="utf-8"))
    assert record["v"] == 2 and list(record["artefacts"]) == [m.id for m in WITH_ASSIGNMENT if m.id in record["artefacts"]]
    assert set(record["artefacts"]) == {m.id for m in WITH_ASSIGNMENT}
    assert record["artefacts"]["onboarding"] == {"title": ONBOARDING.title, "artefact": record["artefacts"]["onboarding"]["artefact"], "done": True, "date": "2026-12-01"}
    assert record["artefacts"]["onboarding"]["artefact"]
    other = next(m.id for m in WITH_ASSIGNMENT if m.id != "onboarding")
    assert record["artefacts"][other]["done"] is False and record["artefacts"][other]["date"] is None

    # On paper: the record's own section, and nothing else of the page.
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Print completion record").click()
    page.emulate_media(media="print")
    printed = page.locator(".fp-record-print")
    expect(printed.get_by_role("heading", name=f"Field assignments: 1 of {len(WITH_ASSIGNMENT)} done")).to_be_visible()
    expect(printed.get_by_role("row", name=ONBOARDING.title)).to_contain_text("Done 1 Dec 2026")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")

    # The director opens it, with an older record that has no field assignments.
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"kind": "frontline-completion-record", "v": 1, "name": "Sam Older", "created": "2026-11-20T10:00:00Z",
                               "assignments": [], "results": {"coaching": {"quizVersion": "x", "best": 90, "passed": True, "passedOn": "2026-11-20T10:00:00Z", "date": "2026-11-20T10:00:00Z"}}}), encoding="utf-8")
    nav(page, "Team view")
    page.wait_for_url("**/team/")
    # The picker shows once Team view's scripts (loaded after the page) are bound; a person cannot
    # choose a file before that, a test could.
    page.locator(".fp-tv-tools:not([hidden])").wait_for()
    page.get_by_label("Open completion records").set_input_files([str(saved), str(old)])
    page.locator(".fp-tv-table").wait_for()
    expect(page.locator(".fp-tv-table thead th").nth(2)).to_have_text("Field assignments")
    mine = page.locator(f'.fp-tv-table tbody tr[data-manager="{NAME}"] td.fp-tv-artefacts')
    expect(mine).to_contain_text(f"1 of {len(WITH_ASSIGNMENT)} done")
    expect(mine).to_contain_text(f"{ONBOARDING.title}, 1 Dec 2026")
    expect(page.locator('.fp-tv-table tbody tr[data-manager="Sam Older"] td.fp-tv-artefacts')).to_have_text("not in this record")
    with page.expect_download() as csv_info:
        page.get_by_role("button", name="Download CSV").click()
    assert "Field assignment done on" in Path(csv_info.value.path()).read_text(encoding="utf-8-sig").splitlines()[0]


def test_an_import_brings_the_ticks_and_never_clears_one(page, site: Site, tmp_path: Path) -> None:
    open_progress(page, site)
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"kind": "frontline-progress-export", "v": 1, "quiz": {}, "assignments": [],
                                  "artefacts": {"onboarding": {"v": 1, "done": True, "date": "2026-11-20"}, "hiring": {"v": 1, "done": False, "date": None}}}), encoding="utf-8")
    page.get_by_label(f"Done: {CATALOG.modules['hiring'].field_assignment.title}").check()
    page.get_by_label("Import a progress export or a completion record").set_input_files(str(export))
    expect(page.locator(".fp-import-status")).to_contain_text("1 field assignment marked done")
    expect(page.get_by_label(f"Done: {ONBOARDING.title}")).to_be_checked()
    expect(page.locator('.fp-artefact[data-artefact="onboarding"]')).to_contain_text("done on 20 Nov 2026")
    expect(page.get_by_label(f"Done: {CATALOG.modules['hiring'].field_assignment.title}")).to_be_checked()


def test_a_tick_that_cannot_be_saved_is_said_and_undone(browser, console, site: Site) -> None:
    context = new_context(browser, console)
    context.add_init_script("""{ const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) { if (String(k).indexOf('frontline:v1:artefact:') === 0) throw new DOMException('full', 'QuotaExceededError'); return set.call(this, k, v); }; }""")
    page = context.new_page()
    try:
        open_progress(page, site)
        tick = page.get_by_label(f"Done: {ONBOARDING.title}")
        tick.click()  # not check(): that insists the box stays ticked, and here the page must undo it
        expect(page.locator(".fp-artefact-status")).to_have_text(f"This browser could not save it: its storage is full or blocked (a private window, or a site-data setting). “{ONBOARDING.title}” is not marked.")
        expect(tick).not_to_be_checked()
        expect(page.locator(".fp-artefact-count")).to_have_text(f"0 of {len(WITH_ASSIGNMENT)} done.")
    finally:
        context.close()
    assert console.errors == []
