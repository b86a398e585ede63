"""The knowledge base drawn from the 2017 field study: ten sites, practices, typologies, programmes.

`knowledge()` loads `resources/knowledge/` once (standard library CSV reader) into frozen
dataclasses and validates every file; a wrong file raises `KnowledgeError` with one French
message naming the file, the row and the column. Rows are numbered as a spreadsheet shows
them: the header is row 1, so the first data row is row 2. Never imports Qt.

Modules: `vocab` (allowed codes), `records` and `base` (the frozen data), `cells` and
`schema` (reading a CSV cell, the columns of each file), `settings`, `validate` (checks
across files), `load` (read the CSV files, then everything above). This package re-exports the API.
"""

from __future__ import annotations

from reports.knowledge.base import KnowledgeBase
from reports.knowledge.errors import KnowledgeError
from reports.knowledge.load import PROGRAMMES_ENV, knowledge, load_knowledge, use_programmes
from reports.knowledge.records import (
    FundingEvent,
    Practice,
    Programme,
    Setting,
    Site,
    SourceRef,
    Tariff,
    Typology,
)
from reports.knowledge.vocab import CONDITION_KEYS

__all__ = [
    "CONDITION_KEYS",
    "PROGRAMMES_ENV",
    "FundingEvent",
    "KnowledgeBase",
    "KnowledgeError",
    "Practice",
    "Programme",
    "Setting",
    "Site",
    "SourceRef",
    "Tariff",
    "Typology",
    "knowledge",
    "load_knowledge",
    "use_programmes",
]
