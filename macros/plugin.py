"""MkDocs adapter: loads the catalog once per build, adds a page per module and the course nav.

Everything course-specific lives in `catalog` and `render`; this file only translates between them
and MkDocs' build events. The macros registered in `macros/__init__.py` read the same per-build
state, so the catalog is parsed once however many pages use it.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import state
from .catalog import content_warnings, load_catalog, review_warnings
from .errors import ContentError, format_report
from .render import Renderer, module_src, path_src

log = logging.getLogger("mkdocs.plugins.frontline")
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when the wheel has it
# Review reminders must show without failing `mkdocs build --strict`, which counts every warning
# logged under "mkdocs": they go to a logger of their own.
review_log = logging.getLogger("frontline.review")
if not review_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    review_log.addHandler(_handler)
    review_log.propagate = False


class _IsoDate(c.BaseConfigOption[str]):
    """A real date, written 2027-03-31 (quoted or not): MkDocs reports a bad one as
    `Plugin 'frontline' option 'today': ...` instead of a traceback later. The value stays the ISO text."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                pass
        raise c.ValidationError(f"expected a date such as 2027-03-31, got {value!r}")


class FrontlineConfig(Config):
    root = c.Dir(exists=True, default=".")  # where content/ and quizzes/ live; MkDocs resolves it against mkdocs.yml
    nav_after = c.Type(str, default="overview.md")  # the course tracks go into the nav after this page
    today = c.Optional(_IsoDate())  # for reproducible review checks; default: the build's date


class FrontlinePlugin(BasePlugin[FrontlineConfig]):
    def __init__(self) -> None:
        self.command = "build"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check all content before anything is written; a failed build keeps the last site."""
        root = (Path(config.config_file_path).parent / self.config.root).resolve()
        today = dt.date.fromisoformat(self.config.today) if self.config.today else dt.date.today()
        catalog, errors = load_catalog(root)
        state.reset(catalog, errors, Renderer(catalog, today, config.use_directory_urls) if catalog else None)
        if errors:
            for error in errors:
                log.error(str(error))
            if self.command != "serve":
                raise PluginError(f"{format_report(errors).splitlines()[-1]} in the course content (see above; `make check` lists them)")
            log.error("The site is served with these problems shown on every page; fix the files and it reloads.")
        if catalog is None:
            return config
        for warning in review_warnings(catalog, today):
            review_log.warning(str(warning))
        if not errors:  # content warnings fail `check --strict-content`, not the build
            for warning in content_warnings(catalog):
                review_log.warning(str(warning))
        config.nav = course_nav(config.nav, catalog, self.config.nav_after)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """One page per module YAML file: no hand-written stubs, so adding a file adds a page."""
        catalog = state.current().catalog
        if catalog is None:
            return files
        for src, content in generated_pages(catalog).items():
            files.append(File.generated(config, src, content=content))
        return files

    def on_page_content(self, html_text: str, **kwargs: Any) -> str:
        """While serving with broken content, show the problems at the top of every page."""
        errors = state.current().errors
        if not errors or self.command != "serve":
            return html_text
        return _error_banner(errors) + html_text


def course_nav(nav: list[Any] | None, catalog: Any, nav_after: str) -> list[Any]:
    """The nav from mkdocs.yml with the course added: a section per track (modules in course order)
    right after the page `nav_after`, in the same section as it, and a "Learning paths" section
    after the top-level entry that holds `nav_after`.

    Put `nav_after` inside a section (mkdocs.yml has `Course: [overview.md]`) so the tracks are
    nested: with `navigation.sections` every top-level section is expanded on every page, so only
    nested tracks let `navigation.prune` leave other tracks' modules out of each page's HTML.
    """
    tracks: list[Any] = [{track.title: [module_src(m.id) for m in catalog.track_modules(track)]} for track in catalog.course.tracks]
    if catalog.unlisted():
        tracks.append({"More modules": [module_src(m.id) for m in catalog.unlisted()]})
    paths: list[Any] = [{"Learning paths": ["paths/index.md", *[path_src(p) for p in catalog.paths]]}] if catalog.paths else []
    nav = list(nav or [])
    for number, item in enumerate(nav):
        nested = _insert_after(item, nav_after, tracks)
        if nested is not None:
            return [*nav[:number], *nested, *paths, *nav[number + 1 :]]
    return nav + tracks + paths


def _insert_after(item: Any, nav_after: str, addition: list[Any]) -> list[Any] | None:
    """`item` followed by `addition` if `item` is the page `nav_after`; `item` with `addition` put in
    after that page if it is a section holding it; None if `nav_after` is not in `item`."""
    if item == nav_after:
        return [item, *addition]
    if not isinstance(item, dict) or len(item) != 1:
        return None
    (title, value), = item.items()
    if value == nav_after:
        return [item, *addition]
    if isinstance(value, list):
        for number, child in enumerate(value):
            nested = _insert_after(child, nav_after, addition)
            if nested is not None:
                return [{title: [*value[:number], *nested, *value[number + 1 :]]}]
    return None


def generated_pages(catalog: Any) -> dict[str, str]:
    """Source path -> text of every page the plugin adds: one per module and one per learning path,
    each front matter and the macro calls that render it."""
    pages = {}
    for module in catalog.modules.values():
        front_matter = {"title": module.title, "description": _one_line(module.summary), "tags": module.tags}
        pages[module_src(module.id)] = _page_source(front_matter, f"{{{{ module_page({module.id!r}) }}}}")
    for learning_path in catalog.paths.values():
        front_matter = {"title": learning_path.title, "description": _one_line(learning_path.description)}
        pages[path_src(learning_path.id)] = _page_source(front_matter, f"{{{{ path_page({learning_path.id!r}) }}}}\n\n{{{{ browser_catalog() }}}}")
    return pages


def _page_source(front_matter: dict[str, Any], body: str) -> str:
    """Front matter (written by libyaml's emitter, several times faster than PyYAML's) and a body."""
    dumped = yaml.dump(front_matter, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n\n{body}\n"


def _one_line(markdown_text: str) -> str:
    return " ".join(markdown_text.split())[:300]


def _error_banner(errors: list[ContentError]) -> str:
    items = "".join(f"<li><code>{html.escape(str(error))}</code></li>" for error in errors)
    return (
        '<div class="admonition failure fp-content-errors"><p class="admonition-title">'
        f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in the course content</p>"
        f"<ul>{items}</ul><p>Fix the files; this page reloads when they are saved.</p></div>"
    )
