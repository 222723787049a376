"""The per-build state shared by the MkDocs plugin and the macros: set in on_config, reset every build.

`mkdocs serve` rebuilds in one process, so nothing here may outlive a build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import Catalog
from .errors import ContentError
from .render import Renderer


@dataclass(frozen=True)
class BuildState:
    catalog: Catalog | None = None
    errors: list[ContentError] = field(default_factory=list)
    renderer: Renderer | None = None


_current = BuildState()


def reset(catalog: Catalog | None, errors: list[ContentError], renderer: Renderer | None) -> None:
    global _current
    _current = BuildState(catalog, errors, renderer)


def current() -> BuildState:
    return _current
