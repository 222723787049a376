"""SCORM packages of the course: one zip per module and one for the whole course, each in SCORM 1.2
and SCORM 2004 4th edition, for an LMS to import (`python -m macros scorm`, `make scorm`).

The site is built once by the usual pipeline (MkDocs with the frontline plugin) from
mkdocs.offline.yml: `.html` URLs and no instant navigation, so every page works from any folder an
LMS unpacks the zip into. Each package then takes the pages it holds and the files they load:

- `fp-launch.html` at the zip root is the SCO the manifest launches. It runs
  docs/assets/fp/scorm.js, which talks to the LMS (one session per launch, whatever page the
  learner is on) and shows the course pages in a frame filling the window. Pages navigate inside
  that frame, so moving between pages of the course package never ends the LMS session.
- Package pages load scorm.js too (the normal site never does): on a page in that frame it hands
  the quiz results to the launch page; on a page an LMS opened by itself it is the SCO itself.
- A module package holds its module page only: every link to a page of the site that is not in the
  package becomes plain text with the note "Not in this package", and its search finds that page
  only. Links to other sites stay links.
- `imsmanifest.xml` at the zip root lists every other file of the zip, written here from the
  standards' minimum (one organisation, one item, one SCO resource). No `masteryscore`: with one,
  an SCORM 1.2 LMS may turn the "incomplete" a failed attempt reports into "failed" and block a
  retry (see scorm.js for what is reported).

Nothing here prints or exits: problems raise `ScormError`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from .catalog import Catalog
from .errors import ContentError
from .pages import Build

VERSIONS = ("1.2", "2004")
LAUNCH = "fp-launch.html"
MANIFEST = "imsmanifest.xml"
SCRIPTS = ("assets/fp/scorm.js",)
PACKAGE_CSS = "assets/fp/package.css"
OFF_PACKAGE_NOTE = "Not in this package"
FAIL_STATUSES = ("incomplete", "failed")
# The date every file in a zip carries: the same content gives the same zip.
ZIP_DATE = (2026, 1, 1, 0, 0, 0)

_PACKAGE_CSS = """/* Frontline Playbook SCORM package: links to pages outside the package (macros/scorm.py). */
.fp-off-package { color: var(--md-default-fg-color--light); cursor: default; }
.fp-off-package-note { font-size: 0.85em; font-style: italic; }
/* In the header, the navigation and tag chips the note is for screen readers (and the tooltip). */
.md-header .fp-off-package-note, .md-nav .fp-off-package-note, .md-tags .fp-off-package-note, .fp-off-package-sr {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
"""


class ScormError(Exception):
    """The packages could not be made: bad content, or the site build failed."""

    def __init__(self, message: str, errors: list[ContentError] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


@dataclass
class Package:
    """One zip: its files (zip path -> bytes; the manifest is added when written)."""

    name: str  # file name stem, e.g. module-hiring-scorm12
    identifier: str
    title: str
    version: str  # "1.2" or "2004"
    content_version: str
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.name}.zip"


# --- The site -----------------------------------------------------------------------------------


def build_site(root: Path, site_dir: Path) -> None:
    """Build the offline variant of the site into `site_dir` with the project's own pipeline."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(root / "mkdocs.offline.yml"), "-d", str(site_dir)]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        output = "\n".join((result.stdout + result.stderr).strip().splitlines()[-30:])
        raise ScormError(f"the site build failed:\n{output}")


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of the built site that a package may hold (source maps and .gz copies left out)."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and not path.name.endswith((".map", ".gz")):
            files[path.relative_to(site).as_posix()] = path.read_bytes()
    return files


# --- Pages and what they load --------------------------------------------------------------------

_REF = re.compile(r'\b(?:src|href)="([^"]+)"')
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
_HREF = re.compile(r'\shref="([^"]*)"')
_TAGS = re.compile(r"<[^>]+>")
_HEAD_LINK = re.compile(r'<link\b[^>]*\brel="(?:prev|next)"[^>]*>\s*')


def _local(ref: str, page: str) -> str | None:
    """The site path `ref` (as written in `page`) points to, without query or fragment; None for
    another site, a data: URL or a link within the page."""
    ref = html.unescape(ref)
    if re.match(r"^[a-z][a-z0-9+.-]*:", ref, re.I) or ref.startswith(("//", "#")):
        return None
    path = ref.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if joined.startswith("../") or joined == "..":
        return None
    if ref.split("#", 1)[0].endswith("/") or joined == ".":
        joined = posixpath.join("" if joined == "." else joined, "index.html")
    return joined


def is_page(path: str) -> bool:
    return path.endswith(".html")


def loaded_files(pages: list[str], files: dict[str, bytes]) -> set[str]:
    """The files `pages` load: what their tags name (styles, scripts, icons, images), what those
    style sheets name, Material's search worker and index, and the app files core.js adds
    (data-fp-load/data-fp-css)."""
    needed: set[str] = set()
    for page in pages:
        text = files[page].decode("utf-8")
        for ref in _REF.findall(text):
            target = _local(ref, page)
            if target and target in files and not is_page(target):
                needed.add(target)
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', text, re.S)
        if config:
            worker = json.loads(config.group(1)).get("search")
            target = _local(worker, page) if isinstance(worker, str) else None
            if target in files:
                needed.add(target)
        for names, folder, suffix in ((r'data-fp-load="([^"]*)"', "assets/fp/", ".js"), (r'data-fp-css="([^"]*)"', "assets/fp/", ".css")):
            for found in re.findall(names, text):
                needed.update(f"{folder}{name}{suffix}" for name in found.split() if f"{folder}{name}{suffix}" in files)
    for sheet in [path for path in needed if path.endswith(".css")]:
        for ref in _CSS_URL.findall(files[sheet].decode("utf-8")):
            target = _local(ref, sheet)
            if target and target in files:
                needed.add(target)
    for index in ("search/search_index.js", "search/search_index.json"):
        if index in files:
            needed.add(index)
    return needed


def search_index(data: bytes, pages: set[str], *, script: bool) -> bytes:
    """Material's search index with only the entries of `pages`."""
    text = data.decode("utf-8")
    prefix = ""
    if script:
        match = re.match(r"\s*(var\s+__index\s*=\s*)", text)
        if not match:
            return data
        prefix, text = match.group(1), text[match.end() :].rstrip().rstrip(";")
    index = json.loads(text)
    index["docs"] = [doc for doc in index.get("docs", []) if doc.get("location", "").split("#", 1)[0] in pages]
    return (prefix + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + (";" if script else "")).encode("utf-8")


def off_package_links(text: str, page: str, pages: set[str], files: dict[str, bytes]) -> str:
    """`text` (the HTML of `page`) with every link to a site page outside `pages` made plain text
    saying so; links to other sites and to files in the package are kept."""

    def replace(match: re.Match[str]) -> str:
        attrs, inner = match.group(1), match.group(2)
        href = _HREF.search(attrs)
        if not href:
            return match.group(0)
        target = _local(href.group(1), page)
        if target is None or target in pages or (target in files and not is_page(target)):
            return match.group(0)
        kept = _HREF.sub("", attrs)
        kept = re.sub(r'\s(?:title|rel|target|hreflang|download|tabindex)="[^"]*"', "", kept)
        classes = re.search(r'\sclass="([^"]*)"', kept)
        if classes:
            kept = kept.replace(classes.group(0), f' class="{classes.group(1)} fp-off-package"')
        else:
            kept += ' class="fp-off-package"'
        words = html.unescape(_TAGS.sub("", inner)).strip()
        note = f' <span class="fp-off-package-note">({OFF_PACKAGE_NOTE})</span>' if words else f'<span class="fp-off-package-sr">{OFF_PACKAGE_NOTE}</span>'
        return f'<span{kept} title="{OFF_PACKAGE_NOTE}">{inner}{note}</span>'

    def drop(match: re.Match[str]) -> str:
        href = _HREF.search(match.group(0))
        target = _local(href.group(1), page) if href else None
        return "" if target is not None and target not in pages else match.group(0)

    return _HEAD_LINK.sub(drop, _LINK.sub(replace, text))


def with_package_files(text: str, page: str) -> str:
    """`text` (the HTML of `page`) loading the package style sheet and scorm.js."""
    up = "../" * page.count("/")
    text = text.replace("</head>", f'<link rel="stylesheet" href="{up}{PACKAGE_CSS}">\n</head>', 1)
    scripts = "".join(f'<script src="{up}{script}"></script>' for script in SCRIPTS)
    return text.replace("</body>", f"{scripts}\n</body>", 1)


def launch_page(*, title: str, version: str, start: str, modules: list[str], kind: str, fail_status: str, icon: str | None = None) -> str:
    """The SCO the manifest launches: scorm.js and a frame showing `start`."""
    esc = html.escape
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<link rel="icon" href="{esc(icon or 'data:,')}">
<style>html, body {{ margin: 0; height: 100%; overflow: hidden; }} iframe {{ display: block; border: 0; width: 100%; height: 100%; }}</style>
</head>
<body data-fp-scorm="{esc(version)}" data-fp-kind="{esc(kind)}" data-fp-start="{esc(start)}" data-fp-modules="{esc(' '.join(modules))}" data-fp-fail="{esc(fail_status)}">
<iframe id="fp-content" name="fp-content" title="{esc(title)}"></iframe>
<noscript><p>This course needs JavaScript. <a href="{esc(start)}">Open {esc(title)}</a>.</p></noscript>
<script src="assets/fp/scorm.js"></script>
</body>
</html>
"""


# --- Packages -----------------------------------------------------------------------------------


def make_package(
    files: dict[str, bytes], *, name: str, identifier: str, title: str, version: str, content_version: str,
    pages: list[str], start: str, modules: list[str], kind: str, fail_status: str, whole_site: bool,
) -> Package:
    """A package of `pages` (and, with `whole_site`, every other file of the site) from the built site."""
    page_set = set(pages)
    if whole_site:
        chosen = set(files)
    else:
        chosen = page_set | loaded_files(pages, files)
    chosen.update(path for path in SCRIPTS if path in files)
    missing = [path for path in (*pages, *SCRIPTS) if path not in files]
    if missing:
        raise ScormError(f"the built site has no {', '.join(missing)}")
    package = Package(name, identifier, title, version, content_version)
    for path in sorted(chosen):
        data = files[path]
        if is_page(path):
            text = data.decode("utf-8")
            if not whole_site:
                text = off_package_links(text, path, page_set, files)
            data = with_package_files(text, path).encode("utf-8")
        elif not whole_site and path in {"search/search_index.js", "search/search_index.json"}:
            data = search_index(data, page_set, script=path.endswith(".js"))
        package.files[path] = data
    package.files[PACKAGE_CSS] = _PACKAGE_CSS.encode("utf-8")
    icon = next((path for path in package.files if path.startswith("assets/images/favicon.")), None)
    package.files[LAUNCH] = launch_page(title=title, version=version, start=start, modules=modules, kind=kind, fail_status=fail_status, icon=icon).encode("utf-8")
    return package


def manifest(package: Package) -> str:
    """imsmanifest.xml for `package`: the standard's minimum, listing every file of the zip."""
    listed = "".join(f"\n        <file href={quoteattr(path)}/>" for path in sorted(package.files))
    title = html.escape(package.title, quote=False)
    ident = quoteattr(package.identifier)
    if package.version == "1.2":
        head = (
            f"<manifest identifier={ident} version={quoteattr(package.content_version)}\n"
            '    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"\n'
            '    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">\n'
            "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n"
        )
        scorm_type = 'adlcp:scormtype="sco"'
    elif package.version == "2004":
        head = (
            f"<manifest identifier={ident} version={quoteattr(package.content_version)}\n"
            '    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"\n'
            '    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">\n'
            "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>2004 4th Edition</schemaversion>\n  </metadata>\n"
        )
        scorm_type = 'adlcp:scormType="sco"'
    else:
        raise ValueError(f"unknown SCORM version {package.version!r}")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + head
        + '  <organizations default="fp-org">\n'
        + f'    <organization identifier="fp-org">\n      <title>{title}</title>\n'
        + f'      <item identifier="fp-item" identifierref="fp-sco" isvisible="true">\n        <title>{title}</title>\n      </item>\n'
        + "    </organization>\n  </organizations>\n"
        + f'  <resources>\n    <resource identifier="fp-sco" type="webcontent" {scorm_type} href="{LAUNCH}">'
        + listed
        + "\n    </resource>\n  </resources>\n</manifest>\n"
    )


def write_zip(package: Package, folder: Path) -> Path:
    """Write `package` with its manifest at the zip root; the same content gives the same bytes."""
    target = folder / package.filename
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        entries = {MANIFEST: manifest(package).encode("utf-8"), **package.files}
        for path, data in entries.items():
            info = zipfile.ZipInfo(path, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return target


def load_course(root: Path) -> Catalog:
    """The course, loaded by the build pipeline (`pages.Build`); every content problem raises."""
    build = Build.load(root, dt.date.today())
    if build.errors or build.catalog is None:
        raise ScormError("the course content has problems", build.errors)
    return build.catalog


def packages(root: Path, site: Path, *, fail_status: str = "incomplete", catalog: Catalog | None = None) -> list[Package]:
    """Every package (each module and the course, each in both versions) from the site built in `site`."""
    if fail_status not in FAIL_STATUSES:
        raise ScormError(f"a failed quiz is reported as one of {', '.join(FAIL_STATUSES)}, not {fail_status!r}")
    catalog = catalog or load_course(root)
    files = site_files(site)
    quizzed = [module_id for module_id in catalog.modules if module_id in catalog.quizzes]
    out = []
    for version in VERSIONS:
        suffix = "scorm12" if version == "1.2" else "scorm2004"
        for module_id, module in catalog.modules.items():
            page = f"modules/{module_id}.html"
            out.append(make_package(
                files, name=f"module-{module_id}-{suffix}", identifier=f"frontline-playbook-{module_id}-{suffix}",
                title=module.title, version=version, content_version=module.stewardship.version,
                pages=[page], start=page, modules=[module_id] if module_id in catalog.quizzes else [],
                kind="module", fail_status=fail_status, whole_site=False,
            ))
        pages = sorted(path for path in files if is_page(path))
        out.append(make_package(
            files, name=f"course-{suffix}", identifier=f"frontline-playbook-course-{suffix}", title=catalog.course.title,
            version=version, content_version="1", pages=pages, start="index.html", modules=quizzed,
            kind="course", fail_status=fail_status, whole_site=True,
        ))
    return out


def build_packages(root: Path, folder: Path, *, fail_status: str = "incomplete") -> list[Path]:
    """Check the content, build the site and write every package into `folder` (which must exist); their paths."""
    if fail_status not in FAIL_STATUSES:
        raise ScormError(f"a failed quiz is reported as one of {', '.join(FAIL_STATUSES)}, not {fail_status!r}")
    catalog = load_course(root)  # content problems listed as `check` lists them, before a build
    build = root / "build"
    build.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="scorm-site-", dir=build) as site:
        build_site(root, Path(site))
        made = packages(root, Path(site), fail_status=fail_status, catalog=catalog)
        return [write_zip(package, folder) for package in made]
