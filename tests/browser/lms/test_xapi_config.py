"""The site's own LRS (mkdocs.yml extra.frontline.xapi): checked, and written into the launcher."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.xapi import PLACEHOLDER, launcher_with, site_lrs
from tests.conftest import REPO, copy_project, mkdocs_env


def test_nothing_configured_is_no_lrs() -> None:
    assert site_lrs({}) is None
    assert site_lrs({"generator": False}) is None
    assert site_lrs({"frontline": {}}) is None
    assert site_lrs({"frontline": {"xapi": None}}) is None


def test_an_lrs_is_checked() -> None:
    assert site_lrs({"frontline": {"xapi": {"endpoint": " https://lrs.example.com/xAPI/ ", "auth": "Basic abc"}}}) == {
        "endpoint": "https://lrs.example.com/xAPI/", "auth": "Basic abc",
    }
    with pytest.raises(ValueError, match=r"extra\.frontline\.xapi\.endpoint: missing"):
        site_lrs({"frontline": {"xapi": {"auth": "Basic abc"}}})
    with pytest.raises(ValueError, match=r"extra\.frontline\.xapi\.endpoint: expected an http:// or https:// address"):
        site_lrs({"frontline": {"xapi": {"endpoint": "lrs.example.com"}}})
    with pytest.raises(ValueError, match=r"unknown setting actor; known: endpoint, auth, homepage"):
        site_lrs({"frontline": {"xapi": {"endpoint": "https://lrs.example.com/", "actor": "x"}}})
    with pytest.raises(ValueError, match=r"extra\.frontline\.xapi: expected the LRS's settings"):
        site_lrs({"frontline": {"xapi": "https://lrs.example.com/"}})


def test_the_launcher_gets_the_lrs_as_data() -> None:
    text = (REPO / "docs/assets/fp/lrs.js").read_text(encoding="utf-8")
    assert PLACEHOLDER in text
    out = launcher_with(text, {"endpoint": "https://lrs.example.com/</script>"})
    assert 'FP.lrs = {"endpoint": "https://lrs.example.com/<\\/script>"};' in out


def test_a_build_with_an_lrs_writes_it_into_the_launcher_and_a_bad_one_fails(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("extra:\n", "extra:\n  frontline:\n    xapi:\n      endpoint: https://lrs.example.com/xAPI/\n", 1), encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")]
    result = subprocess.run(command, cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    launcher = (tmp_path / "site/assets/fp/site.js").read_text(encoding="utf-8")  # lrs.js is part of it (macros/bundle.py)
    # The built site's scripts are minified (macros/minify.py: local names shortened, spaces and the
    # quotes of plain keys dropped): compare the written object, however the minifier spells it.
    assert '.lrs={endpoint:"https://lrs.example.com/xAPI/"}' in launcher.replace(" ", "").replace('"endpoint":', "endpoint:")

    config.write_text(text.replace("extra:\n", "extra:\n  frontline:\n    xapi:\n      endpoint: ftp://lrs\n", 1), encoding="utf-8")
    result = subprocess.run(command, cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "mkdocs.yml: extra.frontline.xapi.endpoint: expected an http:// or https:// address, got 'ftp://lrs'" in result.stdout + result.stderr
