"""Recovery copies, one per running session, so two open copies of the application never
offer or delete each other's work.

Each session writes ``recovery-<id>.tierslieu.json`` (and ``.origin``, the project's own
path) and holds ``recovery-<id>.lock`` (a QLockFile) for as long as it runs. At start-up a
copy is offered only when its lock can be taken: its owner is dead (crash) or it has none.
Such copies are claimed (their lock taken) while the user answers, so two instances
starting together cannot both offer the same one.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QLockFile

from reports import PROFILE_SUFFIX

SUFFIX = PROFILE_SUFFIX
PATTERN = "recovery*" + SUFFIX  # "recovery.tierslieu.json" was the single shared copy


def new_session_id() -> str:
    """An id unique to this window: process id plus a random part (two windows, one process)."""
    return f"{os.getpid()}-{os.urandom(4).hex()}"  # not uuid: it loads `platform`


def _lock(path: Path) -> QLockFile:
    """A QLockFile judged stale only when its owner process is gone, never by its age."""
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # a session open for hours keeps its copy
    return lock


def _stem(copy: Path) -> str:
    return copy.name.removesuffix(SUFFIX)


class RecoveryCopy(NamedTuple):  # not a dataclass: importing dataclasses costs start-up time
    """A copy left by a session that is no longer running, claimed by this one."""

    file: Path
    lock: QLockFile
    modified: float  # seconds since the epoch

    @property
    def original_path(self) -> str:
        """The project file the copy belongs to ("" if never saved)."""
        try:
            return self.file.with_name(_stem(self.file) + ".origin").read_text("utf-8").strip()
        except OSError:
            return ""

    def discard(self) -> None:
        """Delete the copy, then release its lock (in that order: no orphan is ever live)."""
        _remove(self.file)
        self.lock.unlock()

    def release(self) -> None:
        """Leave the copy for the next start-up."""
        self.lock.unlock()


class RecoverySession:
    """This session's recovery copy and the lock that says it is alive."""

    def __init__(self, folder: Path, session_id: str | None = None) -> None:
        self.folder = folder
        self.id = session_id or new_session_id()
        self.file = folder / f"recovery-{self.id}{SUFFIX}"
        self.lock = _lock(folder / f"recovery-{self.id}.lock")

    @property
    def origin_file(self) -> Path:
        return self.folder / f"recovery-{self.id}.origin"

    def prepare(self, original_path: str) -> bool:
        """Take the lock (once) and note the project's path; False if the folder refuses."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        if not self.lock.isLocked() and not self.lock.tryLock(0):
            return False
        from reports.files import WriteError, write_atomic  # not on the start-up path

        try:
            write_atomic(self.origin_file, original_path.encode("utf-8"))
        except WriteError:
            return False
        return True

    def discard(self) -> None:
        """Remove this session's copy and release its lock (after a save or a clean exit)."""
        _remove(self.file)
        if self.lock.isLocked():
            self.lock.unlock()

    def stale_copies(self) -> list[RecoveryCopy]:
        """Copies whose session is gone, newest first, each claimed until discarded/released."""
        try:
            candidates = [p for p in self.folder.glob(PATTERN) if p != self.file]
        except OSError:
            return []
        copies = []
        for path in candidates:
            lock = _lock(path.with_name(_stem(path) + ".lock"))
            if not lock.tryLock(0):
                continue  # a running session's copy: never ours to offer or delete
            try:
                modified = path.stat().st_mtime
            except OSError:  # discarded by its owner in the meantime
                lock.unlock()
                continue
            copies.append(RecoveryCopy(path, lock, modified))
        return sorted(copies, key=lambda c: c.modified, reverse=True)


def _remove(copy: Path) -> None:
    """Delete a copy and its origin note, ignoring what is already gone."""
    for path in (copy, copy.with_name(_stem(copy) + ".origin")):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
