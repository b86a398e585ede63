"""Field specifications: how each profile field is read, checked and explained."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from reports.fmt import fmt_number


@dataclass(frozen=True)
class Spec:
    """How one field is read and checked; `text` is the French message when it is wrong."""

    kind: Literal["text", "int", "number", "code", "bool", "month"]
    text: str
    lo: float | None = None
    hi: float | None = None
    choices: tuple[Any, ...] = ()
    required: bool = False
    pattern: str | None = None
    # what the value stands for, where a lenient reader (the batch's CSV cells) needs it:
    # "insee" (leading zeros lost by a spreadsheet), "departement", "fraction" (50 % = 0.5)
    form: str | None = None


def _f(default: Any, spec: Spec) -> Any:
    """A dataclass field carrying its specification."""
    if isinstance(default, list | dict):
        return field(default_factory=lambda: type(default)(default), metadata={"spec": spec})
    return field(default=default, metadata={"spec": spec})


def _int_spec(what: str, lo: int, hi: int, *, required: bool = False) -> Spec:
    """A whole number between `lo` and `hi`."""
    text = f"{what} doit être un nombre entier entre {fmt_number(lo)} et {fmt_number(hi)}."
    return Spec("int", text.replace("\u202f", " "), lo, hi, required=required)


def _num_spec(what: str, lo: float, hi: float, unit: str = "") -> Spec:
    """A number between `lo` and `hi` (with an optional unit in the message)."""
    unit = f" {unit}" if unit else ""
    text = f"{what} doit être un nombre entre {fmt_number(lo)} et {fmt_number(hi)}{unit}."
    return Spec("number", text.replace("\u202f", " "), lo, hi)


def _code_spec(what: str, choices: tuple[tuple[Any, str], ...], *, required: bool = False) -> Spec:
    """One code of a list (the message lists the allowed codes)."""
    allowed = ", ".join(str(c) for c, _ in choices)
    return Spec("code", f"{what} doit être l'une des valeurs : {allowed}.",
                choices=tuple(c for c, _ in choices), required=required)


def _bool_spec(what: str) -> Spec:
    """Yes, no or unknown."""
    return Spec("bool", f"{what} doit valoir vrai ou faux (ou rester vide).")
