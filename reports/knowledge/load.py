"""Loading the knowledge base: CSV files (standard library reader), then checks."""

from __future__ import annotations

import csv
import functools
import io
import os
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from reports.knowledge.base import KnowledgeBase
from reports.knowledge.cells import _cell, _CellError
from reports.knowledge.errors import KnowledgeError, _where
from reports.knowledge.records import (
    FundingEvent,
    Practice,
    Programme,
    ProgrammeTerritory,
    Site,
    SourceRef,
    Tariff,
    Typology,
)
from reports.knowledge.schema import SCHEMAS
from reports.knowledge.settings import _read_settings
from reports.knowledge.validate import _cross_check
from reports.texts import message


def _read_rows(root: Traversable | Path, name: str,
               file: Path | None = None) -> list[dict[str, Any]]:
    """Read one CSV, check its columns and parse every cell.

    `file` replaces ``root / name`` (a newer programmes file chosen by the user); the
    columns are still those of `name`.
    """
    try:
        data = (file if file is not None else root / name).read_bytes()
        header, records = _csv_records(data.decode("utf-8"))
    except FileNotFoundError:
        raise KnowledgeError(message("knowledge.load.missing_programmes" if file is not None
                                     else "knowledge.load.missing", where=_where(name))) from None
    except OSError as exc:
        if file is None:
            raise
        raise KnowledgeError(message("knowledge.load.unreadable", where=_where(name),
                                     reason=exc.strerror or exc)) from None
    except UnicodeDecodeError:
        raise KnowledgeError(message("knowledge.load.not_utf8", where=_where(name))) from None
    except _CsvError as exc:
        raise KnowledgeError(message("knowledge.load.bad_csv", where=_where(name),
                                     reason=exc)) from None
    schema = SCHEMAS[name]
    missing = [c.name for c in schema if c.name not in header]
    if missing:
        raise KnowledgeError(message("knowledge.load.missing_column", where=_where(name),
                                     column=missing[0],
                                     columns=", ".join(c.name for c in schema)))
    rows = []
    for index, record in enumerate(records):
        row = {"_row": index + 2}
        for col in schema:
            try:
                row[col.name] = _cell(col, record[col.name])
            except _CellError as exc:
                raise KnowledgeError(message("knowledge.load.cell", problem=exc,
                                             where=_where(name, index + 2, col.name))) from None
        rows.append(row)
    return rows


class _CsvError(ValueError):
    """A CSV file the reader cannot make a table of (the reason in French)."""


def _csv_records(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows of a CSV text, every cell a string ("" when empty).

    The standard library's reader, not pandas (~60 MB and 0.7 s to import in every process
    for ~350 lines): blank lines are skipped, a short row is completed with empty cells, a
    row longer than the header is refused, a UTF-8 byte-order mark is ignored.
    """
    try:
        rows = [row for row in csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
                if row]
    except csv.Error as exc:
        raise _CsvError(str(exc)) from None
    if not rows:
        raise _CsvError(message("knowledge.load.csv_empty"))
    header, records = rows[0], []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) > len(header):
            raise _CsvError(message("knowledge.load.csv_long_row", row=number, cells=len(row),
                                    columns=len(header)))
        records.append(dict(zip(header, row + [""] * (len(header) - len(row)), strict=True)))
    return header, records


def load_knowledge(root: Traversable | Path | None = None,
                   programmes: str | Path | None = None) -> KnowledgeBase:
    """Read and validate the knowledge base in `root` (default: the shipped resources).

    `programmes` is a newer programmes file that replaces ``programmes.csv`` (same columns);
    its problems are reported under its own file name.
    """
    if root is None:
        from reports.paths import resource

        root = resource("knowledge")
    if programmes is None:
        return _load(root, None)
    file = Path(programmes)
    try:
        return _load(root, file)
    except KnowledgeError as exc:
        raise KnowledgeError(str(exc).replace(_where("programmes.csv"), _where(file.name),
                                              1)) from None


def _load(root: Traversable | Path, programmes: Path | None) -> KnowledgeBase:
    """The knowledge base, with `programmes` in place of the shipped programmes file."""
    tables = {name: _read_rows(root, name, programmes if name == "programmes.csv" else None)
              for name in SCHEMAS}
    settings = _read_settings(root)
    _cross_check(tables)

    def build(cls: type, name: str) -> tuple:
        """One record per row of the file (without its spreadsheet row number)."""
        return tuple(cls(**{k: v for k, v in r.items() if k != "_row"}) for r in tables[name])

    return KnowledgeBase(
        sites=build(Site, "sites.csv"), tariffs=build(Tariff, "tariffs.csv"),
        funding=build(FundingEvent, "funding.csv"), sources=build(SourceRef, "sources.csv"),
        practices=build(Practice, "practices.csv"),
        typologies=build(Typology, "typologies.csv"),
        programmes=build(Programme, "programmes.csv"), settings=settings,
        programme_territories=build(ProgrammeTerritory, "programme_territories.csv"),
        programmes_file=str(programmes) if programmes is not None else "")


PROGRAMMES_ENV = "TIERSLIEU_PROGRAMMES"  # a newer programmes file, for this process and its workers


def knowledge() -> KnowledgeBase:
    """The knowledge base, loaded once (with the newer programmes file chosen, if any)."""
    return _cached(os.environ.get(PROGRAMMES_ENV) or None)


@functools.lru_cache(maxsize=2)
def _cached(programmes: str | None) -> KnowledgeBase:
    """One loaded knowledge base per programmes file."""
    return load_knowledge(programmes=programmes)


def use_programmes(path: str | Path | None) -> KnowledgeBase:
    """Use a newer programmes file from now on (None: back to the shipped one).

    The file is validated with the rest of the knowledge base first; a wrong file raises
    `KnowledgeError` (French, naming the file, row and column) and changes nothing. The
    choice is kept in the environment, so batch worker processes see it too.
    """
    if path is None:
        os.environ.pop(PROGRAMMES_ENV, None)
        return knowledge()
    chosen = str(Path(path).expanduser().resolve())
    load_knowledge(programmes=chosen)  # refuse a wrong file before using it
    os.environ[PROGRAMMES_ENV] = chosen
    _cached.cache_clear()
    return knowledge()
