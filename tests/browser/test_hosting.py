"""Any static host, any subpath, and not one request that leaves the site."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.conftest import REPO, Site, build_and_serve

PAGE_TYPES = ["", "overview/", "start-here/", "modules/coaching/", "paths/", "paths/new-manager-90-days/", "progress/",
              "assign/", "assigned/", "team/", "glossary/", "tags/"]


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The course built for, and served under, http://127.0.0.1:PORT/playbook/."""
    root = tmp_path_factory.mktemp("subpath")
    command = ["-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(root / "playbook")]
    with build_and_serve(command, root, "playbook/") as built:
        yield built


def watch_requests(context, base: str) -> list[str]:
    """Every request that leaves the local server is recorded and blocked."""
    outside: list[str] = []
    host = urlsplit(base).netloc

    def check(route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and urlsplit(url).netloc != host:
            outside.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", check)
    return outside


def test_no_page_makes_a_request_outside_the_site(browser, site: Site) -> None:
    context = browser.new_context()
    try:
        outside = watch_requests(context, site.url)
        page = context.new_page()
        for path in PAGE_TYPES:
            page.goto(f"{site.url}{path}")
            page.wait_for_load_state("networkidle")
        page.keyboard.press("/")
        page.keyboard.type("pipeline")
        page.locator(".md-search-result__item").first.wait_for()
        assert outside == []
    finally:
        context.close()


def test_site_works_under_a_subpath(browser, subpath_site: Site) -> None:
    context = browser.new_context()
    try:
        outside = watch_requests(context, subpath_site.url)
        failed: list[str] = []
        context.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
        page = context.new_page()
        for path in PAGE_TYPES:
            page.goto(f"{subpath_site.url}{path}")
            page.wait_for_load_state("networkidle")
        assert failed == [] and outside == []

        page.goto(subpath_site.url)
        page.evaluate("window.__sameDocument = true")
        page.locator("article").get_by_role("link", name="course overview").click()
        page.wait_for_url(f"{subpath_site.url}overview/")
        page.locator("article").get_by_role("link", name="Coaching: building skill").first.click()
        page.wait_for_url(f"{subpath_site.url}modules/coaching/")
        assert page.evaluate("window.__sameDocument === true"), "instant navigation works under the subpath"

        page.keyboard.press("/")
        page.keyboard.type("forecast")
        first = page.locator(".md-search-result__item a").first
        first.wait_for(state="attached")
        assert first.get_attribute("href").startswith(subpath_site.url)

        page.goto(f"{subpath_site.url}assign/")
        page.wait_for_selector(".fp-assign-form[data-bound]")
        page.get_by_label("Manager's name").fill("Dana")
        page.get_by_label("Path", exact=True).select_option("coaching-intensive")
        page.get_by_role("button", name="Make the assignment link").click()
        link = page.locator("#fp-assign-link").input_value()
        assert link.startswith(f"{subpath_site.url}assigned/#assignment=")
        page.goto(link)
        view = page.locator("[data-assigned-view] .fp-assignment")
        view.wait_for()
        view.get_by_role("link", name="Coaching rhythm").click()
        page.wait_for_url(f"{subpath_site.url}modules/coaching-rhythm/")
        assert failed == [] and outside == []
    finally:
        context.close()
