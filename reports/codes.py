"""Code lists of the commune profile with their French labels (the wizard's combo boxes).

Each list is a tuple of ``(code, label)`` pairs in display order, read from
resources/text/codes.toml; ``label_of(CODES, code)`` gives the label. Codes are the stable
values written in `.tierslieu.json` files.
"""

from __future__ import annotations

from reports.texts import table

Codes = tuple[tuple[str, str], ...]


def _listed(name: str, kind: type = str) -> tuple[tuple, ...]:
    """The (code, label) pairs of table `name` of resources/text/codes.toml, in its order."""
    return tuple((kind(code), label) for code, label in table(f"codes.{name}").items())


ZAU2010: Codes = _listed("zau2010")
AAV2020_CATEGORY: tuple[tuple[int, str], ...] = _listed("aav2020_category", int)
AAV2020_SIZE: tuple[tuple[int, str], ...] = _listed("aav2020_size", int)
DENSITY_LEVEL: tuple[tuple[int, str], ...] = _listed("density_level", int)
CARRIER_TYPES: Codes = _listed("carrier_types")
OWNERS: Codes = _listed("owners")
BUILDING_STATES: Codes = _listed("building_states")
LOCATIONS: Codes = _listed("locations")
BUILDING_ROLES: Codes = _listed("building_roles")
COMMUNE_SUPPORT: Codes = _listed("commune_support")
SERVICES: Codes = _listed("services")

# Job concentration classes: id -> label as the study prints it (also the knowledge base's
# own vocabulary in its CSV files, so it stays here, not in a catalogue that may be translated).
CONCENTRATION_CLASSES: Codes = (
    ("residential", "résidentielle"),
    ("balanced", "équilibrée"),
    ("employing", "employeuse"),
)


def codes_of(codes: tuple[tuple[object, str], ...]) -> tuple[object, ...]:
    """The codes of a list, without their labels."""
    return tuple(code for code, _ in codes)


def label_of(codes: tuple[tuple[object, str], ...], code: object, default: str = "") -> str:
    """The French label of `code` in `codes`, or `default` when it is not listed."""
    return next((label for value, label in codes if value == code), default)
