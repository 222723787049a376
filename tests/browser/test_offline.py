"""`make offline`: the course opened from disk (file://), quizzes, progress and search included."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, mkdocs_env


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("offline") / "site-offline"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.offline.yml"), "-d", str(out)],
        cwd=REPO, env=mkdocs_env(), capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    yield out


def test_offline_copy_works_from_disk(browser, offline_site: Path) -> None:
    context = browser.new_context()
    try:
        requests: list[str] = []
        errors: list[str] = []
        context.on("request", lambda request: requests.append(request.url) if not request.url.startswith(("file://", "data:", "blob:")) else None)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto((offline_site / "index.html").as_uri())
        page.locator("article").get_by_role("link", name="course overview").click()
        page.locator("article").get_by_role("link", name="Coaching: building skill").first.click()
        assert page.url.endswith("/modules/coaching.html")
        quiz = page.locator('[data-quiz="coaching"][data-bound]')
        quiz.wait_for()
        for choice in quiz.locator(".fp-choice[data-correct] input").all():
            choice.check()
        quiz.get_by_role("button", name="Check answers").click()
        assert quiz.locator(".fp-score").inner_text().startswith("✓ Passed:")
        page.goto((offline_site / "progress.html").as_uri())
        assert page.locator('[data-module-status="coaching"]').inner_text().startswith("✓ Passed on")

        page.keyboard.press("/")
        page.keyboard.type("forecast")
        result = page.locator(".md-search-result__item a").first
        result.wait_for(state="attached")
        assert result.get_attribute("href").startswith("file://") or result.get_attribute("href").endswith(".html")

        page.goto((offline_site / "assign.html").as_uri())
        page.get_by_label("Manager's name").fill("Dana")
        page.get_by_label("Path", exact=True).select_option("coaching-intensive")
        page.get_by_role("button", name="Make the assignment link").click()
        link = page.locator("#fp-assign-link").input_value()
        assert link.startswith((offline_site / "assigned.html").as_uri() + "#assignment=")
        assert requests == [] and errors == []
    finally:
        context.close()
