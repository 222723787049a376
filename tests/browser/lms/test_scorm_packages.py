"""The SCORM zips `python -m macros scorm` writes: names, manifests (parsed as XML, checked against
the standards' minimum), every listed file present and every present file listed, what a module
package holds and how its links to the rest of the site read."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from macros import scorm
from macros.catalog import load_catalog
from tests.conftest import REPO

CP12 = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADL12 = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
CP2004 = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
ADL2004 = "{http://www.adlnet.org/xsd/adlcp_v1p3}"
MODULE = "coaching"


@pytest.fixture(scope="module")
def catalog():
    catalog, errors = load_catalog(REPO)
    assert not errors
    return catalog


def read(zip_path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(zip_path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_one_zip_per_module_and_one_for_the_course_in_both_versions(scorm_dist: Path, catalog) -> None:
    names = sorted(path.name for path in scorm_dist.iterdir())
    expected = sorted(
        [f"module-{module_id}-{suffix}.zip" for module_id in catalog.modules for suffix in ("scorm12", "scorm2004")]
        + ["course-scorm12.zip", "course-scorm2004.zip"]
    )
    assert names == expected


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
@pytest.mark.parametrize("package", [f"module-{MODULE}", "course"])
def test_manifest_at_the_root_lists_every_file_and_nothing_else(scorm_dist: Path, package: str, version: str) -> None:
    files = read(scorm_dist / f"{package}-{version}.zip")
    assert "imsmanifest.xml" in files
    root = ET.fromstring(files["imsmanifest.xml"])
    cp, adl = (CP12, ADL12) if version == "scorm12" else (CP2004, ADL2004)
    assert root.tag == f"{cp}manifest"
    assert re.fullmatch(r"[A-Za-z_][\w.-]*", root.get("identifier"))  # xs:ID
    assert root.findtext(f"{cp}metadata/{cp}schema") == "ADL SCORM"
    assert root.findtext(f"{cp}metadata/{cp}schemaversion") == ("1.2" if version == "scorm12" else "2004 4th Edition")

    organizations = root.find(f"{cp}organizations")
    organization = organizations.find(f"{cp}organization")
    assert organizations.get("default") == organization.get("identifier")
    item = organization.find(f"{cp}item")
    assert item.findtext(f"{cp}title")
    resources = root.findall(f"{cp}resources/{cp}resource")
    assert [resource.get("identifier") for resource in resources] == [item.get("identifierref")]
    resource = resources[0]
    assert resource.get("type") == "webcontent"
    assert resource.get(f"{adl}{'scormtype' if version == 'scorm12' else 'scormType'}") == "sco"
    assert resource.get("href") == "fp-launch.html"
    listed = [file.get("href") for file in resource.findall(f"{cp}file")]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(name for name in files if name != "imsmanifest.xml")
    # No mastery score: it would let a SCORM 1.2 LMS turn "incomplete" into "failed".
    assert b"masteryscore" not in files["imsmanifest.xml"]
    ids = [element.get("identifier") for element in root.iter() if element.get("identifier")]
    assert len(ids) == len(set(ids))


def test_the_launch_page_names_the_version_modules_and_start(scorm_dist: Path, catalog) -> None:
    launch = read(scorm_dist / f"module-{MODULE}-scorm2004.zip")["fp-launch.html"].decode()
    assert 'data-fp-scorm="2004"' in launch and f'data-fp-modules="{MODULE}"' in launch
    assert f'data-fp-start="modules/{MODULE}.html"' in launch and 'data-fp-fail="incomplete"' in launch
    assert '<script src="assets/fp/scorm.js"></script>' in launch
    course = read(scorm_dist / "course-scorm12.zip")["fp-launch.html"].decode()
    quizzed = [module_id for module_id in catalog.modules if module_id in catalog.quizzes]
    assert f'data-fp-modules="{" ".join(quizzed)}"' in course and 'data-fp-kind="course"' in course
    assert 'data-fp-start="index.html"' in course


def test_a_module_package_holds_its_page_and_what_it_loads(scorm_dist: Path, catalog) -> None:
    files = read(scorm_dist / f"module-{MODULE}-scorm12.zip")
    pages = sorted(name for name in files if name.endswith(".html"))
    assert pages == ["fp-launch.html", f"modules/{MODULE}.html"]
    page = files[f"modules/{MODULE}.html"].decode()
    assert f'data-quiz="{MODULE}"' in page  # the quiz is on the module page
    # Every file the page names is in the package (styles, scripts, icon), scorm.js last.
    for ref in re.findall(r'<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"', page):
        if not re.match(r"[a-z]+:", ref):
            assert f"modules/{ref}".replace("modules/../", "") in files, ref
    assert page.rindex('src="../assets/fp/scorm.js"') > page.rindex('src="../assets/fp/site.js"')
    assert 'href="../assets/fp/package.css"' in page
    # What Material loads itself: the search worker and an index of this page only.
    assert any(name.startswith("assets/javascripts/workers/search.") for name in files)
    index = json.loads(files["search/search_index.json"])
    assert {doc["location"].split("#")[0] for doc in index["docs"]} == {f"modules/{MODULE}.html"}
    assert files["search/search_index.js"].startswith(b"var __index = ")
    # Nothing of the rest of the site, and no source maps.
    assert not any(name.endswith(".map") for name in files)
    assert "assets/fp/team-page.js" not in files


def test_links_to_pages_outside_a_module_package_say_so(scorm_dist: Path) -> None:
    files = read(scorm_dist / f"module-{MODULE}-scorm12.zip")
    page = files[f"modules/{MODULE}.html"].decode()
    for href in re.findall(r'<a\b[^>]*\bhref="([^"]*)"', page):
        target = href.split("#")[0]
        assert not target or re.match(r"https?:|mailto:", target) or f"modules/{target}" in files or target == f"{MODULE}.html", href
    # A module the text links to is plain text with the note.
    assert re.search(r'<span[^>]*class="[^"]*fp-off-package[^"]*"[^>]*>[^<]*<span class="fp-off-package-note">\(Not in this package\)</span></span>', page) or \
        re.search(r'fp-off-package[^>]*>.*?\(Not in this package\)', page, re.S)
    assert page.count("Not in this package") > 5


def test_the_course_package_holds_the_whole_site_and_keeps_its_links(scorm_dist: Path, catalog) -> None:
    files = read(scorm_dist / "course-scorm2004.zip")
    for module_id in catalog.modules:
        page = files[f"modules/{module_id}.html"].decode()
        assert "Not in this package" not in page
        assert '<script src="../assets/fp/scorm.js"></script>' in page
    for name in ("index.html", "progress.html", "assigned.html", "glossary.html", "search/search_index.js"):
        assert name in files
    assert '<script src="assets/fp/scorm.js"></script>' in files["index.html"].decode()


def test_zips_are_the_same_for_the_same_site(tmp_path: Path, scorm_dist: Path) -> None:
    package = scorm.Package("x", "fp-x", "A & B <c>", "1.2", "1.0", {"fp-launch.html": b"<html></html>", "a b/é.html": b"x"})
    first = scorm.write_zip(package, tmp_path).read_bytes()
    (tmp_path / "x.zip").unlink()
    assert scorm.write_zip(package, tmp_path).read_bytes() == first
    root = ET.fromstring(read(tmp_path / "x.zip")["imsmanifest.xml"])
    assert root.find(f"{CP12}organizations/{CP12}organization/{CP12}title").text == "A & B <c>"
    assert sorted(f.get("href") for f in root.iter(f"{CP12}file")) == ["a b/é.html", "fp-launch.html"]


def test_off_package_links_keep_other_sites_and_anchors() -> None:
    files = {"modules/a.html": b"", "modules/b.html": b"", "assets/x.pdf": b""}
    text = (
        '<a href="b.html#top" class="md-nav__link">Module <em>B</em></a> <a href="#here">here</a> <a href="a.html#x">self</a>'
        ' <a href="https://example.org/">out</a> <a href="../assets/x.pdf">pdf</a> <a href="../index.html" class="md-logo"><svg/></a>'
    )
    out = scorm.off_package_links(text, "modules/a.html", {"modules/a.html"}, files)
    assert '<span class="md-nav__link fp-off-package" title="Not in this package">Module <em>B</em> <span class="fp-off-package-note">(Not in this package)</span></span>' in out
    assert '<a href="#here">here</a>' in out and '<a href="a.html#x">self</a>' in out
    assert '<a href="https://example.org/">out</a>' in out and '<a href="../assets/x.pdf">pdf</a>' in out
    assert '<span class="md-logo fp-off-package" title="Not in this package"><svg/><span class="fp-off-package-sr">Not in this package</span></span>' in out


def test_a_fail_status_other_than_incomplete_or_failed_is_refused(tmp_path: Path) -> None:
    with pytest.raises(scorm.ScormError, match="incomplete, failed"):
        scorm.packages(REPO, tmp_path, fail_status="browsed")


def test_the_launch_page_carries_the_fail_status_and_escapes_its_title() -> None:
    page = scorm.launch_page(title='Deals & "money" <now>', version="1.2", start="modules/a.html", modules=["a"], kind="module", fail_status="failed")
    assert 'data-fp-fail="failed"' in page
    assert "<title>Deals &amp; &quot;money&quot; &lt;now&gt;</title>" in page


def test_bad_content_fails_with_every_problem_and_keeps_the_old_packages(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import copy_project, edit, mkdocs_env

    project = copy_project(tmp_path / "project")
    out = project / "dist" / "scorm"
    out.mkdir(parents=True)
    (out / "module-old-scorm12.zip").write_bytes(b"old")
    edit(project / "content/modules/coaching.yml", "title:", "title: [")
    result = subprocess.run([sys.executable, "-m", "macros", "--root", str(project), "scorm"], cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "content/modules/coaching.yml:" in result.stderr and "Traceback" not in result.stderr
    assert "scorm failed; the previous dist/scorm/ is unchanged" in result.stderr
    assert [path.name for path in out.iterdir()] == ["module-old-scorm12.zip"]
