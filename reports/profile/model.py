"""The profile's dataclasses (commune, population, territory, buildings…) and file constants."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from reports import PROFILE_SUFFIX, codes
from reports.profile.specs import Spec, _bool_spec, _code_spec, _f, _int_spec, _num_spec

FORMAT = "tierslieu-profile"
VERSION = 2  # 2: budget.annual_contribution_eur (see read._v1_to_v2)
EXTENSION = PROFILE_SUFFIX
MAX_FILE_BYTES = 2_000_000
MAX_BUILDINGS = 10


@dataclass
class Commune:
    """Identity of the commune."""

    name: str = _f("", Spec("text", "Le nom de la commune est obligatoire "
                            "(100 caractères au plus).", hi=100, required=True))
    insee_code: str = _f("", Spec("text", "Le code INSEE doit compter 5 caractères "
                                  "(par exemple 66149 ou 2A004).", hi=5,
                                  pattern=r"(\d{5}|2[AB]\d{3})", form="insee"))
    departement: str = _f("", Spec("text", "Le département doit être un code comme 66, 2A ou 974.",
                                   hi=3, pattern=r"(\d{2}|2[AB]|9[78]\d)",
                                   form="departement"))
    epci_name: str = _f("", Spec("text", "Le nom de l'intercommunalité compte 200 caractères "
                                 "au plus.", hi=200))
    epci_population: int | None = _f(None, _int_spec("La population de l'intercommunalité",
                                                     1, 10_000_000))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Population:
    """INSEE figures of the commune (as on the study's fiches)."""

    total: int | None = _f(None, _int_spec("La population", 1, 2_000_000, required=True))
    age_15_64: int | None = _f(None, _int_spec("La population de 15 à 64 ans", 0, 2_000_000))
    active_15_64: int | None = _f(None, _int_spec("Le nombre d'actifs de 15 à 64 ans",
                                                  0, 2_000_000))
    employed_15_64: int | None = _f(None, _int_spec("Le nombre d'actifs occupés de 15 à 64 ans",
                                                    0, 2_000_000))
    jobs: int | None = _f(None, _int_spec("Le nombre d'emplois dans la commune", 0, 2_000_000))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Territory:
    """Where the commune stands, and the demand signals the mayor knows of."""

    zau2010: str | None = _f(None, _code_spec("La catégorie ZAU 2010", codes.ZAU2010))
    aav2020_category: int | None = _f(None, _code_spec("La catégorie AAV 2020",
                                                       codes.AAV2020_CATEGORY))
    aav2020_size: int | None = _f(None, _code_spec("La taille de l'aire AAV 2020",
                                                   codes.AAV2020_SIZE))
    density_level: int | None = _f(None, _code_spec("Le niveau de densité", codes.DENSITY_LEVEL))
    minutes_to_pole: float | None = _f(None, _num_spec("Le temps de trajet vers le pôle d'emploi",
                                                       0, 240, "minutes"))
    catchment_population: int | None = _f(None, _int_spec("La population de la zone desservie",
                                                          1, 5_000_000))
    known_independents: int | None = _f(None, _int_spec("Le nombre d'indépendants connus",
                                                        0, 100_000))
    known_teleworkers: int | None = _f(None, _int_spec("Le nombre de télétravailleurs connus",
                                                       0, 100_000))
    existing_networks: str = _f("", Spec("text", "Les réseaux existants tiennent en 500 "
                                         "caractères au plus.", hi=500))
    nearby_third_places: int | None = _f(None, _int_spec("Le nombre de tiers-lieux proches",
                                                         0, 1000))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Building:
    """A candidate building for the place."""

    name: str = _f("", Spec("text", "Le nom du bâtiment compte 100 caractères au plus.", hi=100))
    owner: str | None = _f(None, _code_spec("Le propriétaire", codes.OWNERS))
    surface_m2: float | None = _f(None, _num_spec("La surface", 1, 10_000, "m²"))
    state: str | None = _f(None, _code_spec("L'état du bâtiment", codes.BUILDING_STATES))
    works_cost_eur: float | None = _f(None, _num_spec("Le coût des travaux", 0, 10_000_000, "€"))
    monthly_rent_eur: float | None = _f(None, _num_spec("Le loyer mensuel", 0, 100_000, "€"))
    location: str | None = _f(None, _code_spec("L'emplacement", codes.LOCATIONS))
    fibre: bool | None = _f(None, _bool_spec("« Fibre optique »"))
    accessible: bool | None = _f(None, _bool_spec("« Accessible aux personnes handicapées »"))
    parking: bool | None = _f(None, _bool_spec("« Stationnement »"))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Carrier:
    """Who would run the place."""

    type: str = _f("undecided", _code_spec("Le type de porteur", codes.CARRIER_TYPES,
                                           required=True))
    name: str = _f("", Spec("text", "Le nom du porteur compte 200 caractères au plus.", hi=200))
    founders: int | None = _f(None, _int_spec("Le nombre de fondateurs", 0, 1000))
    staff_hours_per_week: float | None = _f(None, _num_spec("Le temps salarié", 0, 200,
                                                            "heures par semaine"))
    commune_support: str = _f("none", _code_spec("Le soutien de la commune", codes.COMMUNE_SUPPORT,
                                                 required=True))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Budget:
    """What the commune can put in, as far as it knows."""

    investment_eur: float | None = _f(None, _num_spec("L'investissement prévu", 0, 10_000_000, "€"))
    subsidy_rate: float | None = _f(None, Spec("number", "Le taux de subvention doit être une "
                                               "fraction entre 0 et 1 (0,5 pour 50 %).", 0, 1,
                                               form="fraction"))
    # The whole yearly running budget planned (every charge), and, apart, what the commune
    # (or the carrier) says it will pay towards it each year.
    annual_operating_eur: float | None = _f(None, _num_spec("Le budget de fonctionnement annuel",
                                                            0, 2_000_000, "€"))
    annual_contribution_eur: float | None = _f(None, _num_spec(
        "La contribution annuelle au fonctionnement", 0, 2_000_000, "€"))
    opening: str = _f("", Spec("month", "La date d'ouverture doit s'écrire AAAA-MM "
                               "(par exemple 2027-09)."))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Profile:
    """Everything the mayor enters; `extra` keeps unknown top-level fields for the round trip."""

    commune: Commune = field(default_factory=Commune)
    population: Population = field(default_factory=Population)
    territory: Territory = field(default_factory=Territory)
    buildings: list[Building] = field(default_factory=list)
    carrier: Carrier = field(default_factory=Carrier)
    budget: Budget = field(default_factory=Budget)
    services: list[str] = field(default_factory=list)
    notes: str = ""
    assumptions: dict[str, float] | None = None  # overrides of the engine's defaults
    extra: dict[str, Any] = field(default_factory=dict)


SECTIONS: dict[str, type] = {
    "commune": Commune, "population": Population, "territory": Territory,
    "carrier": Carrier, "budget": Budget,
}
MAX_NOTES = 5000
SERVICE_CODES = codes.codes_of(codes.SERVICES)


def new_profile() -> Profile:
    """An empty profile, as the wizard starts it."""
    return Profile(services=["open_space"])


@functools.cache
def field_specs() -> MappingProxyType[str, Spec]:
    """The schema: every field's `Spec` by dotted name, in the file's order; the buildings'
    fields as ``buildings.#.surface_m2``. The batch columns and the wizard's required marks
    read it from here."""
    found: dict[str, Spec] = {}
    for name in ("commune", "population", "territory", "buildings", "carrier", "budget"):
        cls, prefix = (Building, "buildings.#") if name == "buildings" else (SECTIONS[name], name)
        for item in dataclasses.fields(cls):
            if "spec" in item.metadata:
                found[f"{prefix}.{item.name}"] = item.metadata["spec"]
    return MappingProxyType(found)


def spec_of(field_name: str) -> Spec | None:
    """The `Spec` of a dotted field (``buildings.2.surface_m2`` too), or None."""
    parts = field_name.split(".")
    if parts[0] == "buildings" and len(parts) == 3:
        field_name = f"buildings.#.{parts[2]}"
    return field_specs().get(field_name)


def is_required(field_name: str) -> bool:
    """True when the schema marks the field required."""
    spec = spec_of(field_name)
    return bool(spec and spec.required)
