"""How a knowledge-base problem is reported: `KnowledgeError` and where it happened."""

from __future__ import annotations

from reports.errors import UserFacingError
from reports.texts import message


class KnowledgeError(UserFacingError):
    """A knowledge-base file is missing or wrong; the message is in French and names the spot."""


def _where(name: str, row: int | None = None, column: str | None = None) -> str:
    """« Fichier x.csv, ligne n (ligne 1 = en-têtes), colonne « c » »."""
    text = message("knowledge.where.file", name=name)
    if row is not None:
        text += message("knowledge.where.row", row=row)
    if column is not None:
        text += message("knowledge.where.column", column=column)
    return text
