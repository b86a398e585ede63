"""Reading JSON values into the model's types: numbers, booleans, codes, whole sections."""

from __future__ import annotations

import dataclasses
from typing import Any

from reports.fmt import parse_number
from reports.profile.messages import Message
from reports.profile.specs import Spec, spec_text
from reports.texts import message

_TRUE = {"true", "vrai", "oui", "yes", "1", "o", "y"}
_FALSE = {"false", "faux", "non", "no", "0", "n"}


class _Bad(Exception):
    """A value of the wrong type (internal)."""


def _is_number(value: Any) -> bool:
    """An int or a float, but not a bool."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _read_number(value: Any) -> int | float:
    """A JSON number or a French/English number typed as text."""
    if _is_number(value):
        if value != value or value in (float("inf"), float("-inf")):
            raise _Bad
        return value
    if isinstance(value, str):
        number = parse_number(value)
        if number is not None:
            return int(number) if number.is_integer() else number
    raise _Bad


def _coerce(value: Any, spec: Spec, default: Any) -> Any:
    """The value in the model's type; raises `_Bad` when it cannot be read."""
    if value is None or (isinstance(value, str) and not value.strip() and spec.kind != "text"):
        return default
    if spec.kind in ("text", "month"):
        if isinstance(value, str) and spec.form in ("insee", "departement"):
            return value.strip().upper()  # Corsica typed « 2b096 » (its 5 characters refused)
        if isinstance(value, str):
            return value
        if _is_number(value) and spec.kind == "text":
            return str(value)
        raise _Bad
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str | int) and str(value).strip().lower() in _TRUE | _FALSE:
            return str(value).strip().lower() in _TRUE
        raise _Bad
    if spec.kind == "code":
        if isinstance(spec.choices[0], str):
            if isinstance(value, str):
                return value
            if _is_number(value) and float(value).is_integer():
                return str(int(value))
            raise _Bad
        number = _read_number(value)
        return int(number) if float(number).is_integer() else number
    number = _read_number(value)
    if spec.kind == "int":
        if not float(number).is_integer():
            raise _Bad
        return int(number)
    return number


def _read_section(cls: type, data: Any, path: str, messages: list[Message]) -> Any:
    """Build one section dataclass from its JSON object, collecting type errors."""
    if data is None:
        return cls()
    if not isinstance(data, dict):
        messages.append(Message(path, message("profile.read.not_object", section=path)))
        return cls()
    values: dict[str, Any] = {}
    known = set()
    for fld in dataclasses.fields(cls):
        if fld.name == "extra":
            continue
        known.add(fld.name)
        default = fld.default if fld.default is not dataclasses.MISSING else None
        try:
            values[fld.name] = _coerce(data.get(fld.name), fld.metadata["spec"], default)
        except _Bad:
            messages.append(Message(f"{path}.{fld.name}",
                                    spec_text(fld.metadata["spec"], f"{path}.{fld.name}")))
            values[fld.name] = default
    extra = {k: v for k, v in data.items() if k not in known}
    return cls(**values, extra=extra)


def _read_list(data: Any, path: str, messages: list[Message]) -> list[Any]:
    """A JSON array (or nothing); anything else is an error."""
    if data is None:
        return []
    if not isinstance(data, list):
        messages.append(Message(path, message("profile.read.not_list", section=path)))
        return []
    return data


def _read_assumptions(data: Any, messages: list[Message]) -> dict[str, float] | None:
    """The optional overrides object: key -> number."""
    if data is None:
        return None
    if not isinstance(data, dict):
        messages.append(Message("assumptions", message("profile.read.assumptions_not_object")))
        return None
    result: dict[str, float] = {}
    for key, value in data.items():
        try:
            result[str(key)] = _read_number(value)
        except _Bad:
            messages.append(Message(f"assumptions.{key}",
                                    message("profile.read.assumption_not_number", key=key)))
    return result
