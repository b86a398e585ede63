"""The open project: one shared profile, its file, its unsaved state and its recovery copy.

Pages read and write the profile only through `ProjectDocument.set()` and `value()`, with
the engine's dotted field names ("population.total"); they never read each other's widgets.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.errors import UserError
from desktop.shell.i18n import translate as _tr
from reports import PROFILE_SUFFIX as PROJECT_SUFFIX

if TYPE_CHECKING:  # costs nothing at start-up
    from types import ModuleType

    from reports.profile import Message, Profile


def _engine() -> ModuleType:
    """`reports.profile`, imported when first needed (off the start-up path)."""
    from reports import profile

    return profile


def get_path(obj: Any, field: str) -> Any:
    """Read a dotted field of the profile ("buildings.0.surface_m2")."""
    for part in field.split("."):
        if obj is None:
            return None
        if isinstance(obj, list | tuple):
            obj = obj[int(part)] if int(part) < len(obj) else None
        elif isinstance(obj, dict):
            obj = obj.get(part)
        else:
            obj = getattr(obj, part, None)
    return obj


def set_path(obj: Any, field: str, value: Any) -> None:
    """Write a dotted field of the profile."""
    *parents, last = field.split(".")
    for part in parents:
        obj = obj[int(part)] if isinstance(obj, list) else getattr(obj, part)
    if isinstance(obj, dict):
        obj[last] = value
    elif isinstance(obj, list):
        obj[int(last)] = value
    else:
        setattr(obj, last, value)


class ProjectDocument(QObject):
    """The profile being edited and where it is stored."""

    changed = Signal(str)  # a field changed ("" after a load: everything changed)
    sourcesReplaced = Signal()  # a newer census or programmes file: figures to show again
    stateChanged = Signal()  # path or unsaved mark changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile: Profile | None = None  # created when first read
        self.path = ""
        self.modified = False
        self.revision = 0  # bumped on every change, so stale background results are dropped

    @property
    def profile(self) -> Profile:
        """The `reports.profile.Profile` being edited."""
        if self._profile is None:
            self._profile = _engine().new_profile()
        return self._profile

    # -- editing ---------------------------------------------------------------------
    def value(self, field: str) -> Any:
        """Current value of a field."""
        return get_path(self.profile, field)

    def set(self, field: str, value: Any) -> None:
        """Change a field; marks the project modified and tells the pages."""
        if get_path(self.profile, field) == value:
            return
        set_path(self.profile, field, value)
        self.revision += 1
        self._set_modified(True)
        self.changed.emit(field)

    def sources_replaced(self) -> None:
        """The data behind the figures changed (a newer census or programmes file, or back
        to the bundled one): results computed before are stale, pages show figures again.
        The project itself is unchanged (its prefilled fields follow through `set`)."""
        self.revision += 1
        self.sourcesReplaced.emit()

    def messages(self) -> list[Message]:
        """The engine's validation messages for the current profile."""
        return list(_engine().validate_profile(self.profile))

    def snapshot(self) -> Profile:
        """A private copy for a background computation."""
        import copy

        return copy.deepcopy(self.profile)

    # -- files -----------------------------------------------------------------------
    def new(self) -> None:
        """Start an empty project."""
        self._replace(_engine().new_profile(), "", modified=False)

    def open(self, path: str) -> None:
        """Load a project file; raises UserError (French) and keeps the current one."""
        profile, messages = _engine().read_profile(Path(path))
        if profile is None:
            details = "\n".join(f"• {m.text}" for m in messages) or _tr(
                "Le fichier n'est pas un projet tiers-lieu lisible.")
            raise UserError(_tr("Impossible d'ouvrir « {name} » :\n{details}\n\n"
                                "Le projet en cours n'a pas été modifié."
                                ).format(name=Path(path).name, details=details))
        self._replace(profile, str(path), modified=False)

    def recover(self, recovery: str, original_path: str) -> None:
        """Load the recovery copy; it stays unsaved until the user saves it."""
        profile, _messages = _engine().read_profile(Path(recovery))
        if profile is None:
            raise UserError(_tr("La copie de secours est illisible ; elle a été ignorée."))
        self._replace(profile, original_path, modified=True)

    def save(self, path: str) -> None:
        """Write the project atomically; raises UserError (French) and loses nothing."""
        write_text(path, self._json())
        self.path = str(path)
        self._set_modified(False, force=True)

    def write_recovery(self, path: str) -> None:
        """Write the recovery copy (the project itself stays unsaved)."""
        write_text(path, self._json())

    def _json(self) -> str:
        """The project file's text, as the engine writes it (UserError if a value cannot be)."""
        try:
            return _engine().profile_to_json(self.profile)
        except (TypeError, ValueError) as exc:
            raise UserError(_tr("Le projet contient une valeur impossible à enregistrer "
                                "({reason}) ; rien n'a été perdu.").format(reason=exc)) from exc

    def suggested_name(self) -> str:
        """File name proposed when saving for the first time."""
        name = (self.value("commune.name") or _tr("projet")).strip()
        safe = "".join(c if c.isalnum() or c in " -_'" else "_" for c in name).strip()
        return (safe or "projet") + PROJECT_SUFFIX

    def _replace(self, profile: Profile, path: str, *, modified: bool) -> None:
        self._profile = profile
        self.path = path
        self.revision += 1
        self._set_modified(modified, force=True)
        self.changed.emit("")

    def _set_modified(self, modified: bool, *, force: bool = False) -> None:
        if modified != self.modified or force:
            self.modified = modified
            self.stateChanged.emit()


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` as UTF-8 through the one atomic writer (`reports.files.write_atomic`):
    the old file survives any failure; the French reason is the writer's own."""
    from reports.files import WriteError, write_atomic

    target = Path(path)
    if not target.parent.is_dir():
        raise UserError(_tr("Le dossier « {folder} » n'existe pas. Choisissez un autre "
                            "emplacement ; rien n'a été perdu.").format(folder=target.parent))
    try:
        write_atomic(target, text.encode("utf-8"))
    except WriteError as exc:
        raise UserError(_tr("L'enregistrement de « {name} » a échoué ({reason}). Le fichier "
                            "précédent est intact ; rien n'a été perdu."
                            ).format(name=target.name, reason=exc)) from exc
