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
from typing import Any, Callable

import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from markupsafe import Markup

from . import state
from .catalog import Catalog, content_warnings, load_catalog, review_warnings
from .errors import ContentError, format_report
from .render import Renderer, html_text, module_src, path_src, plain_description, tag_label

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
        """One page per module YAML file: no hand-written stubs, so adding a file adds a page.

        The pages are rendered here, completely, and marked `render_macros: false`: text from YAML
        never becomes template source for mkdocs-macros (F3 of the adversarial review).
        """
        current = state.current()
        if current.catalog is None or current.renderer is None:
            return files
        for src, content in generated_pages(current.catalog, current.renderer).items():
            files.append(File.generated(config, src, content=content))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        """A generated page's title is already HTML (escaped): as Markup, Material's `| e` in the
        footer's aria-label does not escape it a second time."""
        if page.file.generated_by == "frontline" and isinstance(page.meta.get("title"), str):
            page.meta["title"] = Markup(page.meta["title"])
        return markdown

    def on_page_content(self, html: str, **kwargs: Any) -> str:
        """Clean what content made of each page (the allow-list in render.py), once per page; while
        serving with broken content, show the problems at the top of every page."""
        current = state.current()
        if current.renderer is not None:
            html = current.renderer.clean_page(html)
        if not current.errors or self.command != "serve":
            return html
        return _error_banner(current.errors) + html


def course_nav(nav: list[Any] | None, catalog: Any, nav_after: str) -> list[Any]:
    """The nav from mkdocs.yml with the course added: a section per track (modules in course order)
    right after the page `nav_after`, in the same section as it, and a "Learning paths" section
    after the top-level entry that holds `nav_after`.

    Put `nav_after` inside a section (mkdocs.yml has `Course: [overview.md]`) so the tracks are
    nested: with `navigation.sections` every top-level section is expanded on every page, so only
    nested tracks let `navigation.prune` leave other tracks' modules out of each page's HTML.
    """
    # Section names are printed as HTML by Material: they get the title as escaped HTML.
    tracks: list[Any] = [{str(html_text(track.title)): [module_src(m.id) for m in catalog.track_modules(track)]} for track in catalog.course.tracks]
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


def generated_pages(catalog: Catalog, renderer: Renderer | None = None) -> dict[str, str]:
    """Source path -> text of every page the plugin adds: one per module and one per learning path,
    each its front matter and its final Markdown, rendered here rather than by mkdocs-macros.

    MkDocs and Material print `title` and `description` as HTML, so they are given as escaped HTML
    (the description as plain text: Markdown reduced to its words). `renderer` defaults to the
    current build's.
    """
    renderer = renderer or state.current().renderer
    if renderer is None:
        raise RuntimeError("no renderer: the course content could not be loaded")
    pages = {}
    for module in catalog.modules.values():
        src = module_src(module.id)
        # Tags as readable labels (the tag index, search and the page show them); modules rank
        # above hand-written pages that mention the same term (Material's per-page search boost).
        front_matter = {
            "title": str(html_text(module.title)),
            "description": plain_description(module.summary),
            "tags": [tag_label(tag) for tag in module.tags],
            "search": {"boost": 4},
            "render_macros": False,
        }
        pages[src] = _page_source(front_matter, _body(src, lambda: renderer.module_page(module.id, src)))
    for learning_path in catalog.paths.values():
        src = path_src(learning_path.id)
        front_matter = {"title": str(html_text(learning_path.title)), "description": plain_description(learning_path.description), "render_macros": False}
        body = _body(src, lambda: f"{renderer.path_page(learning_path.id, src)}\n{renderer.browser_catalog(renderer.page_url(src))}")
        pages[src] = _page_source(front_matter, body)
    return pages


def _body(src: str, render: Callable[[], str]) -> str:
    """A generated page's Markdown, or a notice where it cannot be rendered: while serving broken
    content, a path may name a module that failed to load (the build itself stops earlier)."""
    try:
        return render()
    except KeyError as exc:
        message = exc.args[0] if exc.args else str(exc)
        log.error(f"docs/{src}: {message}")
        return f'<div class="admonition failure"><p>{html.escape(f"This page cannot be shown: {message}")}</p></div>'


def _page_source(front_matter: dict[str, Any], body: str) -> str:
    """Front matter (written by libyaml's emitter, several times faster than PyYAML's) and a body."""
    dumped = yaml.dump(front_matter, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n\n{body}\n"


def _error_banner(errors: list[ContentError]) -> str:
    items = "".join(f"<li><code>{html.escape(str(error))}</code></li>" for error in errors)
    return (
        '<div class="admonition failure fp-content-errors"><p class="admonition-title">'
        f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in the course content</p>"
        f"<ul>{items}</ul><p>Fix the files; this page reloads when they are saved.</p></div>"
    )
