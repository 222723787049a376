"""Issue 13's blocks in the real course, through a real `mkdocs build --strict`."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from macros.catalog import load_catalog
from macros.render import format_hours, total_hours
from tests.conftest import REPO, Site, copy_project, edit, mkdocs_env

CATALOG, _ = load_catalog(REPO)


def article(site: Site, src: str) -> str:
    html = (site.root / src / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"): html.index("</article>")]


def test_tomorrow_decision_and_field_assignment_render(site: Site) -> None:
    html = article(site, "modules/the-managers-job")
    tomorrow = html.index("Tomorrow morning")
    assert html.index("After this module you will be able to") < tomorrow < html.index('id="why-it-matters"')
    assert 'class="admonition tip fp-tomorrow"' in html
    decision = html[html.index('class="fp-decision"'):]
    assert "Option A." in decision and "Option C." in decision
    assert re.search(r'<details class="info fp-consequence">\s*<summary>What happens if you choose A</summary>', decision)
    worked = decision.index('<details class="success fp-worked">')
    assert decision.index("Option C.") < worked
    assert "When it does not work: the next move" in decision[worked:]
    field = html.index('id="field-assignment"')
    assert html.index('id="notes-for-senior-managers"') < field < html.index('id="key-takeaways"')
    assert "What your senior manager asks when reviewing it" in html[field:]


def test_country_box_renders_as_a_list_of_countries(site: Site) -> None:
    html = article(site, "modules/onboarding")
    section = html[html.index('id="what-varies-by-country"'):]
    names = re.findall(r"<dt>(.*?)</dt>", section)
    assert names[:4] == ["United States", "United Kingdom", "Germany", "France"] and "Japan" in names
    assert "When to involve HR or an employment lawyer" in section


def test_rhythm_tables_show_the_computed_hours(site: Site) -> None:
    assert CATALOG is not None and CATALOG.rhythm is not None
    meetings = CATALOG.rhythm.meetings
    html = article(site, "modules/the-managers-job")
    table = html[html.index('class="fp-rhythm"'):]
    table = table[: table.index("</table>")]
    total = re.findall(r"<tr>\s*<td><strong>Total</strong></td>(.*?)</tr>", table, re.S)[0]
    assert re.findall(r"<strong>([\d.]+)</strong>", total) == [format_hours(total_hours(meetings, size)) for size in CATALOG.rhythm.team_sizes]
    for meeting in meetings:
        assert f">{meeting.name}</a>" in table
    for module_id in ("coaching-rhythm", "pipeline-reviews", "developing-front-line-managers"):
        assert 'class="fp-rhythm"' in article(site, f"modules/{module_id}"), module_id
    # a meeting links to the module that teaches it, except on that module's own page
    pipeline = article(site, "modules/pipeline-reviews")
    assert "<strong>Deal consult</strong>" in pipeline and '<a href="../coaching-rhythm/">Coaching 1:1</a>' in pipeline


def test_build_shows_content_warnings_without_failing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edit(project / "content/modules/coaching.yml", "\nduration: 35\n", "\nduration: 5\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "out")],
        cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"WARNING -  content/modules/coaching\.yml:\d+:11: duration: duration 5 min is less than the reading time and the quiz", result.stderr)
    check = subprocess.run([sys.executable, "-m", "macros", "--root", str(project), "check", "--strict-content"], capture_output=True, text=True, timeout=120)
    assert check.returncode == 1 and "coaching.yml" in check.stderr
