"""What a module page makes the browser download of our own JavaScript and CSS, measured in Chromium
on the built site: every file under assets/ that is not Material's own is counted, gzip-compressed
one by one as a web server would send it."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, Site

# Material's own assets; everything else under assets/ is ours and counts.
MATERIAL = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")
# The app pages' own files: a module page must not load any of them.
APP_ONLY = ("fp/app.", "fp/link.", "fp/assignments.", "fp/calendar.", "fp/csv.", "fp/record.", "-page.", "fp/team")
TARGET = 6 * 1024  # the goal (issue 10): not met yet, see test_module_page_meets_the_6_kb_goal
# What a module page may weigh today without failing, to catch regressions: 14.9 KB gzip after the
# quiz, home/marks/print scripts and issue-13 styles landed together. Issue 10 still asks for 6 KB
# (the strict xfail below): minifying and loading marks/page.js only where used is the open work.
# Issue 15 adds 0.5 KB: the xAPI launcher lrs.js (allowed ~0.4 KB) and progress.js's result event.
CEILING = 15 * 1024 + 512


def our_assets_on(page, site: Site, path: str, ready: str | None = None) -> dict[str, int]:
    """Path (relative to the site) -> gzip size of each of our assets the page requested (the bytes
    read from the built site, gzip-compressed one by one as a web server would send them)."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(f"{site.url}{path}")
    page.wait_for_load_state("load")
    if ready:
        page.wait_for_selector(ready, state="attached")
    sizes: dict[str, int] = {}
    for url in urls:
        name = url.split("?")[0].split("#")[0].removeprefix(site.url)
        if name.startswith("assets/") and not name.startswith(MATERIAL) and name.endswith((".js", ".css")):
            sizes[name] = len(gzip.compress((site.root / name).read_bytes(), 9))
    return sizes


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV and !!python tags read as nothing: only the asset lists matter here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def declared_assets() -> set[str]:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (SafeLoader)
    return set(config.get("extra_javascript", [])) | set(config.get("extra_css", []))


def test_a_module_page_loads_only_what_it_uses(page, site: Site) -> None:
    sizes = our_assets_on(page, site, "modules/coaching/")
    assert declared_assets() <= set(sizes), "every asset mkdocs.yml puts on every page is counted"
    assert [name for name in sizes if any(part in name for part in APP_ONLY)] == []
    total = sum(sizes.values())
    print(f"module page: {total} B gzip in {len(sizes)} files: {sizes}")
    assert total <= CEILING, sizes


@pytest.mark.xfail(strict=True, reason="issue 10 asks for 6 KB; the quiz, marks, progress and core scripts and the site CSS weigh more today")
def test_module_page_meets_the_6_kb_goal(page, site: Site) -> None:
    sizes = our_assets_on(page, site, "modules/coaching/")
    assert sum(sizes.values()) <= TARGET, sizes


def test_app_pages_load_their_own_files(page, site: Site) -> None:
    sizes = our_assets_on(page, site, "assign/", ".fp-assign-form[data-bound]")
    assert {"assets/fp/app.js", "assets/fp/link.js", "assets/fp/assign-page.js", "assets/fp/app.css"} <= set(sizes)
    assert not any("team" in name for name in sizes)


def test_every_script_and_style_we_ship_is_a_file_of_ours() -> None:
    """Nothing in extra_javascript or extra_css points outside docs/assets (no CDN)."""
    for name in declared_assets():
        assert (REPO / "docs" / Path(name)).is_file(), name
