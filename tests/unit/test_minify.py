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
