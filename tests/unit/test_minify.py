"""macros/minify.py: our scripts and styles shortened in a built site, never in docs/."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.minify import minified, minify_assets


def test_a_script_keeps_its_globals_and_properties_and_shortens_its_local_names() -> None:
    source = """/* a comment */
window.FP = window.FP || {};
(function (FP) {
  "use strict";
  function describeResult(result) { return result.passed ? "Passed" : "Not yet"; }
  FP.progress = { describe: describeResult };
})(window.FP);
"""
    out = minified(source, ".js")
    assert "comment" not in out and "describeResult" not in out and "result" not in out
    assert "window.FP" in out and "FP.progress" not in out  # the parameter is local: renamed
    assert "describe:" in out and ".passed" in out and '"Passed"' in out


def test_a_script_that_does_not_parse_names_its_file(tmp_path: Path) -> None:
    broken = tmp_path / "assets" / "fp" / "broken.js"
    broken.parent.mkdir(parents=True)
    broken.write_text("function (", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.js: cannot be minified"):
        minify_assets(tmp_path)


def test_materials_and_vendored_files_are_left_alone(tmp_path: Path) -> None:
    for name in ("javascripts/bundle.js", "vendor/shim.js", "fp/ours.js", "ours.css"):
        path = tmp_path / "assets" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("/* note */\nvar  a = 1;\n" if name.endswith(".js") else "/* note */\na  { color: red; }\n", encoding="utf-8")
    done = {path.relative_to(tmp_path / "assets").as_posix() for path in minify_assets(tmp_path)}
    assert done == {"fp/ours.js", "ours.css"}
    assert (tmp_path / "assets/vendor/shim.js").read_text(encoding="utf-8").startswith("/* note */")
    assert "note" not in (tmp_path / "assets/fp/ours.js").read_text(encoding="utf-8")


def test_the_go_minifier_leaves_ctrl_c_to_our_main_thread() -> None:
    """tdewolff's binding runs Go threads in our process; if one of them could take SIGINT, a Ctrl-C
    during a build would be lost while the main thread sleeps or waits (the interrupted-build test
    hung once, in CI). Every thread but the main one must have SIGINT and SIGTERM blocked."""
    import subprocess
    import sys

    probe = """
import os, signal
from macros.minify import minified
minified("function f(alpha) { return alpha + 1; }", ".js")
main = os.getpid()
for task in sorted(os.listdir("/proc/self/task")):
    status = open(f"/proc/self/task/{task}/status").read()
    blocked = int(next(line for line in status.splitlines() if line.startswith("SigBlk")).split()[1], 16)
    print(int(task) == main, all(blocked >> (number - 1) & 1 for number in (signal.SIGINT, signal.SIGTERM)))
"""
    lines = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split("\n")
    threads = [tuple(line.split()) for line in lines if line]
    assert ("True", "False") in threads, "the main thread still takes Ctrl-C"
    others = [blocked for main, blocked in threads if main == "False"]
    assert others and all(blocked == "True" for blocked in others), threads
