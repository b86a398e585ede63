"""The one place that knows where `resources/` lives (checkout, wheel or frozen app)."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reports.errors import UserFacingError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_PACKAGE = "resources"


class ResourceError(UserFacingError):
    """A shipped data file is missing or unreadable; the message is in French."""


def resource(*parts: str) -> Traversable:
    """Return the shipped resource at `parts` (e.g. `resource("knowledge", "sites.csv")`)."""
    node = _root()
    for part in parts:
        node = node / part
    return node


@functools.cache
def _root() -> Traversable:
    """The `resources` package's folder, as `importlib.resources.files` would give it.

    On disk (checkout, installed wheel, one-folder frozen build) that is the folder of its
    ``__init__.py``, found without importing importlib.resources: that import and its first
    lookups cost ~10 ms on the wizard's start-up path (the icon is read before the first
    page). A package in a zip goes through importlib.resources."""
    import resources

    init = Path(resources.__file__ or "")
    if init.name.startswith("__init__.") and init.parent.is_dir():
        return init.parent
    from importlib import resources as _ir

    return _ir.files(_PACKAGE)


def _missing(parts: tuple[str, ...]) -> ResourceError:
    """The French error for a shipped file that is not there (written here, not in the text
    catalogue: the catalogue is itself a resource, perhaps the missing one)."""
    return ResourceError(f"Fichier de données introuvable : resources/{'/'.join(parts)}. "
                         "Réinstallez l'application.")


def read_text(*parts: str) -> str:
    """Read a shipped text resource as UTF-8, with a French error if it is missing."""
    node = resource(*parts)
    try:
        return node.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        raise _missing(parts) from exc


def read_bytes(*parts: str) -> bytes:
    """Read a shipped binary resource, with a French error if it is missing."""
    node = resource(*parts)
    try:
        return node.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        raise _missing(parts) from exc


@contextlib.contextmanager
def resource_path(*parts: str) -> Iterator[Path]:
    """Yield a real filesystem path for a resource (reportlab's TTFont needs one)."""
    from importlib import resources as _ir

    with _ir.as_file(resource(*parts)) as path:
        if not path.exists():
            raise _missing(parts)
        yield path
