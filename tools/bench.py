"""Build-time benchmark: our pipeline against stock Material building the same pages.

For each course size N this writes, in a temporary folder:

- ``ours/``: a synthetic course of N modules and quizzes in our YAML format, plus copies of the
  repository's mkdocs.yml, docs/, overrides/, macros/ and schema/; built with the `frontline` and
  `macros` plugins exactly as `make build` does;
- ``stock/``: the same pages as plain Markdown (every module, path and hand-written page rendered
  once, beforehand, with `macros.render.Renderer`), the same theme, features, Markdown extensions,
  validation and nav sections, built by stock Material with only the `search` and `tags` plugins.

Only the two `mkdocs build --strict` runs are timed (after one untimed build of each below 1000
modules), each in its own process, so the numbers
include start-up and imports, as a user sees them. Peak memory is the max RSS of that process.

    .venv/bin/python tools/bench.py --sizes 10,100,1000 --runs 3 --runs-large 2
    .venv/bin/python tools/bench.py --sizes 100 --profile 100   # also writes a cProfile of each

A benchmark, not a test: it asserts nothing about timing and never runs under pytest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import logging
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from macros import define_env  # noqa: E402
from macros.pages import Build  # noqa: E402  (the pipeline our plugin and `make zensical` run)

TODAY = dt.date.today()
TRACK_SIZE = 20
QUESTIONS = 12  # as in the real quizzes: 12 questions, a review pool of 5, one item for the Start here diagnostic
REVIEW_ITEMS = 5
# Module ids the hand-written pages link to or pass to macros; the synthetic course keeps them so
# the repository's docs/ build unchanged. `the-managers-job` comes first: index.md shows its card.
REAL_IDS = [
    "the-managers-job", "setting-expectations", "coaching", "coaching-rhythm", "pipeline-reviews",
    "performance-issues", "removing-barriers", "hiring", "onboarding", "making-training-stick",
    "developing-front-line-managers", "peer-to-boss", "keeping-your-people", "money-and-deals",
    "remote-and-multinational-teams", "team-meetings",
]
# A "What varies by country" box needs these (macros/catalog.py REQUIRED_COUNTRIES and one in Asia-Pacific).
COUNTRIES = ["United States", "United Kingdom", "Germany", "France", "Singapore"]
# index.md links to overview.md#for-senior-managers, the heading of this track on the overview.
LAST_TRACK = "For senior managers"
# Python may write bytecode: the installed packages that stock Material runs have theirs (pip
# compiles them), so our macros/ gets its own too (written by the untimed first build of each size),
# instead of being compiled from source on every build where PYTHONDONTWRITEBYTECODE is set.
BUILD_ENV = {
    **{key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
}


# --- Synthetic content ----------------------------------------------------------------------

NAMES = ["Lena", "Jonas", "Mia", "Priya", "Tomás", "Aisha", "Noah", "Sofia", "Kenji", "Elena", "Marcus", "Ines"]
TOPICS = [
    "discovery calls", "pipeline hygiene", "forecast accuracy", "territory planning", "deal reviews",
    "ride-alongs", "one-to-ones", "ramp plans", "quota setting", "objection handling", "pricing approvals",
    "account planning", "call debriefs", "win-loss reviews", "new-hire shadowing", "role plays",
]
TAG_POOL = [
    "coaching", "hiring", "onboarding", "pipeline", "forecasting", "one-to-ones", "expectations",
    "performance-management", "feedback", "time-management", "role-plays", "territory", "quota",
    "deal-reviews", "ride-alongs", "retention", "motivation", "change", "training", "player-coach",
    "recognition", "difficult-conversations", "metrics", "planning", "culture", "career-paths",
    "compensation", "interviewing", "references", "ramp", "prospecting", "negotiation",
]
SENTENCES = [
    "{name} closed **{pct}%** of forecast last quarter, but only after you joined {n} of the calls yourself.",
    "Most managers skip this step because it feels slow; it is the step that makes the rest of the week faster.",
    "Ask what the buyer said, word for word, before you ask what the rep thinks it means.",
    "Write the agreed next step down in the CRM within an hour, with a date and a named owner on the buyer's side.",
    "A rep who hears the same message from you three weeks running will start to believe it is the job.",
    "In a team of {n}, that is about {hours} hours a week, which is more than most managers spend on reporting.",
    "Review {topic} every Monday and pick the one rep who needs you most this week.",
    "If {name} cannot name the economic buyer, the deal is not at proposal, whatever the CRM says.",
    "Coach one behaviour at a time; *ten points at once means none of them changes*.",
    "The numbers tell you where to look, not what to say: the conversation is where the change happens.",
    "Book the debrief before the call, not after it, so it cannot slip behind the next urgent request.",
    "When {topic} slip, the cause is usually unclear expectations, not a lack of effort.",
    "Keep the notes short: what you saw, what it cost, and the one thing to try on the next call.",
    "Senior managers notice patterns across teams; share yours at the monthly review with two examples.",
    "A good question leaves the rep doing most of the thinking and most of the talking.",
    "Track **{pct}%** of reps on pace next to team revenue, so one star cannot hide a weak bench.",
    "New hires in their first {n} weeks need more structure than freedom, and more feedback than praise.",
    "Decide in advance what you will do if the deal slips again, and say it out loud in the review.",
]


LEADS = [
    "", "", "In week {n}, ", "On Tuesday, ", "With {name}, ", "During {topic}, ", "After the {n}th call, ",
    "In a team of {n}, ", "At quarter end, ", "When {name} asks for help, ", "Before the review, ",
]


def sentence(rng: random.Random) -> str:
    """One sentence; a lead-in and numbers keep most sentences unique, as in real text."""
    lead, text = rng.choice(LEADS), rng.choice(SENTENCES)
    text = lead + (text[:1].lower() + text[1:] if lead else text)
    return text.format(
        name=rng.choice(NAMES), pct=rng.randint(20, 95), n=rng.randint(3, 12), hours=rng.randint(4, 20), topic=rng.choice(TOPICS)
    )


def para(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def short(rng: random.Random) -> str:
    """A one-line plain-text title."""
    verb = rng.choice(["Plan", "Run", "Review", "Agree on", "Check", "Coach", "Close out", "Prepare"])
    return f"{verb} {rng.choice(TOPICS)} with {rng.choice(NAMES)}'s team"


def body(rng: random.Random, paragraphs: int, sentences: int = 4, bullets: int = 0) -> str:
    parts = [para(rng, sentences) for _ in range(paragraphs)]
    if bullets:
        parts.insert(1, "\n".join(f"- {sentence(rng)}" for _ in range(bullets)))
    return "\n\n".join(parts) + "\n"


def table(rng: random.Random, rows: int) -> str:
    lines = ["| Block | What it is for | Hours |", "|---|---|---|"]
    lines += [f"| {rng.choice(TOPICS).capitalize()} | {sentence(rng)} | {rng.randint(1, 8)} |" for _ in range(rows)]
    return f"{para(rng, 2)}\n\n" + "\n".join(lines) + f"\n\n{para(rng, 2)}\n"


def module_ids(count: int) -> list[str]:
    """The real ids first (the hand-written pages name them), then numbered synthetic ones."""
    ids = REAL_IDS[:count]
    ids += [f"{TOPICS[number % len(TOPICS)].replace(' ', '-')}-{number:04d}" for number in range(len(ids), count)]
    return ids


def make_module(module_id: str, ids: list[str], rng: random.Random) -> dict[str, Any]:
    """A module about the size and shape of one in content/modules (about 20 KB of YAML), every section kind."""
    others = [other for other in ids if other != module_id]
    return {
        "id": module_id,
        "title": f"{short(rng)} ({module_id})",
        "summary": para(rng, 3),
        "audience": rng.choice([["new-manager"], ["new-manager", "senior-manager"], ["senior-manager"]]),
        "duration": rng.randint(40, 60),  # at least the reading time and the quiz (about 35 minutes), or `check` warns
        "level": rng.choice(["foundation", "intermediate", "advanced"]),
        "tags": rng.sample(TAG_POOL, 5),
        "objectives": [sentence(rng) for _ in range(4)],
        "tomorrow": [sentence(rng) for _ in range(3)],
        "sections": [
            {"kind": "why", "body": body(rng, 3, 4, bullets=4)},
            {"kind": "text", "title": short(rng), "body": table(rng, 6)},
            {
                "kind": "practices",
                "intro": para(rng, 1),
                "items": [{"name": short(rng), "body": para(rng, 3), "steps": [sentence(rng) for _ in range(4)]} for _ in range(6)],
            },
            {
                "kind": "conversation",
                "title": short(rng),
                "when": para(rng, 2),
                "prepare": [sentence(rng) for _ in range(4)],
                "open": f'"{para(rng, 2)}"',
                "questions": [f'"{sentence(rng)}"' for _ in range(5)],
                "listen_for": [sentence(rng) for _ in range(3)],
                "close": para(rng, 2),
                "avoid": [sentence(rng) for _ in range(3)],
            },
            {
                "kind": "checklist",
                "id": f"{module_id[:50]}-checklist",
                "title": short(rng),
                "intro": para(rng, 1),
                "groups": [{"title": short(rng), "items": [sentence(rng) for _ in range(4)]} for _ in range(3)],
            },
            {"kind": "checklist", "title": short(rng), "items": [sentence(rng) for _ in range(6)]},
            {
                "kind": "scenario",
                "title": short(rng),
                "situation": body(rng, 2, 4),
                "decision": {"prompt": sentence(rng), "options": [{"text": sentence(rng), "consequence": para(rng, 2)} for _ in range(3)]},
                "approach": body(rng, 3, 4, bullets=3),
                "lesson": para(rng, 2),
            },
            {
                "kind": "country",
                "intro": para(rng, 1),
                "countries": [{"name": name, "body": para(rng, 5)} for name in COUNTRIES],
                "involve_hr": para(rng, 2),
            },
            {"kind": "rhythm", "title": short(rng), "intro": para(rng, 1), "meetings": ["one-to-one", "pipeline-review"]},
            {"kind": "mistakes", "items": [{"mistake": short(rng), "instead": para(rng, 2)} for _ in range(5)]},
            {"kind": "senior-notes", "body": para(rng, 2), "items": [sentence(rng) for _ in range(4)]},
        ],
        "field_assignment": {
            "title": short(rng),
            "steps": [sentence(rng) for _ in range(4)],
            "artefact": sentence(rng),
            "review_questions": [sentence(rng) for _ in range(3)],
        },
        "takeaways": [sentence(rng) for _ in range(5)],
        "related": rng.sample(others, min(6, len(others))),
        "further_reading": [
            {"title": short(rng), "source": f"{rng.choice(NAMES)} Example, Sales Management Review, {rng.randint(2005, 2025)}", "note": sentence(rng)}
            | ({"url": f"https://example.org/reading/{module_id}/{number}"} if number % 2 else {})
            for number in range(9)
        ],
        "stewardship": {
            "owner": "Sales Enablement",
            "version": f"1.{rng.randint(0, 9)}",
            "last_reviewed": TODAY - dt.timedelta(days=30),
            "reviewed_by": rng.choice(NAMES) + " Example",
            "review_by": TODAY + dt.timedelta(days=365),
        },
    }


def make_question(number: int, rng: random.Random) -> dict[str, Any]:
    kind = ["single", "multiple", "true-false", "scenario"][number % 4]
    if kind == "true-false":
        right = rng.choice(["true", "false"])
        choices = [{"id": choice, "text": choice.capitalize(), "correct": choice == right, "feedback": para(rng, 1)} for choice in ("true", "false")]
    else:
        correct = {rng.randrange(4)} if kind != "multiple" else set(rng.sample(range(4), 2))
        choices = [
            {"id": "abcd"[index], "text": para(rng, 1), **({"correct": True} if index in correct else {"feedback": para(rng, 1)})}
            for index in range(4)
        ]
    question: dict[str, Any] = {"id": f"question-{number + 1}", "kind": kind}
    if kind == "scenario":
        question["scenario"] = para(rng, 3)
    question.update(prompt=sentence(rng).rstrip(".") + "?", choices=choices, explanation=para(rng, 2))
    return question


def make_quiz(module_id: str, rng: random.Random) -> dict[str, Any]:
    questions = [make_question(number, rng) for number in range(QUESTIONS)]
    questions[0]["diagnostic"] = True
    review = [make_question(number, rng) for number in range(QUESTIONS, QUESTIONS + REVIEW_ITEMS)]
    return {"module": module_id, "pass_mark": 80, "questions": questions, "review": review}


def make_course(ids: list[str]) -> dict[str, Any]:
    """Tracks of at most TRACK_SIZE modules (at least two, so the last can be the senior managers' track)."""
    count = max(2, -(-len(ids) // TRACK_SIZE))
    size = -(-len(ids) // count)
    chunks = [ids[start:start + size] for start in range(0, len(ids), size)]
    tracks = []
    for number, chunk in enumerate(chunks, start=1):
        title = LAST_TRACK if number == len(chunks) else f"Part {number}: {TOPICS[number % len(TOPICS)].capitalize()}"
        tracks.append({"id": f"track-{number:03d}", "title": title, "description": sentence(random.Random(number)), "modules": chunk})
    return {"title": "Frontline Playbook (benchmark)", "description": "A synthetic course for `make bench`.", "tracks": tracks}


def make_paths(ids: list[str], rng: random.Random) -> dict[str, dict[str, Any]]:
    paths = {}
    for path_id, title in [("new-manager-90-days", "Your first 90 days"), ("coaching-intensive", "Coaching intensive"), ("senior-manager", "For senior managers")]:
        chosen = rng.sample(ids, min(8, len(ids)))
        steps = [{"module": module_id, "day": 7 * (number + 1), "why": sentence(rng)} for number, module_id in enumerate(chosen)]
        paths[path_id] = {"id": path_id, "title": title, "audience": ["new-manager"], "description": para(rng, 2), "steps": steps}
    return paths


class _ContentDumper(yaml.SafeDumper):
    """Multi-line text as `|` blocks, as authors write it."""


_ContentDumper.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)
)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_ContentDumper, sort_keys=False, allow_unicode=True, width=100)


def write_course(root: Path, count: int) -> list[str]:
    ids = module_ids(count)
    rng = random.Random(count)
    for folder in ("content/modules", "content/paths", "quizzes"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "content/course.yml").write_text(dump(make_course(ids)), encoding="utf-8")
    shutil.copy2(REPO / "content/rhythm.yml", root / "content/rhythm.yml")  # the one rhythm; its modules are among the real ids
    for module_id in ids:
        (root / f"content/modules/{module_id}.yml").write_text(dump(make_module(module_id, ids, rng)), encoding="utf-8")
        (root / f"quizzes/{module_id}.yml").write_text(dump(make_quiz(module_id, rng)), encoding="utf-8")
    for path_id, data in make_paths(ids, rng).items():
        (root / f"content/paths/{path_id}.yml").write_text(dump(data), encoding="utf-8")
    return ids


# --- The two sites ---------------------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its nav and plugin options; !ENV and !!python/name values are not needed."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


def copy_docs(target: Path, ids: list[str], config_text: str) -> None:
    """docs/ as it is, except that links to a real module the course lacks (N < 11) go to the first module.

    Top-level pages that mkdocs.yml does not name (a page not yet added to the nav, such as this
    benchmark's own page) are left out: with `omitted_files: warn` they would fail the strict build.
    """
    shutil.copytree(REPO / "docs", target, ignore=shutil.ignore_patterns("__pycache__"))
    for page in target.glob("*.md"):
        if page.name not in config_text:
            page.unlink()
    known = set(ids)
    for page in target.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        fixed = re.sub(
            r"modules/([a-z0-9-]+)\.md(#[\w-]+)?",
            lambda match: f"modules/{match.group(1) if match.group(1) in known else ids[0]}.md",
            text,
        )
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def make_ours(root: Path, count: int) -> list[str]:
    root.mkdir(parents=True)
    for name in ("mkdocs.yml", "overrides", "macros", "schema"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
    ids = write_course(root, count)
    copy_docs(root / "docs", ids, (REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    return ids


def page_url(src: str) -> str:
    """MkDocs' page.url for a docs-relative source with directory URLs (what browser_catalog() receives)."""
    if src == "index.md":
        return ""
    if src.endswith("/index.md"):
        return src[: -len("index.md")]
    return src.removesuffix(".md") + "/"


class MacroEnv:
    """The part of mkdocs-macros' env that `macros.define_env` uses: the macros it registers, the
    page, and the config whose `frontline` plugin holds the build."""

    def __init__(self, build: Build) -> None:
        self.macros: dict[str, Any] = {}
        self.page: Any = None
        self.conf: Any = SimpleNamespace(plugins={"frontline": SimpleNamespace(build=build)})

    def macro(self, function: Any) -> Any:
        self.macros[function.__name__] = function
        return function


class MacroErrors(logging.Handler):
    """Collects what the macros report (an unknown id, ...): the stock copy must not build around them."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render_page(text: str, src: str, env: MacroEnv) -> str:
    """A page with its macro calls expanded by our own macros, as mkdocs-macros would (front matter kept)."""
    head, rest = "", text
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4) + 5
        head, rest = text[:end], text[end:]
        if "\nrender_macros: false\n" in head:
            return text  # the plugin's own pages are final Markdown, as mkdocs-macros leaves them
    env.page = SimpleNamespace(file=SimpleNamespace(src_uri=src), url=page_url(src))
    template = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True).from_string(rest)
    return head + template.render(**env.macros)


# What our plugin does to the collector (macros/plugin.py: `gc.freeze()` once the pages are made,
# thawed after the build), done to stock's build at the same moment, so that the objects MkDocs
# itself holds by then (config, files, extensions) are spared in both builds, not just in ours.
FREEZE_HOOK = '''import gc


def on_files(files, config):
    gc.freeze()
    return files


def on_post_build(config):
    gc.unfreeze()
'''


def make_stock(root: Path, ours: Path, *, freeze: bool = True) -> None:
    """The same pages, pre-rendered to Markdown, for stock Material (no frontline, no macros plugin)."""
    build = Build.load(ours, TODAY)
    if build.errors or build.catalog is None:
        raise SystemExit("the synthetic course does not validate:\n" + "\n".join(map(str, build.errors[:20])))
    env = MacroEnv(build)
    define_env(env)
    reported = MacroErrors()
    logging.getLogger("mkdocs.plugins.frontline").addHandler(reported)
    root.mkdir(parents=True)
    shutil.copytree(ours / "overrides", root / "overrides")
    shutil.copytree(ours / "docs", root / "docs")
    pages = {page.relative_to(root / "docs").as_posix(): page.read_text(encoding="utf-8") for page in (root / "docs").rglob("*.md")}
    pages.update(build.pages())
    assert build.renderer is not None
    # The marks around content regions are HTML comments that our plugin removes when it cleans the
    # regions (after Markdown); stock Material, which cleans nothing, gets the pages without them.
    marks = re.compile(f"<!--fp-content-(?:end-)?{build.renderer.nonce}-->")
    for src, text in pages.items():
        target = root / "docs" / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(marks.sub("", render_page(text, src, env)), encoding="utf-8")
    logging.getLogger("mkdocs.plugins.frontline").removeHandler(reported)
    if reported.messages:
        raise SystemExit("the macros reported problems:\n" + "\n".join(reported.messages[:20]))

    # Everything else (theme, palette, features, extensions, validation, extra CSS/JS) is inherited
    # from our mkdocs.yml unchanged; lists are replaced, not merged, by MkDocs' INHERIT.
    shutil.copy2(ours / "mkdocs.yml", root / "mkdocs.base.yml")
    base = read_config(ours / "mkdocs.yml")
    nav_after = "overview.md"
    for plugin in base.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("frontline"), dict):
            nav_after = plugin["frontline"].get("nav_after", nav_after)
    stock = {
        "INHERIT": "mkdocs.base.yml",
        "plugins": ["search", "tags"],
        "watch": [],
        "nav": build.nav(base.get("nav"), nav_after),
    }
    if freeze:
        (root / "freeze_hook.py").write_text(FREEZE_HOOK, encoding="utf-8")
        stock["hooks"] = ["freeze_hook.py"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(stock, sort_keys=False, allow_unicode=True), encoding="utf-8")


# --- Measuring -------------------------------------------------------------------------------


@dataclass
class Runs:
    seconds: list[float] = field(default_factory=list)
    max_rss_kb: list[int] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def paired_ratio(ours: list[float], stock: list[float]) -> float:
    """Median of ours[i] / stock[i]: each pair ran back to back, so a slow spell of the machine hits both."""
    return statistics.median(a / b for a, b in zip(ours, stock))


def build(site: Path, out: Path, *, profile: Path | None = None) -> tuple[float, int, float]:
    """Wall seconds, max RSS (KB) and CPU seconds of one `mkdocs build --strict` in a fresh process."""
    shutil.rmtree(out, ignore_errors=True)
    prefix = ["-m", "cProfile", "-o", str(profile)] if profile else []
    command = [sys.executable, *prefix, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(site / "mkdocs.yml"), "-d", str(out)]
    log = out.with_suffix(".log")
    with log.open("wb") as stream:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=site, env=BUILD_ENV, stdout=stream, stderr=subprocess.STDOUT)
        # wait4 gives the rusage of this one child, so each run's peak memory is its own.
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"build of {site} failed (exit {process.returncode}):\n{tail}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


# Run by `--events` as `python -c EVENTS_RUNNER <json file> <site dir>` in the site's folder: mkdocs
# build with its CPU seconds split, exclusively (each second counted once, in the innermost part that
# was running), between every plugin event handler, every plugin's import and set-up, the phases of
# MkDocs' own build (config, files, nav, each page's Markdown, each page's templates, the static
# files...) and the garbage collector, by the part it interrupted; what is left is start-up (Python,
# importing MkDocs and the theme) and MkDocs' glue between the phases. Written to the json file at exit.
EVENTS_RUNNER = """
import atexit, collections, gc, json, sys, time
T = time.process_time
start = T()
sys.path.insert(0, '.')
import mkdocs.plugins as plugins
import mkdocs.config as mkconfig
import mkdocs.config.config_options as options
import mkdocs.commands.build as mkbuild
from mkdocs.structure.files import Files
from mkdocs.__main__ import cli
times = collections.Counter()
stack = []  # [key, started, seconds of nested parts and collections]
def timed(method, key):
    def run(*args, **kwargs):
        stack.append([key, T(), 0.0])
        try:
            return method(*args, **kwargs)
        finally:
            key_, began, nested = stack.pop()
            elapsed = T() - began
            times[key_] += elapsed - nested
            if stack:
                stack[-1][2] += elapsed
    return run
register = plugins.PluginCollection._register_event
def register_timed(self, event_name, method, plugin_name=None):
    return register(self, event_name, timed(method, f"{plugin_name}: {event_name}"), plugin_name)
plugins.PluginCollection._register_event = register_timed
load_plugin = options.Plugins.load_plugin
def load_plugin_timed(self, name, config):
    return timed(load_plugin, f"{name}: import and set-up")(self, name, config)
options.Plugins.load_plugin = load_plugin_timed
mkconfig.load_config = timed(mkconfig.load_config, "mkdocs: load and validate mkdocs.yml")
for name, label in [("get_files", "find the files"), ("get_navigation", "make the nav"), ("_populate_page", "read and convert each page (Markdown)"),
                    ("_build_page", "render each page (theme templates) and write it"), ("_build_theme_template", "theme templates (404, sitemap)"),
                    ("_build_extra_template", "extra templates")]:
    setattr(mkbuild, name, timed(getattr(mkbuild, name), f"mkdocs: {label}"))
Files.copy_static_files = timed(Files.copy_static_files, "mkdocs: copy static files")
collecting = []
def on_collection(phase, info):
    if phase == "start":
        collecting.append(T())
    elif collecting:
        elapsed = T() - collecting.pop()
        where = stack[-1][0] if stack else "outside the parts above"
        times[f"(collector) in {where}"] += elapsed
        if stack:
            stack[-1][2] += elapsed
gc.callbacks.append(on_collection)
out = sys.argv[1]
atexit.register(lambda: open(out, "w").write(json.dumps({"total": T() - start, "events": times})))
sys.argv = ["mkdocs", "build", "--strict", "-q", "-d", sys.argv[2]]
cli()
"""


def plugin_events(site: Path, out: Path) -> dict[str, Any]:
    """CPU seconds of one build in all, and per plugin event handler (see EVENTS_RUNNER)."""
    import json

    shutil.rmtree(out, ignore_errors=True)
    target = out.with_suffix(".events.json")
    done = subprocess.run([sys.executable, "-c", EVENTS_RUNNER, str(target), str(out)], cwd=site, env=BUILD_ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"instrumented build of {site} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(target.read_text(encoding="utf-8"))


def median_events(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Part by part, the median over the instrumented runs (the total too)."""
    keys = {key for run in runs for key in run["events"]}
    return {
        "total": statistics.median(run["total"] for run in runs),
        "events": {key: statistics.median(run["events"].get(key, 0.0) for run in runs) for key in keys},
    }


def events_summary(count: int, ours: dict[str, Any], stock: dict[str, Any]) -> str:
    """Exclusive CPU seconds by part (EVENTS_RUNNER), ours / stock / difference, largest difference first;
    the collector's rows summed by where it ran; the rest is start-up and glue."""
    lines = [f"CPU seconds by part at N={count}, each second counted once: ours {ours['total']:.2f} s, stock {stock['total']:.2f} s (difference {ours['total'] - stock['total']:.2f} s)"]
    parts = [{**side["events"], "(start-up and glue: outside every part)": side["total"] - sum(side["events"].values())} for side in (ours, stock)]
    keys = sorted(set(parts[0]) | set(parts[1]), key=lambda key: -(parts[0].get(key, 0.0) - parts[1].get(key, 0.0)))
    lines.append("       ours     stock      diff  part")
    for key in keys:
        mine, theirs = parts[0].get(key, 0.0), parts[1].get(key, 0.0)
        if max(mine, theirs) >= 0.005 or abs(mine - theirs) >= 0.005:
            lines.append(f"  {mine:8.3f}  {theirs:8.3f}  {mine - theirs:+8.3f}  {key}")
    collector = [sum(value for key, value in side.items() if key.startswith("(collector)")) for side in parts]
    lines.append(f"  {collector[0]:8.3f}  {collector[1]:8.3f}  {collector[0] - collector[1]:+8.3f}  (collector, all of the rows above that start with it)")
    return "\n".join(lines)


# Run by `--rebuilds` as `python -c REBUILD_RUNNER <count> <site dir>` in a copy of the project: what
# `mkdocs serve` does on each save (load the config again, build; MkDocs keeps plugins that have
# on_startup, ours among them), after a module's YAML file is saved, in CPU seconds per rebuild.
REBUILD_RUNNER = """
import logging, sys, time
from pathlib import Path
sys.path.insert(0, '.')
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.disable(logging.WARNING)
path = next(iter(sorted(Path('content/modules').glob('*.yml')) or sorted(Path('docs/modules').glob('*.md'))))  # ours: a module's YAML; stock: its page
original = path.read_text(encoding='utf-8')
def rebuild():
    config = load_config('mkdocs.yml', site_dir=sys.argv[2])
    config.plugins.on_startup(command='serve', dirty=False)
    build(config)
rebuild()
seconds = []
for number in range(int(sys.argv[1])):
    path.write_text(f'{original}# edited {number}' + chr(10), encoding='utf-8')  # new bytes: read and validated again
    began = time.process_time()
    rebuild()
    seconds.append(time.process_time() - began)
print(' '.join(f'{value:.2f}' for value in seconds))
"""


def serve_rebuilds(count: int) -> str:
    """CPU seconds of `count` serve-style rebuilds of the real course, in a copy of the repository,
    and of stock Material rebuilding the same pages (the copy's pages expanded, as for `make_stock`)
    after the same module's page is saved."""
    with tempfile.TemporaryDirectory(prefix="frontline-rebuild-") as folder:
        project = Path(folder) / "project"
        tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
        for name in tracked:
            if (REPO / name).is_file() and not name.startswith("tests/"):
                (project / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(REPO / name, project / name)
        make_stock(Path(folder) / "stock", project)
        lines = []
        for name in ("ours", "stock"):
            site = project if name == "ours" else Path(folder) / "stock"
            done = subprocess.run([sys.executable, "-c", REBUILD_RUNNER, str(count), str(Path(folder) / f"site-{name}")], cwd=site, env=BUILD_ENV, capture_output=True, text=True, check=True)
            lines.append(f"{name}: {done.stdout.strip()}")
        return "; ".join(lines)


def profile_summary(path: Path, top: int = 25) -> str:
    """Where the time went, by package (own time) and by the functions that matter to us (cumulative)."""
    stats = pstats.Stats(str(path))
    total = stats.total_tt  # type: ignore[attr-defined]
    groups: dict[str, float] = {}
    for (filename, _, _), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        groups[_package(filename)] = groups.get(_package(filename), 0.0) + own
    lines = [f"profile {path.name}: {total:.2f} s under cProfile", "  own time by package:"]
    for name, own in sorted(groups.items(), key=lambda item: -item[1])[:14]:
        lines.append(f"    {own:7.2f} s  {100 * own / total:5.1f}%  {name}")
    lines.append("  cumulative time of selected functions:")
    interesting = re.compile(
        r"load_catalog|read_document|parse_document|validate_document|module_page|def quiz|render_markdown|_render|"
        r"on_page_markdown|on_config|on_files|render_markdown|get_template|_environment|macro_render|"
        r"build_page|_build_page|_populate_page|render$|convert$|__init__ .*markdown/core"
    )
    rows = []
    for (filename, line, name), (_, calls, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        label = f"{_short(filename)}:{line}({name})"
        if re.search(r"macros/|mkdocs_macros/|mkdocs/commands/build|markdown/core", filename) and interesting.search(f"{name} {filename}"):
            rows.append((cumulative, calls, label))
    for cumulative, calls, label in sorted(rows, reverse=True)[:top]:
        lines.append(f"    {cumulative:7.2f} s  {calls:>8} calls  {label}")
    return "\n".join(lines)


def _package(filename: str) -> str:
    if "/site-packages/" in filename:
        part = filename.split("/site-packages/", 1)[1]
        return part.split("/", 1)[0].removesuffix(".py")
    if "/macros/" in filename:
        return "macros (ours)"
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins"
    return "stdlib"


def _short(filename: str) -> str:
    return filename.split("/site-packages/", 1)[-1] if "/site-packages/" in filename else "/".join(filename.split("/")[-2:])


def source_state() -> str:
    """Which code was measured: the commit, and a digest of macros/ (the other files may be mid-edit)."""
    digest = hashlib.sha256()
    for path in sorted((REPO / "macros").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "macros"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    except OSError:
        commit, dirty = "unknown", ""
    return f"commit {commit or 'unknown'}{' + uncommitted changes in macros/' if dirty else ''}, macros/ sha256 {digest.hexdigest()[:12]}"


def versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "Jinja2", "PyYAML", "pydantic")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000", help="course sizes in modules, comma-separated (default 10,100,1000)")
    parser.add_argument("--runs", type=int, default=5, help="builds of each site per size (default 5)")
    parser.add_argument("--runs-large", type=int, default=3, help="builds per site for sizes of 1000 or more (default 3)")
    parser.add_argument("--profile", default="", help="sizes to also profile with cProfile, comma-separated (one extra build of each site)")
    parser.add_argument("--rebuilds", type=int, default=0, help="only time this many `mkdocs serve`-style rebuilds of the real course after a YAML edit (CPU seconds each)")
    parser.add_argument("--events", default="", help="sizes to also time by plugin event (CPU seconds), comma-separated (one extra build of each site)")
    parser.add_argument("--event-runs", type=int, default=3, help="instrumented builds of each site for --events; each part's median is shown (default 3)")
    parser.add_argument("--stock-as-is", action="store_true", help="do not give stock's build the collector freeze our plugin makes (FREEZE_HOOK)")
    parser.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it (default: a temporary folder, removed)")
    args = parser.parse_args(argv)
    if args.rebuilds:
        print(f"CPU seconds of each rebuild after a YAML edit, real course: {serve_rebuilds(args.rebuilds)}")
        return 0
    sizes = [int(size) for size in args.sizes.split(",") if size]
    profiled = {int(size) for size in args.profile.split(",") if size}
    evented = {int(size) for size in args.events.split(",") if size}
    summaries = []

    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="frontline-bench-"))
    print(f"# Frontline Playbook build benchmark, {dt.datetime.now():%Y-%m-%d %H:%M}")
    print(f"# {platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}, " + ", ".join(f"{k} {v}" for k, v in versions().items()))
    print(f"# code: {source_state()}")
    print(f"# work folder: {work}")
    rows = []
    try:
        for count in sizes:
            base = work / f"n{count}"
            shutil.rmtree(base, ignore_errors=True)
            started = time.perf_counter()
            ids = make_ours(base / "ours", count)
            make_stock(base / "stock", base / "ours", freeze=not args.stock_as_is)
            yaml_bytes = sum(path.stat().st_size for folder in ("content/modules", "quizzes") for path in (base / "ours" / folder).glob("*.yml"))
            print(f"N={count}: wrote {count} modules and quizzes ({yaml_bytes / count / 1024:.1f} KB of YAML each) in {time.perf_counter() - started:.1f} s", flush=True)
            ours, stock = Runs(), Runs()
            runs = args.runs_large if count >= 1000 else args.runs
            # Untimed, below 1000 modules: bytecode and compiled templates written, files in the OS
            # cache (at 1000 the first timed build writes them, a tenth of a second in minutes).
            for name in ("ours", "stock") if count < 1000 else ():
                build(base / name, base / f"site-{name}")
            for number in range(runs):
                # Alternate the two, so drift in the machine's speed hits both alike.
                for name, site, result in (("ours", base / "ours", ours), ("stock", base / "stock", stock)):
                    seconds, rss, cpu = build(site, base / f"site-{name}")
                    result.seconds.append(seconds)
                    result.max_rss_kb.append(rss)
                    result.cpu_seconds.append(cpu)
                    print(f"  run {number + 1}/{runs} {name:5}: {seconds:6.2f} s ({cpu:6.2f} s CPU), max RSS {rss / 1024:.0f} MB", flush=True)
            page = f"modules/{ids[-1]}/index.html"
            ours_page = (base / "site-ours" / page).stat().st_size
            stock_page = (base / "site-stock" / page).stat().st_size
            rows.append((count, ours, stock, ours_page, stock_page))
            if count in evented:
                measured: dict[str, list[dict[str, Any]]] = {"ours": [], "stock": []}
                for _ in range(args.event_runs):  # alternating, like the timed runs
                    for name in ("ours", "stock"):
                        measured[name].append(plugin_events(base / name, base / f"site-{name}-events"))
                summary = events_summary(count, median_events(measured["ours"]), median_events(measured["stock"]))
                summaries.append(summary)
                print(summary, flush=True)
            if count in profiled:
                for name in ("ours", "stock"):
                    target = work / f"profile-{name}-{count}.pstats"
                    build(base / name, base / f"site-{name}-profile", profile=target)
                    print(profile_summary(target), flush=True)
            if not args.keep:
                shutil.rmtree(base, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print()
    print("| modules | ours / stock, CPU time | ours / stock, wall | CPU s, ours / stock (median) | wall s, ours / stock (median) | CPU ms per module, ours / stock | marginal CPU ms per module, ours / stock | peak RSS ours / stock (MB) | module page HTML (bytes, ours / stock) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    previous: tuple[int, Runs, Runs] | None = None
    for count, ours, stock, ours_page, stock_page in rows:
        cpu_ours, cpu_stock = statistics.median(ours.cpu_seconds), statistics.median(stock.cpu_seconds)
        marginal = "–"
        if previous and count > previous[0]:
            added = count - previous[0]
            marginal = f"{1000 * (cpu_ours - statistics.median(previous[1].cpu_seconds)) / added:.1f} / {1000 * (cpu_stock - statistics.median(previous[2].cpu_seconds)) / added:.1f}"
        print(
            f"| {count} | **{paired_ratio(ours.cpu_seconds, stock.cpu_seconds):.2f}** | {paired_ratio(ours.seconds, stock.seconds):.2f} "
            f"| {cpu_ours:.2f} / {cpu_stock:.2f} | {ours.median:.2f} / {stock.median:.2f} | {1000 * cpu_ours / count:.1f} / {1000 * cpu_stock / count:.1f} | {marginal} "
            f"| {max(ours.max_rss_kb) / 1024:.0f} / {max(stock.max_rss_kb) / 1024:.0f} | {ours_page:,} / {stock_page:,} |"
        )
        previous = (count, ours, stock)
    print()
    for summary in summaries:
        print(summary)
        print()
    print(f"runs per size: {args.runs} ({args.runs_large} from 1000 modules); every time is the wall time of one `mkdocs build --strict` process;")
    print("ours / stock is the median of the ratios of runs made one after the other, so drift in the machine's speed cancels out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
