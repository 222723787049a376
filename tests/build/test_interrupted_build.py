"""`python -m macros build` (make build) stopped with Ctrl-C, and the swap that puts a new site in place."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from macros.cli import swap_in
from tests.build.test_fixture_build import project_of
from tests.conftest import REPO, mkdocs_env


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def as_from_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def test_ctrl_c_during_build_exits_130_keeps_site_and_leaves_no_staging(course: Path) -> None:
    """It ended with a KeyboardInterrupt traceback (exit -2) and a `.site.new-*` folder that the next build kept."""
    project = project_of(course, "# Home\n\n{{ course_overview() }}\n")
    command = [sys.executable, "-m", "macros", "--root", str(project), "build"]
    first = subprocess.run(command, cwd=REPO, env=mkdocs_env(), capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    (project / "site/marker.txt").write_text("previous build", encoding="utf-8")
    before = tree_digest(project / "site")
    # what an earlier interrupted build (an older version, or a process that no longer runs) left
    (project / ".site.new-abc123").mkdir()
    (project / ".site.new-999999999-abc123").mkdir()

    # A hook holds the build in MkDocs (after it wrote the pages into the staging folder), so the
    # interrupt surely comes while MkDocs runs, however fast or loaded the machine is.
    started = project / "hook-started"
    (project / "slow_hook.py").write_text(
        "import pathlib, time\n\n\ndef on_post_build(config, **kwargs):\n"
        f"    pathlib.Path({str(started)!r}).write_text('1')\n    time.sleep(300)\n",
        encoding="utf-8",
    )
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("hooks:\n  - slow_hook.py\n")

    # a terminal's Ctrl-C goes to the whole foreground process group
    # ... of a terminal, which starts the command with Ctrl-C at its default: a test run started in the
    # background of a shell without job control (`cmd &` in a script) inherits it ignored, and so
    # would the build, which would then rightly not stop.
    process = subprocess.Popen(
        command, cwd=REPO, env=mkdocs_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=as_from_a_terminal,  # noqa: PLW1509 (only signal calls, safe between fork and exec)
    )
    deadline = time.monotonic() + 120
    while not started.exists():
        assert time.monotonic() < deadline and process.poll() is None, "the build never reached the hook"
        time.sleep(0.02)
    assert list(project.glob(f".site.new-{process.pid}-*")), "the build writes into a staging folder of its own"
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)

    assert process.returncode == 130, err
    assert "Traceback" not in out + err and "KeyboardInterrupt" not in out + err
    assert "interrupted; the previous site/ is unchanged" in err
    assert sorted(path.name for path in project.glob(".site*")) == []
    assert tree_digest(project / "site") == before


def test_build_clears_staging_left_by_an_earlier_interrupted_build(course: Path) -> None:
    project = project_of(course)
    (project / ".site.new-abc123").mkdir()
    (project / ".site.new-999999999-abc123").mkdir()
    (project / ".site.new-999999999-abc123/index.html").write_text("partial", encoding="utf-8")
    (project / ".site.old").mkdir()
    result = subprocess.run([sys.executable, "-m", "macros", "--root", str(project), "build"], cwd=REPO, env=mkdocs_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in project.glob(".site*")) == []
    assert (project / "site/index.html").is_file()


def test_site_is_never_missing_while_a_new_build_is_swapped_in(tmp_path: Path) -> None:
    """A web server serving site/ must always find it: the old swap renamed site/ away, then the new one in."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("build 0", encoding="utf-8")
    missing: list[int] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if not os.path.exists(site / "index.html"):
                missing.append(1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for number in range(1, 301):
            new = tmp_path / f".site.new-{number}"
            new.mkdir()
            (new / "index.html").write_text(f"build {number}", encoding="utf-8")
            swap_in(new, site)
            assert (site / "index.html").read_text(encoding="utf-8") == f"build {number}"
            assert (new / "index.html").read_text(encoding="utf-8") == f"build {number - 1}", "the old site is handed back, to be removed"
            for path in new.iterdir():
                path.unlink()
            new.rmdir()
    finally:
        done.set()
        watcher.join()
    assert missing == []


def test_first_build_moves_the_staging_folder_into_place(tmp_path: Path) -> None:
    new = tmp_path / ".site.new-1"
    new.mkdir()
    (new / "index.html").write_text("first", encoding="utf-8")
    swap_in(new, tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text(encoding="utf-8") == "first" and not new.exists()
