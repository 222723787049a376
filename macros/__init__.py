"""Frontline Playbook: course content in YAML, validated and rendered into a Material for MkDocs site.

`define_env` is the mkdocs-macros entry point. It only wires macro names to render functions; the
catalog they render is loaded by the `frontline` MkDocs plugin (macros/plugin.py) once per build.
"""

from __future__ import annotations

import html
import logging
from functools import wraps
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
        """A wrong id in a page is an author's mistake: say where, fail a strict build, no traceback."""

        @wraps(function)
        def wrapper(*args: str) -> str:
            try:
                return function(*args)
            except (KeyError, RuntimeError) as exc:
                message = exc.args[0] if exc.args else str(exc)
                log.error(f"docs/{page_src()}: {function.__name__}{args!r}: {message}")
                return f'\n<div class="admonition failure"><p>{html.escape(f"{function.__name__}: {message}")}</p></div>\n'

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
