"""Rendering: module pages and cards come out as the Markdown and HTML a reader needs."""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.catalog import load_catalog
from macros.render import (
    _PLAIN_FRAGMENT, Renderer, _fragment_converter, clean_html, html_text, plain_description, plain_text, relative_link, render_markdown,
)
from tests.conftest import REPO, edit

SITE_EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "pymdownx.superfences", "pymdownx.tasklist", "toc"]


def renderer_for(root: Path, today: dt.date = dt.date(2026, 11, 23)) -> Renderer:
    catalog, errors = load_catalog(root)
    assert not errors and catalog is not None, errors
    return Renderer(catalog, today)


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=SITE_EXTENSIONS)


def test_module_page_has_every_part(course: Path) -> None:
    page = to_html(renderer_for(course).module_page("alpha"))
    for expected in [
        "<h1", "Alpha module", "<strong>alpha</strong> summary", "Do the alpha thing.",
        ">Why it matters</h2>", ">Practices</h2>", "1. First practice</h3>", "<li>Step one.</li>",
        ">Conversation guide: The alpha talk</h2>", "<blockquote>", "What happened?",
        ">Checklist: Alpha checklist</h2>", 'class="fp-checklist"', ">Scenario: Alpha case</h2>", "Something happened.",
        ">Common mistakes</h2>", "<strong>Doing it wrong</strong>", ">Notes for senior managers</h2>", "Watch for this.",
        ">Key takeaways</h2>", "Remember alpha.", ">Related modules</h2>", 'href="beta.md"', ">Further reading</h2>",
        "Version 1.0 · Last reviewed on 1 Jan 2026 by Editor",
    ]:
        assert expected in page, expected
    assert "<pre" not in page, "indented output turned into a code block"


def test_template_syntax_in_content_is_shown_literally(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "body: Why alpha matters.", "body: 'Say {{ name }} and {% raw %} out loud.'")
    page = renderer_for(course).module_page("alpha")
    assert "Say {{ name }} and {% raw %} out loud." in page


def test_plain_text_fields_are_escaped(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "title: Alpha module", "title: <script>alert(1)</script> *not bold*")
    page = to_html(renderer_for(course).module_page("alpha"))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *not bold*" in page


def test_multi_paragraph_markdown_stays_inside_its_list_item(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "          - Step one.", "          - |\n            First paragraph.\n\n            Second paragraph.")
    page = to_html(renderer_for(course).module_page("alpha"))
    assert "<li>\n<p>First paragraph.</p>\n<p>Second paragraph.</p>\n</li>" in page


def test_overdue_module_says_so_on_its_page(course: Path) -> None:
    assert "Due for review" not in renderer_for(course).module_page("alpha")
    assert "Due for review" in renderer_for(course, today=dt.date(2099, 6, 1)).module_page("alpha")


def test_card_links_relative_to_the_calling_page(course: Path) -> None:
    card = renderer_for(course).module_card("beta", "guides/deep/page.md")
    assert "(../../modules/beta.md)" in card
    assert "20 min" in card and "New managers" in card and "Beta tag" in card, "tags read as labels, not slugs"


def test_course_overview_lists_tracks_in_order(course: Path) -> None:
    html = to_html(renderer_for(course).course_overview("overview.md"))
    assert ">Basics</h2>" in html
    assert html.index("Alpha module") < html.index("Beta module")


def test_checklist_macro_and_its_errors(course: Path) -> None:
    renderer = renderer_for(course)
    html = to_html(renderer.checklist("alpha", "alpha-list"))
    assert "Alpha checklist" in html and "Check one." in html
    with pytest.raises(KeyError, match="has no checklist 'nope'; it has: alpha-list"):
        renderer.checklist("alpha", "nope")
    with pytest.raises(KeyError, match="unknown module 'alpah' \\(did you mean 'alpha'\\?\\)"):
        renderer.module_card("alpah", "index.md")


def test_a_checklist_comes_with_its_print_button_and_source_line(course: Path) -> None:
    """What page.js used to add in the browser, now in the page: the source line before the heading
    (from the module, shown on paper only), the button after it, named for a template or a checklist."""
    html = clean_html(to_html(renderer_for(course).checklist("alpha", "alpha-list"))).strip()
    assert html.startswith('<div class="fp-checklist-section fp-print-part">')
    source = html.index('<p class="fp-print-source" data-search-exclude="">From “Alpha module”, Frontline Playbook</p>')
    heading = html.index(">Checklist: Alpha checklist")
    button = html.index('<div><button type="button" class="md-button fp-print-one" data-search-exclude="">Print this checklist</button></div>')
    assert source < heading < button


def test_helpers() -> None:
    assert relative_link("modules/a.md", "index.md") == "modules/a.md"
    assert relative_link("modules/a.md", "modules/b.md") == "a.md"
    assert str(plain_text("a_b [c] <d>")) == "a\\_b \\[c\\] &lt;d&gt;"
    assert str(render_markdown("**x** <b>raw</b>")) == "<p><strong>x</strong> &lt;b&gt;raw&lt;/b&gt;</p>"


# --- What text from YAML may become (README: "What text fields may contain") --------------------


def test_plain_text_makes_no_attributes_emoji_or_strikeout() -> None:
    title = 'Coaching { autofocus tabindex="0" onfocus="alert(1)" } :smile: ~~gone~~ {#1 priority}'
    page = markdown.markdown(f"# {plain_text(title)}", extensions=[*SITE_EXTENSIONS, "pymdownx.tilde", "pymdownx.emoji"])
    assert page.split(">", 1)[0] == '<h1 id="coaching-autofocus-tabindex0-onfocusalert1-smile-gone-1-priority"'
    assert "<del>" not in page and "<img" not in page
    assert html.unescape(page.split(">", 1)[1].removesuffix("</h1>")) == title


def test_html_text_is_escaped_for_mkdocs_titles() -> None:
    assert html_text('A <b> & "q" {{ x }} it\'s') == "A &lt;b&gt; &amp; &quot;q&quot; &#123;&#123; x &#125;&#125; it's"


def test_description_is_plain_text_attribute_escaped() -> None:
    assert plain_description('Turn "hit your **number**" into [an agreement](x.md).\n\nThen `review` it.') == (
        "Turn &quot;hit your number&quot; into an agreement. Then review it."
    )
    assert plain_description("x\"><img src=x onerror=alert(1)>") == "x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
    long = plain_description("word " * 100)
    assert len(long) <= 300 and long.endswith("word…")


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>x<script>window.__fpb=1</script></p>", "<p>x</p>"),
        ('<p><img src="x" onerror="alert(1)"></p>', '<p><img src="x"></p>'),
        ('<p><a href="javascript:alert(1)">x</a></p>', "<p><a>x</a></p>"),
        ('<p><a href="data:text/html,&lt;script&gt;">x</a></p>', "<p><a>x</a></p>"),
        ('<p><a href=" JaVaScRiPt:alert(1)">x</a></p>', "<p><a>x</a></p>"),
        ('<p onclick="alert(1)" style="position:fixed">x</p>', "<p>x</p>"),
        ('<iframe src="https://example.org"></iframe><form><input autofocus onfocus="alert(1)"></form>', ""),
        ('<svg><script>alert(1)</script></svg><math><mtext>x</mtext></math>', "<svg></svg>"),
        ('<button type="submit" onclick="alert(1)" formaction="https://example.org" autofocus>x</button>', '<button type="button">x</button>'),
        ('<p id="fp-catalog">x</p><p id="FP">y</p><p id="__drawer">z</p><h2 id="why-it-matters">w</h2>', '<p>x</p><p>y</p><p>z</p><h2 id="why-it-matters">w</h2>'),
    ],
)
def test_clean_html_removes_what_the_policy_does_not_allow(dirty: str, clean: str) -> None:
    assert clean_html(dirty) == clean


def test_clean_html_keeps_what_markdown_makes(course: Path) -> None:
    text = (
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n!!! tip \"Title\"\n    Body with *em*, **strong**, `code` and [a link](https://example.org).\n\n"
        "Term\n:   Definition\n\n- one\n- two\n\n1. first\n\n<kbd>Ctrl</kbd> <sup>2</sup> <mark>m</mark> <abbr title=\"t\">T</abbr>\n"
    )
    made = markdown.markdown(text, extensions=[*SITE_EXTENSIONS, "abbr"])
    assert clean_html(made).replace(' style="text-align:left"', ' style="text-align: left;"').replace(' style="text-align:right"', ' style="text-align: right;"') == (
        made.replace("<hr />", "<hr>")
    )


def test_quiz_fragments_are_cleaned_too() -> None:
    made = str(render_markdown("[x](javascript:alert(1)){ onclick=\"alert(2)\" } and <b onclick=1>raw</b>"))
    assert made == "<p><a>x</a> and &lt;b onclick=1&gt;raw&lt;/b&gt;</p>"


def test_content_cannot_forge_the_marks_of_its_region(course: Path) -> None:
    """Content that writes a mark of its own cannot leave the cleaned region: the marks carry a
    nonce drawn for each build."""
    edit(course / "content/modules/alpha.yml", "summary: The **alpha** summary.", "summary: '<!--fp-content-end--> <img src=x onerror=alert(1)>'")
    renderer = renderer_for(course)
    page = renderer.clean_page(to_html(renderer.module_page("alpha")))
    assert 'onerror' not in page and "<!--fp-content" not in page
    assert '<section class="fp-quiz" id="quiz-alpha"' in page, "the quiz form is ours, not cleaned away"
    assert Renderer(renderer.catalog, renderer.today).nonce != renderer.nonce


def test_further_reading_url_is_an_escaped_href(course: Path) -> None:
    edit(course / "content/modules/alpha.yml", "  - title: A book\n", "  - title: A book\n    url: https://example.com/a?b=1&c=\"2\"\n")
    page = to_html(renderer_for(course).module_page("alpha"))
    assert '<a href="https://example.com/a?b=1&amp;c=&#34;2&#34;">A book</a>, An author, 2020.' in page


# --- The fast path for plain fragments ---------------------------------------------------------

def converted(text: str) -> str:
    """What the fragment converter and the cleaning make of `text`, with no fast path and no cache."""
    converter = _fragment_converter()
    try:
        return nbsp(clean_html(converter.convert(text)))
    finally:
        converter.reset()


def nbsp(html: str) -> str:
    """nh3 writes a no-break space as `&nbsp;`, the fast path as the character: the same text."""
    return str(html).replace("&nbsp;", "\xa0")


def course_fragments() -> list[str]:
    catalog, errors = load_catalog(REPO)
    assert catalog is not None and not errors, errors
    fragments = []
    for quiz in catalog.quizzes.values():
        for question in quiz.questions:
            fragments += [question.prompt, question.scenario or "", question.explanation]
            fragments += [text for choice in question.choices for text in (choice.text, choice.feedback or "")]
    return [text for text in fragments if text]


def test_plain_fragments_of_the_course_render_as_the_converter_would() -> None:
    fragments = course_fragments()
    plain = [text for text in fragments if all(_PLAIN_FRAGMENT.fullmatch(part) for part in text.strip().split("\n\n"))]
    assert len(plain) > len(fragments) / 2, "the fast path should cover most quiz text"
    assert any(not _PLAIN_FRAGMENT.fullmatch(text) for text in fragments)
    for text in fragments:
        assert nbsp(render_markdown(text)) == converted(text), text


@pytest.mark.parametrize("text", [
    "Hello*", "*x*", "a_b_", "1. first", "- item", "# heading", "> quote", "    code", "x  ", " x", "a & b", "a &amp; b",
    "a < b", "a > b", "x\ny", "---", "===", "+ item", "[link](x)", "`code`", "a|b", "~~gone~~", "{: .class}", "Term\n: def",
    "*[HTML]: Hyper", "!image", "C# and F#", "Ask \"why\" and 'how'", "50% of reps", "café ☕", "ends with colon:",
    "a **b** c", "**b**", "a**b**c", "a **b**c", "a **b c** d", "a ** b** c", "**a *b* c**", "*a*", "a *b* c", "x **43%** y",
    "(**b**)", "**b**.", "a **b**, **c** d", "a *b**", "**b", "a ***b*** c", "**b** **c**", "a****b", "**1.** first", "*-* x",
    "**a_b**", "**a** and *b*", "a **b** *c* d\n\n**e**", "**b**\\", "*a* *", "x *a*b* y",
    "a\nb", "a\n- b", "a\n# b", "a\n===", "a\n---", "a\n  b", "a  \nb", "a\n> b", "a\n1. b", "**a\nb**", "a\n    b", "a\n: b",
    "x\n", "\nx", "x\n\ny\n", "x\n\n\ny", "x\n \ny", "x\n\n- item", "Para\n\n    code", "Para\n\nTerm\n: def", "x\n\n",
])
def test_fast_path_agrees_with_the_converter_on_edge_cases(text: str) -> None:
    assert nbsp(render_markdown(text)) == converted(text)


@settings(max_examples=300, deadline=None, database=None, derandomize=bool(os.environ.get("CI")))
@given(st.lists(st.sampled_from(list("aZ09 .,;:!?-+*#>=_`\\[](){}<>&|~'\"%@/\t\n\u00a0é☕\u2028") + ["&amp;", "http://x.y", "  "]), max_size=30).map("".join))
def test_fast_path_agrees_with_the_converter_on_generated_text(text: str) -> None:
    assert nbsp(render_markdown(text)) == (converted(text) if text else "")


@settings(max_examples=400, deadline=None, database=None, derandomize=bool(os.environ.get("CI")))
@given(st.lists(st.sampled_from(["*", "**", "***", "a", "bc", " ", " ", ".", ",", "(", ")", "!", "-", "1", "\n\n", "_", "é"]), max_size=16).map("".join))
def test_emphasis_fast_path_agrees_with_the_converter(text: str) -> None:
    assert nbsp(render_markdown(text)) == (converted(text) if text else "")


def test_tag_labels_read_as_words_and_acronyms_stand_alone() -> None:
    from macros.render import tag_label

    assert tag_label("call-coaching") == "Call coaching"
    assert tag_label("sbi") == "SBI"
    assert tag_label("30-60-90-plan") == "30-60-90 plan"
    # Search splits on spaces and hyphens only: "(PIP)" would never match a search for PIP.
    assert tag_label("performance-improvement-plan").split()[0] == "PIP"


def test_dates_read_day_short_month_year() -> None:
    import datetime as dt

    from macros.render import long_date

    assert long_date(dt.date(2026, 12, 15)) == "15 Dec 2026"
    assert long_date(dt.date(2027, 9, 1)) == "1 Sep 2027"
