"""Frontline Playbook: course content in YAML, validated and rendered into a Material for MkDocs site.

`define_env` is the macros entry point (mkdocs-macros, and Zensical's macros). It only wires macro
names to render functions; the catalog they render is this build's `pages.Build`: the `frontline`
MkDocs plugin's (macros/plugin.py), or under Zensical the one `python -m macros zensical` made.
"""

from __future__ import annotations

import html
import inspect
import logging
import re
from functools import wraps
from pathlib import Path
from typing import Any, Callable

log = logging.getLogger("mkdocs.plugins.frontline")


def define_env(env: Any) -> None:
    """Register the macros that hand-written pages and generated module pages call."""

    found: list[Any] = []

    def this_build() -> Any:
        """This build's `pages.Build`, looked up at the first macro call (under Zensical it is read
        from the project folder, so a page without macro calls does not pay for it)."""
        if not found:
            found.append(_build_of(env))
        return found[0]

    def renderer():
        build = this_build()
        if build is None:
            raise RuntimeError("no course build: with MkDocs, list `- frontline` before `- macros` under plugins in mkdocs.yml; with Zensical, build with `make zensical`")
        if build.renderer is None:
            raise RuntimeError("the course content could not be loaded; see the errors above")
        return build.renderer

    def page_src() -> str:
        page_file = getattr(env.page, "file", None)  # MkDocs' Page; Zensical's has only `path`
        return page_file.src_uri if page_file is not None else str(env.page.path)

    def reported(function: Callable[..., str]) -> Callable[..., str]:
        """A wrong id in a page is an author's mistake: say where (file, line, the call as written),
        fail a strict build, no traceback."""
        signature = inspect.signature(function)
        usage = f"{function.__name__}({', '.join(str(p.replace(annotation=p.empty)) for p in signature.parameters.values())})"

        @wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> str:
            try:
                signature.bind(*args, **kwargs)
            except TypeError as exc:  # a call with the wrong arguments: mkdocs-macros would print a traceback
                return failed(f"{exc}; write it as {usage}", args, kwargs)
            try:
                return function(*args, **kwargs)
            except (KeyError, RuntimeError) as exc:
                build = this_build()
                broken = sorted(set(map(str, args)) & set(build.broken_modules())) if build is not None else []
                if broken:  # one line, naming the file to fix, instead of a cascade of lookups
                    return failed(f"module '{broken[0]}' is not shown: content/modules/{broken[0]}.yml has problems (see its page)", args, kwargs)
                return failed(str(exc.args[0] if exc.args else exc), args, kwargs)

        def failed(message: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
            where, call = _call_site(env, function.__name__, args, kwargs)
            log.error(f"{where}: {call}: {message}")
            return f'\n<div class="admonition failure"><p>{html.escape(f"{call}: {message}")}</p></div>\n'

        return env.macro(wrapper)

    @reported
    def module_page(module_id: str) -> str:
        """The whole page of a module."""
        return renderer().module_page(module_id, page_src())

    @reported
    def module_card(module_id: str) -> str:
        """A card linking to one module: title, summary, duration, audience, tags."""
        return renderer().module_card(module_id, page_src())

    @reported
    def module_cards(*module_ids: str) -> str:
        """A grid of cards for the modules named."""
        return renderer().module_cards(list(module_ids), page_src())

    @reported
    def course_overview() -> str:
        """Every track with a grid of its module cards, in course order."""
        return renderer().course_overview(page_src())

    @reported
    def course_map() -> str:
        """Every track with its modules in order, compact, with the learner's marks (the home page)."""
        return renderer().course_map(page_src())

    @reported
    def track_overview(track_id: str) -> str:
        """The module cards of one track."""
        return renderer().track_overview(track_id, page_src())

    @reported
    def path_page(path_id: str) -> str:
        """The page of a learning path: its steps, targets, total time and the learner's progress."""
        return renderer().path_page(path_id, page_src())

    @reported
    def paths_overview() -> str:
        """A card per learning path."""
        return renderer().paths_overview(page_src())

    @reported
    def progress_bars() -> str:
        """A progress bar per track and per learning path, filled from saved quiz results."""
        return renderer().progress_bars(page_src())

    @reported
    def assign_form() -> str:
        """The form a senior manager fills in to assign modules or a path."""
        return renderer().assign_form()

    @reported
    def browser_catalog() -> str:
        """The course as JSON for the assignment, progress and team scripts."""
        return renderer().browser_catalog(env.page.url)

    @reported
    def progress_table() -> str:
        """Every module with the learner's status, filled in the browser from saved quiz results."""
        return renderer().progress_table(page_src())

    @reported
    def quiz(module_id: str) -> str:
        """A module's self-check quiz (already at the end of its page)."""
        return renderer().quiz(module_id)

    @reported
    def rhythm(*meeting_ids: str) -> str:
        """The operating rhythm from content/rhythm.yml as a table with weekly hours: all meetings, or those named."""
        return renderer().rhythm(list(meeting_ids), page_src())

    @reported
    def checklist(module_id: str, checklist_id: str) -> str:
        """A module's checklist, to print or reuse on another page."""
        return renderer().checklist(module_id, checklist_id)

    @reported
    def review_page() -> str:
        """The review page: what is due from every module's review pool (docs/review.md)."""
        return renderer().review_page(env.page.url)

    @reported
    def review_due() -> str:
        """A "Review due (N)" link, shown when a spaced review is due (home page, My progress)."""
        return renderer().review_due(env.page.url)

    @reported
    def diagnostic() -> str:
        """"Where should I start?": a short diagnostic across the course (Start here)."""
        return renderer().diagnostic(env.page.url)


def _build_of(env: Any) -> Any:
    """This build's `pages.Build`: from the `frontline` plugin instance under MkDocs, else from the
    pipeline run that generated the project (Zensical, see `zensical.py`), else None."""
    plugins = getattr(getattr(env, "conf", None), "plugins", None)
    plugin = plugins.get("frontline") if isinstance(plugins, dict) else None
    if plugin is not None:
        return getattr(plugin, "build", None)
    from .zensical import build_for  # only without MkDocs' plugin: keeps the MkDocs path lean

    return build_for(env)


def _call_site(env: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, str]:
    """`docs/glossary.md:12:5` and the call as the page writes it, `module_card('coachng')`.

    mkdocs-macros tells the macro its page but not the line, so the page's source is searched for a
    call of `name` whose text holds the arguments received (the first call of `name` otherwise).
    """
    written = ", ".join([*(repr(arg) for arg in args), *(f"{key}={value!r}" for key, value in kwargs.items())])
    call = f"{name}({written})"
    page = getattr(env, "page", None)
    page_file = getattr(page, "file", None)
    if page_file is None and isinstance(getattr(page, "path", None), str) and isinstance(env.conf, dict):
        # Zensical: a page has its docs-relative `path`; the generated project's docs/ is a copy of
        # ours, so lines and columns are those of docs/<path>
        conf = env.conf
        page_file = type("PageFile", (), {"src_uri": page.path, "abs_src_path": str(Path(conf.get("root_dir", ".")) / conf.get("docs_dir", "docs") / page.path)})()
    if page_file is None:
        return "docs/(unknown page)", call
    where = f"docs/{page_file.src_uri}"
    source_path = getattr(page_file, "abs_src_path", None)
    if not source_path:
        return where, call  # a generated page: no file to point at
    try:
        project = Path(env.conf["config_file_path"]).parent
        where = Path(source_path).resolve().relative_to(project.resolve()).as_posix()
    except (KeyError, TypeError, ValueError):
        pass
    try:
        text = Path(source_path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return where, call
    calls = list(re.finditer(rf"(?<![\w.]){re.escape(name)}\s*\([^()]*\)", text))
    values = [str(value) for value in (*args, *kwargs.values())]
    # the call holding every argument received, with the least else inside its brackets
    holding = [match for match in calls if all(value in match.group(0) for value in values)]
    found = min(holding, key=lambda match: len(match.group(0))) if holding else (calls[0] if calls else None)
    if found is None:
        return where, call
    line = text.count("\n", 0, found.start()) + 1
    col = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return f"{where}:{line}:{col}", " ".join(found.group(0).split())
