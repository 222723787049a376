"""Assignments as links: the same format the Assign page makes in the browser (docs/assets/fp/link.js).

An assignment is JSON, UTF-8, base64url without padding, after `#assignment=` on the site's
`assigned/` page. The fragment never reaches a web server, so names and notes stay out of logs.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import html
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schema
from .errors import ContentError

FORMAT_VERSION = 1
MAX_NAME, MAX_NOTE = 80, 500


@dataclass(frozen=True)
class RosterEntry:
    line: int
    name: str
    email: str
    note: str


def build_assignment(learning_path: schema.LearningPath, start: dt.date, name: str, note: str = "") -> dict[str, Any]:
    """One manager's assignment of a path, each module due `day` days after `start`."""
    assignment: dict[str, Any] = {
        "v": FORMAT_VERSION,
        "name": name,
        "items": [{"m": step.module, "due": (start + dt.timedelta(days=step.day)).isoformat()} for step in learning_path.steps],
        "path": learning_path.id,
        "start": start.isoformat(),
    }
    if note:
        assignment["note"] = note
    return assignment


def encode_assignment(assignment: dict[str, Any]) -> str:
    raw = json.dumps(assignment, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_assignment(encoded: str) -> dict[str, Any]:
    padded = encoded + "=" * (-len(encoded) % 4)
    return json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))


def assignment_link(base_url: str, assignment: dict[str, Any]) -> str:
    return f"{base_url.rstrip('/')}/assigned/#assignment={encode_assignment(assignment)}"


def read_roster(path: Path, display: str) -> tuple[list[RosterEntry], list[ContentError]]:
    """Managers from a CSV with a `name` column (and optional `email`, `note`), one problem per line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [ContentError(display, 1, 1, "", f"cannot read file: {exc.strerror}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        line, col = _line_col(raw, offset)
        return [], [ContentError(display, line, col, "", f"not UTF-8 text (byte 0x{raw[offset]:02x}); save the roster as CSV UTF-8")]
    if "\x00" in text:
        line, col = _line_col(text, text.index("\x00"))
        return [], [ContentError(display, line, col, "", "a NUL byte (0x00), which is not text; save the roster as CSV UTF-8")]
    reader = csv.DictReader(io.StringIO(text))
    try:
        fieldnames = reader.fieldnames or []
    except csv.Error as exc:
        return [], [_csv_problem(display, 1, exc)]
    columns = [column.strip().lower() for column in fieldnames]
    if "name" not in columns:
        header = text.split("\n", 1)[0]
        hint = _separator_hint(header)
        return [], [ContentError(display, 1, 1, "", f"the first line must name the columns, including 'name' (optional: email, note){hint}")]
    reader.fieldnames = columns
    unknown = sorted(set(columns) - {"name", "email", "note"})
    entries, errors = [], []
    if unknown:
        errors.append(ContentError(display, 1, 1, "", f"unknown column(s): {', '.join(unknown)}; expected name, email, note"))
    seen: dict[str, int] = {}
    physical = text.split("\n")
    while True:
        # A quoted value may span lines: problems are placed where the row starts, after the blank
        # lines the reader skips.
        start = reader.line_num + 1
        while start < len(physical) and not physical[start - 1].strip("\r"):
            start += 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(_csv_problem(display, start, exc))
            break  # the reader cannot find the next row reliably after this
        line = start
        if None in row:
            errors.append(ContentError(display, line, 1, "", "more values than columns (a comma inside a value needs quotes)"))
            continue
        name = (row.get("name") or "").strip()
        note = (row.get("note") or "").strip()
        if any("\n" in (value or "") for value in row.values()):
            errors.append(ContentError(display, line, 1, "", f"a value runs on over {reader.line_num - start + 1} lines: is a closing \" missing?"))
            continue
        if not name:
            errors.append(ContentError(display, line, 1, "name", "empty; every manager needs a name"))
            continue
        if len(name) > MAX_NAME:
            errors.append(ContentError(display, line, 1, "name", f"longer than {MAX_NAME} characters"))
        if len(note) > MAX_NOTE:
            errors.append(ContentError(display, line, 1, "note", f"longer than {MAX_NOTE} characters"))
        if name.lower() in seen:
            errors.append(ContentError(display, line, 1, "name", f"'{name}' is already on line {seen[name.lower()]}"))
        seen.setdefault(name.lower(), line)
        entries.append(RosterEntry(line, name, (row.get("email") or "").strip(), note))
    if not entries and not errors:
        errors.append(ContentError(display, 2, 1, "", "no managers listed below the header line"))
    return entries, errors


def _line_col(text: str | bytes, offset: int) -> tuple[int, int]:
    newline = "\n" if isinstance(text, str) else b"\n"
    before = text[:offset]
    return before.count(newline) + 1, offset - (before.rfind(newline) + 1) + 1  # type: ignore[arg-type]


def _csv_problem(display: str, line: int, exc: csv.Error) -> ContentError:
    """The csv module's complaint, in an author's words, at the line where the row starts."""
    text = str(exc)
    if "field larger than field limit" in text:
        limit = csv.field_size_limit()
        return ContentError(display, line, 1, "", f'a value longer than {limit:,} characters starts on this row: is a closing " missing?')
    return ContentError(display, line, 1, "", f"not readable as CSV ({text})")


def _separator_hint(header: str) -> str:
    """Excel saves 'CSV' with semicolons where the comma is the decimal mark."""
    for separator, name in ((";", "semicolons"), ("\t", "tabs")):
        if "name" in [column.strip().strip('"').lower() for column in header.split(separator)]:
            return f"; the columns look separated by {name}: save as 'CSV UTF-8 (comma delimited)', or replace the {name} with commas"
    return ""


def links_csv(rows: list[tuple[RosterEntry, dict[str, Any], str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["name", "email", "first due", "last due", "link"])
    for entry, assignment, link in rows:
        dues = [item["due"] for item in assignment["items"]]
        writer.writerow([_no_formula(entry.name), _no_formula(entry.email), min(dues), max(dues), link])
    return out.getvalue()


def links_sheet(rows: list[tuple[RosterEntry, dict[str, Any], str]], learning_path: schema.LearningPath, titles: dict[str, str]) -> str:
    """A printable HTML page: one section per manager with their link and due dates."""
    e = html.escape
    sections = []
    for entry, assignment, link in rows:
        items = "".join(f"<tr><td>{e(titles[item['m']])}</td><td>{e(item['due'])}</td></tr>" for item in assignment["items"])
        note = f"<blockquote>{e(entry.note)}</blockquote>" if entry.note else ""
        sections.append(
            f'<section><h2>{e(entry.name)}</h2>{note}<p><a href="{e(link)}">{e(link)}</a></p>'
            f"<table><thead><tr><th>Module</th><th>Due</th></tr></thead><tbody>{items}</tbody></table></section>"
        )
    style = "body{font:14px/1.4 system-ui,sans-serif;margin:2em}section{break-inside:avoid;margin-bottom:2em}a{word-break:break-all}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .6em;text-align:left}"
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Assignments: {e(learning_path.title)}</title><style>{style}</style></head>'
        f"<body><h1>Assignments: {e(learning_path.title)}</h1>{''.join(sections)}</body></html>\n"
    )


def _no_formula(value: str) -> str:
    """Spreadsheets run cells that start with = + - @; keep names as text."""
    return f"'{value}" if value[:1] in {"=", "+", "-", "@"} else value
