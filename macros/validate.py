"""Check a loaded YAML document against a schema model and explain each problem where it stands."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import schema
from .errors import ContentError
from .loader import Document

M = TypeVar("M", bound=BaseModel)


def _field_names() -> list[str]:
    names: set[str] = set()
    for model in schema.Content.__subclasses__():
        names.update(model.model_fields)
    return sorted(names)


FIELD_NAMES = _field_names()


def validate_document(document: Document, model: type[M]) -> tuple[M | None, list[ContentError]]:
    """The model built from `document`, or None and one error per problem pydantic found."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        return None, [_explain(document, error) for error in exc.errors(include_url=False)]


def suggest(word: str, candidates: list[str] | tuple[str, ...] | Any) -> str:
    """` (did you mean 'x'?)` when a candidate is close to `word`, else an empty string."""
    match = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.75)
    return f" (did you mean '{match[0]}'?)" if match else ""


def _explain(document: Document, error: dict[str, Any]) -> ContentError:
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        name = loc[-1]
        return document.error(loc, f"unknown field {_quote(name)}{suggest(name, FIELD_NAMES)}", key=True)
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
