"""Rank the study's sites and typologies by similarity to the commune, criterion by criterion.

Score = sum of weight × similarity over the seven criteria (weights sum to 1). No averaging
trap: a decisive criterion far off (another kind of carrier, a commune ten times larger or
smaller) caps the whole score whatever the others say. A typology is compared through its
conditions and its closest documented site taken as a whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reports.analysis import criteria as cr
from reports.analysis.conditions import check
from reports.analysis.features import Features, site_features
from reports.analysis.parameters import Params
from reports.analysis.texts import text
from reports.fmt import fmt_number, fmt_ratio
from reports.profile import Profile
from reports.result import Contribution, SiteMatch, TypologyMatch

Raw = dict[str, tuple[float | None, str]]  # criterion -> (similarity or unknown, sentence)


def _score(raw: Raw, params: Params) -> tuple[float, tuple[Contribution, ...], str | None]:
    """Weighted score, the contributions, and the criterion that capped it (if any)."""
    weights, neutral = params("match_weights"), params("neutral_similarity")
    decisive = params("decisive")
    contributions, cap, capped_by = [], 1.0, None
    for name in cr.CRITERIA:
        sim, sentence = raw[name]
        rule = decisive.get(name)
        is_decisive = sim is not None and rule is not None and sim < rule["below"]
        if is_decisive:
            sentence += text("matching.criterion.decisive", cap=fmt_ratio(rule["cap"]))
            if rule["cap"] < cap:
                cap, capped_by = rule["cap"], name
        value = neutral if sim is None else sim
        contributions.append(Contribution(name, cr.LABELS[name], round(value, 4),
                                          weights[name], round(value * weights[name], 4),
                                          sentence, is_decisive))
    total = sum(c.points for c in contributions)
    if total <= cap:  # the mismatch is flagged, but it did not lower the score
        return round(total, 4), tuple(contributions), None
    return round(cap, 4), tuple(contributions), capped_by


def compare_site(me: Features, site: Any, params: Params) -> Raw:
    """Every criterion between the commune and one site."""
    them = site_features(site, params)
    return {name: cr.COMPARE[name](me, them, site.commune, params) for name in cr.CRITERIA}


def match_sites(me: Features, sites: Iterable[Any], params: Params
                ) -> tuple[tuple[SiteMatch, ...], dict[str, Raw]]:
    """All sites ranked best first, and the raw comparisons (reused for typologies)."""
    ranked, raws = [], {}
    for order, site in enumerate(sites):
        raw = raws[site.site_id] = compare_site(me, site, params)
        score, contributions, capped_by = _score(raw, params)
        ranked.append((-score, order, SiteMatch(
            site.site_id, site.name, site.commune, site.departement, site.insee_code,
            site.typology_id, score, contributions, capped_by)))
    ranked.sort(key=lambda item: item[:2])
    return tuple(item[2] for item in ranked), raws


# --- typologies -----------------------------------------------------------------------

_CRITERION_OF = {
    "population_min": "population", "population_max": "population", "zau2010": "territory",
    "concentration_classes": "concentration", "carrier_types": "carrier",
    "building_owners": "building", "budget_levels": "budget", "services_any": "services",
}


def _condition_similarity(criterion: str, conditions: Mapping[str, Any], carriers: tuple[str, ...],
                          me: Features, params: Params) -> tuple[float | None, str]:
    """What the typology's own conditions say about one criterion (None: nothing)."""
    keys = [k for k, c in _CRITERION_OF.items() if c == criterion and k in conditions]
    if criterion == "carrier":
        return _carrier_fit(conditions, carriers, me, params)
    if not keys:
        return None, ""
    sims = [_one_condition(k, conditions[k], me, params) for k in keys]
    known = [s for s in sims if s is not None]
    if not known:
        return None, ""
    # the model's own size threshold, said: its proximity is averaged with the site's, and
    # « tailles très différentes » read beside 59 % without it (Villeurbanne)
    said = [text(f"matching.threshold.{k}_{'met' if s >= 1 else 'unmet'}",
                 value=fmt_number(conditions[k]))
            for k, s in zip(keys, sims, strict=True) if k.startswith("population_")
            and s is not None]
    return min(known), " ".join(said)


def _carrier_fit(conditions: Mapping[str, Any], carriers: tuple[str, ...], me: Features,
                 params: Params) -> tuple[float | None, str]:
    """The typology's carriers: those of the study first, then those it may also suit."""
    accepted = [c for c in conditions.get("carrier_types", ()) if c not in carriers]
    names = text("matching.carrier.or").join(cr.CARRIER_PHRASES[c] for c in carriers)
    study = text("matching.carrier.study", carriers=names) if carriers else ""
    if me.carrier in carriers:
        return 1.0, study
    if me.carrier in accepted:
        return params("accepted_carrier_similarity"), text(
            "matching.carrier.also", study=study, carrier=cr.CARRIER_PHRASES[me.carrier])
    listed = [c for c in (*carriers, *accepted) if c != "undecided"]
    if not listed:
        return None, ""
    return max(cr.carrier_similarity(me.carrier, c, params) for c in listed), study


def _one_condition(key: str, value: Any, me: Features, params: Params) -> float | None:
    """Similarity of the commune to one condition (partial when close to it)."""
    if key == "population_min":
        return 1.0 if me.population >= value else cr.population_similarity(
            me.population, value, params)
    if key == "population_max":
        return 1.0 if me.population <= value else cr.population_similarity(
            me.population, value, params)
    if key == "zau2010":
        return None if me.zau is None else max(
            cr.territory_similarity(me.zau, z, params) for z in value)
    if key == "concentration_classes":
        return None if me.concentration_class is None else float(
            me.concentration_class in value)
    if key == "building_owners":
        return None if me.owner is None else max(
            cr.owner_similarity(me.owner, o, params) for o in value)
    if key == "budget_levels":
        return None if me.budget_level is None else max(
            cr.level_similarity(me.budget_level, b) for b in value)
    if key == "services_any":
        return float(bool(me.services & set(value)))
    return None


def _typology_raw(typology: Any, me: Features, raws: dict[str, Raw], params: Params) -> Raw:
    """Per criterion: the typology's conditions and its closest documented site, combined."""
    members = [s for s in typology.site_ids if s in raws]
    # the closest documented member as a whole, not the best of each member per criterion
    # (which would assemble a site that does not exist and favour models with many sites)
    closest = max(members, key=lambda s: _score(raws[s], params)[0], default=None)
    members = [closest] if closest is not None else []
    raw: Raw = {}
    for name in cr.CRITERIA:
        cond_sim, cond_text = _condition_similarity(name, typology.conditions,
                                                    tuple(typology.carrier_types), me, params)
        if name == "carrier" and cond_sim is not None:
            raw[name] = (cond_sim, cond_text)  # a model is defined by who carries it
            continue
        best = max(((raws[s][name][0], raws[s][name][1]) for s in members
                    if raws[s][name][0] is not None), default=None, key=lambda x: x[0])
        rule = params("decisive").get(name)
        if best and rule is not None and best[0] < rule["below"]:
            raw[name] = best  # a model is never closer than the site it rests on (Villeurbanne)
            continue
        parts = [x for x in (cond_sim, best[0] if best else None) if x is not None]
        sim = sum(parts) / len(parts) if parts else None
        if best and sim is not None and cr.degree(sim, params) == cr.degree(best[0], params):
            cond_text = ""  # the site's words (« tailles proches ») still fit the figure
        sentence = " ".join(t for t in (best[1] if best else "", cond_text) if t)
        raw[name] = (sim, sentence or raw_unknown(name))
    return raw


def raw_unknown(criterion: str) -> str:
    """Sentence for a criterion neither the model nor its sites speak to."""
    return text("matching.criterion.unknown", criterion=cr.LABELS[criterion])


def _unmet_extra(typology: Any, profile: Profile, me: Features) -> list[str]:
    """Conditions of the typology that the commune does not meet, outside the seven criteria,
    and what a model is named for (the hybrid model's fablab, the public telecentre's public
    host: a project without it only shares its name)."""
    out = []
    for key in ("staffed", "commune_support", "building_states", "services_any", "public_host"):
        if key in typology.conditions:
            outcome = check(key, typology.conditions[key], profile, me)
            if outcome.holds is False:
                out.append(outcome.reason)
    return out


def match_typologies(me: Features, profile: Profile, typologies: Iterable[Any],
                     raws: dict[str, Raw], params: Params) -> tuple[TypologyMatch, ...]:
    """All typologies ranked best first; `raws` holds the sites still in the references."""
    ranked = []
    for order, typology in enumerate(typologies):
        score, contributions, capped_by = _score(_typology_raw(typology, me, raws, params),
                                                 params)
        unmet = _unmet_extra(typology, profile, me)
        score = round(score * params("unmet_condition_factor") ** len(unmet), 4)
        summary = _summary(typology, contributions, capped_by, unmet, params)
        ranked.append((-score, order, TypologyMatch(
            typology.typology_id, typology.name, score, contributions, summary,
            tuple(s for s in typology.site_ids), capped_by, unmet=tuple(unmet))))
    ranked.sort(key=lambda item: item[:2])
    return tuple(item[2] for item in ranked)


def _summary(typology: Any, contributions: tuple[Contribution, ...], capped_by: str | None,
             unmet: list[str], params: Params) -> str:
    """One or two French sentences: the strongest and weakest criteria, and any obstacle."""
    limits = params("summary_thresholds")
    ordered = sorted(contributions, key=lambda c: -c.similarity)
    strong = [c.label.lower() for c in ordered if c.similarity >= limits["strong"]][:2]
    weak = [c.label.lower() for c in ordered[::-1] if c.similarity < limits["weak"]][:2]
    parts = []
    if strong:
        parts.append(text("matching.summary.strong", criteria=", ".join(strong)))
    if weak:
        parts.append(text("matching.summary.weak", criteria=", ".join(weak)))
    if capped_by:
        parts.append(text("matching.summary.capped", criterion=cr.LABELS[capped_by].lower()))
    if unmet:
        parts.append(text("matching.summary.unmet", conditions="; ".join(unmet)))
    if not parts:
        parts.append(text("matching.summary.average"))
    return " ".join(parts) + text("matching.summary.fits", fits=typology.fits)
