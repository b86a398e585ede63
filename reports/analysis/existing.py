"""What already exists: the tiers-lieux near the commune, each counted once.

Two sources: the national list of 2019 (CGET, in the communes directory) and the ten sites of
the 2017 study (by INSEE code; El Quadrat is not in the list). A study site that is also in
the list is one place (correspondence in resources/analysis/existing_places.json), and two
entries of the list in the same commune whose names contain each other are one place.
This module is the one place-finder: the places it counts in the zone (commune, close,
catchment) are the places the demand shares with (`zone_places`), and the reference sites'
zones are weighted by the same rule (`weighted`). A place is in the zone when the directory
reaches it within ``catchment_minutes`` (the zone de chalandise), or, without travel times,
within ``catchment_km``; « close » is a place of the zone within ``close_km``.
The count within the catchment enters demand, risks and verdict; a count typed in the profile
overrides it, and the note says which one is used. A place in the commune itself is always
stated, whatever was typed: it is a documented fact, to be checked on the ground.
The wording is in resources/analysis/text/existing.toml.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from reports.analysis.texts import counted, text
from reports.communes import distance_km
from reports.fmt import fmt_number
from reports.paths import read_text
from reports.profile import Profile
from reports.result import ExistingOffer, ExistingPlace
from reports.textnorm import fold


@cache
def settings() -> dict[str, Any]:
    """Radii and the study-site ↔ national-list correspondence (existing_places.json)."""
    return json.loads(read_text("analysis", "existing_places.json"))


def radius(name: str) -> float:
    """One of the figures of existing_places.json (radii, names in the synthesis)."""
    return float(settings()[name]["value"])


def _where(place_insee: str, distance: float | None, commune_insee: str,
           reached: bool | None = None) -> str:
    """commune / close / catchment / beyond, from the INSEE code, the distance and, when the
    directory computes travel times, whether the place is within the catchment's minutes."""
    if place_insee and place_insee == commune_insee:
        return "commune"
    if distance is not None and distance <= radius("same_town_km"):
        return "commune"
    if reached is False:  # the zone is the road-time catchment: beyond it, whatever the km
        return "beyond"
    if distance is not None and distance <= radius("close_km"):
        return "close"
    if reached is not None:
        return "catchment"
    if distance is None:
        return "beyond"
    return "catchment" if distance <= radius("catchment_km") else "beyond"


def kind_of(type_label: str | None, site_id: str | None = None) -> str:
    """coworking, fablab or unknown, from the national list's wording (a study site: coworking)."""
    words = (type_label or "").lower()
    if "fablab" in words:
        return "fablab"
    if "coworking" in words or site_id:
        return "coworking"
    return "unknown"


def weighted(places: Any, params: Any, exclude_site: str | None = None
             ) -> tuple[dict[str, Any], ...]:
    """Places as the demand shares with them, each with its weight (``existing_place_weights``).

    `places` are the directory catchment's third places or this module's `ExistingPlace`s."""
    weights = params("existing_place_weights")
    out = []
    for place in places:
        site_id = getattr(place, "study_site_id", None) or getattr(place, "site_id", None)
        if exclude_site and site_id == exclude_site:
            continue
        kind = kind_of(getattr(place, "cget_type", None) or getattr(place, "type", None),
                       site_id)
        out.append({"name": place.name, "commune": place.commune,
                    "insee_code": place.insee_code, "minutes": place.minutes,
                    "road_km": getattr(place, "road_km", None), "kind": kind,
                    "weight": weights[kind], "study_site_id": site_id})
    return tuple(out)


def zone_places(offer: ExistingOffer, params: Any) -> tuple[dict[str, Any], ...]:
    """The places of the commune's zone the offer counts (``count_found``), weighted."""
    return weighted([p for p in offer.places if p.where != "beyond"], params)


def zone_of(directory: Any, insee_code: str, minutes: int) -> Any:
    """The directory's road-time catchment of a commune (`Directory.catchment`), or None."""
    if directory is None or not insee_code or not hasattr(directory, "catchment"):
        return None
    try:
        return directory.catchment(insee_code, minutes=minutes)
    except Exception:  # a broken directory must not stop the analysis
        return None


def _minutes_by_place(catchment: Any) -> dict[tuple[str, str], float]:
    """Minutes to each place of the catchment, by (INSEE code, folded name) and by site id."""
    found: dict[tuple[str, str], float] = {}
    for place in getattr(catchment, "third_places", ()) or ():
        found[(place.insee_code, fold(place.name))] = place.minutes
        if getattr(place, "study_site_id", None):
            found[("site", place.study_site_id)] = place.minutes
    return found


def _directory_places(neighbourhood: Any) -> list[Any]:
    """The list's places around the commune, nearest first (travel time when available)."""
    if neighbourhood is None:
        return []
    return list(getattr(neighbourhood, "third_places", ()) or ())


def _same_name(fa: str, fb: str) -> bool:
    """Two entries of the list in one commune name one place when one folded name contains
    the other (« CapWork », « Cap Work Verniolle »)."""
    return bool(fa and fb) and (fa in fb or fb in fa)


def _site_coordinates(directory: Any, insee: str) -> tuple[float, float] | None:
    """Latitude and longitude of a study site's commune, from the directory."""
    if directory is None or not insee:
        return None
    try:
        found = directory.by_insee(insee)
    except Exception:  # a broken directory must not stop the analysis
        return None
    if found is None or found.lat is None or found.lon is None:
        return None
    return found.lat, found.lon


def find_existing(profile: Profile, kb: Any, neighbourhood: Any, directory: Any
                  ) -> ExistingOffer:
    """Every existing place near the commune, deduplicated, and the count that is used."""
    commune_insee = profile.commune.insee_code or ""
    aliases = settings()["study_sites_in_national_list"]
    listed = _directory_places(neighbourhood)
    places: list[ExistingPlace] = []
    used_listing: set[int] = set()
    here = _site_coordinates(directory, commune_insee)
    catchment = zone_of(directory, commune_insee, int(radius("catchment_minutes")))
    minutes = _minutes_by_place(catchment) if catchment is not None else None
    for site in kb.sites:
        names = {fold(n) for n in aliases.get(site.site_id, [])}
        twins = [i for i, p in enumerate(listed)
                 if names and p.insee_code == site.insee_code and fold(p.name) in names]
        used_listing.update(twins)
        distance = _site_distance(site, listed, twins, here, directory)
        time = minutes.get(("site", site.site_id)) if minutes is not None else None
        where = _where(site.insee_code or "", distance, commune_insee,
                       None if minutes is None else time is not None)
        if where == "beyond" and site.insee_code != commune_insee:
            continue
        sources = (text("existing.sources.study"),) + (
            (text("existing.sources.list"),) if twins else ())
        places.append(ExistingPlace(site.name, site.commune, site.insee_code or "", distance,
                                    time, text("existing.types.study_site"), sources,
                                    where, site.site_id))
    kept: dict[str, list[str]] = {}  # INSEE code -> folded names already kept
    for i, place in enumerate(listed):
        folded = fold(place.name)
        twins_here = kept.setdefault(place.insee_code, [])
        if i in used_listing or any(_same_name(folded, k) for k in twins_here):
            continue
        twins_here.append(folded)
        distance = getattr(place, "distance_km", None)
        time = (minutes.get((place.insee_code, fold(place.name))) if minutes is not None
                else None)
        where = _where(place.insee_code, distance, commune_insee,
                       None if minutes is None else time is not None)
        places.append(ExistingPlace(
            place.name, place.commune, place.insee_code, distance, time, place.type_label,
            (text("existing.sources.list"),), where))
    order = {"commune": 0, "close": 1, "catchment": 2, "beyond": 3}
    places.sort(key=lambda p: (order[p.where], p.distance_km if p.distance_km is not None
                               else 0.0, fold(p.name)))
    return _offer(profile, tuple(places), neighbourhood is not None, catchment is not None)


def _site_distance(site: Any, listed: list[Any], twins: list[int],
                   here: tuple[float, float] | None, directory: Any) -> float | None:
    """A study site's distance: its list entry's when it has one, else commune to commune."""
    if twins:
        return getattr(listed[twins[0]], "distance_km", None)
    there = _site_coordinates(directory, site.insee_code or "")
    if here is None or there is None:
        return None
    return round(distance_km(here[0], here[1], there[0], there[1]), 1)


def _offer(profile: Profile, places: tuple[ExistingPlace, ...], has_directory: bool,
           by_time: bool = False) -> ExistingOffer:
    """The count used (typed or found), its reason, and the synthesis sentence."""
    found = sum(p.where in ("commune", "close", "catchment") for p in places)
    typed = profile.territory.nearby_third_places
    radius_km = _zone(by_time)
    if typed is not None:
        used = typed
        said = counted(typed, "common.nouns.third_place")
        if found:
            reason = text("existing.count.typed", typed=said, radius=radius_km,
                          found=counted(found, "common.nouns.third_place"))
        elif typed:  # not « la liste nationale et l'étude en recensent aucun » (Castelnaudary)
            reason = text("existing.count.typed_none", typed=said, radius=radius_km)
        else:
            reason = text("existing.count.typed_agree", radius=radius_km)
    elif has_directory or found:
        used = found
        reason = (text("existing.count.found", found=counted(found, "common.nouns.third_place"),
                       radius=radius_km) if found
                  else text("existing.count.none_found", radius=radius_km))
    else:
        used = 0
        reason = text("existing.count.unknown")
    return ExistingOffer(places, found if (has_directory or found) else None, typed, used,
                         reason, _statement(profile, places, typed), _method(by_time))


def _statement(profile: Profile, places: tuple[ExistingPlace, ...], typed: int | None) -> str:
    """One sentence for the synthesis: the place in the commune, or the closest ones."""
    here = [p for p in places if p.where == "commune"]
    close = [p for p in places if p.where == "close"]
    if here:
        names = _listed(here)
        if len(here) > 1:  # « 3 tiers-lieux existent déjà », never « en signalent un : A, B, C »
            key = ("existing.statement.here_typed_zero_many" if typed == 0
                   else "existing.statement.here_many")
            return text(key, commune=profile.commune.name, places=names,
                        count=counted(len(here), "common.nouns.third_place"))
        key = "existing.statement.here_typed_zero" if typed == 0 else "existing.statement.here"
        return text(key, commune=profile.commune.name, places=names)
    if close:
        key = "existing.statement.close_one" if len(close) == 1 else "existing.statement.close"
        # Le Haillan read « 4 tiers-lieux à moins de 10 km : » and three names
        return text(key, places=_listed(close, 3),
                    count=counted(len(close), "common.nouns.third_place"),
                    radius=fmt_number(radius("close_km")))
    return ""


def _listed(places: list[ExistingPlace], shown: int | None = None) -> str:
    """The first places named, and how many others the commune section lists."""
    shown = int(radius("synthesis_names")) if shown is None else shown
    names = ", ".join(_named(p) for p in places[:shown])
    if len(places) > shown:
        others = len(places) - shown
        names = text("existing.statement.others" if others > 1 else "existing.statement.other",
                     names=names, others=fmt_number(others))
    return names


def _named(place: ExistingPlace) -> str:
    """« El Quadrat (Prades, étude de terrain 2017) »."""
    where = place.commune or ""
    if place.where != "commune" and place.distance_km is not None:
        where = text("existing.named.distance", commune=place.commune,
                     km=fmt_number(place.distance_km, 1))
    return text("existing.named.text", name=place.name, where=where,
                sources=" ; ".join(place.sources))


def _zone(by_time: bool) -> str:
    """The zone in words: « moins de 20 minutes de route… » or « moins de N km… »."""
    if by_time:
        return text("existing.zone.minutes", minutes=fmt_number(radius("catchment_minutes")))
    return text("existing.zone.km", km=fmt_number(radius("catchment_km")))


def _method(by_time: bool = False) -> str:
    """How the places were found (for the note's method annex)."""
    return text("existing.method.text", same=fmt_number(radius("same_town_km")),
                close=fmt_number(radius("close_km")), zone=_zone(by_time))
