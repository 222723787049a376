"""Spaced reviews and the Start here diagnostic (issue 12 points 5 and 6), in Chromium with the clock
frozen (never today's date): a module passed by clicking comes due for review on day 2, 7 and 30,
never before; the review page runs what is due with the quiz's feedback rules and saves the next
date; the diagnostic recommends where to begin; corrupt, full or blocked storage; no JavaScript."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.browser.quiz_steps import answer_all_correctly, answer_right, answer_wrong, check, check_anyway, open_module
from tests.conftest import Site

PASS_DAY = dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.timezone.utc)
REVIEW_KEY = "frontline:v1:review:coaching"
DIAGNOSTIC_KEY = "frontline:v1:diagnostic"


def on_day(page, days: int) -> None:
    page.clock.set_fixed_time(PASS_DAY + dt.timedelta(days=days))


FRESH_MARKER = """() => { const m = document.querySelector('[data-fp-review-due]');
    return !!m && !m.fpSeen && /\\(\\d+\\)/.test(m.textContent) && (m.fpSeen = true); }"""


def go_home(page) -> None:
    """Home by its link; waits for a new page's "Review due" marker, filled by the script."""
    if page.locator("[data-fp-course-map]").count():  # home's link on home itself does not reload it: via the overview
        page.locator('.md-content a[href$="overview/"]').first.click()
        page.wait_for_selector("h1:has-text('Course overview')")
    logo = page.locator("a.md-header__button.md-logo")
    if logo.is_visible():
        logo.click()
    else:  # a phone: the logo is at the top of the navigation drawer, which slides in; with the
        # clock frozen it never settles for a pointer click, so the learner's keyboard takes it
        page.locator("label.md-header__button[for='__drawer']").click()
        drawer_logo = page.locator("nav.md-nav--primary a.md-logo")
        drawer_logo.focus()
        page.keyboard.press("Enter")
    page.wait_for_function(FRESH_MARKER)


def due_link(page):
    return page.locator("[data-fp-review-due] a")


def pass_module(page, site: Site, module: str = "coaching", first: bool = True) -> None:
    if first:
        quiz = open_module(page, site, module)
    else:
        page.locator(f'.md-nav--primary a[href$="modules/{module}/"]').first.click()
        quiz = page.locator(f'[data-quiz="{module}"]')
        page.wait_for_selector(f'[data-quiz="{module}"][data-bound]')
    answer_all_correctly(quiz)
    check(quiz)
    assert "Passed" in quiz.locator(".fp-score-line").inner_text()


def open_my_progress(page, site: Site) -> None:
    page.locator('.md-nav--primary a[href$="progress/"]').first.click()
    page.wait_for_function(FRESH_MARKER)


def answer_session(review) -> None:
    for question in session(review):
        answer_right(question)


def open_review(page):
    due_link(page).click()
    page.wait_for_selector("[data-fp-review][data-bound]")
    return page.locator("[data-fp-review]")


def session(review) -> list:
    return review.locator("[data-fp-review-session] .fp-question").all()


def stored(page, key: str) -> dict | None:
    raw = page.evaluate("k => localStorage.getItem(k)", key)
    return json.loads(raw) if raw else None


def test_reviews_come_due_at_2_7_and_30_days_with_the_quiz_feedback_rules(page, site: Site) -> None:
    on_day(page, 0)
    pass_module(page, site)
    go_home(page)
    assert due_link(page).is_hidden(), "nothing is due on the day of the pass"
    on_day(page, 1)
    go_home(page)
    assert due_link(page).is_hidden(), "nothing is due the next day"

    on_day(page, 2)
    go_home(page)
    assert due_link(page).inner_text() == "Review due (1)"
    review = open_review(page)
    questions = session(review)
    assert len(questions) == 3
    assert "first review" in review.locator("[data-fp-review-status]").inner_text()
    # One wrong (with feedback), two right: 67%, a failed review.
    wrong = questions[0]
    picked = answer_wrong(wrong)
    for question in questions[1:]:
        answer_right(question)
    check(review)
    assert "2 of 3 right" in review.locator(".fp-score-line").inner_text()
    # The failed try says why the pick is wrong, but neither shows the right choice nor explains.
    assert wrong.locator(f'[data-choice="{picked}"] .fp-choice-feedback').is_visible()
    assert wrong.locator(".fp-is-correct").count() == 0
    assert wrong.locator(".fp-explanation").is_hidden()
    assert "without taking over · 2 of 3 right. Next review on 8 Mar 2027." in review.locator("[data-fp-review-next]").inner_text()
    record = stored(page, REVIEW_KEY)
    assert record["done"] == 1 and record["next"] == "2027-03-08" and record["history"][0]["score"] == 67
    # Try again keeps the right answers; a pass then reveals the right choice and why.
    review.get_by_role("button", name="Try again").click()
    assert "kept from your last try" in questions[1].locator(".fp-verdict").inner_text()
    answer_right(wrong)
    check(review)
    assert "3 of 3 right" in review.locator(".fp-score-line").inner_text()
    assert wrong.locator(".fp-is-correct").count() >= 1 and wrong.locator(".fp-explanation").is_visible()
    assert stored(page, REVIEW_KEY)["done"] == 1, "a retry in the same session is practice, not a second review"

    on_day(page, 6)
    go_home(page)
    assert due_link(page).is_hidden()
    on_day(page, 7)
    go_home(page)
    assert due_link(page).inner_text() == "Review due (1)"
    review = open_review(page)
    assert len(session(review)) == 4 and "second review" in review.locator("[data-fp-review-status]").inner_text()
    answer_session(review)
    check(review)
    assert "Next review on 31 Mar 2027." in review.locator("[data-fp-review-next]").inner_text()

    on_day(page, 29)
    go_home(page)
    assert due_link(page).is_hidden()
    on_day(page, 30)
    go_home(page)
    review = open_review(page)
    assert len(session(review)) == 5
    answer_session(review)
    check(review)
    assert "That was its last review." in review.locator("[data-fp-review-next]").inner_text()

    on_day(page, 90)
    go_home(page)
    assert due_link(page).is_hidden(), "three reviews, then done"
    open_my_progress(page, site)
    assert due_link(page).is_hidden()


def test_due_modules_are_interleaved_and_my_progress_counts_them(page, site: Site) -> None:
    on_day(page, 0)
    pass_module(page, site, "coaching")
    pass_module(page, site, "hiring", first=False)
    on_day(page, 3)
    open_my_progress(page, site)
    assert due_link(page).inner_text() == "Review due (2)"
    review = open_review(page)
    modules = [q.locator(".fp-review-from a").inner_text() for q in session(review)]
    assert len(modules) == 6
    assert all(modules[i] != modules[i + 1] for i in range(5)), modules
    # Blank questions are named before grading, as in the quiz.
    check(review)
    assert "6 questions are not answered" in review.locator(".fp-confirm-text").inner_text()


def test_module_pages_do_not_load_the_review_script(page, site: Site) -> None:
    open_module(page, site)
    assert page.evaluate("() => ![...document.scripts].some(s => /review\\.js/.test(s.src)) && !(window.FP && window.FP.review)")
    assert page.evaluate("() => ![...document.styleSheets].some(s => /review\\.css/.test(s.href || ''))")
    assert page.locator(".fp-review-pool, [data-fp-review]").count() == 0


def pass_record(page) -> None:
    page.evaluate("""d => localStorage.setItem('frontline:v1:quiz:coaching', JSON.stringify({quizVersion: 'x', moduleVersion: '1',
        last: 100, best: 100, passed: true, passedOn: d, date: d}))""", PASS_DAY.isoformat())


def test_corrupt_review_records_are_ignored(page, site: Site) -> None:
    on_day(page, 0)
    page.goto(site.url)
    pass_record(page)
    for bad in ['{not json', '{"v":1,"passedOn":"x","done":7,"history":[]}', '[]', '{"v":1,"passedOn":"2027-03-01T10:00:00+00:00","done":1,"next":"soon","history":[]}']:
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [REVIEW_KEY, bad])
        on_day(page, 2)
        go_home(page)
        assert due_link(page).inner_text() == "Review due (1)", bad


def test_full_storage_is_said_out_loud(page, site: Site) -> None:
    on_day(page, 0)
    page.goto(site.url)
    pass_record(page)
    page.evaluate("""() => { const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) { if (k.indexOf('frontline:v1:review:') === 0 || k === 'frontline:v1:diagnostic') throw new DOMException('full', 'QuotaExceededError'); return set.call(this, k, v); }; }""")
    on_day(page, 2)
    go_home(page)
    review = open_review(page)
    answer_session(review)
    check(review)
    assert review.locator(".fp-save-warning").is_visible()
    assert "Not saved." in review.locator("[data-fp-review-next]").inner_text()
    go_home(page)
    assert due_link(page).inner_text() == "Review due (1)", "an unsaved review is still due"


def test_blocked_storage_is_said_out_loud(browser, site: Site) -> None:
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });")
    try:
        page = context.new_page()
        page.goto(f"{site.url}review/")
        page.wait_for_selector("[data-fp-review][data-bound]")
        assert "storage is blocked" in page.locator("[data-fp-review-status]").inner_text()
    finally:
        context.close()


def diagnostic_answers(page, wrong_modules: set[str]) -> None:
    for item in page.locator(".fp-diagnostic-item").all():
        question = item.locator(".fp-question")
        if item.get_attribute("data-module") in wrong_modules:
            answer_wrong(question)
        else:
            answer_right(question)


def test_the_diagnostic_recommends_where_to_start_and_keeps_it(page, site: Site) -> None:
    on_day(page, 0)
    page.goto(f"{site.url}start-here/")
    page.wait_for_selector("[data-fp-diagnostic][data-bound]")
    diagnostic = page.locator("[data-fp-diagnostic]")
    course = diagnostic.locator("[data-fp-diagnostic-modules] li").evaluate_all("ls => ls.map(l => l.dataset.module)")
    assert 10 <= diagnostic.locator(".fp-diagnostic-item").count() <= 2 * len(course)
    assert course.index("the-managers-job") < course.index("hiring") < course.index("coaching")
    # Peer to boss (first in the course) answered right, so the first module to study is the manager's job.
    diagnostic_answers(page, {"the-managers-job", "coaching", "hiring"})
    diagnostic.get_by_role("button", name="See where to start").click()
    result = diagnostic.locator("[data-fp-diagnostic-result]")
    text = result.inner_text()
    assert "Start with The manager's job: performance through people." in text
    assert result.locator("ol li").all_inner_texts() == ["Hiring reps who will succeed on your team", "Coaching: building skill without taking over"]
    assert "Skim these: you answered their questions right." in text
    skim = [m for m in course if m not in ("the-managers-job", "hiring", "coaching")]
    assert result.locator("ul li").count() == len(skim)
    assert "1 Mar 2027" in text
    assert stored(page, DIAGNOSTIC_KEY) == {"v": 1, "date": "2027-03-01", "skim": skim, "study": ["the-managers-job", "hiring", "coaching"]}
    # Away and back by the navigation: the result is shown again, with "Take it again".
    page.locator('.md-nav--primary a[href$="glossary/"]').first.click()
    page.wait_for_url("**/glossary/")
    page.locator('.md-nav--primary a[href$="start-here/"]').first.click()
    page.wait_for_selector("[data-fp-diagnostic][data-bound]")
    assert "Start with The manager's job" in result.inner_text()
    assert diagnostic.locator("[data-fp-diagnostic-form]").is_hidden()
    diagnostic.get_by_role("button", name="Take it again").click()
    assert diagnostic.locator("[data-fp-diagnostic-form]").is_visible()
    assert diagnostic.locator(".fp-diagnostic-item input:checked").count() == 0
    diagnostic_answers(page, set())
    diagnostic.get_by_role("button", name="See where to start").click()
    assert "You answered every question right" in result.inner_text()


def test_a_corrupt_diagnostic_is_ignored_and_a_full_one_said(page, site: Site) -> None:
    page.goto(site.url)
    page.evaluate("k => localStorage.setItem(k, '{\"v\":1,\"date\":\"yesterday\",\"skim\":[],\"study\":[]}')", DIAGNOSTIC_KEY)
    page.locator('.md-nav--primary a[href$="start-here/"]').first.click()
    page.wait_for_selector("[data-fp-diagnostic][data-bound]")
    diagnostic = page.locator("[data-fp-diagnostic]")
    assert diagnostic.locator("[data-fp-diagnostic-form]").is_visible()
    page.evaluate("() => { Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; }")
    diagnostic.get_by_role("button", name="See where to start").click()
    assert diagnostic.locator(".fp-save-warning").is_visible()
    # Nothing answered: start at the beginning of the course.
    assert "Start with Your first 90 days: from peer to boss" in diagnostic.locator("[data-fp-diagnostic-result]").inner_text()


def test_without_javascript_a_notice_and_the_questions(browser, site: Site) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site.url}review/")
        assert page.locator("[data-fp-review] .fp-quiz-nojs").is_visible()
        assert page.locator("[data-fp-review-pool] .fp-question").first.is_hidden()
        page.goto(f"{site.url}start-here/")
        assert page.locator("[data-fp-diagnostic] .fp-quiz-nojs").is_visible()
        assert page.locator(".fp-diagnostic-item .fp-question").first.is_visible()
        assert page.locator(".fp-diagnostic-item details.fp-answer").first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("width", [1366, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_review_page_and_diagnostic_have_no_violation_of_any_impact(browser, site: Site, scheme: str, width: int, tmp_path) -> None:
    from tests.browser.test_accessibility import all_violations

    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        on_day(page, 0)
        page.goto(site.url)
        pass_record(page)
        on_day(page, 2)
        go_home(page)  # and on by clicking, as a learner does: "Review due (1)", then home's "Start here"
        review = open_review(page)
        found = {"review": all_violations(page)}
        questions = session(review)
        answer_wrong(questions[0])
        check_anyway(review)
        found["review checked"] = all_violations(page)
        page.screenshot(path=str(tmp_path / f"review-{scheme}-{width}.png"), full_page=True)
        go_home(page)
        page.locator("article").get_by_role("link", name="Start here", exact=True).click()
        page.wait_for_selector("[data-fp-diagnostic][data-bound]")
        found["diagnostic"] = all_violations(page)
        page.locator("[data-fp-diagnostic]").get_by_role("button", name="See where to start").click()
        found["diagnostic result"] = all_violations(page)
        page.locator("[data-fp-diagnostic]").screenshot(path=str(tmp_path / f"diagnostic-{scheme}-{width}.png"))
        assert {k: v for k, v in found.items() if v} == {}
    finally:
        context.close()
