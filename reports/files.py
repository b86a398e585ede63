"""Atomic writing for every file the tool produces (notes, Word files, batch tables, brands,
profiles): a temporary file in the target folder, then a rename over the target.

Also the safe way in: `read_regular` opens an input without ever blocking on a FIFO or
reading a device (``/dev/zero``), and `french_reason` turns an OS error into French.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from reports.errors import OutputError, UserFacingError
from reports.texts import message, table

MAX_PATH = 4096  # Linux's PATH_MAX; Windows' long paths stop at 32 767
_SHOWN = 120  # longest path written in full in a message

# The temporary file's name starts with this ("~tierslieu-NOTE.pdf.x1y2.tmp"): a writer
# killed midway may leave one, and the batch sweeps them from its output folder.
TEMP_PREFIX = "~tierslieu-"


class WriteError(OutputError):
    """A file could not be written; the French message names it and says what to do."""


class ReadError(UserFacingError):
    """An input file cannot be read (special file, too big, unreadable); French message."""


def shown(path: str | os.PathLike) -> str:
    """A path as a message shows it: in full when short, else its start and its end."""
    text = str(path)
    return text if len(text) <= _SHOWN else f"{text[:40]}…{text[-70:]}"


def french_reason(exc: OSError) -> str:
    """The OS error's reason in French (never the system's English words)."""
    reason = table("files.reason").get(errno.errorcode.get(exc.errno or 0, ""))
    if reason:
        return reason
    return message("files.system.coded", code=exc.errno) if exc.errno else message(
        "files.system.plain")


def _message(exc: OSError, target: Path) -> str:
    """A French sentence for a failed write, chosen by the system's error code."""
    folder, path, code = shown(target.parent), shown(target), exc.errno
    if len(str(target)) > MAX_PATH:
        return message("files.write.path_too_long", path=path, length=len(str(target)),
                       limit=MAX_PATH)
    if code == errno.ENAMETOOLONG:
        return message("files.write.name_too_long", name=shown(target.name))
    if code == errno.ENOENT:
        return message("files.write.no_folder", folder=folder)
    if code == errno.EISDIR:
        return message("files.write.is_folder", path=path)
    if code in (errno.EACCES, errno.EPERM):
        return message("files.write.denied", path=path)
    if code == errno.EROFS:
        return message("files.write.read_only_medium", folder=folder)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return message("files.write.disk_full", path=path)
    return message("files.write.failed", path=path, reason=french_reason(exc))


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def check_target(path: Path) -> None:
    """Refuse a target that must not be replaced: a folder, a special file, a read-only file.

    Root ignores permission bits, so the read-only check reads the bits themselves.
    """
    if len(str(path)) > MAX_PATH:
        raise OSError(errno.ENAMETOOLONG, "path too long")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        raise OSError(errno.EISDIR, "is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(message("files.write.not_regular", path=shown(path)))
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise WriteError(message("files.write.read_only", path=shown(path)))


def write_atomic(target: str | os.PathLike, data: bytes) -> Path:
    """Write `data` to `target` all at once; on failure the earlier file is left untouched."""
    path = Path(target)
    tmp: str | None = None
    try:
        check_target(path)
        fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name[:40]}.", suffix=".tmp",
                                   dir=path.parent if str(path.parent) else ".")
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise WriteError(_message(exc, path)) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return path


def read_regular(path: str | os.PathLike, max_bytes: int, *, head: int | None = None) -> bytes:
    """The bytes of a regular file (its first `head` bytes if given); ReadError otherwise.

    Opened without blocking (a FIFO would wait forever for a writer) and checked with the
    open descriptor, so a device such as ``/dev/zero`` is refused before a byte is read.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        if len(str(path)) > MAX_PATH:
            raise OSError(errno.ENAMETOOLONG, "path too long")
        fd = os.open(path, flags)
    except OSError as exc:
        raise _read_error(path, exc) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(message("files.read.is_folder", path=shown(path)))
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(message("files.read.not_regular", path=shown(path)))
        if head is None and info.st_size > max_bytes:
            raise ReadError(message("files.read.too_big", name=shown(path.name),
                                    size=info.st_size // 1024, limit=max(1, max_bytes // 1024)))
        wanted = head if head is not None else max_bytes + 1
        chunks, size = [], 0
        while size < wanted:
            chunk = os.read(fd, min(wanted - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise _read_error(path, exc) from exc
    finally:
        os.close(fd)
    if head is None and len(data) > max_bytes:  # grew while being read
        raise ReadError(message("files.read.grew", name=shown(path.name),
                                limit=max(1, max_bytes // 1024)))
    return data


def _read_error(path: Path, exc: OSError) -> ReadError:
    """A file that could not be opened or read, in French."""
    if exc.errno == errno.EISDIR:
        return ReadError(message("files.read.is_folder", path=shown(path)))
    return ReadError(message("files.read.failed", path=shown(path), reason=french_reason(exc)))
