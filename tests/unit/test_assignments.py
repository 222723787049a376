"""Learning paths in YAML, roster CSVs and the links `python -m macros assign` writes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest

from macros.assignments import assignment_link, build_assignment, decode_assignment, encode_assignment, read_roster
from macros.catalog import load_catalog
from macros.cli import main
from tests.conftest import REPO, edit

PATH = """id: starter
title: Starter path
audience: [new-manager]
description: First steps.
steps:
  - module: alpha
    day: 7
    target: By the end of week 1
  - module: beta
    day: 30
"""


def add_path(course: Path, text: str = PATH, name: str = "starter") -> Path:
    folder = course / "content/paths"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(root: Path) -> list[str]:
    return [str(error) for error in load_catalog(root)[1]]


def test_path_loads(course: Path) -> None:
    add_path(course)
    catalog, errors = load_catalog(course)
    assert not errors and catalog is not None
    assert [step.module for step in catalog.paths["starter"].steps] == ["alpha", "beta"]


def test_path_errors_are_located(course: Path) -> None:
    path = add_path(course)
    edit(path, "  - module: beta", "  - module: betta")
    edit(path, "    day: 30", "    day: 3")
    assert problems(course) == [
        "content/paths/starter.yml:6:3: steps: steps must be in order of their `day`",
    ]
    edit(path, "    day: 3", "    day: 30")
    assert problems(course) == ["content/paths/starter.yml:9:13: steps[1].module: unknown module 'betta' (did you mean 'beta'?)"]


def test_path_id_must_match_its_file(course: Path) -> None:
    add_path(course, name="other")
    assert problems(course) == [
        "content/paths/other.yml:1:5: id: id 'starter' does not match the file name; rename the file to starter.yml or set id: other"
    ]


def test_shipped_paths() -> None:
    catalog, errors = load_catalog(REPO)
    assert not errors and catalog is not None
    assert {"new-manager-90-days", "coaching-intensive", "senior-manager"} <= set(catalog.paths)


def test_links_round_trip_including_non_ascii(course: Path) -> None:
    add_path(course)
    catalog, _ = load_catalog(course)
    assignment = build_assignment(catalog.paths["starter"], dt.date(2027, 1, 4), "Zoë Ångström", "Bring two deals")
    assert assignment["items"] == [{"m": "alpha", "due": "2027-01-11"}, {"m": "beta", "due": "2027-02-03"}]
    link = assignment_link("https://intranet.example/playbook", assignment)
    assert link.startswith("https://intranet.example/playbook/assigned/#assignment=")
    encoded = link.split("#assignment=", 1)[1]
    assert "=" not in encoded and "+" not in encoded and "/" not in encoded
    assert decode_assignment(encoded) == assignment
    assert encode_assignment(decode_assignment(encoded)) == encoded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name,email\nDana,d@x\n,e@x\n", ["roster.csv:3:1: name: empty; every manager needs a name"]),
        ("email\nd@x\n", ["roster.csv:1:1: the first line must name the columns, including 'name' (optional: email, note)"]),
        ("name,email\nDana,d@x\nBen,b@x,extra\n", ["roster.csv:3:1: more values than columns (a comma inside a value needs quotes)"]),
        ("name\nDana\ndana\n", ["roster.csv:3:1: name: 'dana' is already on line 2"]),
        ("name,team\nDana,East\n", ["roster.csv:1:1: unknown column(s): team; expected name, email, note"]),
        ("name\n", ["roster.csv:2:1: no managers listed below the header line"]),
        ("name,note\nDana," + "x" * 501 + "\n", ["roster.csv:2:1: note: longer than 500 characters"]),
    ],
)
def test_roster_errors_name_the_line(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    entries, errors = read_roster(path, "roster.csv")
    assert [str(error) for error in errors] == expected


def test_assign_command_writes_links_and_a_sheet(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_path(course)
    roster = tmp_path / "roster.csv"
    roster.write_text('name,email,note\nDana Whitfield,dana@x.example,Start with alpha\n"Okafor, Ben",ben@x.example,\n=HYPERLINK("x"),,\n', encoding="utf-8")
    out = tmp_path / "out"
    code = main(["--root", str(course), "assign", "--roster", str(roster), "--path", "starter", "--start", "2027-01-04",
                 "--base-url", "https://intranet.example/playbook/", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    rows = list(csv.DictReader(io.StringIO((out / "assignments.csv").read_text(encoding="utf-8"))))
    assert [row["name"] for row in rows] == ["Dana Whitfield", "Okafor, Ben", "'=HYPERLINK(\"x\")"]
    first = decode_assignment(rows[0]["link"].split("#assignment=")[1])
    assert first == {"v": 1, "name": "Dana Whitfield", "items": [{"m": "alpha", "due": "2027-01-11"}, {"m": "beta", "due": "2027-02-03"}],
                     "path": "starter", "start": "2027-01-04", "note": "Start with alpha"}
    assert rows[0]["first due"] == "2027-01-11" and rows[0]["last due"] == "2027-02-03"
    sheet = (out / "assignments.html").read_text(encoding="utf-8")
    assert "<h2>Okafor, Ben</h2>" in sheet and "Alpha module" in sheet and "<script" not in sheet


def test_assign_command_reports_roster_problems(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_path(course)
    roster = tmp_path / "roster.csv"
    roster.write_text("name,email\nDana,\n\n,\n", encoding="utf-8")
    code = main(["--root", str(course), "assign", "--roster", str(roster), "--path", "starter", "--start", "2027-01-04", "--base-url", "https://x.example/"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{roster}:4:1: name: empty; every manager needs a name" in err
    code = main(["--root", str(course), "assign", "--roster", str(roster), "--path", "nope", "--start", "2027-01-04", "--base-url", "https://x.example/"])
    assert code == 2 and "unknown learning path 'nope'" in capsys.readouterr().err


STRAY_QUOTE = 'name,email\nDana,d@x\n"Jane Doe,jane@example.com\n'


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param((STRAY_QUOTE + "".join(f"M {n},m{n}@x\n" for n in range(12000))).encode(),
                     ['roster.csv:3:1: a value longer than 131,072 characters starts on this row: is a closing " missing?'], id="huge-field-traceback"),
        pytest.param((STRAY_QUOTE + "M 1,m1@x\nM 2,m2@x\n").encode(),
                     ['roster.csv:3:1: a value runs on over 3 lines: is a closing " missing?'], id="stray-quote-small-file"),
        pytest.param("name,email\nDana,d@x\nJos\u00e9,j@x\n".encode("latin-1"),
                     ["roster.csv:3:4: not UTF-8 text (byte 0xe9); save the roster as CSV UTF-8"], id="latin-1-on-line-3"),
        pytest.param(b"\xef\xbb\xbfname\nDana\nRen\xe9\n",
                     ["roster.csv:3:4: not UTF-8 text (byte 0xe9); save the roster as CSV UTF-8"], id="latin-1-after-a-bom"),
        pytest.param(b"name\nDana\nB\x00en\n", ["roster.csv:3:2: a NUL byte (0x00), which is not text; save the roster as CSV UTF-8"], id="nul-byte"),
        pytest.param(b"name;email\nDana;d@x\n",
                     ["roster.csv:1:1: the first line must name the columns, including 'name' (optional: email, note); the columns look "
                      "separated by semicolons: save as 'CSV UTF-8 (comma delimited)', or replace the semicolons with commas"], id="semicolons"),
        pytest.param(b'"Name";"E-mail"\r\n"Dana";"d@x"\r\n',
                     ["roster.csv:1:1: the first line must name the columns, including 'name' (optional: email, note); the columns look "
                      "separated by semicolons: save as 'CSV UTF-8 (comma delimited)', or replace the semicolons with commas"], id="quoted-semicolons"),
        pytest.param(b"name,email\n\n\nDana,d@x\n,e@x\n", ["roster.csv:5:1: name: empty; every manager needs a name"], id="blank-lines-counted"),
    ],
)
def test_roster_problems_are_reported_at_their_own_line(tmp_path: Path, raw: bytes, expected: list[str]) -> None:
    """A field over csv's limit was a `_csv.Error` traceback; a bad byte on line 3 was reported at 1:1."""
    path = tmp_path / "roster.csv"
    path.write_bytes(raw)
    entries, errors = read_roster(path, "roster.csv")
    assert [str(error) for error in errors] == expected


def test_assign_with_a_huge_stray_quote_has_no_traceback(course: Path, tmp_path: Path) -> None:
    """The review's reproduction, through the command line."""
    (course / "content/paths").mkdir(exist_ok=True)
    (course / "content/paths/starter.yml").write_text(
        "id: starter\ntitle: Starter\naudience: [new-manager]\ndescription: First steps.\nsteps:\n  - module: alpha\n    day: 7\n", encoding="utf-8"
    )
    roster = tmp_path / "roster.csv"
    roster.write_text('name,email\n"Jane Doe,jane@example.com\n' + "".join(f"M {n},m{n}@x\n" for n in range(12000)), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "macros", "--root", str(course), "assign", "--roster", str(roster), "--path", "starter",
         "--start", "2027-01-04", "--base-url", "https://intranet.example/p/", "--out", str(tmp_path / "out")],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f'{roster}:2:1: a value longer than 131,072 characters starts on this row: is a closing " missing?'
    assert "Traceback" not in result.stderr
