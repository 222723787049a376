"""Team view in Chromium, reached the way a senior manager reaches it: by clicking the navigation.

Records are the made-up team of tests/browser/team_records.py (format v2, as My progress writes it)
or made by the real course in another browser profile by clicking through an assignment and its
quizzes. Every context runs on the suite's frozen day, so "overdue" and "late" never drift.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import Console, new_context
from tests.browser.team_records import record, result, team, write_team, d
from tests.conftest import REPO, Site, mkdocs_env

AXE = Axe()


def violations(page) -> list[str]:
    """Every axe violation, whatever its impact, once Material's header has finished fading its title in."""
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))))")
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    found = []
    for violation in AXE.run(page).response["violations"]:
        targets = [" ".join(node["target"]) for node in violation["nodes"]][:5]
        found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return found


@pytest.fixture
def records(tmp_path: Path) -> list[str]:
    return [str(p) for p in write_team(tmp_path / "records")]


def open_team_view(page, site: Site, start: str = "glossary/") -> None:
    """First page by URL, then Team view by a click in the navigation (instant navigation, same document)."""
    page.goto(f"{site.url}{start}")
    page.wait_for_function("() => !!(window.document$ && window.FP)")  # Material's instant navigation is listening
    page.evaluate("window.__sameDocument = true")
    if page.viewport_size["width"] < 1220:
        page.locator("label.md-header__button[for='__drawer']").click()
    page.locator("nav.md-nav--primary").get_by_role("link", name="Team view", exact=True).click()
    page.locator(".fp-tv-tools:not([hidden])").wait_for()
    assert page.evaluate("window.__sameDocument") is True, "reached by instant navigation, not a reload"
    # The pointer leaves the link it clicked: Material's hover colour for navigation links (its accent) is
    # the theme's business, checked by the site-wide tests, not a state of this page.
    page.mouse.move(1, page.viewport_size["height"] - 1)


def open_records(page, files: list[str]) -> None:
    page.get_by_label("Open completion records").set_input_files(files)
    page.locator(".fp-tv-table").wait_for()


def row(page, name: str):
    return page.locator(f'.fp-tv-table tbody tr[data-manager="{name}"]')


def cell(page, name: str, module: str) -> str:
    return row(page, name).locator(f'td[data-module="{module}"]').inner_text().replace("\n", " · ")


def test_records_opened_after_a_click_in_the_navigation(page, site: Site, records: list[str]) -> None:
    open_team_view(page, site)
    open_records(page, records)
    assert page.locator(".fp-tv-opened").inner_text() == "7 records open: 6 managers."

    # One row per person: Sam Lee's two files collapse into the newest, and the page says so.
    names = page.locator(".fp-tv-table tbody th .fp-tv-person").all_inner_texts()
    assert sorted(names) == sorted(["Priya Raman", "Sam Lee", "Marcus O'Neil", "Unnamed record (completion-record.json)", "Dana Whitfield", "Zoë Łukasiewicz"])
    rows = page.locator(".fp-tv-table tbody tr").all_inner_texts()
    overdue = [int(found.group(1)) if (found := re.search(r"(\d+) overdue", text)) else 0 for text in rows]
    assert overdue == sorted(overdue, reverse=True) and overdue[0] > 0, f"most overdue first: {list(zip(names, overdue))}"
    warnings = page.locator(".fp-tv-warnings").inner_text()
    assert "2 records for Sam Lee; showing the newest (Sam Lee (1).json, made 30 Nov 2026)." in warnings
    assert "1 record has no name" in warnings
    assert "newest of 2" in row(page, "Sam Lee").locator("th").inner_text()

    # Statuses in words: on time, late (with how late), overdue (by how much), not yet, earlier quiz version.
    assert cell(page, "Zoë Łukasiewicz", "coaching") == "✓ Passed · 31 Oct 2026 · 100%"
    assert cell(page, "Sam Lee", "coaching-rhythm") == "✓ Passed late · 24 Nov 2026 · 100% · 15 days after the due date"
    assert row(page, "Sam Lee").locator('td[data-module="coaching-rhythm"]').get_attribute("data-status") == "late"
    assert cell(page, "Priya Raman", "coaching") == "⚠ Overdue by 29 days · due 2 Nov 2026 · best so far 50%"
    assert cell(page, "Dana Whitfield", "coaching") == "Not yet · due 8 Dec 2026"
    assert cell(page, "Marcus O'Neil", "coaching").endswith("on an earlier version of the quiz")
    assert "refresh" not in page.locator(".fp-tv-table").inner_text()
    assert cell(page, "Zoë Łukasiewicz", "hiring") == "— · Not assigned", "a dash, and words for screen readers"

    # Totals per manager, per module and for the team.
    assert row(page, "Sam Lee").locator(".fp-tv-total").inner_text().replace("\n", " ") == "2 of 4 passed 2 overdue · 1 late"
    foot = page.locator(".fp-tv-table tfoot")
    assert foot.locator('td[data-module="coaching"]').inner_text().replace("\n", " ") == "3 of 6 passed 1 overdue"
    figures = page.locator(".fp-tv-figures").inner_text()
    assert "27%" in figures and "12 of 44 assigned modules" in figures and "5 managers behind" in figures

    # The chart, drawn as inline SVG with a text alternative.
    chart = page.locator("svg#fp-tv-chart-modules")
    assert chart.get_attribute("role") == "img"
    assert chart.locator("title").first.inner_html() == "Completion per module"
    assert "Coaching: building skill without taking over: 3 of 6 passed, 1 overdue, 2 not yet due." in chart.locator("desc").inner_html()
    assert page.locator("svg#fp-tv-chart-managers g.fp-chart-row").count() == 6


def test_records_stay_open_when_leaving_and_coming_back(page, site: Site, records: list[str]) -> None:
    open_team_view(page, site)
    open_records(page, records[:2])  # Zoë, and Sam's older record
    page.locator("nav.md-nav--primary").get_by_role("link", name="Glossary", exact=True).click()
    page.wait_for_url("**/glossary/")
    page.locator("nav.md-nav--primary").get_by_role("link", name="Team view", exact=True).click()
    page.locator(".fp-tv-table").wait_for()
    assert page.locator(".fp-tv-table tbody tr").count() == 2
    # More files add to what is open; the same file twice is kept once.
    page.get_by_label("Open completion records").set_input_files(records[:3])
    page.wait_for_function("document.querySelectorAll('.fp-tv-table tbody tr').length === 2")
    assert page.locator(".fp-tv-opened").inner_text() == "3 records open: 2 managers."
    page.get_by_role("button", name="Close all records").click()
    assert page.locator(".fp-tv-table").count() == 0
    assert page.locator(".fp-tv-opened").inner_text() == "All records closed."


def test_sort_and_filter_from_the_keyboard(page, site: Site, records: list[str]) -> None:
    open_team_view(page, site)
    open_records(page, records)
    people = lambda: page.locator(".fp-tv-table tbody th .fp-tv-person").all_inner_texts()  # noqa: E731
    page.locator(".fp-tv-shown").evaluate("e => { e.__kept = true; }")  # one live region, announced on each change
    page.get_by_label("Sort", exact=True).focus()
    page.get_by_label("Sort", exact=True).select_option(label="Name (A–Z)")
    assert people() == ["Dana Whitfield", "Marcus O'Neil", "Priya Raman", "Sam Lee", "Zoë Łukasiewicz", "Unnamed record (completion-record.json)"]
    assert page.evaluate("document.activeElement.id") == "fp-tv-sort", "focus stays on the control"
    page.get_by_label("Sort", exact=True).select_option(label="Most complete first")
    assert people()[0] == "Zoë Łukasiewicz"
    page.get_by_label("Show", exact=True).select_option(label="With late completions")
    assert people() == ["Marcus O'Neil", "Sam Lee", "Unnamed record (completion-record.json)"]
    assert page.locator(".fp-tv-shown").inner_text() == "Showing 3 of 6 managers."
    assert page.locator(".fp-tv-shown").evaluate("e => e.__kept") is True
    page.get_by_label("Show", exact=True).select_option(label="Everyone")
    page.get_by_label("Find a manager").press_sequentially("zoe")
    assert people() == ["Zoë Łukasiewicz"], "accents and case ignored"
    assert page.evaluate("document.activeElement.id") == "fp-tv-find"
    page.get_by_label("Find a manager").fill("nobody")
    assert page.locator(".fp-tv-nomatch").inner_text().startswith("No manager matches")


def test_files_dropped_on_the_page_open_too(page, site: Site) -> None:
    open_team_view(page, site)
    text = json.dumps(team()["Priya Raman.json"])
    page.evaluate(
        """text => { const data = new DataTransfer(); data.items.add(new File([text], "Priya Raman.json", {type: "application/json"}));
                     document.querySelector("[data-team-view]").dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true})); }""",
        text,
    )
    page.locator(".fp-tv-table").wait_for()
    assert page.locator(".fp-tv-table tbody .fp-tv-person").all_inner_texts() == ["Priya Raman"]


def test_csv_opens_in_excel_with_names_intact(page, site: Site, records: list[str]) -> None:
    open_team_view(page, site)
    open_records(page, records)
    page.get_by_label("Show", exact=True).select_option(label="With overdue modules")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    assert download.value.suggested_filename == "team-progress-2026-12-01.csv"
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbfManager,Module,"), "UTF-8 byte-order mark first"
    lines = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {line["Manager"] for line in lines} == {"Zoë Łukasiewicz", "Sam Lee", "Priya Raman", "Marcus O'Neil", "Dana Whitfield",
                                                  "Unnamed record (completion-record.json)"}, "every manager, whatever the filter"
    late = next(line for line in lines if line["Manager"] == "Sam Lee" and line["Module"].startswith("Coaching rhythm"))
    assert (late["Status"], late["Days late or overdue"], late["Passed on"], late["First-attempt score"], late["Attempts"]) == ("Passed late", "15", "2026-11-24", "60", "3")
    assert late["Record file"] == "Sam Lee (1).json"


def test_bad_files_are_named_with_their_reason_and_run_nothing(page, site: Site, tmp_path: Path, records: list[str]) -> None:
    xss = '<img src=x onerror="window.__pwned=1">'
    bad = {
        "notes.json": "{not json",
        "other.json": json.dumps({"kind": "something-else"}),
        "evil.json": json.dumps(record(xss, "coaching-intensive", d(-10), {"coaching": result("coaching", d(-5))}, created=dt.datetime(2026, 11, 30))),
        "score.json": json.dumps({"kind": "frontline-completion-record", "v": 1, "name": xss, "created": "2026-11-30T00:00:00Z", "assignments": [],
                                  "results": {"coaching": {"best": "<img src=x onerror=alert(1)>", "passed": True, "quizVersion": "a"}}}),
        "script.json": json.dumps({"kind": "frontline-completion-record", "v": 1, "name": "x", "created": "2026-11-30T00:00:00Z",
                                   "assignments": [{"v": 1, "name": "x", "items": [{"m": "javascript:alert(1)", "due": "2027-01-01"}]}], "results": {}}),
    }
    paths = []
    for name, text in bad.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    open_team_view(page, site)
    page.get_by_label("Open completion records").set_input_files(paths)
    errors = page.locator(".fp-tv-errors")
    errors.wait_for()
    assert errors.locator("li").all_inner_texts() == [
        "notes.json: not a completion record (it is not JSON).",
        "other.json: cannot be used: it is not a Frontline Playbook completion record.",
        "score.json: cannot be used: the result for coaching has no valid best score.",
        "script.json: cannot be used: an assignment in it names a module in a way this course cannot read.",
    ]
    assert page.locator(".fp-tv-table tbody .fp-tv-person").all_inner_texts() == [xss], "a name is text, never markup"
    assert page.evaluate("window.__pwned") is None and page.locator("article img[src='x']").count() == 0


def test_print_is_a_landscape_sheet_with_title_and_date(page, site: Site, records: list[str]) -> None:
    open_team_view(page, site)
    open_records(page, records)
    page.emulate_media(media="print")
    assert page.locator(".fp-tv-print-head").inner_text().startswith("Printed 1 Dec 2026 · 6 managers")
    assert page.locator("h1").inner_text() == "Team view"
    for hidden in (".fp-tv-tools", ".fp-tv-controls", ".fp-tv-intro >> nth=0", ".fp-tv-actions", ".fp-tv ~ .admonition"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator(".fp-tv-table").is_visible() and page.locator("svg#fp-tv-chart-modules").is_visible()
    assert page.locator(".fp-tv-name").first.evaluate("e => getComputedStyle(e).position") == "static"
    page.set_viewport_size({"width": 960, "height": 700})  # about the printable width of landscape Letter or A4
    assert page.evaluate("document.querySelector('.fp-tv-table').scrollWidth <= document.querySelector('article').clientWidth"), "every column on the sheet"
    pdf = page.pdf(prefer_css_page_size=True)
    assert media_boxes(pdf) == {"landscape"}

    # Printed from the dark scheme, the sheet is still dark on white, tinted cells included.
    page.emulate_media(media="print", color_scheme="dark")
    overdue = page.locator('.fp-tv-table td[data-status="overdue"]').first
    assert overdue.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(251, 234, 232)"
    assert overdue.locator(".fp-tv-status").evaluate("e => getComputedStyle(e).color") == "rgb(164, 34, 27)"

    # The stylesheet stays loaded on the next page, but landscape does not follow: a module prints upright.
    page.emulate_media(media="screen", color_scheme="light")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("nav.md-nav--primary").get_by_role("link", name="Glossary", exact=True).click()
    page.wait_for_url("**/glossary/")
    assert media_boxes(page.pdf(prefer_css_page_size=True)) == {"portrait"}


def media_boxes(pdf: bytes) -> set[str]:
    boxes = set()
    for match in re.finditer(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf):
        x0, y0, x1, y1 = (float(v) for v in match.groups())
        boxes.add("landscape" if x1 - x0 > y1 - y0 else "portrait")
    return boxes


@pytest.fixture
def phone(browser, console: Console, site: Site) -> Iterator[object]:
    context = new_context(browser, console, viewport={"width": 375, "height": 740}, color_scheme="dark", is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()
    assert console.errors == [], console.errors


def test_phone_scrolls_the_table_not_the_page(phone, site: Site, records: list[str]) -> None:
    page = phone
    open_team_view(page, site)
    open_records(page, records)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "no sideways scroll of the whole page"
    region = page.get_by_role("region", name=re.compile("Team progress"))
    assert region.get_attribute("tabindex") == "0"
    assert page.locator(".fp-tv-hint").is_visible() and "scrolls sideways" in page.locator(".fp-tv-hint").inner_text()
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    name = row(page, "Sam Lee").locator("th")
    before = name.bounding_box()["x"]
    region.focus()
    region.evaluate("e => { e.scrollLeft = 600; }")
    assert region.evaluate("e => e.scrollLeft") > 0
    assert abs(name.bounding_box()["x"] - before) < 1, "the manager column stays put"
    # Dark scheme: the chart's text follows the scheme's light foreground.
    fill = page.locator("svg#fp-tv-chart-modules text.fp-chart-label").first.evaluate("e => getComputedStyle(e).fill")
    assert sum(int(v) for v in re.findall(r"\d+", fill)[:3]) > 500, fill


def test_records_made_by_the_real_course_by_clicking(browser, page, site: Site, tmp_path: Path) -> None:
    """A senior manager assigns, the manager passes two quizzes and downloads the record; Team view reads it."""
    link = None
    boss = new_context(browser)
    try:
        tab = boss.new_page()
        tab.goto(f"{site.url}assign/")
        tab.locator(".fp-assign-form").wait_for()
        tab.get_by_label("Manager's name").fill("Zoë Łukasiewicz")
        tab.get_by_label("Start date").fill("2026-11-17")
        tab.get_by_label("Path", exact=True).select_option("coaching-intensive")
        tab.get_by_role("button", name="Make the assignment link").click()
        assert "already past" in tab.locator(".fp-assign-error").inner_text()  # two due dates are: pressed again, deliberately
        tab.get_by_role("button", name="Make the link anyway").click()
        link = tab.locator("#fp-assign-link").input_value()
    finally:
        boss.close()

    learner = new_context(browser)
    try:
        tab = learner.new_page()
        tab.goto(link)  # arrives by email
        view = tab.locator("[data-assigned-view] .fp-assignment")
        view.wait_for()
        for title in ("Coaching: building skill without taking over", "Coaching rhythm: the critical few activities, every week"):
            view.get_by_role("link", name=title).click()
            quiz = tab.locator("[data-quiz]")
            quiz.wait_for()
            for choice in quiz.locator(".fp-choice[data-correct] input").all():
                choice.check()
            quiz.get_by_role("button", name="Check answers").click()
            tab.locator(".fp-score").filter(has_text="Passed").wait_for()
            tab.locator("nav.md-nav--primary").get_by_role("link", name="My progress", exact=True).click()
            view = tab.locator("[data-assignment-list] .fp-assignment")
            view.wait_for()
        with tab.expect_download() as download:
            tab.get_by_role("button", name="Download completion record").click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
    finally:
        learner.close()

    open_team_view(page, site)
    open_records(page, [str(saved)])
    person = "Zoë Łukasiewicz"
    assert page.locator(".fp-tv-table tbody tr").count() == 1
    assert cell(page, person, "coaching") == "✓ Passed late · 1 Dec 2026 · 100% · 7 days after the due date"
    assert cell(page, person, "coaching-rhythm") == "✓ Passed · 1 Dec 2026 · 100%", "passed on its due date: on time"
    assert cell(page, person, "pipeline-reviews") == "Not yet · due 8 Dec 2026"
    assert page.locator(".fp-tv-table thead th").all_inner_texts()[3:] == [
        "Coaching: building skill without taking over", "Coaching rhythm: the critical few activities, every week",
        "Pipeline reviews and forecasting as coaching", "Making training stick: your part before, during and after"], "the path's order"


def test_without_javascript_a_plain_notice_and_no_dead_picker(browser, site: Site) -> None:
    context = new_context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site.url}team/")
        assert page.locator(".fp-tv-noscript").is_visible()
        assert "with JavaScript, which is turned off here" in " ".join(page.locator(".fp-tv-noscript").inner_text().split())
        assert not page.get_by_label("Open completion records").is_visible()
        assert page.get_by_role("button").filter(has_text=re.compile("CSV|Print|Close")).count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("width", [1366, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_accessible_in_every_state(browser, console: Console, site: Site, records: list[str], tmp_path: Path, scheme: str, width: int) -> None:
    context = new_context(browser, console, viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        open_team_view(page, site)
        assert violations(page) == [], "empty"
        (tmp_path / "broken.json").write_text("{", encoding="utf-8")
        open_records(page, records + [str(tmp_path / "broken.json")])
        page.locator(".fp-tv-errors li").first.wait_for()
        assert violations(page) == [], "records open, with a warning and an error"
        page.get_by_label("Find a manager").fill("nobody")
        assert violations(page) == [], "nothing matches"
    finally:
        context.close()
    assert console.errors == [], console.errors


def test_works_from_the_offline_copy(browser, tmp_path: Path, records: list[str]) -> None:
    """`make offline`: Team view opened from disk reads files and makes the CSV, with no request at all."""
    out = tmp_path / "site-offline"
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.offline.yml"), "-d", str(out)],
                           cwd=REPO, env=mkdocs_env(), capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    context = new_context(browser)
    try:
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url) if not request.url.startswith(("file://", "data:", "blob:")) else None)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error) + " " + str(error.stack)))
        page.goto((out / "glossary.html").as_uri())
        page.locator("nav.md-nav--primary").get_by_role("link", name="Team view", exact=True).click()
        # The picker shows once Team view's scripts (loaded after the page) are bound; a person cannot
        # choose a file before that, a test could.
        page.locator(".fp-tv-tools:not([hidden])").wait_for()
        page.get_by_label("Open completion records").set_input_files(records)
        page.locator(".fp-tv-table").wait_for()
        assert page.locator(".fp-tv-table tbody tr").count() == 6
        with page.expect_download() as download:
            page.get_by_role("button", name="Download CSV").click()
        assert Path(download.value.path()).read_bytes().startswith(b"\xef\xbb\xbf")
        assert requests == [] and errors == []
    finally:
        context.close()
