"""Role-play kits (content/roleplays/): schema, loader errors with file:line, the page and the link from the module."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from macros.catalog import load_catalog
from macros.pages import ROLEPLAYS_TITLE, TOOLS_SECTION, course_nav, generated_pages
from macros.render import Renderer
from tests.conftest import REPO, edit

KIT = """\
id: practice-one
module: alpha
title: A first practice
summary: The manager meets the rep.
minutes: 15
manager:
  goal: Leave with a date.
  you_know:
    - One fact.
  plan:
    - Open with the fact.
    - Ask how they see it.
  opening: '"How do you see it?"'
  avoid:
    - A verdict.
rep:
  who: You are the rep.
  you_know:
    - Something the manager does not know.
  you_want:
    - To be heard.
  good_moves:
    - move: asks first
      reaction: You open up.
    - move: listens
      reaction: You relax.
  weak_moves:
    - move: opens with a verdict
      reaction: You go quiet.
    - move: interrupts
      reaction: You stop talking.
observer:
  behaviours:
    - behaviour: Opens with facts
      good: Dated numbers first.
      weak: Adjectives.
    - behaviour: Asks before diagnosing
      good: Open questions.
      weak: Solutions at once.
    - behaviour: Handles a surprise
      good: Pauses.
      weak: Pushes on.
    - behaviour: Closes with a date
      good: Names the next step.
      weak: Leave it with me.
  debrief:
    - The manager speaks first, the observer last.
"""


def write_kit(root: Path, text: str = KIT, name: str = "practice-one.yml") -> Path:
    folder = root / "content/roleplays"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(root: Path) -> list[str]:
    return [str(error) for error in load_catalog(root)[1]]


def test_a_valid_kit_is_loaded_and_belongs_to_its_module(course: Path) -> None:
    write_kit(course)
    catalog, errors = load_catalog(course)
    assert not errors and catalog is not None
    assert list(catalog.roleplays) == ["practice-one"]
    assert [kit.id for kit in catalog.roleplays_of("alpha")] == ["practice-one"] and catalog.roleplays_of("beta") == []


def test_unknown_module_is_named_at_its_line_with_a_suggestion(course: Path) -> None:
    write_kit(course, KIT.replace("module: alpha", "module: alpah"))
    assert problems(course) == [
        "content/roleplays/practice-one.yml:2:9: module: unknown module 'alpah' (did you mean 'alpha'?): a role-play kit belongs to a module in content/modules/"
    ]


def test_id_must_match_the_file_name(course: Path) -> None:
    write_kit(course, name="other.yml")
    assert problems(course) == ["content/roleplays/other.yml:1:5: id: id 'practice-one' does not match the file name; rename the file to practice-one.yml or set id: other"]


def test_index_is_not_a_kit_id(course: Path) -> None:
    write_kit(course, KIT.replace("id: practice-one", "id: index"), name="index.yml")
    assert problems(course) == ["content/roleplays/index.yml:1:5: id: 'index' is reserved: roleplays/index.md is the Role-play kits page; choose another id and rename the file"]
    catalog, _ = load_catalog(course)
    assert catalog is not None and catalog.roleplays == {}


def test_all_schema_problems_of_a_kit_are_reported_at_once_with_lines(course: Path) -> None:
    text = KIT.replace("  goal: Leave with a date.\n", "").replace("    - move: listens\n      reaction: You relax.\n", "")
    text = text.replace("minutes: 15", "minutes: 90")
    write_kit(course, text)
    found = problems(course)
    assert any(re.match(r"content/roleplays/practice-one\.yml:5:\d+: minutes: ", line) for line in found), found
    assert any(re.match(r"content/roleplays/practice-one\.yml:7:\d+: manager(\.goal)?: .*goal", line) for line in found), found
    assert any(re.match(r"content/roleplays/practice-one\.yml:\d+:\d+: rep\.good_moves: ", line) for line in found), found
    assert len(found) == 3, found


def test_a_rubric_needs_four_to_six_behaviours_each_listed_once(course: Path) -> None:
    write_kit(course, KIT.replace("Handles a surprise", "Opens with facts"))
    assert problems(course) == ["content/roleplays/practice-one.yml:40:18: observer.behaviours[2].behaviour: behaviour 'Opens with facts' is already on the rubric"]
    cut = KIT.index("    - behaviour: Closes with a date")
    write_kit(course, KIT[:cut] + KIT[KIT.index("  debrief:"):])
    (line,) = problems(course)
    assert line.startswith("content/roleplays/practice-one.yml:34:") and "observer.behaviours" in line and "at least 4" in line


def test_unknown_field_in_a_brief_is_an_error_not_ignored(course: Path) -> None:
    write_kit(course, KIT.replace("  you_want:\n", "  you_wnat:\n"))
    found = problems(course)
    assert any(line.startswith("content/roleplays/practice-one.yml:20:3: rep.you_wnat") for line in found), found


def test_the_kit_pages_and_the_module_link(course: Path) -> None:
    write_kit(course)
    catalog, _ = load_catalog(course)
    assert catalog is not None
    renderer = Renderer(catalog, dt.date(2026, 12, 1))
    pages = generated_pages(catalog, renderer)
    assert "roleplays/index.md" in pages and "roleplays/practice-one.md" in pages
    kit = pages["roleplays/practice-one.md"]
    for part in ("## Manager's brief", "## Rep's brief { #reps-brief data-search-exclude }", "## Observer's rubric"):
        assert part in kit
    assert kit.count('class="fp-roleplay-part fp-print-part') == 3
    assert kit.count("From “A first practice”, Frontline Playbook\n{: .fp-print-source data-search-exclude }") == 3
    assert re.findall(r">Print this (\w+)</button>", kit) == ["brief", "brief", "rubric"]
    assert "[role-play kit: A first practice](../roleplays/practice-one.md)" in pages["modules/alpha.md"]
    assert "role-play kit" not in pages["modules/beta.md"]
    assert "(practice-one.md)" in pages["roleplays/index.md"] and "(../modules/alpha.md)" in pages["roleplays/index.md"]


def test_kits_go_at_the_end_of_the_senior_managers_tools(course: Path) -> None:
    write_kit(course)
    catalog, _ = load_catalog(course)
    assert catalog is not None
    nav = course_nav([{"Course": ["overview.md"]}, {TOOLS_SECTION: ["assign.md", "team.md"]}], catalog, "overview.md")
    assert nav[-1] == {TOOLS_SECTION: ["assign.md", "team.md", {ROLEPLAYS_TITLE: ["roleplays/index.md", "roleplays/practice-one.md"]}]}
    assert {ROLEPLAYS_TITLE: ["roleplays/index.md", "roleplays/practice-one.md"]} in course_nav([], catalog, "overview.md")


def test_the_course_has_five_kits_for_five_different_modules() -> None:
    catalog, errors = load_catalog(REPO)
    assert catalog is not None
    assert not [e for e in errors if e.path.startswith("content/roleplays/")]
    assert len(catalog.roleplays) == 5
    assert len({kit.module for kit in catalog.roleplays.values()}) == 5
    assert all(kit.module in catalog.modules for kit in catalog.roleplays.values())


def test_kits_use_only_the_halden_cast() -> None:
    cast = {"Rachel", "Omar", "Kenji", "Maya", "Tom", "Lena", "Arjun", "Chloe", "Sofia", "Ben", "Daniel", "Hannah"}
    others = {"Halden", "London", "Dublin", "Singapore", "Munich", "Leeds", "Rowan", "Hale", "Stone", "Haddad", "Sato", "Okafor", "Reilly", "Fischer", "Mehta", "Martin", "Ruiz", "Carter", "Lim", "Berg", "Frontline", "Playbook", "CIO", "CRM", "HR", "Q1", "Q2", "Q3", "APAC", "UK", "ARR", "KPIs", "PIP", "CV", "January", "February", "Tuesday", "Friday", "Monday", "Thursday", "Kitchen"}
    for path in sorted((REPO / "content/roleplays").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        # Capitalised words that follow a lower-case word or a comma are names (or places) in running text.
        names = set(re.findall(r"(?<=[a-z,] )([A-Z][a-z]+)", text))
        unknown = names - cast - others
        assert not unknown, f"{path.name}: {sorted(unknown)}"
