"""Accent-insensitive autocomplete over every commune, fast enough for each keystroke.

Each item carries a folded key (no case, accents, spaces or punctuation; St → Saint) and the model
is sorted by it, so QCompleter finds prefixes by binary search; `splitPath` folds what the
user typed the same way. The model is built with one `appendRows`.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QWidget

from reports.textnorm import fold, fold_words

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1
INSEE_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3

# (display text shown in the list, name inserted in the field, folded key, INSEE code)
Entry = tuple[str, str, str, str]


def fold_typed(text: str) -> str:
    """Fold what the user typed; a last word "st"/"ste" still being typed stays as is."""
    words = fold_words(text, expand=False).split()
    ends_word = bool(text) and not text[-1].isalnum()
    if words and words[-1] in ("st", "ste") and not ends_word:
        return fold(" ".join(words[:-1])) + words[-1]
    return fold(text)


def build_model(entries: Iterable[Entry], parent: QWidget | None = None) -> QStandardItemModel:
    """A one-column model sorted by folded key (one `appendRows`)."""
    model = QStandardItemModel(parent)
    items = []
    for display, name, key, insee in sorted(entries, key=lambda e: e[2]):
        item = QStandardItem(display)
        item.setData(key, FOLDED_ROLE)
        item.setData(insee, INSEE_ROLE)
        item.setData(name, NAME_ROLE)
        item.setEditable(False)
        items.append(item)
    model.invisibleRootItem().appendRows(items)
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

    def splitPath(self, path: str) -> list[str]:
        """Fold the typed text like the stored keys."""
        return [fold_typed(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """Insert the commune's name, not the display line with its département."""
        return str(index.data(NAME_ROLE) or index.data())

    def insee_at(self, index: QModelIndex) -> str:
        """The INSEE code of a completion."""
        return str(index.data(INSEE_ROLE) or "")
