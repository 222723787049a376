"""MkDocs and Zensical build the same course: the same pages, each with the same working parts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import Site

# What makes a page work in the browser: if one generator's page has it, the other's must too.
MARKERS = {
    "quiz": re.compile(r'data-quiz="[a-z0-9-]+"'),
    "catalog data": re.compile(r"data-fp-catalog"),
    "assign form": re.compile(r'class="fp-assign-form'),
    "team view": re.compile(r"data-team-view"),
    "assigned view": re.compile(r"data-assigned-view"),
    "progress": re.compile(r'class="fp-progress|data-progress-table|data-module-status'),
    "content error": re.compile(r"admonition failure"),
    # our theme overrides: Material's partials in overrides/partials/, Zensical's in overrides/zensical/partials/
    "header progress button": re.compile(r'<a href="(?:\./)?([^"]*progress/)" class="md-header__button md-icon fp-header-progress"'),
    "page tags": re.compile(r'<nav class="md-tags fp-page-tags" aria-label="Tags of this page"'),
    "nav section label": re.compile(r'<label class="md-nav__link[^>]* aria-label="([^"]*)"'),
    "search dialog name": re.compile(r'class="md-search" data-md-component="search" role="dialog" aria-label="Search"'),
}
# Our scripts on every page, as mkdocs.yml lists them (Zensical reads the same list).
SCRIPTS = tuple(
    line.strip().removeprefix("- ")
    for line in (Path(__file__).parents[2] / "mkdocs.yml").read_text(encoding="utf-8").split("extra_javascript:", 1)[1].splitlines()[1:]
    if line.strip().startswith("- assets/")
)


def pages(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8") for path in root.rglob("*.html")}


def test_both_generators_build_the_same_pages_with_the_same_parts(site: Site, zensical_site: Site) -> None:
    ours, theirs = pages(site.root), pages(zensical_site.root)
    assert sorted(ours) == sorted(theirs)
    assert len([src for src in ours if src.startswith("modules/")]) >= 11
    for src, html in ours.items():
        other = theirs[src]
        for name, pattern in MARKERS.items():
            assert sorted(pattern.findall(html)) == sorted(pattern.findall(other)), f"{src}: {name} differs"
        for script in SCRIPTS:
            assert (script in html) == (script in other), f"{src}: {script}"
        if src != "404.html":
            assert all(script in other for script in SCRIPTS), f"{src}: Zensical's page misses a script"
    everything = "".join(theirs.values())
    assert "admonition failure" not in everything
    assert all(pattern.search(everything) for name, pattern in MARKERS.items() if name != "content error"), "a marker matched nothing"


def test_zensical_site_is_searchable_and_makes_no_outside_requests(zensical_site: Site) -> None:
    index = json.loads((zensical_site.root / "search.json").read_text(encoding="utf-8"))
    text = json.dumps(index)
    assert "Coaching: building skill without taking over" in text and "modules/coaching/" in text
    for src, html in pages(zensical_site.root).items():
        # no web fonts, CDNs or analytics in the pages (links in module text are the reader's choice)
        loaded = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html)
        assert [url for url in loaded if not url.startswith(zensical_site.url)] == [], src
        assert "fonts.googleapis" not in html and "Macro Rendering Error" not in html, src


def test_a_failed_zensical_build_names_the_call_and_keeps_the_previous_site(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import copy_project, mkdocs_env

    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    command = [sys.executable, "-m", "macros", "--root", str(project), "zensical", "--site-dir", str(site), "--build-dir", str(tmp_path / "build")]
    first = subprocess.run(command, cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stdout + first.stderr
    before = (site / "glossary/index.html").read_text(encoding="utf-8")

    glossary = project / "docs/glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n{{ module_card('coachng') }}\n", encoding="utf-8")
    failed = subprocess.run(command, cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300)
    line = len(glossary.read_text(encoding="utf-8").splitlines())
    assert failed.returncode == 1
    assert f"docs/glossary.md:{line}:4: module_card('coachng'): unknown module 'coachng' (did you mean 'coaching'?)" in failed.stderr
    assert "Traceback" not in failed.stdout + failed.stderr
    assert (site / "glossary/index.html").read_text(encoding="utf-8") == before, "the previous site is unchanged"
