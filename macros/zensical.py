"""Zensical adapter: the same pipeline, written out as a plain project that Zensical builds natively.

Zensical reads mkdocs.yml but runs no custom plugins and no hooks, so `python -m macros zensical`
runs the pipeline first: it copies docs/ and overrides/ into a build folder (`build/zensical/`,
gitignored, never docs/), writes every generated page there, and a config that is mkdocs.yml with
the course nav written out and the `frontline` plugin left out; then it runs Zensical's build in
this process. Zensical calls `define_env` (Zensical's macros, module `macros`) for every page that
has macros; it reads this run's `Build` from the project folder (`build_for`). What our plugin does in
`on_page_content` (cleaning content regions with the allow-list) is a Markdown postprocessor here
(`CleanContentExtension`), which Zensical, like MkDocs, runs on every page.
"""

from __future__ import annotations

import datetime as dt
import logging
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from .bundle import named_in, write_bundle
from .errors import ContentError
from .minify import minify_assets
from .pages import Build, copy_docs, write_pages
from .render import clean_regions

BUILD_FOLDER = Path("build/zensical")
# Overrides that are edited copies of Material 9.8's own partials (each says so in its first line,
# `{#- Material's ... partial (9.8.1) ...`): Zensical's theme has other markup and template
# objects there (its search is a button opening its own dialog; its nav has no `pages`, its pages
# no `file`), so they are left out of the Zensical project, and the same edits made to Zensical's
# own partials (0.0.73), in overrides/zensical/, take their place. Zensical supports `custom_dir`
# as Material does: a file there replaces the theme's file of the same path.
MATERIAL_COPY_MARK = "{#- Material's "
ZENSICAL_OVERRIDES = "zensical"  # under custom_dir; MkDocs never includes these paths
# Material copies that Zensical takes as they are: its tags partial is Material's, and its content
# partial differs from Material's only in where the tags go, which is what ours changes.
SHARED_OVERRIDES = ("partials/tags.html",)
SITE_FOLDER = Path("site-zensical")
log = logging.getLogger("mkdocs.plugins.frontline")


class ZensicalError(Exception):
    """The Zensical build could not be made: bad content, a macro error, or Zensical failed."""

    def __init__(self, message: str, errors: list[ContentError] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


# The run's `Build`, saved in the project it generated: define_env, which Zensical calls for each
# page with the project's folder (`env.project_dir`), reads it from there. The project carries its
# own build, so nothing of a run is kept in this process between calls, and two projects never meet.
BUILD_STATE = "frontline-build.pickle"


def build_for(env: Any) -> Build | None:
    """The Build saved in the project Zensical is building (its `project_dir`), or None."""
    project = getattr(env, "project_dir", None)
    if not project:
        return None
    try:
        data = (Path(project) / BUILD_STATE).read_bytes()
    except OSError:
        return None
    try:
        build = pickle.loads(data)  # noqa: S301 - written by generate() into this build folder
    except (pickle.UnpicklingError, AttributeError, ImportError, EOFError, TypeError, ValueError):
        return None  # left by another version of macros/: `make zensical` writes it again
    return build if isinstance(build, Build) else None


@dataclass
class Project:
    """A generated Zensical project: its folder, its config, and the pages the pipeline wrote."""

    folder: Path
    config: Path
    generated: list[str] = field(default_factory=list)


def generate(build: Build, folder: Path, config_file: Path) -> Project:
    """Write the project for `build` into `folder`: docs/ (hand-written plus generated pages),
    overrides/, and mkdocs.yml with the explicit nav. Pure files: any generator may read them."""
    root = build.root
    folder.mkdir(parents=True, exist_ok=True)
    config = read_config(config_file)
    nav_after = "overview.md"
    plugins = []
    for plugin in config.get("plugins") or []:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name == "frontline":
            options = plugin.get("frontline") if isinstance(plugin, dict) else None
            nav_after = (options or {}).get("nav_after", nav_after)
            continue  # Zensical would ignore it silently; its work is done here
        plugins.append(plugin)
    config["plugins"] = plugins
    config["nav"] = build.nav(config.get("nav"), nav_after)
    source_docs = config_file.parent / config.get("docs_dir", "docs")
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config.pop("watch", None)
    theme = config.get("theme") or {}
    custom_dir = theme.get("custom_dir")
    if custom_dir:
        target = folder / "overrides"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(config_file.parent / custom_dir, target)
        for override in material_copies(target):
            if override.relative_to(target).as_posix() not in SHARED_OVERRIDES:
                override.unlink()
        zensical_own = target / ZENSICAL_OVERRIDES
        if zensical_own.is_dir():
            shutil.copytree(zensical_own, target, dirs_exist_ok=True)
            shutil.rmtree(zensical_own)
        theme["custom_dir"] = "overrides"
    theme.setdefault("variant", "classic")  # Material's look (Zensical's default is "modern")
    assert build.renderer is not None
    extensions = list(config.get("markdown_extensions") or [])
    extensions.append({"macros.zensical": {"nonce": build.renderer.nonce}})
    config["markdown_extensions"] = extensions
    copy_docs(source_docs, folder / "docs")
    if named_in(config.get("extra_javascript") or []):
        try:
            write_bundle(folder / "docs")  # as the MkDocs plugin publishes it (macros/bundle.py)
        except FileNotFoundError as exc:
            raise ZensicalError(str(exc)) from exc
    pages = build.pages()
    write_pages(pages, folder / "docs")
    (folder / BUILD_STATE).write_bytes(_saved_build(build))
    config_path = folder / "mkdocs.yml"
    header = "# Generated by `python -m macros zensical` from mkdocs.yml and content/: do not edit.\n"
    config_path.write_text(header + yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return Project(folder, config_path, sorted(pages))


def _saved_build(build: Build) -> bytes:
    """The Build as define_env needs it: without the YAML documents, which only the checks read
    (positions in messages) and which are most of its size."""
    return pickle.dumps(build.without_documents(), protocol=pickle.HIGHEST_PROTOCOL)


def material_copies(overrides: Path) -> list[Path]:
    """The override templates that are edited copies of Material's partials (see MATERIAL_COPY_MARK)."""
    found = []
    for template in sorted(overrides.rglob("*.html")):
        with template.open(encoding="utf-8") as handle:
            if handle.readline().startswith(MATERIAL_COPY_MARK):
                found.append(template)
    return found


def build_site(root: Path, *, today: dt.date | None = None, folder: Path | None = None, strict: bool = True) -> Project:
    """The pipeline, then Zensical's build of its project; raises ZensicalError on any problem.
    The site is `<folder>/site`."""
    import zensical  # imported here: the MkDocs build never needs it

    folder = (folder or root / BUILD_FOLDER).resolve()
    build = Build.load(root, today or dt.date.today())
    if build.errors or build.catalog is None:
        raise ZensicalError("the course content has problems", build.errors)
    project = generate(build, folder, root / "mkdocs.yml")
    if build.notices:
        raise ZensicalError("\n".join(build.notices))
    shutil.rmtree(folder / "site", ignore_errors=True)
    reported = _Errors()
    logging.getLogger().addHandler(reported)
    try:
        zensical.build(str(project.config), {"clean": True, "strict": strict})
    except Exception as exc:  # Zensical raises its own (Rust-side) exception types
        raise ZensicalError(f"zensical build failed: {exc}") from exc
    finally:
        logging.getLogger().removeHandler(reported)
    if reported.messages:
        raise ZensicalError("\n".join(reported.messages))
    minify_assets(project.folder / "site")  # as the MkDocs build does (macros/minify.py)
    return project


class _Errors(logging.Handler):
    """Errors logged while Zensical builds (our macros' and Zensical's): they fail the build."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# --- mkdocs.yml read and written back with its tags (!ENV, !!python/name) kept as written -------


@dataclass(frozen=True)
class _Tagged:
    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_env(loader: yaml.SafeLoader, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.SequenceNode):
        return _Tagged("!ENV", loader.construct_sequence(node, deep=True))
    return _Tagged("!ENV", loader.construct_scalar(node))  # type: ignore[arg-type]


def _construct_python(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    return _Tagged(f"tag:yaml.org,2002:python/name:{suffix}", "")


def _represent(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    if isinstance(value.value, list):
        return dumper.represent_sequence(value.tag, value.value, flow_style=True)
    return dumper.represent_scalar(value.tag, value.value)


_Loader.add_constructor("!ENV", _construct_env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", _construct_python)
_Dumper.add_representer(_Tagged, _represent)


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as data, its tags kept for writing back (MkDocs' INHERIT is not followed)."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader) or {}  # noqa: S506 - a SafeLoader subclass


# --- The content cleaning, as a Markdown extension ---------------------------------------------


class _CleanContent(Postprocessor):
    def __init__(self, md: Markdown, nonce: str) -> None:
        super().__init__(md)
        self.nonce = nonce

    def run(self, text: str) -> str:
        return clean_regions(text, self.nonce)


class CleanContentExtension(Extension):
    """Cleans the regions a page's content made (see `Renderer.region`), after Markdown: what the
    MkDocs plugin does in on_page_content, for generators that run Markdown extensions only."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"nonce": ["", "the Renderer's nonce of this build"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        nonce = self.getConfig("nonce")
        if nonce:
            # after raw HTML is put back (priority 30), so the whole page's HTML is cleaned
            md.postprocessors.register(_CleanContent(md, nonce), "frontline-clean", 1)


def makeExtension(**kwargs: Any) -> CleanContentExtension:
    return CleanContentExtension(**kwargs)
