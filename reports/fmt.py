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
# Month names as typed, without accents, and the shortest prefix that tells each apart
# (French, then English for the wizard's English interface): "sept.", "févr", "aout"…
_MONTH_WORDS = (
    ("janvier", "january"), ("fevrier", "february"), ("mars", "march"), ("avril", "april"),
    ("mai", "may"), ("juin", "june"), ("juillet", "july"), ("aout", "august"),
    ("septembre", "september"), ("octobre", "october"), ("novembre", "november"),
    ("decembre", "december"),
)
_MONTH_TEXT = re.compile(r"^(?:1er\s+|\d{1,2}\s+)?([a-z]+)\.?\s*(\d{4})$")


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


def parse_month(text: str | None) -> str | None:
    """A month typed ``2027-09``, ``09/2027``, ``9-2027``, ``septembre 2027``, ``sept. 2027``
    or ``September 2027`` → ``"2027-09"``; ``None`` if it is not one (or is empty)."""
    import unicodedata

    if not text or not text.strip():
        return None
    plain = unicodedata.normalize("NFKD", _SPACES.sub(" ", text.strip()))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"\s+", " ", plain)
    numeric = re.fullmatch(r"(\d{4})-(\d{1,2})|(\d{1,2}) ?[/.-] ?(\d{4})", plain)
    if numeric:
        year, month = (numeric.group(1), numeric.group(2)) if numeric.group(1) else (
            numeric.group(4), numeric.group(3))
    else:
        worded = _MONTH_TEXT.match(plain)
        if not worded:
            return None
        word, year = worded.groups()
        found = [index + 1 for index, names in enumerate(_MONTH_WORDS)
                 if any(name.startswith(word) for name in names)]
        if len(word) < 3 or len(found) != 1:
            return None  # "ju" is June or July: ask for more letters
        month = str(found[0])
    if not 1 <= int(month) <= 12:
        return None
    return f"{int(year):04d}-{int(month):02d}"


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
