"""Hand-built, realistic `AnalysisResult` objects for the note's tests (no engine needed).

The figures follow the 2017 study (El Quadrat's break-even, Le Plan B's renovation,
Relais d'Entreprises' 70 % fill rate); they are plausible, not computed.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from reports.result import (
    AnalysisResult,
    BreakEven,
    CommuneSummary,
    Contribution,
    Demand,
    Estimate,
    Finance,
    FundingLine,
    Impact,
    MoneyLine,
    PracticeHit,
    Risk,
    SiteMatch,
    Sizing,
    TariffScenario,
    TypologyMatch,
    Verdict,
    YearProjection,
)

HOSTILE = (
    "<b>gras & <i>x<y>z R&D \"guillemets\" 'apostrophes' \t tab 😀 🏡 "
    "עברית العربية <img src='/etc/passwd'/> ]]> &amp; &#0; \x00\x07 fin"
)
LONG = "Texte très long sans fin " * 420  # about 10 000 characters

CRITERIA = (
    ("population", "Population", 0.20),
    ("territory", "Catégorie territoriale", 0.15),
    ("concentration", "Concentration d'emploi", 0.15),
    ("carrier", "Porteur", 0.20),
    ("building", "Bâtiment", 0.10),
    ("budget", "Budget", 0.10),
    ("services", "Services", 0.10),
)

SITES = (
    ("plan_b", "Le Plan B", "Montpeyroux", "34", "34173", "independents_association"),
    ("el_quadrat", "El Quadrat", "Prades", "66", "66149", "independents_association"),
    ("firmin_pons", "Espace Firmin Pons", "Auterive", "31", "31033", "municipal_coworking"),
    ("cap_work", "Cap Work", "Verniolle", "09", "09332", "public_telecentre"),
    ("solozere_villefort", "Solozère", "Villefort", "48", "48198", "public_telecentre"),
    ("tiers_lieu_limoux", "Tiers-lieu de Limoux", "Limoux", "11", "11206", "cooperative"),
    ("cocotte_numerique", "La Cocotte numérique", "Murat", "15", "15138", "hybrid_fablab"),
    ("labor_lab", "Labor'Lab", "Laroque-d'Olmes", "09", "09157", "hybrid_fablab"),
    ("pop_coworking", "Pop Coworking", "Bram", "11", "11049", "company_hosted"),
    ("relais_entreprises", "Relais d'Entreprises", "Muret", "31", "31395", "private_network"),
)

TYPOLOGIES = (
    ("independents_association", "Association d'indépendants", ("plan_b", "el_quadrat")),
    ("municipal_coworking", "Coworking municipal", ("firmin_pons",)),
    ("public_telecentre", "Télécentre public", ("cap_work", "solozere_villefort")),
    ("cooperative", "Coopérative", ("tiers_lieu_limoux",)),
    ("hybrid_fablab", "Tiers-lieu hybride avec fablab", ("cocotte_numerique", "labor_lab")),
    ("company_hosted", "Espace hébergé par une entreprise", ("pop_coworking",)),
    ("private_network", "Réseau privé de bureaux", ("relais_entreprises",)),
)

PROFILE: dict[str, Any] = {
    "format": "tierslieu-profile",
    "version": 1,
    "commune": {
        "name": "Saint-Jean-de-Fos",
        "insee_code": "34267",
        "departement": "34",
        "epci_name": "CC Vallée de l'Hérault",
        "epci_population": 40123,
    },
    "population": {
        "total": 1712,
        "age_15_64": 1050,
        "active_15_64": 790,
        "employed_15_64": 702,
        "jobs": 240,
    },
    "territory": {
        "zau2010": "112",
        "aav2020_category": None,
        "aav2020_size": None,
        "density_level": None,
        "minutes_to_pole": 35,
        "catchment_population": 14500,
        "known_independents": 12,
        "known_teleworkers": 3,
        "existing_networks": "Club des entrepreneurs",
        "nearby_third_places": 1,
    },
    "buildings": [
        {
            "name": "Ancienne école",
            "owner": "commune",
            "surface_m2": 150,
            "state": "light_works",
            "works_cost_eur": 50000,
            "monthly_rent_eur": 400,
            "location": "centre_bourg",
            "fibre": True,
            "accessible": True,
            "parking": True,
        }
    ],
    "carrier": {
        "type": "association",
        "name": "Les Indépendants de la Vallée",
        "founders": 5,
        "staff_hours_per_week": 0,
        "commune_support": "premises",
    },
    "budget": {
        "investment_eur": 60000,
        "subsidy_rate": 0.6,
        "annual_operating_eur": 9000,
        "opening": "2027-09",
    },
    "services": ["open_space", "closed_offices", "meeting_room", "events"],
    "notes": "Projet discuté en conseil municipal le 12 mars 2026.",
}


def _contributions(sims: tuple[float, ...], name: str) -> tuple[Contribution, ...]:
    """Seven criterion contributions with a sentence each."""
    out = []
    for (criterion, label, weight), sim in zip(CRITERIA, sims, strict=True):
        sentence = f"{label} : proximité {round(sim * 100)} sur 100 avec {name}."
        out.append(Contribution(criterion, label, sim, weight, sim * weight, sentence))
    return tuple(out)


def _score(contribs: tuple[Contribution, ...]) -> float:
    return sum(c.points for c in contribs)


def _sites() -> tuple[SiteMatch, ...]:
    """All ten sites, best first, with decreasing similarity."""
    out = []
    for rank, (sid, name, commune, dep, insee, typ) in enumerate(SITES):
        base = 0.92 - rank * 0.07
        sims = tuple(
            max(0.0, min(1.0, base + d)) for d in (0.05, -0.1, 0.08, 0.0, 0.1, -0.05, 0.02)
        )
        contribs = _contributions(sims, name)
        capped = "carrier" if typ in ("private_network", "company_hosted") else None
        score = _score(contribs) if capped is None else min(_score(contribs), 0.3)
        out.append(SiteMatch(sid, name, commune, dep, insee, typ, score, contribs, capped))
    return tuple(out)


def _typologies() -> tuple[TypologyMatch, ...]:
    """All seven typologies, best first."""
    out = []
    for rank, (tid, name, site_ids) in enumerate(TYPOLOGIES):
        base = 0.88 - rank * 0.09
        sims = tuple(
            max(0.0, min(1.0, base + d)) for d in (0.04, -0.06, 0.1, 0.02, 0.0, -0.1, 0.03)
        )
        contribs = _contributions(sims, name)
        summary = (
            f"Le modèle « {name} » correspond à une commune de votre taille "
            "et à un porteur de ce type."
            if rank == 0
            else f"Le modèle « {name} » convient moins bien à votre situation."
        )
        out.append(TypologyMatch(tid, name, _score(contribs), contribs, summary, site_ids))
    return tuple(out)


def _finance() -> Finance:
    """Investment, operating costs, scenarios and funding in the study's orders of size."""
    src = "étude 2017, fiche Le Plan B (50 000 € de travaux pour 150 m²)"
    investment = (
        MoneyLine("Travaux d'aménagement", 50000, src, overridden=True),
        MoneyLine(
            "Mobilier (12 postes × 600 €)", 7200, "valeur par défaut : mobilier de bureau courant"
        ),
        MoneyLine(
            "Informatique et réseau",
            3000,
            "valeur par défaut : borne wifi, imprimante, vidéoprojecteur",
        ),
        MoneyLine("Raccordement fibre", 800, "valeur par défaut : frais d'accès opérateur"),
    )
    operating = (
        MoneyLine("Loyer", 4800, "profil : 400 € par mois"),
        MoneyLine("Énergie et charges", 2100, "valeur par défaut : 14 € par m² et par an"),
        MoneyLine("Assurance", 400, "valeur par défaut : multirisque association"),
        MoneyLine("Internet (fibre pro)", 720, "valeur par défaut : 60 € par mois"),
        MoneyLine("Ménage", 1200, "valeur par défaut : 2 h par semaine"),
        MoneyLine("Communication", 300, "valeur par défaut"),
    )
    op_total = sum(m.amount_eur for m in operating)
    scenarios = (
        TariffScenario(
            "low", "Tarif bas", 35, None, 4200, "El Quadrat : 35 € par mois", ("el_quadrat",)
        ),
        TariffScenario(
            "central",
            "Tarif médian",
            60,
            10,
            7200,
            "Le Plan B, Cocotte numérique (10 € la journée)",
            ("plan_b", "cocotte_numerique"),
        ),
        TariffScenario(
            "high",
            "Tarif haut",
            150,
            15,
            18000,
            "Relais d'Entreprises : bureau fermé",
            ("relais_entreprises",),
        ),
    )
    break_even = BreakEven(
        monthly_charges_eur=op_total / 12,
        price_eur=60,
        users_needed=op_total / 12 / 60,
        users_expected=10,
        price_needed_eur=op_total / 12 / 10,
        reached=True,
        explanation=(
            "À 60 € par mois, 13,6 usagers couvrent les charges. Repère de l'étude : "
            "El Quadrat couvre 450 € de charges mensuelles avec 12 coworkeurs à 40 €."
        ),
    )
    projection = (
        YearProjection(1, 6, 4320, op_total, 4320 - op_total),
        YearProjection(2, 9, 6480, op_total, 6480 - op_total),
        YearProjection(3, 11, 7920, op_total, 7920 - op_total),
    )
    funding = (
        FundingLine(
            "leader",
            "LEADER (FEADER) 2023-2027",
            "LEADER (FEADER)",
            "investissement et animation",
            18000,
            0.3,
            True,
            ("plan_b", "el_quadrat"),
        ),
        FundingLine("detr", "DETR", None, "travaux des communes", 15000, 0.25, False, ()),
        FundingLine(
            "region_ami",
            "Appel à manifestation d'intérêt tiers-lieux (Région)",
            None,
            "équipement et lancement",
            3000,
            None,
            True,
            ("cap_work",),
        ),
    )
    inv_total = sum(m.amount_eur for m in investment)
    return Finance(
        investment,
        inv_total,
        operating,
        op_total,
        scenarios,
        break_even,
        projection,
        funding,
        36000,
        inv_total - 36000,
        max(0.0, op_total - 4320),
    )


def make_result(level: str = "conditional", **changes: Any) -> AnalysisResult:
    """A complete, plausible result; `changes` replace top-level fields."""
    labels = {
        "favourable": "Favorable",
        "conditional": "Favorable sous conditions",
        "not_advised": "Déconseillé en l'état",
    }
    profile = copy.deepcopy(PROFILE)
    commune = CommuneSummary(
        name="Saint-Jean-de-Fos",
        insee_code="34267",
        departement="34",
        population=1712,
        concentration=240 / 702,
        concentration_class="résidentielle",
        territory_category="couronne d'un grand pôle",
        territory_code="112",
        territory_approximate=False,
        territory_note="Catégorie ZAU 2010 saisie.",
        catchment_population=14500,
        catchment_source="saisie",
        neighbourhood={  # the shape `reports.communes` gives
            "insee_code": "34267",
            "rings": [
                {"radius_km": 10, "population": 9800, "communes": 13},
                {"radius_km": 20, "population": 41200, "communes": 38},
                {"radius_km": 30, "population": 310000, "communes": 162},
            ],
            "epci_population": 40123,
            "approximate_note": "Distances à vol d'oiseau entre centres approximatifs.",
        },
        nearby_third_places=(
            {"name": "La Fabrique", "commune": "Gignac", "distance_km": 6.2, "type": "coworking"},
        ),
    )
    verdict = Verdict(
        level=level,
        label=labels[level],
        summary=(
            "Un tiers-lieu porté par une association d'indépendants est réaliste à "
            "Saint-Jean-de-Fos, à condition de garder des charges modestes."
        ),
        conditions=(
            "Un groupe d'au moins cinq indépendants engagés avant l'ouverture.",
            "Un loyer modéré consenti par la commune.",
            "Une salle fermée pour les appels et les rendez-vous.",
        ),
        next_steps=(
            "Réunir les indépendants connus et recenser leurs besoins.",
            "Tester la demande avec un lieu éphémère pendant un mois.",
            "Chiffrer les travaux de l'ancienne école.",
        ),
        timeline=(
            ("Mois 1-3", "Recensement des besoins et lieu éphémère"),
            ("Mois 4-6", "Association constituée, convention avec la commune"),
            ("Mois 7-12", "Travaux légers et ouverture"),
        ),
    )
    result = AnalysisResult(
        profile=profile,
        commune=commune,
        verdict=verdict,
        typologies=_typologies(),
        sites=_sites(),
        demand=Demand(
            Estimate(6, 10, 14),
            "Usagers réguliers des sites de référence rapportés à la population de leur bassin.",
            ("plan_b", "el_quadrat"),
            ("12 indépendants connus", "3 télétravailleurs connus"),
        ),
        sizing=Sizing(
            12,
            2,
            1,
            150,
            0.7,
            ("plan_b",),
            ("Partager un bureau entre deux usagers à temps partiel remplit mieux.",),
            "Ancienne école",
            "La surface de 150 m² correspond au besoin.",
        ),
        finance=_finance(),
        impact=Impact(
            1760,
            70400,
            2053,
            13.7,
            (
                MoneyLine(
                    "Jours sur place par usager et par an",
                    88,
                    "valeur par défaut : 2 jours par semaine",
                ),
                MoneyLine("Vitesse moyenne (km/h)", 60, "valeur par défaut : route départementale"),
                MoneyLine(
                    "Facteur d'émission (kg CO₂ par km)",
                    0.195,
                    "ADEME, Base Carbone (voiture moyenne)",
                ),
            ),
            (
                "Les usagers pourraient fréquenter davantage les commerces du bourg.",
                "Des familles d'actifs pourraient s'installer et soutenir l'école.",
            ),
        ),
        practices=(
            PracticeHit(
                "start_small",
                "Commencer petit et agrandir par briques",
                "Le Plan B a ajouté des bureaux au fil des besoins.",
                "démarrage",
                ("plan_b",),
                "Le groupe d'indépendants est déjà constitué.",
            ),
            PracticeHit(
                "ephemeral_test",
                "Tester la demande avec un lieu éphémère",
                "Un lieu ouvert quelques semaines révèle les besoins réels.",
                "démarrage",
                ("el_quadrat",),
                "La demande n'est pas encore mesurée.",
            ),
            PracticeHit(
                "animation",
                "Animer ou non le lieu",
                "Certains sites vivent sans animateur, d'autres jugent l'animation indispensable.",
                "fonctionnement",
                ("cocotte_numerique", "plan_b"),
                "Aucune heure d'animation n'est prévue.",
                debated=True,
            ),
        ),
        risks=(
            Risk(
                "thin_catchment",
                "high",
                "Bassin d'usagers étroit",
                "La commune est résidentielle et le bassin compte 14 500 habitants.",
                "Élargir la communication aux communes à 20 minutes.",
                ("solozere_villefort",),
            ),
            Risk(
                "no_call_room",
                "medium",
                "Pas de pièce fermée pour les appels",
                "El Quadrat regrette l'absence de lieu de confidentialité.",
                "Prévoir une salle fermée dès les travaux.",
                ("el_quadrat",),
            ),
            Risk(
                "investment_only",
                "low",
                "Subvention d'investissement seulement",
                "Les subventions poussent à surdimensionner.",
                "Chercher un soutien au fonctionnement.",
                ("relais_entreprises",),
            ),
        ),
        warnings=("Le nombre d'emplois est faible par rapport aux actifs occupés.",),
        method={  # the shape `reports.analysis` gives
            "weights": {c[0]: c[2] for c in CRITERIA},
            "decisive": {"carrier": {"below": 0.3, "cap": 0.45}},
            "concentration_thresholds": {"residential_max": 0.8, "employing_min": 1.2},
            "territory": "catégorie ZAU 2010 saisie",
            "demand_base": "saisie dans le profil",
            "public_support_rule": "soutien annuel = plus grand déficit des trois années",
            "assumptions": {
                "fill_rate_target": {
                    "value": 0.7,
                    "label": "Taux de remplissage visé",
                    "source": "étude 2017, fiche Relais d'Entreprises : « Objectif de "
                    "remplissage des relais d'entreprise : 70%. »",
                    "unit": "",
                    "overridden": False,
                },
                "el_quadrat_charges_month": {
                    "value": 450,
                    "label": "Charges mensuelles d'El Quadrat",
                    "source": "étude 2017, fiche El Quadrat",
                    "unit": "€/mois",
                    "overridden": False,
                },
            },
        },
        versions={"tool": "0.1.0", "knowledge": "étude 2017", "communes": "COG 2026"},
    )
    return dataclasses.replace(result, **changes) if changes else result


def hostile_result() -> AnalysisResult:
    """A result whose every user-typed field carries hostile or absurd text."""
    result = make_result()
    profile = copy.deepcopy(result.profile)
    profile["commune"]["name"] = HOSTILE
    profile["carrier"]["name"] = LONG
    profile["notes"] = LONG + HOSTILE
    profile["buildings"][0]["name"] = ""
    profile["territory"]["existing_networks"] = HOSTILE
    profile["extra_field"] = {"nested": [HOSTILE, None, 3.5]}
    commune = dataclasses.replace(result.commune, name=HOSTILE, departement="<34>")
    verdict = dataclasses.replace(result.verdict, summary=LONG, conditions=(HOSTILE, LONG, ""))
    sizing = dataclasses.replace(result.sizing, building_name=LONG)
    return dataclasses.replace(
        result,
        profile=profile,
        commune=commune,
        verdict=verdict,
        sizing=sizing,
        warnings=(HOSTILE,),
    )
