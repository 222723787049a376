"""A course whose titles and bodies try to run script (issue 11, F1-F3 and F19 of the adversarial
review), read in Chromium the way a reader moves: the first page opened from its address, every
other page reached by clicking a link in the navigation. No page may open a dialog, set a window
flag or log an error, and the titles must read as typed.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Site, free_port, mkdocs_env, serve_folder
from tests.small_course import read, small_project, write

pytestmark = pytest.mark.browser

TRACK = 'Track <img src=x onerror="window.__xss1=1;alert(1)">'
ALPHA = "Alpha <img src=x onerror=alert(2)> {{ 7*7 }}"
BETA = 'Beta { autofocus tabindex="0" onfocus="window.__xss2=1;alert(3)" }'
PATH = "Path {{ config.site_url }} <svg onload=window.__xss3=1>"
PRACTICE = "Coaching {#1 priority}"
OWNER = "<script>window.__xss4=1</script>"
BODY = "Why, with raw HTML: <img src=x onerror=window.__xss5=1> <script>window.__xss6=1</script> [a link](javascript:window.__xss7=1)."
FLAGS = "() => Object.keys(window).filter(key => key.startsWith('__xss'))"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("hostile-browser")
    project = small_project(root / "project")
    course = read(project, "content/course.yml")
    course["tracks"][0]["title"] = TRACK
    write(project, "content/course.yml", course)
    for name, title in (("alpha", ALPHA), ("beta", BETA)):
        module = read(project, f"content/modules/{name}.yml")
        module["title"] = title
        module["sections"][0]["body"] = BODY
        module["sections"][1]["items"][0]["name"] = PRACTICE
        module["stewardship"]["owner"] = OWNER
        write(project, f"content/modules/{name}.yml", module)
    path = read(project, "content/paths/starter.yml")
    path["title"] = PATH
    write(project, "content/paths/starter.yml", path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(root / "site")],
        cwd=project, env=mkdocs_env(SITE_URL=url), capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    with serve_folder(root / "site", port):
        yield Site(root / "site", url, result.stderr)


def test_no_page_runs_what_a_title_or_body_says(browser, console, hostile_site: Site) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.on("page", console.attach)
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    try:
        page.goto(hostile_site.url)
        visited = {page.url}
        # Click, page after page, the first navigation link not followed yet (sections open as the
        # reader moves: a track's modules show once its first page is open).
        while True:
            assert page.evaluate(FLAGS) == [], f"{page.url} set a window flag"
            links = page.locator(".md-sidebar--primary a.md-nav__link[href]:visible")
            target = next((link for link in links.all() if link.evaluate("a => a.href") not in visited), None)
            if target is None:
                break
            href = target.evaluate("a => a.href")
            follow(page, target)
            assert page.url == href
            visited.add(href)
        expected = {f"{hostile_site.url}{path}" for path in ("", "overview/", "modules/alpha/", "modules/beta/", "paths/", "paths/starter/", "glossary/")}
        assert expected <= visited, f"not reached by clicking: {sorted(expected - visited)}"
        # The tag index is out of the navigation: readers reach it from a tag on a module page.
        follow(page, page.locator(".md-sidebar--primary a.md-nav__link", has_text="Track").first)
        follow(page, page.locator("article a.md-tag").first)
        assert page.url.split("#")[0] == f"{hostile_site.url}tags/"
        assert page.evaluate(FLAGS) == [], f"{page.url} set a window flag"

        # The titles read as typed, in the page, the header and the tab.
        follow(page, page.locator(".md-sidebar--primary a.md-nav__link", has_text="Home").first)
        follow(page, page.locator(".md-sidebar--primary a.md-nav__link", has_text="Track").first)  # a closed track links to its first module
        assert page.url == f"{hostile_site.url}modules/alpha/"
        assert page.locator("article h1").inner_text().removesuffix("¶").strip() == ALPHA
        assert page.title() == f"{ALPHA} - Frontline Playbook"
        assert page.locator(".md-footer__link--next").inner_text().split("\n")[-1].strip() == BETA
        assert page.get_by_role("heading", name=f"1. {PRACTICE}").count() == 1
        nav = page.locator(".md-sidebar--primary").inner_text()
        assert TRACK in nav and PATH in nav and "49" not in nav
        follow(page, page.locator(".md-footer__link--next"))
        assert page.url == f"{hostile_site.url}modules/beta/"
        assert page.locator("article h1").inner_text().removesuffix("¶").strip() == BETA
        assert page.evaluate("() => document.activeElement === document.body"), "nothing took the focus"
        assert page.evaluate(FLAGS) == []
    finally:
        context.close()
    assert dialogs == []
    # Known, and fixed on another branch: instant navigation re-creates the inline JSON <script> of
    # browser_catalog() as a classic script, which fails to parse at its first key (it can never
    # run: the first key is always "root"). Only that error is let through, until the catalog moves out.
    inline_json = "page error: Failed to execute 'replaceWith' on 'Element': Unexpected token ':'"
    errors, console.errors[:] = [error for error in console.errors if error != inline_json], []
    assert errors == [], errors


def follow(page, link) -> None:  # noqa: ANN001 (Playwright objects)
    """Click `link` and wait until instant navigation has put the new page's article in place."""
    article = page.locator("article.md-content__inner").element_handle()
    link.click()
    page.wait_for_function("old => { const now = document.querySelector('article.md-content__inner'); return now && now !== old }", arg=article)
    page.wait_for_load_state("load")
