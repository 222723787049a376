"""Content problems, reported the way compilers report them: `path:line:col: field: what is wrong`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, located by line and column (both 1-based)."""

    path: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentErrors(Exception):
    """Raised when content cannot be loaded; carries every problem found, sorted."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(format_report(self.errors))


def format_report(errors: list[ContentError]) -> str:
    """All problems, one per line, then a count line such as `3 problems in 2 files`."""
    if not errors:
        return "no problems"
    lines = [str(error) for error in sorted(set(errors))]
    files = len({error.path for error in errors})
    count = len(lines)
    lines.append(f"{count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}")
    return "\n".join(lines)
