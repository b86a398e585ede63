"""French number, money, percentage and date formatting, shared by the note and the wizard.

Thousands are grouped with a narrow no-break space (U+202F), the decimal mark is a comma,
units follow the number after a no-break space: ``1 234,5 €``, ``12,5 %``, ``8 septembre 2027``.
"""

from __future__ import annotations

import datetime as _dt
import math
import re

NNBSP = "\u202f"  # narrow no-break space: thousands separator
NBSP = "\u00a0"  # no-break space: before a unit
MINUS = "\u2212"  # typographic minus sign, as French typesetting has it

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']")


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_number(value: float | int | None, decimals: int = 0, *, missing: str = "—") -> str:
    """``1234.5`` → ``1 234,5`` (with ``decimals`` digits after the comma; ``−`` for negatives)."""
    if _is_missing(value):
        return missing
    text = f"{float(value):,.{decimals}f}"
    if text.startswith("-"):
        text = text[1:] if float(text.replace(",", "")) == 0 else MINUS + text[1:]
    return text.replace(",", NNBSP).replace(".", ",")


def fmt_eur(value: float | int | None, decimals: int = 0, *, missing: str = "—") -> str:
    """``1234`` → ``1 234 €``."""
    if _is_missing(value):
        return missing
    return f"{fmt_number(value, decimals)}{NBSP}€"


def fmt_percent(ratio: float | None, decimals: int = 0, *, missing: str = "—") -> str:
    """A ratio ``0.125`` → ``12,5 %`` (trailing ``,0`` dropped when ``decimals`` allows)."""
    if _is_missing(ratio):
        return missing
    text = fmt_number(ratio * 100, decimals)
    if decimals and text.endswith("," + "0" * decimals):
        text = text[: -(decimals + 1)]
    return f"{text}{NBSP}%"


def fmt_ratio(value: float | None, decimals: int = 2, *, missing: str = "—") -> str:
    """``0.2403`` → ``0,24`` (an indicator such as the job concentration)."""
    return fmt_number(value, decimals, missing=missing)


def fmt_date(value: _dt.date | str | None, *, missing: str = "—") -> str:
    """``date(2027, 9, 8)`` or ``"2027-09-08"`` → ``8 septembre 2027``.

    A month alone (``"2027-09"``) gives ``septembre 2027``; unreadable text is returned as is.
    """
    if value is None or value == "":
        return missing
    if isinstance(value, str):
        parts = value.split("-")
        try:
            if len(parts) == 2:
                return f"{MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
            value = _dt.date.fromisoformat(value)
        except (ValueError, IndexError):
            return value
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def parse_number(text: str | float | int | None) -> float | None:
    """Read a number typed the French or the English way; ``None`` if it is not one.

    Accepts ``1 234,5`` (any kind of space), ``1234.5``, ``1.234,5``, ``1,234.5``,
    ``12 €`` and ``12,5 %`` (the unit is dropped, the value is not divided).
    """
    if text is None:
        return None
    if isinstance(text, int | float):
        return None if _is_missing(text) else float(text)
    cleaned = _SPACES.sub("", str(text)).replace("€", "").replace("%", "").strip()
    cleaned = cleaned.replace(MINUS, "-")
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return None if math.isnan(value) or math.isinf(value) else value
