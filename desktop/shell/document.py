"""The open project: one shared profile, its file, its unsaved state and its recovery copy.

Pages read and write the profile only through `ProjectDocument.set()` and `value()`, with
the engine's dotted field names ("population.total"); they never read each other's widgets.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QIODevice, QObject, QSaveFile, Signal

from desktop.errors import UserError
from desktop.shell.i18n import translate as _tr

PROJECT_SUFFIX = ".tierslieu.json"


def _engine() -> Any:
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
    else:
        setattr(obj, last, value)


class ProjectDocument(QObject):
    """The profile being edited and where it is stored."""

    changed = Signal(str)  # a field changed ("" after a load: everything changed)
    stateChanged = Signal()  # path or unsaved mark changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile: Any = None  # created when first read
        self.path = ""
        self.modified = False
        self.revision = 0  # bumped on every change, so stale background results are dropped

    @property
    def profile(self) -> Any:
        """The `reports.profile.Profile` being edited."""
        if self._profile is None:
            self._profile = _engine().new_profile()
        return self._profile

    @profile.setter
    def profile(self, value: Any) -> None:
        self._profile = value

    # -- editing ---------------------------------------------------------------------
    def value(self, field: str) -> Any:
        """Current value of a field."""
        return get_path(self.profile, field)

    def set(self, field: str, value: Any) -> None:
        """Change a field; marks the project modified and tells the pages."""
        if get_path(self.profile, field) == value:
            return
        set_path(self.profile, field, value)
        self.touch(field)

    def touch(self, field: str) -> None:
        """Record that `field` was changed in place (lists such as buildings)."""
        self.revision += 1
        self._set_modified(True)
        self.changed.emit(field)

    def messages(self) -> list[Any]:
        """The engine's validation messages for the current profile."""
        return list(_engine().validate_profile(self.profile))

    def snapshot(self) -> Any:
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

    def _replace(self, profile: Any, path: str, *, modified: bool) -> None:
        self.profile = profile
        self.path = path
        self.revision += 1
        self._set_modified(modified, force=True)
        self.changed.emit("")

    def _set_modified(self, modified: bool, *, force: bool = False) -> None:
        if modified != self.modified or force:
            self.modified = modified
            self.stateChanged.emit()


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` as UTF-8 through QSaveFile: the old file survives any failure."""
    target = Path(path)
    payload = text.encode("utf-8")
    if not target.parent.is_dir():
        raise UserError(_tr("Le dossier « {folder} » n'existe pas. Choisissez un autre "
                            "emplacement ; rien n'a été perdu.").format(folder=target.parent))
    saver = QSaveFile(str(target))
    if not saver.open(QIODevice.OpenModeFlag.WriteOnly):
        raise UserError(_tr("Impossible d'écrire dans « {folder} » ({reason}). Choisissez un "
                            "dossier où vous avez le droit d'écrire ; rien n'a été perdu."
                            ).format(folder=target.parent, reason=saver.errorString()))
    if saver.write(payload) != len(payload) or not saver.commit():
        reason = saver.errorString()
        saver.cancelWriting()
        raise UserError(_tr("L'enregistrement de « {name} » a échoué ({reason}). Le fichier "
                            "précédent est intact ; rien n'a été perdu."
                            ).format(name=target.name, reason=reason))


def is_required(field: str) -> bool:
    """True when the engine's specification of `field` marks it required."""
    import dataclasses

    section_name, _, name = field.partition(".")
    cls = _engine().SECTIONS.get(section_name)
    if cls is None and section_name == "buildings":
        cls, name = _engine().Building, field.rsplit(".", 1)[-1]
    if cls is None:
        return False
    for item in dataclasses.fields(cls):
        if item.name == name:
            spec = item.metadata.get("spec")
            return bool(spec and spec.required)
    return False
