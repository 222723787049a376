"""Shared fixtures: small content trees copied from tests/fixtures/ so each test may break them."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A valid two-module course in a temporary folder."""
    root = tmp_path / "course"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must occur) with `new` in a fixture file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def mkdocs_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **extra}


@contextlib.contextmanager
def mkdocs_serving(project: Path) -> Iterator[tuple[str, list[str]]]:
    """`mkdocs serve` of a project copy on a free port: its base URL, and its output once it stopped."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env=mkdocs_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output: list[str] = []
    try:
        yield f"http://127.0.0.1:{port}/", output
    finally:
        server.terminate()
        output.append(server.communicate(timeout=30)[0])


def copy_project(target: Path) -> Path:
    """A copy of the project (config, pages, content, package) that a test may break."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides", "content", "quizzes", "macros", "schema"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


@contextlib.contextmanager
def serve_folder(root: Path, port: int, log: list[str] | None = None) -> Iterator[None]:
    """A static web server for `root` on 127.0.0.1:`port`, like any static host.

    With `log`, every request line the server receives ("GET /assign/?x=1 HTTP/1.1", query string
    and all) is appended to it, as an access log would record it.
    """

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def log_request(self, code: object = "-", size: object = "-") -> None:
            if log is not None:
                log.append(self.requestline)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Site:
    """The real course, built once with `mkdocs build --strict` and served on 127.0.0.1.

    `requests` is the server's access log (request lines), shared by the whole session: a test
    reads what it added (see `requests_since`)."""

    root: Path
    url: str
    build_log: str
    requests: list[str] = field(default_factory=list)

    def requests_since(self, mark: int) -> list[str]:
        return self.requests[mark:]


@contextlib.contextmanager
def build_and_serve(command: list[str], served: Path, subpath: str = "") -> Iterator[Site]:
    """Run a build `command` for http://127.0.0.1:PORT/`subpath` (site_url in the environment) and serve
    the folder `served` there; the site is `served`/`subpath`."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{subpath}"
    # site_url must match the served address, port included, or Material turns instant navigation off.
    result = subprocess.run(
        [sys.executable, *command], cwd=REPO, env=mkdocs_env(SITE_URL=url), capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    requests: list[str] = []
    with serve_folder(served, port, requests):
        yield Site(served / subpath, url, result.stdout + result.stderr, requests)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("site")
    with build_and_serve(["-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(root)], root) as built:
        yield built


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real course built by Zensical (`python -m macros zensical`) and served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("zensical")
    command = ["-m", "macros", "zensical", "--build-dir", str(folder / "project"), "--site-dir", str(folder / "site")]
    with build_and_serve(command, folder / "site") as built:
        yield built


@pytest.fixture(params=["mkdocs", "zensical"])
def built_site(request: pytest.FixtureRequest) -> Site:
    """The course as each generator builds it: tests using this run against both."""
    return request.getfixturevalue("site" if request.param == "mkdocs" else "zensical_site")
