"""`mkdocs serve` while a module file is broken: its page shows the problem, fixing it brings it back."""

from __future__ import annotations

from pathlib import Path

from tests.build.test_build import wait_for
from tests.conftest import copy_project, edit, mkdocs_serving


def test_a_broken_module_keeps_its_page_showing_the_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    module = project / "content/modules/coaching.yml"
    good = module.read_text(encoding="utf-8")
    edit(module, "\nlevel:", "\nlevell:")
    glossary = project / "docs/glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n{{ module_card('coaching') }}\n", encoding="utf-8")
    with mkdocs_serving(project) as (base, log):
        page = wait_for(f"{base}modules/coaching/", lambda text: "<article" in text)
        assert "1 problem in this module" in page and "content/modules/coaching.yml:" in page and "unknown field &#x27;levell&#x27;" in page
        assert page.count("fp-content-errors") == 1, "the module's own problems, not the banner again"
        assert 'href="./"' in page or "modules/coaching/" in page  # it is in the nav, where the author looks
        # a path naming the module says so in one line and shows its other steps
        path = wait_for(f"{base}paths/coaching-intensive/", lambda text: "<article" in text)
        assert path.count("Not shown until fixed: coaching (content/modules/coaching.yml has problems)") == 1
        assert "This page cannot be shown" not in path and "fp-content-errors" in path

        # a hand-written page calling a macro with it: one line, naming the file to fix
        mention = wait_for(f"{base}glossary/", lambda text: "<article" in text)
        assert mention.count("module &#x27;coaching&#x27; is not shown: content/modules/coaching.yml has problems") == 1

        module.write_text(good, encoding="utf-8")
        page = wait_for(f"{base}modules/coaching/", lambda text: "fp-content-errors" not in text and "<article" in text)
        assert "Conversation guide" in page
        wait_for(f"{base}paths/coaching-intensive/", lambda text: "Not shown until fixed" not in text)
        wait_for(f"{base}glossary/", lambda text: "is not shown" not in text and 'href="../modules/coaching/"' in text)
    output = log[0]
    assert "Traceback" not in output, output
    problems = [line for line in output.splitlines() if line.startswith("ERROR") and "coaching" in line]
    # one line for the file itself (per rebuild), nothing cascading from pages that mention it
    assert problems and all("content/modules/coaching.yml" in line for line in problems), problems
    assert not [line for line in output.splitlines() if "paths_overview()" in line or "KeyError" in line]
