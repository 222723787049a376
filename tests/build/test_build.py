"""The real course through a real `mkdocs build --strict`: pages, search, no outside requests."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from macros.catalog import load_catalog
from tests.conftest import REPO, Site, copy_project, edit, free_port, mkdocs_env
from tests.small_course import Page

CATALOG, _ = load_catalog(REPO)


def article(site: Site, src: str) -> str:
    html = (site.root / src / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"): html.index("</article>")]


def test_build_is_strict_clean(site: Site) -> None:
    assert "WARNING" not in site.build_log.replace("WARNING -  content/", "")


@pytest.mark.parametrize("module_id", list(CATALOG.modules) if CATALOG else [])
def test_every_module_has_its_page(site: Site, module_id: str) -> None:
    module = CATALOG.modules[module_id]
    html = article(site, f"modules/{module_id}")
    assert module.title.replace("'", "&#39;") in html or module.title in html
    assert "After this module you will be able to" in html
    assert html.count("<li>") >= len(module.objectives)
    assert html.count("<h2") >= len(module.sections) + 2, "a heading per section, takeaways and reading"
    assert "Key takeaways" in html and "Common mistakes" in html and "Conversation guide:" in html
    assert "Last reviewed on" in html and f"Version {module.stewardship.version}" in html


def test_nav_follows_course_tracks(site: Site) -> None:
    html = (site.root / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    positions = [nav.index(track.title.replace("&", "&amp;")) for track in CATALOG.course.tracks]
    assert positions == sorted(positions)


def test_each_page_carries_only_its_own_tracks_modules(site: Site) -> None:
    """Tracks are nested in the Course section, so navigation.prune drops other tracks' modules:
    page size stays flat as the course grows."""
    tracks = [(track, CATALOG.track_modules(track)) for track in CATALOG.course.tracks]
    for track, modules in tracks:
        html = (site.root / "modules" / modules[0].id / "index.html").read_text(encoding="utf-8")
        nav = html[html.index('<nav class="md-nav md-nav--primary"'): html.index('class="md-sidebar md-sidebar--secondary"')]
        for other, other_modules in tracks:
            assert other.title.replace("&", "&amp;") in nav, f"{other.title} missing from the nav of {modules[0].id}"
            for module in other_modules[1:]:
                linked = f'href="../{module.id}/"' in nav
                assert linked == (other is track), f"{module.id} {'missing from' if other is track else 'not pruned from'} the nav of {modules[0].id}"


def test_search_index_contains_module_text(site: Site) -> None:
    index = json.loads((site.root / "search/search_index.json").read_text(encoding="utf-8"))
    texts = {doc["location"].split("#")[0]: "" for doc in index["docs"]}
    for doc in index["docs"]:
        texts[doc["location"].split("#")[0]] += doc["title"] + " " + doc["text"]
    for module_id, module in CATALOG.modules.items():
        text = texts.get(f"modules/{module_id}/", "")
        first_objective = re.sub(r"[*_`]", "", module.objectives[0])[:30]
        assert first_objective in text, module_id


def test_quiz_answers_are_not_in_the_search_index(site: Site) -> None:
    index = json.loads((site.root / "search/search_index.json").read_text(encoding="utf-8"))
    assert CATALOG.quizzes, "the course has quizzes"
    assert not [doc["location"] for doc in index["docs"] if "check-yourself" in doc["location"]]
    text = json.dumps(index)
    assert "Question 1 of" not in text and "Show answer" not in text and "Answer key" not in text
    html = (site.root / "modules/coaching/index.html").read_text(encoding="utf-8")
    assert "Question 1 of" in html and "Show answer" in html, "the quiz is on the page itself"


def test_no_request_leaves_the_site(site: Site) -> None:
    """No web fonts, CDNs or analytics: no page loads anything from an http(s) address."""
    asset = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)=["'](https?:)?//""", re.I)
    css_import = re.compile(r"""@import\s+url\(["']?https?://|url\(["']?https?://""", re.I)
    for page in site.root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for match in asset.finditer(text):
            tag = text[match.start(): text.index(">", match.start()) + 1]
            assert 'rel="canonical"' in tag or "rel=canonical" in tag, f"{page.relative_to(site.root)}: {tag}"
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    for sheet in site.root.rglob("*.css"):
        assert not css_import.search(sheet.read_text(encoding="utf-8")), sheet


def test_tags_index_lists_module_tags(site: Site) -> None:
    html = (site.root / "tags/index.html").read_text(encoding="utf-8")
    some_tag = next(tag for module in CATALOG.modules.values() for tag in module.tags)
    assert some_tag in html


def test_make_build_keeps_the_old_site_when_content_is_broken(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    build = [sys.executable, "-m", "macros", "--root", str(project), "build"]
    first = subprocess.run(build, cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    marker = project / "site" / "marker.txt"
    marker.write_text("previous build", encoding="utf-8")
    page = (project / "site/modules/coaching/index.html").read_bytes()

    edit(project / "content/modules/coaching.yml", "\nduration:", "\nduration: [broken]\nlevels:")
    second = subprocess.run(build, cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300)
    assert second.returncode == 1
    assert "content/modules/coaching.yml:" in second.stderr and "Traceback" not in second.stderr
    assert "the previous site/ is unchanged" in second.stderr
    assert marker.read_text(encoding="utf-8") == "previous build"
    assert (project / "site/modules/coaching/index.html").read_bytes() == page
    assert not list(project.glob(".site.*")), "no staging folder is left behind"


def test_serve_shows_content_errors_and_recovers(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    module = project / "content/modules/coaching.yml"
    good = module.read_text(encoding="utf-8")
    edit(module, "\nlevel:", "\nlevell:")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env=mkdocs_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        home = wait_for(f"http://127.0.0.1:{port}/", lambda text: "problem" in text)
        assert "content/modules/coaching.yml:" in home and "unknown field &#x27;levell&#x27;" in home
        module.write_text(good, encoding="utf-8")
        home = wait_for(f"http://127.0.0.1:{port}/", lambda text: "fp-content-errors" not in text)
        assert server.poll() is None, "the server kept running"
        page = wait_for(f"http://127.0.0.1:{port}/modules/coaching/", lambda text: "<article" in text)
        assert "Conversation guide" in page
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output


def wait_for(url: str, ready, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                text = response.read().decode("utf-8")
            if ready(text):
                return text
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never became ready; last text: {text[:500]}")


def test_build_warns_about_overdue_reviews_without_failing(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit(project / "content/modules/hiring.yml", "review_by: 2027-05-23", "review_by: 2026-01-31")
    edit(project / "content/modules/hiring.yml", "last_reviewed: 2026-11-23", "last_reviewed: 2025-11-23")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "out")],
        cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING -  content/modules/hiring.yml:" in result.stderr and "review overdue since 2026-01-31" in result.stderr
    page = (tmp_path / "out/modules/hiring/index.html").read_text(encoding="utf-8")
    assert "Due for review" in page


def test_every_page_has_one_well_formed_description(site: Site) -> None:
    """F5: Material prints the description unescaped, and two shipped pages had theirs cut at a `"`
    ("Turn " on setting-expectations). Every page's <meta name="description"> must parse as one
    attribute, and a module's is its summary as plain text."""

    for built in sorted(site.root.rglob("*.html")):
        metas = [attrs for tag, attrs in Page(built.read_text(encoding="utf-8")).elements if tag == "meta" and attrs.get("name") == "description"]
        assert len(metas) == 1 and set(metas[0]) == {"name", "content"}, f"{built.relative_to(site.root)}: {metas}"
    expectations = Page((site.root / "modules/setting-expectations/index.html").read_text(encoding="utf-8"))
    assert expectations.meta("description").startswith('Turn "hit your number" into a short written agreement with each rep')
    managers = Page((site.root / "modules/developing-front-line-managers/index.html").read_text(encoding="utf-8"))
    assert managers.meta("description").endswith('Turn your 1:1s from "give me the forecast" into "how can I help you coach?".')
    for module_id, module in CATALOG.modules.items():
        description = Page((site.root / "modules" / module_id / "index.html").read_text(encoding="utf-8")).meta("description")
        words = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(module.summary.split()))
        assert words.startswith(description.removesuffix("…")), module_id


def test_serve_adds_a_page_when_a_module_file_is_added(tmp_path: Path) -> None:
    """Generated pages are rendered by the plugin on every rebuild, so a new YAML file is a new page."""
    project = copy_project(tmp_path)
    text = (project / "content/modules/coaching.yml").read_text(encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env=mkdocs_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/", lambda text: "<article" in text)
        new = text.replace("id: coaching\n", "id: coaching-again\n", 1).replace("\ntitle: \"", "\ntitle: \"Added while serving <b>, ", 1)
        (project / "content/modules/coaching-again.yml").write_text(new, encoding="utf-8")
        page = wait_for(f"http://127.0.0.1:{port}/modules/coaching-again/", lambda text: "<article" in text)
        assert "Added while serving &lt;b&gt;, " in page
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output


def primary_nav(html: str) -> str:
    return html[html.index('<nav class="md-nav md-nav--primary"'): html.index('class="md-sidebar md-sidebar--secondary"')]


def test_nav_keeps_the_learners_pages_apart_from_the_senior_managers_tools(site: Site) -> None:
    nav = primary_nav((site.root / "index.html").read_text(encoding="utf-8"))
    learn, tools = nav.index("Learn"), nav.index("Tools for senior managers")
    assert learn < nav.index("Course overview") < tools
    assert nav.index("My progress") < tools < nav.index("Assign modules") and tools < nav.index("Team view")


def test_benchmark_and_tag_index_are_built_but_not_in_the_nav_or_search(site: Site) -> None:
    assert (site.root / "benchmark/index.html").exists() and (site.root / "tags/index.html").exists()
    for page in ("index.html", "modules/coaching/index.html", "progress/index.html"):
        nav = primary_nav((site.root / page).read_text(encoding="utf-8"))
        assert "benchmark/" not in nav and "tags/" not in nav, page
    index = json.loads((site.root / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not {"benchmark/", "tags/"} & locations
    assert "modules/coaching/" in locations


def test_module_pages_carry_readable_tags_and_a_search_boost(site: Site) -> None:
    index = json.loads((site.root / "search/search_index.json").read_text(encoding="utf-8"))
    page = next(doc for doc in index["docs"] if doc["location"] == "modules/performance-issues/")
    assert page["boost"] > 1
    assert any(tag.split()[0] == "PIP" for tag in page["tags"]), "the acronym stands alone, so a search for PIP matches it"
    assert "SBI" in next(doc for doc in index["docs"] if doc["location"] == "modules/coaching/")["tags"]


def test_rendered_dates_read_like_15_dec_2026(site: Site) -> None:
    for module_id in CATALOG.modules:
        footer = re.search(r'<p class="fp-stewardship">(.*?)</p>', article(site, f"modules/{module_id}")).group(1)
        assert re.fullmatch(r"Version \S+ · Last reviewed on \d{1,2} [A-Z][a-z]{2} \d{4} by .+ · Next review by \d{1,2} [A-Z][a-z]{2} \d{4}", footer), footer


def test_comparison_tables_have_no_empty_header_cells(site: Site) -> None:
    for module_id in CATALOG.modules:
        assert not re.search(r"<th[^>]*>\s*</th>", article(site, f"modules/{module_id}")), module_id
