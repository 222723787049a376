"""`python -m macros check | new | build | schema`: the commands content authors and CI run."""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import datetime as dt
import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError

from . import schema
from .assignments import assignment_link, build_assignment, links_csv, links_sheet, read_roster
from .catalog import MODULES_DIR, QUIZZES_DIR, content_warnings, load_catalog, review_warnings, steps_without_artefact
from .errors import format_report
from .quizlint import quiz_warnings

SKELETONS = Path(__file__).parent / "skeleton"
SCHEMA_DIR = "schema"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Frontline Playbook content tools.")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (holds content/ and quizzes/)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate every module, quiz and course.yml; exit 1 on problems")
    check.add_argument("--strict-review", action="store_true", help="also fail on modules past their review-by date")
    check.add_argument(
        "--strict-content", action="store_true",
        help="also fail on content warnings: a duration below reading time plus quiz, a country box still to write",
    )
    check.add_argument("--strict-quiz", action="store_true", help="also fail on quiz-lint warnings (cues to the key, objective coverage, ...); CI runs this")
    check.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)

    new = commands.add_parser("new", help="write a skeleton that passes `check`")
    new_kinds = new.add_subparsers(dest="kind", required=True)
    new_module = new_kinds.add_parser("module", help="a module YAML file and its quiz")
    new_module.add_argument("id", help="lower-case words joined by hyphens, e.g. negotiation")
    new_module.add_argument("--title", default=None)
    new_module.add_argument("--owner", default="Sales Enablement")

    build = commands.add_parser("build", help="build the site into site/ atomically: a failed build keeps the old site")
    build.add_argument("--site-dir", type=Path, default=Path("site"))

    zensical = commands.add_parser("zensical", help="build the site with Zensical into site-zensical/ (the pipeline runs first)")
    zensical.add_argument("--site-dir", type=Path, default=Path("site-zensical"))
    zensical.add_argument("--build-dir", type=Path, default=Path("build/zensical"), help="where the generated project is written (not docs/)")

    scorm = commands.add_parser("scorm", help="SCORM 1.2 and 2004 zips (one per module, one for the course) into dist/scorm/")
    scorm.add_argument("--out", type=Path, default=Path("dist/scorm"))
    scorm.add_argument("--fail-status", choices=("incomplete", "failed"), default="incomplete", help="what a quiz not passed reports (default incomplete: no LMS blocks a retry)")

    assign = commands.add_parser("assign", help="one assignment link per manager in a roster CSV")
    assign.add_argument("--roster", type=Path, required=True, help="CSV with a 'name' column (optional: email, note)")
    assign.add_argument("--path", required=True, help="learning path id, e.g. new-manager-90-days")
    assign.add_argument("--start", type=dt.date.fromisoformat, required=True, help="start date, YYYY-MM-DD")
    assign.add_argument("--base-url", required=True, help="where the site is published, e.g. https://intranet.example/playbook/")
    assign.add_argument("--out", type=Path, default=Path("assignments"), help="folder for assignments.csv and assignments.html")

    schema_cmd = commands.add_parser("schema", help="write the JSON Schema files editors use")
    schema_cmd.add_argument("--check", action="store_true", help="exit 1 if the committed files are out of date")

    args = parser.parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    root: Path = args.root.resolve()
    if args.command == "check":
        return run_check(
            root, strict_review=args.strict_review, strict_quiz=args.strict_quiz, strict_content=args.strict_content,
            today=args.today or dt.date.today(),
        )
    if args.command == "new":
        return run_new_module(root, args.id, args.title, args.owner)
    if args.command == "build":
        return run_build(root, args.site_dir)
    if args.command == "zensical":
        return run_zensical(root, args.site_dir, args.build_dir)
    if args.command == "scorm":
        return run_scorm(root, args.out, args.fail_status)
    if args.command == "assign":
        return run_assign(root, args.roster, args.path, args.start, args.base_url, args.out)
    return run_schema(root, check=args.check)


def run_check(root: Path, *, strict_review: bool, today: dt.date, strict_quiz: bool = False, strict_content: bool = False) -> int:
    catalog, errors = load_catalog(root)
    reviews = review_warnings(catalog, today) if catalog else []
    # The quiz lint and the content warnings judge a course that loads: beside errors they would
    # judge half a course (a quiz whose module failed to load has no objectives to cover), and bury
    # the errors under warnings.
    lint = quiz_warnings(catalog) if catalog and not errors else []
    content = content_warnings(catalog) if catalog and not errors else []
    warnings = []
    for strict, found in ((strict_review, reviews), (strict_quiz, lint), (strict_content, content)):
        if strict:
            errors = sorted(set(errors + found))
        else:
            warnings += found
    for warning in sorted(warnings):
        print(f"{warning} (warning)", file=sys.stderr)
    if lint and not strict_quiz:
        files = len({warning.path for warning in lint})
        print(
            f"note: {len(lint)} quiz warning{'s' if len(lint) != 1 else ''} in {files} file{'s' if files != 1 else ''}; "
            "`check --strict-quiz` (run by CI) fails on them",
            file=sys.stderr,
        )
    if errors:
        print(format_report(errors), file=sys.stderr)
        return 1
    assert catalog is not None
    for module in catalog.unlisted():
        print(f"note: module '{module.id}' is in no track of content/course.yml; it is listed under 'More modules'", file=sys.stderr)
    # Optional for now, required once every module has them: count what is still to write.
    for field, label in (("field_assignment", "field assignment"), ("tomorrow", "Tomorrow morning box")):
        without = [module_id for module_id, module in catalog.modules.items() if getattr(module, field) is None]
        if without:
            named = ", ".join(without[:10]) + (f" and {len(without) - 10} more" if len(without) > 10 else "")
            print(f"note: {len(without)} of {len(catalog.modules)} modules have no {label} ({field}): {named}", file=sys.stderr)
    bare = steps_without_artefact(catalog)
    if bare:
        named = ", ".join(f"{path_id}/{module_id}" for path_id, module_id in bare[:10]) + (f" and {len(bare) - 10} more" if len(bare) > 10 else "")
        print(f"note: {len(bare)} path step{'s' if len(bare) != 1 else ''} name no artefact (no `artefact`, and the module has no field assignment): {named}", file=sys.stderr)
    missing_quiz = [module_id for module_id in catalog.modules if module_id not in catalog.quizzes]
    print(
        f"ok: {len(catalog.modules)} modules, {len(catalog.quizzes)} quizzes, {len(catalog.course.tracks)} tracks, {len(catalog.paths)} paths"
        + (f", {len(catalog.roleplays)} role-play kits" if catalog.roleplays else "")
        + (f"; no quiz yet for: {', '.join(missing_quiz)}" if missing_quiz else "")
    )
    return 0


def run_new_module(root: Path, module_id: str, title: str | None, owner: str) -> int:
    problem = id_problem(module_id)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    texts = {"--title": title or module_id.replace("-", " ").capitalize(), "--owner": owner}
    for option, value in texts.items():
        texts[option] = " ".join(value.split())  # a newline in a one-line field would fail `check`
        problem = plain_text_problem(texts[option])
        if problem:
            print(f"error: {option} {problem}", file=sys.stderr)
            return 2
    targets = {root / MODULES_DIR / f"{module_id}.yml": "module.yml", root / QUIZZES_DIR / f"{module_id}.yml": "quiz.yml"}
    existing = [path for path in targets if path.exists() or path.is_symlink()]
    if existing:
        print(f"error: {existing[0].relative_to(root)} already exists; nothing written", file=sys.stderr)
        return 2
    today = dt.date.today()
    checklist_id = f"{module_id}-checklist" if len(module_id) + len("-checklist") <= ID_MAX_LENGTH else "checklist"
    # Every text goes in as a YAML scalar that reads back as exactly that text: plain when that is
    # safe, else double-quoted. Raw substitution let `Negotiation: the basics`, `#1`, `Yes` or a
    # newline turn into a syntax error, a comment, a boolean or extra keys.
    values = {
        "id": yaml_scalar(module_id),
        "checklist_id": yaml_scalar(checklist_id),
        "title": yaml_scalar(texts["--title"]),
        "owner": yaml_scalar(texts["--owner"]),
        "today": today.isoformat(),
        "review_by": today.replace(year=today.year + 1, day=min(today.day, 28)).isoformat(),
    }
    for path, skeleton in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = (SKELETONS / skeleton).read_text(encoding="utf-8")
        path.write_text(re.sub(r"\{(id|checklist_id|title|owner|today|review_by)\}", lambda m: values[m.group(1)], text), encoding="utf-8")
        print(f"wrote {path.relative_to(root)}")
    print(f"next: add '{module_id}' to a track in content/course.yml, write the text, then run `make check`")
    return 0


ID_MAX_LENGTH = schema.ID_MAX_LENGTH
_PLAIN_SCALAR = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()/-]*")


def id_problem(module_id: str) -> str | None:
    """Why `module_id` cannot name a module, or None. Checked with the schema's own `Id` type, and
    against YAML: course.yml and paths name modules unquoted, and `yes`, `null`, `0x1f` or
    `2027-01-01` would be read there as a yes/no value, nothing, a number or a date."""
    try:
        TypeAdapter(schema.Id).validate_python(module_id)
    except ValidationError:
        if len(module_id) > ID_MAX_LENGTH:
            return f"the id is {len(module_id)} characters long; at most {ID_MAX_LENGTH}"
        return f"{module_id!r} is not a valid id: use lower-case letters, digits and single hyphens, like 'pipeline-reviews'"
    try:
        read_as = yaml.safe_load(module_id)
    except yaml.YAMLError:  # pragma: no cover - an id is letters, digits and hyphens
        read_as = None
    if read_as != module_id:
        kind = {bool: "a yes/no value", type(None): "an empty value", int: "a number", float: "a number"}.get(type(read_as), "a date")
        return f"YAML reads '{module_id}' as {kind} wherever it is written without quotes; choose an id with a word in it, like 'module-{module_id}'"
    return None


def plain_text_problem(value: str) -> str | None:
    """Why `value` cannot be a one-line plain-text field (after whitespace was joined), or None."""
    if not value:
        return "is empty"
    if len(value) > schema.PLAIN_TEXT_MAX:
        return f"is {len(value)} characters long; at most {schema.PLAIN_TEXT_MAX}"
    bad = next((ch for ch in value if unicodedata.category(ch) in {"Cc", "Cs"}), None)
    if bad is not None:
        return f"contains the character U+{ord(bad):04X}, which is not text (a control character or an undecodable byte)"
    return None


def yaml_scalar(value: str) -> str:
    """`value` written as a YAML scalar that reads back as the same string."""
    if _PLAIN_SCALAR.fullmatch(value) and value == value.strip():
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    quoted = json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars
    # ... except for characters YAML does not allow raw in a file or reads as line breaks
    return "".join(ch if _yaml_printable(ch) else f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}" for ch in quoted)


def _yaml_printable(ch: str) -> bool:
    code = ord(ch)
    return 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF and code not in {0x2028, 0x2029} or 0xE000 <= code <= 0xFFFD or code >= 0x10000


def run_assign(root: Path, roster: Path, path_id: str, start: dt.date, base_url: str, out: Path) -> int:
    if not re.fullmatch(r"https?://\S+", base_url):
        print(f"error: --base-url must be the site's address, starting with http:// or https:// (got '{base_url}')", file=sys.stderr)
        return 2
    catalog, errors = load_catalog(root)
    if errors or catalog is None:
        print(format_report(errors), file=sys.stderr)
        return 1
    if path_id not in catalog.paths:
        print(f"error: unknown learning path '{path_id}'; known paths: {', '.join(catalog.paths)}", file=sys.stderr)
        return 2
    entries, problems = read_roster(roster, str(roster))
    if problems:
        print(format_report(problems), file=sys.stderr)
        return 1
    learning_path = catalog.paths[path_id]
    rows = []
    for entry in entries:
        assignment = build_assignment(learning_path, start, entry.name, entry.note)
        rows.append((entry, assignment, assignment_link(base_url, assignment)))
    out.mkdir(parents=True, exist_ok=True)
    (out / "assignments.csv").write_text(links_csv(rows), encoding="utf-8")
    titles = {module_id: module.title for module_id, module in catalog.modules.items()}
    (out / "assignments.html").write_text(links_sheet(rows, learning_path, titles), encoding="utf-8")
    print(f"wrote {len(rows)} assignment links to {out / 'assignments.csv'} and a printable sheet to {out / 'assignments.html'}")
    return 0


def run_build(root: Path, site_dir: Path) -> int:
    """Build into a fresh folder beside site/ and swap it in only when the strict build succeeded.

    site/ is never missing, not even for a moment: the finished build and the old site change
    places in one step (renameat2 RENAME_EXCHANGE on Linux), so a web server serving site/ by path
    sees either the old tree or the new one. (A server whose working directory is inside site/
    keeps the old folder, which is then deleted: serve site/ from its parent, e.g.
    `python -m http.server --directory site`.) Where the exchange is not available the swap is two
    renames, with site/ absent between them. Ctrl-C at any point leaves the old site/ as it was and
    no staging folder.
    """
    site = (root / site_dir).resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_staging(site)
    staging = Path(tempfile.mkdtemp(prefix=f"{_staging_prefix(site)}{os.getpid()}-", dir=site.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(root / "mkdocs.yml"), "-d", str(staging)]
    swapped = False
    try:
        # A session of its own: Ctrl-C reaches this process only, which stops the build itself,
        # instead of MkDocs printing a KeyboardInterrupt traceback of its own.
        process = subprocess.Popen(command, cwd=root, env=env, start_new_session=True)
        try:
            returncode = process.wait()
        finally:
            _stop(process)
        if returncode != 0:
            kept = "the previous site/ is unchanged" if site.exists() else "no site/ was written"
            print(f"build failed; {kept}", file=sys.stderr)
            return 1
        with _interrupts_deferred() as interrupted:
            swap_in(staging, site)
            swapped = True
        print(f"built {site_dir}/")
        return 130 if interrupted else 0
    except KeyboardInterrupt:
        if swapped:
            kept = "the new site/ is in place"
        else:
            kept = "the previous site/ is unchanged" if site.exists() else "no site/ was written"
        print(f"\ninterrupted; {kept}", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # after an exchange it holds the old site


def run_zensical(root: Path, site_dir: Path, build_dir: Path) -> int:
    """Generate the project into `build_dir`, build it with Zensical, swap the site in: like
    `build`, a failed build keeps the previous site."""
    from .zensical import ZensicalError, build_site

    try:
        project = build_site(root, folder=root / build_dir)
    except ZensicalError as exc:
        if exc.errors:
            print(format_report(exc.errors), file=sys.stderr)
        else:
            print(f"error: {exc}", file=sys.stderr)
        kept = "the previous site is unchanged" if (root / site_dir).exists() else "no site was written"
        print(f"zensical build failed; {kept}", file=sys.stderr)
        return 1
    site = (root / site_dir).resolve()
    swap_in(project.folder / "site", site)
    shutil.rmtree(project.folder / "site", ignore_errors=True)
    print(f"built {site_dir}/ with Zensical ({len(project.generated)} generated pages; project in {project.folder}/)")
    return 0


def run_scorm(root: Path, out: Path, fail_status: str) -> int:
    """Build the packages into a fresh folder and swap it in for `out`: a failed run keeps the old zips."""
    from .scorm import ScormError, build_packages

    target = (root / out).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    staging.chmod(0o755)
    try:
        written = build_packages(root, staging, fail_status=fail_status)
        swap_in(staging, target)
    except ScormError as exc:
        print(format_report(exc.errors) if exc.errors else f"error: {exc}", file=sys.stderr)
        print(f"scorm failed; {'the previous ' + str(out) + '/ is unchanged' if target.exists() else 'nothing was written'}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"wrote {len(written)} SCORM packages into {out}/ (module-<id>-scorm12.zip, module-<id>-scorm2004.zip, course-scorm12.zip, course-scorm2004.zip)")
    return 0


def swap_in(new: Path, site: Path) -> None:
    """Put the folder `new` in place of `site`; afterwards `new` holds the old site (or is gone)."""
    if not site.exists():
        new.rename(site)
        return
    if _exchange(new, site):
        return
    old = site.with_name(f".{site.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    site.rename(old)
    new.rename(site)
    old.rename(new)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where it is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # glibc older than 2.28, or another C library
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM}:
        return False  # the file system or kernel cannot exchange: fall back to two renames
    raise OSError(code, os.strerror(code), str(second))


def _staging_prefix(site: Path) -> str:
    return f".{site.name}.new-"


def _remove_stale_staging(site: Path) -> None:
    """Staging folders an interrupted or killed build left behind; not those of a build still running."""
    for folder in site.parent.glob(f"{_staging_prefix(site)}*"):
        owner = folder.name[len(_staging_prefix(site)) :].split("-", 1)[0]
        if owner.isdigit() and int(owner) != os.getpid() and _alive(int(owner)):
            continue
        shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(site.with_name(f".{site.name}.old"), ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End the build process if it still runs (after Ctrl-C), so nothing writes into staging any more."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[list[int]]:
    """Hold Ctrl-C (and SIGTERM) while the site is swapped, so the swap is never half done."""
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return
    previous = {number: signal.signal(number, lambda signum, frame: received.append(signum)) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield received
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def schema_documents() -> dict[str, str]:
    """The JSON Schema text of each content model, keyed by file name."""
    documents = {}
    for name, model in schema.SCHEMAS.items():
        document = model.model_json_schema()
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", **document}
        documents[f"{name}.schema.json"] = json.dumps(document, indent=2, sort_keys=True, default=str) + "\n"
    return documents


def run_schema(root: Path, *, check: bool) -> int:
    folder = root / SCHEMA_DIR
    stale = []
    for name, text in schema_documents().items():
        path = folder / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        folder.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(root)}")
    if stale:
        print(f"out of date: {', '.join(stale)} in {SCHEMA_DIR}/; run `python -m macros schema`", file=sys.stderr)
        return 1
    return 0
