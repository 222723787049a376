"""The site's own learning record store: `extra.frontline.xapi` in mkdocs.yml, for a site every
learner reaches without an LMS launch. Written into the xAPI launcher (docs/assets/fp/lrs.js, a part
of the published assets/fp/site.js: macros/bundle.py) at build time, so a page knows it without an
inline script or a request:

```yaml
extra:
  frontline:
    xapi:
      endpoint: https://lrs.example.com/xAPI/   # the LRS's xAPI base URL
      auth: Basic ZnA6c2VjcmV0                    # optional: the Authorization header (a write-only key: every reader of the site can see it)
      homepage: https://sso.example.com/        # optional: account.homePage of the learners' anonymous ids (default: the site)
```

With no `xapi` key nothing is written in and nothing is sent (pages opened with LMS launch
parameters still report to the LRS those name). Zensical runs no plugins: there only launch
parameters work.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

LAUNCHER = "assets/fp/lrs.js"
PLACEHOLDER = "/*lrs*/null/*lrs*/"
FIELDS = ("endpoint", "auth", "homepage")
_URL = re.compile(r"https?://[^\s\"'<>]+")


def site_lrs(extra: Any) -> dict[str, str] | None:
    """The LRS named in mkdocs.yml's `extra`, checked; None when there is none. Raises ValueError
    naming the setting and what is wrong."""
    frontline = extra.get("frontline") if isinstance(extra, Mapping) else None  # MkDocs' `extra` is a Mapping, not a dict
    config = frontline.get("xapi") if isinstance(frontline, Mapping) else None
    if config is None or config is False:
        return None
    where = "mkdocs.yml: extra.frontline.xapi"
    if not isinstance(config, Mapping):
        raise ValueError(f"{where}: expected the LRS's settings (endpoint, and optionally auth and homepage), got {config!r}")
    unknown = sorted(set(config) - set(FIELDS))
    if unknown:
        raise ValueError(f"{where}: unknown setting{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    out: dict[str, str] = {}
    for name in FIELDS:
        value = config.get(name)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{where}.{name}: expected text, got {value!r}")
        out[name] = value.strip()
    if "endpoint" not in out:
        raise ValueError(f"{where}.endpoint: missing; the LRS's xAPI address, e.g. https://lrs.example.com/xAPI/")
    for name in ("endpoint", "homepage"):
        if name in out and not _URL.fullmatch(out[name]):
            raise ValueError(f"{where}.{name}: expected an http:// or https:// address, got {out[name]!r}")
    return out


def launcher_with(text: str, lrs: dict[str, str]) -> str:
    """The launcher's source with the site's LRS written in."""
    if PLACEHOLDER not in text:
        raise ValueError(f"docs/{LAUNCHER} has no {PLACEHOLDER} to write the LRS into")
    # JSON is a JavaScript expression; "</" escaped so the text is safe anywhere.
    return text.replace(PLACEHOLDER, json.dumps(lrs, ensure_ascii=True).replace("</", "<\\/"), 1)
