"""Loading the knowledge base: CSV files through pandas (imported lazily), then checks."""

from __future__ import annotations

import functools
import io
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from reports.knowledge.base import KnowledgeBase
from reports.knowledge.cells import _cell, _CellError
from reports.knowledge.errors import _NOT_UTF8, KnowledgeError, _where
from reports.knowledge.records import (
    FundingEvent,
    Practice,
    Programme,
    Site,
    SourceRef,
    Tariff,
    Typology,
)
from reports.knowledge.schema import SCHEMAS
from reports.knowledge.settings import _read_settings
from reports.knowledge.validate import _cross_check


def _read_rows(root: Traversable | Path, name: str) -> list[dict[str, Any]]:
    """Read one CSV with pandas, check its columns and parse every cell."""
    import pandas as pd  # here, not at module import: start-up time matters for the GUI

    try:
        frame = pd.read_csv(io.BytesIO((root / name).read_bytes()), dtype=str,
                            keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(f"{_where(name)} : fichier introuvable. "
                             "Réinstallez l'application.") from None
    except UnicodeDecodeError:
        raise KnowledgeError(f"{_where(name)} : {_NOT_UTF8}.") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise KnowledgeError(f"{_where(name)} : fichier CSV illisible ({exc}).") from None
    schema = SCHEMAS[name]
    missing = [c.name for c in schema if c.name not in frame.columns]
    if missing:
        raise KnowledgeError(
            f"{_where(name)} : colonne « {missing[0]} » absente "
            f"(colonnes attendues : {', '.join(c.name for c in schema)}).")
    rows = []
    for index, record in enumerate(frame.to_dict("records")):
        row = {"_row": index + 2}
        for col in schema:
            try:
                row[col.name] = _cell(col, record[col.name])
            except _CellError as exc:
                raise KnowledgeError(f"{_where(name, index + 2, col.name)} : {exc}.") from None
        rows.append(row)
    return rows


def _strip(row: dict[str, Any]) -> dict[str, Any]:
    """The row without its spreadsheet row number."""
    return {k: v for k, v in row.items() if k != "_row"}


def load_knowledge(root: Traversable | Path | None = None) -> KnowledgeBase:
    """Read and validate the knowledge base in `root` (default: the shipped resources)."""
    if root is None:
        from reports.paths import resource

        root = resource("knowledge")
    tables = {name: _read_rows(root, name) for name in SCHEMAS}
    settings = _read_settings(root)
    _cross_check(tables)

    def build(cls: type, name: str) -> tuple:
        """One record per row of the file."""
        return tuple(cls(**_strip(r)) for r in tables[name])

    return KnowledgeBase(
        sites=build(Site, "sites.csv"), tariffs=build(Tariff, "tariffs.csv"),
        funding=build(FundingEvent, "funding.csv"), sources=build(SourceRef, "sources.csv"),
        practices=build(Practice, "practices.csv"),
        typologies=build(Typology, "typologies.csv"),
        programmes=build(Programme, "programmes.csv"), settings=settings)


@functools.lru_cache(maxsize=1)
def knowledge() -> KnowledgeBase:
    """The shipped knowledge base, loaded once."""
    return load_knowledge()


def summary() -> str:
    """French summary of the shipped knowledge base (« 10 sites, N bonnes pratiques… »)."""
    return knowledge().summary()
