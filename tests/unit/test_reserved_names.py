"""Names that would replace a hand-written page or give two elements the same id are refused or cannot happen."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from macros import schema
from macros.catalog import load_catalog
from tests.unit.test_render import renderer_for

PATH = "id: {id}\ntitle: A path\naudience: [new-manager]\ndescription: First steps.\nsteps:\n  - module: alpha\n    day: 7\n"


def problems(root: Path) -> list[str]:
    return [str(error) for error in load_catalog(root)[1]]


def test_a_path_called_index_cannot_replace_the_learning_paths_page(course: Path) -> None:
    """paths/index.md is the hand-written overview; a generated path page of that name silently won."""
    (course / "content/paths").mkdir()
    (course / "content/paths/index.yml").write_text(PATH.format(id="index"), encoding="utf-8")
    assert problems(course) == [
        "content/paths/index.yml:1:5: id: 'index' is reserved: paths/index.md is the Learning paths page; choose another id and rename the file"
    ]


def test_a_path_named_like_a_hand_written_page_in_docs_paths_is_refused(course: Path) -> None:
    (course / "docs/paths").mkdir(parents=True)
    (course / "docs/paths/faq.md").write_text("# Questions about paths\n", encoding="utf-8")
    (course / "content/paths").mkdir()
    (course / "content/paths/faq.yml").write_text(PATH.format(id="faq"), encoding="utf-8")
    assert problems(course) == [
        "content/paths/faq.yml:1:5: id: 'faq' is reserved: docs/paths/faq.md is a hand-written page; choose another id and rename the file"
    ]


def test_ids_cannot_contain_a_double_hyphen() -> None:
    """Generated HTML ids join their parts with `--`; that is only unambiguous if no part has one."""
    adapter = TypeAdapter(schema.Id)
    with pytest.raises(ValidationError):
        adapter.validate_python("x--y")
    assert adapter.validate_python("x-y") == "x-y"


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.labels: list[str] = []
        self.inputs: dict[str, str] = {}  # input id -> its name (its question)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "label" and values.get("for"):
            self.labels.append(str(values["for"]))
        if tag == "input":
            self.inputs[str(values["id"])] = str(values["name"])


def test_question_and_choice_ids_cannot_collide(course: Path) -> None:
    """The review's case: question `x` with choice `y-z` and question `x-y` with choice `z` both gave
    id="q-alpha-x-y-z", so the label of question 2's answer ticked question 1's radio."""
    (course / "quizzes/alpha.yml").write_text(
        "module: alpha\nquestions:\n"
        "  - id: x\n    kind: scenario\n    scenario: Once.\n    prompt: First?\n    choices:\n"
        "      - id: y-z\n        text: Right.\n        correct: true\n      - id: w\n        text: Wrong.\n    explanation: Because.\n"
        "  - id: x-y\n    kind: scenario\n    scenario: Twice.\n    prompt: Second?\n    choices:\n"
        "      - id: z\n        text: Right.\n        correct: true\n      - id: scenario\n        text: Wrong.\n    explanation: Because.\n"
        "  - id: x-y-scenario\n    kind: single\n    prompt: Third?\n    choices:\n"
        "      - id: a\n        text: Right.\n        correct: true\n      - id: b\n        text: Wrong.\n    explanation: Because.\n",
        encoding="utf-8",
    )
    html = renderer_for(course).quiz("alpha")
    elements = _Elements()
    elements.feed(html)
    duplicates = [element_id for element_id, count in Counter(elements.ids).items() if count > 1]
    assert duplicates == []
    assert 'id="q-alpha--x--y-z"' in html and 'id="q-alpha--x-y--z"' in html
    # every label names an input of its own question
    assert len(elements.labels) == 6 and all(label in elements.inputs for label in elements.labels)
    assert [elements.inputs[label] for label in elements.labels] == ["q-alpha--x"] * 2 + ["q-alpha--x-y"] * 2 + ["q-alpha--x-y-scenario"] * 2
