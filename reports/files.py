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

MAX_PATH = 4096  # Linux's PATH_MAX; Windows' long paths stop at 32 767
_SHOWN = 120  # longest path written in full in a message

_REASONS = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "accès refusé",
    errno.EPERM: "opération non permise",
    errno.EEXIST: "un fichier de ce nom existe déjà",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EISDIR: "c'est un dossier",
    errno.ENAMETOOLONG: "nom de fichier ou chemin trop long",
    errno.ENOSPC: "le disque est plein",
    errno.EDQUOT: "le quota de disque est atteint",
    errno.EROFS: "le support est en lecture seule",
    errno.EIO: "erreur de lecture ou d'écriture sur le support",
    errno.ELOOP: "trop de liens symboliques imbriqués",
    errno.EBUSY: "le fichier est occupé par un autre programme",
    errno.ETXTBSY: "le fichier est occupé par un autre programme",
    errno.EMFILE: "trop de fichiers ouverts",
    errno.ENXIO: "périphérique introuvable",
    errno.ENODEV: "périphérique introuvable",
    errno.EINVAL: "nom ou opération invalide pour ce support",
    errno.EXDEV: "déplacement impossible entre deux supports",
    errno.ENOTEMPTY: "le dossier n'est pas vide",
    errno.EPIPE: "la sortie a été fermée",
}

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
    if isinstance(exc, FileNotFoundError | PermissionError | FileExistsError) or exc.errno:
        reason = _REASONS.get(exc.errno or 0)
        if reason:
            return reason
    return f"erreur du système (code {exc.errno})" if exc.errno else "erreur du système"


def _message(exc: OSError, target: Path) -> str:
    """A French sentence for a failed write, chosen by the system's error code."""
    folder, name = shown(target.parent), shown(target.name)
    code = exc.errno
    if code == errno.ENAMETOOLONG or len(str(target)) > MAX_PATH:
        if len(str(target)) > MAX_PATH:
            return (f"Le chemin « {shown(target)} » est trop long ({len(str(target))} "
                    f"caractères, au plus {MAX_PATH}) : choisissez un dossier moins profond.")
        return (f"Le nom de fichier « {name} » est trop long (au plus 255 caractères) : "
                "choisissez un nom plus court.")
    if code == errno.ENOENT:
        return f"Le dossier « {folder} » n'existe pas : choisissez un dossier existant."
    if code == errno.EISDIR:
        return f"« {shown(target)} » est un dossier : indiquez un nom de fichier."
    if code in (errno.EACCES, errno.EPERM):
        return (f"Impossible d'écrire « {shown(target)} » : accès refusé. Le dossier est "
                "peut-être en lecture seule, ou le fichier est ouvert dans un autre programme "
                "(fermez-le puis recommencez).")
    if code == errno.EROFS:
        return f"Impossible d'écrire dans « {folder} » : le support est en lecture seule."
    if code in (errno.ENOSPC, errno.EDQUOT):
        return (f"Impossible d'écrire « {shown(target)} » : le disque est plein. Libérez de "
                "la place ou choisissez un autre dossier.")
    return f"Impossible d'écrire « {shown(target)} » : {french_reason(exc)}."


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
        raise WriteError(f"« {shown(path)} » n'est pas un fichier ordinaire (périphérique, "
                         "tube ou prise) : il n'est pas remplacé. Choisissez un autre nom.")
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise WriteError(f"« {shown(path)} » est en lecture seule : il n'est pas remplacé. "
                         "Retirez la protection du fichier ou choisissez un autre nom.")


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
        if exc.errno == errno.EISDIR:
            raise ReadError(f"« {shown(path)} » est un dossier, pas un fichier.") from exc
        raise ReadError(f"Impossible de lire « {shown(path)} » : {french_reason(exc)}.") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(f"« {shown(path)} » est un dossier, pas un fichier.")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(f"« {shown(path)} » n'est pas un fichier ordinaire (périphérique, "
                            "tube ou prise) : il n'est pas lu.")
        if head is None and info.st_size > max_bytes:
            raise ReadError(f"« {shown(path.name)} » est trop volumineux "
                            f"({info.st_size // 1024} ko, au plus {max(1, max_bytes // 1024)} "
                            "ko).")
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
        raise ReadError(f"Impossible de lire « {shown(path)} » : {french_reason(exc)}.") from exc
    finally:
        os.close(fd)
    if head is None and len(data) > max_bytes:  # grew while being read
        raise ReadError(f"« {shown(path.name)} » est trop volumineux (au plus "
                        f"{max(1, max_bytes // 1024)} ko).")
    return data
