"""The dialog of an unexpected error: a plain sentence, the details, a button to copy them."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ErrorDialog(QDialog):
    """An unexpected error: a plain sentence, the details, and a button to copy them."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Erreur inattendue"))
        self.details = details
        layout = QVBoxLayout(self)
        text = QLabel(summary, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        hint = QLabel(self.tr(
            "Votre travail n'est pas perdu : une copie de secours est enregistrée chaque "
            "minute. Vous pouvez copier le rapport ci-dessous pour le transmettre à votre "
            "support ; rien n'est envoyé automatiquement."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        box = QPlainTextEdit(details, self)
        box.setReadOnly(True)
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # a traceback reads by line
        box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        box.setMinimumHeight(200)
        layout.addWidget(box)
        self.setMinimumWidth(600)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copier le rapport"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        """Put the report on the clipboard."""
        QGuiApplication.clipboard().setText(self.details)

    @classmethod
    def show_report(cls, summary: str, details: str, parent: QWidget | None = None) -> None:
        """Show the dialog modally (tests patch this seam)."""
        cls(summary, details, parent).exec()
