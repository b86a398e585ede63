"""Employment concentration of the commune: the ratio, its class and the study's word."""

from __future__ import annotations

import json
from functools import lru_cache

from reports import codes, paths
from reports.profile.model import Population
from reports.profile.parse import _is_number


@lru_cache(maxsize=1)
def concentration_thresholds() -> tuple[float, float]:
    """(residential_max, employing_min) as resources/knowledge/settings.json states them."""
    # Read with json, not through reports.knowledge, so that pandas stays off the wizard's start.
    settings = json.loads(paths.read_text("knowledge", "settings.json"))
    return (settings["concentration_residential_max"]["value"],
            settings["concentration_employing_min"]["value"])


def concentration(population: Population) -> float | None:
    """Jobs in the commune per employed resident (INSEE's indicator / 100), or None."""
    jobs, employed = population.jobs, population.employed_15_64
    if not _is_number(jobs) or not _is_number(employed) or employed <= 0:
        return None
    return jobs / employed


def concentration_class(value: float | None, residential_max: float | None = None,
                        employing_min: float | None = None) -> str | None:
    """``residential``, ``balanced`` or ``employing`` (None when the value is unknown).

    The thresholds default to the knowledge base's settings; the engine passes its own
    (which a profile's assumptions may override).
    """
    if value is None:
        return None
    if residential_max is None or employing_min is None:
        residential_max, employing_min = concentration_thresholds()
    if value < residential_max:
        return "residential"
    if value > employing_min:
        return "employing"
    return "balanced"


def concentration_label(class_id: str | None) -> str | None:
    """The study's word for a class: ``résidentielle``, ``équilibrée``, ``employeuse``."""
    return codes.label_of(codes.CONCENTRATION_CLASSES, class_id) or None
