"""Code lists of the commune profile with their French labels (the wizard's combo boxes).

Each list is a tuple of ``(code, label)`` pairs in display order; ``label_of(CODES, code)``
gives the label. Codes are the stable values written in `.tierslieu.json` files.
"""

from __future__ import annotations

Codes = tuple[tuple[str, str], ...]

# INSEE zonage en aires urbaines 2010, the study's territorial typology.
ZAU2010: Codes = (
    ("111", "Grand pôle (10 000 emplois ou plus)"),
    ("112", "Couronne d'un grand pôle"),
    ("120", "Commune multipolarisée des grandes aires urbaines"),
    ("211", "Moyen pôle (5 000 à 10 000 emplois)"),
    ("212", "Couronne d'un moyen pôle"),
    ("221", "Petit pôle (1 500 à 5 000 emplois)"),
    ("222", "Couronne d'un petit pôle"),
    ("300", "Autre commune multipolarisée"),
    ("400", "Commune isolée hors influence des pôles"),
)

# INSEE zonage en aires d'attraction des villes 2020: the commune's place in its area.
AAV2020_CATEGORY: tuple[tuple[int, str], ...] = (
    (11, "Commune-centre d'un pôle"),
    (12, "Autre commune du pôle principal"),
    (13, "Commune d'un pôle secondaire"),
    (20, "Commune de la couronne"),
    (30, "Commune hors attraction des villes"),
)

# INSEE AAV 2020: size of the area the commune belongs to.
AAV2020_SIZE: tuple[tuple[int, str], ...] = (
    (0, "Commune hors attraction des villes"),
    (1, "Aire de moins de 50 000 habitants"),
    (2, "Aire de 50 000 à moins de 200 000 habitants"),
    (3, "Aire de 200 000 à moins de 700 000 habitants"),
    (4, "Aire de 700 000 habitants ou plus (hors Paris)"),
    (5, "Aire de Paris"),
)

# INSEE grille communale de densité, 7 levels (2022).
DENSITY_LEVEL: tuple[tuple[int, str], ...] = (
    (1, "Grands centres urbains"),
    (2, "Centres urbains intermédiaires"),
    (3, "Ceintures urbaines"),
    (4, "Petites villes"),
    (5, "Bourgs ruraux"),
    (6, "Rural à habitat dispersé"),
    (7, "Rural à habitat très dispersé"),
)

CARRIER_TYPES: Codes = (
    ("association", "Association (d'usagers, d'indépendants…)"),
    ("commune", "La commune"),
    ("epci", "L'intercommunalité (EPCI)"),
    ("public_agency", "Autre organisme public (chambre consulaire, syndicat mixte…)"),
    ("cooperative", "Coopérative (SCIC, CAE…)"),
    ("company", "Entreprise privée"),
    ("network", "Réseau ou franchise privée"),
    ("undecided", "Pas encore de porteur"),
)

OWNERS: Codes = (
    ("commune", "La commune"),
    ("epci", "L'intercommunalité"),
    ("public_other", "Un autre organisme public"),
    ("private", "Un propriétaire privé"),
    ("carrier", "Le porteur du projet"),
)

BUILDING_STATES: Codes = (
    ("ready", "Utilisable en l'état"),
    ("light_works", "Petits travaux (peinture, réseau, mobilier)"),
    ("heavy_works", "Gros travaux (réhabilitation)"),
)

LOCATIONS: Codes = (
    ("centre_bourg", "Centre-bourg"),
    ("activity_zone", "Zone d'activités"),
    ("main_road", "Sur un axe passant"),
    ("other", "Autre emplacement"),
)

COMMUNE_SUPPORT: Codes = (
    ("none", "Aucun soutien pour l'instant"),
    ("premises", "Met un local à disposition"),
    ("funding", "Finance le projet"),
    ("both", "Local et financement"),
)

SERVICES: Codes = (
    ("open_space", "Espace de coworking ouvert"),
    ("closed_offices", "Bureaux fermés"),
    ("meeting_room", "Salle de réunion"),
    ("fablab", "Fablab ou atelier de fabrication"),
    ("public_services", "Services au public (France Services)"),
    ("training", "Formations"),
    ("events", "Animations et événements"),
)

# Job concentration classes: id -> label as the study prints it.
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
    for value, label in codes:
        if value == code:
            return label
    return default
