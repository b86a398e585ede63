"""Reading and checking settings.json (thresholds and defaults with their sources)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from reports.knowledge.errors import _NOT_UTF8, KnowledgeError, _where
from reports.knowledge.records import Setting
from reports.knowledge.vocab import REQUIRED_SETTINGS


def _read_settings(root: Traversable | Path) -> Mapping[str, Setting]:
    """Read settings.json: {key: {"value": …, "source": "…"}}, with the required keys."""
    name = "settings.json"
    try:
        data = json.loads((root / name).read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise KnowledgeError(f"{_where(name)} : fichier introuvable.") from None
    except UnicodeDecodeError:
        raise KnowledgeError(f"{_where(name)} : {_NOT_UTF8}.") from None
    except json.JSONDecodeError as exc:
        raise KnowledgeError(f"{_where(name)}, ligne {exc.lineno}, colonne {exc.colno} : "
                             f"JSON illisible ({exc.msg}).") from None
    if not isinstance(data, dict):
        raise KnowledgeError(f"{_where(name)} : un objet JSON {{clé: réglage}} est attendu.")
    settings = {}
    for key, entry in data.items():
        if not (isinstance(entry, dict) and "value" in entry
                and isinstance(entry.get("source"), str) and entry["source"].strip()):
            raise KnowledgeError(f"{_where(name)}, réglage « {key} » : il faut une valeur "
                                 "« value » et une source « source » non vide.")
        settings[key] = Setting(key, _freeze(entry["value"]), entry["source"])
    _check_settings(name, settings)
    return MappingProxyType(settings)


def _freeze(value: Any) -> Any:
    """JSON lists and objects made immutable (tuples, read-only mappings)."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    return value


def _number(name: str, settings: Mapping[str, Setting], key: str) -> float:
    """The setting's value, which must be a positive number."""
    value = settings[key].value
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise KnowledgeError(f"{_where(name)}, réglage « {key} » : un nombre positif est "
                             f"attendu, pas « {value} ».")
    return value


def _check_settings(name: str, settings: Mapping[str, Setting]) -> None:
    """Required keys present, numbers positive, each pair in order."""
    for key in REQUIRED_SETTINGS:
        if key not in settings:
            raise KnowledgeError(f"{_where(name)} : réglage « {key} » absent.")
    for key in REQUIRED_SETTINGS:
        if key != "population_bands":
            _number(name, settings, key)
    pairs = (("concentration_residential_max", "concentration_employing_min"),
             ("catchment_minutes_min", "catchment_minutes_max"),
             ("budget_level_low_max", "budget_level_high_min"))
    for low, high in pairs:
        if settings[low].value > settings[high].value:
            raise KnowledgeError(f"{_where(name)}, réglage « {low} » : il doit être inférieur "
                                 f"ou égal à « {high} ».")
    if not 0 < settings["fill_rate_target"].value <= 1:
        raise KnowledgeError(f"{_where(name)}, réglage « fill_rate_target » : un taux entre "
                             "0 et 1 est attendu.")
    _check_bands(name, settings["population_bands"].value)


def _check_bands(name: str, bands: Any) -> None:
    """population_bands is a list of {id, min, max} objects."""
    where = f"{_where(name)}, réglage « population_bands »"
    if not isinstance(bands, tuple) or not bands:
        raise KnowledgeError(f"{where} : une liste de tranches est attendue.")
    for number, band in enumerate(bands, start=1):
        if not (isinstance(band, Mapping) and isinstance(band.get("id"), str)
                and isinstance(band.get("min"), int)
                and (band.get("max") is None or isinstance(band.get("max"), int))):
            raise KnowledgeError(f"{where}, tranche {number} : il faut « id » (texte), "
                                 "« min » (entier) et « max » (entier ou null).")
