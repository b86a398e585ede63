"""Qt's own dialogs in French: every string Qt asks for while showing its file dialogs,
message boxes and wizard buttons has a French translation (qtbase_fr.qm plus the few
fixes of resources/translations/qtbase_fixes_fr.ts)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QTreeView, QWizard, QWizardPage

from desktop.shell import i18n


class Spy(QTranslator):
    """Asked first (installed last); records each lookup and lets the others answer."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str, str | None, int]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source, disambiguation, n))
        return None  # a null string: Qt asks the next catalogue ("" would be the answer)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def spy(qapp):
    i18n.install_translators(qapp, "fr")
    recorder = Spy()
    qapp.installTranslator(recorder)
    yield recorder
    qapp.removeTranslator(recorder)
    i18n.install_translators(qapp, "fr")


def untranslated(qapp, spy: Spy) -> list[tuple]:
    """Qt-context strings (context "Q…") that no installed catalogue translates."""
    qapp.removeTranslator(spy)
    catalogues = list(i18n._installed)
    left = [entry for entry in spy.asked if entry[0].startswith("Q")
            and entry[0] != "QGuiApplication"  # layout direction, answered "LTR" anyway
            # file kinds: hundreds, from the shared MIME database; qtbase_fr.qm has most,
            # and which ones are asked depends on the files in the folders shown
            and entry[0] != "QMimeType"
            and not any(c.translate(*entry) for c in catalogues)]
    return sorted(left, key=str)


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_file_dialogs_say_everything_in_french(qapp, qtbot, spy, tmp_path, mode):
    (tmp_path / "sous-dossier").mkdir()
    (tmp_path / "note.pdf").write_bytes(b"%PDF-1.4\n")
    dialog = QFileDialog(None, "Enregistrer la note", str(tmp_path), "Documents PDF (*.pdf)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    view = dialog.findChild(QTreeView)
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) >= 1, timeout=5000)
    model, root = view.model(), view.rootIndex()
    types = [model.index(row, 2, root).data() for row in range(model.rowCount(root))]
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "&Voir dans\u00a0:" in labels and "&Look in:" not in labels
    if mode != "folder":
        assert "Fichiers de &type\u00a0:" in labels
    assert "Folder" not in types
    assert untranslated(qapp, spy) == []


def test_message_boxes_and_wizard_buttons_are_french(qapp, qtbot, spy):
    box = QMessageBox(QMessageBox.Icon.Question, "Titre", "Texte")
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes
                           | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Close)
    box.show()
    assert {b.text() for b in box.buttons()} >= {"Annuler", "&Oui", "&Non"}
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    wizard.show()
    assert "Suivant" in wizard.buttonText(QWizard.WizardButton.NextButton)
    assert untranslated(qapp, spy) == []
