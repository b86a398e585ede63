"""Reading one CSV cell: typed parsers, condition sets and column rules."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from reports.knowledge.vocab import CONDITION_KEYS
from reports.texts import message


class _CellError(ValueError):
    """A cell's problem, in French, before the file/row/column are known."""

    def __init__(self, key: str, /, **values: Any):
        super().__init__(message(key, **values))


def _text(cell: str) -> str:
    """A non-empty text."""
    if not cell:
        raise _CellError("knowledge.cells.required")
    return cell


def _int(cell: str) -> int:
    """A whole number."""
    try:
        return int(cell)
    except ValueError:
        raise _CellError("knowledge.cells.not_int", cell=cell) from None


def _float(cell: str) -> float:
    """A finite number; a decimal comma is accepted."""
    try:
        value = float(cell.replace(",", "."))
    except ValueError:
        raise _CellError("knowledge.cells.not_number", cell=cell) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise _CellError("knowledge.cells.not_number", cell=cell)
    return value


def _bool(cell: str) -> bool:
    """true/false (vrai/faux, oui/non too)."""
    if cell.lower() in ("true", "vrai", "oui"):
        return True
    if cell.lower() in ("false", "faux", "non"):
        return False
    raise _CellError("knowledge.cells.not_bool", cell=cell)


_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


def _date(cell: str) -> str:
    """A date written AAAA, AAAA-MM or AAAA-MM-JJ, kept as text."""
    if not _DATE.fullmatch(cell):
        raise _CellError("knowledge.cells.not_date", cell=cell)
    return cell


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(cell: str) -> str:
    """A full date AAAA-MM-JJ that exists in the calendar, kept as text."""
    if not _DAY.fullmatch(cell):
        raise _CellError("knowledge.cells.not_day", cell=cell)
    try:
        datetime.date.fromisoformat(cell)
    except ValueError:
        raise _CellError("knowledge.cells.not_day", cell=cell) from None
    return cell


_INSEE = re.compile(r"\d[\dAB]\d{3}")


def _insee(cell: str) -> str:
    """A 5-character INSEE commune code (2A/2B for Corsica)."""
    if not _INSEE.fullmatch(cell):
        raise _CellError("knowledge.cells.not_insee", cell=cell)
    return cell


def _list(cell: str) -> tuple[str, ...]:
    """Ids separated by « | », blanks dropped."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())


_DEPARTEMENT = re.compile(r"\d{2}|2[AB]|97\d")


def _departements(cell: str) -> tuple[str, ...]:
    """Département codes separated by « | » (01…95, 2A, 2B, 971…976), at least one."""
    codes = _list(cell)
    bad = next((c for c in codes if not _DEPARTEMENT.fullmatch(c)), None)
    if bad is not None or not codes:
        raise _CellError("knowledge.cells.not_departement", cell=bad or cell)
    return codes


def _conditions(cell: str) -> Mapping[str, Any]:
    """A JSON condition set (empty cell: no condition)."""
    try:
        data = json.loads(cell or "{}")
    except json.JSONDecodeError as exc:
        raise _CellError("knowledge.cells.bad_json", reason=exc.msg,
                         position=exc.pos + 1) from None
    return check_conditions(data)


def check_conditions(data: Any) -> Mapping[str, Any]:
    """Validate a condition set against the vocabulary; return it frozen (values as tuples)."""
    if not isinstance(data, dict):
        raise _CellError("knowledge.cells.not_object")
    frozen: dict[str, Any] = {}
    for key, value in data.items():
        if key not in CONDITION_KEYS:
            raise _CellError("knowledge.cells.unknown_condition", key=key,
                             keys=", ".join(CONDITION_KEYS))
        kind, allowed = CONDITION_KEYS[key]
        frozen[key] = _condition_value(key, kind, allowed, value)
    return MappingProxyType(frozen)


def _condition_value(key: str, kind: str, allowed: tuple[str, ...], value: Any) -> Any:
    """One condition's value checked against its kind and allowed values."""
    if kind == "bool":
        if not isinstance(value, bool):
            raise _CellError("knowledge.cells.condition_bool", key=key)
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise _CellError("knowledge.cells.condition_int", key=key)
        return value
    if not isinstance(value, list) or not value:
        raise _CellError("knowledge.cells.condition_list", key=key)
    for item in value:
        if item not in allowed:
            raise _CellError("knowledge.cells.condition_value", item=item, key=key,
                             allowed=", ".join(allowed))
    return tuple(value)


@dataclass(frozen=True)
class _Col:
    """How to read one column: parser, whether it may be empty, allowed values, range."""

    name: str
    parse: Callable[[str], Any] = _text
    optional: bool = False
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None


def _cell(col: _Col, raw: str) -> Any:
    """One raw cell read and checked by its column's rule."""
    raw = raw.strip()
    if not raw and col.parse is _conditions:
        return _conditions("")  # no condition: always holds
    if not raw:
        if not col.optional:
            raise _CellError("knowledge.cells.required")
        return () if col.parse is _list else None
    value = col.parse(raw)
    items = value if isinstance(value, tuple) else (value,)
    if col.choices:
        for item in items:
            if item not in col.choices:
                raise _CellError("knowledge.cells.not_allowed", item=item,
                                 allowed=", ".join(col.choices))
    if col.low is not None and value < col.low:
        raise _CellError("knowledge.cells.too_small", cell=raw, low=f"{col.low:g}")
    if col.high is not None and value > col.high:
        raise _CellError("knowledge.cells.too_big", cell=raw, high=f"{col.high:g}")
    return value
