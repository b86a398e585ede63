"""Where the commune stands against the study's field: what a consultant must say before any
figure transposed from the ten rural sites of 2017.

    frame = study_frame(profile, kb, directory, params)   # FrameNotes(sentences, part_of…)

Each sentence states a fact the directory and the knowledge base show, never a judgement:
* the code typed is a former or delegated commune: the directory's figures, the zone and the
  map are those of the current commune as a whole (`part_of` is its name);
* the commune is overseas, while every site of the study is in metropolitan France: the
  tool's default costs, road speeds and programmes are metropolitan;
* its density level (INSEE grid) is denser than every site's (an urban core);
* it is more than `frame_population_factor` times as populous as the largest site's commune.
The wording is in resources/analysis/text/frame.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reports import codes
from reports.analysis.parameters import Params
from reports.analysis.texts import text
from reports.fmt import fmt_number
from reports.profile import Profile

# INSEE codes overseas: départements and régions 971 … 976, collectivités 975, 977, 978, 98x
OVERSEAS_PREFIXES = ("97", "98")


@dataclass(frozen=True)
class FrameNotes:
    sentences: tuple[str, ...] = ()
    part_of: str | None = None  # the current commune when the code is a former one
    extrapolated: bool = False  # overseas, or denser or larger than every site
    data_notes: tuple[str, ...] = ()  # the directory's French notes on the INSEE figures
    short: tuple[str, ...] = ()  # the same facts in a few words each, for the synthesis


def _site_communes(kb: Any, directory: Any) -> list[Any]:
    found = (directory.by_insee(s.insee_code) for s in kb.sites if s.insee_code)
    return [directory.current_of(c) for c in found if c is not None]


def _merged(profile: Profile, entry: Any, current: Any) -> str:
    population = current.population
    return text("frame.merged", name=entry.name, code=entry.insee_code,
                kind=text(f"frame.kinds.{entry.kind}"), current=current.name,
                current_code=current.insee_code,
                population=fmt_number(population) if population else "—")


def _density(profile: Profile, level: int | None, site_levels: set[int]
             ) -> tuple[str, str] | None:
    if level is None or not site_levels or level in site_levels:
        return None
    label = codes.label_of(codes.DENSITY_LEVEL, level).lower()
    low, high = min(site_levels), max(site_levels)
    if level > low:  # a sparser village than every site is still the study's rural field
        return None
    return (text("frame.denser", name=profile.commune.name, label=label,
                 low=codes.label_of(codes.DENSITY_LEVEL, low).lower(),
                 high=codes.label_of(codes.DENSITY_LEVEL, high).lower()),
            text("frame.short.denser", label=label))


def _larger(profile: Profile, kb: Any, factor: float) -> tuple[str, str] | None:
    population = profile.population.total
    sites = [s for s in kb.sites if s.population]
    if not population or not sites:
        return None
    largest = max(sites, key=lambda s: s.population)
    if population <= factor * largest.population:
        return None
    return (text("frame.larger", name=profile.commune.name, population=fmt_number(population),
                 site=largest.name, site_commune=largest.commune, factor=fmt_number(factor),
                 site_population=fmt_number(largest.population)),
            text("frame.short.larger", site_commune=largest.commune, factor=fmt_number(factor)))


def study_frame(profile: Profile, kb: Any, directory: Any, params: Params) -> FrameNotes:
    """The facts that put the commune outside what the study's ten sites cover."""
    out: list[str] = []
    short: list[str] = []
    part_of = None
    code = (profile.commune.insee_code or "").strip().upper()
    entry = current = None
    if directory is not None and code:
        entry = directory.by_insee(code)
        current = directory.current_of(entry) if entry is not None else None
    if entry is not None and current is not None and not entry.is_current:
        part_of = current.name
        out.append(_merged(profile, entry, current))
        short.append(text("frame.short.merged", current=current.name))
    departement = (profile.commune.departement or (current.departement if current else "")
                   or "")
    overseas = str(departement).startswith(OVERSEAS_PREFIXES)
    if overseas:
        region = current.region if current is not None else ""
        name = profile.commune.name or (current.name if current is not None else "")
        out.append(text("frame.overseas", name=name, region=region) if region and region != name
                   else text("frame.overseas_plain", name=name))
        short.append(text("frame.short.overseas"))
    beyond = [_larger(profile, kb, params("frame_population_factor"))]
    if directory is not None:
        sites = _site_communes(kb, directory)
        levels = {c.insee.get("density_level") for c in sites if c.insee}
        beyond.append(_density(profile, profile.territory.density_level, levels - {None}))
    beyond = [found for found in beyond if found]
    if beyond:
        out.extend([*(sentence for sentence, _ in beyond), text("frame.extrapolation")])
        short.extend(words for _, words in beyond)
    notes = tuple(getattr(current, "insee_notes", ()) or ())
    return FrameNotes(tuple(out), part_of, overseas or bool(beyond), notes, tuple(short))
