"""Qt fixtures shared by the desktop tests (imported explicitly by those modules)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.shell.communes import CommuneIndex
from desktop.shell.settings import Settings
from desktop.shell.startup import create_window

_INDEX: list[CommuneIndex] = []
_DEAD_LOCK: list[bytes] = []

# A process that takes a QLockFile and dies without releasing it, like a crashed session.
_DIE_HOLDING = ("import os, sys\nfrom PySide6.QtCore import QLockFile\n"
                "lock = QLockFile(sys.argv[1])\nassert lock.tryLock(0)\nos._exit(0)\n")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a private INI file: nothing touches the user's real settings."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def communes(qapp, qtbot) -> CommuneIndex:
    """The commune directory and its completer model, loaded once for the session."""
    if not _INDEX:
        index = CommuneIndex(qapp)  # parented to the application: lives the whole run
        index.start()
        qtbot.waitUntil(lambda: index.is_ready or bool(index.error), timeout=20_000)
        assert index.is_ready, index.error
        _INDEX.append(index)
    return _INDEX[0]


@pytest.fixture
def make_window(qtbot, tmp_path: Path, settings: Settings, communes: CommuneIndex):
    """Build main windows at 1366×768 over the same settings and recovery folder."""
    def make(language: str = "fr"):
        window = create_window(settings, tmp_path / "recovery", language=language,
                               communes=communes)
        # closed by pytest-qt after the test, without the unsaved-changes question
        qtbot.addWidget(window, before_close_func=_forget_changes)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.finish_build()  # what start-up does once the welcome page is on screen
        return window

    return make


def _forget_changes(window) -> None:
    window.document.modified = False


def dead_lock_bytes(folder: Path) -> bytes:
    """The content of a lock file whose owner process has exited (made once per run)."""
    if not _DEAD_LOCK:
        path = folder / "dead.lock"
        subprocess.run([sys.executable, "-c", _DIE_HOLDING, str(path)], check=True,
                       timeout=60)
        _DEAD_LOCK.append(path.read_bytes())
        path.unlink()
    return _DEAD_LOCK[0]


@pytest.fixture
def dead_lock(tmp_path: Path) -> bytes:
    """A lock file's content naming a process that has exited."""
    return dead_lock_bytes(tmp_path)


@pytest.fixture
def crash(tmp_path: Path):
    """Make a window look crashed: its copy stays, its lock now names a dead process."""
    def crash_window(window) -> None:
        session = window.context.recovery
        window.hide()  # no closeEvent: nothing is cleaned
        lock_path = Path(session.lock.fileName())
        session.lock.unlock()
        lock_path.write_bytes(dead_lock_bytes(tmp_path))

    return crash_window
