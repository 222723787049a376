"""The review page, "Review due" marker and diagnostic macros (issue 12 points 5 and 6): the quiz's own
question markup, text from YAML escaped or cleaned, pools hidden and out of search and module pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.catalog import load_catalog
from tests.conftest import REPO
from tests.unit.test_quiz_render import parse
from tests.unit.test_render import renderer_for

REVIEW_POOL = """review:
  - id: r-one
    kind: single
    diagnostic: true
    prompt: "Pool <script>alert(1)</script> {{ secret }}"
    choices:
      - id: a
        text: "[Click](javascript:alert(1)) *kept*"
        correct: true
      - id: b
        text: Other.
        feedback: "<img src=x onerror=alert(1)> why not"
    explanation: Pool reason.
"""


@pytest.fixture
def pooled(course: Path) -> Path:
    quiz = course / "quizzes" / "alpha.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8") + REVIEW_POOL, encoding="utf-8")
    return course


def test_review_page_holds_every_pool_hidden_in_quiz_markup(pooled: Path) -> None:
    html = renderer_for(pooled).review_page("review/")
    tags = parse(html)
    section = next(attrs for tag, attrs in tags if tag == "section")
    assert "data-search-exclude" in section and "data-fp-review" in section
    assert "data-quiz" not in section, "quiz.js binds [data-quiz]; the review page is run by fp/review.js"
    pool = next(attrs for tag, attrs in tags if "data-fp-review-pool" in attrs)
    assert "hidden" in pool
    group = next(attrs for tag, attrs in tags if attrs.get("data-module") == "alpha")
    assert group["data-url"] == "../modules/alpha/" and group["data-title"]
    question = next(attrs for tag, attrs in tags if attrs.get("data-question") == "r-one")
    assert question["class"] == "fp-question" and question["data-kind"] == "single"
    assert [attrs["id"] for tag, attrs in tags if tag == "input"] == ["r-alpha--r-one--a", "r-alpha--r-one--b"]
    assert 'data-choice="a" data-correct' in html and "<script" not in html


def test_text_from_yaml_is_escaped_or_cleaned_and_never_template_source(pooled: Path) -> None:
    renderer = renderer_for(pooled)
    for html in (renderer.review_page("review/"), renderer.diagnostic("start-here/")):
        assert "<script" not in html and "&lt;script&gt;" in html
        assert "{{ secret }}" in html, "YAML is data, not template source"
        assert "javascript:" not in html and "<em>kept</em>" in html
        assert "onerror" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")


def test_review_items_stay_off_the_module_page(pooled: Path) -> None:
    page = renderer_for(pooled).module_page("alpha")
    assert "r-one" not in page and "Pool reason" not in page


def test_review_due_marker_names_modules_with_a_pool_and_links_the_review_page(pooled: Path) -> None:
    renderer = renderer_for(pooled)
    home = parse(renderer.review_due(""))
    marker = next(attrs for tag, attrs in home if "data-fp-review-due" in attrs)
    assert marker["data-modules"] == "alpha" and "hidden" in marker
    assert next(attrs for tag, attrs in home if tag == "a")["href"] == "review/"
    progress = parse(renderer.review_due("progress/"))
    assert next(attrs for tag, attrs in progress if tag == "a")["href"] == "../review/"


def test_offline_copy_links_html_files(pooled: Path) -> None:
    from dataclasses import replace

    renderer = replace(renderer_for(pooled), directory_urls=False)
    assert 'href="review.html"' in renderer.review_due("index.html")


def test_diagnostic_asks_the_flagged_items_in_course_order(pooled: Path) -> None:
    html = renderer_for(pooled).diagnostic("start-here/")
    tags = parse(html)
    assert "data-search-exclude" in next(attrs for tag, attrs in tags if tag == "section")
    items = [attrs["data-module"] for tag, attrs in tags if attrs.get("class") == "fp-diagnostic-item"]
    assert items == ["alpha"]
    assert [attrs["id"] for tag, attrs in tags if tag == "input"] == ["d-alpha--r-one--a", "d-alpha--r-one--b"]
    assert "Question 1 of 1" in html
    modules = [attrs for tag, attrs in tags if tag == "li" and "data-module" in attrs]
    assert [(m["data-module"], m["data-url"]) for m in modules] == [("alpha", "../modules/alpha/")]


def test_diagnostic_without_flagged_items_names_the_fix(course: Path) -> None:
    with pytest.raises(KeyError, match="diagnostic: true"):
        renderer_for(course).diagnostic("start-here/")


def test_the_real_course_diagnostic_has_one_item_per_module_about_fifteen_minutes() -> None:
    catalog, errors = load_catalog(REPO)
    assert catalog is not None and not errors
    counts = {m: sum(q.diagnostic for q in quiz.questions + quiz.review) for m, quiz in catalog.quizzes.items()}
    # One item a module: with 16 modules that is about a quarter of an hour, which is what a newcomer gives it.
    assert all(n == 1 for n in counts.values()), counts
    assert all(len(quiz.review) >= 3 for quiz in catalog.quizzes.values()), "a review asks 3 to 5 items"
