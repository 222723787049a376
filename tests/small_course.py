"""A small buildable project: the real site's configuration, pages and package around the two-module
course of tests/fixtures/minimal (plus one learning path), with any plain-text field replaced.

Build tests, the property test and the browser test write hostile titles into it: a build of two
modules and a path takes about a second, the real course several.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import FIXTURES, REPO, copy_project, mkdocs_env

PATH = {
    "id": "starter",
    "title": "Starter path",
    "audience": ["new-manager"],
    "description": "The two fixture modules, in order.",
    "steps": [{"module": "alpha", "day": 7, "target": "By the end of week 1"}, {"module": "beta", "day": 14}],
}


def read(project: Path, name: str) -> dict[str, Any]:
    return yaml.safe_load((project / name).read_text(encoding="utf-8"))


def write(project: Path, name: str, data: dict[str, Any]) -> None:
    (project / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def small_project(target: Path) -> Path:
    """The project with the fixture course instead of the real one. Hand-written pages that name a
    module of the real course (a card, a link) are replaced by a line of text, so links stay valid."""
    project = copy_project(target)
    real_ids = sorted(path.stem for path in (REPO / "content/modules").glob("*.yml"))
    for name in ("content", "quizzes"):
        shutil.rmtree(project / name)
        shutil.copytree(FIXTURES / "minimal" / name, project / name)
    (project / "content/paths").mkdir()
    write(project, "content/paths/starter.yml", PATH)
    mentions = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, real_ids)))
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if mentions.search(text):
            heading = next((line for line in text.splitlines() if line.startswith("# ")), "# Page")
            page.write_text(f"{heading}\n\nThis page belongs to the real course.\n", encoding="utf-8")
    return project


def set_titles(project: Path, text: str) -> None:
    """`text` (with a distinct prefix per field) as every plain-text field of the small course."""
    course = read(project, "content/course.yml")
    course["title"] = f"C{text}"
    course["tracks"][0]["title"] = f"T{text}"
    write(project, "content/course.yml", course)
    for number, name in enumerate(("alpha", "beta")):
        module = read(project, f"content/modules/{name}.yml")
        module["title"] = f"M{number}{text}"
        for index, section in enumerate(module["sections"]):
            section["title"] = f"S{index}{text}"
            for item in section.get("items", []):
                if isinstance(item, dict) and "name" in item:
                    item["name"] = f"P{text}"
                if isinstance(item, dict) and "mistake" in item:
                    item["mistake"] = f"X{text}"
        module["further_reading"] = [{"title": f"R{text}", "source": f"N{text}"}]
        module["stewardship"]["owner"] = f"O{text}"
        module["stewardship"]["reviewed_by"] = f"E{text}"
        write(project, f"content/modules/{name}.yml", module)
    path = read(project, "content/paths/starter.yml")
    path["title"] = f"L{text}"
    path["steps"][0]["target"] = f"D{text}"
    write(project, "content/paths/starter.yml", path)


def check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros", "--root", str(project), "check", "--today", "2026-06-01"],
        cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=120,
    )


def build(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        cwd=project, env=mkdocs_env(**env), capture_output=True, text=True, timeout=300,
    )


# --- Reading built pages as a browser would ------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "path"}


class Page(HTMLParser):
    """A built page as elements and text nodes: entities decoded, each text with the classes and
    tags of the elements around it, so a test can say where the text is shown."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: list[tuple[str, str, dict[str, str]]] = []  # where ("tag.class tag.class ..."), text, innermost attributes
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag not in VOID:
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        where = " ".join(f"{tag}.{'.'.join(attrs.get('class', '').split())}" for tag, attrs in self.stack)
        self.texts.append((where, data, self.stack[-1][1] if self.stack else {}))

    def text_in(self, *markers: str) -> list[str]:
        """The text of every innermost element whose ancestry mentions all `markers` (e.g.
        "md-footer__link"), as one whitespace-collapsed string per run of text."""
        return [squash(text) for where, text, _ in self.texts if all(marker in where for marker in markers) and text.strip()]

    def links(self) -> dict[str, dict[str, str]]:
        """Link text -> the link's attributes, for links whose text is one run of text."""
        return {squash(text): attrs for where, text, attrs in self.texts if where.endswith(" a.") or where.split(" ")[-1].startswith("a.")}

    def meta(self, name: str) -> str | None:
        return next((attrs.get("content") for tag, attrs in self.elements if tag == "meta" and attrs.get("name") == name), None)

    def handlers(self) -> list[str]:
        """Every event-handler attribute, autofocus and script URL on the page, as `tag attr=value`."""
        found = []
        for tag, attrs in self.elements:
            for name, value in attrs.items():
                if name.startswith("on") or name == "autofocus" or value.strip().lower().startswith(("javascript:", "data:")):
                    found.append(f"{tag} {name}={value}")
        return found


def squash(text: str) -> str:
    """Whitespace as a browser shows it: runs of spaces, tabs and newlines are one space."""
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip(" \t\n\r\f")


def page(out: Path, src: str) -> Page:
    return Page((out / src).read_text(encoding="utf-8"))
