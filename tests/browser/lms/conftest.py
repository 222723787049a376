"""The LMS side of the SCORM tests: the packages `python -m macros scorm` writes, unpacked and
served beside a test page that plays the LMS with scorm-again (npm, installed by `npm ci`)."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
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
    # The same module package as `--fail-status failed` makes it (scorm.launch_page writes the attribute).
    for version in ("scorm12", "scorm2004"):
        failed = folder / "pkg" / f"module-coaching-{version}-failed"
        shutil.copytree(folder / "pkg" / f"module-coaching-{version}", failed)
        launch = failed / "fp-launch.html"
        launch.write_text(launch.read_text(encoding="utf-8").replace('data-fp-fail="incomplete"', 'data-fp-fail="failed"'), encoding="utf-8")
    port = free_port()
    with serve_folder(folder, port):
        yield Lms(f"http://127.0.0.1:{port}/harness.html", folder)


RALPH = REPO / ".venv-lrs" / "bin" / "ralph"


class Ralph:
    """Ralph (PyPI ralph-malph) as the learning record store: `ralph runserver -b fs` on 127.0.0.1,
    HTTP Basic credentials made with `ralph auth`, CORS open to the site's origin. The test starts
    and stops it (to play an LRS that does not answer); the fixture stops it at the end."""

    user = "frontline"
    password = "not-a-secret"
    admin = "mailto:lrs-admin@example.org"

    def __init__(self, folder: Path, origin: str) -> None:
        if not RALPH.exists():
            pytest.fail(f"{RALPH} is missing: `make setup` installs Ralph into .venv-lrs")
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        self.auth = "Basic " + base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        self.env = {
            **os.environ, "RALPH_APP_DIR": str(folder / "app"), "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_RUNSERVER_CORS_ALLOW_ORIGINS": json.dumps([origin]),
        }
        self.process: subprocess.Popen[bytes] | None = None
        subprocess.run(
            [str(RALPH), "auth", "--write-to-disk", "-u", self.user, "-p", self.password,
             "-s", "statements/write", "-s", "statements/read", "-M", self.admin],
            cwd=folder, env=self.env, check=True, capture_output=True, timeout=120,
        )

    def start(self) -> None:
        assert self.process is None
        log = (self.folder / "ralph.log").open("ab")
        self.process = subprocess.Popen(
            [str(RALPH), "runserver", "-b", "fs", "-h", "127.0.0.1", "-p", str(self.port), "--fs-default-directory-path", str(self.folder / "data")],
            cwd=self.folder, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2):
                    return
            except OSError:
                assert self.process.poll() is None, (self.folder / "ralph.log").read_text(errors="replace")[-3000:]
                time.sleep(0.3)
        pytest.fail("Ralph did not answer within 90 s: " + (self.folder / "ralph.log").read_text(errors="replace")[-3000:])

    def stop(self) -> None:
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # the reloader's worker gone too: the port refuses
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) != 0:
                    return
            time.sleep(0.2)

    def statements(self, verb: str | None = None) -> list[dict]:
        """Every statement Ralph stored (of `verb`, an ADL verb name), read back through /xAPI/statements."""
        found: list[dict] = []
        url = self.url + "statements?limit=500"
        while url:
            request = urllib.request.Request(url, headers={"Authorization": self.auth, "X-Experience-API-Version": "1.0.3"})
            with urllib.request.urlopen(request, timeout=10) as response:
                page = json.load(response)
            found += page["statements"]
            url = urllib.parse.urljoin(self.url, page["more"]) if page.get("more") else ""
        return [s for s in found if verb is None or s["verb"]["id"] == f"http://adlnet.gov/expapi/verbs/{verb}"]


@pytest.fixture
def ralph(site, tmp_path: Path) -> Iterator[Ralph]:
    lrs = Ralph(tmp_path, site.url.rstrip("/"))
    try:
        yield lrs
    finally:
        lrs.stop()
