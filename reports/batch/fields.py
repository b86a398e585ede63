"""Columns of the batch CSV: the project file's field names, flattened.

``population.total`` is ``profile["population"]["total"]``; ``buildings.0.surface_m2`` is the
first building's surface; ``services`` is a list written ``open_space|meeting_room``.
Cells are read leniently (French decimals, ``oui``/``non``, ``50 %``, a code or its French
label from `reports.codes`: ``Petits travaux`` for ``light_works``) and turned into the JSON
values `reports.profile` validates; a cell that cannot be read gives a French message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reports import codes
from reports.batch.outputs import yes_no
from reports.fmt import fmt_number, parse_number
from reports.profile.model import MAX_BUILDINGS, field_specs
from reports.profile.specs import Spec
from reports.textnorm import fold, fold_words
from reports.texts import message

# Column kinds: text, code (text kept as typed), insee / departement (Excel's lost leading
# zeros restored), int, number, rate (a fraction: "50 %" or "50" means 0.5), bool, list,
# month ("2027-09"). Each column's kind comes from the profile's schema (`field_specs`).
_BY_FORM = {"insee": "insee", "departement": "departement", "fraction": "rate"}


def _kind(spec: Spec) -> str:
    """The column kind of a profile field, read from its specification."""
    if spec.form in _BY_FORM:
        return _BY_FORM[spec.form]
    if spec.kind == "code":  # codes written as numbers (AAV 2020 category…) read as numbers
        return "int" if all(isinstance(c, int) for c in spec.choices) else "code"
    return spec.kind


FIELDS: dict[str, str] = {
    **{name: _kind(spec) for name, spec in field_specs().items()},
    "services": "list",  # the profile's two top-level fields (no section of their own)
    "notes": "text",
}

_ARTICLES = {"la", "le", "les", "l", "un", "une"}


def _by_label(pairs: Any) -> dict[str, Any]:
    """Codes by folded French label (whole, before its « ( », without its article:
    « La commune », « commune »), from (code, label) pairs; then by the word a label gives
    in brackets (« antenne » for « Site supplémentaire du même projet (antenne) »), where
    no label already means something else."""
    pairs = list(pairs)
    found: dict[str, Any] = {}
    for code, label in pairs:
        short = label.split(" (")[0]
        words = fold_words(short).split()
        for key in {fold(label), fold(short), "".join(words[1:] if words[0] in _ARTICLES
                                                    else words)}:
            found[key] = code if found.get(key, code) == code else None  # two codes: neither
    aside: dict[str, Any] = {}
    for code, label in pairs:
        if " (" in label and label.endswith(")"):
            key = fold(label[label.index(" (") + 2:-1])
            aside[key] = code if aside.get(key, code) == code else None
    return {**aside, **found}


LABELS: dict[str, dict[str, Any]] = {
    **{name: _by_label(zip(spec.choices, spec.labels, strict=True))
       for name, spec in field_specs().items() if spec.choices},
    "services": _by_label(codes.SERVICES),
}

MAX_CELL = 2000  # characters; a longer cell is a pasting accident, not a commune's data
_TRUE = {"oui", "o", "vrai", "true", "yes", "y", "1", "x"}
_FALSE = {"non", "n", "faux", "false", "no", "0"}
_LIST_SPLIT = re.compile(r"[|,;+/]")
_INDEX = re.compile(r"^buildings\.(\d+)\.")


@dataclass(frozen=True)
class CellError:
    """A cell that could not be read."""

    field: str
    text: str  # French


def kind_of(column: str) -> str | None:
    """The kind of a column (``None`` if the column is unknown)."""
    if column.startswith("assumptions.") and len(column) > len("assumptions."):
        return "number"  # overrides of the engine's defaults, checked by the profile
    match = _INDEX.match(column)
    if match:
        if int(match.group(1)) >= MAX_BUILDINGS:
            return None
        column = _INDEX.sub("buildings.#.", column)
    return FIELDS.get(column)


def template_columns(buildings: int = 1) -> list[str]:
    """Every column, in the template's order, with `buildings` building groups."""
    columns = []
    for name in FIELDS:
        if name.startswith("buildings.#."):
            if name != "buildings.#.name":
                continue
            for index in range(buildings):
                columns += [
                    b.replace("#", str(index)) for b in FIELDS if b.startswith("buildings.#.")
                ]
        else:
            columns.append(name)
    return columns


def read_cell(column: str, text: str) -> Any:
    """The JSON value of one cell; raises ValueError with a French message."""
    kind = kind_of(column)
    if len(text) > MAX_CELL:
        raise ValueError(message("batch.row.too_long", length=len(text), limit=MAX_CELL))
    value = _READERS[kind or "text"](text)
    labels = LABELS.get(_INDEX.sub("buildings.#.", column))
    if labels and isinstance(value, list):
        return [_coded(part, labels) for part in value]
    return _coded(value, labels) if labels else value


def _coded(value: Any, labels: dict[str, Any]) -> Any:
    """The code a French label stands for; anything else as it was read."""
    code = labels.get(fold(value)) if isinstance(value, str) else None
    return value if code is None else code


def _number(text: str) -> int | float | str:
    value = parse_number(text)
    if value is None:
        return text  # the profile's validation names the field and the expected value
    return int(value) if value == int(value) else value


def _rate(text: str) -> float | str:
    value = parse_number(text)
    if value is None:
        return text
    # "50 %" and "50" both mean one half: a subsidy rate above 100 % makes no sense
    return value / 100 if ("%" in text or value > 1) else value


def _bool(text: str) -> bool | str:
    folded = text.strip().lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return text  # the profile's validation says what is expected


def _list(text: str) -> list[str]:
    return [part.strip() for part in _LIST_SPLIT.split(text) if part.strip()]


def _insee(text: str) -> str:
    code = text.strip().upper()
    # Excel reads 01053 as the number 1053: put the zero back
    if code.isdigit() and len(code) == 4:
        code = "0" + code
    return code


def _departement(text: str) -> str:
    code = text.strip().upper()
    return "0" + code if code.isdigit() and len(code) == 1 else code


def _code(text: str) -> str:
    code = text.strip()
    # a spreadsheet may turn the code 221 into 221,0
    value = parse_number(code)
    if value is not None and value == int(value) and not code.isdigit():
        return str(int(value))
    return code


def _month(text: str) -> str:
    """``2027-09``, ``09/2027`` or ``01/09/2027`` (what Excel makes of a date) → ``2027-09``."""
    value = text.strip()
    match = re.fullmatch(r"(?:\d{1,2}/)?(\d{1,2})/(\d{4})", value)
    if match:
        return f"{match.group(2)}-{int(match.group(1)):02d}"
    match = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?", value)
    if match:
        return f"{match.group(1)}-{int(match.group(2)):02d}"
    return value  # the profile's validation explains the expected form


_READERS = {
    "text": lambda t: t,
    "code": _code,
    "insee": _insee,
    "departement": _departement,
    "int": _number,
    "number": _number,
    "rate": _rate,
    "bool": _bool,
    "list": _list,
    "month": _month,
}


def unflatten(row: dict[str, str]) -> tuple[dict[str, Any], list[CellError]]:
    """Build a profile dict from one CSV row; unreadable cells are reported, not guessed."""
    data: dict[str, Any] = {"format": "tierslieu-profile", "version": 1}
    buildings: dict[int, dict[str, Any]] = {}
    errors: list[CellError] = []
    for column, text in row.items():
        if not text or kind_of(column) is None:
            continue
        try:
            value = read_cell(column, text)
        except ValueError as exc:
            errors.append(CellError(column, message("batch.row.cell", column=column, reason=exc)))
            continue
        match = _INDEX.match(column)
        if match:
            buildings.setdefault(int(match.group(1)), {})[column[match.end() :]] = value
        elif "." in column:
            group, key = column.split(".", 1)
            data.setdefault(group, {})[key] = value
        else:
            data[column] = value
    if buildings:
        data["buildings"] = [buildings[i] for i in sorted(buildings)]
    return data, errors


def unknown_columns(header: tuple[str, ...]) -> list[str]:
    """Columns the batch does not know (probably a typo)."""
    return [h for h in header if h and kind_of(h) is None]


def flatten(profile: dict[str, Any], buildings: int | None = None) -> dict[str, str]:
    """The CSV row of a profile dict (French decimals), for the template and round trips."""
    count = len(profile.get("buildings") or []) if buildings is None else buildings
    row: dict[str, str] = {}
    for column in template_columns(max(count, 1)):
        value = _lookup(profile, column)
        row[column] = _write(value)
    return row


def _lookup(profile: dict[str, Any], column: str) -> Any:
    node: Any = profile
    for part in column.split("."):
        if isinstance(node, list):
            index = int(part)
            node = node[index] if index < len(node) else None
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return node


def _write(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = fmt_number(value, 6).rstrip("0").rstrip(",")
        return text.replace("\u202f", "").replace("\u2212", "-")
    return str(value)
