"""What pages need from the application, passed down instead of imported globals."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.prompts import Prompts
from desktop.settings import Settings


@dataclass
class AppContext:
    """Settings, the modal-prompt seam and where the recovery copy lives."""

    settings: Settings
    recovery_dir: Path
    prompts: type[Prompts] = Prompts
    communes: Any = None  # desktop.communes.CommuneIndex, loaded in the background
    extras: dict[str, object] = field(default_factory=dict)  # hooks for add-ons (branding)

    @property
    def recovery_file(self) -> Path:
        """The autosaved copy of the project being edited."""
        return self.recovery_dir / "recovery.tierslieu.json"
