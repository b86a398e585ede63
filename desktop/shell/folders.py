"""Where files go by default: Documents/Tiers-lieux, created the first time it is needed.

Notes, projects and batch output are proposed there until the user picks another folder
(then the last folder used wins, as before). ``TIERSLIEU_DOCUMENTS_DIR`` names another
folder instead (tests, portable installs)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

ENV = "TIERSLIEU_DOCUMENTS_DIR"
FOLDER_NAME = "Tiers-lieux"


def default_folder() -> Path:
    """Documents/Tiers-lieux (created); the Documents folder or home if it cannot be."""
    override = os.environ.get(ENV, "").strip()
    if override:
        folder = Path(override)
    else:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(documents or Path.home()) / FOLDER_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # read-only or odd home: propose what exists, the dialogs do the rest
        return folder.parent if folder.parent.is_dir() else Path.home()
    return folder


def proposed_subfolder(name: str, parent: Path | None = None) -> Path:
    """A new folder `name` under `parent` (default folder), created so a folder dialog
    can offer it; `forget_if_unused` removes it again when the user chose another."""
    base = parent or default_folder()
    folder = base / name
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    return folder if folder.is_dir() else base


def forget_if_unused(proposed: Path, chosen: str) -> None:
    """Remove a proposed folder the user did not take (only when still empty)."""
    if chosen and Path(chosen).resolve() == proposed.resolve():
        return
    with contextlib.suppress(OSError):
        if proposed.is_dir() and not any(proposed.iterdir()):
            proposed.rmdir()
