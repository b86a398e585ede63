"""Reading a profile: format and version check, migrations, dict or file to model."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from reports.files import ReadError, read_regular, shown
from reports.jsonlimits import hostile_value, json_error_text, json_loads
from reports.profile.checks import _service_text, validate_profile
from reports.profile.messages import Message
from reports.profile.model import FORMAT, MAX_FILE_BYTES, SECTIONS, VERSION, Building, Profile
from reports.profile.parse import _read_assumptions, _read_list, _read_section
from reports.texts import message

_TOP_KEYS = ("format", "version", *SECTIONS, "buildings", "services", "notes", "assumptions")
PUBLIC_CARRIERS = ("commune", "epci", "public_agency")


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 separates the yearly contribution from the whole running budget.

    Version 1 had one field, ``budget.annual_operating_eur``; the engine read it as what a
    public carrier (commune, intercommunality, public agency) would pay each year towards
    the running costs. That reading becomes ``annual_contribution_eur`` for a public
    carrier; the field itself stays as the whole running budget. For any other carrier the
    contribution stays unknown (nobody had said who pays).
    """
    budget, carrier = data.get("budget"), data.get("carrier")
    if isinstance(budget, dict) and "annual_contribution_eur" not in budget:
        budget = dict(budget)
        public = isinstance(carrier, dict) and carrier.get("type") in PUBLIC_CARRIERS
        budget["annual_contribution_eur"] = (budget.get("annual_operating_eur") if public
                                             else None)
        data["budget"] = budget
    data["version"] = 2
    return data


# version -> function turning a dict of that version into one of the next version
_MIGRATIONS: dict[int, Any] = {1: _v1_to_v2}


def _check_format(data: Any) -> tuple[dict[str, Any] | None, list[Message]]:
    """Refuse foreign or newer files; migrate older ones to the current version."""
    if not isinstance(data, dict):
        return None, [Message("", message("profile.read.not_profile"))]
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        return None, [Message("format", message("profile.read.foreign_format", found=fmt,
                                                expected=FORMAT))]
    version = data.get("version", VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        return None, [Message("version", message("profile.read.bad_version", found=version,
                                                 current=VERSION))]
    if version > VERSION:
        return None, [Message("version", message("profile.read.newer_version", found=version,
                                                 current=VERSION))]
    while version < VERSION:
        if version not in _MIGRATIONS:
            return None, [Message("version", message("profile.read.older_version",
                                                     found=version))]
        data = _MIGRATIONS[version](dict(data))
        version += 1
    return data, []


def profile_from_dict(data: Any) -> tuple[Profile | None, list[Message]]:
    """Build a profile from its JSON dict; None only when `data` is not a readable profile.

    The messages hold the type errors met while reading and everything
    `validate_profile` finds; a value of the wrong type is left empty in the model.
    """
    hostile = hostile_value(data)
    if hostile is not None:
        return None, [Message(*hostile)]
    data, messages = _check_format(data)
    if data is None:
        return None, messages
    sections = {name: _read_section(cls, data.get(name), name, messages)
                for name, cls in SECTIONS.items()}
    buildings = [_read_section(Building, item, f"buildings.{i}", messages)
                 for i, item in enumerate(_read_list(data.get("buildings"), "buildings", messages))]
    services = []
    for i, item in enumerate(_read_list(data.get("services"), "services", messages)):
        if isinstance(item, str):
            services.append(item)
        else:
            messages.append(Message(f"services.{i}", _service_text(item)))
    notes = data.get("notes", "")
    if notes is None:
        notes = ""
    if not isinstance(notes, str):
        messages.append(Message("notes", message("profile.read.notes_not_text")))
        notes = ""
    profile = Profile(**sections, buildings=buildings, services=services, notes=notes,
                      assumptions=_read_assumptions(data.get("assumptions"), messages),
                      extra={k: v for k, v in data.items() if k not in _TOP_KEYS})
    seen = {m.field for m in messages}
    messages += [m for m in validate_profile(profile) if m.field not in seen]
    return profile, messages


def read_profile(path: str | os.PathLike[str]) -> tuple[Profile | None, list[Message]]:
    """Read a `.tierslieu.json` file; never raises (problems come back as messages)."""
    try:
        path = Path(path)
    except TypeError:
        return None, [Message("", message("profile.read.no_file"))]
    try:
        if not path.exists() and not path.is_symlink():
            return None, [Message("", message("profile.read.not_found", path=shown(path)))]
        raw = read_regular(path, MAX_FILE_BYTES)
    except OSError as exc:  # a name too long to even look at
        return None, [Message("", message("profile.read.bad_name", path=shown(path),
                                          errno=exc.errno))]
    except ReadError as exc:
        return None, [Message("", str(exc))]
    try:
        data = json_loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, [Message("", message("profile.read.not_utf8", name=shown(path.name)))]
    except json.JSONDecodeError as exc:
        return None, [Message("", message("profile.read.bad_json", name=shown(path.name),
                                          line=exc.lineno, column=exc.colno,
                                          reason=json_error_text(exc)))]
    except RecursionError:
        return None, [Message("", message("profile.read.too_deep", name=shown(path.name)))]
    if isinstance(data, dict) and "format" not in data:
        return None, [Message("format", message("profile.read.no_format", name=path.name,
                                                expected=FORMAT))]
    return profile_from_dict(data)
