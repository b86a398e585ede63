"""Fichier › Comparer les communes d'un territoire… : the territory scan of `reports.scan`.

The user chooses an intercommunality (through one of its communes, the project's by default)
or a département, and a folder; the scan (`reports.scan.run_scan`) runs on a pool thread
with a progress bar and « Arrêter »; at the end the dialog says what was written (scan.csv,
scan.pdf) and offers to open the folder. Modal questions go through `Prompts` (the main
window's, so that tests answer them).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.shell.folders import default_folder
from desktop.shell.i18n import translate as _tr
from desktop.shell.prompts import Prompts
from desktop.widgets.access import form_row

if TYPE_CHECKING:  # costs nothing at start-up
    from desktop.shell.main_window import MainWindow
    from desktop.tasks import Progress, Task
    from reports.communes import Commune, Directory
    from reports.scan import ScanReport, Selection


def selection_for(kind: str, text: str, directory: Directory) -> Selection:
    """The scan's selection: the EPCI of the commune named (name, INSEE or postal code), or
    the département typed. Raises `reports.scan.ScanError` (French) for a bad choice."""
    from reports.scan import ScanError, by_departement, by_epci

    if kind == "departement":
        return by_departement(text, directory)
    found = directory.search(text, 1) if text.strip() else []
    if not found:
        raise ScanError(_tr("Commune « {text} » introuvable dans l'annuaire : tapez son nom, "
                            "son code INSEE ou son code postal.").format(text=text))
    commune = directory.current_of(found[0])
    if not commune.epci_siren:
        raise ScanError(_tr("{name} n'appartient à aucune intercommunalité dans l'annuaire : "
                            "choisissez plutôt son département.").format(name=commune.name))
    return by_epci(commune.epci_siren, directory)


class ScanDialog(QDialog):
    """Choose the territory and the folder, run, follow, stop, see what was written."""

    def __init__(self, parent: QWidget, directory: Directory, commune: Commune | None = None,
                 folder: Path | None = None, data: str = "",
                 prompts: type[Prompts] = Prompts) -> None:
        super().__init__(parent)
        self.directory = directory
        self.prompts = prompts
        self.setWindowTitle(_tr("Comparer les communes d'un territoire"))
        self.setMinimumWidth(560)
        self.stop = threading.Event()
        self.task: Task | None = None
        self.report: ScanReport | None = None
        column = QVBoxLayout(self)
        column.addWidget(_wrapped(_tr(
            "Chaque commune du territoire est analysée avec les chiffres de l'annuaire et des "
            "hypothèses par défaut (ni bâtiment ni porteur), puis classée : un tableau "
            "(scan.csv) et une note courte avec la carte (scan.pdf)."), self))
        if data:  # which census and programmes (Fichier › Charger…): the scan uses them
            column.addWidget(_wrapped(_tr("Données : {data}.").format(data=data), self))
        form = QFormLayout()
        self.epci = QRadioButton(_tr("L'&intercommunalité de la commune :"), self)
        self.departement = QRadioButton(_tr("Le &département :"), self)  # same parent: exclusive
        self.epci.setChecked(True)
        self.commune = QLineEdit(getattr(commune, "name", "") or "", self)
        self.commune.setPlaceholderText(_tr("nom, code INSEE ou code postal"))
        self.commune.setAccessibleName(_tr("Commune dont l'intercommunalité est comparée"))
        self.dep = QLineEdit(getattr(commune, "departement", "") or "", self)
        self.dep.setPlaceholderText(_tr("par exemple : 11, 2A, 974"))
        self.dep.setAccessibleName(_tr("Département comparé"))
        self.dep.setMaximumWidth(120)
        form.addRow(self.epci, self.commune)
        form.addRow(self.departement, self.dep)
        self.folder = QLineEdit(str(folder or default_folder()), self)
        browse = QPushButton(_tr("&Parcourir…"), self)
        browse.clicked.connect(self._browse)
        form_row(form, _tr("Dossier de &sortie :"), self.folder, browse)
        self.folder.setAccessibleName(_tr("Dossier de la comparaison"))  # more than its label
        column.addLayout(form)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(_tr("Avancement de la comparaison"))
        self.progress.hide()
        self.status = _wrapped("", self)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton(_tr("&Lancer la comparaison"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(_tr("&Ouvrir le dossier"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.hide()
        self.run_button.clicked.connect(self.start)
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.target))))
        self.close_button.clicked.connect(self.close_or_stop)
        column.addWidget(self.buttons)

    def _browse(self) -> None:
        chosen = self.prompts.choose_folder(self, self.folder.text(), "scan")
        if chosen:
            self.folder.setText(chosen)

    def start(self) -> None:
        """Check the choice, then run the scan in the background."""
        from desktop.tasks import run_in_background
        from reports.errors import UserFacingError
        from reports.scan import run_scan

        kind = "departement" if self.departement.isChecked() else "epci"
        text = self.dep.text() if kind == "departement" else self.commune.text()
        try:
            selection = selection_for(kind, text, self.directory)
        except UserFacingError as exc:
            self.status.setText(exc.user_text)
            return
        target = Path(self.folder.text().strip() or default_folder())
        self.stop.clear()
        self.report = None
        self.run_button.setEnabled(False)
        self.open_button.hide()
        self.close_button.setText(_tr("&Arrêter"))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(_tr("Comparaison de {count} communes : {label}…").format(
            count=len(selection.codes), label=selection.label))
        self.target = target
        stop = self.stop

        def scan(progress: Progress) -> ScanReport | None:
            from reports.produce import Cancelled

            try:
                return run_scan(selection, target, progress=progress, cancelled=stop.is_set)
            except Cancelled:  # a BaseException: the task helper only passes on Exceptions
                return None

        self.task = run_in_background(scan, self._done, self._failed, self._progressed)

    def _progressed(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(100 * max(0.0, min(1.0, fraction))))
        if message:
            self.status.setText(message)

    def _finished(self) -> None:
        self.task = None
        self.run_button.setEnabled(True)
        self.close_button.setText(_tr("&Fermer"))

    def _done(self, report: ScanReport | None) -> None:
        self._finished()
        if report is None:
            self.progress.hide()
            self.status.setText(_tr("Comparaison arrêtée : aucun fichier n'a été écrit."))
            return
        self.report = report
        self.progress.setValue(100)
        files = ", ".join(Path(f).name for f in report.files)
        text = _tr("{count} communes classées ; écrit dans {folder} : {files}.").format(
            count=len(report.rows), folder=self.target, files=files)
        if report.skipped:
            text += " " + _tr("{count} commune(s) laissée(s) de côté (voir scan.csv).").format(
                count=len(report.skipped))
        self.status.setText(text)
        self.open_button.show()

    def _failed(self, exc: BaseException) -> None:
        from desktop import errors

        self._finished()
        self.progress.hide()
        self.status.setText(_tr("La comparaison a échoué."))
        errors.handle(exc, self.status.setText)  # a bug: the report as well

    def close_or_stop(self) -> None:
        """« Arrêter » while the scan runs (it stops between two communes), else close."""
        if self.task is not None:
            self.stop.set()
            self.status.setText(_tr("Arrêt en cours…"))
            return
        self.accept()

    def reject(self) -> None:
        """Escape or the window's close button: stop a running scan first."""
        if self.task is not None:
            self.stop.set()
        super().reject()


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def open_scan_dialog(window: MainWindow) -> ScanDialog | None:
    """Show the dialog for the main window's project (its commune proposed)."""
    index = window.context.communes
    if index is None or not index.is_ready:
        if index is not None:
            index.start()
        window.context.prompts.information(
            window, _tr("Comparer les communes d'un territoire"),
            _tr("L'annuaire des communes se charge encore : réessayez dans un instant."))
        return None
    code = window.document.value("commune.insee_code") or ""
    commune = index.lookup(code) if code else None
    dialog = ScanDialog(window, index.directory, commune, window.context.start_folder(),
                        window.data_files.in_use_text(), window.context.prompts)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
