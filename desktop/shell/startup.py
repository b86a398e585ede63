"""Create the QApplication, the translators, the window; offer recovery; run."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from desktop.errors import install_excepthook
from desktop.shell import display, i18n
from desktop.shell.communes import CommuneIndex
from desktop.shell.context import AppContext
from desktop.shell.main_window import MainWindow
from desktop.shell.prompts import Prompts
from desktop.shell.settings import APPLICATION, ORGANISATION, Settings
from desktop.widgets.icon import app_icon

BENCH_ENV = "TIERSLIEU_BENCH_QUIT_WHEN_SHOWN"


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with organisation and application names set once."""
    app = QApplication.instance() or QApplication(argv or ["tierslieu"])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Tiers-lieu rural")
    app.setWindowIcon(app_icon())
    return app


def create_window(settings: Settings, recovery_dir: Path | None = None,
                  language: str | None = None, communes: CommuneIndex | None = None,
                  session_id: str | None = None) -> MainWindow:
    """The main window with its context; the commune directory loads after it is shown."""
    app = QApplication.instance()
    chosen = i18n.install_translators(app, language or settings.get("language"))
    if language:
        settings.set("language", chosen)
    folder = recovery_dir or Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation))
    context = AppContext(settings=settings, recovery_dir=folder, prompts=Prompts,
                         communes=communes or CommuneIndex(), session_id=session_id)
    return MainWindow(context)


def warm_up() -> None:
    """Load the knowledge base and the engine while the user reads the first page."""
    from reports.analysis import analyse  # noqa: F401  (imported to be ready)
    from reports.knowledge import knowledge

    knowledge()


def open_first(window: MainWindow, options: dict[str, str]) -> None:
    """The copy a crash left, if the user wants it; else the project named at start-up.

    The copy is offered even when a project is named: closing would delete it unseen."""
    if not window.offer_recovery() and options.get("project"):
        window.open_project(options["project"])


def run(options: dict[str, str]) -> int:
    """Show the window, then do the slower work once the first page is on screen."""
    problems = display.preflight()
    if problems:  # no screen at all: say so in French rather than let Qt abort
        return display.refuse(problems)
    with display.fatal_guard():
        app = create_app()
    install_excepthook()
    settings = Settings()
    window = create_window(settings, language=options.get("language"))
    window.show()

    def after_show() -> None:
        if os.environ.get(BENCH_ENV):  # benchmarks/bench_startup.py: first page is on screen
            print(f"shown {time.time():.6f} cpu {time.process_time():.6f}", flush=True)
        window.finish_build()
        if os.environ.get(BENCH_ENV):
            print(f"built {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
            return
        from desktop.tasks import run_in_background  # the thread pool: after the first page

        open_first(window, options)
        window.context.communes.start()
        window.data_files.restore()  # the newer census or programmes of an earlier session
        run_in_background(warm_up, lambda _none: None)

    QTimer.singleShot(0, after_show)
    code = app.exec()
    from desktop.tasks import wait_for_tasks

    wait_for_tasks()
    return code

