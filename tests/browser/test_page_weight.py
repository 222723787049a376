"""What a module page makes the browser download of our own files, measured in Chromium on the
built site (minified by macros/minify.py, as it is published). Every file the site serves that is not
Material's own and not a page is counted, gzip-compressed one by one as a web server would send it,
over a learner's whole visit: the page opened, the quiz answered and passed, a checklist printed.
Code loaded only on an interaction therefore counts as much as code loaded with the page.

Issue 10 point 12 asks for at most 6 KB gzip; a module page carries 6.7 KB today (it was 14.9 KB,
then 9.5, then 8.7 KB): see test_module_page_meets_the_6_kb_goal for where the bytes go.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import yaml

from macros.bundle import BUNDLE, PARTS, joined
from tests.browser.conftest import new_context
from tests.browser.quiz_steps import answer_all_correctly, bound_quiz, check
from tests.conftest import REPO, Site

# Material's own files, its search index and the sitemap its instant navigation reads; everything
# else the site serves is ours and counts.
MATERIAL = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "search/", "sitemap.xml")
# The app pages' and the home page's own files: a module page must not load any of them.
NOT_ON_MODULE_PAGES = ("fp/pages.", "fp/app.", "fp/bars.", "fp/link.", "fp/assignments.", "fp/calendar.", "fp/csv.", "fp/record.", "-page.", "fp/team", "fp/home.")
GOAL = 6 * 1024  # issue 10
# Today's journey: 6 896 B gzip in two files, frontline.css 2 261 and fp/site.js 4 635 (core, lrs,
# progress, quiz and page joined by macros/bundle.py). It was 8 865 B in six files; each step measured
# alone (they overlap by a few bytes): joining the scripts about 1 000 B, modern syntax and moving
# what only other pages use into their files (dates into app.js, bars into bars.js, home into home.js)
# 373, the print buttons rendered by the templates instead of page.js 301, rules Material already
# makes and needless prefixes out of frontline.css 265, page.js and lrs.js in modern syntax 39; 4 back
# for white text on a hovered button in the dark scheme, 16 for loading bars.js wherever a bar is.
# The LMS/xAPI launcher still to come on module pages has 0.5 KB of room on top.
TODAY = 6_900
LMS_LAUNCHER = 512
BUDGET = TODAY + LMS_LAUNCHER
MODULE = "coaching"  # a quiz and a checklist, like most modules


def ours(site: Site, urls: list[str], page_url: str) -> dict[str, int]:
    """Path in the site -> gzip size, for each file of ours among `urls` (pages themselves left out)."""
    sizes: dict[str, int] = {}
    for url in urls:
        name = url.split("?")[0].split("#")[0]
        if not name.startswith(site.url) or name == page_url:
            continue
        name = name.removeprefix(site.url)
        if name.startswith(MATERIAL) or name.endswith(("/", ".html")):
            continue
        sizes[name] = len(gzip.compress((site.root / name).read_bytes(), 9))
    return sizes


def journey(browser, site: Site) -> dict[str, int]:
    """Our files a learner's visit to a module page loads: open it, pass its quiz, print a checklist."""
    context = new_context(browser)
    try:
        page = context.new_page()
        page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
        urls: list[str] = []
        page.on("request", lambda request: urls.append(request.url))
        page_url = f"{site.url}modules/{MODULE}/"
        page.goto(page_url)
        page.wait_for_load_state("load")
        quiz = bound_quiz(page, MODULE)
        answer_all_correctly(quiz)
        check(quiz)
        page.wait_for_selector(".fp-next:not([hidden]) a")
        page.locator("article .fp-print-one").first.click()
        assert page.evaluate("window.__printed") == 1
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        page.wait_for_load_state("networkidle")
        return ours(site, urls, page_url)
    finally:
        context.close()


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV and !!python tags read as nothing: only the asset lists matter here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def declared_assets() -> set[str]:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (SafeLoader)
    return set(config.get("extra_javascript", [])) | set(config.get("extra_css", []))


def source_of(name: str) -> str:
    """The readable source of a published asset: its file in docs/, or for the bundle its parts joined."""
    def read(path: str) -> str:
        return (REPO / "docs" / path).read_text(encoding="utf-8")
    return joined(read) if name == BUNDLE else read(name)


def test_a_module_page_loads_only_what_it_uses_within_its_budget(browser, site: Site) -> None:
    sizes = journey(browser, site)
    assert declared_assets() <= set(sizes), "every asset mkdocs.yml puts on every page is counted"
    assert [name for name in sizes if any(part in name for part in NOT_ON_MODULE_PAGES)] == []
    total = sum(sizes.values())
    print(f"module page journey: {total} B gzip in {len(sizes)} files: {sizes}")
    assert total <= BUDGET, f"{total} B gzip > {BUDGET} B: {sizes}"


@pytest.mark.xfail(strict=True, reason=(
    "issue 10's 6 KB is not reachable without dropping what the same issue asks for: 6 896 B, 752 over, "
    "with the scripts joined into one file and minified (local names shortened), the CSS without a rule "
    "Material already makes. What each feature costs of it, measured by deleting it: the "
    "assignment-aware next step 295 B, the wide tables' region and hint 274 + 65, the navigation ticks "
    "158 + 39, the xAPI launcher 104, the score's record line 83, the course blocks' styles 201, the "
    "printed handout's rules 89 + 79 + 55 (script + style where both)"))
def test_module_page_meets_the_6_kb_goal(browser, site: Site) -> None:
    assert sum(journey(browser, site).values()) <= GOAL


def test_the_published_files_are_minified_and_the_sources_are_not(built_site: Site) -> None:
    """The built copy is minified (macros/minify.py), by either generator; docs/assets keeps its comments."""
    for name in declared_assets() | {"assets/fp/home.css", "assets/fp/pages.css", "assets/fp/app.js"}:
        built = (built_site.root / name).read_text(encoding="utf-8")
        source = source_of(name)
        assert "/*" not in built and len(built) < len(source), name
        assert "/*" in source, f"{name}: the source is readable, with its comments"


def test_only_the_home_page_names_the_home_stylesheet(built_site: Site) -> None:
    """overrides/main.html, with MkDocs and with Zensical: in the home page's <head>, nowhere else."""
    pages = {path: (built_site.root / path).read_text(encoding="utf-8") for path in ("index.html", f"modules/{MODULE}/index.html", "paths/index.html", "assign/index.html")}
    assert {path: "assets/fp/home.css" in html for path, html in pages.items()} == {
        "index.html": True, f"modules/{MODULE}/index.html": False, "paths/index.html": False, "assign/index.html": False}


def test_every_page_but_a_module_page_names_the_shared_page_stylesheet(built_site: Site) -> None:
    """overrides/main.html, with MkDocs and with Zensical: fp/pages.css (paths, app pages, home...) in
    the <head> of every page except module pages, which keep to frontline.css."""
    pages = ("index.html", f"modules/{MODULE}/index.html", "modules/hiring/index.html", "paths/index.html",
             "paths/new-manager-90-days/index.html", "assign/index.html", "progress/index.html", "overview/index.html")
    named = {path: "assets/fp/pages.css" in (built_site.root / path).read_text(encoding="utf-8") for path in pages}
    assert named == {path: not path.startswith("modules/") for path in pages}


def test_app_pages_load_their_own_files(page, site: Site) -> None:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(f"{site.url}assign/")
    page.wait_for_selector(".fp-assign-form[data-bound]", state="attached")
    sizes = ours(site, urls, f"{site.url}assign/")
    assert {"assets/fp/app.js", "assets/fp/link.js", "assets/fp/assign-page.js", "assets/fp/app.css"} <= set(sizes)
    assert not any("team" in name or "home" in name for name in sizes)


def test_every_script_and_style_we_ship_is_a_file_of_ours() -> None:
    """Nothing in extra_javascript or extra_css points outside docs/assets (no CDN)."""
    for name in declared_assets():
        for path in PARTS if name == BUNDLE else (name,):
            assert (REPO / "docs" / Path(path)).is_file(), path


def test_the_home_pages_styles_come_and_go_with_it_under_instant_navigation(page, site: Site) -> None:
    """fp/home.css is in the home page's <head> only (overrides/main.html); Material's instant
    navigation swaps <head> links, so a module reached by a click does not keep it, and the home
    page reached back by a click has it again."""
    home_css = "() => [...document.querySelectorAll('link[rel=stylesheet]')].some(l => l.href.endsWith('/assets/fp/home.css'))"
    grid = "() => getComputedStyle(document.querySelector('.fp-course-map')).display"
    page.goto(site.url)
    assert page.evaluate(home_css) and page.evaluate(grid) == "grid"
    page.locator("article").get_by_role("link", name="Start the course").click()
    bound_quiz(page, "peer-to-boss")
    assert not page.evaluate(home_css)
    page.locator("a.md-header__button.md-logo").click()
    page.wait_for_selector(".fp-course-map")
    page.wait_for_function(home_css)
    page.wait_for_function(f"() => ({grid})() === 'grid'")
