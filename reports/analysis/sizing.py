"""How big the place should be: workstations, closed offices, meeting room, surface."""

from __future__ import annotations

import math
from typing import Any

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
    notes.append(text("sizing.notes.start_small"))
    building, fit = _best_building(profile.buildings, surface, params)
    return Sizing(workstations, offices, rooms, float(surface), fill,
                  _reference_sites(demand, matches, kb, params), tuple(notes),
                  _name(profile.buildings, building), fit)


def _name(buildings: list[Building], building: Building | None) -> str | None:
    """The building's name, or its rank when it has none."""
    if building is None:
        return None
    return building.name or unnamed_building(buildings.index(building) + 1)


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


def _surface(workstations: int, offices: int, rooms: int, services: set[str],
             params: Params) -> int:
    """Useful surface plus shared areas, rounded up to the step ``surface_step_m2``."""
    useful = (workstations * params("m2_per_workstation")
              + offices * params("m2_per_closed_office")
              + rooms * params("m2_meeting_room"))
    if "fablab" in services:
        useful += params("m2_fablab")
    if "public_services" in services:
        useful += params("m2_public_services")
    total = useful * (1 + params("common_areas_share"))
    step = params("surface_step_m2")
    return int(math.ceil(total / step) * step)


def _fill_note(workstations: int, users: float, fill: float, presence: float,
               params: Params) -> str:
    """The fill-rate rule in one sentence."""
    return text("sizing.notes.fill", workstations=fmt_number(workstations),
                users=fmt_number(users), presence=fmt_percent(presence), fill=fmt_percent(fill),
                minimum=fmt_number(params("minimum_workstations")))


def _best_building(buildings: list[Building], surface: float, params: Params
                   ) -> tuple[Building | None, str | None]:
    """The candidate whose surface is closest to the recommendation, and how it fits."""
    if not buildings:
        return None, None
    known = [b for b in buildings if b.surface_m2]
    if not known:
        return buildings[0], text("sizing.fit.unknown_surface")
    best = min(known, key=lambda b: abs(math.log(b.surface_m2 / surface)))
    ratio = best.surface_m2 / surface
    size = text("sizing.fit.size", surface=fmt_number(best.surface_m2),
                advised=fmt_number(surface))
    if ratio > params("oversize_ratio"):
        return best, text("sizing.fit.too_big", size=size)
    if ratio < params("undersize_ratio"):
        return best, text("sizing.fit.too_small", size=size)
    return best, text("sizing.fit.fits", size=size)


def _reference_sites(demand: Demand, matches: tuple[SiteMatch, ...], kb: Any, params: Params
                     ) -> tuple[str, ...]:
    """Sites whose size the study documents among the closest ones, plus demand references."""
    count = params("sizing_reference_sites")
    sized = [m.site_id for m in matches[:count["closest"]]
             if kb.site(m.site_id).surface_m2 or kb.site(m.site_id).workstations]
    return tuple(dict.fromkeys([*demand.reference_sites, *sized[:count["kept"]]]))
