"""Commuting avoided and local effects, worded as possibilities, not promises."""

from __future__ import annotations

from reports.analysis.parameters import Params
from reports.fmt import fmt_number
from reports.profile import Profile
from reports.result import Demand, Impact, MoneyLine

EFFECTS = (
    "Des actifs qui travaillent sur place peuvent faire vivre les commerces et aider à maintenir "
    "l'école ou la crèche : ces lieux « n'apportent pas de ressources mais des externalités » "
    "(Relais d'Entreprises).",
    "La CVAE est versée à la commune où travaille le salarié : un salarié qui télétravaille au "
    "tiers-lieu peut y rattacher une part de cette fiscalité (Relais d'Entreprises).",
    "À Carbonne, quatre usagers d'un relais d'entreprise ont ensuite racheté ensemble des locaux "
    "en centre-bourg : un tiers-lieu peut ramener des bureaux au cœur du bourg.",
    "À Murat, la politique d'accueil liée au télécentre a fait venir 25 télétravailleurs et "
    "leurs familles (52 personnes) de 2008 à 2013, pour des retombées estimées à 2 millions "
    "d'euros ; un tel effet suppose une politique d'accueil, pas seulement un lieu.",
    "À Montpeyroux, le restaurant du village propose un tarif aux membres du Plan B : un lieu "
    "actif peut créer des partenariats avec les commerces.",
)


def estimate_impact(profile: Profile, demand: Demand, params: Params) -> Impact:
    """Round trips avoided by users who would otherwise drive to the employment pole."""
    users = demand.users.central
    known = profile.territory.known_teleworkers or 0
    commuters = min(users, max(users * params("commuter_share"), known))
    days = params("presence_rate") * 5 * params("weeks_per_year")
    minutes_given = profile.territory.minutes_to_pole
    minutes = minutes_given if minutes_given is not None else params("minutes_to_pole_default")
    trips = commuters * days
    hours = trips * 2 * minutes / 60
    km = hours * params("speed_kmh")
    co2 = km * params("co2_kg_per_km") / 1000
    assumptions = [
        MoneyLine("Usagers qui feraient sinon le trajet (part des usagers attendus)",
                  params("commuter_share"), params.cited("commuter_share"),
                  params.is_overridden("commuter_share")),
        MoneyLine("Jours sur place par usager et par an", round(days, 1),
                  f"{params.cited('presence_rate')} ; {params.cited('weeks_per_year')}"),
        _minutes_line(minutes_given, minutes, params),
        MoneyLine("Vitesse moyenne (km/h)", params("speed_kmh"), params.cited("speed_kmh"),
                  params.is_overridden("speed_kmh")),
        MoneyLine("Émissions (kg CO₂e par km)", params("co2_kg_per_km"),
                  params.cited("co2_kg_per_km"), params.is_overridden("co2_kg_per_km")),
    ]
    if known:
        assumptions.insert(1, MoneyLine("Télétravailleurs connus", known, "saisi dans le profil"))
    effects = (_commute_sentence(commuters, trips, km, hours, co2), *EFFECTS)
    return Impact(round(trips, 1), round(km, 1), round(hours, 1), round(co2, 2),
                  tuple(assumptions), effects)


def _minutes_line(given: float | None, used: float, params: Params) -> MoneyLine:
    """The one-way trip to the employment pole, entered or by default."""
    if given is not None:
        return MoneyLine("Trajet aller vers le pôle d'emploi (minutes)", used,
                         "saisi dans le profil")
    return MoneyLine("Trajet aller vers le pôle d'emploi (minutes)", used,
                     params.cited("minutes_to_pole_default"),
                     params.is_overridden("minutes_to_pole_default"))


def _commute_sentence(commuters: float, trips: float, km: float, hours: float,
                      co2: float) -> str:
    """The commuting estimate in words."""
    who = (f"{fmt_number(commuters, 1)} usager en moyenne évite le trajet vers son"
           if commuters < 2 else
           f"{fmt_number(commuters, 1)} usagers en moyenne évitent le trajet vers leur")
    tonnes = "tonne" if co2 < 2 else "tonnes"
    return (f"Si {who} pôle d'emploi, ce sont environ "
            f"{fmt_number(trips)} allers-retours, {fmt_number(km)} km, {fmt_number(hours)} "
            f"heures et {fmt_number(co2, 1)} {tonnes} "
            "de CO₂ en moins par an ; la plupart des usagers étant des indépendants qui "
            "travaillaient déjà chez eux, le gain tient surtout aux salariés en télétravail.")
