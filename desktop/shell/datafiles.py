"""Newer data in place of the bundled data, from the Fichier menu, remembered across restarts.

*Fichier › Charger un recensement plus récent…* (an INSEE comparateur de territoires with
P21_, P22_… columns) and *Fichier › Charger un tableau de programmes de financement…* work
alike, through this one helper: `DataFile` says what differs (how to load, how to go back,
the words), `DataFiles` does the rest. The file is checked and put to use on a pool thread
(`reports.communes.load_census_file`, `reports.knowledge.use_programmes`: both refuse a wrong
file in French and change nothing then) behind a progress dialog shown when it takes more
than half a second; a refusal goes through `desktop.errors.handle` into a dialog, and what
was in use stays. A file accepted is remembered in the settings (``data/census``,
``data/programmes``) and loaded again at the next start (`restore`); one that can no longer
be read is forgotten, with a message.

Both engine functions keep the choice in the environment, so the batch's worker processes
use the same files; the scan runs in this process and reads the same directory.
After a change, the figures the directory had filled in the project follow the new census
(a figure the user changed stays), and the results are computed again (`ProjectDocument
.sources_replaced`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from desktop.shell.i18n import translate as _tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog, QWidget

    from desktop.shell.context import AppContext
    from desktop.shell.document import ProjectDocument

PROGRESS_DELAY_MS = 500  # a quick check shows no progress dialog at all


def _use_census(path: str) -> str:
    """Check and use a comparateur file (pool thread); what is now in use."""
    from reports.communes import load_census_file

    census = load_census_file(path)
    return _tr("Recensement {year} chargé ({rows} communes).").format(
        year=census.year, rows=census.rows)


def _bundled_census() -> str:
    from reports.communes import directory, reset_census

    reset_census()
    return _tr("Retour au recensement {year} fourni avec l'application.").format(
        year=directory().census_year)


def _use_programmes(path: str) -> str:
    """Check and use a programmes table (pool thread); what is now in use."""
    from PySide6.QtCore import QDate, QLocale

    from reports.knowledge import use_programmes

    checked = use_programmes(path).programmes_checked_on or ""
    date = QLocale().toString(QDate.fromString(checked, "yyyy-MM-dd"), "d MMMM yyyy")
    return _tr("Programmes de financement chargés (vérifiés le {date}).").format(
        date=date or checked)


def _shipped_programmes() -> str:
    from reports.knowledge import use_programmes

    use_programmes(None)
    return _tr("Retour aux programmes de financement fournis avec l'application.")


class DataFile(NamedTuple):  # not a dataclass: importing dataclasses costs start-up time
    """One kind of newer data: how to use a file of it, and how to go back."""

    kind: str  # "census" or "programmes": settings key data/<kind>, Prompts.choose_file kind
    use: Callable[[str], str]  # check and use a file (pool thread); what is now in use
    bundled: Callable[[], str]  # back to the data shipped with the application


CENSUS = DataFile("census", _use_census, _bundled_census)
PROGRAMMES = DataFile("programmes", _use_programmes, _shipped_programmes)
KINDS = {data.kind: data for data in (CENSUS, PROGRAMMES)}


class DataFiles(QObject):
    """The newer data files of one window: load, go back, restore at start-up."""

    changed = Signal(str, str)  # kind, French description of what is now in use

    def __init__(self, parent: QWidget, context: AppContext,
                 document: ProjectDocument) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.context = context
        self.document = document
        self.running: set[str] = set()
        self.progress: QProgressDialog | None = None

    def chosen(self, kind: str) -> str:
        """The file in use for `kind`, "" for the bundled data."""
        return self.context.settings.get(f"data/{kind}")

    # -- the menu's actions ------------------------------------------------------------
    def choose(self, kind: str) -> None:
        """Ask for a file, then check and use it (nothing changes if it is refused)."""
        if kind in self.running:
            return
        chosen = self.chosen(kind)
        folder = str(Path(chosen).parent if chosen else self.context.start_folder())
        path = self.context.prompts.choose_file(self.parent_widget, kind, folder)
        if path:
            self.load(kind, path)

    def load(self, kind: str, path: str, *, restoring: bool = False) -> None:
        """Check and use `path` in the background (behind a progress dialog, unless this is
        the file of an earlier session being restored at start-up)."""
        data = KINDS[kind]
        self.running.add(kind)
        if not restoring:
            self._show_progress(kind)
        index = self.context.communes
        if kind == "census" and index is not None and not index.is_ready:
            from PySide6.QtCore import Qt  # its enum namespace costs ~25 ms: off start-up

            # the directory is still loading on another thread: two threads building it at
            # once could each get their own, and the census would go to the other one
            self.changed.emit(kind, "")
            index.ready.connect(lambda: self._start(lambda: data.use(path), kind, path,
                                                    restoring),
                                Qt.ConnectionType.SingleShotConnection)
            index.start()
            return
        self._start(lambda: data.use(path), kind, path, restoring)

    def back_to_bundled(self, kind: str) -> None:
        """Forget the file chosen: the data shipped with the application again."""
        if kind in self.running or not self.chosen(kind):
            return
        self.running.add(kind)
        self._start(KINDS[kind].bundled, kind, "", restoring=False)

    def restore(self) -> None:
        """At start-up: load again the files chosen in an earlier session."""
        for kind in KINDS:
            if self.chosen(kind):
                self.load(kind, self.chosen(kind), restoring=True)

    # -- background work ---------------------------------------------------------------
    def _start(self, work: Callable[[], str], kind: str, path: str, restoring: bool) -> None:
        from desktop.shell.prefill import official_values
        from desktop.tasks import run_in_background

        self.changed.emit(kind, "")  # « chargement… » where the data in use is shown
        before = official_values(self.document, self.context.communes)
        run_in_background(work, lambda text: self._done(kind, path, text, before),
                          lambda exc: self._failed(kind, exc, restoring))

    def _done(self, kind: str, path: str, text: str, before: dict) -> None:
        from desktop.shell.prefill import follow_officials

        if not isValid(self):  # the window was closed meanwhile
            return
        self._finish(kind)
        self.context.settings.set(f"data/{kind}", path)
        self.context.settings.sync()
        updated = follow_officials(self.document, self.context.communes, before)
        self.document.sources_replaced()
        if updated:
            text += " " + _tr("{count} chiffre(s) prérempli(s) du projet mis à jour.").format(
                count=updated)
        self.changed.emit(kind, text)

    def _failed(self, kind: str, exc: BaseException, restoring: bool) -> None:
        from desktop import errors

        if not isValid(self):
            return
        self._finish(kind)
        prompts, parent = self.context.prompts, self.parent_widget
        title = {"census": _tr("Recensement refusé"),  # the dialog saying why
                 "programmes": _tr("Tableau de programmes refusé")}[kind]

        def show(text: str) -> None:
            if restoring:  # the file of an earlier session: forgotten, the bundled one used
                text += "\n\n" + _tr("Les données fournies avec l'application sont utilisées.")
            prompts.error(parent, title, text)

        if errors.handle(exc, show) and restoring:
            self.context.settings.set(f"data/{kind}", "")
            self.context.settings.sync()
        self.changed.emit(kind, "")

    def in_use_text(self) -> str:
        """Which census and which programmes the figures and notes come from, in one line
        (the status bar, the batch's report, the scan dialog)."""
        census, programmes = self.chosen("census"), self.chosen("programmes")
        index = self.context.communes
        year = index.directory.census_year if index is not None and index.is_ready else None
        if "census" in self.running:
            parts = [_tr("Recensement : chargement…")]
        elif year is None:
            parts = []
        elif census:
            parts = [_tr("Recensement {year} (INSEE), fichier {file}").format(
                year=year, file=Path(census).name)]
        else:
            parts = [_tr("Recensement {year} (INSEE) fourni").format(year=year)]
        if "programmes" in self.running:
            parts.append(_tr("programmes de financement : chargement…"))
        elif programmes:
            parts.append(_tr("programmes de financement : fichier {file}").format(
                file=Path(programmes).name))
        else:
            parts.append(_tr("programmes de financement fournis"))
        text = " · ".join(parts)
        return text[:1].upper() + text[1:]  # « Programmes… » until the directory is read

    def _show_progress(self, kind: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QProgressDialog

        text = {"census": _tr("Vérification du recensement…"),
                "programmes": _tr("Vérification du tableau de programmes…")}[kind]
        if self.progress is not None:  # the other kind is being checked: one dialog for both
            self.progress.setLabelText(text)
            return
        dialog = QProgressDialog(text, "", 0, 0, self.parent_widget)
        dialog.setCancelButton(None)  # the check cannot be stopped half-way; it is short
        dialog.setWindowTitle(_tr("Chargement des données"))
        dialog.setMinimumWidth(360)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.hide()  # a busy bar never reaches Qt's own « minimum duration »: shown below
        self.progress = dialog
        QTimer.singleShot(PROGRESS_DELAY_MS, self._reveal_progress)

    def _reveal_progress(self) -> None:
        """Still checking after half a second: show the progress dialog."""
        if isValid(self) and self.progress is not None:
            self.progress.show()

    def _finish(self, kind: str) -> None:
        self.running.discard(kind)
        if self.progress is not None and not self.running:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
