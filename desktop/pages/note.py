"""Page 9, Note: who signs it, where it goes; the PDF is produced in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.pages.base import ProfilePage
from desktop.pages.results import analyse_snapshot
from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument
from desktop.shell.navigation import PageId
from desktop.tasks import report_failure, run_in_background, user_message
from desktop.widgets.fields import PATH_MAX_WIDTH, TEXT_MAX_WIDTH

Progress = Callable[[float, str], None]


def produce_note(profile: Any, directory: Any, path: str, options: dict[str, Any],
                 progress: Progress) -> Path:
    """Analyse and render the note (in a worker thread); returns the PDF's path."""
    from reports.note import render_note

    progress(0.05, "analyse")
    result = analyse_snapshot(profile, directory)
    # render_note reports progress(fraction, message): its share is the last 90 %
    written = render_note(result, Path(path),
                          progress=lambda fraction, text: progress(0.1 + 0.9 * fraction, text),
                          **options)
    progress(1.0, "")
    return Path(written or path)


def focusable(widget: QWidget) -> list[QWidget]:
    """`widget` and its children that Tab can reach, in the order they were made."""
    found = [widget, *widget.findChildren(QWidget)]
    # a combo box's popup list is a child living in a window of its own: not in the chain
    return [w for w in found if w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.window() == widget.window()]


class NotePage(ProfilePage):
    """Author, organisation, logo, output file; generate, then open the note or its folder."""

    page_id = PageId.NOTE
    noteWritten = Signal(str)

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, context, parent)
        self.setTitle(self.tr("La note de faisabilité"))
        self.setSubTitle(self.tr("Une note PDF de 8 à 15 pages, à présenter au conseil "
                                 "municipal."))
        self.written = ""
        self.generating = False
        self.output_chosen = False  # True once the user picked or typed the PDF's path
        form = self.add_form()
        self.author = QLineEdit(self)
        self.organisation = QLineEdit(self)
        self.logo = QLineEdit(self)
        self.output = QLineEdit(self)
        self._row(form, self.tr("Aut&eur"), self.author)
        self._row(form, self.tr("O&rganisation"), self.organisation)
        self.logo_button = QPushButton(self.tr("Choisir…"), self)
        self._row(form, self.tr("Log&o (facultatif)"), self.logo, self.logo_button)
        self.output_button = QPushButton(self.tr("Parcourir…"), self)
        self._row(form, self.tr("Fich&ier PDF"), self.output, self.output_button)
        # Add-ons (branding, export format) add their rows here: see add_option_row().
        self.options_form = form
        self.option_providers: list[Callable[[], dict[str, Any]]] = []
        self._last_option_focus: QWidget = self.output_button
        self.generate_button = QPushButton(self.tr("&Générer la note"), self)
        self.generate_button.setDefault(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%p %"))
        self.progress.hide()  # shown once a note is being written
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.open_note_button = QPushButton(self.tr("Ouvrir la &note"), self)
        self.open_folder_button = QPushButton(self.tr("Ouvrir le &dossier"), self)
        row = QHBoxLayout()
        for button in (self.generate_button, self.open_note_button, self.open_folder_button):
            row.addWidget(button)
        row.addStretch(1)
        self.outer.addLayout(row)
        self.outer.addWidget(self.progress)
        self.outer.addWidget(self.status)
        self.add_footer()
        self.output.textEdited.connect(lambda _text: setattr(self, "output_chosen", True))
        document.changed.connect(self._project_changed)
        self.logo_button.clicked.connect(self._choose_logo)
        self.output_button.clicked.connect(self._choose_output)
        self.generate_button.clicked.connect(self.generate)
        self.open_note_button.clicked.connect(self.open_note)
        self.open_folder_button.clicked.connect(self.open_folder)
        self._update_buttons()

    def _row(self, form: QFormLayout, label: str, field: QLineEdit,
             button: QPushButton | None = None) -> None:
        caption = QLabel(label, self)
        caption.setBuddy(field)
        if button is None:
            field.setMaximumWidth(TEXT_MAX_WIDTH)
            form.addRow(caption, field)
            return
        cell = QWidget(self)
        cell.setMaximumWidth(PATH_MAX_WIDTH)
        row = QHBoxLayout(cell)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        row.addWidget(button)
        form.addRow(caption, cell)
        QWidget.setTabOrder(field, button)  # the field's own button comes right after it

    def add_option_row(self, label: str, widget: QWidget,
                       provider: Callable[[], dict[str, Any]]) -> None:
        """Hook for add-ons: a row above the buttons, and extra `render_note` keywords."""
        caption = QLabel(label, self)
        targets = focusable(widget)
        if targets:  # Alt+letter reaches the row's first field (not a focus proxy: those
            caption.setBuddy(targets[0])  # make Tab loop back from "Générer la note")
        self.options_form.addRow(caption, widget)
        self.option_providers.append(provider)
        # Tab reaches the row where it stands on screen: before "Générer la note"
        for child in targets:
            QWidget.setTabOrder(self._last_option_focus, child)
            self._last_option_focus = child

    def initializePage(self) -> None:
        """Prefill author and organisation from the settings, propose a file name."""
        settings = self.context.settings
        self.author.setText(self.author.text() or settings.get("note/author"))
        self.organisation.setText(self.organisation.text() or settings.get("note/organisation"))
        self.logo.setText(self.logo.text() or settings.get("note/logo"))
        if not self.output_chosen:  # follows the commune and the project's folder
            self.output.setText(str(self.default_output()))
        self._update_buttons()

    def isComplete(self) -> bool:
        """Finish is always possible (the note is optional)."""
        return not self.generating

    def default_output(self) -> Path:
        """Next to the project, or in the last folder used."""
        name = self.document.value("commune.name") or "commune"
        safe = "".join(c if c.isalnum() or c in " -_'" else "_" for c in name).strip()
        filename = self.tr("Note tiers-lieu {commune}.pdf").format(commune=safe or "commune")
        if self.document.path:
            return Path(self.document.path).parent / filename
        folder = self.context.settings.get("last_folder") or str(Path.home())
        return Path(folder) / filename

    def options(self) -> dict[str, Any]:
        """Keyword arguments for `render_note`."""
        logo = self.logo.text().strip()
        found: dict[str, Any] = {"author": self.author.text().strip(),
                                 "organisation": self.organisation.text().strip(),
                                 "logo": Path(logo) if logo else None}
        for provider in self.option_providers:
            found.update(provider())
        return found

    def generate(self) -> None:
        """Produce the PDF in the background; the window stays responsive."""
        if self.generating:
            return
        path = self.output.text().strip()
        if not path:
            self._choose_output()
            path = self.output.text().strip()
            if not path:
                return
        settings = self.context.settings
        settings.set("note/author", self.author.text().strip())
        settings.set("note/organisation", self.organisation.text().strip())
        settings.set("note/logo", self.logo.text().strip())
        snapshot = self.document.snapshot()
        directory = getattr(self.context.communes, "directory", None)
        options = self.options()
        self.generating = True
        self.written = ""
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Rédaction de la note…"))
        self._update_buttons()
        self.completeChanged.emit()
        run_in_background(
            lambda progress: produce_note(snapshot, directory, path, options, progress),
            self._done, self._failed, self._progress)

    def _progress(self, fraction: float, _text: str) -> None:
        self.progress.setValue(round(fraction * 100))

    def _done(self, path: Path) -> None:
        self.generating = False
        self.written = str(path)
        self.progress.setValue(100)
        self.status.setText(self.tr("Note enregistrée : {path}").format(path=path))
        self._update_buttons()
        self.completeChanged.emit()
        self.noteWritten.emit(self.written)

    def _failed(self, exc: BaseException) -> None:
        self.generating = False
        self.progress.setValue(0)
        self.progress.hide()
        self._update_buttons()
        self.completeChanged.emit()
        expected = user_message(exc)
        if expected is not None:  # target not writable, answers refused: nothing is lost
            self.status.setText(expected)
            self.context.prompts.error(self, self.tr("Note non enregistrée"), expected)
            return
        self.status.setText(self.tr("La note n'a pas pu être produite."))
        report_failure(exc)

    def open_note(self) -> None:
        """Open the PDF in the system's viewer."""
        if not self.written:
            return
        if not Path(self.written).exists():
            self.status.setText(self.tr("La note {path} n'existe plus : générez-la de "
                                        "nouveau.").format(path=self.written))
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(self.written)):
            self.status.setText(self.tr("Aucun lecteur de PDF n'a pu ouvrir la note. Elle est "
                                        "enregistrée ici : {path}").format(path=self.written))

    def open_folder(self) -> None:
        """Open the folder holding the PDF."""
        if not self.written:
            return
        folder = str(Path(self.written).parent)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(folder)):
            self.status.setText(self.tr("Le dossier n'a pas pu être ouvert. La note est "
                                        "enregistrée ici : {path}").format(path=self.written))

    def _choose_logo(self) -> None:
        path = self.context.prompts.choose_logo(self, str(Path(self.logo.text()).parent))
        if path:
            self.logo.setText(path)

    def _project_changed(self, field: str) -> None:
        """Another project: its note goes next to it, and the last note is not its note."""
        if field == "":
            self.output_chosen = False
            self.written = ""
            self.progress.setValue(0)
            self.progress.hide()
            self.status.setText("")
            self._update_buttons()

    def _choose_output(self) -> None:
        path = self.context.prompts.save_note(self, self.output.text() or
                                              str(self.default_output()))
        if path:
            self.output.setText(path)
            self.output_chosen = True
            self.context.settings.set("last_folder", str(Path(path).parent))

    def _update_buttons(self) -> None:
        self.generate_button.setEnabled(not self.generating)
        done = bool(self.written) and not self.generating
        self.open_note_button.setEnabled(done)
        self.open_folder_button.setEnabled(done)
