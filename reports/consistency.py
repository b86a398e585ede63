"""The consistency guard: named invariants over a whole analysis result and its note's text.

    from reports.consistency import check, note_text
    violations = check(result)                  # result only (fast)
    violations = check(result, note_text(result))   # and the note's words

Each invariant is a plain function returning French-free, quotable messages (empty list: it
holds). They encode what a consultant checks before signing: no two statements contradict,
ranges are ordered, stated ceilings hold, break-even is judged against capacity, the model
fits the declared carrier, an existing place is mentioned, trips and kilometres agree, and the
French joins are right. The tests run them over the examples and thousands of generated
profiles; the note text is rendered from the templates without building the PDF.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from reports.analysis.parameters import shipped
from reports.fmt import fmt_number
from reports.french import agree, french_faults
from reports.result import AnalysisResult

EPS = 1.0  # euros / users of rounding tolerated between a total and its lines


@dataclass(frozen=True)
class Violation:
    """One invariant broken, with what shows it."""

    invariant: str
    detail: str

    def __str__(self) -> str:
        return f"{self.invariant}: {self.detail}"


Check = Callable[[AnalysisResult, str | None], list[str]]
INVARIANTS: dict[str, Check] = {}


def invariant(name: str) -> Callable[[Check], Check]:
    """Register a check under its name (the test report quotes it)."""

    def register(func: Check) -> Check:
        INVARIANTS[name] = func
        return func

    return register


# --- figures ------------------------------------------------------------------------

@invariant("ranges_ordered")
def _ranges(r: AnalysisResult, _text: str | None) -> list[str]:
    u = r.demand.users
    out = []
    if not (0 <= u.low <= u.central <= u.high):
        out.append(f"usagers {u.low} / {u.central} / {u.high}")
    revenues = {s.scenario_id: s.monthly_price_eur for s in r.finance.scenarios}
    if {"low", "central", "high"} <= set(revenues) and not (
            revenues["low"] <= revenues["central"] <= revenues["high"]):
        out.append(f"tarifs {revenues}")
    years = [y.year for y in r.finance.projection]
    if years != sorted(years):
        out.append(f"années {years}")
    return out


@invariant("ceilings_held")
def _ceilings(r: AnalysisResult, _text: str | None) -> list[str]:
    """The high estimate stays under the ceiling the demand states (``demand.ceiling``); only
    the people already known (the central floor) may pass it."""
    ceiling = getattr(r.demand, "ceiling", None)
    if ceiling is None:
        return []
    if r.demand.users.high > max(ceiling, r.demand.users.central) + 1e-6:
        return [f"fourchette haute {r.demand.users.high} > plafond {ceiling:.1f}"]
    return []


@invariant("money_adds_up")
def _money(r: AnalysisResult, _text: str | None) -> list[str]:
    f, out = r.finance, []
    if abs(sum(x.amount_eur for x in f.investment) - f.investment_total_eur) > EPS:
        out.append("investissement : total ≠ somme des lignes")
    if abs(sum(x.amount_eur for x in f.operating) - f.operating_total_eur) > EPS:
        out.append("fonctionnement : total ≠ somme des lignes")
    if abs(f.subsidy_eur + f.self_financing_eur - f.investment_total_eur) > EPS:
        out.append("subvention + autofinancement ≠ investissement")
    if f.public_support_per_year_eur < -EPS:
        out.append("soutien public négatif")
    for y in f.projection:
        if abs(y.revenue_eur - y.operating_eur - y.balance_eur) > EPS:
            out.append(f"année {y.year} : solde ≠ recettes − charges")
    return out


@invariant("break_even_against_capacity")
def _capacity(r: AnalysisResult, _text: str | None) -> list[str]:
    """Favourable needs a break-even the place can hold."""
    if r.verdict.level == "favourable" and not r.finance.break_even.feasible_at_capacity:
        return ["verdict favorable alors que l'équilibre est impossible dans la capacité du lieu"]
    return []


@invariant("trips_against_km")
def _trips(r: AnalysisResult, _text: str | None) -> list[str]:
    i, out = r.impact, []
    if i.road_not_quantified:  # an island: trips and hours without road km (no_road_over_sea)
        if i.km_avoided_per_year or i.co2_tonnes_per_year:
            out.append("kilomètres chiffrés alors qu'ils sont dits non chiffrés")
    elif (i.trips_avoided_per_year > 0) != (i.km_avoided_per_year > 0):
        out.append(f"{i.trips_avoided_per_year} trajets pour {i.km_avoided_per_year} km")
    if i.trips_avoided_per_year > 0 and i.km_avoided_per_year / i.trips_avoided_per_year > 500:
        out.append("plus de 500 km par trajet évité")
    if min(i.trips_avoided_per_year, i.km_avoided_per_year, i.hours_saved_per_year,
           i.co2_tonnes_per_year) < 0:
        out.append("impact négatif")
    if i.quantified and i.effects and not out:  # the sentence words the cards' figures
        cards = ((i.trips_avoided_per_year, i.hours_saved_per_year) if i.road_not_quantified
                 else (i.trips_avoided_per_year, i.km_avoided_per_year, i.hours_saved_per_year))
        unsaid = [fmt_number(f) for f in cards
                  if not re.search(rf"(?<![\d\u202f,]){re.escape(fmt_number(f))}"
                                   rf"(?![\d\u202f]|,\d)", i.effects[0])]
        if unsaid:
            out.append(f"{', '.join(unsaid)} des cartes absents de « {i.effects[0][:60]}… »")
    return out


_HOURLY = re.compile(
    r"(\d+(?:,\d+)?)\s*€\s*(?:de l'heure chargée|/h chargés?|par heure travaillée)")


@invariant("one_hourly_cost")
def _hourly(r: AnalysisResult, text: str | None) -> list[str]:
    """Every paid hour (animation, cleaning) is costed at one hourly rate."""
    if text is None:
        text = " ".join(x.source for x in r.finance.operating)
    rates = set(_HOURLY.findall(text.replace("\u202f", " ").replace("\xa0", " ")))
    return [f"plusieurs coûts horaires : {sorted(rates)}"] if len(rates) > 1 else []


@invariant("furniture_for_phase1")
def _furniture(r: AnalysisResult, _text: str | None) -> list[str]:
    """Furniture is bought for the desks installed now (phase 1), not for the whole need."""
    from reports.analysis.costs import phase1_posts

    posts, _ = phase1_posts(r.sizing)
    line = next((x for x in r.finance.investment if x.label.startswith("Mobilier")), None)
    if line is None or f"({agree(posts, 'poste')}" in line.label:
        return []
    return [f"« {line.label} » pour {posts} postes installés en phase 1"]


@invariant("building_fit_matches_phases")
def _fit_phases(r: AnalysisResult, _text: str | None) -> list[str]:
    """A building the note calls fit (« Adapté », « Trop grand ») holds the whole
    recommendation; one called « plus petit que conseillé » leaves desks for a phase 2."""
    s = r.sizing
    phased = bool(s.phase2_workstations or s.phase2_closed_offices)
    if s.building_fit_code in ("fits", "too_big") and phased:
        return [f"bâtiment « {s.building_fit_code} » avec une phase 2"]
    if s.building_fit_code == "too_small" and not phased:
        return ["bâtiment plus petit que conseillé sans phase 2"]
    return []


_JUDGED = re.compile(r"petit|trop grand|adapté|écart", re.IGNORECASE)


@invariant("antenna_not_judged")
def _antennas(r: AnalysisResult, text: str | None) -> list[str]:
    """Another site of the project (a building whose role is « antenna ») is never the
    retained building, and no line of the note sizes it up against the advice (« paraît
    petit », « plus petit que conseillé », « trop grand ») as if it were an alternative; the
    note says what it leaves « à chiffrer » for it."""
    s = r.sizing
    out = []
    if s.building_index is not None and s.building_index in s.antenna_indices:
        out.append(f"antenne n° {s.building_index + 1} retenue comme site principal")
    if s.antenna_indices and "à chiffrer" not in s.antennas_text:
        out.append("antennes sans ce qui reste à chiffrer")
    if text is None:
        return out
    buildings = r.profile.get("buildings") or []
    names = [str((buildings[i] or {}).get("name") or "").strip() for i in s.antenna_indices
             if i < len(buildings) and isinstance(buildings[i], dict)]
    main = s.building_name or ""
    for line in text.splitlines():
        for name in names:
            if name and name != main and name in line and _JUDGED.search(
                    line.replace(main, "") if main else line):
                out.append(f"antenne jugée : {line[:120]}")
    return out


_PUBLIC_SUPPORT = re.compile(
    r"soutien public de fonctionnement nécessaire|à couvrir par un soutien public|qu'aucun "
    r"financeur public|Un soutien au fonctionnement d'environ|Soutien public de fonctionnement|"
    r"soutien au fonctionnement voté")


@invariant("private_carrier_bears_its_deficit")
def _private(r: AnalysisResult, text: str | None) -> list[str]:
    """A company or a network votes no subsidy (the study's Bram and Relais d'Entreprises
    run without operating aid): its deficit is said to be its own, never a « soutien public »
    to find."""
    if (r.profile.get("carrier") or {}).get("type") not in ("company", "network"):
        return []
    if text is None:
        text = " ".join((r.verdict.summary, *r.verdict.conditions, *(k.mitigation for k in r.risks),
                         *(o.cost for o in (r.options.options if r.options else ()))))
    found = _PUBLIC_SUPPORT.search(text)
    return [f"« {found.group(0)} » pour un porteur privé"] if found else []


@invariant("known_people_floor")
def _floor(r: AnalysisResult, _text: str | None) -> list[str]:
    """The floor the note states from the people known holds for the low figure too
    (``known_people_low_share`` of them; the note names that share when it differs from the
    central one)."""
    ter = r.profile.get("territory") or {}
    people = (ter.get("known_independents") or 0) + (ter.get("known_teleworkers") or 0)
    used = (r.method.get("assumptions") or {}).get("known_people_low_share")
    known = people * used["value"] if used is not None else (r.demand.known_floor or 0)
    u = r.demand.users
    if known and u.low + 1e-9 < min(round(known), u.central):
        return [f"fourchette basse {u.low} sous le plancher annoncé de {round(known)} usagers"]
    return []


@invariant("typed_works_taken_as_typed")
def _typed_works(r: AnalysisResult, _text: str | None) -> list[str]:
    """Works the profile typed are taken as typed (the line asks whether they include fees
    and contingency): the tool's fees and contingency apply to its own estimates only, never
    to the typed amount because an accessibility line joined it (Brumath)."""
    from reports.analysis.texts import text as catalogue

    lines = r.finance.investment
    typed = next((x for x in lines if x.source == catalogue("costs.works.entered_source")), None)
    if typed is None or typed.amount_eur <= 0:
        return []
    first = next((i for i, x in enumerate(lines) if x.label.startswith("Honoraires")), None)
    if first is None:
        return []
    estimated = sum(x.amount_eur for x in lines[:first] if x is not typed)
    used = r.method.get("assumptions") or {}
    out = []
    for key, start in (("works_fees_rate", "Honoraires"), ("works_contingency_rate", "Aléas")):
        rate = (used.get(key) or {}).get("value")
        for line in lines if rate else ():
            if line.label.startswith(start) and abs(line.amount_eur / rate - estimated) > EPS:
                out.append(f"« {line.label} » calculé sur {line.amount_eur / rate:.0f} € au lieu "
                           f"des {estimated:.0f} € estimés par l'outil")
    return out


@invariant("no_road_over_sea")
def _island(r: AnalysisResult, text: str | None) -> list[str]:
    """On an island without a bridge the trip to the pole crosses the sea for an unknown part
    of its time: no road km or CO₂ is figured from it, and the note says why. In Guyane's
    interior no road reaches the coast at all (catchment.json ``no_road``): no commute is
    figured, no demand is added for a long drive, and the note says why."""
    from reports.catchment import parameters

    code = (r.profile.get("commune") or {}).get("insee_code") or ""
    island = parameters().island_of.get(code)
    roadless = parameters().roadless_of.get(code)
    i, out = r.impact, []
    if roadless:
        if i.quantified or i.trips_avoided_per_year or i.km_avoided_per_year \
                or i.co2_tonnes_per_year:
            out.append(f"{roadless} : trajets domicile-travail chiffrés sans route vers le "
                       f"littoral")
        if "aucune route" not in i.not_quantified_reason:
            out.append(f"{roadless} : l'absence de route n'est pas dite")
        if any("demande augmentée" in s and "Pôle d'emploi" in s for s in r.demand.signals):
            out.append(f"{roadless} : demande augmentée pour un trajet en voiture impossible")
        if text is not None and re.search(r"kilomètres évités par an|\d km de trajets|"
                                          r"tonnes? de CO₂ évitées", text):
            out.append(f"{roadless} : des kilomètres ou du CO₂ évités dans le texte")
        return out
    if not island or not i.quantified:
        return []
    if i.km_avoided_per_year or i.co2_tonnes_per_year:
        out.append(f"{island} : {i.km_avoided_per_year} km de route évités sur un trajet en "
                   f"bateau")
    if not i.road_not_quantified:
        out.append(f"{island} : la traversée n'est pas dite")
    if text is not None and re.search(r"kilomètres évités par an|\d km de trajets", text):
        out.append(f"{island} : des kilomètres évités dans le texte")
    return out


@invariant("one_speed")
def _speed(r: AnalysisResult, _text: str | None) -> list[str]:
    """The commuting km use the zone de chalandise's speed for the commune's density."""
    from reports.catchment import parameters

    line = next((a for a in r.impact.assumptions if a.label.startswith("Vitesse")), None)
    if line is None or line.overridden:
        return []
    level = (r.profile.get("territory") or {}).get("density_level")
    expected = parameters().speed(level)
    if abs(line.amount_eur - expected) > 1e-6:
        return [f"vitesse {line.amount_eur} km/h pour l'impact, {expected} km/h pour la zone"]
    return []


@invariant("figures_within_source_range")
def _scope(r: AnalysisResult, _text: str | None) -> list[str]:
    """A figure whose source covers only some communes (``applies_to`` in parameters.json:
    a survey of communes under 3 000 inhabitants, a village rent) and used beyond them is
    said to be an extrapolation, to be replaced, on every line that cites it."""
    from reports.analysis.costs import beyond_scope

    table, _ = shipped()
    used = (r.method.get("assumptions") or {})
    population = (r.profile.get("population") or {}).get("total")
    level = (r.profile.get("territory") or {}).get("density_level")
    lines = (*r.finance.investment, *r.finance.operating, *r.finance.in_kind)
    out = []
    for key, value in used.items():
        scope = table[key].applies_to if key in table else None
        if not scope or value.get("overridden") or beyond_scope(scope, population, level) is None:
            continue
        for line in lines:
            if table[key].source in line.source and "extrapolation" not in line.source:
                out.append(f"« {line.label} » applique {key} hors du champ de sa source")
    # the road speeds (catchment.json) are set for metropolitan France
    code = str((r.profile.get("commune") or {}).get("insee_code") or "")
    speed = next((a for a in r.impact.assumptions if a.label.startswith("Vitesse")), None)
    if (code.startswith(("97", "98")) and speed is not None and not speed.overridden
            and "extrapolation" not in speed.source):
        out.append("vitesse de la métropole outre-mer sans le dire")
    return out


_POOL = re.compile(r"dont environ [\d  ]+ indépendants et [\d  ]+ télétravailleurs \(([^)]*)\)")


@invariant("tool_hypotheses_labelled")
def _hypotheses(r: AnalysisResult, text: str | None) -> list[str]:
    """The tool's unsourced shares and detour factor are said to be « hypothèse de l'outil »,
    never the study's or INSEE's."""
    if text is None:
        return []
    out = []
    flat = text.replace("\n", " ")
    for found in _POOL.finditer(flat):
        if "hypothèse de l'outil" not in found.group(1):
            out.append(f"parts d'indépendants et de télétravailleurs sans « hypothèse de "
                       f"l'outil » : {found.group(1)[:60]}")
    for found in re.finditer(r"coefficient de détour de [\d,]+ \(([^)]*)\)", flat):
        if "hypothèse de l'outil" not in found.group(1):
            out.append(f"coefficient de détour sans « hypothèse de l'outil » : {found.group(1)}")
    return out


# --- judgement -----------------------------------------------------------------------

@invariant("verdict_has_its_basis")
def _basis(r: AnalysisResult, _text: str | None) -> list[str]:
    v, out = r.verdict, []
    if v.level == "favourable":
        missing = [k for k, ok in v.basis.items() if not ok]
        if missing or v.missing:
            out.append(f"favorable sans : {missing or v.missing}")
        if any(k.severity == "high" for k in r.risks):
            out.append("favorable avec un risque élevé")
    elif v.level == "conditional" and v.basis and all(v.basis.values()) and v.missing:
        out.append("conditions manquantes annoncées alors que tout est réuni")
    if v.confidence is None or v.confidence.level not in ("high", "medium", "low"):
        out.append("confiance absente")
    elif v.confidence.level == "high" and any(x.planned for x in r.finance.operating):
        out.append("confiance élevée alors que l'animation « à prévoir » est une estimation "
                   "de l'outil")
    elif v.confidence.level == "high" and v.level != "not_advised":
        if not (v.basis.get("capacity", True) or v.basis.get("funded", True)):
            out.append("confiance élevée alors que l'équilibre est impossible à la taille du "
                       "lieu et que le déficit n'est pas couvert")
        if r.demand.share <= 1 / (1 + shipped()[0]["verdict_confidence"].value[
                "crowded_zone_places"]):
            out.append(f"confiance élevée alors que le projet partage la demande de sa zone "
                       f"(il en garde {r.demand.share:.0%})")
    return out


@invariant("model_against_carrier")
def _carrier(r: AnalysisResult, _text: str | None) -> list[str]:
    from reports.analysis.carrier_rule import accepted_carriers
    from reports.knowledge import knowledge

    carrier = (r.profile.get("carrier") or {}).get("type", "undecided")
    out = []
    if carrier == "undecided" or not r.typologies:
        return out
    best = r.typologies[0]
    accepted = accepted_carriers(knowledge().typology(best.typology_id))
    any_eligible = any(t.eligible for t in r.typologies)
    if accepted and carrier not in accepted and any_eligible:
        out.append(f"modèle {best.typology_id} recommandé pour un porteur {carrier}")
    if not best.eligible and not best.ineligible_reason:
        out.append("modèle non éligible sans raison")
    if any("choisir le porteur" in s.lower() or "désigner un porteur" in s.lower()
           for s in r.verdict.next_steps):
        out.append("« choisir / désigner un porteur » alors qu'un porteur est déclaré")
    return out


@invariant("existing_place_mentioned")
def _existing(r: AnalysisResult, text: str | None) -> list[str]:
    e, out = r.existing, []
    if e is None:
        return out
    names = {(p.name, p.insee_code) for p in e.places}  # a network has one name in two towns
    if len(names) != len(e.places):
        out.append("un même lieu compté deux fois")
    zone = {(p.name, p.insee_code) for p in e.places if p.where != "beyond"}
    shared = {(p.get("name"), p.get("insee_code")) for p in r.demand.existing_places}
    if e.count_found is not None and shared != zone:
        out.append(f"la demande partage avec {len(shared)} lieux, l'offre existante en compte "
                   f"{len(zone)} dans la zone")
    site_ids = [p.site_id for p in e.places if p.site_id]
    if len(site_ids) != len(set(site_ids)):
        out.append("un site de l'étude compté deux fois")
    here = e.in_commune
    first = r.options.options[0].option_id if r.options and r.options.options else None
    if "première piste" in e.statement and first != "join_existing":
        out.append(f"l'offre existante annonce la « première piste », l'option conseillée est "
                   f"{first}")
    if len(here) > 1 and re.search(r"^Un tiers-lieu existe|en signalent un |S'il est|avec lui\b",
                                   e.statement):
        out.append(f"{len(here)} lieux dans la commune dits au singulier")
    if r.options and "première piste" in r.options.advice.lower() and not here:
        out.append("« première piste » pour un lieu hors de la commune (à étudier seulement)")
    if here:
        if here[0].name not in e.statement:
            out.append(f"{here[0].name} absent de la synthèse")
        if r.options is None or r.options.options[0].option_id != "join_existing":
            out.append("s'associer au lieu existant n'est pas la première option")
        if r.verdict.level == "favourable":
            out.append("favorable alors qu'un tiers-lieu existe dans la commune")
    if text is not None and (e.count_found or e.count_used):
        for phrase in ("aucun tiers-lieu n'est connu", "aucun tiers-lieu proche n'est connu"):
            if phrase in text.lower():
                out.append(f"« {phrase} » alors que {e.count_found or e.count_used} sont connus")
    if text is not None and here:
        summary = re.split("Les conditions de réussite|Ce qu'il faudrait réunir", text)[0]
        if here[0].name not in summary:
            out.append(f"{here[0].name} absent de la synthèse de la note")
    out += _crowded(r, text)
    return out


def _crowded(r: AnalysisResult, text: str | None) -> list[str]:
    """Places enough in the commune already: a place more is « déconseillé en l'état », the
    synthesis says how many and where they are listed, the steps meet them and test nothing
    else first (verdict.crowded_by)."""
    here = r.existing.in_commune
    if len(here) < shipped()[0]["verdict_rules"].value["not_advised_places_in_commune"]:
        return []
    out = []
    if r.verdict.level != "not_advised":
        out.append(f"{len(here)} tiers-lieux dans la commune, verdict {r.verdict.level}")
    if f"{len(here)} tiers-lieux sont signalés dans la commune" not in r.verdict.summary \
            or "liste nationale des tiers-lieux de 2019" not in r.verdict.summary:
        out.append("le nombre de lieux de la commune et leur source absents du verdict")
    if any("tiers-lieu éphémère" in s for s in r.verdict.next_steps):
        out.append("un tiers-lieu éphémère proposé à côté des lieux de la commune")
    if text is not None and "Favorable sous conditions" in text:
        out.append("« Favorable sous conditions » dans le texte de la note")
    return out


@invariant("options_compared")
def _options(r: AnalysisResult, _text: str | None) -> list[str]:
    o = r.options
    if o is None:
        return ["pas d'options"]
    out = []
    ids = [x.option_id for x in o.options]
    if not 3 <= len(ids) <= 4 or len(set(ids)) != len(ids):
        out.append(f"options {ids}")
    if sum(x.advised for x in o.options) != 1 or not o.options[0].advised:
        out.append("pas exactement une option conseillée, en tête")
    for x in o.options:
        if not (x.cost and x.criterion and x.cost_source):
            out.append(f"{x.option_id} sans coût, source ou critère")
    if r.verdict.level == "not_advised" and o.options[0].option_id == "dedicated":
        out.append("lieu dédié conseillé alors que le verdict est déconseillé")
    return out


# --- words ----------------------------------------------------------------------------

# Statements that cannot both be true of one note: (name, first, second), regexes on the text.
CONTRADICTIONS = (
    ("deficit_covered_vs_no_funding",
     r"couvert par le budget de fonctionnement annoncé|couvert par la contribution",
     r"aucun financement du fonctionnement n'est prévu|aucun financeur public ne s'est"),
    ("favourable_vs_blocking", r"^\W*Favorable\b", r"Points bloquants"),
    ("no_risk_vs_risks", r"Aucun risque particulier n'a été relevé", r"\bRisque\b.*\bParade\b"),
    ("balanced_vs_impossible", r"les tarifs documentés couvriraient les charges",
     r"équilibre impossible"),
    ("carrier_declared_vs_choose", r"porteur déclaré", r"Choisir le porteur"),
    ("volunteers_vs_planned_staff", r"fonctionnera sans salarié", r"Animation à prévoir"),
    ("volunteers_only_vs_planned_staff", r"reposerait donc sur des bénévoles",
     r"Animation à prévoir"),
    ("no_staff_vs_planned_staff", r"aucune heure d'animation salariée n'est prévue",
     r"Animation à prévoir"),
    ("two_first_steps", r"commencer par un poste partagé", r"Organiser un tiers-lieu éphémère"),
)


@invariant("no_contradiction")
def _contradictions(r: AnalysisResult, text: str | None) -> list[str]:
    if text is None:
        text = " ".join((r.verdict.summary, *r.verdict.conditions, *r.verdict.next_steps,
                         *(k.text for k in r.risks)))
    out = []
    for name, first, second in CONTRADICTIONS:
        if re.search(first, text, re.M) and re.search(second, text, re.M):
            out.append(name)
    return out


@invariant("french")
def _french(r: AnalysisResult, text: str | None) -> list[str]:
    if text is None:
        text = " ".join((r.verdict.summary, *r.verdict.conditions, *r.verdict.next_steps,
                         *(k.text for k in r.risks), *(k.mitigation for k in r.risks),
                         r.existing.statement if r.existing else ""))
    return french_faults(text)


@invariant("model_within_its_sites")
def _model_sites(r: AnalysisResult, _text: str | None) -> list[str]:
    """A model rests on its sites: a decisive gap with its closest site caps it too."""
    out, scores = [], {s.site_id: s for s in r.sites}
    for t in r.typologies:
        members = [scores[i] for i in t.site_ids if i in scores]
        if not members:
            continue
        closest = max(members, key=lambda s: s.score)
        gaps = {c.criterion for c in closest.contributions if c.decisive} - {"carrier"}
        mine = {c.criterion for c in t.contributions if c.decisive}
        out += [f"{t.typology_id} : écart décisif de {closest.site_id} sur {g} oublié"
                for g in sorted(gaps - mine)]
    return out


@invariant("study_field_stated")
def _field(r: AnalysisResult, text: str | None) -> list[str]:
    """Overseas, or far more populous than every site: said, never with high confidence."""
    from reports.knowledge import knowledge

    commune = r.profile.get("commune") or {}
    population = (r.profile.get("population") or {}).get("total") or 0
    factor = shipped()[0]["frame_population_factor"].value
    largest = max((s.population or 0) for s in knowledge().sites)
    facts = [name for name, holds in (
        ("outre-mer", str(commune.get("departement") or "").startswith(("97", "98"))),
        ("fois la population de la plus peuplée", population > factor * largest)) if holds]
    said = " ".join(r.commune.frame)
    out = [f"{fact} non dit" for fact in facts if fact not in said]
    if facts and r.verdict.confidence is not None and r.verdict.confidence.level == "high":
        out.append("confiance élevée hors du champ de l'étude")
    if text is not None and "Synthèse" in text and r.commune.frame and (
            r.commune.frame[0] not in text or "Hors du champ de l'étude" not in text):
        out.append("le champ de l'étude absent de la note")
    return out


# an identifier of the code read by the council (« critère décisif : carrier », a parameter's
# source quoting « (presence_rate) »): snake_case words or the English codes of the profile
_CODE_WORD = re.compile(r"\b[a-z]+_[a-z0-9_]+\b|\b(?:carrier|building|undecided|cooperative|"
                        r"company|network)\b")


@invariant("no_code_in_text")
def _codes(r: AnalysisResult, text: str | None) -> list[str]:
    if text is None:
        return []
    # names typed by the user or read in the lists are printed as they are (the profile annex
    # prints the whole profile as typed)
    read = text.split("Annexe F")[0]
    p = r.profile
    typed = [(p.get("commune") or {}).get(k) for k in ("name", "epci_name")]
    typed += [(p.get("carrier") or {}).get("name"), (p.get("territory") or {}).get(
        "existing_networks"), p.get("notes")]
    typed += [b.get("name") for b in p.get("buildings") or [] if isinstance(b, dict)]
    typed += [place.name for place in (r.existing.places if r.existing else ())]
    for name in sorted({str(t) for t in typed if t}, key=len, reverse=True):
        read = read.replace(name, " ")
    return [f"« {m.group(0)} » dans le texte de la note" for m in _CODE_WORD.finditer(read)]


# --- running the guard ------------------------------------------------------------------

def check(result: AnalysisResult, text: str | None = None,
          only: tuple[str, ...] | None = None) -> list[Violation]:
    """Every violation of the named invariants (empty: the result and text hold together)."""
    out = []
    for name, func in INVARIANTS.items():
        if only is None or name in only:
            out += [Violation(name, detail) for detail in func(result, text)]
    return out


_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t]+")


def note_text(result: AnalysisResult, sections: tuple[str, ...] | None = None) -> str:
    """The note's words as plain text, from its templates, without building the PDF.

    `sections` limits the rendering to some section ids (faster, for many profiles).
    """
    from reports.note.sections import sections as all_sections
    from reports.note.story import context, note_info
    from reports.note.text import render

    ctx = context(result, note_info("", "", None))
    parts = []
    for section in all_sections():
        if sections is not None and section.section_id not in sections:
            continue
        markup = render(section.template, section=section, **ctx)
        parts.append(section.heading + "\n" + _plain(markup))
    return "\n".join(parts)


def _plain(markup: str) -> str:
    """Markup → text: tags dropped (a line break at each block), entities decoded."""
    markup = re.sub(r"</?(p|li|tr|h2|box|fig|badge)\b[^>]*>", "\n", markup)
    text = html.unescape(_TAG.sub(" ", markup))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.splitlines()
                     if line.strip())
