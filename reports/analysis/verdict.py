"""The overall judgement: level, summary, 3 to 5 conditions, next steps and timeline.

Favourable needs four things the commune has: a carrier, a place (a candidate building), some
evidence of demand (people known or founders) and a funded running deficit; break-even must
also be possible within the place's capacity, and the risks and the model's resemblance must
pass ``verdict_rules``. Otherwise the verdict is conditional and says what is missing; with
next to nothing (at most one of carrier, place, people known), or with break-even impossible
at capacity and a deficit far beyond the contribution announced (`far_from_cover`), it is
``not_advised`` for a dedicated place now, and the next steps are the cheaper routes.
`confidence` says how much of the verdict rests on defaults, on the tool's own estimates and,
for a verdict that is not « déconseillé », on what still weighs against it (a deficit nothing
covers yet at a size that cannot balance, a zone shared with several places). The wording is
in resources/analysis/text/verdict.toml; the thresholds in parameters.json.
"""

from __future__ import annotations

from reports.analysis.cover import PRIVATE_CARRIERS, far_from_cover, running_cover
from reports.analysis.impact import roadless_of
from reports.analysis.parameters import Params
from reports.analysis.risks import Found
from reports.analysis.sizing import main_and_antennas
from reports.analysis.texts import counted, items, text
from reports.fmt import fmt_eur, fmt_number, fmt_percent
from reports.profile import Profile
from reports.result import (
    Confidence,
    Demand,
    ExistingOffer,
    Finance,
    SiteMatch,
    TypologyMatch,
    Verdict,
)

BASIS = ("carrier", "place", "demand", "funded", "capacity", "no_place_here")


def verdict_rule(params: Params) -> str:
    """The verdict rule in words (for the note's method), its numbers from ``verdict_rules``."""
    rules, limits = params("verdict_rules"), params("verdict_confidence")
    score = rules["favourable_min_typology_score"]
    return text("verdict.rule.text", high_risks=fmt_number(rules["not_advised_high_risks"]),
                medium_risks=fmt_number(rules["favourable_max_medium_risks"]),
                min_score=fmt_number(score, 1 if round(score, 1) == score else 2),
                ratio=fmt_number(rules["not_advised_deficit_ratio"]),
                places_here=fmt_number(rules["not_advised_places_in_commune"]),
                zone_share=fmt_percent(rules["not_advised_zone_share"])) + " " + text(
        "verdict.rule.confidence", high=fmt_number(limits["high_max_defaults"]),
        medium=fmt_number(limits["medium_max_defaults"]),
        places=fmt_number(limits["crowded_zone_places"]))


def level_of(found: list[Found], best_score: float, covered: bool, params: Params,
             basis: dict[str, bool] | None = None, far_short: bool = False,
             crowded: str = "") -> str:
    """Apply the verdict rules of parameters.json (``verdict_rules``) and the basis;
    `far_short`: `far_from_cover` holds (break-even impossible, deficit far beyond the
    contribution announced); `crowded`: `crowded_by` found places enough already."""
    rules = params("verdict_rules")
    basis = basis if basis is not None else dict.fromkeys(BASIS, True)
    highs = sum(f.risk.severity == "high" for f in found)
    mediums = sum(f.risk.severity == "medium" for f in found)
    if (highs >= rules["not_advised_high_risks"] or next_to_nothing(basis) or far_short
            or nothing_shown(basis) or crowded):
        return "not_advised"
    if (highs == 0 and mediums <= rules["favourable_max_medium_risks"]
            and best_score >= rules["favourable_min_typology_score"] and covered
            and all(basis.get(k, True) for k in BASIS)):
        return "favourable"
    return "conditional"


def crowded_by(existing: ExistingOffer | None, demand: Demand | None, params: Params) -> str:
    """Where enough places exist already for a place more to be premature: "commune" (at
    least ``not_advised_places_in_commune`` in the commune, found in the sources), "zone" (the
    project would keep at most ``not_advised_zone_share`` of the zone's demand), "" otherwise."""
    rules = params("verdict_rules")
    if existing is not None and len(existing.in_commune) >= rules["not_advised_places_in_commune"]:
        return "commune"
    if (demand is not None and demand.existing_places
            and demand.share <= rules["not_advised_zone_share"]):
        return "zone"
    return ""


def _crowded_sentence(crowded: str, existing: ExistingOffer | None, demand: Demand) -> str:
    """« 14 tiers-lieux existent déjà dans la commune (liste nationale …) : un lieu de plus
    est prématuré ; s'associer d'abord … »."""
    source = text("verdict.summary.crowded_source")
    if crowded == "commune" and existing is not None:
        return text("verdict.summary.crowded", source=source,
                    count=counted(len(existing.in_commune), "common.nouns.third_place"))
    return text("verdict.summary.crowded_zone", source=source, share=fmt_percent(demand.share),
                count=counted(len(demand.existing_places), "common.nouns.third_place"))


def next_to_nothing(basis: dict[str, bool]) -> bool:
    """At most one of carrier, place and people known: too early for a dedicated place
    (a village with three interested people, no carrier and no building)."""
    return sum(basis.get(k, True) for k in ("carrier", "place", "demand")) <= 1


def nothing_shown(basis: dict[str, bool]) -> bool:
    """No money for the running deficit, no break-even the place can hold, and nobody yet to
    use it or to run it (no future user known, or no carrier): too little to call a dedicated
    place « favorable », even under conditions (Espéraza: a carrier and a room, 3 to 32 users;
    Provins: a barn and 13 people, no carrier, no budget)."""
    return (not basis.get("funded", True) and not basis.get("capacity", True)
            and not (basis.get("demand", True) and basis.get("carrier", True)))


def _nothing_shown_sentence(basis: dict[str, bool]) -> str:
    """« Rien ne montre encore que le lieu vivrait : ni porteur désigné, ni … »."""
    lacks = [text(f"verdict.summary.lacks.{key}") for key in ("carrier", "demand")
             if not basis.get(key, True)]
    lacks += [text("verdict.summary.lacks.funded"), text("verdict.summary.lacks.capacity")]
    return text("verdict.summary.nothing_shown", lacks=", ".join(lacks))


def basis_of(profile: Profile, finance: Finance, covered: bool,
             existing: ExistingOffer | None = None) -> dict[str, bool]:
    """What a favourable verdict needs, each True when the profile has it."""
    ter, carrier = profile.territory, profile.carrier
    known = (ter.known_independents or 0) + (ter.known_teleworkers or 0)
    place = any(b.surface_m2 or b.owner or b.name.strip() for b in profile.buildings)
    return {
        "carrier": carrier.type != "undecided",
        "place": place,
        "demand": known > 0 or (carrier.founders or 0) >= 2,
        "funded": covered,
        "capacity": finance.break_even.feasible_at_capacity,
        "no_place_here": existing is None or not existing.in_commune,
    }


def missing_of(basis: dict[str, bool]) -> tuple[str, ...]:
    """French: what is missing for a favourable verdict, in the order of BASIS."""
    return tuple(text(f"verdict.missing.{key}") for key in BASIS if not basis[key])


_DEFAULTED = (
    ("population.employed_15_64", lambda p: p.population.employed_15_64),
    ("population.jobs", lambda p: p.population.jobs),
    ("territory.zau2010", lambda p: p.territory.zau2010 or p.territory.aav2020_category
     or p.territory.density_level),
    ("territory.minutes_to_pole", lambda p: p.territory.minutes_to_pole),
    ("territory.known_people", lambda p: p.territory.known_independents
     if p.territory.known_teleworkers is None else p.territory.known_teleworkers),
    ("buildings", lambda p: p.buildings or None),
    ("building.surface", lambda p: next((p.buildings[i].surface_m2  # an antenna's is not
                                         for i in main_and_antennas(p.buildings)[0]  # the place's
                                         if p.buildings[i].surface_m2), None)),
    # founders weigh only without known future users (the demand basis and the « no group »
    # risk read them then): Pennautier's commune, with 23 people known, left no gap
    ("carrier.founders", lambda p: p.carrier.founders
     if not ((p.territory.known_independents or 0) + (p.territory.known_teleworkers or 0))
     else 0),
    ("carrier.staff_hours_per_week", lambda p: p.carrier.staff_hours_per_week),
    ("budget.investment_eur", lambda p: p.budget.investment_eur),
    ("budget.annual_operating_eur", lambda p: p.budget.annual_operating_eur),
    ("budget.annual_contribution_eur", lambda p: p.budget.annual_contribution_eur),
    ("services", lambda p: p.services or None),
)


def confidence_of(profile: Profile, has_directory: bool, params: Params,
                  finance: Finance | None = None, demand: Demand | None = None,
                  existing: ExistingOffer | None = None, level: str = "conditional",
                  extrapolated: bool = False) -> Confidence:
    """How much of the verdict rests on defaults: the inputs left blank, the tool's own
    estimates that carry the verdict (the animation « à prévoir », a wide range of users),
    what still weighs against a verdict that is not « déconseillé » (`_against`), and a
    level from their count (thresholds ``verdict_confidence``); with an estimate or a point
    against, it is never « élevée »."""
    roadless = bool(roadless_of(profile))  # no road to a pole: no trip time to miss
    names = [text(f"verdict.confidence.inputs.{key.replace('.', '_')}")
             for key, get in _DEFAULTED if get(profile) is None
             and not (roadless and key == "territory.minutes_to_pole")]
    if not has_directory:
        names.append(text("verdict.confidence.inputs.directory"))
    estimates = _estimates(finance, demand, params)
    if extrapolated:  # outside the study's field (reports.analysis.frame)
        estimates.append(text("verdict.confidence.estimates.frame"))
    estimates += _antennas(profile)
    if level != "not_advised":
        estimates += _against(profile, finance, demand, params, existing)
    if (existing is not None and existing.count_typed is not None and existing.count_found
            and existing.count_found > existing.count_typed):  # the sources contradict the profile
        estimates.append(text("verdict.confidence.estimates.places",
                              typed=fmt_number(existing.count_typed),
                              found=fmt_number(existing.count_found)))
    limits = params("verdict_confidence")
    count = len(names) + len(estimates)
    level = ("high" if count <= limits["high_max_defaults"] and not estimates
             else "medium" if count <= limits["medium_max_defaults"] else "low")
    label = text(f"verdict.confidence.labels.{level}")
    if names:
        sentence = text("verdict.confidence.with_defaults", level=label, inputs=", ".join(names))
    elif estimates:
        sentence = text("verdict.confidence.estimated", level=label)
    else:
        sentence = text("verdict.confidence.none", level=label)
    if estimates:
        sentence += " " + text("verdict.confidence.estimates.text", estimates=" ; ".join(estimates))
    return Confidence(level, label, tuple(names + estimates), sentence)


def _estimates(finance: Finance | None, demand: Demand | None, params: Params) -> list[str]:
    """The tool's estimates that weigh on the verdict, in French (empty when none): the
    animation « à prévoir », the meeting-room hire without which break-even would not hold
    at the place's size, a wide range of users."""
    out = []
    planned = next((line for line in finance.operating if line.planned), None) if finance else None
    if planned is not None:
        out.append(text("verdict.confidence.estimates.staff",
                        amount=fmt_eur(planned.amount_eur)))
    be = finance.break_even if finance is not None else None
    if (be is not None and be.feasible_at_capacity and be.other_revenue_eur > 0
            and be.capacity_users is not None and be.revenue_per_user_month_eur > 0
            and not params.is_overridden("meeting_room_days_per_year")):
        without = finance.operating_total_eur / (12 * be.revenue_per_user_month_eur)
        # Groix: break-even held by 24 days of room hire a year, without which it would not
        # fit the place; Prades (6 users expected): without which the tariffs would not cover
        # the charges with the users expected, where the verdict counts them as covering
        held = ("rooms" if without > be.capacity_users + 1e-9
                else "rooms_users" if be.reached and without > be.users_expected + 1e-9
                else "")
        if held:
            out.append(text(f"verdict.confidence.estimates.{held}",
                            amount=fmt_eur(be.other_revenue_eur),
                            days=fmt_number(params("meeting_room_days_per_year"))))
    if demand is not None:
        users = demand.users
        if users.high >= params("verdict_confidence")["wide_range_ratio"] * max(users.low, 1):
            out.append(text("verdict.confidence.estimates.range", low=fmt_number(users.low),
                            high=fmt_number(users.high)))
    return out


def _antennas(profile: Profile) -> list[str]:
    """The antennas' running costs, which the tool leaves « à chiffrer » (reports.analysis
    .sizing.main_and_antennas): the verdict weighs the main site alone."""
    _, antennas = main_and_antennas(profile.buildings)
    if not antennas:
        return []
    return [text("verdict.confidence.estimates.antennas_one" if len(antennas) == 1
                 else "verdict.confidence.estimates.antennas_many",
                 count=fmt_number(len(antennas)))]


def _against(profile: Profile, finance: Finance | None, demand: Demand | None,
             params: Params, existing: ExistingOffer | None = None) -> list[str]:
    """In French, what weighs against going ahead: a size at which break-even is impossible
    with a deficit nothing covers yet, a zone de chalandise shared with several places (the
    project's share of the demand is then the tool's hypothesis)."""
    out = []
    if finance is not None and not finance.break_even.feasible_at_capacity \
            and not running_cover(profile, finance)[0]:
        key = "short" if profile.budget.annual_contribution_eur else "none"  # 0: none either
        out.append(text(f"verdict.confidence.against.deficit.{key}",
                        deficit=fmt_eur(finance.public_support_per_year_eur)))
    crowded = params("verdict_confidence")["crowded_zone_places"]
    if demand is not None and demand.share <= 1 / (1 + crowded):
        out.append(text("verdict.confidence.against.crowded",
                        places=counted(existing.count_used if existing is not None else len(
                            demand.existing_places), "common.nouns.third_place"),
                        share=fmt_percent(demand.share)))
    return out


def conditions_for(found: list[Found], params: Params) -> tuple[str, ...]:
    """The conditions lifting the most severe risks, completed to at least three, capped."""
    picked = [f.condition for f in found if f.risk.severity != "low"]
    picked += [text(key) for key in items("verdict.conditions.standard")]
    return tuple(dict.fromkeys(picked))[:int(params("verdict_max_conditions"))]


def build_verdict(profile: Profile, found: list[Found], typologies: tuple[TypologyMatch, ...],
                  sites: tuple[SiteMatch, ...], demand: Demand, finance: Finance,
                  funding_names: list[str], params: Params,
                  existing: ExistingOffer | None = None, has_directory: bool = True,
                  extrapolated: bool = False, pop_up_room: str = "") -> Verdict:
    """Verdict, its explanation and the way forward (`pop_up_room`: the room without rent the
    project can hold its pop-up test in, named as the options name it)."""
    best = typologies[0]
    covered, money = running_cover(profile, finance)
    basis = basis_of(profile, finance, covered, existing)
    far_short = far_from_cover(profile, finance,
                               params("verdict_rules")["not_advised_deficit_ratio"])
    crowded = crowded_by(existing, demand, params)
    level = level_of(found, best.score, covered, params, basis, far_short, crowded)
    months = int(params("opening_months"))
    missing = missing_of(basis)
    summary = _summary(profile, found, best, sites, demand, money, level, missing, basis,
                       _crowded_sentence(crowded, existing, demand) if crowded else "")
    return Verdict(level, text(f"verdict.labels.{level}"), summary,
                   conditions_for(found, params),
                   _next_steps(profile, funding_names, months, level, existing, far_short,
                               crowded, pop_up_room),
                   _timeline(months, params("timeline_phases"), profile, level, crowded),
                   confidence_of(profile, has_directory, params, finance, demand, existing,
                                 level, extrapolated),
                   missing, basis)


def _summary(profile: Profile, found: list[Found], best: TypologyMatch,
             sites: tuple[SiteMatch, ...], demand: Demand, money: str, level: str,
             missing: tuple[str, ...], basis: dict[str, bool] | None = None,
             crowded: str = "") -> str:
    """Two or three sentences a council can read aloud (`crowded`: why a place more is
    premature where enough exist already)."""
    users = demand.users
    closest = ", ".join(text("verdict.summary.site", name=s.name, commune=s.commune)
                        for s in sites[:2])
    form = ("text_none" if round(users.central) == 0 else "text" if users.low < users.high
            else "text_one")  # « environ aucun usager » is no French; « de 2 à 2 » no range
    summary = text(f"verdict.summary.{form}",
                   commune=profile.commune.name, typology=best.name,
                   closest=closest, users=counted(users.central, "common.nouns.regular_user"),
                   low=fmt_number(users.low), high=fmt_number(users.high), cover=money)
    highs = [f.risk.title.lower() for f in found if f.risk.severity == "high"]
    if highs:  # what turns a project down, or what a « sous conditions » verdict must lift
        summary += text("verdict.summary.blocking" if level == "not_advised"
                        else "verdict.summary.to_lift", risks=", ".join(highs))
    if level == "not_advised":
        if nothing_shown(basis):  # why, when no risk says it
            summary += _nothing_shown_sentence(basis)
        summary += crowded or text("verdict.summary.cheaper")
    elif missing:  # the place in the commune is said once, as the point to settle
        settle = any(f.risk.risk_id == "existing_here" and f.risk.severity == "high"
                     for f in found)
        said = text("verdict.missing.no_place_here") if settle else None
        shown = [m for m in missing if m != said]
        if shown:
            summary += text("verdict.summary.missing", missing=", ".join(shown))
    return summary


def _next_steps(profile: Profile, funding_names: list[str], months: int, level: str,
                existing: ExistingOffer | None, far_short: bool = False, crowded: str = "",
                pop_up_room: str = "") -> tuple[str, ...]:
    """What to do, in order: meet what exists first; choose a carrier only if none is declared;
    where places enough exist (`crowded`), ask them before testing, complement them after."""
    funds = (" ; ".join(funding_names[:3]) if funding_names
             else text("verdict.next_steps.funding_default"))
    steps = []
    nearby = existing.in_commune or existing.close if existing is not None else ()
    if nearby:  # join a place in town; only study a partnership with one nearby
        steps.append(text("verdict.next_steps.existing" if existing.in_commune
                          else "verdict.next_steps.existing_close", place=nearby[0].name,
                          commune=nearby[0].commune))
    if crowded:
        return (*steps, text("verdict.next_steps.crowded_test"),
                text("verdict.next_steps.group"), text("verdict.next_steps.crowded"))
    steps += [text("verdict.next_steps.group"),
              text("verdict.next_steps.test_lent", building=pop_up_room) if pop_up_room
              else text("verdict.next_steps.test")]
    _, antennas = main_and_antennas(profile.buildings)
    if antennas:  # what the tool leaves « à chiffrer » (sizing.antennas_text)
        steps.append(text("verdict.next_steps.antennas_one" if len(antennas) == 1
                          else "verdict.next_steps.antennas_many"))
    if level == "not_advised":  # what is still to find: never a carrier or place declared
        carrier, place = profile.carrier.type != "undecided", bool(profile.buildings)
        key = ("cheaper_funding" if far_short and carrier and place
               else "cheaper_ready" if carrier and place else "cheaper_place" if carrier
               else "cheaper_carrier" if place else "cheaper")
        steps.append(text(f"verdict.next_steps.{key}",
                          **({"carrier": _carrier_phrase(profile.carrier.type)} if carrier
                             else {})))
        return tuple(steps)
    if profile.carrier.type == "undecided":
        step = text("verdict.next_steps.carrier")
    else:
        step = text("verdict.next_steps.place", carrier=_carrier_phrase(profile.carrier.type))
    if level == "conditional":  # under conditions, the place comes once the test has spoken
        step = text("verdict.next_steps.if_confirmed") + step[:1].lower() + step[1:]
    steps.append(step)
    steps += [text("verdict.next_steps.funding", funds=funds),
              text("verdict.next_steps.opening_private"
                   if profile.carrier.type in PRIVATE_CARRIERS
                   and profile.carrier.commune_support in (None, "none")
                   else "verdict.next_steps.opening", months=fmt_number(months))]
    return tuple(steps)


def _carrier_phrase(carrier: str) -> str:
    """« association », « intercommunalité »: the declared carrier's short name."""
    return text(f"verdict.carriers.{carrier}")


def _timeline(months: int, phases: dict[str, dict[str, int]], profile: Profile | None = None,
              level: str = "conditional", crowded: str = "") -> tuple[tuple[str, str], ...]:
    """Month ranges from the commune's agreement to the opening (``timeline_phases``); where
    places enough exist (`crowded`), meeting them comes before any test."""
    a, b, c = (max(phases[name]["minimum_month"], months // phases[name]["divisor"])
               for name in ("group", "choice", "funding"))

    def span(start: int, end: int) -> str:
        return text("verdict.timeline.range", start=start, end=end)

    if level == "not_advised":  # no opening date for a place the note advises against now
        if crowded:  # meet the places there first
            return ((span(1, a), text("verdict.timeline.group_crowded")),
                    (span(a + 1, b), text("verdict.timeline.review_crowded")))
        return ((span(1, a), text("verdict.timeline.group")),
                (span(a + 1, b), text("verdict.timeline.review")))
    return (
        (span(1, a), text("verdict.timeline.group")),
        (span(a + 1, b), text("verdict.timeline.choice" if profile is None
                              or profile.carrier.type == "undecided"
                              else "verdict.timeline.choice_declared")),
        (span(b + 1, c), text("verdict.timeline.funding")),
        (span(c + 1, months - 1), text("verdict.timeline.works_none" if _no_works(profile)
                                       else "verdict.timeline.works")),
        (text("verdict.timeline.month", month=months), text("verdict.timeline.opening")),
    )


def _no_works(profile: Profile | None) -> bool:
    """Every candidate building is usable as it is, with no works typed (Pennautier's room):
    the calendar does not schedule « Travaux » the investment table counts at 0 €."""
    return bool(profile is not None and profile.buildings
                and all(b.state == "ready" and not b.works_cost_eur for b in profile.buildings))


def funding_names(finance: Finance) -> list[str]:
    """The two or three levers that fit this project, with their status (never a closed one)."""
    from reports.analysis.funding import lever_texts

    return lever_texts(finance.funding, finance.levers)
