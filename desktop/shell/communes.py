"""The offline commune directory, loaded off the start-up path, and its completer model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.shell.i18n import translate as _tr

if TYPE_CHECKING:  # costs nothing at start-up
    from PySide6.QtCore import QAbstractItemModel

    from reports.communes import Commune, CurrentCommunes, Directory


def load_directory() -> tuple[Directory, CurrentCommunes]:
    """Load the directory and its current communes in key order (runs in a worker thread)."""
    from reports.communes import directory

    found = directory()
    return found, found.all_current()


class CommuneIndex(QObject):
    """Loads the directory once in the background; `ready` when the completer model exists."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.directory: Directory | None = None
        self.model: QAbstractItemModel | None = None
        self.error = ""
        self._started = False

    def start(self) -> None:
        """Begin loading (once)."""
        if self._started:
            return
        self._started = True
        from desktop.tasks import run_in_background

        run_in_background(load_directory, self._loaded, self._failed)

    @property
    def is_ready(self) -> bool:
        """True once the completer model is built."""
        return self.model is not None

    def _loaded(self, result: tuple[Directory, CurrentCommunes]) -> None:
        from desktop.widgets.completer import CommuneListModel

        self.directory, communes = result
        self.model = CommuneListModel(communes, self)  # a QObject: made on the GUI thread
        self.ready.emit()

    def _failed(self, exc: BaseException) -> None:
        self.error = _tr("L'annuaire des communes n'a pas pu être chargé ({reason}). "
                         "Saisissez les informations de la commune à la main.").format(
                             reason=exc)
        self.failed.emit(self.error)

    def lookup(self, insee: str) -> Commune | None:
        """The directory's record for an INSEE code, or None."""
        if self.directory is None or not insee:
            return None
        return self.directory.by_insee(insee)
