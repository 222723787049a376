"""Turn catalog objects into page text through the Jinja templates in `templates/`.

Templates ending in `.md` produce Markdown that MkDocs renders (so headings reach the table of
contents, links are validated and text is indexed by search); plain-text fields go through the
`text` filter and are escaped, Markdown fields are inserted as Markdown, once. Templates ending in
`.html` autoescape and render Markdown fields themselves with the `markdown` filter.

Content is passed to templates as data, never as template source, so `{{` or `{%` written in a
YAML file is shown literally.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markdown as markdown_lib
from markupsafe import Markup

from . import schema
from .catalog import Catalog

TEMPLATES = Path(__file__).parent / "templates"
MODULE_DIR = "modules"

AUDIENCE_LABELS = {"new-manager": "New managers", "senior-manager": "Senior managers"}
LEVEL_LABELS = {"foundation": "Foundation", "intermediate": "Intermediate", "advanced": "Advanced"}
SECTION_TEMPLATES = {kind: f"sections/{kind}.md" for kind in schema.SECTION_KINDS}

# The scripts and styles (docs/assets/fp/<name>.js|.css, run in this order) each app page loads for
# itself, by page URL: core.js loads them where the page's catalog names them, so module pages,
# which carry no catalog, load none of them.
APP_PAGE_FILES = {
    "assign": ("app link assignments calendar assign-page", "app"),
    "assigned": ("app link assignments calendar assignment-view assigned-page", "app"),
    "progress": ("app link assignments calendar record assignment-view progress-page", "app"),
    "team": ("app link record csv team-lib team-page", "app team"),
}

# Markdown extensions for fragments rendered to HTML here (quiz text): the content subset of the site's.
FRAGMENT_EXTENSIONS = ["abbr", "attr_list", "def_list", "tables", "pymdownx.betterem", "pymdownx.tilde", "sane_lists"]


def path_src(path_id: str) -> str:
    """Source path of a learning path's generated page, relative to docs/."""
    return f"paths/{path_id}.md"


def module_src(module_id: str) -> str:
    """Source path of a module's generated page, relative to docs/."""
    return f"{MODULE_DIR}/{module_id}.md"


def relative_link(target_src: str, page_src: str) -> str:
    """A Markdown link target from the page `page_src` to the page `target_src` (both docs-relative)."""
    return posixpath.relpath(target_src, posixpath.dirname(page_src) or ".")


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]#|])")


def plain_text(value: object) -> Markup:
    """Plain text made safe for Markdown and HTML: no markup, no emphasis, shown as typed."""
    escaped = html.escape(str(value), quote=False)
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", escaped))


def indent_markdown(text: str, width: int = 4) -> str:
    """Indent every line after the first, so multi-line Markdown stays inside a list item or admonition.

    Multi-paragraph text also ends with a blank line, or the next list item would be read as a lazy
    continuation of its last paragraph.
    """
    text = str(text)
    if "\n" not in text:
        return text
    lines = text.split("\n")
    indented = "\n".join([lines[0], *[(" " * width + line) if line.strip() else "" for line in lines[1:]]])
    return indented + "\n" if "\n\n" in text else indented


# A line that fullmatches this has no Markdown in it: no character that starts an inline construct
# or an entity, not starting like a block (list, heading, quote, code, rule), no surrounding space.
# Python-Markdown turns paragraphs of such lines into `<p>` + escaped text + `</p>`; most quiz text
# is plain sentences, and a converter run costs far more than this check.
# tests/unit/test_render.py checks the equivalence on the real course and on generated text.
_INLINE_SPECIALS = r"\\`*_\[\]<>&|~{}\x00-\x1f\x7f-\x9f"
_PLAIN_FRAGMENT = re.compile(rf"[^\s\-+#=:!\d{_INLINE_SPECIALS}](?:[^{_INLINE_SPECIALS}]*[^\s{_INLINE_SPECIALS}])?")
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
# **strong** or *emphasis* around plain words, between spaces or punctuation (never inside a word).
_EMPHASIS = re.compile(r"(?<![^\s(])(\*\*?)([^\s*](?:[^*]*[^\s*])?)\1(?![^\s.,;:!?)])")
_PLAIN_RUN = re.compile(rf"[^{_INLINE_SPECIALS}]+")


def render_markdown(text: str | None) -> Markup:
    """A Markdown fragment as HTML, for `.html` templates; raw HTML in content is escaped."""
    if not text:
        return Markup("")
    return _convert_fragment(str(text))


@functools.lru_cache(maxsize=4096)
def _convert_fragment(text: str) -> Markup:
    """Fragments repeat (an explanation is shown after checking, in "Show answer" and in the printed
    answer key): each distinct text is converted once."""
    paragraphs = [_simple_paragraph(paragraph) for paragraph in _PARAGRAPH_BREAK.split(text.strip("\n"))]
    if None not in paragraphs:
        return Markup("\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))
    converter = _fragment_converter()
    try:
        return Markup(converter.convert(text))
    finally:
        converter.reset()


def _simple_paragraph(paragraph: str) -> str | None:
    """The HTML of a paragraph of plain lines, perhaps with simple **strong** or *emphasis*; None if
    it needs the converter. Lines are kept as they are (Markdown keeps a paragraph's line breaks)."""
    lines = [_simple_line(line) for line in paragraph.split("\n")]
    return None if None in lines else "\n".join(lines)  # type: ignore[arg-type]


def _simple_line(line: str) -> str | None:
    if "*" not in line:
        return html.escape(line, quote=False) if _PLAIN_FRAGMENT.fullmatch(line) else None
    if not _PLAIN_FRAGMENT.fullmatch(_EMPHASIS.sub("x", line)):
        return None
    if not all(_PLAIN_RUN.fullmatch(match[2]) for match in _EMPHASIS.finditer(line)):
        return None

    def tag(match: re.Match[str]) -> str:
        name = "strong" if match[1] == "**" else "em"
        return f"<{name}>{html.escape(match[2], quote=False)}</{name}>"

    return _EMPHASIS.sub(tag, html.escape(line, quote=False))


@functools.cache
def _fragment_converter() -> markdown_lib.Markdown:
    """One converter for every fragment: building one loads its extensions, which cost more than
    converting a quiz choice (a 10-question quiz has about 60 fragments)."""
    converter = markdown_lib.Markdown(extensions=FRAGMENT_EXTENSIONS)
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


def render_inline_markdown(text: str | None) -> Markup:
    """A one-paragraph Markdown fragment as inline HTML (for a <legend> or <label>)."""
    rendered = str(render_markdown(text))
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)


def quiz_version(quiz: schema.Quiz) -> str:
    """A short fingerprint of what a quiz asks and accepts.

    Saved results carry it, so a result from before the questions or answers changed is shown as
    from an earlier version instead of being lost or passed off as current. Rewording a prompt
    does not change it; adding a question or changing a correct answer does.
    """
    shape = [(question.id, question.kind.value, sorted(choice.id for choice in question.choices if choice.correct)) for question in quiz.questions]
    return hashlib.sha256(json.dumps([quiz.pass_mark, shape]).encode()).hexdigest()[:10]


def _plain(markdown_text: str | None) -> str:
    """Markdown as the plain text a reader sees (for the browser, which inserts it as text)."""
    if not markdown_text:
        return ""
    rendered = str(render_inline_markdown(markdown_text))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


def long_date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


@dataclass(frozen=True)
class Renderer:
    """Renders catalog content; one per build, since the catalog is loaded once per build."""

    catalog: Catalog
    today: dt.date
    directory_urls: bool = True  # MkDocs' use_directory_urls: false for the offline copy

    @property
    def env(self) -> jinja2.Environment:
        return _environment()

    def module_page(self, module_id: str, page_src: str | None = None) -> str:
        module = self.catalog.module(module_id)
        page_src = page_src or module_src(module_id)
        track = self.catalog.track_of(module_id)
        return self._render(
            "module.md",
            module=module,
            track=track,
            page_src=page_src,
            related=[self.catalog.modules[other] for other in module.related if other in self.catalog.modules],
            overdue=module.stewardship.review_by < self.today,
            quiz=self.quiz(module_id) if module_id in self.catalog.quizzes else "",
        )

    def quiz(self, module_id: str) -> str:
        """The module's self-check as an HTML block (raises KeyError when it has none)."""
        module = self.catalog.module(module_id)
        if module_id not in self.catalog.quizzes:
            raise KeyError(f"module '{module_id}' has no quiz: add quizzes/{module_id}.yml")
        quiz = self.catalog.quizzes[module_id]
        return self._render("quiz.html", quiz=quiz, module_id=module_id, version=quiz_version(quiz), module_version=module.stewardship.version)

    def module_card(self, module_id: str, page_src: str) -> str:
        return self._render("cards.md", modules=[self.catalog.module(module_id)], page_src=page_src)

    def module_cards(self, module_ids: list[str], page_src: str) -> str:
        return self._render("cards.md", modules=[self.catalog.module(module_id) for module_id in module_ids], page_src=page_src)

    def course_overview(self, page_src: str) -> str:
        tracks = [(track, self.catalog.track_modules(track)) for track in self.catalog.course.tracks]
        return self._render("overview.md", course=self.catalog.course, tracks=tracks, unlisted=self.catalog.unlisted(), page_src=page_src)

    def track_overview(self, track_id: str, page_src: str) -> str:
        track = next((track for track in self.catalog.course.tracks if track.id == track_id), None)
        if track is None:
            known = ", ".join(track.id for track in self.catalog.course.tracks)
            raise KeyError(f"unknown track '{track_id}'; known tracks: {known}")
        return self._render("cards.md", modules=self.catalog.track_modules(track), page_src=page_src)

    def progress_table(self, page_src: str) -> str:
        """One table of every module (tracks as row groups), each status mark carrying the quiz's
        current version so a result of an earlier version is marked as such."""
        tracks = [(track, self.catalog.track_modules(track)) for track in self.catalog.course.tracks]
        if self.catalog.unlisted():
            tracks.append((schema.Track(id="more", title="More modules", modules=[m.id for m in self.catalog.unlisted()]), self.catalog.unlisted()))
        versions = {module_id: quiz_version(quiz) for module_id, quiz in self.catalog.quizzes.items()}
        return self._render("progress.md", tracks=tracks, page_src=page_src, versions=versions)

    def path_page(self, path_id: str, page_src: str | None = None) -> str:
        learning_path = self.path(path_id)
        steps = [(step, self.catalog.modules[step.module]) for step in learning_path.steps]
        total = sum(module.duration for _, module in steps)
        return self._render("path.md", path=learning_path, steps=steps, total=total, page_src=page_src or path_src(path_id))

    def path(self, path_id: str) -> schema.LearningPath:
        try:
            return self.catalog.paths[path_id]
        except KeyError:
            raise KeyError(f"unknown learning path '{path_id}'; known paths: {', '.join(self.catalog.paths)}") from None

    def paths_overview(self, page_src: str) -> str:
        paths = [(p, sum(self.catalog.modules[step.module].duration for step in p.steps)) for p in self.catalog.paths.values()]
        return self._render("paths.md", paths=paths, page_src=page_src)

    def progress_bars(self, page_src: str) -> str:
        tracks = [(track.title, [m.id for m in self.catalog.track_modules(track)]) for track in self.catalog.course.tracks]
        paths = [(p.title, [step.module for step in p.steps], relative_link(path_src(p.id), page_src)) for p in self.catalog.paths.values()]
        return self._render("progress-bars.md", tracks=tracks, paths=paths)

    def assign_form(self) -> str:
        """The Assign page's tool: every module once, by track, unlisted ones under "More modules"."""
        tracks = [(track.title, self.catalog.track_modules(track)) for track in self.catalog.course.tracks]
        if self.catalog.unlisted():
            tracks.append(("More modules", self.catalog.unlisted()))
        return self._render("assign-form.html", tracks=tracks, paths=list(self.catalog.paths.values()))

    def browser_catalog(self, page_url: str) -> str:
        """What the browser needs to know of the course, as JSON in a data attribute of an empty
        element. Not in a <script>: Material's instant navigation re-creates inline scripts without
        their attributes, so a JSON script turns into one that throws. Not a fetched file: fetch
        fails from file://. Module URLs are relative to `root`, itself relative to the page."""
        depth = page_url.count("/")

        def url(src: str) -> str:
            stem = src.removesuffix(".md")
            return f"{stem}/" if self.directory_urls else f"{stem}.html"

        data = {
            "root": "../" * depth or "./",
            "assigned": url("assigned.md"),
            "progress": url("progress.md"),
            "modules": {
                module.id: {
                    "title": module.title,
                    "url": url(module_src(module.id)),
                    "version": module.stewardship.version,
                    "quiz": quiz_version(self.catalog.quizzes[module.id]) if module.id in self.catalog.quizzes else None,
                    "duration": module.duration,
                }
                for module in self.catalog.modules.values()
            },
            "paths": {
                p.id: {
                    "title": p.title,
                    "description": _plain(p.description),
                    "steps": [
                        {"module": step.module, "day": step.day, "target": step.target or f"By day {step.day}", "why": _plain(step.why)}
                        for step in p.steps
                    ],
                }
                for p in self.catalog.paths.values()
            },
            "tracks": [{"title": track.title, "modules": [m.id for m in self.catalog.track_modules(track)]} for track in self.catalog.course.tracks],
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        scripts, styles = APP_PAGE_FILES.get(page_url.removesuffix("/").removesuffix(".html"), ("", ""))
        load = f' data-fp-load="{scripts}" data-fp-css="{styles}"' if scripts else ""
        return f'<div hidden class="fp-catalog"{load} data-fp-catalog="{html.escape(text, quote=True)}"></div>'

    def checklist(self, module_id: str, checklist_id: str) -> str:
        module = self.catalog.module(module_id)
        for section in module.sections:
            if isinstance(section, schema.ChecklistSection) and section.id == checklist_id:
                return self._render("sections/checklist.md", section=section, heading="##")
        known = [section.id for section in module.sections if isinstance(section, schema.ChecklistSection) and section.id]
        raise KeyError(f"module '{module_id}' has no checklist '{checklist_id}'; it has: {', '.join(known) or 'none with an id'}")

    def _render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(catalog=self.catalog, **context)


@functools.cache
def _environment() -> jinja2.Environment:
    """One Jinja environment per process: it caches compiled templates (and reloads edited ones)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    env.filters.update(
        text=plain_text, md_indent=indent_markdown, markdown=render_markdown, inline_markdown=render_inline_markdown, long_date=long_date
    )
    env.globals.update(
        module_src=module_src,
        path_src=path_src,
        relative_link=relative_link,
        audience_labels=AUDIENCE_LABELS,
        level_labels=LEVEL_LABELS,
        section_templates=SECTION_TEMPLATES,
    )
    return env
