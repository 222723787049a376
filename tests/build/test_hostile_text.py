"""Findings F1-F5 and F19 of the adversarial review, each as the literal text a reader finds in the
built HTML: text from YAML is shown as text, never run as markup, attributes or template code.

One small course (tests/small_course.py) carries every hostile field at once and is built once with
`mkdocs build --strict`; the Jinja findings (F3) get builds of their own, because before the fix one
of them stopped the build.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from tests.small_course import Page, build, check, page, read, small_project, write

TRACK = "Track <img src=x onerror=alert(1)>"
ALPHA = 'Alpha <img src=x onerror=alert(2)> & "quotes"'
BETA = 'Beta { autofocus tabindex="0" onfocus="alert(3)" }'
PATH = "Path <b>bold</b> & more"
PRACTICE = "Steal the quiz's id { #quiz-alpha }"
SUMMARY = 'Turn "hit your number" into a **short** agreement x"><b onmouseover=alert(4)>bold</b>'
SUMMARY_TEXT = 'Turn "hit your number" into a short agreement x"><b onmouseover=alert(4)>bold</b>'
READING = [
    {"title": "Injected reading", "source": "Nobody, 2026", "url": "https://example.com)[click](javascript:alert(5)"},
    {"title": "Second", "source": "Nobody, 2026", "url": "https://example.org){onclick=alert(6)}"},
]
BODY = """Why it matters, with a table:

| Week | Goal |
|:-----|-----:|
| 1 | Listen |

!!! tip "Keep it"
    An admonition stays an admonition.

<script>window.__fpb=1</script>
<img src=y onerror=alert(7)>
[a script link](javascript:alert(8)) and [a data link](data:text/html,<script>alert(9)</script>)
and *emphasis*, <kbd>Ctrl</kbd> and <span onclick="alert(10)">a span</span>.
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small course with every hostile field above, built; returns the site folder."""
    root = tmp_path_factory.mktemp("hostile")
    project = small_project(root / "project")
    course = read(project, "content/course.yml")
    course["tracks"][0]["title"] = TRACK
    write(project, "content/course.yml", course)
    alpha = read(project, "content/modules/alpha.yml")
    alpha["title"] = ALPHA
    alpha["summary"] = SUMMARY
    alpha["further_reading"] = READING
    alpha["sections"][0]["body"] = BODY
    alpha["sections"][1]["items"][0]["name"] = PRACTICE
    write(project, "content/modules/alpha.yml", alpha)
    beta = read(project, "content/modules/beta.yml")
    beta["title"] = BETA
    write(project, "content/modules/beta.yml", beta)
    path = read(project, "content/paths/starter.yml")
    path["title"] = PATH
    write(project, "content/paths/starter.yml", path)
    checked = check(project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    result = build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def h1(page: Page) -> str:
    return page.text_in("article.md-content__inner", "h1.")[0]


# --- F1: titles reach the nav, header and footer as HTML ---------------------------------------


def test_f1_no_title_becomes_an_element_on_any_page(hostile: Path) -> None:
    for built in sorted(hostile.rglob("*.html")):
        images = [attrs for tag, attrs in Page(built.read_text(encoding="utf-8")).elements if tag == "img" and attrs.get("src") == "x"]
        assert not images, f"{built.relative_to(hostile)}: a title became {images}"


def test_f1_module_title_is_text_in_title_header_nav_h1_and_footer(hostile: Path) -> None:
    alpha = page(hostile, "modules/alpha/index.html")
    assert alpha.text_in("title.") == [f"{ALPHA} - Frontline Playbook"]
    assert alpha.text_in("md-header__topic", "span.md-ellipsis") == ["Frontline Playbook", ALPHA]
    assert ALPHA in alpha.text_in("md-nav--primary", "md-ellipsis")
    assert h1(alpha) == ALPHA
    beta = page(hostile, "modules/beta/index.html")
    assert beta.text_in("md-footer__link--prev", "md-ellipsis") == [ALPHA]
    previous = next(attrs for tag, attrs in beta.elements if "md-footer__link--prev" in attrs.get("class", ""))
    assert previous["aria-label"] == f"Previous: {ALPHA}"


def test_f1_track_and_path_titles_are_text_in_the_nav_of_every_page(hostile: Path) -> None:
    for src in ("index.html", "modules/alpha/index.html", "paths/starter/index.html", "glossary/index.html"):
        nav = page(hostile, src).text_in("md-nav--primary")
        assert TRACK in nav and PATH in nav, src
    assert h1(page(hostile, "paths/starter/index.html")) == PATH


def test_f1_titles_are_text_in_cards_search_and_tags(hostile: Path) -> None:
    overview = page(hostile, "overview/index.html")
    assert ALPHA in overview.text_in("a.fp-card-title")
    assert TRACK in overview.text_in("h2.")
    index = json.loads((hostile / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: html.unescape(doc["title"]) for doc in index["docs"]}
    assert titles["modules/alpha/"] == ALPHA and titles["paths/starter/"] == PATH
    assert ALPHA in page(hostile, "tags/index.html").text_in("article.md-content__inner", "a.")


def test_f1_title_is_text_in_the_print_source_line_the_build_writes(hostile: Path) -> None:
    """"Print this checklist" and its "From ..." line come with the page (templates/print-button.md,
    print-source.md), no longer from page.js: the title stays text there too, and neither is indexed."""
    for name, title in (("alpha", ALPHA), ("beta", BETA)):
        built = page(hostile, f"modules/{name}/index.html")
        assert built.text_in("div.fp-checklist-section", "p.fp-print-source") == [f"From “{title}”, Frontline Playbook"]
        assert built.text_in("div.fp-checklist-section", "button.md-button") == ["Print this checklist"]
        assert built.handlers() == []
    texts = [html.unescape(doc["text"]) for doc in json.loads((hostile / "search/search_index.json").read_text(encoding="utf-8"))["docs"]]
    assert not [text for text in texts if "”, Frontline Playbook" in text or "Print this" in text]


# --- F2: attr_list turns a trailing { ... } into attributes ------------------------------------


def test_f2_braces_in_a_heading_stay_text(hostile: Path) -> None:
    beta = page(hostile, "modules/beta/index.html")
    assert h1(beta) == BETA
    heading = next(attrs for tag, attrs in beta.elements if tag == "h1" and "id" in attrs)
    assert set(heading) == {"id"}, heading
    assert beta.handlers() == []


def test_f2_a_practice_name_cannot_take_the_quiz_id(hostile: Path) -> None:
    alpha = page(hostile, "modules/alpha/index.html")
    assert f"1. {PRACTICE}" in alpha.text_in("h3.")
    assert [attrs.get("class") for tag, attrs in alpha.elements if attrs.get("id") == "quiz-alpha"] == ["fp-quiz"]


# --- F4: further_reading.url pasted into Markdown -----------------------------------------------


def test_f4_reading_url_is_an_escaped_href(hostile: Path) -> None:
    alpha = page(hostile, "modules/alpha/index.html")
    links = alpha.links()
    # The whole address is the target of the reading's own title, or (an address no browser can
    # parse, as this one) no target at all; it never ends early and starts a second link.
    assert links["Injected reading"].get("href", READING[0]["url"]) == READING[0]["url"]
    assert "click" not in links
    assert links["Second"] == {"href": "https://example.org){onclick=alert(6)}"}
    assert alpha.handlers() == []


# --- F5: meta description -----------------------------------------------------------------------


def test_f5_description_is_the_summary_as_plain_text(hostile: Path) -> None:
    assert page(hostile, "modules/alpha/index.html").meta("description") == SUMMARY_TEXT


# --- F19: raw HTML and script URLs in Markdown bodies --------------------------------------------


def test_f19_body_html_is_cleaned_by_the_allow_list(hostile: Path) -> None:
    built = (hostile / "modules/alpha/index.html").read_text(encoding="utf-8")
    alpha = Page(built)
    assert "__fpb" not in built, "the script and its text are gone"
    assert alpha.handlers() == []
    links = alpha.links()
    assert "href" not in links["a script link"] and "href" not in links["a data link"]
    assert "emphasis" in alpha.text_in("em.") and "Ctrl" in alpha.text_in("kbd.") and "a span" in alpha.text_in("span.")


def test_f19_legitimate_markdown_survives_the_cleaning(hostile: Path) -> None:
    alpha = page(hostile, "modules/alpha/index.html")
    cells = [(tag, attrs.get("style", "").replace(" ", "").rstrip(";")) for tag, attrs in alpha.elements if tag in ("th", "td")]
    assert cells == [("th", "text-align:left"), ("th", "text-align:right"), ("td", "text-align:left"), ("td", "text-align:right")]
    assert "Keep it" in alpha.text_in("div.admonition.tip", "p.admonition-title")
    assert "An admonition stays an admonition." in alpha.text_in("div.admonition.tip", "p.")


# --- F3: titles evaluated as Jinja ---------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("JJ{{ 7*7 }}JJ {{ config.site_url }} {% if true %}yes{% endif %}", id="expressions"),
        pytest.param("Coaching {#1 priority}", id="comment-that-broke-the-build"),
        pytest.param("Read {% include 'index.md' %} and {% include '/etc/passwd' %}", id="include"),
    ],
)
def test_f3_titles_are_never_template_source(tmp_path: Path, title: str) -> None:
    project = small_project(tmp_path / "project")
    for name in ("alpha", "beta"):
        module = read(project, f"content/modules/{name}.yml")
        module["title"] = f"{title} {name}"
        write(project, f"content/modules/{name}.yml", module)
    path = read(project, "content/paths/starter.yml")
    path["title"] = f"{title} path"
    write(project, "content/paths/starter.yml", path)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    alpha = page(tmp_path / "site", "modules/alpha/index.html")
    assert f"{title} alpha" in alpha.text_in("md-nav--primary")
    assert f"{title} path" in alpha.text_in("md-nav--primary")
    assert alpha.text_in("md-header__topic", "span.md-ellipsis") == ["Frontline Playbook", f"{title} alpha"]
    assert alpha.text_in("md-footer__link--next", "md-ellipsis") == [f"{title} beta"]
    assert h1(alpha) == f"{title} alpha"
    assert "JJ49JJ" not in (tmp_path / "site/modules/alpha/index.html").read_text(encoding="utf-8")
