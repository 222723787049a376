"""The site around the modules, as a learner moves through it by clicking: the home page's next step,
ticks in the navigation, My progress from the header on a phone, wide tables on a phone, search
that finds the module teaching a term, and what each kind of page looks like on paper."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from macros.catalog import load_catalog
from tests.conftest import REPO, Site

CATALOG, _ = load_catalog(REPO)
PASSED = {"quizVersion": "old", "moduleVersion": "1.0", "best": 100, "last": 100, "passed": True,
          "passedOn": "2026-12-01T10:00:00.000Z", "date": "2026-12-01T10:00:00.000Z"}
TRIED = {**PASSED, "best": 40, "last": 40, "passed": False}
del TRIED["passedOn"]


def new_page(browser, console, *, width: int = 1366, height: int = 900, scheme: str = "light"):
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    console.attach(page)
    page.clock.set_fixed_time("2026-12-02T09:00:00")
    return context, page


def store(page, values: dict[str, object]) -> None:
    page.evaluate("v => { for (const k in v) localStorage.setItem(k, JSON.stringify(v[k])); }", values)


def in_first_screen(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


@pytest.mark.parametrize("width, height", [(1366, 900), (375, 812)])
def test_home_first_screen_starts_the_course_then_continues_where_you_left_off(browser, console, site: Site, width: int, height: int) -> None:
    context, page = new_page(browser, console, width=width, height=height)
    try:
        page.goto(site.url)
        start = page.get_by_role("link", name="Start the course")
        assert in_first_screen(page, start), "the main action is on the first screen"
        assert page.locator("[data-fp-track-count]:not(:empty)").count() == 0, "no made-up counts on a first visit"
        start.click()
        page.wait_for_url("**/modules/peer-to-boss/")
        store(page, {"frontline:v1:quiz:peer-to-boss": PASSED})
        # Back to the home page, a second module from the course map, and back again.
        page.go_back()
        page.wait_for_url(site.url)
        page.locator(".fp-course-map").get_by_role("link", name="Hiring reps").click()
        page.wait_for_url("**/modules/hiring/")
        # The reader sees the page before going back: the URL changes before the page's scripts run.
        page.wait_for_function("() => (localStorage.getItem('frontline:v1:last-module') || '').includes('hiring')")
        page.go_back()
        page.wait_for_url(site.url)
        action = page.locator("[data-fp-home-action]")
        cont = action.get_by_role("link", name=re.compile("^Continue where you left off: Hiring reps"))
        page.wait_for_timeout(300)
        page.evaluate("window.scrollTo(0, 0)")  # back restores where the reader was; the first screen is the top
        assert in_first_screen(page, cont)
        assert "You last opened it on 2 Dec 2026" in action.inner_text()
        foundations = page.locator(".fp-map-track", has=page.get_by_role("heading", name="Foundations"))
        assert foundations.locator("[data-fp-track-count]").inner_text() == "1 of 3 passed"
        assert "✓ Completed" in foundations.inner_text()
        cont.click()
        page.wait_for_url("**/modules/hiring/")
    finally:
        context.close()


def test_home_names_the_next_open_module_once_the_last_one_is_passed(browser, console, site: Site) -> None:
    context, page = new_page(browser, console)
    try:
        page.goto(site.url)
        store(page, {
            "frontline:v1:quiz:peer-to-boss": PASSED, "frontline:v1:quiz:the-managers-job": PASSED,
            "frontline:v1:last-module": {"id": "the-managers-job", "date": "2026-12-01T10:00:00Z"},
        })
        page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Course overview").click()
        page.locator("header .md-logo").click()
        next_link = page.locator("[data-fp-home-action]").get_by_role("link", name=re.compile("^Continue with: Team meetings and your own week"))
        # The home page's script draws the action after the page arrives: wait for it as a reader does.
        expect(next_link).to_be_visible()
        expect(page.locator("[data-fp-home-action]")).to_contain_text(f"2 of {len(CATALOG.modules)} modules passed")
    finally:
        context.close()


def test_passed_modules_are_ticked_in_the_navigation_and_on_the_overview(browser, console, site: Site) -> None:
    context, page = new_page(browser, console)
    try:
        page.goto(site.url)
        store(page, {"frontline:v1:quiz:coaching": PASSED, "frontline:v1:quiz:setting-expectations": TRIED})
        nav = page.get_by_role("navigation", name="Navigation")
        nav.get_by_role("link", name="Course overview").click()
        card = page.locator(".fp-cards li", has=page.locator('[data-module="coaching"]'))
        assert "✓ Completed" in card.inner_text()
        page.locator("article").get_by_role("link", name="Coaching: building skill").first.click()
        page.wait_for_url("**/modules/coaching/")
        coaching = nav.get_by_role("link", name=re.compile("^Coaching: building skill"))
        expect(coaching.locator(".fp-nav-mark")).to_have_count(1)  # painted once the swapped-in page is bound
        assert coaching.inner_text().endswith("✓ (passed)") or "(passed)" in coaching.text_content()
        started = nav.get_by_role("link", name=re.compile("^Setting performance"))
        assert started.locator(".fp-nav-mark").count() == 0, "only passed modules are ticked"
    finally:
        context.close()


def test_progress_bars_fill_on_the_pages_a_learner_clicks_to(browser, console, site: Site) -> None:
    """The bars' script (fp/bars.js) is not on module pages: it arrives with the first page that has
    a bar, however that page is reached (here Material's instant navigation), and keeps them right
    on every page after, a learning path's and My progress."""
    context, page = new_page(browser, console)
    try:
        page.goto(f"{site.url}modules/coaching/")
        quiz = page.locator('[data-quiz="coaching"][data-bound]')
        for choice in quiz.locator(".fp-choice[data-correct] input").all():
            choice.check()
        quiz.get_by_role("button", name="Check answers").click()
        expect(quiz.locator(".fp-score")).to_contain_text("Passed")
        assert page.evaluate("() => [...document.scripts].some(s => s.src.endsWith('/assets/fp/bars.js'))") is False
        page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Coaching intensive").click()
        page.wait_for_url("**/paths/coaching-intensive/")
        bar = page.locator("article .fp-progress")
        expect(bar).to_be_visible()
        expect(bar.locator(".fp-progress-text")).to_have_text("1 of 4 passed")
        assert bar.locator("progress").evaluate("el => [el.value, el.max]") == [1, 4]
        page.locator("a.fp-header-progress").click()
        page.wait_for_url("**/progress/")
        track = page.locator("article .fp-progress", has=page.locator('progress[aria-label^="Drive performance"]'))
        expect(track.locator(".fp-progress-text")).to_have_text(re.compile(r"^1 of \d+ passed$"))
        path = page.locator("article .fp-progress", has=page.locator('progress[aria-label^="Coaching intensive"]'))
        expect(path.locator(".fp-progress-text")).to_have_text("1 of 4 passed")
    finally:
        context.close()


def test_module_links_to_its_self_check_near_the_top(browser, console, site: Site) -> None:
    context, page = new_page(browser, console)
    try:
        page.goto(f"{site.url}modules/coaching/")
        jump = page.locator("article").get_by_role("link", name="Take the self-check")
        assert in_first_screen(page, jump)
        jump.click()
        page.wait_for_timeout(300)
        assert in_first_screen(page, page.locator("#check-yourself"))
    finally:
        context.close()


def test_title_then_meta_then_readable_tags_and_no_gap_under_a_one_line_title(browser, console, site: Site) -> None:
    context, page = new_page(browser, console)
    try:
        page.goto(f"{site.url}modules/coaching/")
        order = page.evaluate("""() => Array.from(document.querySelector('article').children).slice(0, 3).map(e => e.tagName + '.' + e.className)""")
        assert order[0].startswith("H1") and "fp-meta" in order[1] and "md-tags" in order[2], order
        tags = page.get_by_role("navigation", name="Tags of this page").get_by_role("link").all_inner_texts()
        assert "SBI" in tags and "GROW" in tags and "Call coaching" in tags
        h1 = page.locator("article h1")
        line = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('article h1')).lineHeight)")
        assert h1.bounding_box()["height"] < 1.5 * line, "the title sits on one line, with no permalink wrapped under it"
        footer = page.locator(".fp-stewardship").inner_text()
        assert re.search(r"Last reviewed on \d{1,2} [A-Z][a-z]{2} \d{4} by", footer), footer
    finally:
        context.close()


def test_my_progress_is_one_tap_away_on_a_phone(browser, console, site: Site) -> None:
    context, page = new_page(browser, console, width=375, height=812, scheme="dark")
    try:
        page.goto(f"{site.url}modules/pipeline-reviews/")
        page.get_by_role("link", name="My progress").first.click()
        page.wait_for_url("**/progress/")
        expect(page.locator("article h1")).to_have_text(re.compile("^My progress"))
    finally:
        context.close()


def test_phone_drawer_separates_learning_from_the_senior_managers_tools(browser, console, site: Site) -> None:
    context, page = new_page(browser, console, width=375, height=812)
    try:
        page.goto(site.url)
        page.locator("label.md-header__button[for='__drawer']").click()
        drawer = page.get_by_role("navigation", name="Navigation")
        sections = drawer.locator(":scope > ul > li > label.md-nav__link")
        expect(sections.filter(has_text="Learn")).to_be_visible()
        expect(sections.filter(has_text="Tools for senior managers")).to_be_visible()
        assert drawer.get_by_role("link", name="Build benchmark").count() == 0
    finally:
        context.close()


def test_wide_tables_scroll_in_a_focusable_named_region_with_a_hint_on_a_phone(browser, console, site: Site) -> None:
    context, page = new_page(browser, console, width=375, height=812)
    try:
        page.goto(f"{site.url}modules/coaching/")
        region = page.get_by_role("region", name=re.compile("^Table of Conversation, Coaching"))
        assert region.get_attribute("tabindex") == "0"
        hint = region.locator("xpath=preceding-sibling::p[1]")
        assert hint.is_visible() and "scroll sideways" in hint.inner_text()
        region.focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        assert region.evaluate("e => e.scrollLeft") > 0, "the keyboard scrolls the table"
        page.set_viewport_size({"width": 1366, "height": 900})
        page.wait_for_timeout(400)
        assert not hint.is_visible(), "no hint where the table fits"
        assert page.get_by_role("region", name=re.compile("^Table of Conversation")).count() == 0
    finally:
        context.close()


# The term a learner types -> the module that teaches it.
TEACHES = {
    "PIP": "Handling performance issues",
    "SBI": "Coaching: building skill without taking over",
    "GROW": "Coaching: building skill without taking over",
    # Two modules teach a 30-60-90 plan: the new rep's (onboarding) and the new manager's own.
    "30-60-90": ("Onboarding new reps: the first 90 days", "Your first 90 days: from peer to boss"),
    "forecast": "Pipeline reviews and forecasting as coaching",
    # Two modules are tagged 1:1s; either is right, a page that only mentions it is not.
    "1:1": ("Coaching rhythm: the critical few activities, every week", "Setting performance expectations"),
}


CURRENT_RESULTS = """q => {
    const marks = [...document.querySelectorAll('.md-search-result__list mark')].map(m => m.textContent.toLowerCase());
    const words = q.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    return marks.length > 0 && words.every(w => marks.some(m => m.includes(w)));
}"""


def search(page, query: str) -> list[str]:
    field = page.locator("input.md-search__input")
    field.click()
    field.fill("")
    field.press_sequentially(query, delay=20)
    page.wait_for_function("() => /matching document/.test(document.querySelector('.md-search-result__meta').textContent)")
    # The worker answers each keystroke in turn; on a busy machine the list can still show the last query's
    # results. Wait until the highlighted words are this query's (a query matched through a synonym has
    # none: then a short pause).
    try:
        page.wait_for_function(CURRENT_RESULTS, arg=query, timeout=5000)
    except PlaywrightTimeout:
        pass
    page.wait_for_timeout(200)
    return page.locator(".md-search-result__item > .md-search-result__link h1").all_inner_texts()


def test_searching_a_term_the_course_teaches_ranks_its_module_first(browser, console, site: Site) -> None:
    context, page = new_page(browser, console)
    try:
        page.goto(site.url)
        for query, expected in TEACHES.items():
            titles = search(page, query)
            assert titles, query
            assert titles[0] in (expected if isinstance(expected, tuple) else (expected,)), f"{query}: {titles[:4]}"
            page.keyboard.press("Escape")
        assert search(page, "benchmark") == [] or "Build benchmark" not in search(page, "benchmark")
    finally:
        context.close()


# --- Print ---------------------------------------------------------------------------------------

def visible(page, selector: str) -> bool:
    return page.evaluate("s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'; }", selector)


def test_printed_module_is_a_handout(browser, console, site: Site) -> None:
    context, page = new_page(browser, console)
    try:
        page.goto(f"{site.url}modules/onboarding/")
        page.emulate_media(media="print")
        article = page.locator("article")
        assert article.locator(".admonition", has_text="After this module you will be able to").is_visible()
        assert article.locator(".admonition", has_text="The situation").first.is_visible()
        for gone in (".md-tags", ".fp-jump", "#related-modules", "#related-modules + .fp-cards", "#check-yourself", ".fp-quiz", ".fp-print-one", ".md-sidebar--primary"):
            assert not visible(page, gone), gone
        after = page.evaluate("""() => getComputedStyle(document.querySelector('#further-reading + ul a[href^="http"]'), '::after').content""")
        assert "http" in after, after
    finally:
        context.close()


@pytest.mark.parametrize("path, kept", [("paths/new-manager-90-days/", "table"), ("", ".fp-course-map")])
def test_printed_path_and_home_pages_keep_their_content_without_the_site_chrome(browser, console, site: Site, path: str, kept: str) -> None:
    context, page = new_page(browser, console)
    try:
        page.goto(f"{site.url}{path}")
        page.emulate_media(media="print")
        assert visible(page, f"article {kept}")
        assert visible(page, "article h1")
        for gone in (".md-header", ".md-sidebar--primary", ".md-footer"):
            assert not visible(page, gone), gone
    finally:
        context.close()


def test_print_this_checklist_prints_that_checklist_alone_on_one_page(browser, console, site: Site, tmp_path) -> None:
    context, page = new_page(browser, console)
    try:
        page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
        page.goto(site.url)
        page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Course overview").click()
        page.locator("article").get_by_role("link", name="Onboarding new reps").first.click()
        page.wait_for_url("**/modules/onboarding/")
        buttons = page.locator("article .fp-print-one")
        expect(buttons).to_have_count(len([s for s in CATALOG.modules["onboarding"].sections if s.kind == "checklist"]))
        section = page.locator(".fp-checklist-section", has=page.get_by_role("heading", name=re.compile("30-60-90 day plan template")))
        section.get_by_role("button", name="Print this template").click()
        assert page.evaluate("window.__printed") == 1
        page.emulate_media(media="print")
        shown = page.evaluate("""() => Array.from(document.querySelector('article').children)
            .filter(e => e.getClientRects().length).map(e => e.className)""")
        assert shown and all("fp-checklist-section" in c for c in shown), shown
        assert "From “Onboarding new reps" in section.inner_text()
        pdf = page.pdf(format="A4")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"{pages} pages"
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        assert not page.evaluate("document.documentElement.classList.contains('fp-print-one-on')")
        page.emulate_media(media="screen")
    finally:
        context.close()


def test_without_javascript_there_is_no_print_control_and_home_still_starts_the_course(browser, site: Site) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site.url}modules/onboarding/")
        # The buttons come with the page (they print through page.js): without scripting none shows.
        assert page.locator("article .fp-print-one").count() == len([s for s in CATALOG.modules["onboarding"].sections if s.kind == "checklist"])
        expect(page.get_by_role("button", name=re.compile("^Print this"))).to_have_count(0)
        assert page.locator(".fp-print-one:visible").count() == 0
        page.goto(site.url)
        assert page.get_by_role("link", name="Start the course").is_visible()
        assert page.locator("[data-fp-track-count]:not(:empty)").count() == 0
    finally:
        context.close()


def test_passing_a_quiz_ticks_the_module_in_the_navigation_at_once(browser, console, site: Site) -> None:
    context, page = new_page(browser, console)
    try:
        page.goto(f"{site.url}modules/coaching-rhythm/")
        page.locator("article").get_by_role("link", name="Take the self-check").click()
        quiz = page.locator('[data-quiz="coaching-rhythm"][data-bound]')
        for choice in quiz.locator(".fp-choice[data-correct] input").all():
            choice.check()
        quiz.get_by_role("button", name="Check answers").click()
        entry = page.get_by_role("navigation", name="Navigation").get_by_role("link", name=re.compile("^Coaching rhythm"))
        expect(entry.locator(".fp-nav-mark")).to_have_count(1)
    finally:
        context.close()
