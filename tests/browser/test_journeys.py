"""The journeys of the UX review, walked as people walk them: by clicking the site's own links and
buttons. `page.goto` only opens the first page and the assignment links that arrive by email.
The day is frozen (2026-12-01); the site's web server keeps an access log, and no name or note
typed into the site may appear in it.

Set FRONTLINE_SHOTS=<folder> to save a screenshot of every step, light and dark, 1366 and 375 px."""

from __future__ import annotations

import base64
import json
import os
import re
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros.catalog import load_catalog
from tests.browser.conftest import FROZEN_TODAY, axe_violations, new_context
from tests.conftest import REPO, Site

SHOTS = os.environ.get("FRONTLINE_SHOTS")
TODAY = FROZEN_TODAY.isoformat()
NAME, BY, NOTE = "Dana Whitfield-Øster", "Sam Director", "Private: we talk about the PIP on Friday.\nSecond line"
SECRETS = ["Dana", "Whitfield", "Director", "PIP", "Friday", "%C3%98", "assignment="]


def step(page, name: str) -> None:
    """One step of a journey: checked with axe (every impact) at 1366 and 375 px, in this colour
    scheme; with FRONTLINE_SHOTS set, photographed at both widths."""
    scheme = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") and "dark" or "light"
    size = page.viewport_size
    for width in (1366, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.locator("article p").first.hover()  # the pointer off any link: a hover colour is no page state
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name}: wider than the screen at {width} px"
        # At 375 px the closed navigation drawer is left out: resizing a live page leaves it in a
        # state no phone shows (the content pages' tests check it on pages opened at 375 px).
        assert axe_violations(page, None if width > 960 else {"exclude": [[".md-sidebar--primary"]]}) == [], f"{name} at {width} px, {scheme}"
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{SHOTS}/{name}-{scheme}-{width}.png", full_page=True)
    page.set_viewport_size(size)


def nav(page, name: str) -> None:
    """Click an entry of the site's navigation (the sidebar at desktop width), or where the page
    has none (the home page), a link of that name on the page."""
    label = re.compile(f"^{re.escape(name)}$", re.I)
    sidebar = page.locator(".md-sidebar--primary").get_by_role("link", name=label)
    if sidebar.count() and sidebar.first.is_visible():
        sidebar.first.click()
    else:
        page.get_by_role("link", name=label).locator("visible=true").first.click()


def pass_quiz(page, module: str) -> None:
    quiz = page.locator(f'[data-quiz="{module}"][data-bound]')
    quiz.wait_for()
    for choice in quiz.locator(".fp-choice[data-correct] input").all():
        choice.check()
    quiz.get_by_role("button", name="Check answers").click()
    page.locator(f'[data-quiz="{module}"] .fp-score').filter(has_text="Passed").wait_for()


def download(page, button: str) -> tuple[str, dict]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    return info.value.suggested_filename, json.loads(Path(info.value.path()).read_text(encoding="utf-8"))


def make_link(page, start: str = "2027-01-04") -> str:
    page.get_by_label("Manager's name").fill(NAME)
    page.get_by_label("Your name, as the manager will see it (optional)").fill(BY)
    page.get_by_label("Note to the manager (optional)").fill(NOTE)
    page.get_by_label("Start date").fill(start)
    page.get_by_label("Path", exact=True).select_option("new-manager-90-days")
    page.get_by_role("button", name="Make the assignment link").click()
    return page.locator("#fp-assign-link").input_value()


def assert_nothing_leaked(site: Site, mark: int) -> None:
    log = site.requests_since(mark)
    assert log, "the access log recorded the journey"
    leaked = [line for line in log if any(secret.lower() in urllib.parse.unquote(line).lower() or secret in line for secret in SECRETS)]
    assert leaked == []
    assert [line for line in log if "?" in line.split()[1] and "/assign/?path=" not in line] == []


def path_size(page, path_id: str) -> str:
    """"11 modules, about 6.5 hours": the path's modules and their durations from the catalog, in the
    page's own words (FP.duration), so adding a module or minutes to the course does not break the walk."""
    catalog, _ = load_catalog(REPO)
    minutes = sum(catalog.modules[step.module].duration for step in catalog.paths[path_id].steps)
    count = len(catalog.paths[path_id].steps)
    return f"{count} modules, " + page.evaluate("m => FP.duration(m)", minutes)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_new_manager_studies_alone_and_sends_a_named_record(browser, console, site: Site, scheme: str) -> None:
    context = new_context(browser, console, color_scheme=scheme, viewport={"width": 1366, "height": 900})
    try:
        mark = len(site.requests)
        page = context.new_page()
        page.goto(site.url)
        nav(page, "Course overview")
        page.locator("article").get_by_role("link", name="The manager's job: performance through people").first.click()
        pass_quiz(page, "the-managers-job")
        nav(page, "My progress")
        page.wait_for_selector("[data-assignment-list][data-bound]", state="attached")
        assert page.locator('[data-module-status="the-managers-job"]').inner_text() == "✓ Passed on 1 Dec 2026 (best score 100%)"
        assert "Nothing assigned yet" in page.locator("[data-assignment-list]").inner_text()
        step(page, "j1-progress")

        name = page.get_by_label("Your name, as it appears on your record")
        name.fill("Zoë Łukasiewicz")
        name.press("Tab")
        assert page.locator(".fp-name-status").inner_text() == "Saved."
        filename, record = download(page, "Download completion record")
        assert filename == f"Completion record - Zoë Łukasiewicz - {TODAY}.json"
        assert (record["v"], record["name"], record["assignments"]) == (2, "Zoë Łukasiewicz", [])
        result = record["results"]["the-managers-job"]
        assert result["title"] == "The manager's job: performance through people"
        assert (result["first"], result["best"], result["passed"], len(result["attempts"]), result["currentVersion"]) == (100, 100, True, 1, True)

        page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
        page.get_by_role("button", name="Print completion record").click()
        assert page.evaluate("window.__printed") is True
        page.emulate_media(media="print")
        printed = page.locator("article").inner_text()
        assert "Completion record: Zoë Łukasiewicz" in printed and "Passed 1 Dec 2026" in printed and "not a proctored exam" in printed
        assert page.get_by_role("button", name="Download completion record").is_hidden()
        page.emulate_media(media="screen")

        page.reload()  # the name stays
        assert page.get_by_label("Your name, as it appears on your record").input_value() == "Zoë Łukasiewicz"
        assert_nothing_leaked(site, mark)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_senior_manager_assigns_the_learner_learns_the_director_reviews(browser, console, site: Site, tmp_path: Path, scheme: str) -> None:
    mark = len(site.requests)
    senior = new_context(browser, console, color_scheme=scheme, viewport={"width": 1366, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    learner = new_context(browser, console, color_scheme=scheme, viewport={"width": 1366, "height": 900})
    try:
        page = senior.new_page()
        page.goto(site.url)
        page.locator("article").get_by_role("link", name="Assign", exact=True).click()  # "For senior managers" on the home page
        page.wait_for_selector(".fp-assign-form[data-bound]")
        step(page, "j3-assign-empty")
        link = make_link(page)
        assert link.startswith(f"{site.url}assigned/#assignment=")
        result = page.locator(".fp-assign-result")
        summary = result.locator(".fp-assign-summary").inner_text()
        size = path_size(page, "new-manager-90-days")
        assert f"New manager — first 90 days: {size} in all, from 4 Jan 2027. From Sam Director." in summary
        rows = result.locator(".fp-assign-summary tbody tr")
        assert rows.first.inner_text().startswith("Your first 90 days: from peer to boss")
        assert "7 Jan 2027\nIn your first three days" in rows.first.inner_text()
        assert "Your listening conversations start" in rows.first.inner_text()  # the path's "why" line
        assert "Bring to your manager: Your listening-tour summary" in rows.first.inner_text()  # and the artefact
        hiring = rows.filter(has_text="Hiring reps who will succeed").inner_text()
        assert "14 Jan 2027\nIn week 2\nOnly when a seat is open" in hiring  # a step for an open seat, in week 2
        step(page, "j3-assign-result")

        result.get_by_role("button", name="Copy message").click()
        expect(result.locator(".fp-copy-status")).to_contain_text("Message copied")
        message = page.evaluate("navigator.clipboard.readText()")
        assert message.startswith(f"Hi {NAME},") and link in message and NOTE in message and message.rstrip().endswith(BY)
        mailto = result.get_by_role("link", name="Email").get_attribute("href")
        assert mailto.startswith("mailto:?subject=Your%20Frontline%20Playbook%20assignment")
        assert urllib.parse.unquote(mailto.split("&body=")[1]) == message

        page.emulate_media(media="print")
        sheet = page.locator("article").inner_text()
        assert "Onboarding new reps: the first 90 days" in sheet and "Make the assignment link" not in sheet
        page.emulate_media(media="screen")

        # The learner opens the link from the email, the sentence's full stop glued to it.
        learn = learner.new_page()
        learn.goto(link + ".")
        welcome = learn.locator(".fp-welcome")
        welcome.wait_for()
        assert f"Welcome, {NAME}" in welcome.inner_text()
        assert f"Sam Director assigned you the learning path “New manager — first 90 days”: {size} in all, the first due 7 Jan 2027." in welcome.inner_text()
        assert "Private: we talk about the PIP on Friday.\nSecond line" in welcome.locator(".fp-note").inner_text()
        step(learn, "j3-assigned")
        learn.emulate_media(media="print")
        assert learn.get_by_role("heading", name="Your modules, in order").is_visible()
        assert learn.get_by_role("link", name=re.compile("^Start the first module")).is_hidden()
        learn.emulate_media(media="screen")
        welcome.get_by_role("link", name="Start the first module: Your first 90 days: from peer to boss").click()
        assert learn.url == f"{site.url}modules/peer-to-boss/"
        pass_quiz(learn, "peer-to-boss")
        nav(learn, "My progress")
        saved = learn.locator("[data-assignment-list] .fp-assignment")
        saved.wait_for()
        assert "1 of 14 passed" in saved.inner_text()
        assert learn.get_by_label("Your name, as it appears on your record").input_value() == NAME
        step(learn, "j3-progress")
        filename, record = download(learn, "Download completion record")
        assert filename == f"Completion record - {NAME} - {TODAY}.json"
        (assignment,) = record["assignments"]
        assert assignment["pathTitle"] == "New manager — first 90 days" and assignment["by"] == BY
        assert [s["m"] for s in assignment["steps"]][:2] == ["peer-to-boss", "the-managers-job"]
        assert assignment["steps"][0]["status"] == "passed" and len(assignment["open"]) == 13
        record_file = tmp_path / filename
        record_file.write_text(json.dumps(record), encoding="utf-8")

        # The director opens the record in the Team view.
        nav(page, "Team view")
        page.wait_for_selector("[data-team-view][data-bound]", state="attached")
        page.locator("article input[type=file]").first.set_input_files(str(record_file))
        page.locator("[data-team-view]").get_by_text(NAME).first.wait_for()
        assert_nothing_leaked(site, mark)
    finally:
        senior.close()
        learner.close()


def test_pages_keep_working_across_back_and_forward(page, site: Site) -> None:
    page.goto(f"{site.url}modules/coaching/")
    page.evaluate("window.__samePage = 1")
    nav(page, "Assign modules")
    page.wait_for_selector(".fp-assign-form[data-bound]")
    nav(page, "My progress")
    page.wait_for_selector("[data-assignment-list][data-bound]", state="attached")
    page.go_back()
    page.wait_for_selector(".fp-assign-form[data-bound]")
    assert page.evaluate("window.__samePage") == 1, "instant navigation: one document all along"
    link = make_link(page)
    page.go_forward()
    page.wait_for_selector("[data-assignment-list][data-bound]", state="attached")
    page.goto(link)  # as if from an email
    page.locator(".fp-welcome").wait_for()
    nav(page, "My progress")
    assert "0 of 14 passed" in page.locator("[data-assignment-list] .fp-assignment").inner_text()
    page.go_back()
    page.locator(".fp-welcome").wait_for()


def link_for(page, site: Site, name: str, path: str) -> str:
    return page.evaluate(
        """([base, name, path]) => {
            const json = JSON.stringify({v: 1, name, path, items: [{m: 'coaching', due: '2027-01-11'}, {m: 'hiring', due: '2027-02-11'}]});
            const bytes = new TextEncoder().encode(json);
            return base + 'assigned/#assignment=' + btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
        }""",
        [site.url, name, path],
    )


def test_two_links_opened_in_two_tabs_at_once_are_both_kept(context, site: Site) -> None:
    first, second = context.new_page(), context.new_page()
    first.goto(site.url)
    second.goto(site.url)
    links = [link_for(first, site, "Dana", "coaching-intensive"), link_for(first, site, "Dana", "new-manager-90-days")]
    for tab, link in zip((first, second), links):
        tab.evaluate("link => setTimeout(() => location.assign(link), 50)", link)
    for tab in (first, second):
        tab.locator(".fp-welcome").wait_for()
    nav(first, "My progress")
    expect(first.locator("[data-assignment-list] .fp-assignment")).to_have_count(2)


def test_a_browser_shared_by_two_people_asks_whose_record_it_is(page, site: Site) -> None:
    page.goto(site.url)
    for name in ("Zoë", "Sam O'Neil, Jr."):
        page.goto(link_for(page, site, name, "coaching-intensive"))  # links from two emails
        page.locator(".fp-welcome").wait_for()
    nav(page, "My progress")
    whose = page.locator(".fp-whose")
    whose.wait_for()
    assert "This browser holds assignments for 2 people. Whose record is this?" in whose.inner_text()
    assert page.get_by_label("Your name, as it appears on your record").input_value() == ""
    step(page, "shared-browser-asks")
    page.get_by_role("button", name="Download completion record").click()
    assert page.locator(".fp-io-status").inner_text() == "First say whose record this is: choose a name above."
    whose.get_by_label("Sam O'Neil, Jr.").click()
    assert page.get_by_label("Your name, as it appears on your record").input_value() == "Sam O'Neil, Jr."
    assert whose.is_hidden()
    filename, record = download(page, "Download completion record")
    assert filename == f"Completion record - Sam O'Neil, Jr. - {TODAY}.json"
    assert [a["name"] for a in record["assignments"]] == ["Sam O'Neil, Jr."]


def test_assignments_are_removed_one_at_a_time(page, site: Site) -> None:
    page.goto(site.url)
    for path in ("coaching-intensive", "new-manager-90-days"):
        page.goto(link_for(page, site, "Dana", path))
        page.locator(".fp-welcome").wait_for()
    nav(page, "My progress")
    items = page.locator("[data-assignment-list] .fp-assignment")
    expect(items).to_have_count(2)
    page.once("dialog", lambda dialog: dialog.accept())
    items.filter(has_text="Coaching intensive").get_by_role("button", name="Remove this assignment").click()
    expect(page.locator(".fp-io-status")).to_have_text("Removed the assignment for Dana (Coaching intensive).")
    expect(items).to_have_count(1)
    assert "New manager — first 90 days" in items.inner_text()
    page.reload()
    expect(page.locator("[data-assignment-list] .fp-assignment")).to_have_count(1)


def test_a_completion_record_imports_without_losing_a_pass(browser, console, page, site: Site, tmp_path: Path) -> None:
    page.goto(f"{site.url}modules/hiring/")
    pass_quiz(page, "hiring")
    nav(page, "My progress")
    page.wait_for_selector("[data-assignment-list][data-bound]", state="attached")
    filename, record = download(page, "Download completion record")
    good = tmp_path / filename
    good.write_text(json.dumps(record), encoding="utf-8")
    record["results"]["hiring"].update(best=100, passed=False, passedOn=None)  # an inconsistent file: must not undo the pass
    record["results"]["coaching"] = {**record["results"]["hiring"], "title": "Coaching", "passed": True, "passedOn": "2026-11-20T10:00:00Z", "quizVersion": "old0000000"}
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(record), encoding="utf-8")
    other = new_context(browser, console)
    try:
        fresh = other.new_page()
        fresh.goto(f"{site.url}modules/hiring/")
        nav(fresh, "My progress")
        fresh.wait_for_selector("[data-assignment-list][data-bound]", state="attached")
        field = fresh.get_by_label("Import a progress export or a completion record")
        field.set_input_files(str(good))
        expect(fresh.locator(".fp-import-status")).to_contain_text("Imported 1 result")
        expect(fresh.locator('[data-module-status="hiring"]')).to_have_text("✓ Passed on 1 Dec 2026 (best score 100%)")
        field.set_input_files(str(edited))
        expect(fresh.locator(".fp-import-status")).to_contain_text("Imported 1 result")  # coaching; hiring unchanged
        expect(fresh.locator('[data-module-status="hiring"]')).to_have_text("✓ Passed on 1 Dec 2026 (best score 100%)")
        expect(fresh.locator('[data-module-status="coaching"]')).to_have_text("✓ Passed on 20 Nov 2026 (best score 100%), on an earlier version of this quiz")
        assert fresh.get_by_label("Your name, as it appears on your record").input_value() == ""
    finally:
        other.close()


FILL_STORAGE = """() => {
    const chunk = 'x'.repeat(1 << 20);
    for (let i = 0; ; i++) {
        try { localStorage.setItem('filler:' + i, chunk); } catch (e) { break; }
    }
    for (let size = 1 << 19; size > 0; size >>= 1) {
        try { localStorage.setItem('filler:small:' + size, 'x'.repeat(size)); } catch (e) { }
    }
}"""


def test_full_storage_is_said_never_hidden(page, site: Site, tmp_path: Path) -> None:
    page.goto(site.url)
    link = link_for(page, site, "Dana", "coaching-intensive")
    page.evaluate(FILL_STORAGE)
    page.goto(link)
    alert = page.locator(".fp-welcome [role=alert]")
    alert.wait_for()
    assert alert.inner_text().startswith("This browser could not keep the assignment (its storage is full or blocked)")
    assert "Kept in this browser" not in page.locator("article").inner_text()
    nav(page, "My progress")
    warning = page.locator(".fp-storage-warning")
    warning.wait_for()
    assert "not keeping anything for this site" in warning.inner_text()
    name = page.get_by_label("Your name, as it appears on your record")
    name.fill("Dana")
    name.press("Tab")
    assert page.locator(".fp-name-status").inner_text() == "Not saved: this browser's storage is full or blocked."
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"kind": "frontline-progress-export", "v": 1, "quiz": {"hiring": {"quizVersion": "x", "moduleVersion": "1", "best": 90, "last": 90, "passed": True, "date": "2026-11-01T10:00:00Z", "passedOn": "2026-11-01T10:00:00Z"}}, "assignments": []}), encoding="utf-8")
    page.get_by_label("Import a progress export or a completion record").set_input_files(str(export))
    page.locator(".fp-import-status").filter(has_text="could not save").wait_for()
    step(page, "storage-full-progress")


@pytest.mark.parametrize("path", ["assign/", "assigned/#assignment=eyJ2IjoxfQ", "progress/"])
def test_without_javascript_a_plain_notice_and_no_dead_controls(browser, site: Site, path: str) -> None:
    context = new_context(browser, java_script_enabled=False)
    try:
        mark = len(site.requests)
        page = context.new_page()
        page.goto(f"{site.url}{path}")
        article = page.locator("article")
        assert article.locator(".fp-notice").is_visible()
        assert "JavaScript" in article.locator(".fp-notice").inner_text()
        visible = [el for el in article.locator("button, input, select, textarea, progress").all() if el.is_visible()]
        assert visible == []
        assert not re.search(r"\d+ of \d+", article.inner_text()), "no made-up '0 of N passed'"
        if SHOTS:  # (axe needs JavaScript: not run here)
            page.screenshot(path=f"{SHOTS}/nojs-{path.split('/')[0]}.png", full_page=True)
        page.keyboard.press("Enter")
        assert site.requests_since(mark) and all("?" not in line.split()[1] for line in site.requests_since(mark))
    finally:
        context.close()


def test_the_assign_form_cannot_send_anything_even_when_its_script_failed(browser, site: Site) -> None:
    """The page's own scripts blocked (a proxy, an error): the hidden form shown by hand, filled in
    and submitted with Enter and with its button sends nothing to the server."""
    context = new_context(browser)
    try:
        context.route("**/assets/fp/assign-page.js", lambda route: route.abort())
        mark = len(site.requests)
        page = context.new_page()
        page.goto(f"{site.url}assign/")
        form = page.locator("form.fp-assign-form")
        assert form.get_attribute("method") == "dialog"
        assert page.locator("article [name]").count() == 0, "no field has a name a submit would send"
        page.evaluate("() => document.querySelectorAll('[data-fp-app]').forEach(el => { el.hidden = false; })")
        page.locator("#fp-assignee").fill(NAME)
        page.locator("#fp-note").fill(NOTE)
        page.locator("#fp-assignee").press("Enter")
        page.get_by_role("button", name="Make the assignment link").click()
        page.wait_for_load_state("load")
        assert page.url == f"{site.url}assign/"
        assert_nothing_leaked(site, mark)
    finally:
        context.close()


def test_printing_a_module_after_the_assign_page_keeps_its_objectives(page, site: Site) -> None:
    """The Assign page's print rules stay loaded after instant navigation; they must not reach modules."""
    page.goto(f"{site.url}assign/")
    page.wait_for_selector(".fp-assign-form[data-bound]")
    nav(page, "Course overview")
    page.locator("article").get_by_role("link", name="Onboarding new reps: the first 90 days").first.click()
    page.wait_for_selector("[data-quiz][data-bound]")
    page.emulate_media(media="print")
    assert page.locator("article .admonition").first.is_visible()


def test_assignment_link_with_past_due_dates_warns_before_it_is_made(page, site: Site) -> None:
    page.goto(f"{site.url}assign/")
    page.wait_for_selector(".fp-assign-form[data-bound]")
    page.get_by_label("Manager's name").fill("Sam")
    page.get_by_label("Start date").fill("2026-10-01")
    page.get_by_label("Path", exact=True).select_option("coaching-intensive")
    page.get_by_role("button", name="Make the assignment link").click()
    error = page.locator(".fp-assign-error")
    assert error.inner_text().startswith("Every due date is already past (the earliest is 8 Oct 2026)")
    assert page.locator(".fp-assign-result").is_hidden()
    step(page, "assign-past-dates")
    page.get_by_label("Start date").fill("2026-11-20")  # changing anything asks again
    page.get_by_label("Path", exact=True).select_option("coaching-intensive")
    page.get_by_role("button", name="Make the assignment link").click()
    assert re.match(r"\d of the 4 due dates are already past", error.inner_text())
    page.get_by_role("button", name="Make the link anyway").click()
    assert page.locator(".fp-assign-result").is_visible() and error.inner_text() == ""


def test_impossible_dates_are_refused(page, site: Site) -> None:
    bad = base64.urlsafe_b64encode(json.dumps({"v": 1, "name": "Dana", "items": [{"m": "coaching", "due": "2027-02-30"}]}).encode()).decode().rstrip("=")
    page.goto(f"{site.url}assigned/#assignment={bad}")
    assert page.locator("[data-assigned-view] .fp-error").inner_text() == "This assignment link cannot be used: a due date is not a real date."


from tests.browser.test_offline import offline_site  # noqa: E402,F401 (the `make offline` copy, as a fixture)


def test_the_offline_copy_works_by_clicking_from_disk(browser, console, offline_site: Path) -> None:  # noqa: F811
    context = new_context(browser, console)
    try:
        outside: list[str] = []
        context.on("request", lambda request: outside.append(request.url) if not request.url.startswith(("file://", "data:", "blob:")) else None)
        page = context.new_page()
        page.goto((offline_site / "index.html").as_uri())
        page.locator("article").get_by_role("link", name="Assign", exact=True).click()
        page.wait_for_selector(".fp-assign-form[data-bound]")
        link = make_link(page)
        assert link.startswith((offline_site / "assigned.html").as_uri() + "#assignment=")
        page.goto(link)  # from the email
        page.locator(".fp-welcome").get_by_role("link", name="Start the first module: Your first 90 days: from peer to boss").click()
        assert page.url.endswith("/modules/peer-to-boss.html")
        pass_quiz(page, "peer-to-boss")
        nav(page, "My progress")
        expect(page.locator("[data-assignment-list] .fp-assignment")).to_contain_text("1 of 14 passed")
        filename, record = download(page, "Download completion record")
        assert filename == f"Completion record - {NAME} - {TODAY}.json" and record["assignments"][0]["open"][0] == "the-managers-job"
        assert outside == []
    finally:
        context.close()
