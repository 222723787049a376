"""The whole course, loaded once: every module, quiz and track, with cross-references checked.

`load_catalog` never raises for a content problem. It returns what could be loaded together with
every problem found, so the CLI can list them all and `mkdocs serve` can keep serving while the
author fixes them.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

from . import schema
from .errors import ContentError
from .loader import Document, decode_document, read_file
from .validate import suggest, validate_document

COURSE_FILE = "content/course.yml"
MODULES_DIR = "content/modules"
QUIZZES_DIR = "quizzes"
PATHS_DIR = "content/paths"
RHYTHM_FILE = "content/rhythm.yml"
ROLEPLAYS_DIR = "content/roleplays"  # role-play kits, each belonging to a module
DOCS_PATHS_DIR = "docs/paths"  # hand-written pages beside the generated path pages

M = TypeVar("M", bound=schema.Content)


@dataclass(frozen=True)
class Catalog:
    """Everything the site is built from, in course order."""

    course: schema.Course
    modules: dict[str, schema.Module]
    quizzes: dict[str, schema.Quiz] = field(default_factory=dict)
    paths: dict[str, schema.LearningPath] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)  # module id -> its YAML, for positions in messages
    rhythm: schema.Rhythm | None = None  # content/rhythm.yml: the one operating rhythm

    def meetings(self, meeting_ids: list[str] | tuple[str, ...] = ()) -> list[schema.Meeting]:
        """The rhythm's meetings named (all of them, in file order, when none are named)."""
        if self.rhythm is None:
            raise KeyError(f"there is no operating rhythm: add {RHYTHM_FILE}")
        by_id = {meeting.id: meeting for meeting in self.rhythm.meetings}
        for meeting_id in meeting_ids:
            if meeting_id not in by_id:
                raise KeyError(f"unknown meeting '{meeting_id}'{suggest(meeting_id, by_id)}; {RHYTHM_FILE} has: {', '.join(by_id)}")
        return [by_id[meeting_id] for meeting_id in meeting_ids] if meeting_ids else list(self.rhythm.meetings)
    quiz_documents: dict[str, Document] = field(default_factory=dict)  # module id -> its quiz's YAML, for the quiz lint
    path_documents: dict[str, Document] = field(default_factory=dict)  # path id -> its YAML, for the content warnings
    roleplays: dict[str, schema.RolePlay] = field(default_factory=dict)  # kit id -> kit, in the course order of their modules

    def roleplays_of(self, module_id: str) -> list[schema.RolePlay]:
        """The role-play kits that practise a conversation of this module."""
        return [kit for kit in self.roleplays.values() if kit.module == module_id]

    def module(self, module_id: str) -> schema.Module:
        try:
            return self.modules[module_id]
        except KeyError:
            raise KeyError(f"unknown module '{module_id}'{suggest(module_id, self.modules)}") from None

    def track_of(self, module_id: str) -> schema.Track | None:
        return next((track for track in self.course.tracks if module_id in track.modules), None)

    def track_modules(self, track: schema.Track) -> list[schema.Module]:
        return [self.modules[module_id] for module_id in track.modules if module_id in self.modules]

    def unlisted(self) -> list[schema.Module]:
        """Modules that no track names: they still get a page, under 'More modules'."""
        listed = {module_id for track in self.course.tracks for module_id in track.modules}
        return [module for module_id, module in self.modules.items() if module_id not in listed]


@dataclass
class FileCache:
    """What each course file gave the last time it was read: its bytes, its document, its model and
    its problems. Kept by whoever builds more than once (the plugin under `mkdocs serve`), so a
    rebuild after one file is saved parses and validates only that file: every file's bytes are
    read and compared, one that differs in any way is parsed and validated again, and the checks
    across files always run."""

    entries: dict[tuple[str, str], tuple[bytes, Any, Any, list[ContentError]]] = field(default_factory=dict)


@dataclass
class _Loading:
    """Collects documents and problems while the catalog is put together."""

    root: Path
    errors: list[ContentError] = field(default_factory=list)
    cache: FileCache | None = None
    read: dict[tuple[str, str], tuple[bytes, Any, Any, list[ContentError]]] = field(default_factory=dict)

    def load(self, path: Path, model: type[M]) -> tuple[Document | None, M | None]:
        display = path.relative_to(self.root).as_posix()
        raw, errors = read_file(path, display)
        if raw is None:
            self.errors += errors
            return None, None
        key = (display, model.__name__)
        entry = self.cache.entries.get(key) if self.cache is not None else None
        if entry is None or entry[0] != raw:  # not read before, or changed in any byte
            document, errors = decode_document(raw, display)
            value, more = validate_document(document, model) if document is not None else (None, [])
            entry = (raw, document, value, errors + more)
        if self.cache is not None:
            self.read[key] = entry
        self.errors += entry[3]
        return entry[1], entry[2]


def load_catalog(root: Path, cache: FileCache | None = None) -> tuple[Catalog | None, list[ContentError]]:
    """Load and cross-check the course under `root`; the catalog is None only if course.yml is unusable.
    With a `cache`, files unchanged since the cache was filled are not read again (it is refilled
    with this load's files)."""
    loading = _Loading(root, cache=cache)
    try:
        return _load_catalog(root, loading)
    finally:
        if cache is not None:
            cache.entries = loading.read


def _load_catalog(root: Path, loading: _Loading) -> tuple[Catalog | None, list[ContentError]]:
    course_path = root / COURSE_FILE
    course_problem = _unusable(course_path, root) if course_path.exists() or course_path.is_symlink() else "file not found: the course needs content/course.yml with its tracks"
    if course_problem:
        loading.errors.append(ContentError(COURSE_FILE, 1, 1, "", course_problem))
        course_doc, course = None, None
    else:
        course_doc, course = loading.load(course_path, schema.Course)

    modules: dict[str, schema.Module] = {}
    module_docs: dict[str, Document] = {}
    module_files, unusable = _yaml_files(loading, root / MODULES_DIR)
    # Ids that have a file, valid or not: a broken module is reported once, in its own file,
    # not again at every place that names it.
    known = {path.stem for path in module_files} | unusable
    for path in module_files:
        document, module = loading.load(path, schema.Module)
        if document is None or module is None:
            continue
        mismatch = _id_mismatch(document, module.id, path.stem)
        if mismatch:
            loading.errors += mismatch
            continue
        modules[module.id] = module
        module_docs[module.id] = document
        loading.errors += _module_problems(document, module)

    quiz_docs: dict[str, Document] = {}
    quizzes = _load_folder(loading, root / QUIZZES_DIR, schema.Quiz, lambda doc, quiz, stem: _quiz_problems(doc, quiz, stem, known, modules), quiz_docs)
    reserved = _reserved_path_ids(root)
    path_docs: dict[str, Document] = {}
    paths = _load_folder(loading, root / PATHS_DIR, schema.LearningPath, lambda doc, lp, stem: _path_problems(doc, lp, stem, known, reserved), path_docs)

    roleplays = _load_folder(loading, root / ROLEPLAYS_DIR, schema.RolePlay, lambda doc, kit, stem: _roleplay_problems(doc, kit, stem, known))
    rhythm = _load_rhythm(loading, root, known)
    rhythm_file = (root / RHYTHM_FILE).exists() or (root / RHYTHM_FILE).is_symlink()
    for module_id, module in modules.items():
        loading.errors += _rhythm_section_problems(module_docs[module_id], module, rhythm, rhythm_file)
        loading.errors += country_problems(module_docs[module_id], module)[0]

    for module_id, module in modules.items():
        document = module_docs[module_id]
        for number, related in enumerate(module.related):
            if related == module_id:
                loading.errors.append(document.error(("related", number), "a module cannot be related to itself"))
            elif related not in known:
                loading.errors.append(document.error(("related", number), f"unknown module '{related}'{suggest(related, known)}"))

    if course is None or course_doc is None:
        return None, sorted(set(loading.errors))
    loading.errors += _course_problems(course_doc, course, known)
    ordered = _course_order(course, modules)
    # Kits in the order of their modules in the course (a kit whose module failed to load goes last).
    position = {module_id: number for number, module_id in enumerate(ordered)}
    roleplays = dict(sorted(roleplays.items(), key=lambda item: (position.get(item[1].module, len(position)), item[0])))
    catalog = Catalog(course=course, modules=ordered, quizzes=quizzes, paths=paths, documents=module_docs, rhythm=rhythm, quiz_documents=quiz_docs, path_documents=path_docs, roleplays=roleplays)
    return catalog, sorted(set(loading.errors))


def review_warnings(catalog: Catalog, today: dt.date) -> list[ContentError]:
    """Modules past their review-by date: guidance on hiring or firing must not silently go stale."""
    warnings = []
    for module_id, module in catalog.modules.items():
        due = module.stewardship.review_by
        if due < today:
            document = catalog.documents[module_id]
            message = f"review overdue since {due.isoformat()}; owner {module.stewardship.owner} should review it and move review_by"
            warnings.append(document.error(("stewardship", "review_by"), message))
    return warnings


READING_SPEED = 200  # words a minute
MINUTES_PER_QUIZ_ITEM = 1
_NOT_READ = {"id", "kind", "url", "related", "tags", "audience", "level", "duration", "stewardship", "meetings", "checklist_id"}
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_WORD = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")


def reading_words(module: schema.Module, rhythm: schema.Rhythm | None = None) -> int:
    """Words a reader meets on the module's page: every text field (not ids, links' targets or
    Markdown syntax), and the rows of the rhythm tables it shows. Counted from the content, not the
    rendered page, so check stays fast at a thousand modules; the page's own labels are a few words."""
    texts: list[str] = []

    def collect(value: Any, name: str = "") -> None:
        if name in _NOT_READ:
            return
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, schema.Content):
            for key in type(value).model_fields:
                collect(getattr(value, key), key)
        elif isinstance(value, (list, tuple)):
            for item in value:
                collect(item, name)

    collect(module)
    for section in module.sections:
        if isinstance(section, schema.RhythmSection) and rhythm is not None:
            wanted = set(section.meetings)
            texts += [f"{m.name} {m.purpose} {m.length} min" for m in rhythm.meetings if not wanted or m.id in wanted]
    return sum(len(_WORD.findall(_LINK_TARGET.sub("]", text))) for text in texts)


def minimum_duration(module: schema.Module, quiz: schema.Quiz | None, rhythm: schema.Rhythm | None = None) -> int:
    """Minutes the module needs at least: reading at READING_SPEED plus about a minute per quiz item."""
    reading = math.ceil(reading_words(module, rhythm) / READING_SPEED)
    return reading + (len(quiz.questions) * MINUTES_PER_QUIZ_ITEM if quiz else 0)


def content_warnings(catalog: Catalog) -> list[ContentError]:
    """Problems that do not stop a build but fail `check --strict-content`: a duration shorter than
    the reading and the quiz, a required country box not written yet (COUNTRY_BOX_PENDING), and a
    path step that does not say why it comes where it does."""
    warnings = []
    for module_id, module in catalog.modules.items():
        document = catalog.documents[module_id]
        quiz = catalog.quizzes.get(module_id)
        needed = minimum_duration(module, quiz, catalog.rhythm)
        if module.duration < needed:
            words = reading_words(module, catalog.rhythm)
            items = len(quiz.questions) if quiz else 0
            message = (
                f"duration {module.duration} min is less than the reading time and the quiz: {words} words at "
                f"{READING_SPEED} a minute plus {items} quiz item{'s' if items != 1 else ''}, at least {needed} min; raise it to {needed} or more"
            )
            warnings.append(document.error(("duration",), message))
        warnings += country_problems(document, module)[1]
    for path_id, learning_path in catalog.paths.items():
        path_document = catalog.path_documents.get(path_id)
        if path_document is None:
            continue
        for number, step in enumerate(learning_path.steps):
            if not step.why:
                message = "no `why`: say in a sentence why this module comes at this point of the path (the learner and their manager read it)"
                warnings.append(path_document.error(("steps", number), message))
    return sorted(warnings)


def steps_without_artefact(catalog: Catalog) -> list[tuple[str, str]]:
    """(path id, module id) of the path steps that name no artefact: no `artefact` of their own
    and a module without a field assignment. Counted by `check` while field assignments are
    still being written."""
    return [
        (path_id, step.module)
        for path_id, learning_path in catalog.paths.items()
        for step in learning_path.steps
        if step.module in catalog.modules and step.artefact_of(catalog.modules[step.module]) is None
    ]


def _load_rhythm(loading: _Loading, root: Path, known: set[str]) -> schema.Rhythm | None:
    """content/rhythm.yml, cross-checked; None when it is missing or unusable (modules that show it say so)."""
    path = root / RHYTHM_FILE
    if not (path.exists() or path.is_symlink()):
        return None
    problem = _unusable(path, root)
    if problem:
        loading.errors.append(ContentError(RHYTHM_FILE, 1, 1, "", problem))
        return None
    document, rhythm = loading.load(path, schema.Rhythm)
    if document is None or rhythm is None:
        return None
    problems = []
    for number in _duplicates([meeting.id for meeting in rhythm.meetings]):
        problems.append(document.error(("meetings", number, "id"), f"meeting id '{rhythm.meetings[number].id}' is used twice"))
    for number in _duplicates(rhythm.team_sizes):
        problems.append(document.error(("team_sizes", number), f"team size {rhythm.team_sizes[number]} is listed twice"))
    for number, meeting in enumerate(rhythm.meetings):
        if meeting.taught_in is not None and meeting.taught_in not in known:
            problems.append(document.error(("meetings", number, "taught_in"), f"unknown module '{meeting.taught_in}'{suggest(meeting.taught_in, known)}"))
    loading.errors += problems
    return rhythm


def _rhythm_section_problems(document: Document, module: schema.Module, rhythm: schema.Rhythm | None, rhythm_file: bool) -> list[ContentError]:
    errors = []
    for number, section in enumerate(module.sections):
        if not isinstance(section, schema.RhythmSection):
            continue
        if rhythm is None:
            if not rhythm_file:  # a broken file is reported once, in its own name
                errors.append(document.error(("sections", number, "kind"), f"a rhythm section shows {RHYTHM_FILE}, which does not exist; add it"))
            continue
        ids = [meeting.id for meeting in rhythm.meetings]
        for position, meeting_id in enumerate(section.meetings):
            if meeting_id not in ids:
                message = f"unknown meeting '{meeting_id}'{suggest(meeting_id, ids)}; {RHYTHM_FILE} has: {', '.join(ids)}"
                errors.append(document.error(("sections", number, "meetings", position), message))
        for position in _duplicates(section.meetings):
            errors.append(document.error(("sections", number, "meetings", position), f"meeting '{section.meetings[position]}' is listed twice"))
    return errors


# Modules on these topics carry legal risk that differs by country: each needs a "What varies by
# country" section covering at least these countries and one in Asia-Pacific.
COUNTRY_TAGS = ("hiring", "onboarding", "performance-issues", "setting-expectations", "developing-front-line-managers")
REQUIRED_COUNTRIES = ("United States", "United Kingdom", "Germany", "France")
APAC_COUNTRIES = (
    "Australia", "China", "Hong Kong", "India", "Indonesia", "Japan", "Malaysia", "New Zealand", "Philippines",
    "Singapore", "South Korea", "Taiwan", "Thailand", "Vietnam",
)
_COUNTRY_ALIASES = {
    "us": "United States", "usa": "United States", "united states of america": "United States",
    "uk": "United Kingdom", "great britain": "United Kingdom", "korea": "South Korea", "republic of korea": "South Korea",
}
# Modules allowed to lack their box for a while: the missing box is a warning (failing `check
# --strict-content`) instead of an error. Empty since every module that needs a box has one (issue 13);
# a module not in it gets the error at once.
COUNTRY_BOX_PENDING: frozenset[str] = frozenset()


def _country_key(name: str) -> str:
    lowered = " ".join(name.lower().split())
    return _COUNTRY_ALIASES.get(lowered, name).lower()


def country_problems(document: Document, module: schema.Module) -> tuple[list[ContentError], list[ContentError]]:
    """(errors, warnings) of the rule on "What varies by country" sections for one module."""
    numbered = [(number, section) for number, section in enumerate(module.sections) if isinstance(section, schema.CountrySection)]
    errors: list[ContentError] = []
    for number, section in numbered:
        for position in _duplicates([_country_key(country.name) for country in section.countries]):
            errors.append(document.error(("sections", number, "countries", position, "name"), f"'{section.countries[position].name}' is listed twice"))
    # The rule follows the topic: a module tagged with one, or the module of that name itself
    # (setting-expectations is tagged `expectations`).
    tagged = [tag for tag in module.tags if tag in COUNTRY_TAGS]
    if not tagged and module.id not in COUNTRY_TAGS:
        return errors, []
    if not numbered:
        topic = tagged[0] if tagged else module.id
        message = (
            f"a module on '{topic}' needs a section of kind 'country' (What varies by country) covering "
            f"{', '.join(REQUIRED_COUNTRIES)} and one Asia-Pacific country"
        )
        problem = document.error(("tags", module.tags.index(tagged[0])) if tagged else ("tags",), message, key=not tagged)
        return (errors, [problem]) if module.id in COUNTRY_BOX_PENDING else (errors + [problem], [])
    present = {_country_key(country.name) for _, section in numbered for country in section.countries}
    missing = [name for name in REQUIRED_COUNTRIES if name.lower() not in present]
    if not present & {name.lower() for name in APAC_COUNTRIES}:
        missing.append(f"one Asia-Pacific country (such as {', '.join(APAC_COUNTRIES[:6])})")
    if missing:
        errors.append(document.error(("sections", numbered[0][0], "countries"), f"missing: {'; '.join(missing)}"))
    return errors, []


def _load_folder(loading: _Loading, folder: Path, model: type[M], problems_of: Callable[[Document, M, str], list[ContentError]]) -> dict[str, M]:
    """Every valid file of one kind in `folder`, keyed by the id its file is named after."""
def _load_folder(
    loading: _Loading, folder: Path, model: type[M], problems_of: Callable[[Document, M, str], list[ContentError]], documents: dict[str, Document] | None = None
) -> dict[str, M]:
    """Every valid file of one kind in `folder`, keyed by the id its file is named after (their YAML into `documents`)."""
    loaded: dict[str, M] = {}
    for path in _yaml_files(loading, folder)[0]:
        document, value = loading.load(path, model)
        if document is None or value is None:
            continue
        problems = problems_of(document, value, path.stem)
        loading.errors += problems
        if not problems:
            loaded[path.stem] = value
            if documents is not None:
                documents[path.stem] = document
    return loaded


def _id_mismatch(document: Document, value_id: str, stem: str) -> list[ContentError]:
    if value_id == stem:
        return []
    return [document.error(("id",), f"id '{value_id}' does not match the file name; rename the file to {value_id}.yml or set id: {stem}")]


def _yaml_files(loading: _Loading, folder: Path) -> tuple[list[Path], set[str]]:
    """The YAML files of `folder` the loader can read, and the ids of `*.yml` entries it cannot.

    Every entry named like a YAML file is either read or reported in its own name (a folder, a
    symlink loop, a dangling or outside link, `.YML`): skipping it silently turned one broken module
    into "unknown module" errors in every file that names it. Hidden entries (`.#x.yml`, the lock
    link Emacs keeps while a file is edited) are not course files.
    """
    if not folder.is_dir():
        return [], set()
    usable, unusable = [], set()
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.suffix.lower() not in YAML_SUFFIXES:
            continue
        problem = _unusable(path, loading.root)
        if problem:
            loading.errors.append(ContentError(path.relative_to(loading.root).as_posix(), 1, 1, "", problem))
            unusable.add(path.stem)
        else:
            usable.append(path)
    return usable, unusable


YAML_SUFFIXES = {".yml", ".yaml"}


def _unusable(path: Path, root: Path) -> str | None:
    """Why the loader cannot use the entry `path`, or None for a regular file inside the project."""
    if path.suffix not in YAML_SUFFIXES:
        return f"the name ends in '{path.suffix}'; rename it to {path.stem}{path.suffix.lower()} (course files end in .yml or .yaml)"
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return f"a dangling symlink (it points to {os.readlink(path)}, which does not exist); remove it or fix its target"
    except (OSError, RuntimeError):
        return "a symlink loop (the link leads back to itself); replace it with the file"
    if not target.is_relative_to(root.resolve()):
        # Followed, it would publish whatever the link names: fine on an author's laptop, not in
        # CI building a contributed branch.
        return "a link to a file outside the project folder; copy the file into the project instead"
    if path.is_dir():
        return "a folder, not a file; course files are YAML files directly in this folder"
    if not path.is_file():
        return "not a regular file (a pipe, socket or device); course files are plain YAML files"
    return None


def _duplicates(values: list[Any]) -> list[int]:
    """Positions of values that already appeared earlier in the list."""
    counts: Counter[Any] = Counter()
    found = []
    for number, value in enumerate(values):
        if counts[value]:
            found.append(number)
        counts[value] += 1
    return found


def _module_problems(document: Document, module: schema.Module) -> list[ContentError]:
    errors = []
    checklist_ids = [(number, section.id) for number, section in enumerate(module.sections) if isinstance(section, schema.ChecklistSection) and section.id]
    for position in _duplicates([checklist_id for _, checklist_id in checklist_ids]):
        number, checklist_id = checklist_ids[position]
        errors.append(document.error(("sections", number, "id"), f"checklist id '{checklist_id}' is used twice in this module"))
    for number in _duplicates(module.tags):
        errors.append(document.error(("tags", number), f"tag '{module.tags[number]}' is listed twice"))
    return errors


def _quiz_problems(
    document: Document, quiz: schema.Quiz, stem: str, known: set[str], modules: dict[str, schema.Module]
) -> list[ContentError]:
    errors = []
    if quiz.module != stem:
        errors.append(document.error(("module",), f"quiz for '{quiz.module}' must be in {QUIZZES_DIR}/{quiz.module}.yml"))
    elif quiz.module not in known:
        errors.append(document.error(("module",), f"no module '{quiz.module}'{suggest(quiz.module, known)}: a quiz belongs to a module in {MODULES_DIR}/"))
    # Review items are asked on their own later, but results and answers refer to question ids: one id space.
    items = [("questions", number, question) for number, question in enumerate(quiz.questions)]
    items += [("review", number, question) for number, question in enumerate(quiz.review)]
    for number in _duplicates([question.id for _, _, question in items]):
        where, position, question = items[number]
        errors.append(document.error((where, position, "id"), f"question id '{question.id}' is used twice in this quiz"))
    objectives = len(modules[quiz.module].objectives) if quiz.module in modules else None
    for where, position, question in items:
        for number in _duplicates([choice.id for choice in question.choices]):
            loc = (where, position, "choices", number, "id")
            errors.append(document.error(loc, f"choice id '{question.choices[number].id}' is used twice in this question"))
        if question.objective is not None and objectives is not None and question.objective > objectives:
            errors.append(document.error((where, position, "objective"), f"the module has {objectives} objective{'s' if objectives != 1 else ''}; there is no objective {question.objective}"))
    return errors


def _reserved_path_ids(root: Path) -> dict[str, str]:
    """Path ids whose generated page would replace a hand-written one in docs/paths/, with why.

    `index` is always reserved: the navigation puts paths/index.md (the Learning paths overview)
    first in its section.
    """
    reserved = {"index": "paths/index.md is the Learning paths page"}
    folder = root / DOCS_PATHS_DIR
    if folder.is_dir():
        for page in folder.iterdir():
            if page.suffix == ".md" and page.stem != "index":
                reserved[page.stem] = f"{DOCS_PATHS_DIR}/{page.name} is a hand-written page"
    return reserved


def _path_problems(document: Document, learning_path: schema.LearningPath, stem: str, known: set[str], reserved: dict[str, str]) -> list[ContentError]:
    errors = _id_mismatch(document, learning_path.id, stem)
    if learning_path.id in reserved:
        message = f"'{learning_path.id}' is reserved: {reserved[learning_path.id]}; choose another id and rename the file"
        errors.append(document.error(("id",), message))
    for number, step in enumerate(learning_path.steps):
        if step.module not in known:
            errors.append(document.error(("steps", number, "module"), f"unknown module '{step.module}'{suggest(step.module, known)}"))
    for number in _duplicates([step.module for step in learning_path.steps]):
        errors.append(document.error(("steps", number, "module"), f"module '{learning_path.steps[number].module}' is already a step of this path"))
    return errors


def _roleplay_problems(document: Document, kit: schema.RolePlay, stem: str, known: set[str]) -> list[ContentError]:
    errors = _id_mismatch(document, kit.id, stem)
    if kit.id == "index":
        errors.append(document.error(("id",), "'index' is reserved: roleplays/index.md is the Role-play kits page; choose another id and rename the file"))
    if kit.module not in known:
        errors.append(document.error(("module",), f"unknown module '{kit.module}'{suggest(kit.module, known)}: a role-play kit belongs to a module in {MODULES_DIR}/"))
    behaviours = [item.behaviour.casefold() for item in kit.observer.behaviours]
    for number in _duplicates(behaviours):
        errors.append(document.error(("observer", "behaviours", number, "behaviour"), f"behaviour '{kit.observer.behaviours[number].behaviour}' is already on the rubric"))
    return errors


def _course_problems(document: Document, course: schema.Course, known: set[str]) -> list[ContentError]:
    errors = []
    for number in _duplicates([track.id for track in course.tracks]):
        errors.append(document.error(("tracks", number, "id"), f"track id '{course.tracks[number].id}' is used twice"))
    seen: dict[str, str] = {}
    for track_number, track in enumerate(course.tracks):
        for number, module_id in enumerate(track.modules):
            loc = ("tracks", track_number, "modules", number)
            if module_id not in known:
                errors.append(document.error(loc, f"unknown module '{module_id}'{suggest(module_id, known)}"))
            elif module_id in seen:
                errors.append(document.error(loc, f"module '{module_id}' is already in track '{seen[module_id]}'; a module belongs to one track"))
            else:
                seen[module_id] = track.id
    return errors


def _course_order(course: schema.Course, modules: dict[str, schema.Module]) -> dict[str, schema.Module]:
    """Modules in track order, then any module no track names, by id."""
    ordered: dict[str, schema.Module] = {}
    for track in course.tracks:
        for module_id in track.modules:
            if module_id in modules:
                ordered.setdefault(module_id, modules[module_id])
    for module_id in sorted(modules):
        ordered.setdefault(module_id, modules[module_id])
    return ordered
