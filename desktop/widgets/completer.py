"""Accent-insensitive autocomplete over every commune, fast enough for each keystroke.

Each row has a folded key (no case, accents, spaces or punctuation; St → Saint) and the
model is sorted by it, so QCompleter finds prefixes by binary search; `splitPath` folds what
the user typed the same way. The model reads the directory lazily: only the rows shown in
the popup are ever built.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QWidget

from reports.fmt import fmt_number
from reports.textnorm import fold, fold_words

if TYPE_CHECKING:  # costs nothing at start-up
    from reports.communes import Commune

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1
INSEE_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex


def fold_typed(text: str) -> str:
    """Fold what the user typed; a last word "st"/"ste" still being typed stays as is."""
    words = fold_words(text, expand=False).split()
    ends_word = bool(text) and not text[-1].isalnum()
    if words and words[-1] in ("st", "ste") and not ends_word:
        return fold(" ".join(words[:-1])) + words[-1]
    return fold(text)


class CommuneListModel(QAbstractListModel):
    """Every current commune in folded-key order; a row's text is built when first shown.

    `communes` is the directory's `all_current()`: a sequence sorted by folded key, with the
    keys in `.keys`. QCompleter only reads keys for its binary search, so the 35 000 commune
    records are never built at once (fast to create, light in memory).
    """

    def __init__(self, communes: Sequence[Commune], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._communes = communes
        self._keys: Sequence[str] = communes.keys
        self._lines: dict[int, str] = {}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per current commune."""
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Folded key, display line, plain name or INSEE code of a row."""
        row = index.row()
        if role == FOLDED_ROLE:
            return self._keys[row]
        if role == Qt.ItemDataRole.DisplayRole:
            line = self._lines.get(row)
            if line is None:
                line = self._lines[row] = display_line(self._communes[row])
            return line
        if role == NAME_ROLE:
            return self._communes[row].name
        if role == INSEE_ROLE:
            return self._communes[row].insee_code
        return None


def display_line(commune: Commune) -> str:
    """"Prades — Pyrénées-Orientales (66), 5 835 hab." to tell homonyms apart."""
    dep_name = getattr(commune, "departement_name", "") or ""
    where = f"{dep_name} ({commune.departement})" if dep_name else f"({commune.departement})"
    population = getattr(commune, "population", None)
    size = f", {fmt_number(population)} hab." if population else ""
    return f"{commune.name} — {where}{size}"


_CODE = re.compile(r"\s*(\d[\d ]{1,5}|2[ABab]\d{0,3})\s*")


def looks_like_code(text: str) -> bool:
    """True for the start of an INSEE code or a postal code ("66", "665 00", "2A004")."""
    return bool(_CODE.fullmatch(text or ""))


def code_line(commune: Commune, typed: str) -> str:
    """"66500 — Prades — Pyrénées-Orientales (66), 5 835 hab.": the code that matched
    what was typed first (the INSEE code, else the postal code), then the usual line."""
    digits = typed.replace(" ", "").upper()
    code = commune.insee_code if commune.insee_code.startswith(digits) else next(
        (cp for cp in getattr(commune, "postal_codes", ()) if cp.startswith(digits)),
        commune.insee_code)
    return f"{code} — {display_line(commune)}"


def code_model(found: Sequence[Commune], typed: str, parent: QObject | None = None
               ) -> QStandardItemModel:
    """Communes found for a typed code, as completer rows that all match what was typed
    (their folded key is the typed text itself)."""
    model = QStandardItemModel(parent)
    key = fold_typed(typed)
    rows = []
    for commune in found:
        item = QStandardItem(code_line(commune, typed))
        item.setData(key, FOLDED_ROLE)
        item.setData(commune.name, NAME_ROLE)
        item.setData(commune.insee_code, INSEE_ROLE)
        item.setEditable(False)
        rows.append(item)
    if rows:
        model.appendColumn(rows)
    return model


class CommuneCompleter(QCompleter):
    """Completes commune names on their folded key; inserts the plain name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCompletionRole(FOLDED_ROLE)
        self.setModelSorting(QCompleter.ModelSorting.CaseSensitivelySortedModel)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)
        # every row is one line: the popup need not measure thousands of rows per keystroke
        self.popup().setUniformItemSizes(True)

    def splitPath(self, path: str) -> list[str]:
        """Fold the typed text like the stored keys."""
        return [fold_typed(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """Insert the commune's name, not the display line with its département."""
        return str(index.data(NAME_ROLE) or index.data())

    def insee_at(self, index: QModelIndex) -> str:
        """The INSEE code of a completion."""
        return str(index.data(INSEE_ROLE) or "")
