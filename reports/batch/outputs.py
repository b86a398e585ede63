"""summary.csv and errors.csv: French-friendly tables a spreadsheet opens as they are.

``;`` separator, comma decimals, no thousands separator (so Excel reads numbers as numbers),
UTF-8 with a BOM (so Excel shows the accents). Both files are written atomically, and no
text cell can be a spreadsheet formula (`reports.csvsafe`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from reports.csvsafe import NumberCell, safe_row
from reports.files import write_atomic
from reports.fmt import fmt_number
from reports.paths import read_text
from reports.texts import message, table


@cache
def _columns() -> dict[str, Any]:
    return json.loads(read_text("batch", "columns.json"))


def summary_columns() -> tuple[tuple[str, str, int | None], ...]:
    """summary.csv's columns: (key in the row's summary dict, French title, decimals or None)."""
    return tuple((c["key"], c["title"], c["decimals"]) for c in _columns()["summary"])


def error_columns() -> tuple[str, ...]:
    """errors.csv's French column titles."""
    return tuple(_columns()["errors"])


def number_cell(value: Any, decimals: int) -> str:
    """A number Excel in French reads as a number: comma decimals, no grouping.

    A `NumberCell`, so that `write_table` keeps a negative figure a number.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if not isinstance(value, int | float):
        return str(value)  # not a number after all: neutralised like any text
    text = fmt_number(value, decimals).replace("\u202f", "").replace("\u2212", "-")
    return NumberCell(text)


def yes_no(value: bool) -> str:
    """« oui » or « non », as a cell says a boolean (the template reads it back)."""
    return message("batch.cell.yes") if value else message("batch.cell.no")


def _cell(value: Any, decimals: int | None) -> str:
    if decimals is not None:
        return number_cell(value, decimals)
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def write_table(path: Path, header: Iterable[str], rows: Iterable[Iterable[str]]) -> Path:
    """Write a ``;``-separated UTF-8-with-BOM table atomically (WriteError if it cannot).

    Every cell but a `NumberCell` goes through `reports.csvsafe.safe_cell`: the one place
    every CSV of the tool (batch tables, territory scan) is made formula-free.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(safe_row(header))
    for row in rows:
        writer.writerow(safe_row(row))
    write_atomic(path, buffer.getvalue().encode("utf-8-sig"))
    return path


def summary_cells(row: Mapping[str, Any]) -> tuple[str, ...]:
    """One commune's summary.csv cells (formatted once: the batch keeps these, not the dict)."""
    return tuple(_cell(row.get(key), dec) for key, _, dec in summary_columns())


def write_summary(path: Path, rows: Iterable[Mapping[str, Any]]) -> Path:
    """One line per commune done, in the CSV's order."""
    return write_summary_cells(path, ((row["line"], summary_cells(row)) for row in rows))


PACK = "\x1f"  # the ASCII unit separator: joins a row's cells into one string
_NUMBER = re.compile(r"-?\d+(,\d+)?")


def pack_cells(cells: Sequence[str]) -> tuple[str, ...] | str:
    """A row's cells as one string (a long batch keeps one small string per row)."""
    return tuple(cells) if any(PACK in c for c in cells) else PACK.join(cells)


def _unpack(cells: tuple[str, ...] | str) -> list[str] | tuple[str, ...]:
    if not isinstance(cells, str):
        return cells
    # a number column's cell is a number again only if it reads as one ("=1" stays text)
    return [NumberCell(c) if number and _NUMBER.fullmatch(c) else c for c, number in
            zip(cells.split(PACK), _number_columns(), strict=True)]


@cache
def _number_columns() -> tuple[bool, ...]:
    return tuple(dec is not None for _, _, dec in summary_columns())


def write_summary_cells(path: Path, rows: Iterable[tuple[int, tuple[str, ...] | str]]) -> Path:
    """summary.csv from (line, cells) pairs (cells packed or not), in the CSV's order."""
    ordered = sorted(rows, key=lambda r: r[0])
    return write_table(path, (title for _, title, _ in summary_columns()),
                       (_unpack(cells) for _, cells in ordered))


def write_errors(path: Path, issues: Iterable[Any]) -> Path:
    """One line per problem: line, commune, field, level (in French), French message."""
    ordered = sorted(issues, key=lambda i: (i.line, i.level != "error"))
    levels = table("batch.level")
    return write_table(path, error_columns(), ((str(i.line), i.commune, i.field,
                                                levels.get(i.level, i.level), i.text)
                                               for i in ordered))
