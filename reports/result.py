"""The analysis result: the contract between the engine, the note, the wizard and the batch.

`reports.analysis.analyse(profile, knowledge)` returns an `AnalysisResult`; the PDF note,
the DOCX export, the wizard's results page and the batch summary only read it (they compute
nothing of their own). `AnalysisResult.to_dict()` is the JSON printed by
``python -m reports analyse``. Fields may be added; none is renamed or removed without
updating every reader.

Money is in euros (float), ratios are fractions (0.7 = 70 %), text is French.
Every figure that rests on an assumption names it in `source`: a study reference
("étude 2017, fiche Le Plan B") or "valeur par défaut : <raison>".
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

VerdictLevel = Literal["favourable", "conditional", "not_advised"]
Severity = Literal["high", "medium", "low"]


@dataclass(frozen=True)
class Contribution:
    """One criterion's part in a similarity score."""

    criterion: str  # population, territory, concentration, carrier, building, budget, services
    label: str  # French name of the criterion
    similarity: float  # 0..1 for this criterion alone
    weight: float  # weight of the criterion (weights sum to 1)
    points: float  # similarity * weight: this criterion's share of the score
    sentence: str  # one French sentence a mayor can read
    decisive: bool = False  # True when a mismatch on it caps the whole score


@dataclass(frozen=True)
class SiteMatch:
    """A documented site ranked by similarity to the commune."""

    site_id: str
    name: str
    commune: str
    departement: str
    insee_code: str
    typology_id: str
    score: float  # 0..1
    contributions: tuple[Contribution, ...]
    capped_by: str | None = None  # criterion whose mismatch capped the score, if any


@dataclass(frozen=True)
class TypologyMatch:
    """A site model (this tool's grouping of the study's sites) ranked by fit to the commune.

    Eligible models come first: a model whose carriers exclude the declared carrier is kept
    as an alternative, after them, with `ineligible_reason` (French)."""

    typology_id: str
    name: str
    score: float  # 0..1
    contributions: tuple[Contribution, ...]
    summary: str  # French: why it fits or not, in one or two sentences
    site_ids: tuple[str, ...]  # the documented sites that exemplify it
    capped_by: str | None = None
    eligible: bool = True  # False: the declared carrier cannot carry this model
    ineligible_reason: str | None = None  # French, when not eligible
    unmet: tuple[str, ...] = ()  # French: what the model is named for that the project lacks


@dataclass(frozen=True)
class Estimate:
    """A figure with its low / central / high range."""

    low: float
    central: float
    high: float


@dataclass(frozen=True)
class CommuneSummary:
    """The commune's figures as entered and as computed."""

    name: str
    insee_code: str
    departement: str
    population: int | None
    concentration: float | None  # jobs / employed residents
    concentration_class: str | None  # "résidentielle", "équilibrée", "employeuse"
    territory_category: str | None  # study category, e.g. "couronne d'un grand pôle"
    territory_code: str | None  # ZAU 2010 code used (entered or mapped)
    territory_approximate: bool  # True when mapped from AAV 2020 or density
    territory_note: str  # French: how the category was obtained
    catchment_population: int | None
    catchment_source: str  # French: "saisie", "population à moins de 20 km (annuaire)", ...
    neighbourhood: dict[str, Any] | None = None  # directory figures when known
    nearby_third_places: tuple[dict[str, Any], ...] = ()  # name, commune, distance_km, type
    # profile field path -> French source, for the figures taken from the communes directory
    sources: dict[str, str] = dataclasses.field(default_factory=dict)
    # French facts that put the commune outside the study's field (merged, overseas, denser
    # or larger than every site: reports.analysis.frame), said before any transposed figure
    frame: tuple[str, ...] = ()
    part_of: str | None = None  # the current commune, when the code is a former commune
    insee_notes: tuple[str, ...] = ()  # French: why some INSEE figures are missing or summed
    frame_short: tuple[str, ...] = ()  # `frame` in a few words each, for the synthesis


@dataclass(frozen=True)
class Demand:
    """Regular users expected and how the figure was reached."""

    users: Estimate
    method: str  # French explanation of the computation
    reference_sites: tuple[str, ...]  # site ids
    signals: tuple[str, ...]  # French: demand signals taken into account
    # The zone de chalandise (≈ 20 min by road; never « bassin de vie », an INSEE zoning):
    # minutes, population, employed_15_64, communes (count), approximate, method, label.
    zone: dict[str, Any] | None = None
    # Known tiers-lieux of the zone, one entry per place: name, commune, insee_code, minutes,
    # road_km, kind (coworking/fablab/unknown), weight in the sharing, study_site_id.
    existing_places: tuple[dict[str, Any], ...] = ()
    share: float = 1.0  # part of the demand left after sharing with the existing places
    ceiling: float | None = None  # highest number of users the study supports here
    known_floor: float = 0.0  # known people × signal_conversion: low and central never less
    pool: dict[str, float] | None = None  # independents, teleworkers in the zone (defaults)
    regular_user_definition: str = ""  # French: « au moins un jour par semaine »


@dataclass(frozen=True)
class Sizing:
    """Recommended size of the place."""

    workstations: int
    closed_offices: int
    meeting_rooms: int
    surface_m2: float
    fill_rate_target: float
    reference_sites: tuple[str, ...]
    notes: tuple[str, ...]  # French remarks (sharing offices, building too big or too small...)
    building_name: str | None = None  # display only: the retained building's name or rank
    building_fit: str | None = None  # French: how that building fits the recommended surface
    # which candidate is retained (its index in profile.buildings: readers find it by this,
    # never by its name) and how it fits: FIT_CODES of reports.analysis.sizing
    building_index: int | None = None
    building_fit_code: str | None = None
    # Phase 1 is what fits in the retained building now (the whole recommendation when there
    # is no building or it is big enough); the rest is « phase 2 », once demand is confirmed.
    phase1_workstations: int = 0
    phase1_closed_offices: int = 0
    phase1_surface_m2: float = 0.0
    phase2_workstations: int = 0  # open desks left for phase 2 (0: everything fits now)
    phase2_closed_offices: int = 0
    # Regular users phase 1 holds at the fill-rate target: open desks × fill ÷ presence
    # + shared closed offices × users per office. Break-even is checked against it.
    capacity_users: float = 0.0
    # The buildings the profile gives as other sites of the same project (role "antenna"),
    # by index: never candidates for the main site, never judged too small; the note sizes,
    # costs and judges the main site only and says so in `antennas_text` (French, "" if none).
    antenna_indices: tuple[int, ...] = ()
    antennas_text: str = ""
    antennas_unpriced: str = ""  # French: their running costs, « à chiffrer » (finance)


@dataclass(frozen=True)
class MoneyLine:
    """One line of a budget, with where its figure comes from."""

    label: str
    amount_eur: float
    source: str
    overridden: bool = False  # True when the profile replaced the default
    planned: bool = False  # True for a cost the profile does not plan yet (« à prévoir »)


@dataclass(frozen=True)
class TariffScenario:
    """Revenue under one pricing hypothesis."""

    scenario_id: str  # "low", "central", "high"
    label: str
    monthly_price_eur: float  # price of a regular user's month
    day_price_eur: float | None
    revenue_eur_per_year: float
    reference: str  # French: documented tariffs the scenario is drawn from
    site_ids: tuple[str, ...]


@dataclass(frozen=True)
class RevenueLine:
    """One product's yearly revenue at the central tariffs (steady state, year 3)."""

    product_id: str  # "monthly", "carnet", "closed_office", "meeting_room"
    label: str  # French
    quantity: float  # regular users (monthly, carnet, closed_office) or days (meeting_room)
    unit_price_eur: float  # per month, per day of carnet, per office month, per room day
    amount_eur: float  # per year
    source: str  # French: the documented tariff and the share of users
    # French, printed in the revenue table so the amount can be redone by hand:
    # `basis` × `price` = `amount_eur` (« 3,75 abonnés (37,5 % des 10 usagers) × 12 mois »)
    basis: str = ""
    price: str = ""  # the unit price with its unit (« 50 € par mois », « 5 € la journée »)
    tariff: str = ""  # French, short: the documented tariff(s) the price comes from


@dataclass(frozen=True)
class BreakEven:
    """When revenue covers charges.

    `users_needed` divides the charges left after room hire by what one regular user brings
    on average with the product mix (`revenue_per_user_month_eur`). `feasible_at_capacity`
    is False when that number is more than the phase-1 place holds (`capacity_users`, see
    `Sizing.capacity_users`) or when the tariffs bring nothing: « équilibre impossible à ce
    tarif et à cette taille ». The verdict reads it (with `reports.analysis.cover`): tariffs
    can then never balance the place, only a public contribution can.
    """

    monthly_charges_eur: float
    price_eur: float  # the central monthly subscription price
    users_needed: float | None  # users needed with the product mix (None: never)
    users_expected: float
    price_needed_eur: float | None  # average monthly revenue per user needed with the users
    reached: bool
    explanation: str  # French, with the El Quadrat benchmark where useful
    revenue_per_user_month_eur: float = 0.0  # average over monthly, carnet and office users
    other_revenue_eur: float = 0.0  # yearly revenue that does not follow users (room hire)
    capacity_users: float | None = None  # regular users the phase-1 place holds
    feasible_at_capacity: bool = True


@dataclass(frozen=True)
class SensitivityLine:
    """The steady-state yearly balance when one driver moves down and up."""

    factor_id: str  # "users", "price", "rent", "staff_hours", "energy"
    label: str  # French
    change: float  # 0.25 for ± 25 %
    balance_down_eur: float  # balance with the driver lowered by `change`
    balance_up_eur: float  # balance with the driver raised by `change`


@dataclass(frozen=True)
class Sensitivity:
    """How the yearly balance (year 3, revenue − charges) moves with its main drivers."""

    base_balance_eur: float
    lines: tuple[SensitivityLine, ...]  # widest swing first
    source: str  # French: where the changes come from


@dataclass(frozen=True)
class YearProjection:
    """One year of the three-year projection."""

    year: int  # 1, 2, 3
    users: float
    revenue_eur: float
    operating_eur: float
    balance_eur: float  # revenue - operating (negative: support needed)


@dataclass(frozen=True)
class FundingLine:
    """A programme that may fund the project."""

    programme_id: str
    name: str  # present-day name
    former_name: str | None  # name in the 2017 study if it changed
    pays_for: str  # French
    amount_eur: float | None  # estimated amount if computable
    rate: float | None  # highest documented rate today (the study's rate for history lines)
    from_study: bool  # False for present-day programmes the study does not name
    site_ids: tuple[str, ...]
    status: str = "to_check"  # open, closed or to_check (programmes file)
    checked_on: str | None = None  # ISO date the programme's facts were checked
    source: str = ""  # publisher and document title(s)
    pays: tuple[str, ...] = ()  # investment, operation, engineering
    ceiling_eur: float | None = None  # documented ceiling or flat amount
    terms: str | None = None  # French: rate, ceiling, eligibility, obligations
    fit: str = ""  # French: why it fits this project (or why it is only history)
    applicant: str | None = None  # who applies: the carrier type, or the building's owner
    target: str = "project"  # project, or people (contracts paying people: PEC…)
    rank_score: float = 0.0  # higher first (status, needs covered, targeted at small communes)
    kind: str = ""  # eu, state, region, departement, inter_operator, contract, other
    covered: tuple[str, ...] = ()  # the project's needs it covers (engineering, investment…)
    # French: how it applies in the commune's territory (overseas, Corsica, a Region's own
    # scheme: programme_territories.csv), "" where the national rules hold unchallenged
    territory: str = ""
    applies_here: str = ""  # that row's verdict: yes, differs, unverified, no, only ("": none)


@dataclass(frozen=True)
class Finance:
    """Investment, running costs, revenues, break-even, projection and funding."""

    investment: tuple[MoneyLine, ...]
    investment_total_eur: float
    operating: tuple[MoneyLine, ...]
    operating_total_eur: float
    scenarios: tuple[TariffScenario, ...]
    break_even: BreakEven
    projection: tuple[YearProjection, ...]
    funding: tuple[FundingLine, ...]
    subsidy_eur: float  # investment subsidy expected
    self_financing_eur: float  # investment left to the carrier
    public_support_per_year_eur: float  # running deficit to cover each year (0 if none)
    revenue: tuple[RevenueLine, ...] = ()  # by product, year 3 at the central tariffs
    revenue_total_eur: float = 0.0
    # The running budget is `operating_total_eur` (every charge, staff « à prévoir »
    # included); the contribution is what the commune or the carrier says it will pay each
    # year towards it (profile budget.annual_contribution_eur; None: not said).
    contribution_eur: float | None = None
    sensitivity: Sensitivity | None = None
    funding_people: tuple[FundingLine, ...] = ()  # contracts paying people, with their rules
    funding_history: tuple[FundingLine, ...] = ()  # closed programmes (study era, 2026 merger)
    funding_not_here: tuple[FundingLine, ...] = ()  # would fit, but do not apply in its territory
    levers: tuple[str, ...] = ()  # programme ids named in the next steps (2 or 3)
    funding_checked_on: str | None = None  # latest checking date of the programmes file
    # latest date of the rows saying how programmes apply in the commune's territory (None: none)
    funding_territory_checked_on: str | None = None
    in_kind: tuple[MoneyLine, ...] = ()  # public support in kind (premises lent free), per year
    in_kind_total_eur: float = 0.0
    in_kind_advice: str | None = None  # French: occupancy agreement, what the law allows
    # French: the meeting-room hire counted in the revenue when its days are the tool's
    # default (« 1 920 € par an de location… : 2 jours par mois…, valeur par défaut de
    # l'outil »), "" when there is none or the profile typed the days; said wherever it
    # enters a figure the verdict relies on (break-even, support, synthesis)
    room_hire_default: str = ""


@dataclass(frozen=True)
class Impact:
    """Commuting avoided and local effects, as possibilities."""

    trips_avoided_per_year: float
    km_avoided_per_year: float
    hours_saved_per_year: float
    co2_tonnes_per_year: float
    assumptions: tuple[MoneyLine, ...]  # reused shape: label, value in amount_eur, source
    effects: tuple[str, ...]  # French sentences, worded as possibilities
    quantified: bool = True  # False: « non chiffré » (the four figures are 0), see reason
    not_quantified_reason: str = ""  # French
    minutes_saved_per_trip: float | None = None  # trip to the pole − trip to the tiers-lieu
    # French: why km and CO₂ are not figured while trips and hours are (an island: the trip
    # crosses the sea); "" when they are
    road_not_quantified: str = ""


@dataclass(frozen=True)
class PracticeHit:
    """A good practice of the study that applies to this commune."""

    practice_id: str
    title: str
    text: str
    theme: str
    site_ids: tuple[str, ...]
    reason: str  # French: why it applies here
    debated: bool = False  # True where interviewees disagree (both positions in `text`)


@dataclass(frozen=True)
class Risk:
    """A risk the project runs, with its severity."""

    risk_id: str
    severity: Severity
    title: str
    text: str
    mitigation: str
    site_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Confidence:
    """How far the verdict rests on the commune's own answers rather than on defaults."""

    level: Literal["high", "medium", "low"]
    label: str  # French: "élevée", "moyenne", "faible"
    # French: the inputs left blank (defaults used), then the uncertainties that carry the
    # verdict (the tool's animation « à prévoir », a wide users range, a typed count of nearby
    # places below the sources')
    defaults: tuple[str, ...]
    sentence: str  # French, for the synthesis


@dataclass(frozen=True)
class Verdict:
    """Overall judgement."""

    level: VerdictLevel
    label: str  # "Favorable", "Favorable sous conditions", "Déconseillé en l'état"
    summary: str  # French, two or three sentences
    conditions: tuple[str, ...]  # 3 to 5
    next_steps: tuple[str, ...]
    timeline: tuple[tuple[str, str], ...] = ()  # (when, what), e.g. ("Mois 1-3", "...")
    confidence: Confidence | None = None
    missing: tuple[str, ...] = ()  # French: what a favourable verdict still lacks
    basis: dict[str, bool] = field(default_factory=dict)  # carrier, place, demand, funded...


@dataclass(frozen=True)
class ExistingPlace:
    """A tiers-lieu that already exists near the commune (one place = one entry)."""

    name: str
    commune: str
    insee_code: str
    distance_km: float | None  # straight line from the commune's centre
    minutes: float | None  # approximate travel time, when the directory gives it
    type: str  # French
    sources: tuple[str, ...]  # French: "étude de terrain 2017", "liste nationale 2019"
    where: str  # "commune" (same town), "close" (within close_km), "catchment", "beyond"
    site_id: str | None = None  # the study site, when it is one


@dataclass(frozen=True)
class ExistingOffer:
    """What already exists: counted in demand, risks, verdict, synthesis and options."""

    places: tuple[ExistingPlace, ...]  # nearest first, deduplicated
    count_found: int | None  # places within the catchment found (None: no directory)
    count_typed: int | None  # the profile's nearby_third_places
    count_used: int  # the count that enters demand and risks
    count_reason: str  # French: which count is used and why
    statement: str  # French sentence for the synthesis ("" when nothing exists nearby)
    method: str  # French: radii and sources

    @property
    def in_commune(self) -> tuple[ExistingPlace, ...]:
        """Places in the commune itself (same INSEE code or same town)."""
        return tuple(p for p in self.places if p.where == "commune")

    @property
    def close(self) -> tuple[ExistingPlace, ...]:
        """Places within the close radius, the commune's own excluded."""
        return tuple(p for p in self.places if p.where == "close")


@dataclass(frozen=True)
class Option:
    """One way to meet the need, compared with the others in every note."""

    option_id: str  # join_existing, shared_desk, pop_up, dedicated
    title: str  # French
    description: str  # French
    cost: str  # French order of magnitude ("2 000 à 5 000 € par an")
    cost_source: str  # study reference or "valeur par défaut : …"
    criterion: str  # French: when to choose it
    advised: bool  # the option the note advises first


@dataclass(frozen=True)
class Options:
    """The 3–4 options compared, advised first, and why."""

    options: tuple[Option, ...]
    advice: str  # French: which option first, and why


@dataclass(frozen=True)
class AnalysisResult:
    """Everything the note and the screens show."""

    profile: dict[str, Any]  # the input profile, as its JSON dict
    commune: CommuneSummary
    verdict: Verdict
    typologies: tuple[TypologyMatch, ...]  # best first
    sites: tuple[SiteMatch, ...]  # best first, all ten
    demand: Demand
    sizing: Sizing
    finance: Finance
    impact: Impact
    practices: tuple[PracticeHit, ...]
    risks: tuple[Risk, ...]  # most severe first
    warnings: tuple[str, ...] = ()  # profile warnings (French)
    method: dict[str, Any] = field(default_factory=dict)  # weights, thresholds, assumptions
    versions: dict[str, str] = field(default_factory=dict)  # tool, knowledge, data vintages
    existing: ExistingOffer | None = None  # tiers-lieux that already exist nearby
    options: Options | None = None  # join / shared desk / pop-up / dedicated place

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (tuples become lists)."""
        return dataclasses.asdict(self)
