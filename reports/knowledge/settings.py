"""Reading and checking settings.json (thresholds and defaults with their sources)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from reports.knowledge.errors import KnowledgeError, _where
from reports.knowledge.records import Setting
from reports.knowledge.vocab import REQUIRED_SETTINGS
from reports.texts import message


def _error(key: str, /, **values: Any) -> KnowledgeError:
    """A problem of settings.json: the message at `key`, the file named first."""
    return KnowledgeError(message(key, where=_where("settings.json"), **values))


def _read_settings(root: Traversable | Path) -> Mapping[str, Setting]:
    """Read settings.json: {key: {"value": …, "source": "…"}}, with the required keys."""
    name = "settings.json"
    try:
        data = json.loads((root / name).read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise _error("knowledge.settings.missing") from None
    except UnicodeDecodeError:
        raise _error("knowledge.load.not_utf8") from None
    except json.JSONDecodeError as exc:
        raise _error("knowledge.settings.bad_json", line=exc.lineno, column=exc.colno,
                     reason=exc.msg) from None
    if not isinstance(data, dict):
        raise _error("knowledge.settings.not_object")
    settings = {}
    for key, entry in data.items():
        if not (isinstance(entry, dict) and "value" in entry
                and isinstance(entry.get("source"), str) and entry["source"].strip()):
            raise _error("knowledge.settings.no_value", key=key)
        settings[key] = Setting(key, _freeze(entry["value"]), entry["source"])
    _check_settings(settings)
    return MappingProxyType(settings)


def _freeze(value: Any) -> Any:
    """JSON lists and objects made immutable (tuples, read-only mappings)."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    return value


def _number(settings: Mapping[str, Setting], key: str) -> float:
    """The setting's value, which must be a positive number."""
    value = settings[key].value
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise _error("knowledge.settings.not_number", key=key, value=value)
    return value


def _check_settings(settings: Mapping[str, Setting]) -> None:
    """Required keys present, numbers positive, each pair in order."""
    for key in REQUIRED_SETTINGS:
        if key not in settings:
            raise _error("knowledge.settings.absent", key=key)
    for key in REQUIRED_SETTINGS:
        if key != "population_bands":
            _number(settings, key)
    pairs = (("concentration_residential_max", "concentration_employing_min"),
             ("catchment_minutes_min", "catchment_minutes_max"),
             ("budget_level_low_max", "budget_level_high_min"))
    for low, high in pairs:
        if settings[low].value > settings[high].value:
            raise _error("knowledge.settings.order", low=low, high=high)
    if not 0 < settings["fill_rate_target"].value <= 1:
        raise _error("knowledge.settings.fill_rate")
    _check_bands(settings["population_bands"].value)


def _check_bands(bands: Any) -> None:
    """population_bands is a list of {id, min, max} objects."""
    if not isinstance(bands, tuple) or not bands:
        raise _error("knowledge.settings.bands")
    for number, band in enumerate(bands, start=1):
        if not (isinstance(band, Mapping) and isinstance(band.get("id"), str)
                and isinstance(band.get("min"), int)
                and (band.get("max") is None or isinstance(band.get("max"), int))):
            raise _error("knowledge.settings.band", number=number)
