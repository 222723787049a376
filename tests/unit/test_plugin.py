"""The course nav the `frontline` plugin builds from course.yml."""

from __future__ import annotations

from pathlib import Path

from macros.catalog import load_catalog
from macros.pages import course_nav


def catalog_of(course: Path):
    catalog, errors = load_catalog(course)
    assert catalog is not None and not errors, errors
    return catalog


def test_tracks_nest_in_the_section_holding_the_overview(course: Path) -> None:
    catalog = catalog_of(course)
    nav = course_nav([{"Home": "index.md"}, {"Course": [{"Overview": "overview.md"}]}, {"Glossary": "glossary.md"}], catalog, "overview.md")
    tracks = [{track.title: [f"modules/{m.id}.md" for m in catalog.track_modules(track)]} for track in catalog.course.tracks]
    assert nav[0] == {"Home": "index.md"}
    assert nav[1] == {"Course": [{"Overview": "overview.md"}, *tracks]}
    paths = nav[2] if catalog.paths else None
    if paths is not None:
        assert list(paths) == ["Learning paths"] and paths["Learning paths"][0] == "paths/index.md"
    assert nav[-1] == {"Glossary": "glossary.md"}


def test_tracks_follow_a_top_level_overview(course: Path) -> None:
    catalog = catalog_of(course)
    nav = course_nav(["index.md", "overview.md", "glossary.md"], catalog, "overview.md")
    assert nav[:2] == ["index.md", "overview.md"]
    assert list(nav[2]) == [catalog.course.tracks[0].title]
    assert nav[-1] == "glossary.md"


def test_course_goes_last_when_the_overview_is_not_in_the_nav(course: Path) -> None:
    catalog = catalog_of(course)
    nav = course_nav([{"Home": "index.md"}], catalog, "overview.md")
    assert nav[0] == {"Home": "index.md"} and list(nav[1]) == [catalog.course.tracks[0].title]
