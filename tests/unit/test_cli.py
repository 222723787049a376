"""The command line: `check` lists every problem and exits 1; `new` writes files that pass `check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.catalog import load_catalog
from macros.cli import main
from tests.conftest import edit


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_passes_on_valid_content(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(course), "check")
    assert code == 0
    assert out.startswith("ok: 2 modules, 1 quizzes, 1 tracks, 0 paths")


def test_check_lists_all_problems_and_fails(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(course / "content/modules/alpha.yml", "title: Alpha module", "titel: Alpha module")
    (course / "quizzes/beta.yml").write_text("- not\n- a mapping\n", encoding="utf-8")
    code, _, err = run(capsys, "--root", str(course), "check")
    assert code == 1
    assert err.splitlines() == [
        "content/modules/alpha.yml:2:1: titel: unknown field 'titel' (did you mean 'title'?)",
        "quizzes/beta.yml:1:1: expected a mapping of fields (`key: value` lines), got a list",
        "2 problems in 2 files",
    ]
    assert "Traceback" not in err


def test_review_overdue_warns_and_strict_review_fails(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(course / "content/modules/alpha.yml", "review_by: 2099-01-01", "review_by: 2026-02-01")
    code, _, err = run(capsys, "--root", str(course), "check", "--today", "2026-11-23")
    assert code == 0
    assert "content/modules/alpha.yml:53:14: stewardship.review_by: review overdue since 2026-02-01" in err and "(warning)" in err
    code, _, err = run(capsys, "--root", str(course), "check", "--strict-review", "--today", "2026-11-23")
    assert code == 1
    assert "1 problem in 1 file" in err


def test_new_module_passes_check(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(course), "new", "module", "negotiation", "--title", "Negotiating with buyers")
    assert code == 0
    assert "wrote content/modules/negotiation.yml" in out and "wrote quizzes/negotiation.yml" in out
    text = (course / "content/modules/negotiation.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/module.schema.json\nid: negotiation\ntitle: Negotiating with buyers\n")
    code, out, err = run(capsys, "--root", str(course), "check")
    assert code == 0, err
    assert out.startswith("ok: 3 modules, 2 quizzes")
    assert "module 'negotiation' is in no track" in err


def test_new_refuses_to_overwrite_or_bad_ids(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--root", str(course), "new", "module", "alpha")
    assert code == 2 and "content/modules/alpha.yml already exists" in err
    code, _, err = run(capsys, "--root", str(course), "new", "module", "Bad_Id")
    assert code == 2 and "not a valid id" in err


HOSTILE_TITLES = [
    "Negotiation: the basics",
    "#1 priority",
    '"Quoted" start',
    "'Single' start",
    "Yes",
    "No",
    "null",
    "123",
    "2027-01-01",
    "- dash first",
    "[draft] Negotiation",
    "{braces} first",
    "@mention first",
    "Price & value: *the* talk",
    "*bold* start",
    "!tag start",
    "%directive",
    "`backtick`",
    "a | b > c",
    "Ends with a colon:",
    "trailing #comment",
    "a\nid: evil",
    "two\n\nparagraphs",
    "back\\slash \\n",
    "Café über 😀",
    "\u2028line separator",
    "tab\there",
    "   padded   ",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_new_module_with_any_title_passes_check(course: Path, capsys: pytest.CaptureFixture[str], title: str) -> None:
    """Titles were pasted raw into the skeleton: `a: b` failed check, `#1` became null, `Yes` a boolean,
    a newline injected keys. The title must come back from the file exactly (whitespace joined)."""
    code, _, err = run(capsys, "--root", str(course), "new", "module", "negotiation", "--title", title, "--owner", title)
    assert code == 0, err
    code, out, err = run(capsys, "--root", str(course), "check")
    assert code == 0, err
    assert "Traceback" not in err
    catalog, errors = load_catalog(course)
    assert not errors and catalog is not None
    module = catalog.modules["negotiation"]
    assert module.title == " ".join(title.split())
    assert module.stewardship.owner == " ".join(title.split())
    assert set(module.model_dump()) >= {"id", "title"} and module.id == "negotiation"


@pytest.mark.parametrize(
    ("module_id", "reason"),
    [
        ("yes", "YAML reads 'yes' as a yes/no value"),
        ("no", "YAML reads 'no' as a yes/no value"),
        ("on", "YAML reads 'on' as a yes/no value"),
        ("off", "YAML reads 'off' as a yes/no value"),
        ("true", "YAML reads 'true' as a yes/no value"),
        ("null", "YAML reads 'null' as an empty value"),
        ("123", "YAML reads '123' as a number"),
        ("0x1f", "YAML reads '0x1f' as a number"),
        ("017", "YAML reads '017' as a number"),
        ("2027-01-01", "YAML reads '2027-01-01' as a date"),
        ("a" * 65, "the id is 65 characters long; at most 64"),
        ("Bad_Id", "'Bad_Id' is not a valid id"),
        ("double--hyphen", "'double--hyphen' is not a valid id"),
        ("trailing-", "'trailing-' is not a valid id"),
    ],
)
def test_new_module_refuses_ids_yaml_or_the_schema_would_not_keep(
    course: Path, capsys: pytest.CaptureFixture[str], module_id: str, reason: str
) -> None:
    code, out, err = run(capsys, "--root", str(course), "new", "module", module_id)
    assert code == 2
    assert err.startswith(f"error: {reason}"), err
    assert "wrote" not in out
    assert not (course / "content/modules" / f"{module_id}.yml").exists()


@pytest.mark.parametrize("module_id", ["a" * 64, "a" * 55, "x1", "on-boarding", "null-island", "v2"])
def test_new_module_accepts_every_id_the_schema_accepts(course: Path, capsys: pytest.CaptureFixture[str], module_id: str) -> None:
    """The longest id still passes check: its checklist id may not grow past the limit."""
    code, _, err = run(capsys, "--root", str(course), "new", "module", module_id)
    assert code == 0, err
    code, out, err = run(capsys, "--root", str(course), "check")
    assert code == 0, err


@pytest.mark.parametrize(("title", "reason"), [("x" * 201, "is 201 characters long; at most 200"), ("bell\x07", "contains the character U+0007"), ("\udcff", "contains the character U+DCFF")])
def test_new_module_refuses_titles_check_would_refuse(course: Path, capsys: pytest.CaptureFixture[str], title: str, reason: str) -> None:
    code, _, err = run(capsys, "--root", str(course), "new", "module", "negotiation", "--title", title)
    assert code == 2 and err.startswith(f"error: --title {reason}"), err
    assert not (course / "content/modules/negotiation.yml").exists()
