"""Frontline Playbook: course content in YAML, validated and rendered into a Material for MkDocs site.

`define_env` is the mkdocs-macros entry point. It only wires macro names to render functions; the
catalog they render is loaded by the `frontline` MkDocs plugin (macros/plugin.py) once per build.
"""

from __future__ import annotations

import html
import inspect
import logging
import re
from functools import wraps
from pathlib import Path
from typing import Any, Callable

from . import state

log = logging.getLogger("mkdocs.plugins.frontline")


def define_env(env: Any) -> None:
    """Register the macros that hand-written pages and generated module pages call."""

    def renderer():
        current = state.current()
        if current.renderer is None:
            raise RuntimeError("the course content could not be loaded; see the errors above")
        return current.renderer

    def page_src() -> str:
        return env.page.file.src_uri

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


def _call_site(env: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, str]:
    """`docs/glossary.md:12:5` and the call as the page writes it, `module_card('coachng')`.

    mkdocs-macros tells the macro its page but not the line, so the page's source is searched for a
    call of `name` whose text holds the arguments received (the first call of `name` otherwise).
    """
    written = ", ".join([*(repr(arg) for arg in args), *(f"{key}={value!r}" for key, value in kwargs.items())])
    call = f"{name}({written})"
    page_file = getattr(getattr(env, "page", None), "file", None)
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
