"""Our scripts and styles, minified in the built site only.

docs/assets/ keeps the readable sources (comments and all); after a build, every .js and .css file
of ours in the site's assets/ is rewritten in place, shorter. Scripts go through tdewolff's minifier
(the Go library Hugo uses, its own Python binding): comments and whitespace out, and the names local
to a function shortened, which a script's gzip size feels most (a module page's scripts went from
7 080 to 6 329 B gzip against rjsmin's whitespace-only pass); globals, properties and the FP
namespace keep their names, so what runs is the source's logic under shorter local names. Styles go
through rcssmin (tdewolff saved 16 B there: not worth a second tool's quirks). Material's own files
and the vendored ones are already minified and left alone. A module page's scripts and
styles must stay within 6 KB gzip (tests/browser/test_page_weight.py); this is part of that.
"""

from __future__ import annotations

import functools
import signal
import threading
from pathlib import Path
from types import ModuleType

import rcssmin

# Under the site's assets/: Material's bundles and the vendored shims are not ours to touch.
NOT_OURS = ("javascripts", "stylesheets", "images", "vendor")


def our_assets(site_dir: Path) -> list[Path]:
    """Every .js and .css file of ours in the built site's assets/ folder."""
    assets = site_dir / "assets"
    if not assets.is_dir():
        return []
    return sorted(
        path
        for path in assets.rglob("*")
        if path.suffix in (".js", ".css") and path.is_file() and path.relative_to(assets).parts[0] not in NOT_OURS
    )


@functools.cache
def _script_minifier() -> ModuleType:
    """tdewolff's binding, loaded on first use (a build's end; `serve` never loads it).

    It starts the Go runtime inside our process, and its threads would otherwise accept SIGINT: the
    kernel may hand a Ctrl-C to one of them, and a main thread that is sleeping or waiting would not
    see it. The Go runtime keeps the signal mask its threads start with, so they start with Ctrl-C
    and SIGTERM blocked, and only our main thread receives them, as before the binding was loaded
    (tests/unit/test_minify.py reads every thread's mask).
    """
    blockable = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM}) if blockable else None
    try:
        import minify
    finally:
        if previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    return minify


def minified(text: str, suffix: str) -> str:
    """`text` (a script for ".js", a stylesheet for ".css") without comments and needless whitespace."""
    if suffix == ".js":
        return _script_minifier().string("application/javascript", text).strip() + "\n"
    return rcssmin.cssmin(text).strip() + "\n"


def minify_assets(site_dir: Path) -> list[Path]:
    """Minify our assets in `site_dir` in place (a built site, never docs/); returns the files done."""
    done = []
    for path in our_assets(site_dir):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"{path}: not UTF-8 text, so it cannot be minified") from exc
        try:
            small = minified(text, path.suffix)
        except Exception as exc:  # the Go minifier's parse errors come as a plain exception
            raise ValueError(f"{path}: cannot be minified: {exc}") from exc
        if small != text:
            path.write_text(small, encoding="utf-8")
        done.append(path)
    return done
