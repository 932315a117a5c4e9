"""Checks on a notes file before anything of it is imported.

`import-notes` reads files other people and programs wrote, so it reads them the way
`import` reads saved pages: within a size limit, and refusing (rather than guessing at)
anything that is not what the format says. Each check names the first bad place by its
path in the document (`first.items[3].created: not a date`), so the reader can find it;
a refused file writes nothing.

- `load_json`: the size limit, a nesting limit checked before the parser runs (Python's
  parser recurses, and a file of 100,000 `[` ends in RecursionError or, on a thread
  with a small stack, a crash), then the parse itself.
- `check_annotations`: the W3C / Hypothesis shapes `w3c.parse_annotations` reads: every
  field it uses has the type the model gives it, dates are dates, offsets are offsets.
  Fields it does not use are not looked at, so other tools' extensions still import.
- `check_date`, `check_offset`: shared with the backup reader.

What is refused here and what is made harmless elsewhere: a file is refused for what is
malformed (a type, a date, an offset, its size or depth), because storing it would need
a guess. A well-formed value that is only unsafe to follow, a source or a note link with
a `file:`, `smb:` or `javascript:` URL, is imported as it is: it is what the annotation
says (and may be a legitimate citation, `doi:` or `urn:isbn:`), rewriting it would lose
that, and it would not protect notes that reach the library another way (typed, an
older backup). Every place that shows or exports a link applies `safe_links` instead,
so such a URL is text wherever it appears.

A hand-written validator rather than a JSON Schema: the checks are few, they must name
paths the way the backup reader already does, and `jsonschema` is a test-only dependency.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

# The same ceiling as `import` puts on a saved page. A W3C or Hypothesis export of 64 MB
# holds about 100,000 annotations; a full JSON backup of that size, thousands of
# articles (`gloss backup` copies a library of any size).
MAX_FILE_BYTES = 64 * 1024 * 1024
# Gloss's backup is 6 levels deep, a W3C collection 7, Hypothesis rows 6; blocks of
# nested lists add a few. Nothing real comes near this.
MAX_DEPTH = 64
# Offsets and ids go into SQLite INTEGER columns (64-bit).
MAX_INT = 2**63 - 1

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class NotesFileError(ValueError):
    """The notes file cannot be imported; the message names the first problem."""


def size_problem(size: int) -> str | None:
    if size <= MAX_FILE_BYTES:
        return None
    return (
        f"the file is too large ({-(-size // (1024 * 1024))} MB; the limit is "
        f"{MAX_FILE_BYTES // (1024 * 1024)} MB)"
    )


def load_json(data: str | bytes) -> Any:
    """Decoded JSON, or NotesFileError for a file too large, too deep or not JSON."""
    size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
    problem = size_problem(size)
    if problem:
        raise NotesFileError(problem)
    if isinstance(data, bytes):
        try:  # as json.loads does: UTF-8, or UTF-16/32 told apart by the first bytes
            data = data.decode(json.detect_encoding(data), "surrogatepass")
        except UnicodeDecodeError as exc:
            raise NotesFileError(f"not JSON: {exc}") from None
    if nesting_depth(data) > MAX_DEPTH:
        raise NotesFileError(f"nested more than {MAX_DEPTH} levels deep")
    try:
        return json.loads(data)
    except RecursionError:
        raise NotesFileError(f"nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as exc:  # JSONDecodeError, or an integer with thousands of digits
        raise NotesFileError(f"not JSON: {exc}") from None


def nesting_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in JSON text, without parsing it
    (stopping once past MAX_DEPTH).

    Strings are cut out first (a "[" inside one does not count), then everything but
    brackets, so one pass over what is left is cheap."""
    depth = deepest = 0
    for char in _NOT_BRACKET.sub("", _STRING.sub("", text)):
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    break
        else:
            depth -= 1
    return deepest


# -- values ------------------------------------------------------------------------------


def kind(value: Any) -> str:
    """How a JSON value is named in a message ("an object", "a string", …)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    return {dict: "an object", list: "a list", str: "a string"}.get(type(value), "a value")


def is_date(value: str) -> bool:
    """An ISO 8601 date or date-time that names a real moment."""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if parsed.tzinfo is not None:
            parsed.astimezone(UTC)  # out of range once moved to UTC (year 1 or 9999)
    except (ValueError, OverflowError):
        return False
    return True


def check_date(value: Any, where: str) -> str:
    """A date string ("" and null mean none), else NotesFileError naming `where`."""
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        raise NotesFileError(f"{where}: not a date (found {kind(value)})")
    if not is_date(value):
        raise NotesFileError(f"{where}: not a date ({_clip(value)})")
    return value


def check_offset(value: Any, where: str) -> int | None:
    """A non-negative integer (or null)."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise NotesFileError(f"{where}: expected an integer, found {kind(value)}")
    if not 0 <= value <= MAX_INT:
        raise NotesFileError(f"{where}: {value} is out of range")
    return value


def _clip(value: str, width: int = 40) -> str:
    return json.dumps(value if len(value) <= width else value[:width] + "…", ensure_ascii=False)


# -- W3C and Hypothesis ------------------------------------------------------------------


def check_annotations(data: Any) -> None:
    """NotesFileError for the first annotation field `parse_annotations` would misread."""
    for path, item in _annotation_items(data):
        _check_annotation(item, path)


def _annotation_items(data: Any) -> list[tuple[str, Any]]:
    # The same shapes, in the same order of preference, as `w3c._items`.
    if isinstance(data, list):
        return [(f"[{i}]", x) for i, x in enumerate(data)]
    if not isinstance(data, dict):
        return []  # parse_annotations refuses it with its own message
    if isinstance(data.get("rows"), list):
        return [(f"rows[{i}]", x) for i, x in enumerate(data["rows"])]
    kinds = _types(data.get("type", data.get("@type")))
    if "AnnotationCollection" in kinds:
        first = data.get("first")
        if isinstance(first, dict):
            items = first.get("items")
            prefix = "first.items"
        else:
            items = data.get("items")
            prefix = "items"
        return _indexed(items, prefix)
    if "AnnotationPage" in kinds:
        return _indexed(data.get("items"), "items")
    return [("annotation", data)]


def _indexed(items: Any, prefix: str) -> list[tuple[str, Any]]:
    return [(f"{prefix}[{i}]", x) for i, x in enumerate(items)] if isinstance(items, list) else []


def _check_annotation(item: Any, where: str) -> None:
    if not isinstance(item, dict):
        raise NotesFileError(f"{where}: expected an annotation object, found {kind(item)}")
    for key in ("id", "@id", "uri", "text", "bodyValue"):
        _opt_string(item, key, where)
    for key in ("created", "modified", "updated"):
        check_date(item.get(key), f"{where}.{key}")
    _strings(item.get("tags"), f"{where}.tags")
    _strings(item.get("motivation"), f"{where}.motivation")
    _strings(item.get("type", item.get("@type")), f"{where}.type")
    for path, target in _each(item.get("target"), f"{where}.target"):
        if isinstance(target, str):
            continue
        if not isinstance(target, dict):
            raise NotesFileError(f"{path}: expected an object or a URL, found {kind(target)}")
        _resource(target, path)
        _selectors(target.get("selector"), f"{path}.selector")
    for path, body in _each(item.get("body"), f"{where}.body"):
        if isinstance(body, str):
            continue
        if not isinstance(body, dict):
            raise NotesFileError(f"{path}: expected an object or a URL, found {kind(body)}")
        _strings(body.get("purpose"), f"{path}.purpose")
        _strings(body.get("type", body.get("@type")), f"{path}.type")
        for key in ("value", "title", "format"):
            _opt_string(body, key, path)
        _resource(body, path)
        _selectors(body.get("selector"), f"{path}.selector")


def _resource(obj: dict[str, Any], where: str) -> None:
    """`source` / `id`: a URL, or an object with an `id` (and maybe a `title`)."""
    for key in ("source", "id", "@id"):
        value = obj.get(key)
        here = f"{where}.{key}"
        if value is None or isinstance(value, str):
            continue
        if not isinstance(value, dict):
            raise NotesFileError(f"{here}: expected a URL, found {kind(value)}")
        for inner in ("id", "@id", "title"):
            _opt_string(value, inner, here)


def _selectors(value: Any, where: str) -> None:
    for path, selector in _each(value, where):
        if not isinstance(selector, dict):
            raise NotesFileError(f"{path}: expected an object, found {kind(selector)}")
        kinds = _types(selector.get("type", selector.get("@type")))
        if "TextQuoteSelector" in kinds:
            for key in ("exact", "prefix", "suffix"):
                _opt_string(selector, key, path)
        if "TextPositionSelector" in kinds:
            start = check_offset(selector.get("start"), f"{path}.start")
            end = check_offset(selector.get("end"), f"{path}.end")
            if start is not None and end is not None and end < start:
                raise NotesFileError(f"{path}.end: {end} is before start {start}")


def _each(value: Any, where: str) -> list[tuple[str, Any]]:
    if value is None:
        return []
    if isinstance(value, list):
        return [(f"{where}[{i}]", x) for i, x in enumerate(value)]
    return [(where, value)]


def _types(value: Any) -> set[str]:
    values = value if isinstance(value, list) else [value]
    return {v.split(":")[-1] for v in values if isinstance(v, str)}


def _opt_string(obj: dict[str, Any], key: str, where: str) -> None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise NotesFileError(f"{where}.{key}: expected a string, found {kind(value)}")


def _strings(value: Any, where: str) -> None:
    """A string or a list of strings (JSON-LD lets one value stand for a list)."""
    for path, item in _each(value, where):
        if not isinstance(item, str):
            raise NotesFileError(f"{path}: expected a string, found {kind(item)}")
