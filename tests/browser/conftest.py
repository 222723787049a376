"""Playwright on Debian's Chromium (never a downloaded browser) against the built site on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

# The machine is shared: give `expect` the patience of Playwright's own actions.
expect.set_options(timeout=20_000)

CHROMIUM = Path("/usr/bin/chromium")

# Every browser test runs on this day (Playwright's clock), so no test depends on today's date.
FROZEN_NOW = dt.datetime(2026, 12, 1, 9, 30)
FROZEN_TODAY = FROZEN_NOW.date()
# Without these, Chromium tries to reach Google's services at start-up on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("FRONTLINE_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing, and browser tests must run here (FRONTLINE_REQUIRE_BROWSER is set)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Console:
    """Console errors and uncaught exceptions of a page; a test fails on any."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def attach(self, page) -> None:
        page.on("console", lambda message: self.errors.append(f"console.{message.type}: {message.text}") if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))


@pytest.fixture
def console() -> Console:
    return Console()


def new_context(browser, console: Console | None = None, **options: object):
    """A fresh browser profile (empty localStorage) on the frozen day; its pages' errors go to `console`."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    context.clock.set_system_time(FROZEN_NOW)
    if console is not None:
        context.on("page", console.attach)
    return context


@pytest.fixture
def context(browser, console: Console, site) -> Iterator[object]:
    """A fresh browser profile (empty localStorage) per test, on the frozen day."""
    context = new_context(browser, console)
    yield context
    context.close()
    assert console.errors == [], console.errors


@pytest.fixture
def page(context, console: Console):
    return context.new_page()  # the context's "page" event attaches the console listener


def axe_violations(page, context: object = None) -> list[str]:
    """Every axe-core violation on the page (or in axe's `context`), of any impact (axe bundled in
    axe-playwright-python)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {[' '.join(node['target']) for node in violation['nodes']][:4]}"
        for violation in results.response["violations"]
    ]
