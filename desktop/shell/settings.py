"""Typed user settings: every key, its type and its default live in one table."""

from __future__ import annotations

from os.path import exists
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "TiersLieuRural"
APPLICATION = "tierslieu"
MAX_RECENT = 8

# key -> default; a stored value is cast to the type of its default when read.
DEFAULTS: dict[str, Any] = {
    "language": "fr",
    "recent_files": [],
    "last_folder": "",
    "window/geometry": QByteArray(),
    "note/author": "",
    "note/organisation": "",
    "note/logo": "",
    "recovery/original_path": "",
    "data/census": "",  # a newer INSEE comparateur chosen in Fichier (path), "" : the bundled one
    "data/programmes": "",  # a newer funding programmes table (path), "" : the shipped one
}


class Settings:
    """QSettings read through the defaults table, so every value has a known type."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()

    def get(self, key: str) -> Any:
        """The stored value of `key`, cast to its default's type (the default if absent)."""
        default = DEFAULTS[key]
        value = self.store.value(key, default)
        return _cast(value, default)

    def set(self, key: str, value: Any) -> None:
        """Store `value` under a known key."""
        if key not in DEFAULTS:
            raise KeyError(key)
        self.store.setValue(key, value)

    def recent_files(self, existing: bool = False) -> list[str]:
        """Recently opened or saved projects, most recent first (`existing`: only those still
        there, the ones to offer; a file moved or deleted since is skipped)."""
        return [str(p) for p in self.get("recent_files") if p and (not existing or exists(p))]

    def add_recent(self, path: str) -> None:
        """Put `path` first in the recent files, without duplicates."""
        files = [p for p in self.recent_files() if p != path]
        self.set("recent_files", [path, *files][:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        """Forget `path` (it was moved or deleted)."""
        self.set("recent_files", [p for p in self.recent_files() if p != path])

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.store.sync()


def _cast(value: Any, default: Any) -> Any:
    """Cast a QSettings value (often a string from an INI file) to `default`'s type."""
    if isinstance(default, list):
        if value is None or value == "":
            return []
        return list(value) if isinstance(value, list | tuple) else [value]
    if isinstance(default, QByteArray):
        return value if isinstance(value, QByteArray) else QByteArray()
    return "" if value is None else str(value)
