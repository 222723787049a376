"""Fuzzing the loader: whatever ends up in a content file, the result is a catalog or located problems.

Random text, random bytes (invalid UTF-8 included) and mutations of a valid fixture module (lines
deleted, indentation shifted, tabs inserted, values of the wrong type, keys given twice, anchors,
aliases and explicit tags) go through every way in: `read_document`/`parse_document`,
`validate_document`, `load_catalog` and `python -m macros check`. Every outcome must be a document,
a model or a catalog, or problems printed one per line as `path:line:col: ...`; never a traceback.

Inputs that once escaped as exceptions are pinned in `test_reproductions`, one minimal input each.
Examples are random on each run (no example database is written); a failure prints the input.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros import schema
from macros.catalog import Catalog, load_catalog
from macros.cli import main
from macros.errors import ContentError
from macros.loader import parse_document, read_document
from macros.validate import validate_document
from tests.conftest import FIXTURES, REPO

MINIMAL = FIXTURES / "minimal"
ALPHA = "content/modules/alpha.yml"
QUIZ = "quizzes/alpha.yml"
COURSE = "content/course.yml"
BASE_TEXT = {name: (MINIMAL / name).read_text(encoding="utf-8") for name in (ALPHA, QUIZ, COURSE)}

PROBLEM = re.compile(r"^[^:]+:\d+:\d+: ")
COUNT_LINE = re.compile(r"^\d+ problems? in \d+ files?$")

# Fast and quiet: about 150 examples per test, no deadline (the first call imports pydantic's
# validators), no .hypothesis/ folder in the repository. The function-scoped `tmp_path` is safe to
# share between examples: each example rewrites the one file it changes.
FUZZ = settings(
    # CI runs the same examples every time, so a landing never depends on luck; locally they vary.
    derandomize=bool(os.environ.get("CI")),
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)


# --- Inputs -----------------------------------------------------------------------------------

# Values an author (or a bad merge) could leave after `key:`: other types, broken dates and quotes,
# YAML's own syntax (anchors, aliases, tags, merge keys), control and non-ASCII characters.
VALUES = [
    "", "~", "null", "42", "-1", "3.5", "1e400", ".nan", "0x1F", "true", "no", "yes", "[]", "{}", "[a, b]", "{a: 1}",
    "- listed", "2026-01-01", "2026-01-01T10:00:00", "2026-13-45", "2026-02-30", "'quoted'", '"unterminated', "'it''s'",
    "|", ">-", "&a x", "*a", "*missing", "&x [*x]", "&y {k: *y}", "<<: *a", "!!int abc", "!!float x", "!!bool maybe",
    "!!timestamp soon", "!!binary ???", "!!set {a}", "!!omap [a: 1]", "!!str", "!!null x", "!!python/object:os.system x",
    "!custom x", "%TAG", "@at", "`tick`", "x" * 300, "café ☕ \u2028 next", "\x07bell", "\ufeffbom", "a: b: c", "? complex",
    "[unclosed", "{unclosed", "' spaced '", "#comment only", "- [a, {b: c}]", "|\n  two\n  lines", ">\n  folded\n\n  text",
]
YAML_TOKENS = st.sampled_from(list("abcxyz019 :-?[]{},#&*!|>'\"%@`\n\t\r.~") + ["\n  ", "\n- ", ": ", "---\n", "...\n", "\ufeff", "é", "\x00", "\x85"])


def yaml_like(max_tokens: int) -> st.SearchStrategy[str]:
    """Short runs of YAML's punctuation, indentation and keywords: syntax errors of every kind."""
    return st.lists(YAML_TOKENS, max_size=max_tokens).map("".join)


def _value_of(line: str, value: str) -> str:
    """`line` with its value replaced: `key: value` or `- value`."""
    if ":" in line:
        return line[: line.index(":") + 1] + (" " + value if value else "")
    stripped = line.lstrip(" ")
    indent = line[: len(line) - len(stripped)]
    return f"{indent}- {value}" if stripped.startswith("-") else f"{indent}{value}"


@st.composite
def mutated(draw: st.DrawFn, base: str = BASE_TEXT[ALPHA]) -> str:
    """`base` after one to five edits of the kinds that break real files."""
    lines = base.split("\n")
    for _ in range(draw(st.integers(1, 5))):
        if not lines:
            lines = [""]
        here = draw(st.integers(0, len(lines) - 1))
        line = lines[here]
        kind = draw(st.sampled_from(["delete", "indent", "tab", "value", "duplicate", "swap", "splice", "anchor", "truncate"]))
        if kind == "delete":
            del lines[here]
        elif kind == "indent":
            lines[here] = " " * draw(st.integers(0, 9)) + line.lstrip(" ")
        elif kind == "tab":
            column = draw(st.integers(0, len(line)))
            lines[here] = line[:column] + "\t" + line[column:]
        elif kind == "value":
            lines[here] = _value_of(line, draw(st.sampled_from(VALUES)))
        elif kind == "duplicate":
            lines.insert(here, line)
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[here], lines[other] = lines[other], line
        elif kind == "splice":
            column = draw(st.integers(0, len(line)))
            lines[here] = line[:column] + draw(yaml_like(8)) + line[column:]
        elif kind == "anchor":
            # An anchor on a parent key and an alias somewhere after it, possibly inside it.
            lines[here] = line + " &a" if line.rstrip().endswith(":") else _value_of(line, "&a " + line.split(":", 1)[-1].strip())
            later = draw(st.integers(here, len(lines) - 1))
            lines[later] = _value_of(lines[later], "*a")
        elif kind == "truncate":
            del lines[here + 1 :]
            lines[here] = line[: draw(st.integers(0, len(line)))]
    return "\n".join(lines)


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    """The fixture module as bytes with bad bytes spliced in (Latin-1, cut sequences, NUL, BOM, CR)."""
    raw = bytearray(BASE_TEXT[ALPHA].encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(raw)))
        junk = draw(st.sampled_from([b"\xff", b"\xe9", b"\xc3", b"\xe2\x82", b"\x00", b"\xef\xbb\xbf", b"\r", b"\x80\x80", b"\xed\xa0\x80"]))
        raw[at:at] = junk
    return bytes(raw)


ANY_TEXT = st.one_of(st.text(max_size=300), yaml_like(120), mutated())


# --- What every outcome must look like ------------------------------------------------------------


def assert_problems(errors: list[ContentError]) -> None:
    for error in errors:
        assert isinstance(error, ContentError), error
        text = str(error)
        assert PROBLEM.match(text), text
        assert "\n" not in text, f"one problem, one line: {text!r}"
        assert error.line >= 1 and error.col >= 1, text


def check_text(text: str) -> None:
    """parse_document, then validate_document against the module schema."""
    document, errors = parse_document(text, ALPHA)
    assert_problems(errors)
    if document is None:
        assert errors, "no document and no reason"
        return
    assert isinstance(document.data, dict)
    # The loader builds the data itself for speed: it must be what PyYAML's constructor builds (repr: NaN != NaN).
    assert repr(document.data) == repr(yaml.load(text.removeprefix("\ufeff"), Loader=yaml.CSafeLoader)), text
    module, problems = validate_document(document, schema.Module)
    assert_problems(problems)
    assert (module is None) == bool(problems)
    if module is not None:
        assert isinstance(module, schema.Module)


@contextlib.contextmanager
def course_with(text: str | bytes, name: str = ALPHA) -> Iterator[Path]:
    """A copy of tests/fixtures/minimal with `name` replaced by `text`."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "course"
        shutil.copytree(MINIMAL, root)
        target = root / name
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        yield root


def check_catalog(root: Path) -> None:
    catalog, errors = load_catalog(root)
    assert_problems(errors)
    assert catalog is None or isinstance(catalog, Catalog)
    if not errors:
        assert catalog is not None, "no catalog and no problem"


def check_cli(root: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), "check", "--today", "2026-06-01"])
    assert code in (0, 1), code
    lines = err.getvalue().splitlines()
    for line in lines:
        assert PROBLEM.match(line) or COUNT_LINE.match(line) or line.startswith("note: "), line
    if code == 1:
        assert lines and COUNT_LINE.match(lines[-1]), lines
    else:
        assert out.getvalue().startswith("ok: "), out.getvalue()


# --- Properties -------------------------------------------------------------------------------


@FUZZ
@given(st.text(max_size=400))
def test_random_text_parses_or_is_explained(text: str) -> None:
    check_text(text)


@FUZZ
@given(yaml_like(150))
def test_yaml_like_text_parses_or_is_explained(text: str) -> None:
    check_text(text)


@FUZZ
@given(mutated())
def test_mutated_module_validates_or_is_explained(text: str) -> None:
    check_text(text)


@FUZZ
@given(st.one_of(st.binary(max_size=300), mutated_bytes()))
def test_random_bytes_are_read_or_explained(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "alpha.yml"
    path.write_bytes(raw)
    document, errors = read_document(path, ALPHA)
    assert_problems(errors)
    assert document is not None or errors
    if document is not None:
        check_text(raw.decode("utf-8"))


@FUZZ
@given(st.data())
def test_load_catalog_returns_a_catalog_or_problems(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from([ALPHA, ALPHA, QUIZ, COURSE]), label="file")
    text = data.draw(st.one_of(mutated(BASE_TEXT[name]), yaml_like(120), mutated_bytes()), label="content")
    with course_with(text, name) as root:
        check_catalog(root)


@FUZZ
@given(st.one_of(mutated(), mutated_bytes(), st.text(max_size=200)))
def test_check_command_exits_0_or_1(text: str | bytes) -> None:
    with course_with(text) as root:
        check_cli(root)


# --- Reproductions --------------------------------------------------------------------------------
# Minimal inputs that fuzzing found escaping as exceptions (or as a message of several lines).
# Each must end as located one-line problems; until macros/loader.py handles them, these fail.

REPRODUCTIONS = [
    pytest.param("last_reviewed: 2026-02-30\n", id="impossible-date-ValueError"),
    pytest.param("last_reviewed: 2026-13-01\n", id="month-13-ValueError"),
    pytest.param("a: &x [*x]\n", id="recursive-alias-RecursionError"),
    pytest.param("a: &x {b: *x}\n", id="recursive-mapping-alias-RecursionError"),
    pytest.param("duration: !!int twenty\n", id="bad-int-tag-ValueError"),
    pytest.param("duration: !!float x\n", id="bad-float-tag-ValueError"),
    pytest.param("a: !!bool maybe\n", id="bad-bool-tag-KeyError"),
    pytest.param("a: !!timestamp soon\n", id="bad-timestamp-tag-AttributeError"),
    pytest.param("a: " + "[" * 1500 + "]" * 1500 + "\n", id="deep-nesting-RecursionError"),
    pytest.param("title: a\x07b\n", id="control-character-message-spans-two-lines"),
    pytest.param("level: |\n  foundation\n  advanced\n", id="multi-line-value-echoed-in-message"),
]


@pytest.mark.parametrize("text", REPRODUCTIONS)
def test_reproductions(text: str) -> None:
    check_text(text)


def test_reproduction_impossible_date_in_a_module_through_check() -> None:
    """What an author actually types: a date that does not exist, in a valid module."""
    text = BASE_TEXT[ALPHA].replace("last_reviewed: 2026-01-01", "last_reviewed: 2026-02-30")
    with course_with(text) as root:
        check_cli(root)


def test_reproduction_very_deep_nesting_does_not_kill_the_process() -> None:
    """Tens of thousands of nested brackets crash libyaml's composer (SIGSEGV), so run it in a child process."""
    code = "from macros.loader import parse_document; parse_document('a: ' + '[' * 50000 + ']' * 50000, 'f.yml')"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-500:]}"


def test_reproduction_alias_bomb_is_refused_quickly() -> None:
    """'Billion laughs': eight lines of aliases to aliases name 10**8 list items; indexing them walks every one.

    Six levels already take about 5 s; eight would take minutes. Run in a child process with a time limit.
    """
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]" for level in range(1, 8)]
    text = "\n".join([*lines, "sections: *a7", ""])
    code = f"from macros.loader import parse_document; parse_document({text!r}, 'f.yml')"
    try:
        result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail(f"parse_document still busy after 10 s on {len(text)} bytes of aliases")
    assert result.returncode == 0, result.stderr[-500:]


# --- Nesting depth ------------------------------------------------------------------------------------
# The loader skips its exact depth scan when a cheap bound says the file cannot be deep: check that
# bound against nesting written every way PyYAML writes it (compact `- - -`, indented mappings,
# flow collections inside block ones, any indentation width).

DEPTH_MESSAGE = "lists and mappings nested more than 200 levels deep"


def nested(kinds: list[bool]) -> object:
    value: object = "x"
    for is_list in reversed(kinds):
        value = [value] if is_list else {"k": value}
    return value


@FUZZ
@given(
    kinds=st.lists(st.booleans(), min_size=140, max_size=260),
    indent=st.integers(min_value=2, max_value=9),
    flow=st.sampled_from([False, None, True]),
)
def test_deep_nesting_is_refused_exactly_when_over_the_limit(kinds: list[bool], indent: int, flow: bool | None) -> None:
    text = yaml.safe_dump({"id": "a", "deep": nested(kinds)}, indent=indent, default_flow_style=flow, width=4096)
    document, errors = parse_document(text, "f.yml")
    depth = len(kinds) + 1  # the document's own mapping is the first level
    if depth > 200:
        assert [error.message for error in errors] == [f"{DEPTH_MESSAGE}; a course file needs a handful"], text[:300]
    else:
        assert errors == [] and document is not None
