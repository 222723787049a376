"""Cross-file checks: each problem is reported once, where the author must fix it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from macros.catalog import load_catalog, review_warnings
from tests.conftest import edit


def problems(root: Path) -> list[str]:
    _, errors = load_catalog(root)
    return [str(error) for error in errors]


def test_catalog_keeps_course_order(course: Path) -> None:
    catalog, errors = load_catalog(course)
    assert not errors and catalog is not None
    assert list(catalog.modules) == ["alpha", "beta"]
    assert catalog.track_of("beta").id == "basics"
    assert list(catalog.quizzes) == ["alpha"]


def test_unknown_related_module_with_suggestion(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "related: [beta]", "related: [betta]")
    assert problems(course) == ["content/modules/alpha.yml:44:11: related[0]: unknown module 'betta' (did you mean 'beta'?)"]


def test_track_naming_a_missing_module(course: Path) -> None:
    edit(course / "content/course.yml", "      - beta", "      - gamma")
    assert problems(course) == ["content/course.yml:7:9: tracks[0].modules[1]: unknown module 'gamma'"]


def test_module_in_two_tracks(course: Path) -> None:
    path = course / "content/course.yml"
    path.write_text(path.read_text(encoding="utf-8") + "  - id: more\n    title: More\n    modules: [alpha]\n", encoding="utf-8")
    assert problems(course) == ["content/course.yml:10:15: tracks[1].modules[0]: module 'alpha' is already in track 'basics'; a module belongs to one track"]


def test_module_id_must_match_file_name(course: Path) -> None:
    (course / "content/modules/alpha.yml").rename(course / "content/modules/alfa.yml")
    assert problems(course) == [
        "content/course.yml:6:9: tracks[0].modules[0]: unknown module 'alpha'",
        "content/modules/alfa.yml:1:5: id: id 'alpha' does not match the file name; rename the file to alpha.yml or set id: alfa",
        "content/modules/beta.yml:44:11: related[0]: unknown module 'alpha'",
        "quizzes/alpha.yml:1:9: module: no module 'alpha': a quiz belongs to a module in content/modules/",
    ]


def test_duplicate_module_ids_are_caught_by_the_file_name_rule(course: Path) -> None:
    (course / "content/modules/beta.yml").write_text((course / "content/modules/alpha.yml").read_text(encoding="utf-8"), encoding="utf-8")
    assert problems(course) == [
        "content/modules/beta.yml:1:5: id: id 'alpha' does not match the file name; rename the file to alpha.yml or set id: beta",
    ]


def test_quiz_for_no_module(course: Path) -> None:
    (course / "quizzes/gamma.yml").write_text((course / "quizzes/alpha.yml").read_text(encoding="utf-8").replace("module: alpha", "module: gamma"), encoding="utf-8")
    assert problems(course) == ["quizzes/gamma.yml:1:9: module: no module 'gamma': a quiz belongs to a module in content/modules/"]


def test_quiz_file_name_must_match_its_module(course: Path) -> None:
    (course / "quizzes/alpha.yml").rename(course / "quizzes/beta.yml")
    assert problems(course) == ["quizzes/beta.yml:1:9: module: quiz for 'alpha' must be in quizzes/alpha.yml"]


def test_a_broken_module_is_reported_once_not_at_every_reference(course: Path) -> None:
    edit(course / "content/modules/beta.yml", "level: foundation", "level: [foundation]")
    assert problems(course) == ["content/modules/beta.yml:6:8: level: expected 'foundation', 'intermediate' or 'advanced', got a list"]


def test_missing_course_file(course: Path) -> None:
    (course / "content/course.yml").unlink()
    catalog, errors = load_catalog(course)
    assert catalog is None
    assert [str(error) for error in errors] == ["content/course.yml:1:1: file not found: the course needs content/course.yml with its tracks"]


def test_unlisted_module_still_loads(course: Path) -> None:
    edit(course / "content/course.yml", "      - beta\n", "")
    catalog, errors = load_catalog(course)
    assert not errors and catalog is not None
    assert [module.id for module in catalog.unlisted()] == ["beta"]


def test_review_warnings_name_the_review_by_line(course: Path) -> None:
    catalog, _ = load_catalog(course)
    assert catalog is not None
    assert review_warnings(catalog, dt.date(2098, 12, 31)) == []
    warnings = [str(warning) for warning in review_warnings(catalog, dt.date(2099, 1, 2))]
    assert warnings == [
        "content/modules/alpha.yml:53:14: stewardship.review_by: review overdue since 2099-01-01; owner Enablement should review it and move review_by",
        "content/modules/beta.yml:53:14: stewardship.review_by: review overdue since 2099-01-01; owner Enablement should review it and move review_by",
    ]


# --- Entries the loader cannot use are reported in their own name ---------------------------------


def test_a_folder_named_like_a_module_is_reported(course: Path) -> None:
    (course / "content/modules/ghost.yml").mkdir()
    assert problems(course) == ["content/modules/ghost.yml:1:1: a folder, not a file; course files are YAML files directly in this folder"]


def test_upper_case_suffix_is_reported(course: Path) -> None:
    (course / "content/modules/beta.yml").rename(course / "content/modules/beta.YML")
    (course / "quizzes/alpha.yml").rename(course / "quizzes/alpha.YAML")
    assert problems(course) == [
        "content/modules/beta.YML:1:1: the name ends in '.YML'; rename it to beta.yml (course files end in .yml or .yaml)",
        "quizzes/alpha.YAML:1:1: the name ends in '.YAML'; rename it to alpha.yaml (course files end in .yml or .yaml)",
    ]


def test_symlink_loop_in_place_of_a_module_is_reported_once_in_its_own_name(course: Path) -> None:
    """It used to give 'unknown module' in course.yml, beta.yml and the quiz, and never name alpha.yml."""
    (course / "content/modules/alpha.yml").unlink()
    (course / "content/modules/alpha.yml").symlink_to("alpha.yml")
    assert problems(course) == ["content/modules/alpha.yml:1:1: a symlink loop (the link leads back to itself); replace it with the file"]


def test_dangling_symlink_is_reported(course: Path) -> None:
    (course / "content/modules/alpha.yml").unlink()
    (course / "content/modules/alpha.yml").symlink_to("drafts/alpha.yml")
    assert problems(course) == [
        "content/modules/alpha.yml:1:1: a dangling symlink (it points to drafts/alpha.yml, which does not exist); remove it or fix its target"
    ]


def test_symlink_leading_outside_the_project_is_refused(course: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yml"
    outside.write_text((course / "content/modules/beta.yml").read_text(encoding="utf-8").replace("id: beta", "id: gamma"), encoding="utf-8")
    (course / "content/modules/gamma.yml").symlink_to(outside)
    assert problems(course) == [
        "content/modules/gamma.yml:1:1: a link to a file outside the project folder; copy the file into the project instead"
    ]


def test_symlink_inside_the_project_is_followed(course: Path) -> None:
    (course / "drafts").mkdir()
    (course / "content/modules/beta.yml").rename(course / "drafts/beta.yml")
    (course / "content/modules/beta.yml").symlink_to("../../drafts/beta.yml")
    catalog, errors = load_catalog(course)
    assert errors == [] and catalog is not None and "beta" in catalog.modules


def test_hidden_editor_lock_links_are_not_course_files(course: Path) -> None:
    """Emacs keeps a dangling `.#name.yml` link while a file is being edited."""
    (course / "content/modules/.#alpha.yml").symlink_to("user@host.1234:1700000000")
    assert problems(course) == []


def test_a_pipe_named_like_a_module_is_not_read(course: Path) -> None:
    """Reading a FIFO would wait forever."""
    os.mkfifo(course / "content/modules/pipe.yml")
    assert problems(course) == ["content/modules/pipe.yml:1:1: not a regular file (a pipe, socket or device); course files are plain YAML files"]


def test_course_file_as_a_symlink_loop_is_named(course: Path) -> None:
    (course / "content/course.yml").unlink()
    (course / "content/course.yml").symlink_to("course.yml")
    assert problems(course) == ["content/course.yml:1:1: a symlink loop (the link leads back to itself); replace it with the file"]


REVIEW_ITEM = """review:
  - id: q-one
    kind: single
    objective: 2
    prompt: Asked again later.
    choices:
      - id: a
        text: Right.
        correct: true
      - id: b
        text: Wrong.
    explanation: Because.
"""


def test_review_items_share_the_quiz_id_space_and_name_real_objectives(course: Path) -> None:
    quiz = course / "quizzes/alpha.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8") + REVIEW_ITEM, encoding="utf-8")
    assert problems(course) == [
        "quizzes/alpha.yml:15:9: review[0].id: question id 'q-one' is used twice in this quiz",
        "quizzes/alpha.yml:17:16: review[0].objective: the module has 1 objective; there is no objective 2",
    ]


def test_objective_is_a_whole_number(course: Path) -> None:
    edit(course / "quizzes/alpha.yml", "    kind: single\n", "    kind: single\n    objective: 'yes'\n")
    assert any("questions[0].objective" in line for line in problems(course))
