"""The generator-neutral pipeline: one build's state, every generated page, and the course nav.

`Build.load` reads the course once; `Build.pages()` renders a Markdown page per module and per
learning path (front matter plus final Markdown, never template source); `Build.nav()` puts the
course into a nav list both MkDocs and Zensical read from their config. The MkDocs plugin keeps the
pages in memory (so `mkdocs serve` adds a page for a new YAML file); `write_project` writes them
as plain files, with a config holding the explicit nav, for a generator without plugins (Zensical).

Nothing here imports MkDocs, and nothing here is module-level state: each build is one `Build`,
handed to the adapters (the plugin and `define_env`), so two builds in one process never meet.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import html
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import yaml

from .catalog import MODULES_DIR, Catalog, FileCache, load_catalog
from .errors import ContentError
from .render import Renderer, html_text, module_src, path_src, plain_description, roleplay_src, tag_label

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when the wheel has it
MORE_MODULES = "More modules"
TOOLS_SECTION = "Tools for senior managers"  # the nav section (mkdocs.yml) that gets the role-play kits
ROLEPLAYS_TITLE = "Role-play kits"
ROLEPLAY_ASSETS = '<div hidden data-fp-load="" data-fp-css="roleplay"></div>'  # outside the cleaned region: our own markup


@dataclass
class Build:
    """Everything one build knows: the catalog (None only if course.yml is unusable), every
    content problem, and the renderer. Made once per build; `mkdocs serve` makes a new one per rebuild."""

    root: Path
    today: dt.date
    catalog: Catalog | None
    errors: list[ContentError]
    renderer: Renderer | None
    # Problems found while rendering generated pages (a path naming a module that failed to load).
    notices: list[str] = field(default_factory=list)
    # Learning path id -> module ids of its steps left out because their module failed to load.
    skipped: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path, today: dt.date, *, directory_urls: bool = True, nonce: str | None = None, cache: FileCache | None = None) -> Build:
        """`cache`: what the previous build of this process read (see catalog.FileCache)."""
        with _collector_paused():
            catalog, errors = load_catalog(root, cache)
        broken = _broken_modules(root, catalog, errors)
        skipped: dict[str, list[str]] = {}
        if catalog is not None and broken:
            skipped = {p.id: [s.module for s in p.steps if s.module in broken] for p in catalog.paths.values()}
            skipped = {path_id: ids for path_id, ids in skipped.items() if ids}
            catalog = _without_steps(catalog, set(broken))
        renderer = None
        if catalog is not None:
            renderer = Renderer(catalog, today, directory_urls, nonce=nonce or secrets.token_hex(8))
        return cls(root, today, catalog, errors, renderer, skipped=skipped)

    def broken_modules(self) -> dict[str, list[ContentError]]:
        """Module id -> its problems, for every module file that failed to load (while serving)."""
        return _broken_modules(self.root, self.catalog, self.errors)

    def pages(self) -> dict[str, str]:
        """Source path (relative to docs/) -> text of every generated page."""
        if self.catalog is None or self.renderer is None:
            return {}
        with _collector_paused():
            return generated_pages(self.catalog, self.renderer, self.broken_modules(), self.notices, self.skipped)

    def without_documents(self) -> Build:
        """This build without the catalog's YAML documents (every node's line and column), once the
        checks that point into them have run: rendering never reads them, and at a thousand modules
        they are most of what the garbage collector would walk on every full collection."""
        if self.catalog is None or self.renderer is None:
            return self
        catalog = dataclasses.replace(self.catalog, documents={}, quiz_documents={})
        return dataclasses.replace(self, catalog=catalog, renderer=dataclasses.replace(self.renderer, catalog=catalog))

    def nav(self, nav: list[Any] | None, nav_after: str) -> list[Any]:
        """`nav` (from mkdocs.yml) with the course's tracks and learning paths put in."""
        if self.catalog is None:
            return list(nav or [])
        return course_nav(nav, self.catalog, nav_after, broken=set(self.broken_modules()))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the catalog is read or its pages rendered: they make
    millions of objects and no garbage cycles, so the collections that the allocations trigger find
    nothing (a fifth of the loading time at 100 modules). Reference counting still frees as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _broken_modules(root: Path, catalog: Catalog | None, errors: list[ContentError]) -> dict[str, list[ContentError]]:
    loaded = catalog.modules if catalog is not None else {}
    broken: dict[str, list[ContentError]] = {}
    for error in errors:
        path = Path(error.path)
        if path.parent.as_posix() == MODULES_DIR and path.suffix in {".yml", ".yaml"} and path.stem not in loaded:
            broken.setdefault(path.stem, []).append(error)
    return broken


def _without_steps(catalog: Catalog, broken: set[str]) -> Catalog:
    """The catalog with learning-path steps naming a module that failed to load left out: while
    serving, such a path still shows the rest, and its page says which step is missing."""
    paths = {}
    for path_id, learning_path in catalog.paths.items():
        steps = [step for step in learning_path.steps if step.module not in broken]
        if len(steps) == len(learning_path.steps):
            paths[path_id] = learning_path
        elif steps:
            paths[path_id] = learning_path.model_copy(update={"steps": steps})
    return dataclasses.replace(catalog, paths=paths)


def course_nav(nav: list[Any] | None, catalog: Catalog, nav_after: str, *, broken: set[str] | None = None) -> list[Any]:
    """The nav from mkdocs.yml with the course added: a section per track (modules in course order)
    right after the page `nav_after`, in the same section as it, and a "Learning paths" section
    after the top-level entry that holds `nav_after`.

    Put `nav_after` inside a section (mkdocs.yml has `Course: [overview.md]`) so the tracks are
    nested: with `navigation.sections` every top-level section is expanded on every page, so only
    nested tracks let `navigation.prune` leave other tracks' modules out of each page's HTML.
    Modules that failed to load (`broken`, while serving) keep their place, so their page, which
    shows the problems, is where the author expects it; those in no track go under "More modules".
    """
    broken = broken or set()
    listed = {module_id for track in catalog.course.tracks for module_id in track.modules}
    # Section names are printed as HTML by Material: they get the title as escaped HTML.
    tracks: list[Any] = [
        {str(html_text(track.title)): [module_src(module_id) for module_id in track.modules if module_id in catalog.modules or module_id in broken]}
        for track in catalog.course.tracks
    ]
    more = [module_src(m.id) for m in catalog.unlisted()] + [module_src(module_id) for module_id in sorted(broken - listed)]
    if more:
        tracks.append({MORE_MODULES: more})
    paths: list[Any] = [{"Learning paths": ["paths/index.md", *[path_src(p) for p in catalog.paths]]}] if catalog.paths else []
    nav = _with_roleplays(list(nav or []), catalog)
    for number, item in enumerate(nav):
        nested = _insert_after(item, nav_after, tracks)
        if nested is not None:
            return [*nav[:number], *nested, *paths, *nav[number + 1 :]]
    return nav + tracks + paths


def _with_roleplays(nav: list[Any], catalog: Catalog) -> list[Any]:
    """`nav` with a "Role-play kits" section (its index page, then each kit) at the end of the
    senior managers' tools: the kits are run by the senior manager, or by peers, not read alone.
    Without that section in mkdocs.yml the kits get a top-level section of their own."""
    if not catalog.roleplays:
        return nav
    kits = {ROLEPLAYS_TITLE: [roleplay_src(), *[roleplay_src(kit_id) for kit_id in catalog.roleplays]]}
    for number, item in enumerate(nav):
        if isinstance(item, dict) and len(item) == 1 and isinstance(item.get(TOOLS_SECTION), list):
            return [*nav[:number], {TOOLS_SECTION: [*item[TOOLS_SECTION], kits]}, *nav[number + 1 :]]
    return [*nav, kits]


def _insert_after(item: Any, nav_after: str, addition: list[Any]) -> list[Any] | None:
    """`item` followed by `addition` if `item` is the page `nav_after`; `item` with `addition` put in
    after that page if it is a section holding it; None if `nav_after` is not in `item`."""
    if item == nav_after:
        return [item, *addition]
    if not isinstance(item, dict) or len(item) != 1:
        return None
    (title, value), = item.items()
    if value == nav_after:
        return [item, *addition]
    if isinstance(value, list):
        for number, child in enumerate(value):
            nested = _insert_after(child, nav_after, addition)
            if nested is not None:
                return [{title: [*value[:number], *nested, *value[number + 1 :]]}]
    return None


def generated_pages(
    catalog: Catalog,
    renderer: Renderer,
    broken: dict[str, list[ContentError]] | None = None,
    notices: list[str] | None = None,
    skipped: dict[str, list[str]] | None = None,
) -> dict[str, str]:
    """Source path -> text of every generated page: one per module and one per learning path, each
    its front matter and its final Markdown, rendered here rather than by a macros plugin.

    MkDocs and Material print `title` and `description` as HTML, so they are given as escaped HTML
    (the description as plain text: Markdown reduced to its words). A module whose file failed to
    load (`broken`, while serving) still gets its page, showing its problems where the author looks;
    a path's steps naming one (`skipped`: path id -> module ids) are listed in one line on its page.
    """
    notices = notices if notices is not None else []
    pages = {}
    for module in catalog.modules.values():
        src = module_src(module.id)
        # Tags as readable labels (the tag index, search and the page show them); modules rank
        # above hand-written pages that mention the same term (Material's per-page search boost).
        front_matter = {
            "title": str(html_text(module.title)),
            "description": plain_description(module.summary),
            "tags": [tag_label(tag) for tag in module.tags],
            "search": {"boost": 4},
            "render_macros": False,
        }
        pages[src] = page_source(front_matter, _body(src, lambda: renderer.module_page(module.id, src), notices))
    for module_id, problems in (broken or {}).items():
        front_matter = {"title": html.escape(module_id), "render_macros": False}
        pages[module_src(module_id)] = page_source(front_matter, f"# {html.escape(module_id)}\n\n{error_banner(problems, what='in this module')}")
    for learning_path in catalog.paths.values():
        src = path_src(learning_path.id)
        front_matter = {"title": str(html_text(learning_path.title)), "description": plain_description(learning_path.description), "render_macros": False}
        body = _body(src, lambda: f"{renderer.path_page(learning_path.id, src)}\n{renderer.browser_catalog(renderer.page_url(src))}", notices)
        missing = [module_id for module_id in (skipped or {}).get(learning_path.id, [])]
        if missing:
            names = ", ".join(f"{module_id} (content/modules/{module_id}.yml has problems)" for module_id in missing)
            body = f'<div class="admonition failure"><p>{html.escape(f"Not shown until fixed: {names}")}</p></div>\n\n{body}'
        pages[src] = page_source(front_matter, body)
    if catalog.roleplays:
        src = roleplay_src()
        front_matter = {"title": ROLEPLAYS_TITLE, "description": "Practise the course's hardest conversations in threes: briefs and an observer's rubric.", "render_macros": False}
        pages[src] = page_source(front_matter, _body(src, lambda: renderer.roleplays_page(src), notices))
    for kit in catalog.roleplays.values():
        src = roleplay_src(kit.id)
        # The rep's brief is left out of search (its heading carries data-search-exclude): a learner
        # searching for a rep's name should not land on what the manager has to find out.
        front_matter = {"title": str(html_text(kit.title)), "description": plain_description(kit.summary), "render_macros": False}
        # The kits' styles (assets/fp/roleplay.css) are loaded by core.js on these pages only.
        body = _body(src, lambda: renderer.roleplay_page(kit.id, src), notices) + f"\n{ROLEPLAY_ASSETS}"
        pages[src] = page_source(front_matter, body)
    return pages


def _body(src: str, render: Callable[[], str], notices: list[str]) -> str:
    """A generated page's Markdown, or a notice where it cannot be rendered."""
    try:
        return render()
    except KeyError as exc:
        message = exc.args[0] if exc.args else str(exc)
        notices.append(f"docs/{src}: {message}")
        return f'<div class="admonition failure"><p>{html.escape(f"This page cannot be shown: {message}")}</p></div>'


def page_source(front_matter: dict[str, Any], body: str) -> str:
    """Front matter (written by libyaml's emitter, several times faster than PyYAML's) and a body."""
    dumped = yaml.dump(front_matter, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n\n{body}\n"


def error_banner(errors: list[ContentError], *, what: str = "in the course content") -> str:
    """The problems as a failure admonition (HTML), shown while serving broken content."""
    items = "".join(f"<li><code>{html.escape(str(error))}</code></li>" for error in errors)
    return (
        '<div class="admonition failure fp-content-errors"><p class="admonition-title">'
        f"{len(errors)} problem{'s' if len(errors) != 1 else ''} {what}</p>"
        f"<ul>{items}</ul><p>Fix the files; this page reloads when they are saved.</p></div>"
    )


def write_pages(pages: dict[str, str], docs: Path) -> list[Path]:
    """Write generated pages under `docs` (a build folder, never the repository's docs/)."""
    written = []
    for src, text in sorted(pages.items()):
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def copy_docs(source: Path, docs: Path) -> None:
    """A fresh copy of the hand-written pages and assets into the build folder's docs/."""
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(source, docs, ignore=shutil.ignore_patterns("__pycache__"))
