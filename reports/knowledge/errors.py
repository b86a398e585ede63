"""How a knowledge-base problem is reported: `KnowledgeError` and where it happened."""

from __future__ import annotations

from reports.errors import UserFacingError


class KnowledgeError(UserFacingError):
    """A knowledge-base file is missing or wrong; the message is in French and names the spot."""


_NOT_UTF8 = "le fichier doit être enregistré en UTF-8"


def _where(name: str, row: int | None = None, column: str | None = None) -> str:
    """« Fichier x.csv, ligne n (ligne 1 = en-têtes), colonne « c » »."""
    text = f"Fichier {name}"
    if row is not None:
        text += f", ligne {row} (ligne 1 = en-têtes)"
    if column is not None:
        text += f", colonne « {column} »"
    return text
