"""Zensical adapter (filled in by the next commit)."""

from __future__ import annotations

from typing import Any


def build_for(env: Any) -> Any:
    """No build outside the `frontline` MkDocs plugin yet."""
    return None
