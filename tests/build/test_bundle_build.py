"""The scripts of every page, published as one file (macros/bundle.py) by both generators, by
`mkdocs serve` from the readable sources, and a build that cannot join them says which is missing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from macros.bundle import BUNDLE, PARTS
from tests.build.test_build import wait_for
from tests.conftest import REPO, Site, copy_project, edit, mkdocs_env, mkdocs_serving

OUR_SCRIPT = re.compile(r'<script src="(?:/|(?:\.\./)*(?:\./)?)(assets/(?:fp/)?[a-z-]+\.js)"')


def test_every_page_loads_the_one_file_and_no_part(built_site: Site) -> None:
    assert (built_site.root / BUNDLE).is_file()
    assert [part for part in PARTS if (built_site.root / part).exists()] == [], "the parts are not published"
    pages = sorted(built_site.root.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        assert OUR_SCRIPT.findall(html) == [BUNDLE], page.relative_to(built_site.root)


def test_the_bundle_holds_every_part(built_site: Site) -> None:
    """Minified, so a string from each part that the minifier keeps, in the parts' order."""
    text = (built_site.root / BUNDLE).read_text(encoding="utf-8")
    marks = ("[data-fp-load]", "frontline:v1:xapi-launch", "FrontlineProgress", "quizMarking", "fp-print-target")
    assert [(REPO / "docs" / part).read_text(encoding="utf-8").count(mark) > 0 for part, mark in zip(PARTS, marks, strict=True)] == [True] * 5
    assert [text.index(mark) for mark in marks] == sorted(text.index(mark) for mark in marks)


def test_serve_joins_the_readable_sources_and_follows_an_edit(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    with mkdocs_serving(project) as (base, log):
        text = wait_for(base + BUNDLE, lambda text: "FP" in text)
        for part in PARTS:
            assert (REPO / "docs" / part).read_text(encoding="utf-8") in text, f"{part}: as written, comments and all"
        edit(project / "docs/assets/quiz.js", '"use strict";', '"use strict"; /* edited while serving */')
        wait_for(base + BUNDLE, lambda text: "/* edited while serving */" in text)
    output = log[0]
    assert "Traceback" not in output, output


def test_a_build_missing_a_part_names_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs/assets/fp/page.js").unlink()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")]
    result = subprocess.run(command, cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "docs/assets/fp/page.js missing: mkdocs.yml names assets/fp/site.js, which joins them" in out
    assert "Traceback" not in out
