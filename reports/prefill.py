"""Which profile fields a directory commune fills, in the profile's types, and from what.

One table for every reader that fills a profile from the offline directory (the wizard's
commune page, and any batch or command filling missing figures): the commune's identity
(name, code, département, EPCI, population) always comes as a whole, and the census
figures and zonings of `Commune.insee` (see `reports.communes`) each with a source kind
that the reader words in its own language.

    identity_values(commune)   # {"commune.name": "Prades", "commune.insee_code": "66149", …}
    official_figures(commune)  # {"population.jobs": Official(2967, "census", 2018), …}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["FIGURES", "IDENTITY_FIELDS", "Official", "identity_values", "official_figures"]

# the fields that name the commune: they change together, never one without the others
IDENTITY_FIELDS = ("commune.name", "commune.insee_code", "commune.departement",
                   "commune.epci_name", "commune.epci_population", "population.total")

# profile field -> (key of Commune.insee, source kind, type in the profile)
FIGURES: dict[str, tuple[str, str, type]] = {
    "population.age_15_64": ("population_15_64", "census", int),
    "population.active_15_64": ("active_15_64", "census", int),
    "population.employed_15_64": ("employed_15_64", "census", int),
    "population.jobs": ("jobs", "census", int),
    "territory.zau2010": ("zau2010", "zau2010", str),
    "territory.aav2020_category": ("aav2020_category", "aav2020", int),
    "territory.aav2020_size": ("aav2020_size_class", "aav2020", int),
    "territory.density_level": ("density_level", "density", int),
}


@dataclass(frozen=True, slots=True)
class Official:
    """A directory figure for one profile field: its value, the kind of source ("legal"
    population, "census", "zau2010", "aav2020", "density") and, for the census, its year."""

    value: Any
    source: str
    year: int | None = None


def identity_values(commune: Any) -> dict[str, Any]:
    """The identity fields of a directory commune (None where the directory has nothing)."""
    return {
        "commune.name": commune.name,
        "commune.insee_code": commune.insee_code,
        "commune.departement": commune.departement,
        "commune.epci_name": getattr(commune, "epci_name", "") or "",
        "commune.epci_population": getattr(commune, "epci_population", None),
        "population.total": getattr(commune, "population", None),
    }


def official_figures(commune: Any) -> dict[str, Official]:
    """The legal population, census figures and zonings the directory holds for `commune`,
    by profile field; a figure the directory lacks (Mayotte, a commune created after the
    ZAU) is left out."""
    figures = getattr(commune, "insee", None) or {}
    year = figures.get("census_year")
    out: dict[str, Official] = {}
    if getattr(commune, "population", None) is not None:
        out["population.total"] = Official(int(commune.population), "legal")
    for field, (key, source, kind) in FIGURES.items():
        value = figures.get(key)
        if value is None or value == "":
            continue
        try:
            typed = kind(round(float(value))) if kind is int else kind(value)
        except (TypeError, ValueError):
            continue
        out[field] = Official(typed, source, int(year) if source == "census" and year else None)
    return out
