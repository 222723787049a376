"""The generator-neutral pipeline (macros/pages.py): per-build state on one object, no globals."""

from __future__ import annotations

import ast
import datetime as dt
import re
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


def test_two_zensical_projects_in_one_process_do_not_see_each_other(course: Path, tmp_path: Path) -> None:
    """Under Zensical, define_env gets only the project's folder: each generated project carries its
    own build, so a second run in the same process cannot answer for the first."""
    from macros.zensical import BUILD_STATE, generate

    other = tmp_path / "other"
    shutil.copytree(course, other)
    edit(other / "content/modules/alpha.yml", "title: Alpha module", "title: Omega module")
    for root in (course, other):
        (root / "docs").mkdir()
        (root / "docs/index.md").write_text("# Home\n", encoding="utf-8")
        (root / "mkdocs.yml").write_text("site_name: Fixture\nplugins:\n  - frontline\n  - macros:\n      module_name: macros\n", encoding="utf-8")
    first = generate(Build.load(course, TODAY), tmp_path / "first", course / "mkdocs.yml")
    second = generate(Build.load(other, TODAY), tmp_path / "second", other / "mkdocs.yml")
    cards = []
    for project in (first, second):
        env = ZensicalEnv(project.folder, "index.md")
        define_env(env)
        cards.append(env.macros["module_card"]("alpha"))
    assert "Alpha module" in cards[0] and "Omega module" not in cards[0]
    assert "Omega module" in cards[1] and "Alpha module" not in cards[1]
    missing = ZensicalEnv(tmp_path / "not-generated", "index.md")
    define_env(missing)
    assert "no course build" in missing.macros["module_card"]("alpha"), "no build is borrowed from another project"
    (second.folder / BUILD_STATE).write_bytes(b"left by another version")
    stale = ZensicalEnv(second.folder, "index.md")
    define_env(stale)
    assert "no course build" in stale.macros["module_card"]("alpha"), "a saved build that cannot be read is no build, not a traceback"


class ZensicalEnv:
    """What Zensical's macros give define_env: the project folder, its config as a dict, and a page with a `path`."""

    def __init__(self, project: Path, path: str) -> None:
        self.macros: dict[str, Any] = {}
        self.project_dir = str(project)
        self.conf = {"root_dir": str(project), "docs_dir": "docs"}
        self.page = SimpleNamespace(path=path, url="")

    def macro(self, function: Any) -> Any:
        self.macros[function.__name__] = function
        return function


def test_macros_package_keeps_no_module_level_build_state() -> None:
    package = Path(__file__).parents[2] / "macros"
    assert not (package / "state.py").exists()
    for source in package.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        assert not [node for node in ast.walk(tree) if isinstance(node, ast.Global)], f"{source.name} rebinds a module global"
        # nor keeps builds in a module-level container (a registry by folder, a current build)
        for node in tree.body:
            if isinstance(node, ast.AnnAssign):
                assert not re.search(r"\b(Build|Catalog|Renderer)\b", ast.unparse(node.annotation)), f"{source.name}: {ast.unparse(node)}"
            value = getattr(node, "value", None) if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            empty = (isinstance(value, ast.Dict) and not value.keys) or (isinstance(value, (ast.List, ast.Set)) and not value.elts)
            empty = empty or (isinstance(value, ast.Call) and ast.unparse(value.func) in {"dict", "list", "set"} and not value.args)
            assert not empty, f"{source.name}:{node.lineno}: an empty module-level container is state filled at run time"


def test_the_pipeline_imports_nothing_from_mkdocs() -> None:
    package = Path(__file__).parents[2] / "macros"
    for name in ("pages.py", "catalog.py", "render.py", "schema.py", "loader.py"):
        tree = ast.parse((package / name).read_text(encoding="utf-8"))
        imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [module for module in imported if module.startswith(("mkdocs", "material", "zensical"))], name


def test_generated_project_for_a_small_course(course: Path, tmp_path: Path) -> None:
    """The files the pipeline writes for a generator without plugins, read directly: no generator runs."""
    from macros.zensical import _Loader, generate

    (course / "docs").mkdir()
    (course / "docs/index.md").write_text("# Home\n\n{{ module_card('alpha') }}\n", encoding="utf-8")
    (course / "overrides/partials").mkdir(parents=True)
    (course / "overrides/partials/search.html").write_text("{#- Material's search partial (9.8.1), edited -#}\n", encoding="utf-8")
    (course / "overrides/main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    (course / "mkdocs.yml").write_text(
        "site_name: Fixture\nsite_url: !ENV [SITE_URL, 'http://127.0.0.1:8000/']\n"
        "theme:\n  name: material\n  custom_dir: overrides\n"
        "plugins:\n  - search\n  - frontline\n  - macros:\n      module_name: macros\n"
        "watch: [content]\nnav:\n  - Home: index.md\n  - Course:\n      - overview.md\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    build = Build.load(course, TODAY)
    out = tmp_path / "project"
    project = generate(build, out, course / "mkdocs.yml")

    assert project.generated == ["modules/alpha.md", "modules/beta.md"]
    alpha = (out / "docs/modules/alpha.md").read_text(encoding="utf-8")
    head, body = alpha.split("---\n")[1], alpha.split("---\n", 2)[2]
    assert "render_macros: false" in head and "title: Alpha module" in head
    assert "{{" not in body and 'data-quiz="alpha"' in body, "final Markdown with the quiz, not template source"
    assert 'data-quiz="' not in (out / "docs/modules/beta.md").read_text(encoding="utf-8"), "beta has no quiz"
    assert (out / "docs/index.md").read_text(encoding="utf-8") == (course / "docs/index.md").read_text(encoding="utf-8")
    assert not (course / "docs/modules").exists(), "nothing is written into the project's own docs/"
    assert (out / "overrides/main.html").exists() and not (out / "overrides/partials/search.html").exists()

    text = project.config.read_text(encoding="utf-8")
    assert "!ENV [SITE_URL, 'http://127.0.0.1:8000/']" in text and "!!python/name:material.extensions.emoji.twemoji" in text
    config = yaml_load(text, _Loader)
    assert config["nav"] == [{"Home": "index.md"}, {"Course": ["overview.md", {"Basics": ["modules/alpha.md", "modules/beta.md"]}]}]
    assert config["plugins"] == ["search", {"macros": {"module_name": "macros"}}] and "watch" not in config
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides" and config["theme"]["variant"] == "classic"
    assert config["markdown_extensions"][-1] == {"macros.zensical": {"nonce": build.renderer.nonce}}


def yaml_load(text: str, loader: Any) -> Any:
    import yaml

    return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass


def test_content_regions_are_cleaned_by_the_markdown_extension(course: Path) -> None:
    """What the MkDocs plugin cleans in on_page_content, the Markdown extension cleans under Zensical."""
    import markdown

    build = Build.load(course, TODAY)
    assert build.renderer is not None
    region = build.renderer.region('<a href="javascript:alert(1)" onclick="x()">link</a> <script>alert(2)</script>')
    html = markdown.markdown(f"# Title\n{region}\nOur own <b>text</b>.\n", extensions=["md_in_html", "macros.zensical"], extension_configs={"macros.zensical": {"nonce": build.renderer.nonce}})
    assert "javascript:" not in html and "onclick" not in html and "<script" not in html and "fp-content" not in html
    assert ">link</a>" in html and "<b>text</b>" in html


def test_a_rebuild_reads_again_only_the_files_that_changed(course: Path) -> None:
    """`mkdocs serve` keeps one FileCache on the plugin: an unchanged file is not read and validated
    again, a changed one is (its problems reported at once), and fixing it brings the module back."""
    from macros.catalog import FileCache

    cache = FileCache()
    first = Build.load(course, TODAY, cache=cache)
    assert first.errors == [] and first.catalog is not None
    kept = dict(cache.entries)
    alpha = course / "content/modules/alpha.yml"
    good = alpha.read_text(encoding="utf-8")
    edit(alpha, "title: Alpha module", "titel: Alpha module")
    broken = Build.load(course, TODAY, cache=cache)
    assert [error.path for error in broken.errors] == ["content/modules/alpha.yml"] and "titel" in str(broken.errors[0])
    assert broken.catalog is not None and "alpha" not in broken.catalog.modules
    beta = ("content/modules/beta.yml", "Module")
    assert cache.entries[beta][1] is kept[beta][1], "the unchanged file's document is the one read before"
    alpha.write_text(good, encoding="utf-8")
    fixed = Build.load(course, TODAY, cache=cache)
    assert fixed.errors == [] and fixed.catalog is not None and fixed.catalog.modules["alpha"].title == "Alpha module"
    assert fixed.catalog.modules == Build.load(course, TODAY).catalog.modules, "the same catalog as without the cache"
