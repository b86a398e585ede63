"""Every modal question the application asks, behind one patchable seam.

The wizard, the batch and the brand dialogs all ask through `Prompts` (the pages through
their context's `prompts`); tests replace these static methods (a subclass, or monkeypatch)
instead of answering real dialogs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.shell.i18n import translate as _tr
from reports import PROFILE_SUFFIX as PROJECT_SUFFIX

if TYPE_CHECKING:
    from reports.brand import Brand


def open_kind(kind: str) -> tuple[str, str]:
    """The title and file types of `Prompts.choose_file` for `kind` (logo, csv of communes,
    census, programmes), translated when asked."""
    return {
        "logo": (_tr("Choisir un logo"), _tr("Images (*.png *.jpg *.jpeg)")),
        "csv": (_tr("Importer un CSV de communes"),
                _tr("Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)")),
        "census": (_tr("Charger un recensement plus récent"),
                   _tr("Comparateur de territoires de l'INSEE (*.csv *.zip);;"
                       "Tous les fichiers (*)")),
        "programmes": (_tr("Charger un tableau de programmes de financement"),
                       _tr("Fichiers CSV (*.csv);;Tous les fichiers (*)")),
    }[kind]


def _file_dialog(parent: QWidget | None, title: str, start: str, types: str, *,
                 save: bool = False, **options: object) -> str:
    """Qt's file dialog to open (or `save`) a file; "" if cancelled."""
    from PySide6.QtWidgets import QFileDialog  # loaded when first asked

    ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
    path, _ = ask(parent, title, start, types, **options)
    return path


def _yes_no(parent: QWidget | None, title: str, text: str, default_yes: bool) -> bool:
    """A Yes/No question; True when the user said Yes."""
    from PySide6.QtWidgets import QMessageBox  # loaded when first asked

    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return QMessageBox.question(parent, title, text, yes | no,
                                yes if default_yes else no) == yes


class Prompts:
    """Modal dialogs; each returns a plain Python value."""

    @staticmethod
    def unsaved_changes(parent: QWidget | None) -> str:
        """Ask what to do with unsaved changes: "save", "discard" or "cancel"."""
        from PySide6.QtWidgets import QMessageBox  # loaded when first asked

        button = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            parent, _tr("Modifications non enregistrées"),
            _tr("Le projet a été modifié. Voulez-vous enregistrer vos modifications ?"),
            button.Save | button.Discard | button.Cancel, button.Save)
        return {button.Save: "save", button.Discard: "discard"}.get(answer, "cancel")

    @staticmethod
    def offer_recovery(parent: QWidget | None, description: str) -> bool:
        """Offer to restore the copy kept after a crash ("Yes" by default)."""
        return _yes_no(parent, _tr("Récupérer le travail en cours ?"), _tr(
            "L'application ne s'est pas fermée normalement. Une copie de secours de votre "
            "projet existe : {description}.\n\nVoulez-vous la récupérer ?"
        ).format(description=description), default_yes=True)

    @staticmethod
    def open_project(parent: QWidget | None, folder: str) -> str:
        """Choose a project to open ("" if cancelled)."""
        return _file_dialog(parent, _tr("Ouvrir un projet"), folder,
                            _tr("Projets tiers-lieu (*.tierslieu.json);;Fichiers JSON (*.json)"))

    @staticmethod
    def save_project(parent: QWidget | None, suggested: str) -> str:
        """Choose where to save the project ("" if cancelled)."""
        path = _file_dialog(parent, _tr("Enregistrer le projet"), suggested,
                            _tr("Projets tiers-lieu (*.tierslieu.json)"), save=True)
        if path and not path.endswith(PROJECT_SUFFIX):
            path = path.removesuffix(".json") + PROJECT_SUFFIX
        return path

    @staticmethod
    def save_note(parent: QWidget | None, suggested: str) -> str:
        """Choose where to write the PDF note ("" if cancelled)."""
        from PySide6.QtWidgets import QFileDialog

        # the note page asks before replacing, for the PDF and its Word file together
        path = _file_dialog(parent, _tr("Enregistrer la note"), suggested,
                            _tr("Documents PDF (*.pdf)"), save=True,
                            options=QFileDialog.Option.DontConfirmOverwrite)
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    @staticmethod
    def choose_file(parent: QWidget | None, kind: str, folder: str) -> str:
        """A file to read ("" if cancelled); `kind` (logo, csv, census, programmes) gives
        the dialog's title and file types (`open_kind`)."""
        title, types = open_kind(kind)
        return _file_dialog(parent, title, folder, types)

    @staticmethod
    def confirm(parent: QWidget | None, title: str, text: str) -> bool:
        """A yes/no question, "No" by default."""
        return _yes_no(parent, title, text, default_yes=False)

    @staticmethod
    def error(parent: QWidget | None, title: str, text: str) -> None:
        """Tell the user what went wrong and what to do."""
        from PySide6.QtWidgets import QMessageBox  # loaded when first asked

        QMessageBox.warning(parent, title, text)

    @staticmethod
    def information(parent: QWidget | None, title: str, text: str) -> None:
        """A plain message."""
        from PySide6.QtWidgets import QMessageBox  # loaded when first asked

        QMessageBox.information(parent, title, text)

    # -- firm profiles (brands) ----------------------------------------------------------
    @staticmethod
    def choose_color(parent: QWidget | None, current: str) -> str:
        """A colour as #RRGGBB ("" if cancelled)."""
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QColorDialog

        color = QColorDialog.getColor(QColor(current), parent, _tr("Couleur principale"))
        return color.name().upper() if color.isValid() else ""

    # -- batch ---------------------------------------------------------------------------
    @staticmethod
    def save_template(parent: QWidget | None, suggested: str) -> str:
        """Where to write the blank CSV template ("" if cancelled)."""
        return _file_dialog(parent, _tr("Enregistrer le modèle de CSV"), suggested,
                            _tr("Fichiers CSV (*.csv)"), save=True)

    @staticmethod
    def choose_folder(parent: QWidget | None, folder: str, kind: str = "notes") -> str:
        """The folder the batch's notes (`kind` "notes") or the territory comparison's
        scan.csv and scan.pdf ("scan") go to ("" if cancelled)."""
        from PySide6.QtWidgets import QFileDialog

        title = _tr("Dossier de la comparaison") if kind == "scan" else _tr("Dossier des notes")
        return QFileDialog.getExistingDirectory(parent, title, folder)

    @staticmethod
    def choose_output(parent: QWidget | None) -> tuple[tuple[str, ...], Brand] | None:
        """PDF, Word or both, and the profil cabinet, for a batch (None if cancelled)."""
        from PySide6.QtWidgets import QDialog

        from desktop.dialogs.batch_dialog import BatchOutputDialog

        dialog = BatchOutputDialog(parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        choice = dialog.choice() if accepted else None
        dialog.deleteLater()
        return choice

    @staticmethod
    def show_report(parent: QWidget | None, title: str, text: str, folder: str) -> None:
        """Tell what the batch did; offer to open the folder."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        open_button = box.addButton(_tr("Ouvrir le &dossier"),
                                    QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))
