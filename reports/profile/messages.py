"""Validation messages: `Message` (field, French text, level) and how to show them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reports.texts import message

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Message:
    """One validation problem: the field's dotted path, a French text, its level."""

    field: str
    text: str
    level: Level = "error"


def errors_in(messages: list[Message]) -> list[Message]:
    """Only the errors (warnings do not stop an analysis)."""
    return [m for m in messages if m.level == "error"]


def messages_text(messages: list[Message]) -> str:
    """Messages as French lines, for stderr or a dialog: ``Erreur — champ : texte``."""
    keys = {"error": "profile.levels.error", "warning": "profile.levels.warning"}
    whole = message("profile.levels.file")
    return "\n".join(message(keys[m.level], field=m.field or whole, text=m.text)
                     for m in messages)
