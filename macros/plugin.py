"""MkDocs adapter: a thin shim over the pipeline in `pages.py`.

Everything course-specific lives in `pages`, `catalog` and `render`; this file only translates
between them and MkDocs' build events. Each build's state is one `pages.Build`, kept on the plugin
instance (`self.build`); the macros in `macros/__init__.py` read it from there, so the catalog is
parsed once per build however many pages use it, and nothing outlives a build.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
from pathlib import Path
from typing import Any
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from markupsafe import Markup

from .bundle import BUNDLE, PARTS, joined, missing_parts, named_in
from .catalog import FileCache, content_warnings, review_warnings
from .errors import format_report
from .minify import minify_assets
from .pages import Build, error_banner
from .xapi import launcher_with, site_lrs

log = logging.getLogger("mkdocs.plugins.frontline")
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
        self.build: Build | None = None  # this build's state; replaced by on_config on every (re)build
        self.lrs: dict[str, str] | None = None  # extra.frontline.xapi (macros/xapi.py)
        self.files = FileCache()  # what each course file gave last time: `serve` re-reads only the files saved since

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check all content before anything is written; a failed build keeps the last site."""
        root = (Path(config.config_file_path).parent / self.config.root).resolve()
        try:
            self.lrs = site_lrs(config.extra)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        today = dt.date.fromisoformat(self.config.today) if self.config.today else dt.date.today()
        # Only `serve` builds again; a single build keeps no copy of what it read.
        cache = self.files if self.command == "serve" else None
        self.build = build = Build.load(root, today, directory_urls=config.use_directory_urls, cache=cache)
        catalog, errors = build.catalog, build.errors
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
        config.nav = build.nav(config.nav, self.config.nav_after)
        self.build = build.without_documents()  # the checks above were the last to read them
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """One page per module YAML file: no hand-written stubs, so adding a file adds a page.

        The pages are rendered here, completely, and marked `render_macros: false`: text from YAML
        never becomes template source for mkdocs-macros (F3 of the adversarial review).
        """
        if named_in(config.extra_javascript):
            self.join_scripts(files, config)
        if self.build is None:
            return files
        for src, content in self.build.pages().items():
            files.append(File.generated(config, src, content=content))
        for notice in self.build.notices:
            log.error(notice)
        # The catalog and the pages' texts live until the build ends and hold no garbage; without
        # this, every full collection while MkDocs builds the pages walks all of them again (at 100
        # modules 0.31 s of collection became 0.22: docs/benchmark.md). `on_post_build` thaws them.
        gc.freeze()
        return files

    def join_scripts(self, files: Files, config: MkDocsConfig) -> None:
        """The scripts of every page published as one file (macros/bundle.py), the site's LRS written
        into its launcher part; the parts themselves are not published."""
        found = {part: files.get_file_from_path(part) for part in PARTS}
        problem = missing_parts(lambda part: found[part] is not None)
        if problem:
            raise PluginError(problem)
        parts = {part: file for part, file in found.items() if file is not None}
        text = joined(lambda part: Path(str(parts[part].abs_src_path)).read_text(encoding="utf-8"))
        if self.lrs:  # the site's LRS written into the xAPI launcher (macros/xapi.py)
            text = launcher_with(text, self.lrs)
        for file in parts.values():
            files.remove(file)
        files.append(File.generated(config, BUNDLE, content=text))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Minify our scripts and styles in the built site (docs/assets/ keeps the readable sources;
        `mkdocs serve` serves those as they are, for whoever is debugging them)."""
        gc.unfreeze()  # `serve` builds again in this process: last build's objects may be collected now
        if self.command == "serve":
            return
        try:
            minify_assets(Path(config.site_dir))
        except ValueError as exc:
            raise PluginError(str(exc)) from exc

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()

    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        """A generated page's title is already HTML (escaped): as Markup, Material's `| e` in the
        footer's aria-label does not escape it a second time."""
        if page.file.generated_by == "frontline" and isinstance(page.meta.get("title"), str):
            page.meta["title"] = Markup(page.meta["title"])
        return markdown

    def on_page_content(self, html: str, *, page: Page, **kwargs: Any) -> str:
        """Clean what content made of each page (the allow-list in render.py), once per page; while
        serving with broken content, show the problems at the top of every page (but the page of a
        module that failed to load, which shows its own)."""
        build = self.build
        if build is None:
            return html
        if build.renderer is not None:
            html = build.renderer.clean_page(html)
        if not build.errors or self.command != "serve":
            return html
        if page.file.generated_by == "frontline" and Path(page.file.src_uri).stem in build.broken_modules():
            return html
        return error_banner(build.errors) + html


