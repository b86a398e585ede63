"""The offline commune directory, loaded off the start-up path, and its completer model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QStandardItemModel

from desktop.completer import Entry, build_model
from desktop.i18n import translate as _tr
from desktop.tasks import run_in_background
from reports.fmt import fmt_number


def load_entries() -> tuple[Any, list[Entry]]:
    """Load the directory and list its current communes (runs in a worker thread)."""
    from reports.communes import directory
    from reports.textnorm import fold

    found = directory()
    entries: list[Entry] = []
    for commune in found.all_current():
        # the key is folded here, by the very function that folds what the user types
        entries.append((display_line(commune), commune.name, fold(commune.name),
                        commune.insee_code))
    return found, entries


def display_line(commune: Any) -> str:
    """"Prades — Pyrénées-Orientales (66), 5 835 hab." to tell homonyms apart."""
    dep_name = getattr(commune, "departement_name", "") or ""
    where = f"{dep_name} ({commune.departement})" if dep_name else f"({commune.departement})"
    population = getattr(commune, "population", None)
    size = f", {fmt_number(population)} hab." if population else ""
    return f"{commune.name} — {where}{size}"


class CommuneIndex(QObject):
    """Loads the directory once in the background; `ready` when the completer model exists."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.directory: Any = None
        self.model: QStandardItemModel | None = None
        self.error = ""
        self._started = False

    def start(self) -> None:
        """Begin loading (once)."""
        if self._started:
            return
        self._started = True
        run_in_background(load_entries, self._loaded, self._failed)

    @property
    def is_ready(self) -> bool:
        """True once the completer model is built."""
        return self.model is not None

    def _loaded(self, result: tuple[Any, list[Entry]]) -> None:
        self.directory, entries = result
        self.model = build_model(entries, self)  # items are built on the GUI thread
        self.ready.emit()

    def _failed(self, exc: BaseException) -> None:
        self.error = _tr("L'annuaire des communes n'a pas pu être chargé ({reason}). "
                         "Saisissez les informations de la commune à la main.").format(
                             reason=exc)
        self.failed.emit(self.error)

    def lookup(self, insee: str) -> Any:
        """The directory's record for an INSEE code, or None."""
        if self.directory is None or not insee:
            return None
        return self.directory.by_insee(insee)
