"""The field assignment as the browser gets it (My progress lists it, the completion record carries it)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

from macros.catalog import load_catalog
from macros.render import Renderer
from tests.conftest import REPO


def browser_modules() -> dict:
    catalog, _ = load_catalog(REPO)
    assert catalog is not None
    text = Renderer(catalog, dt.date(2026, 12, 1)).browser_catalog("progress/")
    data = json.loads(html.unescape(re.search(r'data-fp-catalog="([^"]*)"', text).group(1)))
    assert "artefacts progress-page" in text, "My progress loads artefacts.js before its own script"
    return data["modules"]


def test_each_module_carries_its_field_assignment_as_plain_text() -> None:
    catalog, _ = load_catalog(REPO)
    assert catalog is not None
    modules = browser_modules()
    for module_id, module in catalog.modules.items():
        field = modules[module_id]["fieldAssignment"]
        if module.field_assignment is None:
            assert field is None
            continue
        assert field["title"] == module.field_assignment.title
        assert field["artefact"] and "*" not in field["artefact"] and "<" not in field["artefact"], field["artefact"]
