"""Role-play kits in the built site: the index and one page per kit, linked both ways, the rep's brief out of search."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

from macros.catalog import load_catalog
from tests.conftest import REPO, Site

CATALOG, _ = load_catalog(REPO)


def article(site: Site, url: str) -> str:
    html = (site.root / url / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"): html.index("</article>")]


def links(html: str, base: str) -> list[str]:
    """Site-relative targets of the article's links (fragments dropped)."""
    return [urlparse(urljoin(f"http://x/{base}", href)).path.lstrip("/") for href in re.findall(r'href="([^"#][^"]*)"', html) if not href.startswith("http")]


def exists(site: Site, target: str) -> bool:
    path = site.root / target
    return (path / "index.html").exists() if target.endswith("/") or not target else path.exists()


def test_the_index_lists_every_kit_and_every_link_resolves(site: Site) -> None:
    html = article(site, "roleplays")
    for kit in CATALOG.roleplays.values():
        assert f'href="{kit.id}/"' in html, kit.id
    targets = links(html, "roleplays/")
    assert targets and all(exists(site, target) for target in targets), [t for t in targets if not exists(site, t)]


def test_each_kit_page_has_three_parts_and_links_back_to_its_module(site: Site) -> None:
    for kit in CATALOG.roleplays.values():
        html = article(site, f"roleplays/{kit.id}")
        assert html.count('class="fp-roleplay-part fp-print-part') == 3, kit.id
        for anchor in ("managers-brief", "reps-brief", "observers-rubric"):
            assert f'id="{anchor}"' in html, (kit.id, anchor)
        assert html.count('class="fp-evidence"') == len(kit.observer.behaviours)
        assert f'href="../../modules/{kit.module}/"' in html
        targets = links(html, f"roleplays/{kit.id}/")
        assert all(exists(site, target) for target in targets), [t for t in targets if not exists(site, t)]


def test_each_module_with_a_kit_links_to_it(site: Site) -> None:
    for kit in CATALOG.roleplays.values():
        html = article(site, f"modules/{kit.module}")
        assert "Practise it:" in html and f'href="../../roleplays/{kit.id}/"' in html, kit.module
    without = next(m for m in CATALOG.modules if not CATALOG.roleplays_of(m))
    assert "Practise it:" not in article(site, f"modules/{without}")


def test_kits_are_in_the_senior_managers_tools_and_the_reps_brief_is_not_searchable(site: Site) -> None:
    html = (site.root / "roleplays/index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'): html.index('class="md-sidebar md-sidebar--secondary"')]
    assert nav.index("Tools for senior managers") < nav.index("Team view") < nav.index("Role-play kits")
    index = json.loads((site.root / "search/search_index.json").read_text(encoding="utf-8"))
    kit_docs = [doc for doc in index["docs"] if doc["location"].startswith("roleplays/")]
    assert any(doc["location"].endswith("#managers-brief") for doc in kit_docs)
    assert not [doc["location"] for doc in kit_docs if "reps-brief" in doc["location"]]
    secret = "You have told no one at work"
    assert not [doc["location"] for doc in index["docs"] if secret in doc["text"]]
    assert secret in article(site, "roleplays/first-performance-conversation")


# --- Hostile text in a kit: shown as text, never run as markup (as for modules, F1-F5) ----------

HOSTILE_TITLE = 'Kit <img src=x onerror=alert(1)> { onfocus="alert(2)" }'
HOSTILE_MOVE = 'opens with <script>window.__fpk=1</script> and *facts* <img src=y onerror=alert(3)>'


def test_hostile_text_in_a_kit_stays_text(tmp_path: Path) -> None:
    import yaml

    from tests.small_course import Page, build, check, small_project
    from tests.unit.test_roleplays import KIT

    project = small_project(tmp_path / "project")
    kit = yaml.safe_load(KIT)
    kit["title"] = HOSTILE_TITLE
    kit["summary"] = "A [script link](javascript:alert(4)) and <span onclick=\"alert(5)\">a span</span>."
    kit["rep"]["good_moves"][0]["move"] = HOSTILE_MOVE
    (project / "content/roleplays").mkdir()
    (project / "content/roleplays/practice-one.yml").write_text(yaml.safe_dump(kit, allow_unicode=True, sort_keys=False), encoding="utf-8")
    checked = check(project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for src in ("roleplays/practice-one/index.html", "roleplays/index.html", "modules/alpha/index.html"):
        text = (site / src).read_text(encoding="utf-8")
        built = Page(text)
        assert built.handlers() == [], src
        # The title is plain text: its <img src=x> never becomes an element; Markdown fields lose scripts.
        assert not [attrs for tag, attrs in built.elements if tag == "img" and attrs.get("src") == "x"], src
        assert "<script" not in text[text.index("<article"): text.index("</article>")], src
    kit_page = Page((site / "roleplays/practice-one/index.html").read_text(encoding="utf-8"))
    assert HOSTILE_TITLE in kit_page.text_in("article.md-content__inner", "h1.")
    assert any(HOSTILE_TITLE in text for text in Page((site / "modules/alpha/index.html").read_text(encoding="utf-8")).text_in("fp-practise"))
