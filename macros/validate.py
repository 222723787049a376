"""Check a loaded YAML document against a schema model and explain each problem where it stands."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import schema
from .errors import ContentError
from .loader import Document

M = TypeVar("M", bound=BaseModel)


def validate_document(document: Document, model: type[M]) -> tuple[M | None, list[ContentError]]:
    """The model built from `document`, or None and one error per problem pydantic found."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    typos = _typos(errors)
    explained = []
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and loc in typos.values():
            continue  # reported once, as the misspelt key that was meant to be this field
        if error["type"] == "extra_forbidden" and loc in typos:
            name = loc[-1]
            explained.append(document.error(loc, f"unknown field {_quote(name)} (did you mean '{typos[loc][-1]}'?)", key=True))
            continue
        explained.append(_explain(document, error, model))
    return None, explained


def _typos(errors: list[Any]) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """Unknown keys that are a misspelling of a missing field beside them: `levell` for `level`.

    One typo makes pydantic report two problems (a missing field and an unknown one); an author
    needs one. Maps the unknown key's location to the missing field's.
    """
    missing: dict[tuple[Any, ...], list[str]] = {}
    for error in errors:
        if error["type"] == "missing":
            loc = tuple(error["loc"])
            missing.setdefault(loc[:-1], []).append(str(loc[-1]))
    typos: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] != "extra_forbidden" or loc[:-1] not in missing:
            continue
        match = difflib.get_close_matches(str(loc[-1]), missing[loc[:-1]], n=1, cutoff=0.6)
        if match and (*loc[:-1], match[0]) not in typos.values():
            typos[loc] = (*loc[:-1], match[0])
    return typos


def suggest(word: str, candidates: list[str] | tuple[str, ...] | Any) -> str:
    """` (did you mean 'x'?)` when a candidate is close to `word`, else an empty string."""
    match = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.75)
    return f" (did you mean '{match[0]}'?)" if match else ""


def _explain(document: Document, error: dict[str, Any], model: type[BaseModel]) -> ContentError:
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        name = loc[-1]
        return document.error(loc, f"unknown field {_quote(name)}{suggest(name, fields_at(model, loc[:-1]))}", key=True)
    if kind == "missing":
        parent = loc[:-1]
        return document.error(loc, f"missing required field '{loc[-1]}'", at=parent)
    if kind == "union_tag_invalid":
        tag = error.get("ctx", {}).get("tag", "")
        kinds = ", ".join(schema.SECTION_KINDS)
        return document.error((*loc, "kind"), f"unknown section kind {_quote(tag)}{suggest(tag, schema.SECTION_KINDS)}; expected one of: {kinds}")
    if kind == "union_tag_not_found":
        return document.error(loc, f"missing 'kind' (one of: {', '.join(schema.SECTION_KINDS)})")
    if kind in {"string_type", "list_type", "dict_type", "model_type", "int_type", "int_parsing", "bool_type", "bool_parsing", "date_type", "date_from_datetime_parsing"}:
        return document.error(loc, f"expected {_expected(kind)}, got {_describe(value, text_expected=kind == 'string_type')}")
    if kind == "string_pattern_mismatch":
        return document.error(loc, _pattern_message(loc, value))
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        if isinstance(value, str):
            options = [option.strip("' ") for option in expected.replace(" or ", ", ").split(", ")]
            return document.error(loc, f"{_quote(value)} is not allowed; expected {expected}{suggest(value, options)}")
        return document.error(loc, f"expected {expected}, got {_describe(value)}")
    if kind == "value_error":
        return document.error(loc, str(error.get("ctx", {}).get("error", error["msg"])))
    return document.error(loc, _lower_first(" ".join(str(error["msg"]).split())))


def fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names valid at `loc` (a pydantic error location) inside `model`.

    Suggestions come from these only: a global list of every field name suggested 'items' for an
    unknown 'items' in a question, because sections have one.
    """
    candidates: list[Any] = _unwrap(model)
    for part in loc:
        if isinstance(part, str) and len(candidates) > 1:
            tagged = [c for c in candidates if _is_model(c) and _kind_of(c) == part]
            if tagged:  # the discriminator value pydantic puts into the location of a tagged union
                candidates = tagged
                continue
        following: list[Any] = []
        for candidate in candidates:
            if isinstance(part, int) and typing.get_origin(candidate) is list:
                following += _unwrap(typing.get_args(candidate)[0])
            elif isinstance(part, str) and _is_model(candidate) and part in candidate.model_fields:
                following += _unwrap(candidate.model_fields[part].annotation)
        candidates = following
    names: set[str] = set()
    for candidate in candidates:
        if _is_model(candidate):
            names.update(candidate.model_fields)
    return sorted(names)


def _unwrap(annotation: Any) -> list[Any]:
    """The types an annotation stands for, through Annotated, Optional and Union (not through list)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        return [inner for argument in typing.get_args(annotation) for inner in _unwrap(argument)]
    return [annotation]


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


def _kind_of(model: type[BaseModel]) -> str | None:
    field = model.model_fields.get("kind")
    if field is None or typing.get_origin(field.annotation) is not typing.Literal:
        return None
    return str(typing.get_args(field.annotation)[0])


def _expected(kind: str) -> str:
    return {
        "string_type": "text",
        "list_type": "a list (lines starting with '- ')",
        "dict_type": "a mapping (`key: value` lines)",
        "model_type": "a mapping (`key: value` lines)",
        "int_type": "a whole number",
        "int_parsing": "a whole number",
        "bool_type": "true or false",
        "bool_parsing": "true or false",
        "date_type": "a date such as 2027-03-31",
        "date_from_datetime_parsing": "a date such as 2027-03-31",
    }[kind]


def _describe(value: Any, *, text_expected: bool = True) -> str:
    """The value an author wrote, as YAML read it; where text was expected, how to keep it text."""
    hint = "; quote it if it is text" if text_expected else ""
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value{hint})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, (int, float)):
        return f"the number {value}" + (" (quote it if it is text)" if text_expected else "")
    return f"{type(value).__name__} {value!r}"


def _pattern_message(loc: tuple[Any, ...], value: Any) -> str:
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if name == "version":
        return f"{_quote(value)} is not a version; write it quoted, like \"1.2\""
    if name == "url":
        return f"{_quote(value)} is not a web address starting with http:// or https://"
    if isinstance(value, str) and "\n" in value:
        return "must be a single line of text"
    return f"{_quote(value)} is not a valid id: use lower-case letters, digits and single hyphens, like 'pipeline-reviews'"


def _quote(value: Any, limit: int = 60) -> str:
    """A value echoed back in a message: quoted, on one line, cut short."""
    text = str(value)
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return "'" + text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
