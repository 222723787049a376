"""Assignments, completion records and the team view, end to end in Chromium; no server involved."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import pytest

from tests.browser.conftest import new_context
from tests.conftest import Site


def pass_quiz(page, site: Site, module: str) -> None:
    page.goto(f"{site.url}modules/{module}/")
    quiz = page.locator(f'[data-quiz="{module}"][data-bound]')
    quiz.wait_for()
    for choice in quiz.locator(".fp-choice[data-correct] input").all():
        choice.check()
    quiz.get_by_role("button", name="Check answers").click()
    assert quiz.locator(".fp-score").inner_text().startswith("✓ Passed:")


def make_assignment(page, site: Site, name: str, path: str = "coaching-intensive", start: str = "2027-01-04") -> str:
    page.goto(f"{site.url}assign/")
    page.wait_for_selector(".fp-assign-form[data-bound]")
    page.get_by_label("Manager's name").fill(name)
    page.get_by_label("Note to the manager (optional)").fill("Start with coaching; we review on Friday.")
    page.get_by_label("Start date").fill(start)
    page.get_by_label("Path", exact=True).select_option(path)
    page.get_by_role("button", name="Make the assignment link").click()
    if start < "2026-12-01":  # the frozen today: past due dates need a second, deliberate click
        page.get_by_role("button", name="Make the link anyway").click()
    return page.locator("#fp-assign-link").input_value()


def test_assign_page_makes_a_link_that_opens_for_the_assignee(browser, page, site: Site) -> None:
    link = make_assignment(page, site, "Dana Whitfield")
    assert link.startswith(f"{site.url}assigned/#assignment=")
    sheet = page.locator(".fp-assign-sheet")
    assert "Coaching: building skill without taking over" in sheet.inner_text() and "11 Jan 2027" in sheet.inner_text()

    other = new_context(browser)  # the manager's own browser: nothing shared
    try:
        manager = other.new_page()
        manager.goto(link)
        view = manager.locator("[data-assigned-view] .fp-assignment")
        view.wait_for()
        welcome = manager.locator(".fp-welcome").inner_text()
        assert "Welcome, Dana Whitfield" in welcome and "the learning path “Coaching intensive”" in welcome
        assert "Start with coaching; we review on Friday." in welcome
        rows = view.locator("tbody tr")
        assert rows.count() == 4
        assert rows.first.locator("th a").inner_text() == "Coaching: building skill without taking over"
        assert rows.first.locator("td.fp-due").inner_text().startswith("11 Jan 2027")
        assert "0 of 4 passed" in view.inner_text()

        pass_quiz(manager, site, "coaching")
        manager.goto(f"{site.url}paths/coaching-intensive/")
        bar = manager.locator(".fp-progress progress")
        assert bar.evaluate("el => el.value") == 1 and bar.evaluate("el => el.max") == 4
        manager.goto(f"{site.url}progress/")
        saved = manager.locator("[data-assignment-list] .fp-assignment")
        assert "1 of 4 passed" in saved.inner_text()
        assert saved.locator('tr[data-module="coaching"] .fp-st-passed').count() == 1
    finally:
        other.close()


def test_due_dates_in_the_past_show_as_overdue(page, site: Site) -> None:
    link = make_assignment(page, site, "Sam", start="2026-01-05")
    page.goto(link)
    view = page.locator("[data-assigned-view] .fp-assignment")
    view.wait_for()
    assert "4 overdue" in view.inner_text()
    assert view.locator(".fp-st-overdue").count() == 4


def test_calendar_reminders_download(page, site: Site) -> None:
    make_assignment(page, site, "Dana, the new one; ok")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download calendar reminders (.ics)").click()
    text = Path(download.value.path()).read_bytes().decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 4
    assert "DTSTART;VALUE=DATE:20270111" in text
    assert "Assigned to Dana\\, the new one\\; ok." in unfolded
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def record_from(context, site: Site, name: str, passed: list[str], tmp_path: Path, path: str = "coaching-intensive") -> Path:
    page = context.new_page()
    link = make_assignment(page, site, name, path=path)
    page.goto(link)
    page.locator("[data-assigned-view] .fp-assignment").wait_for()
    for module in passed:
        pass_quiz(page, site, module)
    page.goto(f"{site.url}progress/")
    page.wait_for_selector("[data-assignment-list][data-bound]")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download completion record").click()
    target = tmp_path / f"{name.split()[0].lower()}.json"
    download.value.save_as(target)
    page.close()
    return target


def test_export_and_import_progress_into_a_new_browser(browser, page, site: Site, tmp_path: Path) -> None:
    link = make_assignment(page, site, "Dana Whitfield")
    page.goto(link)
    page.locator("[data-assigned-view] .fp-assignment").wait_for()
    pass_quiz(page, site, "hiring")
    page.goto(f"{site.url}progress/")
    page.wait_for_selector("[data-assignment-list][data-bound]")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export all my progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)

    fresh = new_context(browser)
    try:
        other = fresh.new_page()
        other.goto(f"{site.url}progress/")
        other.wait_for_selector("[data-assignment-list][data-bound]")
        assert other.locator('[data-module-status="hiring"]').inner_text() == "Not started"
        other.get_by_label("Import a progress export or a completion record").set_input_files(str(exported))
        other.wait_for_function("document.querySelector('.fp-import-status').textContent.startsWith('Imported')")
        other.reload()
        other.wait_for_selector("[data-assignment-list][data-bound]")
        assert other.locator('[data-module-status="hiring"]').inner_text().startswith("✓ Passed on")
        assert "For Dana Whitfield" in other.locator("[data-assignment-list]").inner_text()
    finally:
        fresh.close()


def crafted(payload: object) -> str:
    raw = json.dumps(payload).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
CRAFTED_LINKS = [
    pytest.param(crafted({"v": 1, "name": XSS, "note": XSS, "items": [{"m": "coaching", "due": "2027-01-01"}]}), True, id="script-in-name-and-note"),
    pytest.param(crafted({"v": 1, "name": "x", "items": [{"m": "javascript:alert(1)", "due": "2027-01-01"}]}), False, id="javascript-url-as-module"),
    pytest.param(crafted({"v": 1, "name": "x", "items": [{"m": "no-such-module", "due": "2027-01-01"}]}), False, id="unknown-module"),
    pytest.param(crafted({"v": 1, "name": ["x"], "items": "all"}), False, id="wrong-types"),
    pytest.param(crafted({"v": 1, "name": "x" * 5000, "items": []}), False, id="huge-name"),
    pytest.param(crafted({"v": 99, "name": "x", "items": []}), False, id="future-version"),
    pytest.param("%%%not-base64", False, id="broken-encoding"),
    pytest.param(base64.urlsafe_b64encode(b"\xff\xfe{not utf8").decode().rstrip("="), False, id="not-utf8"),
    pytest.param("A" * 9000, False, id="too-long"),
]


@pytest.mark.parametrize(("fragment", "valid"), CRAFTED_LINKS)
def test_crafted_links_run_nothing(page, site: Site, fragment: str, valid: bool) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{site.url}assigned/#assignment={fragment}")
    view = page.locator("[data-assigned-view]")
    view.locator(".fp-assignment, .fp-error").first.wait_for()
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.evaluate("window.__pwned") is None
    assert page.locator("article script:not(#fp-catalog), article img[src='x']").count() == 0
    if valid:
        assert XSS in view.inner_text(), "the name is shown as text"
    else:
        assert view.locator(".fp-error").inner_text().startswith("This assignment link")
        assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('frontline:v1:assignment'))") == []


@pytest.mark.parametrize("path", ["assign/", "assigned/", "team/", "progress/", "paths/", "paths/new-manager-90-days/"])
def test_assignment_pages_are_accessible(browser, site: Site, path: str) -> None:
    from tests.browser.test_accessibility import blocking_violations

    for scheme in ("light", "dark"):
        context = new_context(browser, color_scheme=scheme)
        try:
            page = context.new_page()
            page.goto(f"{site.url}{path}")
            if path == "assign/":
                page.wait_for_selector(".fp-assign-form[data-bound]")
                page.get_by_label("Manager's name").fill("Dana")
                page.get_by_label("Path", exact=True).select_option("coaching-intensive")
                page.get_by_role("button", name="Make the assignment link").click()
            assert blocking_violations(page) == [], scheme
        finally:
            context.close()


def test_links_from_the_command_line_open_in_the_browser(page, site: Site) -> None:
    """Python (`python -m macros assign`) and assign.js agree on the link format, non-ASCII included."""
    from macros.assignments import assignment_link, build_assignment
    from macros.catalog import load_catalog
    from tests.conftest import REPO

    catalog, _ = load_catalog(REPO)
    assignment = build_assignment(catalog.paths["new-manager-90-days"], dt.date(2027, 1, 4), "Zoë Ångström", "Bring two live deals")
    page.goto(assignment_link(site.url, assignment))
    view = page.locator("[data-assigned-view] .fp-assignment")
    view.wait_for()
    welcome = page.locator(".fp-welcome").inner_text()
    assert "Welcome, Zoë Ångström" in welcome and "“New manager — first 90 days”" in welcome
    assert "Bring two live deals" in welcome
    assert view.locator("tbody tr").count() == len(assignment["items"])
    onboarding = view.locator('tr[data-module="onboarding"] td.fp-due').inner_text()
    assert onboarding.startswith("16 Jan 2027") and "Only when a seat is open" in onboarding  # a step for an open seat


def test_assigned_view_and_progress_with_an_assignment_are_accessible(browser, site: Site) -> None:
    from tests.browser.test_accessibility import blocking_violations

    for scheme in ("light", "dark"):
        context = new_context(browser, color_scheme=scheme)
        try:
            page = context.new_page()
            link = make_assignment(page, site, "Dana Whitfield", start="2026-01-05")
            page.goto(link)
            page.locator("[data-assigned-view] .fp-assignment").wait_for()
            assert blocking_violations(page) == [], scheme
            page.goto(f"{site.url}progress/")
            page.locator("[data-assignment-list] .fp-assignment").wait_for()
            assert blocking_violations(page) == [], scheme
        finally:
            context.close()
