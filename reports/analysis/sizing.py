"""How big the place should be: workstations, closed offices, meeting room, surface."""

from __future__ import annotations

import math
from typing import Any

from reports import codes
from reports.analysis.parameters import Params
from reports.analysis.texts import text
from reports.fmt import fmt_number, fmt_percent
from reports.profile import Building, Profile
from reports.result import Demand, SiteMatch, Sizing


def size_place(profile: Profile, demand: Demand, matches: tuple[SiteMatch, ...], kb: Any,
               params: Params) -> Sizing:
    """Recommended size for the central demand, with the building that fits best."""
    services = set(profile.services or ["open_space"])
    users = demand.users.central
    fill, presence = params("fill_rate_target"), params("presence_rate")
    offices, workstations = _desks(services, users, fill, presence, params)
    rooms = 1 if services & {"meeting_room", "training"} else 0
    surface = _surface(workstations, offices, rooms, services, params)
    notes = [_fill_note(workstations, users, fill, presence, params)] if workstations else []
    if offices:
        what = (text("sizing.notes.one_office") if offices == 1
                else text("sizing.notes.offices", offices=fmt_number(offices)))
        notes.append(text("sizing.notes.shared_offices", what=what,
                          share=fmt_number(params("users_per_shared_office"))))
    if not services & {"closed_offices", "meeting_room"}:
        notes.append(text("sizing.notes.closed_room"))
    notes.append(text("sizing.notes.capacity",
                      per_desk=fmt_number(fill / presence, 1), fill=fmt_percent(fill),
                      presence=fmt_percent(presence),
                      share=fmt_number(params("users_per_shared_office"))))
    notes.append(text("sizing.notes.start_small"))
    main, antennas = main_and_antennas(profile.buildings)
    index, code = _best_building(profile.buildings, main, surface, params)
    building = profile.buildings[index] if index is not None else None
    ws1, off1, surface1 = phase_one(building, workstations, offices, rooms, services, surface,
                                    params)
    if (ws1, off1) != (workstations, offices):
        where = _phase_two_place(profile.buildings, antennas,
                                 _surface(workstations - ws1, offices - off1, 0, set(), params))
        notes.insert(0, _phase_note(building, ws1, off1, workstations - ws1, offices - off1,
                                    where))
    return Sizing(workstations, offices, rooms, float(surface), fill,
                  _reference_sites(demand, matches, kb, params), tuple(notes),
                  building_name=None if index is None else
                  (building.name or unnamed_building(index + 1)),
                  building_fit=None if code is None else
                  fit_text(code, building.surface_m2, surface),
                  building_index=index, building_fit_code=code,
                  phase1_workstations=ws1, phase1_closed_offices=off1,
                  phase1_surface_m2=float(surface1), phase2_workstations=workstations - ws1,
                  phase2_closed_offices=offices - off1,
                  capacity_users=round(capacity(ws1, off1, params), 1),
                  antenna_indices=antennas,
                  antennas_text=antennas_text(profile.buildings, antennas, index),
                  antennas_unpriced=antennas_unpriced(profile.buildings, antennas))


def main_and_antennas(buildings: list[Building]) -> tuple[list[int], tuple[int, ...]]:
    """The indexes of the candidates for the main site, and of the antennas (role
    "antenna": other sites of the same project, never an alternative to the main one).
    When every building is an antenna, the first one is taken as the main site."""
    antennas = [i for i, b in enumerate(buildings) if b.role == "antenna"]
    main = [i for i in range(len(buildings)) if i not in antennas]
    if not main and antennas:
        main, antennas = [antennas[0]], antennas[1:]
    return main, tuple(antennas)


def main_buildings(buildings: list[Building]) -> list[Building]:
    """The buildings that may hold the main site (the antennas left out): what the
    practices', programmes' and local reasons' conditions read of the place."""
    return [buildings[i] for i in main_and_antennas(buildings)[0]]


def _antenna_items(buildings: list[Building], antennas: tuple[int, ...],
                   state: bool = True) -> str:
    """« Salle de la mairie annexe (Olargues) (45 m², utilisable en l'état) ; … »."""
    items = []
    for i in antennas:
        b = buildings[i]
        size = (text("sizing.antennas.surface", surface=fmt_number(b.surface_m2))
                if b.surface_m2 else text("sizing.antennas.no_surface"))
        label = (codes.label_of(codes.BUILDING_STATES, b.state).split(" (")[0].lower()
                 if state else "")
        items.append(text("sizing.antennas.item", name=b.name or unnamed_building(i + 1),
                          detail=", ".join(part for part in (size, label) if part)))
    return " ; ".join(items)


def antennas_unpriced(buildings: list[Building], antennas: tuple[int, ...]) -> str:
    """The finance section's line: the antennas' running costs are not in the budget,
    « à chiffrer », with their area; "" without antennas."""
    if not antennas:
        return ""
    return text("sizing.antennas.unpriced_one" if len(antennas) == 1
                else "sizing.antennas.unpriced_many",
                items=_antenna_items(buildings, antennas, state=False))


def antennas_text(buildings: list[Building], antennas: tuple[int, ...], main: int | None
                  ) -> str:
    """What the note says of the antennas: which they are, that only the main site is sized,
    costed and judged, and what is left « à chiffrer » (their area); "" without antennas."""
    if not antennas:
        return ""
    known = [buildings[i].surface_m2 for i in antennas if buildings[i].surface_m2]
    unknown = len(known) < len(antennas)
    total = (text("sizing.antennas.total_unknown") if not known
             else text("sizing.antennas.total", surface=fmt_number(sum(known)),
                       more=text("sizing.antennas.total_more") if unknown else ""))
    one = len(antennas) == 1
    main_name = (buildings[main].name or unnamed_building(main + 1)) if main is not None else ""
    return " ".join((
        text("sizing.antennas.list_one" if one else "sizing.antennas.list_many",
             count=fmt_number(len(antennas)), items=_antenna_items(buildings, antennas)),
        text("sizing.antennas.scope_one" if one else "sizing.antennas.scope_many",
             main=main_name, total=total),
        text("sizing.antennas.study")))


def capacity(workstations: int, offices: int, params: Params) -> float:
    """Regular users a place holds at the fill-rate target.

    An open desk is used ``fill ÷ presence`` regular users' worth (0,7 ÷ 0,5 = 1,4), a shared
    closed office ``users_per_shared_office`` (2).
    """
    fill, presence = params("fill_rate_target"), params("presence_rate")
    return workstations * fill / presence + offices * params("users_per_shared_office")


def phase_one(building: Building | None, workstations: int, offices: int, rooms: int,
              services: set[str], surface: float, params: Params) -> tuple[int, int, float]:
    """Open desks, closed offices and surface that fit in the retained building now.

    The whole recommendation when there is no building, its surface is unknown or it is not
    smaller than the advice. Otherwise the shared areas and the rooms keep their place and the
    desks and offices shrink in the proportion of the room left for them in the building to
    the room the advice gives them (rounded down): a building smaller than advised always
    has a phase 2, so that `building_fit`'s « plus petit que conseillé » and the phases say
    one thing.
    """
    if building is None or not building.surface_m2 or building.surface_m2 >= surface:
        return workstations, offices, surface
    share, fixed = 1 + params("common_areas_share"), _fixed_m2(rooms, services, params)
    usable, wanted = building.surface_m2 / share - fixed, surface / share - fixed
    factor = max(0.0, usable / wanted) if wanted > 0 else 0.0
    ws1, off1 = math.floor(workstations * factor), math.floor(offices * factor)
    if ws1 == off1 == 0 and usable >= params("m2_per_workstation") and workstations:
        ws1 = 1
    return ws1, off1, float(building.surface_m2)


def _phase_two_place(buildings: list[Building], antennas: tuple[int, ...], need: int) -> str:
    """Where phase 2 goes: an extension, or the project's antenna when it has the `need`
    (phase 2's desks and offices with their shared areas, m²), named in every case."""
    if not antennas:
        return text("sizing.phase.where")
    items = _antenna_items(buildings, antennas, state=False)
    key = "sizing.phase.where_antennas"
    if len(antennas) == 1:
        surface = buildings[antennas[0]].surface_m2
        key = ("sizing.phase.where_antenna" if not surface else
               "sizing.phase.where_antenna_fits" if surface >= need
               else "sizing.phase.where_antenna_small")
    return text(key, items=items, need=fmt_number(need))


def _phase_note(building: Building, ws1: int, off1: int, ws2: int, off2: int,
                where: str) -> str:
    """Phase 1 in the building, phase 2 for the rest (`where`: the antennas, if any, or
    an extension), in one sentence."""
    def posts(ws: int, off: int) -> str:
        parts = []
        if ws or not off:
            parts.append(text("sizing.phase.workstations", count=fmt_number(ws),
                              plural="" if ws < 2 else "s"))
        if off:
            parts.append(text("sizing.phase.offices", count=fmt_number(off),
                              x="" if off < 2 else "x", plural="" if off < 2 else "s"))
        return text("sizing.phase.and").join(parts)

    return text("sizing.phase.note", surface=fmt_number(building.surface_m2),
                phase1=posts(ws1, off1), phase2=posts(ws2, off2), where=where)


def unnamed_building(rank: int) -> str:
    """``Bâtiment n° 2``: how the note names a candidate building without a name."""
    return text("sizing.building.unnamed", rank=rank)


def _desks(services: set[str], users: float, fill: float, presence: float,
           params: Params) -> tuple[int, int]:
    """Closed offices shared by part-timers, and open workstations for the others."""
    share = params("users_per_shared_office")
    if "closed_offices" not in services:
        office_users = 0.0
    elif "open_space" in services:
        office_users = users * params("closed_office_share")
    else:
        office_users = users
    offices = max(1, math.ceil(office_users / share)) if office_users else 0
    if "open_space" not in services and offices:
        return offices, 0
    open_users = max(users - office_users, 0)
    return offices, max(params("minimum_workstations"), math.ceil(open_users * presence / fill))


def _fixed_m2(rooms: int, services: set[str], params: Params) -> float:
    """The areas that do not grow with the users: meeting rooms, fablab, public services."""
    fixed = rooms * params("m2_meeting_room")
    if "fablab" in services:
        fixed += params("m2_fablab")
    if "public_services" in services:
        fixed += params("m2_public_services")
    return fixed


def _surface(workstations: int, offices: int, rooms: int, services: set[str],
             params: Params) -> int:
    """Useful surface plus shared areas, rounded up to the step ``surface_step_m2``."""
    useful = (workstations * params("m2_per_workstation")
              + offices * params("m2_per_closed_office") + _fixed_m2(rooms, services, params))
    total = useful * (1 + params("common_areas_share"))
    step = params("surface_step_m2")
    return int(math.ceil(total / step) * step)


def _fill_note(workstations: int, users: float, fill: float, presence: float,
               params: Params) -> str:
    """The fill-rate rule in one sentence."""
    return text("sizing.notes.fill", workstations=fmt_number(workstations),
                users=fmt_number(users), presence=fmt_percent(presence), fill=fmt_percent(fill),
                minimum=fmt_number(params("minimum_workstations")))


FIT_CODES = ("unknown_surface", "too_big", "too_small", "fits")


def building_fit(surface_m2: float | None, advised_m2: float, params: Params) -> str:
    """The one rule for a building's size against the advised surface: a FIT_CODES code.

    Too big beyond ``oversize_ratio`` times the advice, too small under the advice itself (the
    desks then do not all fit: `phase_one` keeps some for a phase 2). The results, the risks
    and the building dialog all judge with it."""
    if not surface_m2:
        return "unknown_surface"
    if surface_m2 > advised_m2 * params("oversize_ratio"):
        return "too_big"
    return "too_small" if surface_m2 < advised_m2 else "fits"


def fit_text(code: str, surface_m2: float | None, advised_m2: float) -> str:
    """The French sentence of a fit code (``Plus petit que conseillé (90 m² pour …) : …``)."""
    if code == "unknown_surface":
        return text("sizing.fit.unknown_surface")
    return text(f"sizing.fit.{code}", size=fit_size(surface_m2, advised_m2))


def fit_size(surface_m2: float | None, advised_m2: float) -> str:
    """``90 m² pour 120 m² conseillés``."""
    return text("sizing.fit.size", surface=fmt_number(surface_m2), advised=fmt_number(advised_m2))


def _best_building(buildings: list[Building], candidates: list[int], surface: float,
                   params: Params) -> tuple[int | None, str | None]:
    """Among the candidates for the main site (indexes), the one whose surface is closest to
    the advice, and its fit code."""
    if not candidates:
        return None, None
    known = [i for i in candidates if buildings[i].surface_m2]
    if not known:
        return candidates[0], "unknown_surface"
    best = min(known, key=lambda i: abs(math.log(buildings[i].surface_m2 / surface)))
    return best, building_fit(buildings[best].surface_m2, surface, params)


def _reference_sites(demand: Demand, matches: tuple[SiteMatch, ...], kb: Any, params: Params
                     ) -> tuple[str, ...]:
    """Sites whose size the study documents among the closest ones, plus demand references."""
    count = params("sizing_reference_sites")
    sized = [m.site_id for m in matches[:count["closest"]]
             if kb.site(m.site_id).surface_m2 or kb.site(m.site_id).workstations]
    return tuple(dict.fromkeys([*demand.reference_sites, *sized[:count["kept"]]]))
