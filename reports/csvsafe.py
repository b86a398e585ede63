"""No spreadsheet formula in a CSV the tool writes (OWASP "CSV injection").

Excel and LibreOffice evaluate a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return, so a commune called ``=HYPERLINK(…)`` would run when the table is opened.
`safe_cell` prefixes such text with ``'`` (the spreadsheet's own "this is text" mark), which
keeps the value readable. Every CSV writer goes through `reports.batch.outputs.write_table`,
which applies it to every text cell (summary.csv, errors.csv, the territory scan's scan.csv);
numbers written with `number_cell` are `NumberCell`s and stay numbers, negative ones too.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class NumberCell(str):
    """A cell holding a number as the tool formatted it: never neutralised (``-1234,5``)."""

    __slots__ = ()


def safe_cell(value: object) -> str:
    """The cell's text, prefixed with ``'`` when a spreadsheet would read it as a formula."""
    if isinstance(value, NumberCell):
        return str(value)
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def safe_row(cells: object) -> list[str]:
    """`safe_cell` over a row."""
    return [safe_cell(c) for c in cells]  # type: ignore[attr-defined]
