"""What a JSON file the tool reads (profile, brand) may not hold, whatever the field: values
no such file has and that would crash or corrupt the tool further on.

- an integer too long for Python to print (more than 4 300 digits) or simply absurd
  (more than `MAX_DIGITS` digits),
- ``NaN``, ``Infinity`` or a number that overflows (``1e400``), which no JSON reader accepts
  back,
- a lone surrogate (``\\ud800``), which cannot be written as UTF-8,
- values nested deeper than `MAX_DEPTH` levels.

`hostile_value(data)` walks the decoded JSON without recursion and returns the first such
value as (field, French text naming it); `json_loads` decodes a file's text so that these
values come back as markers rather than exceptions; `json_error_text` says a syntax error in
French.
"""

from __future__ import annotations

import json
import math
from typing import Any

from reports.texts import message, table

MAX_DEPTH = 32  # a profile is 4 levels deep; unknown fields kept as they are get some room
MAX_DIGITS = 300  # far beyond any count or amount in euros, far below Python's 4 300
_SHOWN_PARTS = 6


class TooLong:
    """An integer too long to convert, kept as its number of digits."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


class NonFinite:
    """``NaN``, ``Infinity`` or ``-Infinity`` as written in the file."""

    def __init__(self, text: str) -> None:
        self.text = text


def _parse_int(text: str) -> int | TooLong:
    digits = len(text.lstrip("-"))
    return TooLong(digits) if digits > MAX_DIGITS else int(text)


def json_loads(text: str) -> Any:
    """`json.loads` with long integers and non-finite constants as markers, not errors."""
    return json.loads(text, parse_int=_parse_int, parse_constant=NonFinite)


def _shown(path: list[Any]) -> str:
    parts = [str(p).encode("utf-8", "backslashreplace").decode("utf-8") for p in path]
    if len(parts) > _SHOWN_PARTS:
        parts = [*parts[:_SHOWN_PARTS], "…"]
    return ".".join(parts) or message("json.field.whole_file")


def _problem(value: Any) -> str | None:
    """What is wrong with one scalar value (None: nothing)."""
    if isinstance(value, TooLong):
        return message("json.value.too_long", digits=value.digits)
    if isinstance(value, NonFinite):
        return message("json.value.not_a_number", text=value.text)
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value.bit_length() > MAX_DIGITS * 10 // 3:
        return message("json.value.huge", limit=MAX_DIGITS)
    if isinstance(value, float) and not math.isfinite(value):
        return message("json.value.infinite")
    if isinstance(value, str) and not _utf8(value):
        return message("json.value.surrogate")
    return None


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def hostile_value(data: Any) -> tuple[str, str] | None:
    """The first value of `data` no file may hold: (dotted field, French text naming it)."""
    stack: list[tuple[list[Any], Any]] = [([], data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict | list):
            if len(path) >= MAX_DEPTH:
                return (_shown(path), message("json.field.nested", field=_shown(path),
                                              depth=MAX_DEPTH))
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str) and not _utf8(key):
                    shown = _shown([*path, key])
                    return (shown, message("json.field.bad_name", field=shown))
                stack.append(([*path, key], item))
            continue
        problem = _problem(value)
        if problem:
            return (_shown(path), message("json.field.problem", field=_shown(path),
                                          problem=problem))
    return None


def json_error_text(exc: json.JSONDecodeError) -> str:
    """The JSON reader's complaint in French (its position is given separately)."""
    return next((french for english, french in table("json.decoder").items()
                 if exc.msg.startswith(english)), message("json.error.other"))
