"""``python -m desktop --screenshots DIR [--profile NAME] [--lang fr|en]``.

Writes a PNG of every wizard page and of the main dialogs, for one shipped example
(resources/examples/), at 1366×768 — the laptop screen the wizard is designed for. The
files are named ``NN-name.png`` (00-welcome.png … 08-note.png, then the dialogs), the
same names in both languages. Needs no screen: Qt's offscreen platform draws them unless
QT_QPA_PLATFORM says otherwise. Nothing of the user's settings or projects is touched.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # costs nothing at start-up
    from desktop.shell.main_window import MainWindow

SIZE = (1366, 768)
DIALOGS = ("guide", "glossary", "building", "brands", "batch", "about")


def file_names() -> list[str]:
    """The PNG files written, in order."""
    from desktop.shell.navigation import PageId

    names = [page.name.lower() for page in PageId] + list(DIALOGS)
    return [f"{index:02d}-{name}.png" for index, name in enumerate(names)]


def _settle(until: Callable[[], bool] | None = None, timeout: float = 30.0) -> None:
    """Let queued work and background tasks finish (and `until` hold) before a picture."""
    from PySide6.QtWidgets import QApplication

    from desktop.tasks import busy

    deadline = time.monotonic() + timeout
    app = QApplication.instance()
    while time.monotonic() < deadline:
        app.processEvents()
        if not busy() and (until is None or until()):
            break
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def _save(widget: Any, folder: Path, name: str) -> Path:
    """The widget's picture as PNG, written through the one atomic writer."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from reports.files import write_atomic

    path = folder / name
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not widget.grab().save(buffer, "PNG"):
        from reports.errors import OutputError

        raise OutputError(f"Impossible d'écrire l'image {path}.")
    buffer.close()
    return write_atomic(path, data.data())


def take(folder: Path, profile: str = "prades", language: str = "fr") -> list[Path]:
    """Write the pictures into `folder` (created); return their paths in order."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from desktop.shell.communes import CommuneIndex
    from desktop.shell.navigation import PageId
    from desktop.shell.settings import Settings
    from desktop.shell.startup import create_app, create_window
    from reports.files import write_atomic
    from reports.paths import read_bytes

    folder.mkdir(parents=True, exist_ok=True)
    create_app()
    names = iter(file_names())
    written: list[Path] = []
    config = os.environ.get("TIERSLIEU_CONFIG_DIR")
    with tempfile.TemporaryDirectory(prefix="tierslieu-screens-") as scratch:
        work = Path(scratch)
        os.environ["TIERSLIEU_CONFIG_DIR"] = str(work / "config")  # brands: none of the user's
        settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
        settings.set("last_folder", str(work))
        communes = CommuneIndex()
        communes.start()
        window = create_window(settings, work / "recovery", language=language,
                               communes=communes)
        window.resize(*SIZE)
        window.show()
        window.finish_build()
        _settle(lambda: communes.is_ready or bool(communes.error))
        written.append(_save(window, folder, next(names)))  # the welcome page, empty
        project = work / f"{profile}.tierslieu.json"
        write_atomic(project, read_bytes("examples", project.name))
        window.open_project(str(project))
        wizard = window.wizard
        for page_id in list(PageId)[1:]:
            wizard.restart()
            wizard.go_to(page_id)
            _settle(lambda p=page_id: wizard.currentId() == int(p)
                    and wizard.currentPage().isComplete())
            if page_id == PageId.NOTE:  # where a user's note would go, not this run's temp
                page = wizard.currentPage()
                page.output.setText(str(Path.home() / "Documents" / "Tiers-lieux"
                                        / page.default_output().name))
            written.append(_save(window, folder, next(names)))
        written += _dialogs(window, folder, names)
        window.document.modified = False
        window.close()
        window.deleteLater()
        _settle()
    if config is None:
        os.environ.pop("TIERSLIEU_CONFIG_DIR", None)
    else:
        os.environ["TIERSLIEU_CONFIG_DIR"] = config
    return written


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Hide the offscreen platform's « This plugin does not support … » notices."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, text: str) -> None:
        if "This plugin does not support" not in text and sys.stderr is not None:
            print(text, file=sys.stderr)

    qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(None)


def _dialogs(window: MainWindow, folder: Path, names: Any) -> list[Path]:
    """The help (guide, glossary), a building, firm profiles, batch output, About."""
    from desktop.dialogs.about import about_box
    from desktop.dialogs.batch_dialog import BatchOutputDialog
    from desktop.dialogs.brand_dialog import BrandDialog
    from desktop.dialogs.building_dialog import BuildingDialog
    from desktop.help.dialog import GLOSSARY, GUIDE, show_help
    from reports.profile import Building

    written = []
    for which, anchor in ((GUIDE, "commune"), (GLOSSARY, "zau2010")):
        help_window = show_help(window, which, anchor)  # one window, two tabs
        _settle()
        written.append(_save(help_window, folder, next(names)))
    help_window.close()
    profile = window.document.profile
    building = profile.buildings[0] if profile.buildings else Building()
    dialogs = [
        lambda: BuildingDialog(building, list(profile.services),
                               profile.carrier.commune_support, window),
        lambda: BrandDialog(window),
        lambda: BatchOutputDialog(window),
        lambda: about_box(window),
    ]
    for make in dialogs:
        dialog = make()
        dialog.show()
        _settle()
        written.append(_save(dialog, folder, next(names)))
        dialog.close()
        dialog.deleteLater()
    return written


def main(folder: str, profile: str = "prades", language: str = "fr") -> int:
    """The command: 0 done, 2 unknown example or language (French message)."""
    from reports.commands.example import examples

    known = examples()  # the shipped example profiles, as `python -m reports example` lists them
    if profile not in known:
        print(f"Exemple inconnu : « {profile} ». Exemples livrés : {', '.join(known)}.",
              file=sys.stderr)
        return 2
    if language not in ("fr", "en"):
        print(f"Langue inconnue : « {language} » (fr ou en).", file=sys.stderr)
        return 2
    with _quiet():
        paths = take(Path(folder), profile, language)
    for path in paths:
        print(path)
    return 0
