"""Writing a profile: model to JSON dict and text, atomic save."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

from reports.errors import OutputError
from reports.files import WriteError, write_atomic
from reports.profile.model import FORMAT, SECTIONS, VERSION, Profile
from reports.texts import message


class ProfileWriteError(OutputError):
    """The profile could not be saved; the message is in French."""


def _section_to_dict(section: Any) -> dict[str, Any]:
    """A section dataclass as its JSON object (known fields first, then unknown ones)."""
    out = {f.name: getattr(section, f.name) for f in dataclasses.fields(section)
           if f.name != "extra"}
    for key, value in section.extra.items():
        out.setdefault(key, value)
    return out


def _building_to_dict(building: Any) -> dict[str, Any]:
    """A building's JSON object; its role only when it is not the default "alternative",
    so that a file written before the field round-trips as it was."""
    out = _section_to_dict(building)
    if out.get("role") == "alternative" and "role" not in building.extra:
        del out["role"]
    return out


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The profile as its JSON dict (format and version first; unknown fields kept)."""
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for name in SECTIONS:
        if name == "carrier":
            out["buildings"] = [_building_to_dict(b) for b in profile.buildings]
        out[name] = _section_to_dict(getattr(profile, name))
    out["services"] = list(profile.services)
    out["notes"] = profile.notes
    if profile.assumptions is not None:
        out["assumptions"] = dict(profile.assumptions)
    for key, value in profile.extra.items():
        out.setdefault(key, value)
    return out


def profile_to_json(profile: Profile) -> str:
    """The file's text: indented UTF-8 JSON ending with a newline."""
    return json.dumps(profile_to_dict(profile), ensure_ascii=False, indent=2,
                      allow_nan=False) + "\n"


def write_profile(profile: Profile, path: str | os.PathLike[str]) -> Path:
    """Save atomically (reports.files: a temporary file, then a rename).

    Raises `ProfileWriteError` (French message) when the file cannot be written.
    """
    try:
        text = profile_to_json(profile)
    except (TypeError, ValueError) as exc:
        from reports.jsonlimits import hostile_value

        try:
            found = hostile_value(profile_to_dict(profile))
        except Exception:  # the message below stands on its own
            found = None
        where = f" {found[1]}" if found else ""
        raise ProfileWriteError(message("profile.write.bad_value", where=where)) from exc
    try:
        return write_atomic(path, text.encode("utf-8"))
    except WriteError as exc:
        raise ProfileWriteError(message("profile.write.failed", reason=exc)) from exc
