"""The overall judgement: level, summary, 3 to 5 conditions, next steps and timeline."""

from __future__ import annotations

from reports.analysis.cover import running_cover
from reports.analysis.parameters import Params
from reports.analysis.risks import Found
from reports.fmt import fmt_number
from reports.profile import Profile
from reports.result import Demand, Finance, SiteMatch, TypologyMatch, Verdict

LABELS = {"favourable": "Favorable", "conditional": "Favorable sous conditions",
          "not_advised": "Déconseillé en l'état"}
STANDARD_CONDITIONS = (
    "Constituer un groupe moteur de futurs usagers engagés avant les travaux",
    "Vérifier la demande par un tiers-lieu éphémère avant d'investir",
    "Aménager seulement la surface utile et grandir par étapes",
)


VERDICT_RULE = (
    "Déconseillé en l'état : au moins deux risques élevés. Favorable : aucun risque élevé, au "
    "plus deux risques moyens, un modèle de l'étude ressemblant (score d'au moins 0,6) et un "
    "fonctionnement financé, soit par les tarifs, soit par un porteur public (commune, "
    "intercommunalité, organisme public) dont le budget de fonctionnement annoncé est au moins "
    "égal au déficit estimé. "
    "Sinon : favorable sous conditions.")


def level_of(found: list[Found], best_score: float, covered: bool, params: Params) -> str:
    """Apply the verdict rules of parameters.json (``verdict_rules``)."""
    rules = params("verdict_rules")
    highs = sum(f.risk.severity == "high" for f in found)
    mediums = sum(f.risk.severity == "medium" for f in found)
    if highs >= rules["not_advised_high_risks"]:
        return "not_advised"
    if (highs == 0 and mediums <= rules["favourable_max_medium_risks"]
            and best_score >= rules["favourable_min_typology_score"] and covered):
        return "favourable"
    return "conditional"


def conditions_for(found: list[Found]) -> tuple[str, ...]:
    """The conditions lifting the most severe risks, completed to at least three, five at most."""
    picked = [f.condition for f in found if f.risk.severity != "low"]
    picked += list(STANDARD_CONDITIONS)
    return tuple(dict.fromkeys(picked))[:5]


def build_verdict(profile: Profile, found: list[Found], typologies: tuple[TypologyMatch, ...],
                  sites: tuple[SiteMatch, ...], demand: Demand, finance: Finance,
                  funding_names: list[str], params: Params) -> Verdict:
    """Verdict, its explanation and the way forward."""
    best = typologies[0]
    covered, money = running_cover(profile, finance)
    level = level_of(found, best.score, covered, params)
    months = int(params("opening_months"))
    return Verdict(level, LABELS[level], _summary(profile, found, best, sites, demand, money),
                   conditions_for(found), _next_steps(funding_names, months),
                   _timeline(months))


def _summary(profile: Profile, found: list[Found], best: TypologyMatch,
             sites: tuple[SiteMatch, ...], demand: Demand, money: str) -> str:
    """Two or three sentences a council can read aloud."""
    users = demand.users
    closest = ", ".join(f"{s.name} ({s.commune})" for s in sites[:2])
    text = (f"Le projet de {profile.commune.name} ressemble surtout au modèle « {best.name} » ; "
            f"les sites les plus proches sont {closest}. On peut attendre environ "
            f"{fmt_number(users.central)} usagers réguliers (de {fmt_number(users.low)} à "
            f"{fmt_number(users.high)}) ; {money}.")
    highs = [f.risk.title.lower() for f in found if f.risk.severity == "high"]
    if highs:
        text += f" Points bloquants : {', '.join(highs)}."
    return text


def _next_steps(funding_names: list[str], months: int) -> tuple[str, ...]:
    """What to do, in order."""
    funds = ", ".join(funding_names[:3]) if funding_names else "les aides de l'État et de la Région"
    return (
        "Réunir les indépendants et télétravailleurs intéressés et constituer un groupe moteur.",
        "Organiser un tiers-lieu éphémère (quelques journées dans une salle communale) pour "
        "mesurer la demande et recueillir les besoins, comme le recommande Limoux.",
        "Choisir le porteur et le local ; la commune peut prêter ou louer un local sans gérer "
        "le lieu, comme à Montpeyroux.",
        f"Préparer le budget et les demandes de financement ({funds}).",
        f"Aménager par étapes et ouvrir environ {fmt_number(months)} mois après l'accord de la "
        "commune : au Plan B, « entre la réponse de la commune et l'ouverture du lieu, il s'est "
        "passé un an ».",
    )


def _timeline(months: int) -> tuple[tuple[str, str], ...]:
    """Month ranges from the commune's agreement to the opening."""
    a, b, c = max(2, months // 6), max(4, months // 3), max(6, months // 2)
    return (
        (f"Mois 1 à {a}", "Groupe moteur et tiers-lieu éphémère pour tester la demande"),
        (f"Mois {a + 1} à {b}", "Choix du porteur, du local et du programme"),
        (f"Mois {b + 1} à {c}", "Plan de financement et demandes d'aides"),
        (f"Mois {c + 1} à {months - 1}", "Travaux, mobilier, raccordement, communication"),
        (f"Mois {months}", "Ouverture"),
    )


def funding_names(finance: Finance) -> list[str]:
    """Names of the programmes retained, present-day ones first."""
    return [f.name for f in finance.funding]
