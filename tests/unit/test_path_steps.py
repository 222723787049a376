"""Path steps for some situations only (`when`), the artefact each step produces, and the paths
the course ships: they follow the job (issue 13 point 6)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from macros.catalog import content_warnings, load_catalog, steps_without_artefact
from macros.cli import main
from macros.render import Renderer
from tests.conftest import REPO, edit
from tests.unit.test_assignments import add_path

CONDITIONAL = """id: starter
title: Starter path
audience: [new-manager]
description: First steps.
steps:
  - module: alpha
    day: 7
    target: By the end of week 1
    why: Start here.
  - module: beta
    day: 10
    when: a seat <is> open
    artefact: A scorecard & a profile
    why: Only if you are hiring.
"""


def test_when_and_artefact_load_and_the_artefact_falls_back_to_the_field_assignment(course: Path) -> None:
    add_path(course, CONDITIONAL)
    catalog, errors = load_catalog(course)
    assert errors == [] and catalog is not None, errors
    alpha, beta = catalog.paths["starter"].steps
    assert (alpha.when, beta.when) == (None, "a seat <is> open")
    assert beta.artefact_of(catalog.modules["beta"]) == "A scorecard & a profile"
    module = catalog.modules["alpha"]
    expected = module.field_assignment.title if module.field_assignment else None
    assert alpha.artefact_of(module) == expected


def test_a_condition_written_as_a_sentence_is_an_error_with_its_line(course: Path) -> None:
    add_path(course, CONDITIONAL.replace("when: a seat <is> open", "when: When a seat is open"))
    _, errors = load_catalog(course)
    assert [str(e) for e in errors] == [
        "content/paths/starter.yml:12:11: steps[1].when: write the condition only, e.g. `a seat is open`: the page adds 'Only when'"
    ]


def test_a_step_without_why_is_a_content_warning_at_its_line(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_path(course, CONDITIONAL.replace("    why: Start here.\n", ""))
    catalog, errors = load_catalog(course)
    assert errors == [] and catalog is not None
    assert [str(w) for w in content_warnings(catalog)] == [
        "content/paths/starter.yml:6:5: steps[0]: no `why`: say in a sentence why this module comes at this point of the path "
        "(the learner and their manager read it)"
    ]
    assert main(["--root", str(course), "check"]) == 0
    assert main(["--root", str(course), "check", "--strict-content"]) == 1


def test_check_counts_steps_that_name_no_artefact(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_path(course, CONDITIONAL)
    catalog, _ = load_catalog(course)
    assert catalog is not None
    bare = steps_without_artefact(catalog)
    assert ("starter", "beta") not in bare  # its own artefact
    assert main(["--root", str(course), "check"]) == 0
    err = capsys.readouterr().err
    if bare:
        assert f"note: {len(bare)} path step" in err and "starter/alpha" in err


def test_path_page_shows_the_condition_and_the_artefact_as_text(course: Path) -> None:
    add_path(course, CONDITIONAL)
    catalog, _ = load_catalog(course)
    assert catalog is not None
    renderer = Renderer(catalog, dt.date(2026, 11, 23))
    page = renderer.path_page("starter")
    assert "2 modules · 1 only when a seat &lt;is&gt; open · about" in page
    assert '<em class="fp-when">Only when a seat &lt;is&gt; open</em>' in page
    assert "<strong>Bring to your manager:</strong> A scorecard &amp; a profile" in page
    data = re.search(r'data-fp-catalog="([^"]*)"', renderer.browser_catalog("assign/")).group(1)  # type: ignore[union-attr]
    steps = json.loads(data.replace("&quot;", '"').replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))["paths"]["starter"]["steps"]
    assert (steps[1]["when"], steps[1]["artefact"]) == ("a seat <is> open", "A scorecard & a profile")
    assert steps[0]["when"] == ""


# --- The shipped paths --------------------------------------------------------------------

CATALOG, ERRORS = load_catalog(REPO)


def test_every_step_of_every_path_says_why_and_names_an_artefact_where_its_module_has_one() -> None:
    assert ERRORS == [] and CATALOG is not None
    for path_id, learning_path in CATALOG.paths.items():
        for step in learning_path.steps:
            assert step.why, f"{path_id}/{step.module} has no why"
            module = CATALOG.modules[step.module]
            if module.field_assignment is not None or step.artefact:
                assert step.artefact_of(module), f"{path_id}/{step.module}"


def test_new_manager_path_follows_the_job() -> None:
    steps = CATALOG.paths["new-manager-90-days"].steps
    day = {step.module: step.day for step in steps}
    assert steps[0].module == "peer-to-boss"
    assert day["performance-issues"] <= 30
    for module_id in ("hiring", "onboarding"):
        (step,) = [s for s in steps if s.module == module_id]
        assert step.day <= 14 and step.when == "a seat is open", module_id
    assert day["hiring"] < day["onboarding"]
    assert "team-meetings" in day and "removing-barriers" in day
    assert len(set(day.values())) == len(day)  # no two modules due the same day


def test_senior_manager_path_models_what_it_asks_of_managers() -> None:
    steps = {step.module: step for step in CATALOG.paths["senior-manager"].steps}
    for module_id in ("coaching", "coaching-rhythm", "team-meetings", "pipeline-reviews", "performance-issues"):
        assert module_id in steps, module_id
    assert "your managers" in (steps["coaching-rhythm"].artefact or "")
    assert steps["hiring"].when
