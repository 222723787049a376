"""Reading YAML: every way a file can be unreadable becomes a located ContentError."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.loader import parse_document, read_document
from tests.conftest import REPO


def errors_of(text: str) -> list[str]:
    document, errors = parse_document(text, "f.yml")
    assert document is None or errors
    return [str(error) for error in errors]


def test_positions_of_values_and_keys_are_remembered() -> None:
    document, errors = parse_document("a: 1\nb:\n  - x\n  - y: 2\n", "f.yml")
    assert not errors and document is not None
    assert document.source.position(("b", 1, "y")) == (4, 8)
    assert document.source.position(("b", 1, "y"), key=True) == (4, 5)
    assert document.source.position(("b", 7, "missing")) == (3, 3), "falls back to the nearest known node"


def test_syntax_error_is_located() -> None:
    assert errors_of("a: [1, 2\nb: 3\n") == [
        "f.yml:2:2: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 1)"
    ]


def test_tab_indentation_is_named_plainly() -> None:
    assert errors_of("a:\n\t- x\n") == ["f.yml:2:1: tab used for indentation; indent with spaces"]


def test_empty_file() -> None:
    assert errors_of("# only a comment\n") == ["f.yml:1:1: the file is empty; it needs a mapping of fields"]


def test_list_where_a_mapping_belongs() -> None:
    assert errors_of("- id: a\n- id: b\n") == ["f.yml:1:1: expected a mapping of fields (`key: value` lines), got a list"]


def test_duplicate_key() -> None:
    document, errors = parse_document("id: a\ntitle: x\nid: b\n", "f.yml")
    assert [str(error) for error in errors] == ["f.yml:3:1: id: key given twice; the second value would silently win"]


def test_non_utf8_bytes(tmp_path: Path) -> None:
    path = tmp_path / "m.yml"
    path.write_bytes("id: a\ntitle: caf\xe9\n".encode("latin-1"))
    document, errors = read_document(path, "m.yml")
    assert document is None
    assert [str(error) for error in errors] == ["m.yml:2:11: not UTF-8 text (byte 0xe9); save the file as UTF-8"]


def test_byte_order_mark_is_accepted() -> None:
    document, errors = parse_document("\ufeffid: a\n", "f.yml")
    assert not errors and document is not None and document.data == {"id": "a"}


def test_aliases_are_refused_where_they_stand() -> None:
    assert errors_of("a: &x [1, 2]\nb: *x\n") == ["f.yml:2:1: b: YAML aliases (*name) are not supported in course files; write the value out"]


def test_impossible_date_is_located() -> None:
    assert errors_of("id: a\nlast_reviewed: 2026-02-30\n") == [
        "f.yml:2:16: last_reviewed: '2026-02-30' is not a real date (year-month-day, e.g. 2027-03-31)"
    ]


def test_control_character_is_located() -> None:
    assert errors_of("id: a\ntitle: bad\x07bell\n") == ["f.yml:2:11: character U+0007 is not allowed in YAML (a control character); delete it"]


def test_absurd_nesting_is_refused_before_parsing() -> None:
    message = "lists and mappings nested more than 200 levels deep; a course file needs a handful"
    assert errors_of("a: " + "[" * 300 + "]" * 300) == [f"f.yml:1:203: {message}"]
    assert errors_of("a: " + "[" * 200 + "]" * 200) == [f"f.yml:1:203: {message}"]
    assert parse_document("a: " + "[" * 199 + "]" * 199, "f.yml")[1] == []
    many_shallow = "".join(f"k{n}: [{{x: {n}}}]\n" for n in range(300))
    document, errors = parse_document(many_shallow, "f.yml")
    assert not errors and document is not None and document.data["k299"] == [{"x": 299}]


DEEP_BLOCKS = {
    # name: (text, line:col of the list or mapping that is one level too deep)
    "dash-runs": ("id: a\ntags:\n  " + "- " * 5000 + "x\n", "3:401"),
    "question-marks": ("id: a\n" + "? " * 5000 + "x\n", "2:401"),
    "indentation": ("id: a\n" + "".join(" " * n + "k:\n" for n in range(300)) + " " * 300 + "x\n", "202:201"),
    # three levels a line (list, list, mapping), the value list at the key's own indentation
    "dash-and-indentation": ("id: a\nb:\n" + "".join(" " * (4 * n) + "- - k:\n" for n in range(100)) + " " * 400 + "x\n", "69:267"),
    "flow-inside-block": ("id: a\nb:\n  " + "- " * 150 + "[" * 60 + "]" * 60 + "\n", "3:352"),
}


@pytest.mark.parametrize("name", sorted(DEEP_BLOCKS))
def test_deep_block_nesting_is_reported_where_it_gets_too_deep(name: str) -> None:
    """Block nesting (`- - -`, `? ? ?`, indentation) reaches the composer's recursion like brackets do.

    At 5,000 levels the error used to be a RecursionError text at 1:1; 30,000 crashed the process.
    """
    text, where = DEEP_BLOCKS[name]
    assert errors_of(text) == [f"f.yml:{where}: lists and mappings nested more than 200 levels deep; a course file needs a handful"]


def test_thirty_thousand_nested_dashes_do_not_kill_check(course: Path) -> None:
    """The review's reproduction: `tags:` followed by 30,000 `- ` on one line segfaulted `check` (rc 139)."""
    path = course / "content/modules/alpha.yml"
    text = path.read_text(encoding="utf-8").replace("tags: [alpha-tag]", "tags:\n  " + "- " * 30000 + "x")
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros", "--root", str(course), "check"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, f"exit {result.returncode}: {result.stderr[-500:]}"
    assert result.stderr.splitlines()[0] == "content/modules/alpha.yml:8:401: lists and mappings nested more than 200 levels deep; a course file needs a handful"
    assert "Traceback" not in result.stderr


def test_shallow_lines_that_look_deep_still_load() -> None:
    """A long run of dashes in text (a Markdown rule) triggers the exact scan but is not nesting."""
    document, errors = parse_document("id: a\nbody: |\n  " + "-" * 300 + "\n  " + " " * 100 + "text\n", "f.yml")
    assert not errors and document is not None


@pytest.mark.parametrize("name", sorted(str(p.relative_to(REPO)) for folder in ("content", "quizzes") for p in (REPO / folder).rglob("*.yml")))
def test_course_files_read_as_pyyaml_reads_them(name: str) -> None:
    """The loader builds plain documents itself (faster than PyYAML's constructor); same data."""
    text = (REPO / name).read_text(encoding="utf-8")
    document, errors = parse_document(text, name)
    assert not errors and document is not None
    assert document.data == yaml.load(text, Loader=yaml.CSafeLoader)


@pytest.mark.parametrize("text", [
    "a: 1\nb: 2.5\nc: true\nd: ~\ne: 2026-01-01\nf: [x, 2, {g: no}]\n'1': str key\n2: int key\n",
    "a: !!set {x, y}\n", "a: !!omap [b: 1]\n", "a: {b: 1}\nb:\n  <<: {c: 2}\n  d: 3\n", "a: !!str 12\n", "a: !!binary aGk=\n",
    "? [a, b]\n: c\n", "a: 1\na: 2\n",
])
def test_yaml_features_read_as_pyyaml_reads_them(text: str) -> None:
    document, errors = parse_document(text, "f.yml")
    if document is None:
        assert errors
        with pytest.raises(yaml.YAMLError):
            yaml.load(text, Loader=yaml.CSafeLoader)
    else:
        assert document.data == yaml.load(text, Loader=yaml.CSafeLoader)
