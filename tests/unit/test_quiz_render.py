"""The quiz HTML: real inputs with labels, a legend per question, answers kept out of search."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from macros.catalog import load_catalog
from macros.render import quiz_version
from tests.conftest import REPO, edit
from tests.unit.test_render import renderer_for


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.tags


def test_every_input_has_a_label_and_every_question_a_legend(course: Path) -> None:
    html = renderer_for(course).quiz("alpha")
    tags = parse(html)
    inputs = [attrs for tag, attrs in tags if tag == "input"]
    labels = {attrs["for"] for tag, attrs in tags if tag == "label"}
    assert [attrs["type"] for attrs in inputs] == ["radio", "radio"]
    assert all(attrs["id"] in labels for attrs in inputs)
    assert len({attrs["name"] for attrs in inputs}) == 1, "one radio group per question"
    assert html.count("<fieldset") == html.count("<legend") == 1
    assert "<legend class=\"fp-prompt\">Pick one.</legend>" in html


def test_quiz_is_excluded_from_search_and_readable_without_javascript(course: Path) -> None:
    html = renderer_for(course).quiz("alpha")
    section = next(attrs for tag, attrs in parse(html) if tag == "section")
    assert "data-search-exclude" in section
    assert section["data-pass-mark"] == "80"
    assert '<details class="fp-answer">\n<summary>Show answer</summary>' in html
    details = html[html.index("<details"): html.index("</details>")]
    assert "Right." in details and "Because." in details and "Wrong." not in details
    page = renderer_for(course).module_page("alpha")
    assert "## Check yourself { #check-yourself data-search-exclude }" in page


def test_multiple_choice_uses_checkboxes_and_markdown_is_rendered_once(course: Path) -> None:
    edit(course / "quizzes/alpha.yml", "    kind: single", "    kind: multiple")
    edit(course / "quizzes/alpha.yml", "        text: Wrong.", "        text: 'Also **right** {{ x }}'\n        correct: true")
    html = renderer_for(course).quiz("alpha")
    assert [attrs["type"] for tag, attrs in parse(html) if tag == "input"] == ["checkbox", "checkbox"]
    assert "Also <strong>right</strong> {{ x }}" in html
    assert "select all that apply" in html


def test_scenario_text_describes_its_fieldset(course: Path) -> None:
    edit(course / "quizzes/alpha.yml", "    kind: single\n", "    kind: scenario\n    scenario: Dana missed **three** calls.\n")
    html = renderer_for(course).quiz("alpha")
    assert 'id="q-alpha-q-one-scenario"><p class="fp-scenario-label">Scenario</p><p>Dana missed <strong>three</strong> calls.</p>' in html
    assert '<fieldset aria-describedby="q-alpha-q-one-scenario">' in html


def test_quiz_version_changes_with_answers_not_wording(course: Path) -> None:
    catalog, _ = load_catalog(course)
    before = quiz_version(catalog.quizzes["alpha"])
    edit(course / "quizzes/alpha.yml", "prompt: Pick one.", "prompt: Pick exactly one.")
    catalog, _ = load_catalog(course)
    assert quiz_version(catalog.quizzes["alpha"]) == before
    edit(course / "quizzes/alpha.yml", "        correct: true\n", "")
    edit(course / "quizzes/alpha.yml", "        feedback: Not this.", "        correct: true")
    catalog, _ = load_catalog(course)
    assert quiz_version(catalog.quizzes["alpha"]) != before


def test_module_without_quiz_has_no_quiz_section(course: Path) -> None:
    assert "Check yourself" not in renderer_for(course).module_page("beta")


