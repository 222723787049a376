"""SCORM packages in a real SCORM runtime (scorm-again as the LMS API, the package in a frame as an
LMS opens it): the learner passes a quiz by clicking, the LMS's data model says so, and a later
launch with what the LMS saved resumes it, in a browser profile that remembers nothing itself."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import new_context
from tests.browser.quiz_steps import answer_all_correctly, answer_wrong, check, check_anyway, questions

MODULE = "coaching"


def launch(browser, console, lms, version: str, package: str, saved: dict | None = None):
    """A fresh browser profile on the test LMS, the package launched; (context, page, course frame)."""
    context = new_context(browser, console)
    page = context.new_page()
    page.goto(lms.url)
    page.evaluate("([v, p, s]) => launch(v, p, s)", [version, package, saved])
    return context, page, page.frame_locator("#lms-frame").frame_locator("#fp-content")


def api(page, version: str, expression: str):
    return page.evaluate(f"(window.{'API_1484_11' if version == '2004' else 'API'}).{expression}")


def sent(page) -> dict[str, str]:
    """The last value the package set for each element (write-only ones included), from the LMS's log."""
    values = {}
    for call in page.evaluate("calls"):
        if "=" in call:
            element, value = call.split("=", 1)
            values[element] = value
    return values


def leave(page, finish: str) -> None:
    page.evaluate("close_sco()")
    page.wait_for_function(f"calls.includes('{finish}')")


def pass_quiz(content, module: str = MODULE):
    quiz = content.locator(f'[data-quiz="{module}"][data-bound]')
    expect(quiz).to_be_visible()  # bound: the page has loaded (locator.all() does not wait)
    answer_all_correctly(quiz)
    check(quiz)
    expect(quiz.locator(".fp-score-line")).to_contain_text("Passed")
    return quiz


def test_module_package_scorm12_reports_the_pass_and_resumes(browser, console, lms) -> None:
    context, page, content = launch(browser, console, lms, "1.2", f"module-{MODULE}-scorm12")
    page.wait_for_function("calls.includes('LMSInitialize')")
    quiz = content.locator(f'[data-quiz="{MODULE}"][data-bound]')
    expect(quiz).to_be_visible()
    assert api(page, "1.2", "cmi.core.lesson_status") == "incomplete"

    # A failed attempt first: incomplete (not failed), with its score.
    answer_wrong(questions(quiz)[0])
    check_anyway(quiz)
    expect(quiz.locator(".fp-score-line")).to_contain_text("Not passed yet")
    assert api(page, "1.2", "cmi.core.lesson_status") == "incomplete"
    assert int(api(page, "1.2", "cmi.core.score.raw")) < 80
    quiz.get_by_role("button", name="Try again").click()
    pass_quiz(content)
    assert api(page, "1.2", "cmi.core.lesson_status") == "passed"
    assert api(page, "1.2", "cmi.core.score.raw") == "100"
    assert api(page, "1.2", "cmi.core.score.min") == "0"
    assert api(page, "1.2", "cmi.core.score.max") == "100"
    assert "LMSCommit" in page.evaluate("calls")  # the status changed: committed at once

    leave(page, "LMSFinish")
    assert sent(page)["cmi.core.exit"] == "suspend"
    assert re.fullmatch(r"00:0\d:\d\d\.\d\d", sent(page)["cmi.core.session_time"])
    saved = {"suspend_data": api(page, "1.2", "cmi.suspend_data"), "core": {"lesson_status": "passed", "entry": "resume"}}
    assert saved["suspend_data"].startswith("1;coaching|")
    context.close()

    # The next launch, in a browser that kept nothing: the LMS's suspend_data brings the pass back.
    context, page, content = launch(browser, console, lms, "1.2", f"module-{MODULE}-scorm12", saved)
    status = content.locator(f'[data-quiz-status][data-module-status="{MODULE}"]')
    expect(status).to_contain_text("Passed on 1 Dec 2026 (best score 100%)")
    assert api(page, "1.2", "cmi.core.lesson_status") == "passed"
    assert api(page, "1.2", "cmi.core.score.raw") == "100"
    leave(page, "LMSFinish")
    assert api(page, "1.2", "cmi.suspend_data") == saved["suspend_data"]  # nothing new: the same state
    context.close()
    assert console.errors == [], console.errors


def test_module_package_scorm2004_reports_success_score_and_resumes(browser, console, lms) -> None:
    context, page, content = launch(browser, console, lms, "2004", f"module-{MODULE}-scorm2004")
    page.wait_for_function("calls.includes('Initialize')")
    expect(content.locator(f'[data-quiz="{MODULE}"][data-bound]')).to_be_visible()
    assert api(page, "2004", "cmi.completion_status") == "incomplete"
    assert api(page, "2004", "cmi.success_status") == "unknown"
    pass_quiz(content)
    assert api(page, "2004", "cmi.success_status") == "passed"
    assert api(page, "2004", "cmi.completion_status") == "completed"
    assert api(page, "2004", "cmi.score.raw") == "100"
    assert api(page, "2004", "cmi.score.scaled") == "1"
    assert api(page, "2004", "cmi.score.max") == "100"
    # The learner switches tabs: the package commits (the LMS has it even if the tab is then killed).
    commits = page.evaluate("calls.filter(c => c === 'Commit').length")
    page.frames[1].evaluate("Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true}); document.dispatchEvent(new Event('visibilitychange'))")
    assert page.evaluate("calls.filter(c => c === 'Commit').length") == commits + 1
    leave(page, "Terminate")
    assert sent(page)["cmi.exit"] == "suspend"
    assert re.fullmatch(r"PT0H\d+M[\d.]+S", sent(page)["cmi.session_time"])
    saved = {"suspend_data": api(page, "2004", "cmi.suspend_data"), "entry": "resume"}
    context.close()

    context, page, content = launch(browser, console, lms, "2004", f"module-{MODULE}-scorm2004", saved)
    expect(content.locator(f'[data-quiz-status][data-module-status="{MODULE}"]')).to_contain_text("Passed on 1 Dec 2026")
    assert api(page, "2004", "cmi.success_status") == "passed"
    context.close()
    assert console.errors == [], console.errors


def test_course_package_reports_each_module_and_fits_scorm12_at_full_state(browser, console, lms) -> None:
    context, page, content = launch(browser, console, lms, "1.2", "course-scorm12")
    page.wait_for_function("calls.includes('LMSInitialize')")
    # The learner goes from the home page to a module by clicking, inside the package.
    content.locator("main").get_by_role("link", name="Coaching: building skill without taking over").first.click()
    pass_quiz(content)
    launch_frame = page.frames[1]
    modules = launch_frame.evaluate("document.body.dataset.fpModules.split(' ')")
    assert MODULE in modules and len(modules) > 10
    assert api(page, "1.2", "cmi.core.lesson_status") == "incomplete"  # one of many passed
    assert api(page, "1.2", "cmi.core.score.raw") == str(round(100 / len(modules)))
    objective = modules.index(MODULE)
    assert api(page, "1.2", f"cmi.objectives.childArray[{objective}].id") == MODULE
    assert api(page, "1.2", f"cmi.objectives.childArray[{objective}].status") == "passed"
    assert api(page, "1.2", "cmi.core.lesson_location").startswith("modules/coaching.html")

    # Full state: every module with fifty attempts (the most a result keeps), the last one a pass.
    launch_frame.evaluate(
        """ids => ids.forEach(id => { for (let i = 0; i < 50; i++) FP.scorm.host.result({
             id, quizVersion: 'v-' + id, moduleVersion: '1.2.3', score: i === 49 ? 100 : i % 80, passMark: 80,
             passed: i === 49, date: new Date(Date.UTC(2026, 10, 1 + (i % 28), i % 24, i)).toISOString() }); })""",
        modules,
    )
    suspend = api(page, "1.2", "cmi.suspend_data")
    assert 0 < len(suspend) <= 4096, len(suspend)
    decoded = launch_frame.evaluate("s => FP.scorm.decode(s)", suspend)
    assert sorted(decoded) == sorted(modules)
    assert all(record["passed"] and record["best"] == 100 and record["first"] == 0 for record in decoded.values())
    assert api(page, "1.2", "cmi.core.lesson_status") == "passed"
    assert api(page, "1.2", "cmi.core.score.raw") == "100"
    leave(page, "LMSFinish")
    context.close()

    # Reopened with that state: the learner's record in the course shows every module passed.
    saved = {"suspend_data": suspend, "core": {"lesson_location": "progress.html", "entry": "resume"}}
    context, page, content = launch(browser, console, lms, "1.2", "course-scorm12", saved)
    expect(content.locator("h1")).to_contain_text("My progress")
    launch_frame = page.frames[1]
    page.wait_for_function("calls.includes('LMSInitialize')")
    inner = page.frames[2]
    # My progress's record.js (FrontlineProgress.all) arrives after the page, loaded by core.js.
    inner.wait_for_function("window.FrontlineProgress && typeof FrontlineProgress.all === 'function'")
    assert inner.evaluate("Object.values(FrontlineProgress.all()).filter(r => r.passed).length") == len(modules)
    context.close()
    assert console.errors == [], console.errors


def test_with_fail_status_failed_a_failed_attempt_reports_failed(browser, console, lms) -> None:
    for version, status in (("1.2", "cmi.core.lesson_status"), ("2004", "cmi.success_status")):
        suffix = "scorm12" if version == "1.2" else "scorm2004"
        context, page, content = launch(browser, console, lms, version, f"module-{MODULE}-{suffix}-failed")
        quiz = content.locator(f'[data-quiz="{MODULE}"][data-bound]')
        expect(quiz).to_be_visible()
        assert api(page, version, status) == ("incomplete" if version == "1.2" else "unknown")  # nothing tried yet
        answer_wrong(questions(quiz)[0])
        check_anyway(quiz)
        expect(quiz.locator(".fp-score-line")).to_contain_text("Not passed yet")
        assert api(page, version, status) == "failed"
        quiz.get_by_role("button", name="Try again").click()
        pass_quiz(content)
        assert api(page, version, status) == "passed"
        context.close()
    assert console.errors == [], console.errors


def test_a_package_opened_in_a_new_window_finds_the_api_through_its_opener(browser, console, lms) -> None:
    context = new_context(browser, console)
    page = context.new_page()
    page.goto(lms.url)
    with context.expect_page() as opened:
        page.evaluate("([v, p]) => launch(v, p, null, true)", ["1.2", f"module-{MODULE}-scorm12"])
    popup = opened.value
    page.wait_for_function("calls.includes('LMSInitialize')")
    pass_quiz(popup.frame_locator("#fp-content"))
    assert api(page, "1.2", "cmi.core.lesson_status") == "passed"
    popup.close()  # the learner closes the window: the package finishes
    page.wait_for_function("calls.includes('LMSFinish')")
    context.close()
    assert console.errors == [], console.errors
