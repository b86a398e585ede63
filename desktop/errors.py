"""The one error funnel: a `UserFacingError` becomes its French message, anything else the
copyable report dialog.

`handle(exc, show)` is what every caller uses (the background-task helper by default): `show`
says where the message goes (a status line, a dialog with the caller's title); without it a
warning dialog shows it. Uncaught exceptions go the same way through `excepthook`.
Nothing is ever sent anywhere: the report can be copied by the user, that is all.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
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


def handle(exc: BaseException, show: Callable[[str], object] | None = None) -> bool:
    """The funnel. A `UserFacingError`: its French text goes to `show` (default: a warning
    dialog) and the answer is True. Anything else is a bug: the copyable report, False."""
    if isinstance(exc, UserFacingError):
        (show or _warn)(exc.user_text)
        return True
    report(exc)
    return False


def report_bugs(exc: BaseException) -> None:
    """For work the page can do without (a chart, a map): the page stays as it is; only a
    bug (not a `UserFacingError`) shows the copyable report."""
    handle(exc, lambda _text: None)


def report(exc: BaseException) -> None:
    """The copyable report of an unexpected exception (caught in a worker thread or a slot)."""
    excepthook(type(exc), exc, exc.__traceback__)


def _warn(text: str) -> None:
    from desktop.shell.prompts import Prompts

    title = QCoreApplication.translate("errors", "Opération impossible")
    Prompts.error(QApplication.activeWindow(), title, text)


def excepthook(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    """Log any uncaught exception and show it in a dialog instead of crashing."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(exc, UserFacingError) and QApplication.instance() is not None:
        _warn(exc.user_text)  # expected, even when nobody caught it: the message, no report
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


__all__ = ["UserError", "excepthook", "handle", "install_excepthook", "report", "report_bugs"]
