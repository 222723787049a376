"""The pages the plugin adds are final Markdown, never template source, with titles as escaped HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from macros.catalog import load_catalog
from macros.pages import course_nav, generated_pages
from macros.render import Renderer
from tests.conftest import edit


def pages_of(course: Path) -> dict[str, str]:
    catalog, errors = load_catalog(course)
    assert catalog is not None and not errors, errors
    return generated_pages(catalog, Renderer(catalog, dt.date(2026, 6, 1)))


def front_matter(page: str) -> dict[str, object]:
    return yaml.safe_load(page.split("---\n")[1])


def test_generated_pages_are_not_template_source(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "title: Alpha module", "title: 'Coaching {#1 priority} {{ 7*7 }} <b>'")
    page = pages_of(course)["modules/alpha.md"]
    meta = front_matter(page)
    assert meta["render_macros"] is False
    assert meta["title"] == "Coaching &#123;#1 priority&#125; &#123;&#123; 7*7 &#125;&#125; &lt;b&gt;"
    assert "module_page(" not in page and "{{" not in page.split("---\n", 2)[2], "the body is the rendered page"
    assert meta["description"] == "The alpha summary."


def test_track_titles_reach_the_nav_as_escaped_html(course: Path) -> None:
    edit(course / "content/course.yml", "title: Basics", "title: 'Basics <img src=x onerror=alert(1)> {{ x }}'")
    catalog, _ = load_catalog(course)
    nav = course_nav([{"Course": ["overview.md"]}], catalog, "overview.md")
    assert list(nav[0]["Course"][1]) == ["Basics &lt;img src=x onerror=alert(1)&gt; &#123;&#123; x &#125;&#125;"]
