"""The whole course, loaded once: every module, quiz and track, with cross-references checked.

`load_catalog` never raises for a content problem. It returns what could be loaded together with
every problem found, so the CLI can list them all and `mkdocs serve` can keep serving while the
author fixes them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

from . import schema
from .errors import ContentError
from .loader import Document, read_document
from .validate import suggest, validate_document

COURSE_FILE = "content/course.yml"
MODULES_DIR = "content/modules"
QUIZZES_DIR = "quizzes"
PATHS_DIR = "content/paths"
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
    quiz_documents: dict[str, Document] = field(default_factory=dict)  # module id -> its quiz's YAML, for the quiz lint

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
class _Loading:
    """Collects documents and problems while the catalog is put together."""

    root: Path
    errors: list[ContentError] = field(default_factory=list)

    def load(self, path: Path, model: type[M]) -> tuple[Document | None, M | None]:
        display = path.relative_to(self.root).as_posix()
        document, errors = read_document(path, display)
        self.errors += errors
        if document is None:
            return None, None
        value, errors = validate_document(document, model)
        self.errors += errors
        return document, value


def load_catalog(root: Path) -> tuple[Catalog | None, list[ContentError]]:
    """Load and cross-check the course under `root`; the catalog is None only if course.yml is unusable."""
    loading = _Loading(root)
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
    paths = _load_folder(loading, root / PATHS_DIR, schema.LearningPath, lambda doc, lp, stem: _path_problems(doc, lp, stem, known, reserved))

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
    catalog = Catalog(course=course, modules=ordered, quizzes=quizzes, paths=paths, documents=module_docs, quiz_documents=quiz_docs)
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
