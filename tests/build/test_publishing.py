"""Publishing checks: broken links fail the build, and builds are reproducible."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_project, edit, mkdocs_env

# Files that must carry the build date: the sitemap's <lastmod> (and its gzip copy).
DATED = {"sitemap.xml", "sitemap.xml.gz"}


def build(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300,
    )


def digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical_but_for_the_sitemap(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first, second = tmp_path / "a", tmp_path / "b"
    assert build(project, first).returncode == 0
    assert build(project, second).returncode == 0
    a, b = digest(first), digest(second)
    assert a.keys() == b.keys()
    differing = {name for name in a if a[name] != b[name]}
    assert differing <= DATED, differing


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("[the rhythm](../modules/coaching-rhytm.md)", "coaching-rhytm.md"),
        ("[the rhythm](coaching-rhythm.md#no-such-heading)", "does not contain an anchor '#no-such-heading'"),
    ],
)
def test_broken_internal_link_in_content_fails_the_build(tmp_path: Path, link: str, message: str) -> None:
    project = copy_project(tmp_path / "project")
    edit(project / "content/modules/coaching.yml", "takeaways:\n  - ", f"takeaways:\n  - See {link}.\n  - ")
    result = build(project, tmp_path / "out")
    assert result.returncode == 1
    assert "modules/coaching.md" in result.stderr and message in result.stderr
