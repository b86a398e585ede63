"""The one error funnel: expected failures become French messages, the rest a report dialog.

Nothing is ever sent anywhere: the report can be copied by the user, that is all.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reports import __version__

log = logging.getLogger("desktop")


class UserError(Exception):
    """A failure the user can act on; its message is French and shown as is."""


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
        box.setMinimumHeight(160)
        layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("Copier le rapport"), self)
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


def report_text(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> str:
    """The copyable report: versions and traceback, nothing personal."""
    lines = [
        f"tierslieu {__version__}",
        f"Python {platform.python_version()} — {platform.platform()}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


def excepthook(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    """Log any uncaught exception and show it in a dialog instead of crashing."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    details = report_text(exc_type, exc, tb)
    log.error("Unexpected error\n%s", details)
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    summary = QCoreApplication.translate(
        "errors", "Une erreur inattendue s'est produite ({name}). "
        "L'application reste ouverte.").format(name=exc_type.__name__)
    parent = QApplication.activeWindow()
    ErrorDialog.show_report(summary, details, parent)


def install_excepthook() -> None:
    """Route uncaught exceptions (including those in slots) to the dialog."""
    sys.excepthook = excepthook


def plain_details(exc: BaseException) -> str:
    """Details for an exception caught in a worker thread."""
    return report_text(type(exc), exc, exc.__traceback__)


__all__ = ["ErrorDialog", "UserError", "excepthook", "install_excepthook", "plain_details"]
