"""The LMS side of the SCORM tests: the packages `python -m macros scorm` writes, unpacked and
served beside a test page that plays the LMS with scorm-again (npm, installed by `npm ci`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, free_port, mkdocs_env, serve_folder

SCORM_AGAIN = REPO / "node_modules" / "scorm-again" / "dist"
HARNESS = Path(__file__).parent / "harness.html"


@pytest.fixture(scope="session")
def scorm_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every package of the real course, made by the real command."""
    out = tmp_path_factory.mktemp("dist") / "scorm"
    result = subprocess.run(
        [sys.executable, "-m", "macros", "scorm", "--out", str(out)],
        cwd=REPO, env=mkdocs_env(), capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@dataclass(frozen=True)
class Lms:
    url: str  # the test page: harness.html
    folder: Path


@pytest.fixture(scope="session")
def lms(scorm_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lms]:
    if not (SCORM_AGAIN / "scorm12.min.js").exists():
        pytest.fail(f"scorm-again is not installed in {SCORM_AGAIN}: run `npm ci` (make setup does)")
    folder = tmp_path_factory.mktemp("lms")
    shutil.copy(HARNESS, folder / "harness.html")
    (folder / "scorm-again").mkdir()
    for name in ("scorm12.min.js", "scorm2004.min.js"):
        shutil.copy(SCORM_AGAIN / name, folder / "scorm-again" / name)
    for package in scorm_dist.glob("*.zip"):
        with zipfile.ZipFile(package) as archive:
            archive.extractall(folder / "pkg" / package.stem)
    port = free_port()
    with serve_folder(folder, port):
        yield Lms(f"http://127.0.0.1:{port}/harness.html", folder)
