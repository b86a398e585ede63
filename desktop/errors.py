"""The one error funnel: expected failures become French messages, the rest a report dialog.

Nothing is ever sent anywhere: the report can be copied by the user, that is all.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from reports import __version__
from reports.errors import UserFacingError

log = logging.getLogger("desktop")


class UserError(UserFacingError):
    """A failure of the wizard itself (opening, saving a project) the user can act on."""


def report_text(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> str:
    """The copyable report: versions and traceback, nothing personal."""
    import platform

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
    from desktop.dialogs.error_dialog import ErrorDialog

    ErrorDialog.show_report(summary, details, QApplication.activeWindow())


def install_excepthook() -> None:
    """Route uncaught exceptions (including those in slots) to the dialog."""
    sys.excepthook = excepthook


def plain_details(exc: BaseException) -> str:
    """Details for an exception caught in a worker thread."""
    return report_text(type(exc), exc, exc.__traceback__)


__all__ = ["UserError", "excepthook", "install_excepthook", "plain_details"]
