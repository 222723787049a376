"""The generator-neutral pipeline (macros/pages.py): per-build state on one object, no globals."""

from __future__ import annotations

import ast
import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from macros import define_env
from macros.pages import Build
from tests.conftest import edit

TODAY = dt.date(2026, 6, 1)


class Env:
    """What define_env needs of a macros env: `macro`, the page, and the config holding the build."""

    def __init__(self, build: Build, src: str) -> None:
        self.macros: dict[str, Any] = {}
        self.conf = SimpleNamespace(plugins={"frontline": SimpleNamespace(build=build)})
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=src, abs_src_path=None), url="")

    def macro(self, function: Any) -> Any:
        self.macros[function.__name__] = function
        return function


def test_two_builds_in_one_process_do_not_see_each_other(course: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(course, other)
    edit(other / "content/modules/alpha.yml", "title: Alpha module", "title: Omega module")
    first, second = Build.load(course, TODAY), Build.load(other, TODAY)
    env_first, env_second = Env(first, "index.md"), Env(second, "index.md")
    define_env(env_first)
    define_env(env_second)
    # the later build did not replace the earlier one's catalog, neither for pages nor for macros
    assert "Alpha module" in first.pages()["modules/alpha.md"] and "Omega module" in second.pages()["modules/alpha.md"]
    assert "Alpha module" in env_first.macros["module_card"]("alpha") and "Omega module" not in env_first.macros["module_card"]("alpha")
    assert "Omega module" in env_second.macros["module_card"]("alpha")
    assert first.renderer is not None and second.renderer is not None and first.renderer.nonce != second.renderer.nonce


def test_macros_package_keeps_no_module_level_build_state() -> None:
    package = Path(__file__).parents[2] / "macros"
    assert not (package / "state.py").exists()
    for source in package.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        assert not [node for node in ast.walk(tree) if isinstance(node, ast.Global)], f"{source.name} rebinds a module global"


def test_the_pipeline_imports_nothing_from_mkdocs() -> None:
    package = Path(__file__).parents[2] / "macros"
    for name in ("pages.py", "catalog.py", "render.py", "schema.py", "loader.py"):
        tree = ast.parse((package / name).read_text(encoding="utf-8"))
        imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [module for module in imported if module.startswith(("mkdocs", "material", "zensical"))], name
