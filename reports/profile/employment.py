"""Employment concentration of the commune: the ratio, its class and the study's word."""

from __future__ import annotations

from reports import codes
from reports.profile.model import Population
from reports.profile.parse import _is_number

RESIDENTIAL_MAX = 0.8  # same values as the knowledge base's settings; the engine passes those
EMPLOYING_MIN = 1.2


def concentration(population: Population) -> float | None:
    """Jobs in the commune per employed resident (INSEE's indicator / 100), or None."""
    jobs, employed = population.jobs, population.employed_15_64
    if not _is_number(jobs) or not _is_number(employed) or employed <= 0:
        return None
    return jobs / employed


def concentration_class(value: float | None, residential_max: float = RESIDENTIAL_MAX,
                        employing_min: float = EMPLOYING_MIN) -> str | None:
    """``residential``, ``balanced`` or ``employing`` (None when the value is unknown)."""
    if value is None:
        return None
    if value < residential_max:
        return "residential"
    if value > employing_min:
        return "employing"
    return "balanced"


def concentration_label(class_id: str | None) -> str | None:
    """The study's word for a class: ``résidentielle``, ``équilibrée``, ``employeuse``."""
    return codes.label_of(codes.CONCENTRATION_CLASSES, class_id) or None
