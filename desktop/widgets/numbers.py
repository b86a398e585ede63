"""Numbers shown by the wizard itself, in the interface language.

French (the source language) goes through `reports.fmt`, like the note: ``1 234,5``,
``12 %``, ``1 234 €``. English shows a decimal point and groups thousands with a thin space
(``1 234.5``, ``12%``, ``€1 234``): a comma there would read back as a decimal mark in the
number fields, which accept both ways. The note and the sentences the engine writes stay
French whatever the interface language.
"""

from __future__ import annotations

from desktop.shell import i18n
from reports import fmt


def _english(value: float, decimals: int) -> str:
    text = f"{abs(value):,.{decimals}f}".replace(",", fmt.NNBSP)
    return f"-{text}" if value < 0 and text.strip("0." + fmt.NNBSP) else text


def _missing(value: object) -> bool:
    return value is None or value != value  # None or NaN


def ui_number(value: float | int | None, decimals: int = 0, *, missing: str = "—") -> str:
    """A number: ``1 234,5`` in French, ``1,234.5`` in English."""
    if _missing(value):
        return missing
    if i18n.current_language() == "fr":
        return fmt.fmt_number(value, decimals, missing=missing)
    return _english(float(value), decimals)


def ui_eur(value: float | int | None, decimals: int = 0, *, missing: str = "—") -> str:
    """An amount: ``1 234 €`` in French, ``€1,234`` in English."""
    if _missing(value):
        return missing
    if i18n.current_language() == "fr":
        return fmt.fmt_eur(value, decimals, missing=missing)
    text = _english(float(value), decimals)
    return f"-€{text[1:]}" if text.startswith("-") else f"€{text}"


def ui_percent(ratio: float | None, decimals: int = 0, *, missing: str = "—") -> str:
    """A ratio as a percentage: ``12 %`` in French, ``12%`` in English."""
    if _missing(ratio):
        return missing
    if i18n.current_language() == "fr":
        return fmt.fmt_percent(ratio, decimals, missing=missing)
    return f"{_english(ratio * 100, decimals)}%"
