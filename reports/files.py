"""Atomic writing for every file the tool produces (notes, Word files, batch tables, brands,
profiles): a temporary file in the target folder, then a rename over the target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from reports.errors import OutputError

# The temporary file's name starts with this ("~tierslieu-NOTE.pdf.x1y2.tmp"): a writer
# killed midway may leave one, and the batch sweeps them from its output folder.
TEMP_PREFIX = "~tierslieu-"


class WriteError(OutputError):
    """A file could not be written; the French message names it and says what to do."""


def _message(exc: OSError, target: Path) -> str:
    """A French sentence for a failed write, chosen by the system's error code."""
    folder = target.parent
    code = exc.errno
    if code == errno.ENOENT:
        return f"Le dossier « {folder} » n'existe pas : choisissez un dossier existant."
    if code == errno.EISDIR or target.is_dir():
        return f"« {target} » est un dossier : indiquez un nom de fichier."
    if code in (errno.EACCES, errno.EPERM):
        return (f"Impossible d'écrire « {target} » : accès refusé. Le dossier est peut-être "
                "en lecture seule, ou le fichier est ouvert dans un autre programme "
                "(fermez-le puis recommencez).")
    if code == errno.EROFS:
        return f"Impossible d'écrire dans « {folder} » : le support est en lecture seule."
    if code in (errno.ENOSPC, errno.EDQUOT):
        return (f"Impossible d'écrire « {target} » : le disque est plein. Libérez de la "
                "place ou choisissez un autre dossier.")
    if code == errno.ENAMETOOLONG:
        return f"Le nom de fichier « {target.name} » est trop long."
    reason = exc.strerror or exc.__class__.__name__
    return f"Impossible d'écrire « {target} » : {reason}."


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_atomic(target: str | os.PathLike, data: bytes) -> Path:
    """Write `data` to `target` all at once; on failure the earlier file is left untouched."""
    path = Path(target)
    if path.is_dir():
        raise WriteError(_message(OSError(errno.EISDIR, "is a directory"), path))
    tmp: str | None = None
    try:
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
