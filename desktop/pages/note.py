"""Page 9, Note: who signs it, where it goes; the PDF is produced in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)
from shiboken6 import isValid

from desktop import errors
from desktop.dialogs.brand_dialog import BrandChooser
from desktop.pages.base import ProfilePage
from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument
from desktop.shell.navigation import PageId
from desktop.tasks import run_in_background
from desktop.widgets.access import form_row

if TYPE_CHECKING:
    from reports.brand import Brand
    from reports.communes import Directory
    from reports.profile import Profile

Progress = Callable[[float, str], None]


def produce_note(profile: Profile, directory: Directory | None, path: str,
                 options: dict[str, Any],
                 progress: Progress) -> list[Path]:
    """In a worker thread: `reports.produce` with the page's choices; the files written."""
    from reports.produce import produce

    return produce(profile, path, directory=directory, progress=progress, **options)


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
        form_row(form, self.tr("Aut&eur"), self.author)
        form_row(form, self.tr("O&rganisation"), self.organisation)
        self.logo_button = QPushButton(self.tr("Choisir…"), self)
        form_row(form, self.tr("Log&o (facultatif)"), self.logo, self.logo_button)
        self.output_button = QPushButton(self.tr("Parcourir…"), self)
        form_row(form, self.tr("Fich&ier PDF"), self.output, self.output_button)
        self.brand_chooser = BrandChooser(self)
        form_row(form, self.tr("Profil &cabinet"), self.brand_chooser.combo,
                  self.brand_chooser.manage, cell=self.brand_chooser)
        self.format = QComboBox(self)
        for label, choice in ((self.tr("PDF"), "pdf"),
                              (self.tr("Word (.docx, modifiable)"), "docx"),
                              (self.tr("PDF et Word"), "both")):
            self.format.addItem(label, choice)
        self.format.setToolTip(self.tr("Le fichier Word reprend la même note, à retravailler "
                                       "dans Word ou LibreOffice ; il est enregistré à côté "
                                       "du PDF, sous le même nom."))
        form_row(form, self.tr("For&mat"), self.format)
        self.options_form = form
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
        self.brand_chooser.changed.connect(self.fill_from_brand)
        document.changed.connect(self._project_changed)
        self.logo_button.clicked.connect(self._choose_logo)
        self.output_button.clicked.connect(self._choose_output)
        self.generate_button.clicked.connect(self.generate)
        self.open_note_button.clicked.connect(self.open_note)
        self.open_folder_button.clicked.connect(self.open_folder)
        self._update_buttons()

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
        return self.context.start_folder() / filename

    def fill_from_brand(self) -> None:
        """Show the chosen firm profile's author, organisation and logo in the fields,
        where the user sees them and may still change them. What the user already typed
        is replaced only if they say so (otherwise only empty fields are filled)."""
        brand: Brand = self.brand_chooser.brand()
        proposed = [(label, field, value) for label, field, value in (
            (self.tr("Auteur"), self.author, brand.author),
            (self.tr("Organisation"), self.organisation, brand.organisation),
            (self.tr("Logo"), self.logo, str(brand.logo_path or "")))
            if value and field.text().strip() != value]
        typed = [(label, field, value) for label, field, value in proposed
                 if field.text().strip()]
        if typed and not self.context.prompts.confirm(
                self, self.tr("Remplacer ce que vous avez saisi ?"),
                self.tr("Le profil cabinet « {name} » propose d'autres valeurs :\n{changes}"
                        "\n\nRemplacer ce que vous avez saisi ? (Non : seuls les champs "
                        "vides sont remplis.)").format(
                    name=brand.name, changes="\n".join(
                        self.tr("– {field} : « {old} » → « {new} »").format(
                            field=label, old=field.text().strip(), new=value)
                        for label, field, value in typed))):
            proposed = [item for item in proposed if not item[1].text().strip()]
        for _label, field, value in proposed:
            field.setText(value)

    def options(self) -> dict[str, Any]:
        """Keyword arguments for `reports.produce.produce`: signing, brand and formats."""
        logo = self.logo.text().strip()
        return {"author": self.author.text().strip(),
                "organisation": self.organisation.text().strip(),
                "logo": Path(logo) if logo else None,
                "brand": self.brand_chooser.brand(),
                "formats": self.format.currentData()}

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
        if not self.may_replace(path):
            self.status.setText(self.tr("Note non générée : le fichier existant est gardé. "
                                        "Choisissez un autre nom avec « Parcourir… »."))
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

    def may_replace(self, path: str) -> bool:
        """True when none of the files to write exists, or the user agrees to replace them
        (asked here, before the pipeline starts, for the PDF and the Word file alike)."""
        from reports.produce import targets

        existing = [target for _kind, target in targets(path, self.format.currentData())
                    if target.exists()]
        if not existing:
            return True
        question = (self.tr("Un fichier de ce nom existe déjà :\n{files}\n\nLe remplacer par "
                            "la nouvelle note ?") if len(existing) == 1 else
                    self.tr("Des fichiers de ce nom existent déjà :\n{files}\n\nLes "
                            "remplacer par la nouvelle note ?"))
        return self.context.prompts.confirm(
            self, self.tr("Remplacer la note existante ?"),
            question.format(files="\n".join(str(p) for p in existing)))

    def _progress(self, fraction: float, _text: str) -> None:
        if isValid(self.progress):
            self.progress.setValue(round(fraction * 100))

    def _done(self, paths: list[Path]) -> None:
        if not isValid(self.status):  # the window was closed while the note was written
            return
        self.generating = False
        self.written = str(paths[0])
        self.progress.setValue(100)
        self.status.setText(self.tr("Note enregistrée : {path}").format(
            path=" ; ".join(str(p) for p in paths)))
        self._update_buttons()
        self.completeChanged.emit()
        self.noteWritten.emit(self.written)

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self.status):
            return
        self.generating = False
        self.progress.setValue(0)
        self.progress.hide()
        self._update_buttons()
        self.completeChanged.emit()
        self.status.setText(self.tr("La note n'a pas pu être produite."))
        errors.handle(exc, self._refused)

    def _refused(self, text: str) -> None:
        """Target not writable, answers refused: say why; nothing is lost."""
        self.status.setText(text)
        self.context.prompts.error(self, self.tr("Note non enregistrée"), text)

    def open_note(self) -> None:
        """Open the note (the PDF when there is one) in the system's viewer."""
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
        path = self.context.prompts.choose_file(self, "logo", str(Path(self.logo.text()).parent))
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
