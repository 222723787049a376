"""Read YAML files into plain data while remembering where each value stands in the file.

The schema step reports problems by field path (`sections.3.steps.1`); `SourceMap` turns such a
path back into the line and column of the YAML node, so every error names a place an author can
jump to. Everything that can go wrong while reading (bad bytes, tabs, syntax, an empty file, a
list where a mapping belongs, a key given twice) becomes a `ContentError`, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

# libyaml's parser is several times faster than the pure-Python one; the wheel ships it.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Loc = tuple[Any, ...]

# PyYAML's C composer recurses once per nesting level without a limit: tens of thousands of nested
# `[`, `- ` or `? ` crash the whole process (SIGSEGV, not an exception), and a few thousand exhaust
# Python's recursion limit in the constructor. No course file comes near a tenth of this.
MAX_DEPTH = 200
# Cheap bounds that decide whether the exact (event-by-event) depth scan is needed at all: a block
# collection starts inside a line's prefix of spaces and `-`/`?`/`:` indicators, and each column of
# that prefix can open at most two levels (a mapping and the list that is its value); flow levels
# need a bracket each. Below both bounds a document cannot reach MAX_DEPTH.
_LONG_BLOCK_PREFIX = re.compile(r"^[ ?:-]{50}", re.MULTILINE)
_MAX_UNCHECKED_BRACKETS = 90
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True)
class SourceMap:
    """Positions (1-based line, col) of every value and mapping key of one YAML document."""

    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    kinds: dict[Loc, str] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The closest known position for `loc`: the node itself, else its nearest ancestor."""
        loc = self.resolve(loc)
        if key and loc in self.keys:
            return self.keys[loc]
        while loc not in self.values and loc:
            loc = loc[:-1]
        return self.values.get(loc, (1, 1))

    def resolve(self, loc: Loc) -> Loc:
        """Drop the parts of a schema path that are not in the document.

        Pydantic inserts the discriminator value of a tagged union (`sections.3.practices.items`)
        and may use numbers where YAML has string keys; keep only the steps the YAML has.
        """
        resolved: list[Any] = []
        for part in loc:
            candidate = (*resolved, part)
            if candidate in self.values or candidate in self.keys:
                resolved.append(part)
            elif self.kinds.get(tuple(resolved)) == "map" and isinstance(part, str) and (*resolved, "kind") in self.values:
                continue  # the union tag pydantic adds; the YAML has it as `kind:`
            else:
                resolved.append(part)
        return tuple(resolved)


@dataclass(frozen=True)
class Document:
    """A YAML file read into plain Python data, with the positions of its nodes."""

    path: str
    data: Any
    source: SourceMap

    def error(self, loc: Loc, message: str, *, key: bool = False, at: Loc | None = None) -> ContentError:
        """An error about the field at `loc`, placed at `loc` (or at `at`, e.g. the parent of a missing field)."""
        line, col = self.source.position(loc if at is None else at, key=key)
        return ContentError(self.path, line, col, field_path(self.source.resolve(loc)), message)


def field_path(loc: Loc) -> str:
    """`('sections', 3, 'steps', 1)` -> `sections[3].steps[1]`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = str(part).replace("\n", "\\n")
            text += f".{name}" if text else name
    return text


def read_document(path: Path, display: str) -> tuple[Document | None, list[ContentError]]:
    """Read one YAML file; return the document, or None and the reasons it could not be read."""
    raw, errors = read_file(path, display)
    return decode_document(raw, display) if raw is not None else (None, errors)


def read_file(path: Path, display: str) -> tuple[bytes | None, list[ContentError]]:
    """A file's bytes, or None and why it cannot be read."""
    try:
        return path.read_bytes(), []
    except OSError as exc:
        return None, [ContentError(display, 1, 1, "", f"cannot read file: {exc.strerror}")]


def decode_document(raw: bytes, display: str) -> tuple[Document | None, list[ContentError]]:
    """A YAML file's bytes as a `Document` (see `read_document`)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        return None, [ContentError(display, line, col, "", f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]
    return parse_document(text, display)


def parse_document(text: str, display: str) -> tuple[Document | None, list[ContentError]]:
    """Parse YAML text into a `Document` (see `read_document`)."""
    text = text.removeprefix("\ufeff")
    errors = _tab_errors(text, display) or _depth_errors(text, display)
    if errors:
        return None, errors
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, [ContentError(display, 1, 1, "", "the file is empty; it needs a mapping of fields")]
            source = SourceMap()
            reader = _Reader(loader, source, display)
            try:
                data = reader.walk(node, ())
                if not reader.fatal and not reader.plain:
                    data = loader.construct_document(node)
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                # e.g. an explicit tag on a value it cannot describe: `!!bool maybe`
                line, col = source.position(())
                return None, [ContentError(display, line, col, "", f"a value cannot be read ({_one_line(str(exc))}); remove explicit tags such as !!bool")]
            if reader.fatal:
                return None, sorted(reader.errors)
            errors = reader.errors
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.problem and exc.context and exc.context_mark and exc.context_mark is not mark:
            problem += f" ({exc.context} that starts at line {exc.context_mark.line + 1})"
        return None, [ContentError(display, line, col, "", f"YAML syntax error: {_one_line(problem)}")]
    except yaml.reader.ReaderError as exc:
        line, col = _text_line_col(text, exc.position)
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return None, [ContentError(display, line, col, "", f"character U+{ord(character):04X} is not allowed in YAML (a control character); delete it")]
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        return None, [ContentError(display, 1, 1, "", f"YAML error: {_one_line(str(exc))}")]
    if not isinstance(data, dict):
        line, col = source.position(())
        kind = "a list" if isinstance(data, list) else f"a single {type(data).__name__} value"
        return None, [ContentError(display, line, col, "", f"expected a mapping of fields (`key: value` lines), got {kind}")]
    return Document(display, data, source), errors


def _tab_errors(text: str, display: str) -> list[ContentError]:
    """YAML forbids tabs for indentation; say so plainly instead of libyaml's scanner message."""
    if "\t" not in text:
        return []
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            errors.append(ContentError(display, number, len(line) - len(stripped) + 1, "", "tab used for indentation; indent with spaces"))
    return errors


class _Reader:
    """Builds the data and the positions of every node and key in one pass over libyaml's node tree.

    It also reports keys given twice, aliases and impossible dates. Plain documents (string keys,
    untagged maps and lists, no merge keys, no key twice), which is every course file, are built
    here; anything else is left to PyYAML's constructor (`plain` is False), which is slower.
    """

    def __init__(self, loader: Any, source: SourceMap, display: str) -> None:
        self.loader, self.source, self.display = loader, source, display
        self.errors: list[ContentError] = []
        self.fatal = False  # the document must not be constructed (an alias could expand without bound)
        self.plain = True
        self.seen: set[int] = set()

    def error(self, node_or_mark: Any, field: Loc, message: str) -> None:
        mark = getattr(node_or_mark, "start_mark", node_or_mark)
        self.errors.append(ContentError(self.display, mark.line + 1, mark.column + 1, field_path(field), message))

    def walk(self, node: yaml.Node, loc: Loc) -> Any:
        if id(node) in self.seen:
            # Aliases (*name) point back at a node: a handful can stand for billions of values.
            # The node is the anchored one; the alias itself stands where its key is.
            line, col = self.source.keys.get(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
            message = "YAML aliases (*name) are not supported in course files; write the value out"
            self.errors.append(ContentError(self.display, line, col, field_path(loc), message))
            self.fatal = True
            return None
        self.seen.add(id(node))
        self.source.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            self.source.kinds[loc] = "map"
            self.plain = self.plain and node.tag == MAP_TAG
            mapping: dict[Any, Any] = {}
            keys: set[Any] = set()
            for key_node, value_node in node.value:
                scalar_key = isinstance(key_node, yaml.ScalarNode)
                key = key_node.value if scalar_key else str(key_node.value)
                child = (*loc, key)
                if key in keys:
                    self.error(key_node, child, "key given twice; the second value would silently win")
                    self.plain = False
                    continue
                keys.add(key)
                self.source.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                value = self.walk(value_node, child)
                if scalar_key and key_node.tag != MERGE_TAG:
                    mapping[self.scalar(key_node, child)] = value
                else:
                    self.plain = False
            return mapping
        if isinstance(node, yaml.SequenceNode):
            self.source.kinds[loc] = "seq"
            self.plain = self.plain and node.tag == SEQ_TAG
            return [self.walk(item, (*loc, number)) for number, item in enumerate(node.value)]
        return self.scalar(node, loc)

    def scalar(self, node: yaml.ScalarNode, loc: Loc) -> Any:
        if node.tag == STR_TAG:
            return node.value
        if node.tag == TIMESTAMP_TAG:
            try:
                return self.loader.construct_yaml_timestamp(node)
            except (ValueError, AttributeError):
                self.error(node, loc, f"'{node.value}' is not a real date (year-month-day, e.g. 2027-03-31)")
                self.fatal = True
                return None
        return self.loader.construct_object(node)


def _depth_errors(text: str, display: str) -> list[ContentError]:
    """Refuse absurd nesting (block or flow) before the composer sees it: it would crash, not raise.

    libyaml's parser keeps its own stacks, so reading the document as events is safe at any depth;
    the problem is placed at the list or mapping that goes one level too deep.
    """
    if text.count("[") + text.count("{") <= _MAX_UNCHECKED_BRACKETS and not _LONG_BLOCK_PREFIX.search(text):
        return []  # cannot nest that deep: skip the event scan, which would double the reading time
    loader = _Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    message = f"lists and mappings nested more than {MAX_DEPTH} levels deep; a course file needs a handful"
                    return [ContentError(display, mark.line + 1, mark.column + 1, "", message)]
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return []  # a syntax error before the limit: the real parse reports it, at no greater depth
    finally:
        loader.dispose()
    return []


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _text_line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col
