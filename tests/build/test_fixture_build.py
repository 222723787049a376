"""`mkdocs build` of a small fixture course: what authors see when a page or mkdocs.yml is wrong."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, mkdocs_env

MKDOCS_YML = """site_name: Fixture
theme:
  name: material
nav:
  - Home: index.md
  - Course:
      - Overview: overview.md
plugins:
  - frontline{options}
  - macros:
      module_name: macros
      on_undefined: strict
markdown_extensions: [admonition, attr_list, md_in_html, tables]
"""


def project_of(course: Path, index: str = "# Home\n", options: str = "") -> Path:
    """The fixture course as a MkDocs project: a config, two hand-written pages and the package."""
    (course / "mkdocs.yml").write_text(MKDOCS_YML.format(options=options), encoding="utf-8")
    (course / "docs").mkdir()
    (course / "docs/index.md").write_text(index, encoding="utf-8")
    (course / "docs/overview.md").write_text("# Overview\n", encoding="utf-8")
    (course / "macros").symlink_to(REPO / "macros")  # mkdocs-macros imports `macros` from the project folder
    return course


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(project / "out")],
        cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300,
    )


def errors_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line.split(" -  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR")]


def test_bad_macro_calls_name_the_file_the_line_and_the_call_as_written(course: Path) -> None:
    """It said `docs/index.md: module_card('coachng',): ...`: a tuple repr and no line."""
    page = '# Home\n\n{{ module_card("alpha") }}\n\nSee {{ module_card("alpah") }} and\n{{  checklist( "beta",  "nope" ) }}.\n\n{{ module_cards() }} {{ module_card() }}\n'
    result = build(project_of(course, page))
    assert result.returncode == 1
    assert errors_of(result) == [
        "docs/index.md:5:8: module_card(\"alpah\"): unknown module 'alpah' (did you mean 'alpha'?)",
        "docs/index.md:6:5: checklist( \"beta\", \"nope\" ): module 'beta' has no checklist 'nope'; it has: beta-list",
        "docs/index.md:8:25: module_card(): missing a required argument: 'module_id'; write it as module_card(module_id)",
    ]
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("today", ['"2027-02-30"', "soon", "20270101", "2027-01-01 10:00:00"])
def test_today_must_be_a_real_date(course: Path, today: str) -> None:
    """It was a string option parsed later with fromisoformat: a traceback in on_config.

    (An unquoted impossible date, `today: 2027-02-30`, fails inside MkDocs' own YAML reading of
    mkdocs.yml, before any plugin sees it.)"""
    result = build(project_of(course, options=f":\n      today: {today}"))
    assert result.returncode == 1
    assert "Plugin 'frontline' option 'today': expected a date such as 2027-03-31, got" in result.stderr
    assert "Traceback" not in result.stderr


def test_today_as_an_unquoted_date_is_used(course: Path) -> None:
    """A YAML date (unquoted) is accepted and drives the review check: 2099-01-01 is overdue in 2100."""
    result = build(project_of(course, options=":\n      today: 2100-01-02"))
    assert result.returncode == 0, result.stderr
    assert "review overdue since 2099-01-01" in result.stderr


@pytest.mark.parametrize("root", ["nowhere", "docs/index.md"])
def test_root_must_be_an_existing_folder(course: Path, root: str) -> None:
    result = build(project_of(course, options=f":\n      root: {root}"))
    assert result.returncode == 1
    assert "Plugin 'frontline' option 'root':" in result.stderr
    assert "Traceback" not in result.stderr
