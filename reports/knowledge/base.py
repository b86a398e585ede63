"""`KnowledgeBase`: every record of the study, immutable, with lookups by id."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

from reports.knowledge.records import (
    FundingEvent,
    Practice,
    Programme,
    ProgrammeTerritory,
    Setting,
    Site,
    SourceRef,
    Tariff,
    Typology,
)
from reports.profile.employment import concentration_class, concentration_label
from reports.texts import message


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the study teaches, immutable, with lookups by id."""

    sites: tuple[Site, ...]
    tariffs: tuple[Tariff, ...]
    funding: tuple[FundingEvent, ...]
    sources: tuple[SourceRef, ...]
    practices: tuple[Practice, ...]
    typologies: tuple[Typology, ...]
    programmes: tuple[Programme, ...]
    settings: Mapping[str, Setting] = field(default_factory=lambda: MappingProxyType({}))
    programmes_file: str = ""  # a newer programmes file the user chose ("" : the shipped one)
    # how each programme applies overseas, in Corsica and in one Region (checked row by row)
    programme_territories: tuple[ProgrammeTerritory, ...] = ()

    @property
    def programmes_checked_on(self) -> str | None:
        """The latest date the funding programmes were checked (ISO), None if never."""
        return max((p.checked_on for p in self.programmes if p.checked_on), default=None)

    @cached_property
    def _sites(self) -> Mapping[str, Site]:
        """Sites by id."""
        return {s.site_id: s for s in self.sites}

    @cached_property
    def _typologies(self) -> Mapping[str, Typology]:
        """Typologies by id."""
        return {t.typology_id: t for t in self.typologies}

    @cached_property
    def _programmes(self) -> Mapping[str, Programme]:
        """Programmes by id."""
        return {p.programme_id: p for p in self.programmes}

    def territory_rule(self, programme_id: str, departement: str) -> ProgrammeTerritory | None:
        """The row saying how `programme_id` applies in `departement` (the narrowest row that
        names it), None when no row does."""
        rows = [t for t in self.programme_territories
                if t.programme_id == programme_id and departement in t.departements]
        return min(rows, key=lambda t: len(t.departements), default=None)

    def regional_only(self, programme_id: str) -> bool:
        """The programme belongs to some territories only (an « only » row names them)."""
        return any(t.programme_id == programme_id and t.applies == "only"
                   for t in self.programme_territories)

    def site(self, site_id: str) -> Site:
        """The site with this id (KeyError if unknown)."""
        return _lookup(self._sites, site_id, "site")

    def typology(self, typology_id: str) -> Typology:
        """The typology with this id (KeyError if unknown)."""
        return _lookup(self._typologies, typology_id, "typologie")

    def programme(self, programme_id: str) -> Programme:
        """The programme with this id (KeyError if unknown)."""
        return _lookup(self._programmes, programme_id, "programme")

    def tariffs_for(self, site_id: str) -> tuple[Tariff, ...]:
        """The tariffs of one site, in file order."""
        return tuple(t for t in self.tariffs if t.site_id == site_id)

    def sources_for(self, site_id: str, field: str | None = None) -> tuple[SourceRef, ...]:
        """The study sentences behind one site's figures (or behind one field of it)."""
        return tuple(s for s in self.sources
                     if s.site_id == site_id and (field is None or s.field == field))

    def setting(self, key: str) -> Any:
        """The value of one setting (KeyError if unknown)."""
        return _lookup(self.settings, key, "réglage").value

    def concentration_class(self, value: float) -> str:
        """« résidentielle », « équilibrée » or « employeuse » under the settings thresholds."""
        return concentration_label(self.concentration_code(value))

    def concentration_code(self, value: float) -> str:
        """residential, balanced or employing (the conditions vocabulary) for a ratio."""
        return concentration_class(value, self.setting("concentration_residential_max"),
                                   self.setting("concentration_employing_min"))

    def summary(self) -> str:
        """A short French summary of what the knowledge base holds."""
        debated = sum(p.debated for p in self.practices)
        renamed = sum(p.former_name is not None for p in self.programmes)
        return message("knowledge.summary.text", sites=len(self.sites),
                       practices=len(self.practices), debated=debated,
                       typologies=len(self.typologies), programmes=len(self.programmes),
                       renamed=renamed, tariffs=len(self.tariffs), funding=len(self.funding),
                       sources=len(self.sources), settings=len(self.settings),
                       funding_date=self.funding_data_date())

    def funding_data_date(self) -> str:
        """« Données de financement vérifiées le 3 décembre 2026 » (and the file if chosen)."""
        from reports.fmt import fmt_date

        date = fmt_date(self.programmes_checked_on)
        if self.programmes_file:
            return message("knowledge.summary.funding_date_file", date=date,
                           file=self.programmes_file)
        return message("knowledge.summary.funding_date", date=date)


def _lookup(index: Mapping[str, Any], key: str, what: str) -> Any:
    """The entry under `key`; a KeyError naming what is unknown otherwise."""
    try:
        return index[key]
    except KeyError:
        raise KeyError(f"{what} inconnu : {key!r}") from None
