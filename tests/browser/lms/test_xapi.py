"""xAPI against a real learning record store (Ralph): a module page opened with the launch
parameters an LMS passes reports what the learner does, keeps the launch across instant
navigation, holds statements while the LRS does not answer and delivers them when it answers
again; a refused statement is reported on My progress. With nothing configured, module pages load
neither xapi.js nor scorm.js."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

from playwright.sync_api import expect

from tests.browser.conftest import Console, axe_violations, new_context
from tests.browser.quiz_steps import answer_all_correctly, bound_quiz, check, questions

ACTOR = {"objectType": "Agent", "name": "Sam Learner", "mbox": "mailto:sam.learner@example.org"}
REGISTRATION = "5b1c0f0e-3f1a-4c52-9d2e-0a7b6c1d2e3f"
LMS_ACTIVITY = "https://lms.example.org/courses/frontline-playbook"
MODULE = "coaching"


def launch_url(site, ralph, module: str = MODULE, auth: str | None = None) -> str:
    query = urlencode({
        "endpoint": ralph.url, "auth": auth or ralph.auth, "actor": json.dumps(ACTOR),
        "registration": REGISTRATION, "activity_id": LMS_ACTIVITY,
    })
    return f"{site.url}modules/{module}/?{query}"


def wait_for(read, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while True:
        found = read()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.5)


def of(statements: list[dict], object_id: str) -> list[dict]:
    return [s for s in statements if s["object"]["id"] == object_id]


def refused_connections_only(console: Console) -> list[str]:
    """Console errors other than the browser's note of a request the stopped LRS refused."""
    return [e for e in console.errors if "ERR_CONNECTION_REFUSED" not in e]


def test_a_launched_module_reports_to_ralph_and_delivers_what_waited_while_it_was_down(browser, site, ralph) -> None:
    ralph.start()
    console = Console()
    context = new_context(browser, console)
    page = context.new_page()
    page.goto(launch_url(site, ralph))  # the link the LMS opens
    quiz = bound_quiz(page)
    assert "auth=" not in page.url and "endpoint=" not in page.url  # the token leaves the address bar
    module_iri = f"{site.url}modules/{MODULE}"
    experienced = wait_for(lambda: of(ralph.statements("experienced"), module_iri))
    assert experienced and experienced[0]["actor"]["mbox"] == ACTOR["mbox"]

    answer_all_correctly(quiz)
    check(quiz)
    expect(quiz.locator(".fp-score-line")).to_contain_text("Passed")
    passed = wait_for(lambda: of(ralph.statements("passed"), f"{module_iri}/quiz"))
    assert len(passed) == 1
    statement = passed[0]
    assert statement["actor"]["mbox"] == ACTOR["mbox"] and statement["actor"]["name"] == ACTOR["name"]
    assert statement["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert statement["result"]["score"] == {"scaled": 1, "raw": 100, "min": 0, "max": 100}
    assert statement["result"]["success"] is True
    context_ = statement["context"]
    assert context_["registration"] == REGISTRATION
    assert {a["id"] for a in context_["contextActivities"]["grouping"]} == {site.url, LMS_ACTIVITY}
    assert [a["id"] for a in context_["contextActivities"]["parent"]] == [module_iri]
    assert context_["extensions"] == {
        f"{site.url}xapi/module-version": quiz.get_attribute("data-module-version"),
        f"{site.url}xapi/quiz-version": quiz.get_attribute("data-quiz-version"),
    }
    answered = wait_for(lambda: [s for s in ralph.statements("answered") if s["object"]["id"].startswith(f"{module_iri}/quiz/")])
    assert len(answered) == len(questions(quiz))
    assert all(s["result"]["success"] is True and s["result"]["response"] for s in answered)

    # The LRS goes away; the learner follows the quiz's link to the next module (instant
    # navigation: the launch is remembered for the tab) and passes that quiz too.
    ralph.stop()
    quiz.locator(".fp-next a").first.click()
    page.wait_for_function(f"() => {{ const q = document.querySelector('[data-quiz][data-bound]'); return q && q.dataset.quiz !== '{MODULE}'; }}")
    quiz2 = page.locator("[data-quiz][data-bound]")
    second = quiz2.get_attribute("data-quiz")
    answer_all_correctly(quiz2)
    check(quiz2)
    expect(quiz2.locator(".fp-score-line")).to_contain_text("Passed")
    page.wait_for_function("JSON.parse(localStorage.getItem('frontline:v1:xapi-queue') || '[]').some(i => i.s.verb.id.endsWith('/passed'))")

    ralph.start()
    delivered = wait_for(lambda: of(ralph.statements("passed"), f"{site.url}modules/{second}/quiz"))
    assert len(delivered) == 1 and delivered[0]["context"]["registration"] == REGISTRATION
    page.wait_for_function("localStorage.getItem('frontline:v1:xapi-queue') === null", timeout=60_000)
    assert of(ralph.statements("experienced"), f"{site.url}modules/{second}")
    context.close()
    assert refused_connections_only(console) == [], console.errors


def test_a_statement_the_lrs_refuses_is_reported_on_my_progress(browser, site, ralph) -> None:
    ralph.start()
    console = Console()
    context = new_context(browser, console)
    page = context.new_page()
    page.goto(launch_url(site, ralph, auth="Basic d3Jvbmc6d3Jvbmc="))  # wrong credentials: 401
    bound_quiz(page)
    page.wait_for_function("(JSON.parse(localStorage.getItem('frontline:v1:xapi-refused')) || []).length > 0")
    page.get_by_role("link", name="My progress").first.click()
    report = page.locator(".fp-xapi-report")
    expect(report).to_contain_text("Your learning record store refused 1 record")
    expect(report).to_contain_text("experienced")
    expect(report).to_contain_text("HTTP 401")
    assert axe_violations(page, ".fp-xapi-report") == []
    expect(report).to_contain_text("Your results are also sent to your organisation's learning record store (127.0.0.1:")
    report.get_by_role("button", name="Clear this list").click()
    expect(report).not_to_contain_text("refused")
    expect(report).to_contain_text("also sent")
    context.close()
    assert [e for e in console.errors if "401" not in e] == [], console.errors


def test_with_nothing_configured_a_module_page_loads_no_lms_script(browser, site, console) -> None:
    context = new_context(browser, console)
    page = context.new_page()
    mark = len(site.requests)
    page.goto(f"{site.url}modules/{MODULE}/")
    quiz = bound_quiz(page)
    answer_all_correctly(quiz)
    check(quiz)
    expect(quiz.locator(".fp-score-line")).to_contain_text("Passed")
    requested = " ".join(site.requests_since(mark))
    assert "assets/fp/site.js" in requested  # the launcher is part of it (macros/bundle.py)
    assert "xapi.js" not in requested and "scorm.js" not in requested
    assert page.evaluate("!!window.FP.xapi || !!window.FP.scorm") is False
    context.close()
    assert console.errors == [], console.errors


def test_a_learning_path_whose_modules_are_all_passed_is_reported_completed(browser, site, ralph) -> None:
    from macros.assignments import FORMAT_VERSION, assignment_link

    ralph.start()
    console = Console()
    context = new_context(browser, console)
    page = context.new_page()
    page.goto(launch_url(site, ralph))
    bound_quiz(page)
    # The senior manager's link arrives (an email): a path assignment of one module, for brevity.
    assignment = {"v": FORMAT_VERSION, "name": "Sam Learner", "path": "coaching-intensive", "start": "2026-11-30",
                  "items": [{"m": MODULE, "due": "2026-12-14"}]}
    page.goto(assignment_link(site.url, assignment))
    view = page.locator("[data-assigned-view] .fp-assignment")
    view.wait_for()
    view.locator(f'tr[data-module="{MODULE}"] a').first.click()
    quiz = bound_quiz(page)
    answer_all_correctly(quiz)
    check(quiz)
    expect(quiz.locator(".fp-score-line")).to_contain_text("Passed")
    completed = wait_for(lambda: of(ralph.statements("completed"), f"{site.url}paths/coaching-intensive"))
    assert len(completed) == 1
    assert completed[0]["actor"]["mbox"] == ACTOR["mbox"] and completed[0]["result"]["completion"] is True
    assert completed[0]["context"]["registration"] == REGISTRATION
    context.close()
    assert console.errors == [], console.errors
