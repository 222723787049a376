"""Issue 13's building blocks: Tomorrow morning, What varies by country, decision points, the field
assignment and the operating rhythm, from the YAML an author writes to the HTML a reader gets."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
import pytest

from macros import schema
from macros.catalog import content_warnings, load_catalog, minimum_duration, reading_words
from macros.cli import main
from macros.render import Renderer, format_hours, total_hours
from tests.conftest import edit

SITE_EXTENSIONS = [
    "admonition", "attr_list", "def_list", "md_in_html", "tables", "pymdownx.details", "pymdownx.superfences", "toc",
]

RHYTHM = """\
team_sizes: [6, 8, 10]
meetings:
  - id: one-to-one
    name: Coaching 1:1
    length: 30
    frequency: weekly
    per: rep
    purpose: What is this rep working on?
    taught_in: beta
  - id: team-meeting
    name: Team meeting
    length: 45
    frequency: weekly
    per: team
    purpose: Wins, obstacles | one skill.
  - id: pipeline-review
    name: Pipeline review
    length: 45
    frequency: monthly
    per: rep
    purpose: Enough pipeline?
  - id: deal-consult
    name: Deal consult
    length: 45
    frequency: every two weeks
    per: rep
    purpose: How do we win this deal?
  - id: development-conversation
    name: Development conversation
    length: 45
    frequency: quarterly
    per: rep
    purpose: Where is this rep going?
"""

COUNTRY = """\
  - kind: country
    intro: Rules differ; this is where.
    countries:
      - name: United States
        body: At-will in most states; **document** anyway.
      - name: United Kingdom
        body: UK line.
      - name: Germany
        body: Works council line.
      - name: France
        body: France line.
      - name: Japan
        body: Japan line.
    involve_hr: Before any formal step, call HR.
"""

DECISION = """\
  - kind: scenario
    title: Alpha case
    situation: Something happened.
    decision:
      prompt: What do you do on Monday?
      options:
        - text: Call the customer yourself.
          consequence: The rep learns to wait for you.
        - text: Ask the rep for their plan first.
          consequence: The rep owns the deal.
    approach: Work it through.
    lesson: Decide before you look.
    next_move: If it fails, book a second consult.
"""

EXTRAS = """\
tomorrow:
  - Book a 1:1 with each rep.
  - Export ten days of calendar.
  - Write the one-sentence job card.
field_assignment:
  title: Your calendar audit
  steps:
    - Export ten working days.
    - Tag every block.
  artefact: A one-page calendar audit with three blocks circled.
  review_questions:
    - Which block helped no rep?
    - What will you stop?
takeaways:"""


def with_blocks(root: Path, *, rhythm: str = RHYTHM) -> Path:
    """The minimal course with every new block in module alpha and a rhythm file."""
    module = root / "content/modules/alpha.yml"
    edit(module, "  - kind: scenario\n    title: Alpha case\n    situation: Something happened.\n    approach: Work it through.\n", DECISION)
    edit(module, "  - kind: mistakes", COUNTRY + "  - kind: rhythm\n    title: Your week\n    intro: The one rhythm.\n    meetings: [one-to-one, team-meeting]\n  - kind: mistakes")
    edit(module, "takeaways:", EXTRAS)
    (root / "content/rhythm.yml").write_text(rhythm, encoding="utf-8")
    return root


def errors_of(root: Path) -> list[str]:
    return [str(error) for error in load_catalog(root)[1]]


def page_html(root: Path, module_id: str = "alpha") -> str:
    catalog, errors = load_catalog(root)
    assert not errors and catalog is not None, errors
    return markdown.markdown(Renderer(catalog, dt.date(2026, 11, 23)).module_page(module_id), extensions=SITE_EXTENSIONS)


# --- Schema ------------------------------------------------------------------------------------


def test_every_new_block_validates(course: Path) -> None:
    assert errors_of(with_blocks(course)) == []


@pytest.mark.parametrize("items", [2, 4])
def test_tomorrow_has_exactly_three_items(course: Path, items: int) -> None:
    with_blocks(course)
    lines = "".join(f"  - Item {n}.\n" for n in range(items))
    edit(course / "content/modules/alpha.yml", "  - Book a 1:1 with each rep.\n  - Export ten days of calendar.\n  - Write the one-sentence job card.\n", lines)
    (problem,) = errors_of(course)
    assert re.match(r"content/modules/alpha\.yml:\d+:\d+: tomorrow: ", problem)
    assert ("at least 3" if items == 2 else "at most 3") in problem


def test_a_decision_needs_two_or_three_options(course: Path) -> None:
    with_blocks(course)
    edit(course / "content/modules/alpha.yml", "        - text: Ask the rep for their plan first.\n          consequence: The rep owns the deal.\n", "")
    (problem,) = errors_of(course)
    assert "sections[4].decision.options" in problem and "at least 2" in problem


def test_an_option_needs_its_consequence(course: Path) -> None:
    with_blocks(course)
    edit(course / "content/modules/alpha.yml", "          consequence: The rep owns the deal.\n", "")
    (problem,) = errors_of(course)
    assert "sections[4].decision.options[1]" in problem and "missing required field 'consequence'" in problem


def test_field_assignment_needs_artefact_and_review_questions(course: Path) -> None:
    with_blocks(course)
    edit(course / "content/modules/alpha.yml", "  artefact: A one-page calendar audit with three blocks circled.\n", "")
    (problem,) = errors_of(course)
    assert "field_assignment" in problem and "'artefact'" in problem


def test_frequency_reads_words_or_ids(course: Path) -> None:
    catalog, _ = load_catalog(with_blocks(course))
    assert catalog is not None and catalog.rhythm is not None
    assert [m.frequency for m in catalog.rhythm.meetings][3] is schema.Frequency.every_two_weeks


def test_unknown_frequency_is_an_error_at_its_line(course: Path) -> None:
    with_blocks(course, rhythm=RHYTHM.replace("frequency: quarterly", "frequency: yearly"))
    (problem,) = errors_of(course)
    assert problem.startswith("content/rhythm.yml:31:16: meetings[4].frequency: 'yearly' is not allowed")


# --- Rhythm ------------------------------------------------------------------------------------


def test_weekly_hours_are_computed_from_length_frequency_and_per() -> None:
    weekly = schema.Meeting(id="a", name="A", length=30, frequency="weekly", per="rep", purpose="p")
    team = schema.Meeting(id="b", name="B", length=45, frequency="weekly", per="team", purpose="p")
    fortnightly = schema.Meeting(id="c", name="C", length=45, frequency="every-two-weeks", per="rep", purpose="p")
    monthly = schema.Meeting(id="d", name="D", length=45, frequency="monthly", per="rep", purpose="p")
    quarterly = schema.Meeting(id="e", name="E", length=45, frequency="quarterly", per="rep", purpose="p")
    assert weekly.hours_a_week(8) == 4.0
    assert team.hours_a_week(6) == team.hours_a_week(10) == 0.75
    assert fortnightly.hours_a_week(8) == 3.0
    assert monthly.hours_a_week(8) == pytest.approx(45 * 8 * 12 / 52 / 60)
    assert quarterly.hours_a_week(10) == pytest.approx(45 * 10 * 4 / 52 / 60)
    assert total_hours([weekly, team, fortnightly], 8) == 7.75
    assert [format_hours(value) for value in (4.0, 0.75, 1.3846, 0.05)] == ["4", "0.8", "1.4", "0.1"]


def test_the_course_rhythm_fits_a_managers_week() -> None:
    """A sales leader's sanity check on content/rhythm.yml: the rhythm takes about a third of a
    manager-of-eight's week, and gives each rep at least three hours of pipeline coaching a month."""
    catalog, errors = load_catalog(Path(__file__).parents[2])
    assert not errors and catalog is not None and catalog.rhythm is not None
    ids = {meeting.id for meeting in catalog.rhythm.meetings}
    assert ids == {"one-to-one", "forecast-check", "deal-consult", "pipeline-review", "team-meeting", "call-coaching", "development-conversation"}
    assert 12 <= total_hours(catalog.rhythm.meetings, 8) <= 18
    meetings = {meeting.id: meeting for meeting in catalog.rhythm.meetings}
    # 15 minutes of deal talk in each weekly 1:1, the monthly pipeline review and the deal consults
    pipeline_minutes_a_month = 15 * 52 / 12 + sum(meetings[m].hours_a_week(1) * 60 * 52 / 12 for m in ("pipeline-review", "deal-consult"))
    assert pipeline_minutes_a_month >= 180


def test_rhythm_table_shows_hours_for_each_team_size_and_links_the_module(course: Path) -> None:
    page = page_html(with_blocks(course))
    section = page[page.index(">Your week</h2>") :]
    assert "The one rhythm." in section
    table = section[: section.index("</table>")]
    headers = re.findall(r"<th[^>]*>(.*?)</th>", table)
    assert headers == ["Meeting", "How long, how often", "6 reps", "8 reps", "10 reps"]
    assert "<strong>Your hours a week</strong> for a team of 6, 8 or 10 reps" in section
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]]
    purpose = '<br><span class="fp-rhythm-purpose">'
    assert rows[0] == [f'<strong><a href="beta.md">Coaching 1:1</a></strong>{purpose}What is this rep working on?</span>', "30 min, weekly, with each rep", "3", "4", "5"]
    assert rows[1] == [f"<strong>Team meeting</strong>{purpose}Wins, obstacles | one skill.</span>", "45 min, weekly, whole team", "0.8", "0.8", "0.8"]
    assert rows[2] == ["<strong>Total</strong>", "", "<strong>3.8</strong>", "<strong>4.8</strong>", "<strong>5.8</strong>"]
    assert "Pipeline review" not in table


def test_rhythm_section_without_meetings_shows_all(course: Path) -> None:
    with_blocks(course)
    edit(course / "content/modules/alpha.yml", "    meetings: [one-to-one, team-meeting]\n", "")
    page = page_html(course)
    for name in ("Coaching 1:1", "Team meeting", "Pipeline review", "Deal consult", "Development conversation"):
        assert f"{name}" in page
    assert "45 min, every two weeks, with each rep" in page and "45 min, quarterly, with each rep" in page


def test_unknown_meeting_is_an_error_at_its_line_with_a_suggestion(course: Path) -> None:
    with_blocks(course)
    edit(course / "content/modules/alpha.yml", "meetings: [one-to-one, team-meeting]", "meetings: [one-to-one, team-meetng]")
    (problem,) = errors_of(course)
    assert re.match(r"content/modules/alpha\.yml:\d+:\d+: sections\[6\]\.meetings\[1\]: unknown meeting 'team-meetng' \(did you mean 'team-meeting'\?\)", problem)


def test_rhythm_section_without_rhythm_file_is_an_error(course: Path) -> None:
    with_blocks(course)
    (course / "content/rhythm.yml").unlink()
    (problem,) = errors_of(course)
    assert "sections[6].kind: a rhythm section shows content/rhythm.yml, which does not exist" in problem


def test_rhythm_file_problems_name_file_line_and_field(course: Path) -> None:
    bad = RHYTHM.replace("    taught_in: beta\n", "    taught_in: betta\n").replace("id: team-meeting", "id: one-to-one")
    with_blocks(course, rhythm=bad)
    problems = errors_of(course)
    assert any(p.startswith("content/rhythm.yml:9:16: meetings[0].taught_in: unknown module 'betta' (did you mean 'beta'?)") for p in problems), problems
    assert any("meetings[1].id: meeting id 'one-to-one' is used twice" in p for p in problems), problems


def test_rhythm_macro_renders_for_a_hand_written_page(course: Path) -> None:
    catalog, errors = load_catalog(with_blocks(course))
    assert catalog is not None and not errors
    renderer = Renderer(catalog, dt.date(2026, 11, 23))
    html = markdown.markdown(renderer.rhythm(["deal-consult"], "guides/week.md"), extensions=SITE_EXTENSIONS)
    assert "Deal consult" in html and "every two weeks, with each rep" in html and "Coaching 1:1" not in html
    assert "Total" not in html  # one meeting: no total row
    linked = markdown.markdown(renderer.rhythm([], "guides/week.md"), extensions=SITE_EXTENSIONS)
    assert 'href="../modules/beta.md"' in linked
    with pytest.raises(KeyError, match="unknown meeting 'nope'"):
        renderer.rhythm(["nope"], "guides/week.md")


# --- Rendering of the other blocks -------------------------------------------------------------


def test_tomorrow_box_comes_after_the_objectives(course: Path) -> None:
    page = page_html(with_blocks(course))
    objectives, tomorrow, first_section = page.index("After this module you will be able to"), page.index("Tomorrow morning"), page.index(">Why it matters</h2>")
    assert objectives < tomorrow < first_section
    box = page[tomorrow : first_section]
    assert re.findall(r"<li>(.*?)</li>", box) == ["Book a 1:1 with each rep.", "Export ten days of calendar.", "Write the one-sentence job card."]
    assert 'class="admonition tip fp-tomorrow"' in page


def test_country_section_is_a_definition_list_with_the_hr_box(course: Path) -> None:
    page = page_html(with_blocks(course))
    section = page[page.index(">What varies by country</h2>") :]
    assert "Rules differ; this is where." in section
    assert re.findall(r"<dt>(.*?)</dt>", section) == ["United States", "United Kingdom", "Germany", "France", "Japan"]
    assert "<dd>\n<p>At-will in most states; <strong>document</strong> anyway.</p>\n</dd>" in section or "<dd>At-will in most states; <strong>document</strong> anyway.</dd>" in section
    hr = section.index("When to involve HR or an employment lawyer")
    assert section.index("Japan line.") < hr < section.index("Before any formal step, call HR.")


def test_decision_comes_before_the_worked_answer_which_folds_away(course: Path) -> None:
    page = page_html(with_blocks(course))
    section = page[page.index(">Scenario: Alpha case</h2>") :]
    prompt, option_b, fold = section.index("What do you do on Monday?"), section.index("Ask the rep for their plan first."), section.index("How a good manager works it through")
    assert prompt < option_b < fold
    # each consequence is behind its own <details>, so the reader picks before reading it
    assert re.search(r"<details class=\"info fp-consequence\">\s*<summary>What happens if you choose A</summary>\s*<p>The rep learns to wait for you.</p>", section)
    worked = re.search(r"<details class=\"success fp-worked\">\s*<summary>How a good manager works it through</summary>(.*?)</details>", section, re.S)
    assert worked, section
    for text in ("Work it through.", "The lesson", "Decide before you look.", "When it does not work: the next move", "If it fails, book a second consult."):
        assert text in worked.group(1), text
    assert "Working it through" not in section


def test_scenario_without_decision_keeps_its_open_approach(course: Path) -> None:
    page = page_html(course)
    assert "<strong>Working it through</strong>" in page and 'fp-worked' not in page


def test_field_assignment_comes_before_the_takeaways(course: Path) -> None:
    page = page_html(with_blocks(course))
    start, takeaways = page.index("Field assignment: Your calendar audit"), page.index(">Key takeaways</h2>")
    assert page.index(">Notes for senior managers</h2>") < start < takeaways
    block = page[start:takeaways]
    assert re.findall(r"<li>(.*?)</li>", block) == ["Export ten working days.", "Tag every block.", "Which block helped no rep?", "What will you stop?"]
    assert "What you bring" in block and "A one-page calendar audit with three blocks circled." in block
    assert 'id="field-assignment"' in page


def test_new_blocks_escape_plain_text(course: Path) -> None:
    with_blocks(course)
    edit(course / "content/modules/alpha.yml", "  title: Your calendar audit", "  title: <b>Audit</b> *now*")
    edit(course / "content/modules/alpha.yml", "      - name: Japan", "      - name: <i>Japan</i>")
    page = page_html(course)
    assert "<b>Audit</b>" not in page and "&lt;b&gt;Audit&lt;/b&gt; *now*" in page
    assert "<dt>&lt;i&gt;Japan&lt;/i&gt;</dt>" in page


# --- check rules --------------------------------------------------------------------------------


def test_country_section_is_required_by_tag_error_at_tags(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "tags: [alpha-tag]", "tags: [alpha-tag, hiring]")
    (problem,) = errors_of(course)
    assert problem.startswith("content/modules/alpha.yml:7:19: tags[1]: a module on 'hiring' needs a section of kind 'country'")


@pytest.mark.parametrize("tag", ["onboarding", "performance-issues", "setting-expectations", "developing-front-line-managers"])
def test_each_required_tag_triggers_the_rule(course: Path, tag: str) -> None:
    edit(course / "content/modules/alpha.yml", "tags: [alpha-tag]", f"tags: [{tag}]")
    (problem,) = errors_of(course)
    assert f"tags[0]: a module on '{tag}' needs a section of kind 'country'" in problem


def test_country_section_must_cover_the_required_countries(course: Path) -> None:
    with_blocks(course)
    module = course / "content/modules/alpha.yml"
    edit(module, "tags: [alpha-tag]", "tags: [hiring]")
    assert errors_of(course) == []
    edit(module, "      - name: Germany\n        body: Works council line.\n", "")
    edit(module, "      - name: Japan\n        body: Japan line.\n", "")
    (problem,) = errors_of(course)
    assert re.match(r"content/modules/alpha\.yml:\d+:\d+: sections\[5\]\.countries: missing: Germany; one Asia-Pacific country \(such as ", problem)


def test_country_aliases_count_and_duplicates_are_reported(course: Path) -> None:
    with_blocks(course)
    module = course / "content/modules/alpha.yml"
    edit(module, "tags: [alpha-tag]", "tags: [hiring]")
    edit(module, "      - name: United States\n", "      - name: USA\n")
    assert errors_of(course) == []
    edit(module, "      - name: France\n", "      - name: germany\n")
    problems = errors_of(course)
    assert any("'germany' is listed twice" in p for p in problems) and any("missing: France" in p for p in problems), problems


def test_pending_modules_get_a_warning_not_an_error(course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the five modules written before the rule wait for their boxes (COUNTRY_BOX_PENDING)
    monkeypatch.setattr("macros.catalog.COUNTRY_BOX_PENDING", frozenset({"alpha"}))
    edit(course / "content/modules/alpha.yml", "tags: [alpha-tag]", "tags: [hiring]")
    catalog, errors = load_catalog(course)
    assert errors == [] and catalog is not None, errors
    warnings = [str(w) for w in content_warnings(catalog)]
    assert warnings == ["content/modules/alpha.yml:7:8: tags[0]: a module on 'hiring' needs a section of kind 'country' (What varies by country) covering United States, United Kingdom, Germany, France and one Asia-Pacific country"]


def test_duration_warning_counts_words_and_quiz_items(course: Path) -> None:
    catalog, _ = load_catalog(course)
    assert catalog is not None
    module, quiz = catalog.modules["alpha"], catalog.quizzes["alpha"]
    words = reading_words(module)
    assert 40 < words < 120  # the fixture's text, not its ids, kinds or stewardship
    assert minimum_duration(module, quiz) == 1 + len(quiz.questions)
    assert content_warnings(catalog) == []  # 20 minutes is plenty


def test_duration_warning_names_file_line_and_the_minutes_needed(course: Path) -> None:
    long_body = " ".join(["word"] * 4000)
    edit(course / "content/modules/alpha.yml", "body: Why alpha matters.", f"body: {long_body}")
    catalog, errors = load_catalog(course)
    assert catalog is not None and not errors
    (warning,) = [str(w) for w in content_warnings(catalog)]
    needed = 21 + len(catalog.quizzes["alpha"].questions)  # 4000 words and the other text, at 200 a minute
    assert warning.startswith(f"content/modules/alpha.yml:5:11: duration: duration 20 min is less than the reading time and the quiz: ")
    assert f"at least {needed} min; raise it to {needed} or more" in warning


def test_check_shows_content_warnings_and_strict_content_fails(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(course / "content/modules/alpha.yml", "body: Why alpha matters.", "body: " + " ".join(["word"] * 4000))
    assert main(["--root", str(course), "check"]) == 0
    err = capsys.readouterr().err
    assert "alpha.yml:5:11: duration: duration 20 min is less than" in err and "(warning)" in err
    assert main(["--root", str(course), "check", "--strict-content"]) == 1
    err = capsys.readouterr().err
    assert "alpha.yml:5:11: duration:" in err and "1 problem in 1 file" in err


def test_check_notes_modules_without_field_assignment(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(course), "check"]) == 0
    err = capsys.readouterr().err
    assert "note: 2 of 2 modules have no field assignment (field_assignment): alpha, beta" in err
    with_blocks(course)
    assert main(["--root", str(course), "check"]) == 0
    err = capsys.readouterr().err
    assert "note: 1 of 2 modules have no field assignment (field_assignment): beta" in err


def test_new_module_skeleton_has_the_new_blocks_and_passes_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from tests.conftest import REPO

    root = tmp_path / "project"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "quizzes", root / "quizzes")
    assert main(["--root", str(root), "new", "module", "negotiation"]) == 0
    text = (root / "content/modules/negotiation.yml").read_text(encoding="utf-8")
    for key in ("tomorrow:", "decision:", "next_move:", "field_assignment:", "kind: country"):
        assert key in text, key
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().err
