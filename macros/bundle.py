"""The scripts every page loads, published as one file.

docs/assets/ keeps them apart, one job each (the FP namespace and storage, the xAPI launcher,
results and progress marks, the quiz, printing and wide tables); the built site has them joined, in
that order, into assets/fp/site.js, the one script mkdocs.yml names. They are classic scripts
under the FP namespace, each an IIFE, so joining them changes nothing they do: no module graph, no
transform, nothing renamed (the minifier runs afterwards, as on every file of ours). One file
compresses better than five (gzip learns the shared words once: about 1 000 B of a module page's
weight, tests/browser/test_page_weight.py) and is one request instead of five. `mkdocs serve`
joins the readable sources, so what runs while editing is what the sources say. Both generators
publish the same file: the MkDocs plugin as a generated file, the Zensical adapter in its docs copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

BUNDLE = "assets/fp/site.js"
# In the order they run: core.js first (FP.base, FP.store, FP.onEachPage), quiz.js after
# progress.js (FP.progress), page.js last.
PARTS = ("assets/fp/core.js", "assets/fp/lrs.js", "assets/fp/progress.js", "assets/quiz.js", "assets/fp/page.js")
HEADER = "/* Frontline Playbook: the scripts of every page, joined by macros/bundle.py from docs/{parts}. */\n"


def joined(read: Callable[[str], str]) -> str:
    """The bundle's text, each part read by `read(path)` (a path of PARTS) and ended by a newline."""
    texts = [HEADER.format(parts=", docs/".join(PARTS))]
    for part in PARTS:
        text = read(part)
        texts.append(text if text.endswith("\n") else text + "\n")
    return "".join(texts)


def named_in(scripts: Iterable[object]) -> bool:
    """Whether a config's extra_javascript names the bundle: entries as written in mkdocs.yml
    (a path, or a mapping with `path`) or as MkDocs holds them (ExtraScriptValue, whose str is its path)."""
    return any((script.get("path") if isinstance(script, Mapping) else str(script)) == BUNDLE for script in scripts)


def missing_parts(has: Callable[[str], bool]) -> str | None:
    """What to say when `has` does not find some parts (their docs/ paths), or None when it finds all."""
    missing = [f"docs/{part}" for part in PARTS if not has(part)]
    return f"{', '.join(missing)} missing: mkdocs.yml names {BUNDLE}, which joins them" if missing else None


def write_bundle(docs: Path) -> Path:
    """In a docs folder copy (the Zensical project's, never the repository's docs/): the bundle
    written, the parts removed, as the MkDocs build publishes them. Raises FileNotFoundError
    naming a missing part."""
    problem = missing_parts(lambda part: (docs / part).is_file())
    if problem:
        raise FileNotFoundError(problem)
    text = joined(lambda part: (docs / part).read_text(encoding="utf-8"))
    for part in PARTS:
        (docs / part).unlink()
    target = docs / BUNDLE
    target.write_text(text, encoding="utf-8")
    return target
