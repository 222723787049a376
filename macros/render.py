"""Turn catalog objects into page text through the Jinja templates in `templates/`.

Templates ending in `.md` produce Markdown that MkDocs renders (so headings reach the table of
contents, links are validated and text is indexed by search); plain-text fields go through the
`text` filter and are escaped, Markdown fields are inserted as Markdown, once. Templates ending in
`.html` autoescape and render Markdown fields themselves with the `markdown` filter.

Content is passed to templates as data, never as template source, so `{{` or `{%` written in a
YAML file is shown literally.

What text from YAML may become (README, "Writing content", states the same policy):
- Plain-text fields (titles, names, sources, owners, targets) are text everywhere: `plain_text` for
  Markdown (no emphasis, no attribute list, no emoji shortcode), `html_text` where MkDocs and
  Material expect HTML (page titles, nav sections), `plain_description` for the meta description.
- Markdown fields become HTML through Markdown, then through `clean_html`: an allow-list of tags,
  attributes and URL schemes applied by nh3 (the Ammonia sanitizer), so no script, event handler,
  `javascript:` or `data:` URL survives. Pages mark what came from content with `Renderer.region`;
  the plugin cleans those regions once per page, after Markdown (`Renderer.clean_page`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import json
import posixpath
import re
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import markdown as markdown_lib
import nh3
from markupsafe import Markup

from . import schema
from .catalog import Catalog

TEMPLATES = Path(__file__).parent / "templates"
MODULE_DIR = "modules"
ROLEPLAY_DIR = "roleplays"

AUDIENCE_LABELS = {"new-manager": "New managers", "senior-manager": "Senior managers"}
LEVEL_LABELS = {"foundation": "Foundation", "intermediate": "Intermediate", "advanced": "Advanced"}
SECTION_TEMPLATES = {kind: f"sections/{kind}.md" for kind in schema.SECTION_KINDS}
# Tags are slugs in YAML; people read these labels (tag index, search, module pages). A slug not
# listed reads as its words with a capital first letter. Search matches tags above all else and
# splits words on spaces and hyphens only, so an acronym stands alone: "PIP (...)", not "(PIP)".
TAG_LABELS = {
    "30-60-90-plan": "30-60-90 plan",
    "grow": "GROW",
    "high-impact-activities": "High-impact activities",
    "meddicc": "MEDDICC",
    "one-to-ones": "1:1s",
    "player-coach": "Player-coach",
    "performance-improvement-plan": "PIP (performance improvement plan)",
    "sbi": "SBI",
    "skill-will": "Skill or will",
    "working-with-hr": "Working with HR",
}


def format_hours(value: float) -> str:
    """Hours to one decimal, as a manager reads a calendar: `4`, `1.4`, `0.5`."""
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def total_hours(meetings: list[schema.Meeting], reps: int) -> float:
    """The manager's weekly hours on `meetings` for a team of `reps` (summed before rounding)."""
    return sum(meeting.hours_a_week(reps) for meeting in meetings)

# The scripts and styles (docs/assets/fp/<name>.js|.css, run in this order) each app page loads for
# itself, by page URL: core.js loads them where the page's catalog names them, so module pages,
# which carry no catalog, load none of them.
APP_PAGE_FILES = {
    "assign": ("app link assignments calendar assign-page", "app"),
    "assigned": ("app link assignments calendar assignment-view assigned-page", "app"),
    "progress": ("app link assignments calendar record assignment-view artefacts progress-page", "app"),
    "team": ("app link record csv team-lib team-page", "app team"),
}

# Markdown extensions for fragments rendered to HTML here (quiz text): the content subset of the site's.
FRAGMENT_EXTENSIONS = ["abbr", "attr_list", "def_list", "tables", "pymdownx.betterem", "pymdownx.tilde", "sane_lists"]


def path_src(path_id: str) -> str:
    """Source path of a learning path's generated page, relative to docs/."""
    return f"paths/{path_id}.md"


def roleplay_src(kit_id: str | None = None) -> str:
    """Source path of a role-play kit's generated page (or of the kits' index page), relative to docs/."""
    return f"{ROLEPLAY_DIR}/{kit_id or 'index'}.md"


def module_src(module_id: str) -> str:
    """Source path of a module's generated page, relative to docs/."""
    return f"{MODULE_DIR}/{module_id}.md"


def relative_link(target_src: str, page_src: str) -> str:
    """A Markdown link target from the page `page_src` to the page `target_src` (both docs-relative)."""
    return posixpath.relpath(target_src, posixpath.dirname(page_src) or ".")


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]#|])")
# Characters that Markdown extensions read but that a backslash does not escape everywhere: `{ }`
# (attr_list turns a trailing `{ onfocus=... }` into attributes, and `{#` starts a Jinja comment),
# `:` (emoji shortcodes) and `~` (pymdownx.tilde). As character references they are inert text.
_INERT = str.maketrans({"{": "&#123;", "}": "&#125;", ":": "&#58;", "~": "&#126;"})
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


def plain_text(value: object) -> Markup:
    """Plain text made safe for Markdown and HTML: no markup, no emphasis, no attributes, shown as typed."""
    escaped = html.escape(str(value), quote=False)
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", escaped).translate(_INERT))


def html_text(value: object) -> Markup:
    """Plain text as the HTML that MkDocs and Material expect of a page title or nav section name
    (they print it unescaped): the characters of HTML and of Jinja as character references.

    `"` is escaped because Material also puts titles in double-quoted attributes; `'` is left as
    it is, so a title such as "The manager's job" reads the same in tags.json and the search index.
    """
    return Markup(html.escape(str(value), quote=False).replace('"', "&quot;").translate(_BRACES))


def md_in_html_attribute(value: object) -> Markup:
    """Plain text for an attribute of raw HTML inside a `markdown` block (md_in_html).

    md_in_html parses such HTML and writes it out again, and its writer leaves a `&` alone when
    an entity name follows: `T&amp;` typed in a title would come out as `T&amp;` and read `T&`.
    Escaping every `&` once more before the usual escaping gives the title back as typed.
    """
    return Markup(html.escape(str(value).replace("&", "&amp;"), quote=True))


_TAG = re.compile(r"<[^>]*>")
DESCRIPTION_LENGTH = 300


def plain_description(markdown_text: str) -> str:
    """A Markdown field as the plain text of a `<meta name="description">`, attribute-escaped.

    Material prints the description unescaped into the attribute, so it gets HTML here: the text a
    reader sees in the rendered summary (emphasis, links and code reduced to their words), on one
    line, cut at a word boundary.
    """
    rendered = str(render_markdown(markdown_text))  # raw HTML in content is escaped, so tags here are the converter's
    text = " ".join(html.unescape(_TAG.sub("", rendered)).split())  # blocks end in newlines: words stay apart
    if len(text) > DESCRIPTION_LENGTH:
        text = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return str(html_text(text))


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


# --- The allow-list for HTML made from Markdown fields (README: "Writing content") ---------------
# What Markdown and the site's extensions produce (admonitions, tables, lists, emphasis, code,
# abbreviations, definition lists, details, headings with permalinks, Material's grid cards and
# icons), the few inline tags worth writing by hand, and the markup of our own templates that sits
# among content (cards, status and progress placeholders). Nothing else survives: no script, style,
# iframe, form or input, no event handler or inline style (but a table cell's text-align), and
# links only to http(s), mailto or addresses within the site.
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div",
    "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul",
    "progress", "svg", "path",  # a path's progress bar; Material's icons (`:material-clock-outline:`) are inline SVG
    "button",  # "Print this checklist" (templates/print-button.md): with no form and no handler allowed, it does nothing by itself
})
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href", "data-module"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "details": {"open"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan"},
    "svg": {"xmlns", "viewBox"},
    "path": {"d"},
    "progress": {"max", "value", "aria-label"},
    # Hooks of our own scripts and of Material's search, written by the templates.
    "span": {"data-module-status", "data-long"},
    "div": {"data-progress-modules"},
    "h2": {"data-search-exclude"},
    "p": {"data-search-exclude"},
    "button": {"type", "data-search-exclude"},
}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
# An id from content (`{ #anchor }`, a heading's slug) is a lower-case slug that is not one of ours:
# `fp-*` ids are our scripts' hooks (`fp-catalog`), `__*` Material's, and a capitalised id such as
# `FP` would shadow a script's global through the window's named properties.
_CONTENT_ID = re.compile(r"_?[a-z0-9][a-z0-9_.-]*")
_RESERVED_ID = re.compile(r"fp-")


def _content_attribute(element: str, attribute: str, value: str) -> str | None:
    """An allowed attribute as content may have it: ids as above, a button only of type "button"."""
    if element == "button" and attribute == "type":
        return "button"  # never a submit button, whatever a form might come to surround it
    if attribute != "id":
        return value
    return value if _CONTENT_ID.fullmatch(value) and not _RESERVED_ID.match(value) else None


_CLEANING = {
    "tags": set(ALLOWED_TAGS),
    "attributes": {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    "url_schemes": set(ALLOWED_URL_SCHEMES),
    "filter_style_properties": {"text-align"},
    "attribute_filter": _content_attribute,
    "link_rel": None,  # no rel added: links stay as MkDocs wrote them
    "strip_comments": True,
}


def clean_html(fragment: str) -> str:
    """HTML made from content, with everything outside the allow-list removed (nh3, not regexes)."""
    return nh3.clean(fragment, **_CLEANING)


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
        # Raw HTML is escaped by the converter, but links and attribute lists still make markup.
        return Markup(clean_html(converter.convert(text)))
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


def tag_label(slug: str) -> str:
    """The readable label of a tag: "call-coaching" reads "Call coaching", "sbi" reads "SBI"."""
    if slug in TAG_LABELS:
        return TAG_LABELS[slug]
    words = slug.replace("-", " ")
    return words[:1].upper() + words[1:]


def _plain(markdown_text: str | None) -> str:
    """Markdown as the plain text a reader sees (for the browser, which inserts it as text)."""
    if not markdown_text:
        return ""
    rendered = str(render_inline_markdown(markdown_text))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


def long_date(value: dt.date) -> str:
    """A date as people read it on every page: "15 Dec 2026" (the same format as FP.formatDate)."""
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{value.day} {months[value.month - 1]} {value.year}"


def clean_regions(page_html: str, nonce: str) -> str:
    """A page's HTML with every content region (marked with `nonce`, see `Renderer.region`) cleaned
    by `clean_html` and the marks removed. A function of the nonce alone, so a generator's Markdown
    extension can apply it as well as the MkDocs plugin.

    A region whose end mark is missing (content left a code block open, which escapes the mark)
    is cleaned to the end of the page.
    """
    start, end = f"<!--fp-content-{nonce}-->", f"<!--fp-content-end-{nonce}-->"
    if start not in page_html:
        return page_html
    parts = []
    rest = page_html
    while (at := rest.find(start)) >= 0:
        parts.append(rest[:at].replace(end, ""))
        rest = rest[at + len(start):]
        stop = rest.find(end)
        # Stripped: whitespace left before a page's h1 would give the search index an empty section.
        if stop < 0:
            parts.append(clean_html(rest).strip())
            return "".join(parts)
        parts.append(clean_html(rest[:stop]).strip())
        rest = rest[stop + len(end):]
    parts.append(rest.replace(end, ""))
    return "".join(parts)


@dataclass(frozen=True)
class Renderer:
    """Renders catalog content; one per build, since the catalog is loaded once per build."""

    catalog: Catalog
    today: dt.date
    directory_urls: bool = True  # MkDocs' use_directory_urls: false for the offline copy
    # Marks the regions of a page that came from content (see `region`). Random per build, so text in
    # a YAML file cannot forge a mark; the marks never reach the built site.
    nonce: str = field(default_factory=lambda: secrets.token_hex(8), compare=False, repr=False)

    @property
    def env(self) -> jinja2.Environment:
        return _environment()

    @property
    def _marks(self) -> tuple[str, str]:
        return f"<!--fp-content-{self.nonce}-->", f"<!--fp-content-end-{self.nonce}-->"

    def region(self, markdown: str) -> str:
        """Markdown made from content, between marks that survive Markdown as HTML comments, so that
        `clean_page` cleans what Markdown made of it once, whatever page it sits on."""
        start, end = self._marks
        return f"\n{start}\n\n{markdown.strip()}\n\n{end}\n"

    def hole(self, trusted_html: str) -> str:
        """Our own HTML block (a quiz form) inside a region: left out of the cleaning."""
        start, end = self._marks
        return f"{end}\n\n{trusted_html.strip()}\n\n{start}"

    def clean_page(self, page_html: str) -> str:
        """A page's HTML with every content region cleaned by `clean_html` and the marks removed."""
        return clean_regions(page_html, self.nonce)

    def page_url(self, src: str) -> str:
        """MkDocs' `page.url` of a docs-relative source file."""
        stem = src.removesuffix(".md")
        if not self.directory_urls:
            return f"{stem}.html"
        return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else f"{stem}/"

    def module_page(self, module_id: str, page_src: str | None = None) -> str:
        module = self.catalog.module(module_id)
        page_src = page_src or module_src(module_id)
        track = self.catalog.track_of(module_id)
        return self.region(self._render(
            "module.md",
            module=module,
            track=track,
            page_src=page_src,
            related=[self.catalog.modules[other] for other in module.related if other in self.catalog.modules],
            overdue=module.stewardship.review_by < self.today,
            quiz=self.hole(self.quiz(module_id)) if module_id in self.catalog.quizzes else "",
            quiz_questions=len(self.catalog.quizzes[module_id].questions) if module_id in self.catalog.quizzes else 0,
            roleplays=[(kit, relative_link(roleplay_src(kit.id), page_src)) for kit in self.catalog.roleplays_of(module_id)],
        ))

    def quiz(self, module_id: str) -> str:
        """The module's self-check as an HTML block (raises KeyError when it has none)."""
        module = self.catalog.module(module_id)
        if module_id not in self.catalog.quizzes:
            raise KeyError(f"module '{module_id}' has no quiz: add quizzes/{module_id}.yml")
        quiz = self.catalog.quizzes[module_id]
        return self._render("quiz.html", quiz=quiz, module_id=module_id, version=quiz_version(quiz), module_version=module.stewardship.version)

    def course_order(self) -> list[schema.Module]:
        """Every module once, in course order: the tracks in order, then modules in no track."""
        seen: dict[str, schema.Module] = {}
        for track in self.catalog.course.tracks:
            for module in self.catalog.track_modules(track):
                seen.setdefault(module.id, module)
        for module in self.catalog.unlisted():
            seen.setdefault(module.id, module)
        return list(seen.values())

    def _url_from(self, page_url: str, src: str) -> str:
        """The URL of page `src` relative to the page at `page_url` (for href and data-url in HTML blocks)."""
        return ("../" * page_url.count("/")) + self.page_url(src)

    def review_page(self, page_url: str) -> str:
        """The review page's session and, hidden, every module's review pool (issue 12 point 5)."""
        pools = [
            (module, self.catalog.quizzes[module.id], self._url_from(page_url, module_src(module.id)))
            for module in self.course_order()
            if module.id in self.catalog.quizzes and self.catalog.quizzes[module.id].review
        ]
        return self._render("review.html", pools=pools)

    def review_due(self, page_url: str) -> str:
        """The "Review due (N)" marker for the home page and My progress, linking to the review page."""
        modules = [m.id for m in self.course_order() if m.id in self.catalog.quizzes and self.catalog.quizzes[m.id].review]
        return self._render("review-due.html", modules=modules, href=self._url_from(page_url, "review.md"))

    def diagnostic(self, page_url: str) -> str:
        """"Where should I start?": the items flagged `diagnostic` in every quiz, in course order."""
        items, modules = [], []
        for module in self.course_order():
            quiz = self.catalog.quizzes.get(module.id)
            flagged = [q for q in (quiz.questions + quiz.review) if q.diagnostic] if quiz else []
            if flagged:
                items.extend((module, question) for question in flagged)
                modules.append((module, self._url_from(page_url, module_src(module.id))))
        if not items:
            raise KeyError("no quiz item has `diagnostic: true`; flag one or two items per module in quizzes/*.yml")
        return self._render("diagnostic.html", items=items, modules=modules)

    def module_card(self, module_id: str, page_src: str) -> str:
        return self.region(self._render("cards.md", modules=[self.catalog.module(module_id)], page_src=page_src))

    def module_cards(self, module_ids: list[str], page_src: str) -> str:
        return self.region(self._render("cards.md", modules=[self.catalog.module(module_id) for module_id in module_ids], page_src=page_src))

    def course_overview(self, page_src: str) -> str:
        tracks = [(track, self.catalog.track_modules(track)) for track in self.catalog.course.tracks]
        return self.region(self._render("overview.md", course=self.catalog.course, tracks=tracks, unlisted=self.catalog.unlisted(), page_src=page_src))

    def course_map(self, page_src: str) -> str:
        """The home page's picture of the course: every track with its modules in order."""
        tracks = [(track, self.catalog.track_modules(track)) for track in self.catalog.course.tracks]
        if self.catalog.unlisted():
            tracks.append((schema.Track(id="more", title="More modules", modules=[m.id for m in self.catalog.unlisted()]), self.catalog.unlisted()))
        return self._render("course-map.md", tracks=tracks, page_src=page_src)

    def track_overview(self, track_id: str, page_src: str) -> str:
        track = next((track for track in self.catalog.course.tracks if track.id == track_id), None)
        if track is None:
            known = ", ".join(track.id for track in self.catalog.course.tracks)
            raise KeyError(f"unknown track '{track_id}'; known tracks: {known}")
        return self.region(self._render("cards.md", modules=self.catalog.track_modules(track), page_src=page_src))

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
        # "2 only when a seat is open": how many steps apply only in some situation, per situation.
        conditional = list(Counter(step.when for step, _ in steps if step.when).items())
        return self.region(
            self._render("path.md", path=learning_path, steps=steps, total=total, conditional=conditional, page_src=page_src or path_src(path_id))
        )

    def roleplays_page(self, page_src: str | None = None) -> str:
        """The index of role-play kits, with how to run one."""
        kits = [(kit, self.catalog.modules.get(kit.module)) for kit in self.catalog.roleplays.values()]
        return self.region(self._render("roleplays.md", kits=kits, page_src=page_src or roleplay_src()))

    def roleplay_page(self, kit_id: str, page_src: str | None = None) -> str:
        """One kit: the manager's brief, the rep's brief and the observer's rubric, each printable alone."""
        try:
            kit = self.catalog.roleplays[kit_id]
        except KeyError:
            raise KeyError(f"unknown role-play kit '{kit_id}'; known kits: {', '.join(self.catalog.roleplays) or 'none'}") from None
        module = self.catalog.modules.get(kit.module)
        return self.region(self._render("roleplay.md", kit=kit, module=module, page_src=page_src or roleplay_src(kit_id)))

    def path(self, path_id: str) -> schema.LearningPath:
        try:
            return self.catalog.paths[path_id]
        except KeyError:
            raise KeyError(f"unknown learning path '{path_id}'; known paths: {', '.join(self.catalog.paths)}") from None

    def paths_overview(self, page_src: str) -> str:
        paths = [(p, sum(self.catalog.modules[step.module].duration for step in p.steps)) for p in self.catalog.paths.values()]
        return self.region(self._render("paths.md", paths=paths, page_src=page_src))

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
        url = self.page_url

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
                    # My progress lists it with a "Done" box; the completion record carries it.
                    "fieldAssignment": {"title": module.field_assignment.title, "artefact": _plain(module.field_assignment.artefact)} if module.field_assignment else None,
                }
                for module in self.catalog.modules.values()
            },
            "paths": {
                p.id: {
                    "title": p.title,
                    "description": _plain(p.description),
                    "steps": [
                        {
                            "module": step.module, "day": step.day, "target": step.target or f"By day {step.day}", "why": _plain(step.why),
                            "when": step.when or "", "artefact": step.artefact_of(self.catalog.modules[step.module]) or "",
                        }
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
                return self.region(self._render("sections/checklist.md", module=module, section=section, heading="##"))
        known = [section.id for section in module.sections if isinstance(section, schema.ChecklistSection) and section.id]
        raise KeyError(f"module '{module_id}' has no checklist '{checklist_id}'; it has: {', '.join(known) or 'none with an id'}")

    def rhythm(self, meeting_ids: list[str], page_src: str) -> str:
        """The operating rhythm's table (all meetings, or those named) for a hand-written page."""
        meetings = self.catalog.meetings(meeting_ids)
        return self._render("sections/rhythm-table.md", meetings=meetings, page_src=page_src)

    def _render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(catalog=self.catalog, **context)


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds in macros/__pycache__/templates, where Python keeps
    the package's own bytecode (and outside templates/, whose files are package data): compiling
    the templates is a twentieth of a 10-module build. Jinja checks each entry against the
    template's source and the Python version; a folder that cannot be written only means no cache."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _template_cache() -> jinja2.BytecodeCache | None:
    folder = Path(__file__).parent / "__pycache__" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _TemplateCache(str(folder), "%s.jinja")


@functools.cache
def _environment() -> jinja2.Environment:
    """One Jinja environment per process: it caches compiled templates (and reloads edited ones)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=_template_cache(),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    env.filters.update(
        text=plain_text,
        md_in_html_attribute=md_in_html_attribute,
        md_indent=indent_markdown,
        markdown=render_markdown,
        inline_markdown=render_inline_markdown,
        long_date=long_date,
        tag_label=tag_label,
    )
    env.globals.update(
        module_src=module_src,
        path_src=path_src,
        relative_link=relative_link,
        audience_labels=AUDIENCE_LABELS,
        level_labels=LEVEL_LABELS,
        section_templates=SECTION_TEMPLATES,
        frequency_labels=schema.FREQUENCY_LABELS,
        hours=format_hours,
        total_hours=total_hours,
    )
    return env
