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
    index, code = _best_building(profile.buildings, surface, params)
    building = profile.buildings[index] if index is not None else None
    return Sizing(workstations, offices, rooms, float(surface), fill,
                  _reference_sites(demand, matches, kb, params), tuple(notes),
                  building_index=index, building_fit_code=code,
                  building_name=None if index is None else
                  (building.name or unnamed_building(index + 1)),
                  building_fit=None if code is None else
                  fit_text(code, building.surface_m2, surface))


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


FIT_CODES = ("unknown_surface", "too_big", "too_small", "fits")


def building_fit(surface_m2: float | None, advised_m2: float, params: Params) -> str:
    """The one rule for a building's size against the advised surface: a FIT_CODES code.

    Too big beyond ``oversize_ratio`` times the advice, too small under ``undersize_ratio``
    times it. The results, the risks and the building dialog all judge with it."""
    if not surface_m2:
        return "unknown_surface"
    ratio = surface_m2 / advised_m2
    if ratio > params("oversize_ratio"):
        return "too_big"
    if ratio < params("undersize_ratio"):
        return "too_small"
    return "fits"


def fit_text(code: str, surface_m2: float | None, advised_m2: float) -> str:
    """The French sentence of a fit code (``Plus petit que conseillé (90 m² pour …) : …``)."""
    if code == "unknown_surface":
        return text("sizing.fit.unknown_surface")
    return text(f"sizing.fit.{code}", size=fit_size(surface_m2, advised_m2))


def fit_size(surface_m2: float | None, advised_m2: float) -> str:
    """``90 m² pour 120 m² conseillés``."""
    return text("sizing.fit.size", surface=fmt_number(surface_m2), advised=fmt_number(advised_m2))


def _best_building(buildings: list[Building], surface: float, params: Params
                   ) -> tuple[int | None, str | None]:
    """The index of the candidate whose surface is closest to the advice, and its fit code."""
    if not buildings:
        return None, None
    known = [i for i, b in enumerate(buildings) if b.surface_m2]
    if not known:
        return 0, "unknown_surface"
    best = min(known, key=lambda i: abs(math.log(buildings[i].surface_m2 / surface)))
    return best, building_fit(buildings[best].surface_m2, surface, params)


def _reference_sites(demand: Demand, matches: tuple[SiteMatch, ...], kb: Any, params: Params
                     ) -> tuple[str, ...]:
    """Sites whose size the study documents among the closest ones, plus demand references."""
    count = params("sizing_reference_sites")
    sized = [m.site_id for m in matches[:count["closest"]]
             if kb.site(m.site_id).surface_m2 or kb.site(m.site_id).workstations]
    return tuple(dict.fromkeys([*demand.reference_sites, *sized[:count["kept"]]]))
