"""Our scripts and styles, minified in the built site only.

docs/assets/ keeps the readable sources (comments and all); after a build, every .js and .css file
of ours in the site's assets/ is rewritten in place with comments and needless whitespace removed
(rjsmin and rcssmin: no renaming, no reordering, so what runs is the source, only shorter). Material's
own files and the vendored ones are already minified and left alone. A module page's scripts and
styles must stay within 6 KB gzip (tests/browser/test_page_weight.py); this is part of that.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

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


def minified(text: str, suffix: str) -> str:
    """`text` (a script for ".js", a stylesheet for ".css") without comments and needless whitespace."""
    if suffix == ".js":
        return rjsmin.jsmin(text).strip() + "\n"
    return rcssmin.cssmin(text).strip() + "\n"


def minify_assets(site_dir: Path) -> list[Path]:
    """Minify our assets in `site_dir` in place (a built site, never docs/); returns the files done."""
    done = []
    for path in our_assets(site_dir):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"{path}: not UTF-8 text, so it cannot be minified") from exc
        small = minified(text, path.suffix)
        if small != text:
            path.write_text(small, encoding="utf-8")
        done.append(path)
    return done
