"""What pages need from the application, passed down instead of imported globals."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.shell.prompts import Prompts
from desktop.shell.recovery import RecoverySession
from desktop.shell.settings import Settings

if TYPE_CHECKING:  # costs nothing at start-up
    from desktop.shell.communes import CommuneIndex


class AppContext:
    """Settings, the modal-prompt seam and where the recovery copy lives."""

    def __init__(self, settings: Settings, recovery_dir: Path,
                 prompts: type[Prompts] = Prompts, communes: CommuneIndex | None = None,
                 session_id: str | None = None) -> None:
        self.settings = settings
        self.recovery_dir = recovery_dir
        self.recovery = RecoverySession(recovery_dir, session_id)  # this window's own copy
        self.prompts = prompts
        self.communes = communes  # desktop.shell.communes.CommuneIndex, loaded in the background

    @property
    def recovery_file(self) -> Path:
        """The autosaved copy of the project being edited (this session's only)."""
        return self.recovery.file

    def start_folder(self) -> Path:
        """Where a file dialog opens: the last folder used if it still exists, else
        Documents/Tiers-lieux (created)."""
        from desktop.shell.folders import default_folder

        last = self.settings.get("last_folder")
        return Path(last) if last and Path(last).is_dir() else default_folder()
