"""Fichier > Importer un CSV de communes… : the batch of `reports.batch`, from the wizard.

Asks for the CSV, the output folder, then the format and the profil cabinet together; runs
the batch on a pool thread (the notes
themselves in worker processes) behind a progress dialog whose "Arrêter" stops it cleanly,
then tells what was done. Modal questions go through `Prompts` so tests patch them.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QWidget,
)

from desktop.dialogs.brand_dialog import BrandChooser
from desktop.shell.folders import default_folder, forget_if_unused, proposed_subfolder
from desktop.shell.i18n import translate as _tr
from desktop.shell.prompts import Prompts
from reports.batch import BatchOptions, default_jobs, run_batch
from reports.batch.model import ERROR, BatchReport
from reports.batch.worker import process_job
from reports.brand import Brand, current_brand

if TYPE_CHECKING:  # costs nothing at start-up
    from collections.abc import Callable

    from reports.batch.model import Job, Outcome


class BatchBrandChooser(BrandChooser):
    """The note page's profil cabinet row, for one batch: picking one here does not change
    the profile the wizard applies to its own note."""

    def _chosen(self, _index: int) -> None:
        self.changed.emit()


class BatchOutputDialog(QDialog):
    """What the batch produces: the format and the profil cabinet, asked together."""

    FORMATS = (("pdf",), ("docx",), ("pdf", "docx"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Format des notes"))
        self.setMinimumWidth(420)  # room for a long profile name
        self.formats = QComboBox(self)
        self.formats.addItems([_tr("Notes PDF"), _tr("Fichiers Word modifiables (.docx)"),
                               _tr("PDF et Word")])
        self.brand = BatchBrandChooser(self)  # starts on the wizard's current profile
        brand_label = QLabel(self.tr("Profil &cabinet :"), self)
        brand_label.setBuddy(self.brand.combo)  # the chooser row itself takes no focus
        form = QFormLayout(self)
        form.addRow(self.tr("&Produire :"), self.formats)  # the label's buddy: the combo
        form.addRow(brand_label, self.brand)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.formats.setFocus()

    def choice(self) -> tuple[tuple[str, ...], Brand]:
        """The formats and the brand selected."""
        return self.FORMATS[self.formats.currentIndex()], self.brand.brand()


def report_text(report: BatchReport) -> tuple[str, str]:
    """The French title and text that sum a batch up."""
    done, failed = len(report.done), len(report.failed)
    folder = report.summary_path.parent if report.summary_path else ""
    if report.interrupted:
        title = _tr("Traitement arrêté")
        text = _tr("{done} note(s) terminée(s) sur {total} avant l'arrêt. Aucun fichier à "
                   "moitié écrit n'a été laissé.").format(done=done, total=report.total)
    else:
        title = _tr("Traitement terminé")
        text = _tr("{done} note(s) écrite(s) sur {total} ligne(s).").format(
            done=done, total=report.total)
    if failed:
        text += "\n" + _tr("{count} ligne(s) en erreur : voir errors.csv.").format(
            count=failed)
    warnings = [i for i in report.all_issues if i.level != ERROR]
    if warnings:
        text += "\n" + _tr("{count} avertissement(s) : voir errors.csv.").format(
            count=len(warnings))
    summary = _tr("Récapitulatif : {path}").format(path=f"{folder}/summary.csv")
    return title, f"{text}\n\n{summary}"


class BatchRun(QObject):
    """One batch in the background, shown by a cancellable progress dialog."""

    finished = Signal(object)  # the BatchReport, or the exception that stopped the start
    progressed = Signal(int, int, str)  # done, total, commune

    def __init__(self, parent: QWidget, csv_path: str, out_dir: str, *,
                 formats: tuple[str, ...] = ("pdf",), brand: Brand | None = None,
                 jobs: int | None = None,
                 task: Callable[[Job, BatchOptions], Outcome] = process_job) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.csv_path, self.out_dir = csv_path, out_dir
        self.options = BatchOptions(Path(out_dir), formats, brand or current_brand())
        self.jobs, self.task = jobs or default_jobs(), task
        self.stop = threading.Event()
        self.dialog = QProgressDialog(self.tr("Lecture du fichier…"), self.tr("Arrêter"),
                                      0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Notes de plusieurs communes"))
        self.dialog.setMinimumWidth(440)  # long commune names do not make it jump in width
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.progressed.connect(self._show_progress)

    def start(self) -> None:
        """Run the batch on a pool thread; the window stays responsive."""
        from desktop.tasks import run_in_background

        self.dialog.show()
        run_in_background(self._work, self._done, self._done)

    def _work(self) -> BatchReport:
        """In the pool thread: the whole batch (notes in worker processes)."""
        return run_batch(self.csv_path, self.options, jobs=self.jobs, stop=self.stop,
                         task=self.task,
                         progress=lambda o, done, total: self.progressed.emit(
                             done, total, o.commune or ""))

    def _show_progress(self, done: int, total: int, commune: str) -> None:
        if self.stop.is_set():
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)
        text = (self.tr("{done} / {total} communes — {commune}") if commune.strip() else
                self.tr("{done} / {total} communes"))  # a row without a name: no dangling dash
        self.dialog.setLabelText(text.format(done=done, total=total, commune=commune.strip()))

    def cancel(self) -> None:
        """Stop after the notes being written: finished ones stay, started ones are dropped."""
        self.stop.set()
        self.dialog.setLabelText(self.tr("Arrêt en cours…"))

    def _done(self, outcome: BatchReport | BaseException) -> None:
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.finished.emit(outcome)


def start_batch(parent: QWidget, folder: str = "", prompts: type[Prompts] = Prompts,
                data: str = "", **kwargs: Any) -> BatchRun | None:
    """Ask for the CSV, the folder, the format and brand, then start the batch (None: gave
    up). `data` says which census and programmes are in use (`DataFiles.in_use_text`): the
    worker processes use the same files (the engine keeps them in the environment)."""
    csv_path = prompts.choose_file(parent, "csv", folder)
    if not csv_path:
        return None
    # a folder of its own for this CSV's notes, ready to accept (the dialog only takes
    # folders that exist): Documents/Tiers-lieux/Notes <csv name>
    proposed = proposed_subfolder(_tr("Notes {name}").format(name=Path(csv_path).stem),
                                  Path(folder) if folder else None)
    out_dir = prompts.choose_folder(parent, str(proposed))
    forget_if_unused(proposed, out_dir)
    if not out_dir:
        return None
    choice = prompts.choose_output(parent)
    if choice is None:
        return None
    formats, brand = choice
    run = BatchRun(parent, csv_path, out_dir, formats=formats, brand=brand, **kwargs)
    run.finished.connect(lambda outcome: _conclude(parent, prompts, outcome, out_dir, data))
    run.start()
    return run


def _conclude(parent: QWidget, prompts: type[Prompts], outcome: BatchReport | BaseException,
              out_dir: str, data: str = "") -> None:
    """Say what was done, or why nothing could be."""
    if isinstance(outcome, BaseException):  # unreadable CSV, folder not writable… or a bug
        from desktop import errors

        errors.handle(outcome, lambda text: prompts.error(parent, _tr("Traitement impossible"),
                                                          text))
        return
    title, text = report_text(outcome)
    if data:
        text += "\n" + _tr("Données : {data}.").format(data=data)
    prompts.show_report(parent, title, text, out_dir)


def save_template(parent: QWidget, folder: str = "",
                  prompts: type[Prompts] = Prompts) -> str:
    """Write the blank CSV template (one row per commune) where the user says; its path."""
    from reports.files import WriteError, write_atomic
    from reports.paths import ResourceError, read_bytes

    path = prompts.save_template(parent, str(Path(folder or default_folder()) / TEMPLATE_NAME))
    if not path:
        return ""
    try:
        write_atomic(path, read_bytes("batch", "communes-modele.csv"))
    except (WriteError, ResourceError) as exc:
        prompts.error(parent, _tr("Modèle non enregistré"),
                      _tr("Le modèle n'a pas pu être écrit dans « {path} » ({reason}). "
                          "Choisissez un autre dossier.").format(path=path, reason=exc))
        return ""
    return path


TEMPLATE_NAME = "communes-modele.csv"
