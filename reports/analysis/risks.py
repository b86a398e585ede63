"""Risks the project runs, most severe first, each with a mitigation drawn from the study."""

from __future__ import annotations

from dataclasses import dataclass

from reports.analysis.cover import running_cover
from reports.analysis.finance import chosen_building
from reports.analysis.parameters import Params
from reports.fmt import fmt_eur, fmt_number
from reports.profile import Profile
from reports.result import Demand, Finance, Risk, Sizing

_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Found:
    """A risk and the condition the verdict asks for to lift it."""

    risk: Risk
    condition: str


def _risk(risk_id, severity, title, text, mitigation, sites, condition) -> Found:
    return Found(Risk(risk_id, severity, title, text, mitigation, tuple(sites)), condition)


def find_risks(profile: Profile, demand: Demand, sizing: Sizing, finance: Finance,
               params: Params) -> list[Found]:
    """Every risk that applies, most severe first (stable order within a severity)."""
    found = [*_people_risks(profile, demand, params), *_building_risks(profile, sizing, params),
             *_money_risks(profile, finance), *_use_risks(profile)]
    return sorted(found, key=lambda f: _ORDER[f.risk.severity])


def _people_risks(profile: Profile, demand: Demand, params: Params) -> list[Found]:
    """No carrier, no driving group, too few users."""
    out = []
    carrier, ter = profile.carrier, profile.territory
    if carrier.type == "undecided":
        out.append(_risk(
            "no_carrier", "high", "Pas encore de porteur",
            "Aucune structure n'est désignée pour porter et gérer le lieu.",
            "Désigner le porteur avant d'engager des travaux : association d'usagers, commune ou "
            "intercommunalité, coopérative ; chaque modèle de l'étude part d'un porteur identifié.",
            ("plan_b", "firmin_pons", "tiers_lieu_limoux"),
            "Désigner un porteur identifié avant d'engager des dépenses"))
    known = (ter.known_independents or 0) + (ter.known_teleworkers or 0)
    if (carrier.founders or 0) <= 1 and known == 0:
        out.append(_risk(
            "no_group", "high", "Pas de groupe moteur d'usagers",
            "Ni fondateurs ni futurs usagers connus : un lieu ouvert sans groupe d'usagers risque "
            "de rester vide.",
            "Réunir d'abord les indépendants et télétravailleurs intéressés ; Limoux tient le "
            "groupe moteur pour « un pré-requis indispensable ».",
            ("tiers_lieu_limoux", "el_quadrat", "plan_b"),
            "Constituer un groupe moteur de futurs usagers engagés avant les travaux"))
    if demand.users.central < params("thin_demand_users"):
        out.append(_risk(
            "thin_catchment", "high", "Demande trop faible",
            f"Environ {fmt_number(demand.users.central)} usagers réguliers attendus : en deçà de "
            f"{fmt_number(params('thin_demand_users'))}, le lieu peine à vivre (Pop Coworking "
            "n'avait que 3 usagers à six mois).",
            "Tester la demande par un tiers-lieu éphémère ; viser un lieu plus petit ou adossé à "
            "un service existant (mairie, France Services), comme les télécentres publics.",
            ("pop_coworking", "solozere_villefort", "cap_work"),
            "Vérifier la demande par un tiers-lieu éphémère avant d'investir"))
    if (ter.nearby_third_places or 0) > 0:
        out.append(_risk(
            "competition", "medium", "Tiers-lieux déjà proches",
            _nearby_text(ter.nearby_third_places),
            "Se différencier (bureaux fermés, fablab, services) ou s'associer en réseau avec "
            "eux, comme les lieux d'Ariège et de Lozère.",
            ("cap_work", "solozere_villefort"),
            "Se coordonner avec les tiers-lieux voisins plutôt que les concurrencer"))
    return out


def _nearby_text(count: int) -> str:
    """``1 tiers-lieu proche capte…`` / ``3 tiers-lieux proches captent…``."""
    if count < 2:
        return "1 tiers-lieu proche capte une partie des mêmes usagers."
    return f"{fmt_number(count)} tiers-lieux proches captent une partie des mêmes usagers."


def _building_risks(profile: Profile, sizing: Sizing, params: Params) -> list[Found]:
    """Oversized, without fibre, heavy works, inaccessible, precarious lease."""
    out = []
    building = chosen_building(profile, sizing)
    if building is None:
        return out
    if building.surface_m2 and building.surface_m2 > params("oversize_ratio") * sizing.surface_m2:
        out.append(_risk(
            "oversized", "medium", "Bâtiment trop grand pour la demande",
            f"{fmt_number(building.surface_m2)} m² pour {fmt_number(sizing.surface_m2)} m² "
            "conseillés : loyer, énergie et entretien pèsent sans usage.",
            "N'aménager qu'une partie et grandir par étapes ; Relais d'Entreprises rappelle que "
            "les aides aux murs poussent à surdimensionner.",
            ("relais_entreprises", "plan_b"),
            "Aménager seulement la surface utile et grandir par étapes"))
    if building.fibre is False:
        out.append(_risk(
            "no_fibre", "high", "Pas de fibre optique",
            "Un lieu de travail sans très haut débit ne retiendra pas ses usagers.",
            "Obtenir le raccordement avant l'ouverture (coût compté dans l'investissement).",
            (), "Raccorder le bâtiment à la fibre avant l'ouverture"))
    if building.state == "heavy_works":
        out.append(_risk(
            "heavy_works", "medium", "Gros travaux",
            "Une réhabilitation allonge les délais et pousse à investir avant d'avoir vérifié "
            "la demande.",
            "Démarrer dans un local provisoire pendant les travaux, comme El Quadrat dans un "
            "local prêté pour 18 mois.",
            ("plan_b", "el_quadrat"),
            "Ouvrir d'abord dans un local provisoire pendant les travaux"))
    if building.accessible is False:
        out.append(_risk(
            "not_accessible", "medium", "Bâtiment non accessible",
            "Un lieu recevant du public doit être accessible aux personnes handicapées "
            "(obligation légale ; l'étude n'en parle pas).",
            "Prévoir la mise en accessibilité dans les travaux ou choisir un autre local.",
            (), "Rendre le local accessible aux personnes handicapées"))
    if building.owner == "private" and profile.carrier.type in ("association", "undecided"):
        out.append(_risk(
            "precarious_lease", "low", "Bail privé précaire",
            "Un local privé prêté ou loué à court terme peut être repris : El Quadrat devra "
            "partir car le propriétaire veut vendre.",
            "Négocier un bail d'au moins trois ans ou préparer une solution de repli.",
            ("el_quadrat",), "Sécuriser le bail au-delà de l'expérimentation"))
    return out


def _money_risks(profile: Profile, finance: Finance) -> list[Found]:
    """Profitability expected, subsidies only for investment, budgets too short."""
    out = []
    support = finance.public_support_per_year_eur
    if not finance.break_even.reached:
        private = profile.carrier.type in ("company", "network")
        out.append(_risk(
            "profitability", "high" if private else "medium",
            "Équilibre par les seuls tarifs peu probable",
            f"Les recettes attendues ne couvrent pas les charges : "
            f"{running_cover(profile, finance)[1]}. « Il ne faut pas s'attendre à un modèle "
            "économique rentable en milieu rural » (Villefort).",
            "Prévoir un soutien public au fonctionnement ou réduire les charges (local prêté, "
            "gestion bénévole) ; caler les charges sur ce que les usagers acceptent de payer.",
            ("solozere_villefort", "firmin_pons", "el_quadrat"),
            f"Un soutien au fonctionnement d'environ {fmt_eur(support)} par an, voté d'avance"))
    if (support > 0 and finance.subsidy_eur > 0
            and profile.carrier.commune_support not in ("funding", "both")):
        out.append(_risk(
            "investment_only_subsidy", "medium", "Aides à l'investissement seulement",
            f"Environ {fmt_eur(finance.subsidy_eur)} de subventions attendues pour "
            "l'investissement, mais aucun financement du fonctionnement n'est prévu, alors que "
            f"c'est lui qui manque (environ {fmt_eur(support)} par an).",
            "Chercher des aides à l'usage ou à l'animation plutôt qu'aux murs (Relais "
            "d'Entreprises, Limoux) : contrat aidé, service civique, Fabriques de territoire.",
            ("relais_entreprises", "tiers_lieu_limoux"),
            "Financer l'animation ou l'usage, pas seulement les murs"))
    planned = profile.budget.investment_eur
    if planned is not None and planned < 0.8 * finance.investment_total_eur:
        out.append(_risk(
            "investment_gap", "medium", "Budget d'investissement court",
            f"{fmt_eur(planned)} prévus pour environ {fmt_eur(finance.investment_total_eur)} "
            "estimés.",
            "Réduire le programme (moins de postes, pas de fablab au départ) ou compléter le "
            "plan de financement.", ("plan_b",),
            "Boucler le plan de financement de l'investissement"))
    announced = profile.budget.annual_operating_eur
    if announced is not None and announced < 0.7 * finance.operating_total_eur:
        out.append(_risk(
            "operating_gap", "medium", "Budget de fonctionnement sous-estimé",
            f"{fmt_eur(announced)} par an annoncés pour environ "
            f"{fmt_eur(finance.operating_total_eur)} estimés.",
            "Reprendre le budget ligne à ligne (loyer, énergie, internet, ménage, animation).",
            (), "Un budget de fonctionnement complet, ligne à ligne"))
    return out


def _use_risks(profile: Profile) -> list[Found]:
    """No closed room, volunteer-only management."""
    out = []
    services = set(profile.services or ["open_space"])
    if not services & {"closed_offices", "meeting_room"}:
        out.append(_risk(
            "no_closed_room", "medium", "Aucun espace fermé",
            "Sans pièce fermée, impossible de téléphoner ou de recevoir un client à l'écart du "
            "bruit : c'est la principale limite du local d'El Quadrat.",
            "Prévoir au moins un petit bureau ou des cloisons mobiles (Limoux).",
            ("el_quadrat", "tiers_lieu_limoux", "pop_coworking"),
            "Au moins une pièce fermée pour les appels et les rendez-vous"))
    if profile.carrier.type == "association" and not profile.carrier.staff_hours_per_week:
        out.append(_risk(
            "volunteer_load", "low", "Gestion reposant sur des bénévoles",
            "La gestion bénévole responsabilise les usagers mais repose sur quelques personnes ; "
            "à Bram, faute de temps, le lieu reste peu connu.",
            "Répartir les tâches et prévoir un appui ponctuel (contrat aidé, service civique).",
            ("el_quadrat", "pop_coworking"), "Répartir la gestion entre plusieurs bénévoles"))
    return out
