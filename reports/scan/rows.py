"""One commune of a territory scan: its stated-default profile, its analysis, its row."""

from __future__ import annotations

import copy
import functools
import json
from typing import Any

from reports.paths import read_text
from reports.texts import message

FORMAT = "tierslieu-profile"


@functools.cache
def settings() -> dict[str, Any]:
    """resources/scan/scan.json: defaults, score weights (with their source), columns."""
    return json.loads(read_text("scan", "scan.json"))


def scan_profile(insee_code: str) -> dict[str, Any]:
    """The profile the scan analyses: the commune's code (the directory fills the rest) and
    the stated defaults — no building, no carrier, an open coworking space."""
    from reports.profile.model import VERSION

    defaults = copy.deepcopy(settings()["profile_defaults"])
    return {"format": FORMAT, "version": VERSION, "commune": {"insee_code": insee_code},
            **defaults}


def score(result: Any) -> float:
    """0-100: the verdict, the central demand and the closest model's fit, weighted as
    resources/scan/scan.json says (stated defaults: a ranking, not a probability)."""
    spec = settings()["score"]
    weights = spec["weights"]
    verdict = spec["verdict_points"].get(result.verdict.level, 0.0)
    demand = min(1.0, result.demand.users.central / spec["demand_full_users"])
    model = result.typologies[0].score if result.typologies else 0.0
    value = (weights["verdict"] * verdict + weights["demand"] * demand
             + weights["model"] * model)
    return round(100 * value, 1)


def reasons(result: Any) -> list[str]:
    """The two main reasons (French sentences): the closest model's strongest territorial
    criterion, then a risk that does not come from the scan's defaults (every commune of a
    scan lacks a carrier and a building), else the next territorial criterion."""
    spec = settings()["reasons"]
    territorial = [c for c in (result.typologies[0].contributions if result.typologies else ())
                   if c.criterion in spec["territorial_criteria"] and c.sentence]
    territorial.sort(key=lambda c: -c.points)
    risks = [r.title for r in result.risks if r.risk_id not in spec["default_risks"]
             and r.severity in ("high", "medium")]
    out = [c.sentence for c in territorial[:1]] + risks[:1]
    out += [c.sentence for c in territorial[1:]][: max(0, 2 - len(out))]
    return [*out, "", ""][:2]


def scan_row(result: Any, directory: Any) -> dict[str, Any]:
    """The scan's row for one analysed commune (numbers as numbers; the CSV formats them)."""
    spec = settings()
    code = result.commune.insee_code
    commune = directory.by_insee(code)
    figures = (commune.insee if commune is not None else None) or {}
    catchment = directory.catchment(code, spec["catchment_minutes"])
    nearest = directory.nearest_third_place(code)
    if nearest is not None and nearest.road_km > spec["nearest_place_max_km"]:
        nearest = None
    first, second = reasons(result)
    return {
        "insee_code": code, "name": result.commune.name,
        "population": result.commune.population,
        "concentration": result.commune.concentration,
        "aav2020_category": figures.get("aav2020_category"),
        "density_level": figures.get("density_level"),
        "catchment_population": catchment.population if catchment is not None else None,
        "nearest_place": (f"{nearest.name} ({nearest.commune})" if nearest is not None
                          and nearest.commune else nearest.name if nearest is not None
                          else ""),
        "nearest_place_km": nearest.road_km if nearest is not None else None,
        "nearest_place_minutes": nearest.minutes if nearest is not None else None,
        "demand_central": result.demand.users.central,
        "best_model": result.typologies[0].name if result.typologies else "",
        "verdict": result.verdict.label, "verdict_level": result.verdict.level,
        "score": score(result), "reason_1": first, "reason_2": second,
        "frame": tuple(getattr(result.commune, "frame_short", ())),  # outside the study
        "lat": commune.lat if commune is not None else None,
        "lon": commune.lon if commune is not None else None,
    }


def analyse_commune(insee_code: str) -> dict[str, Any] | tuple[str, str]:
    """The row of one commune, or (code, French reason) when it cannot be analysed."""
    from reports.analysis import analyse
    from reports.communes import directory
    from reports.errors import UserFacingError

    book = directory()
    commune = book.by_insee(insee_code)
    if commune is not None and not commune.population:
        return insee_code, message("scan.run.no_inhabitant", name=commune.name)
    try:
        result = analyse(scan_profile(insee_code), directory=book)
    except UserFacingError as exc:
        return insee_code, str(exc).splitlines()[0]
    return scan_row(result, book)


def rank(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Best first: score, then central demand, then population; ranks 1, 2, 3…"""
    ordered = sorted(rows, key=lambda r: (-r["score"], -(r["demand_central"] or 0),
                                          -(r["population"] or 0), r["insee_code"]))
    return [{**row, "rank": i} for i, row in enumerate(ordered, 1)]
