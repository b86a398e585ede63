"""Checks across rows and files: unique ids, references, paired columns."""

from __future__ import annotations

from typing import Any

from reports.knowledge.errors import KnowledgeError, _where
from reports.texts import message


def _unique(name: str, rows: list[dict[str, Any]], *columns: str) -> None:
    """No two rows share the same values in `columns`."""
    seen: dict[tuple, int] = {}
    for row in rows:
        key = tuple(row[c] for c in columns)
        if key in seen:
            shown = " / ".join(str(k) for k in key)
            raise KnowledgeError(message("knowledge.checks.twice", value=shown,
                                         where=_where(name, row["_row"], columns[-1]),
                                         first=seen[key]))
        seen[key] = row["_row"]


def _refs(name: str, rows: list[dict[str, Any]], column: str, known: set[str],
          target: str) -> None:
    """Every id in `column` (one id or a tuple of ids) exists in `known`."""
    for row in rows:
        value = row[column]
        for item in value if isinstance(value, tuple) else (value,):
            if item is not None and item not in known:
                raise KnowledgeError(message("knowledge.checks.unknown_reference", value=item,
                                             where=_where(name, row["_row"], column),
                                             target=target))


def _cross_check(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Unique ids and references between files."""
    _unique("sites.csv", tables["sites.csv"], "site_id")
    _unique("typologies.csv", tables["typologies.csv"], "typology_id")
    _unique("practices.csv", tables["practices.csv"], "practice_id")
    _unique("programmes.csv", tables["programmes.csv"], "programme_id")
    _unique("tariffs.csv", tables["tariffs.csv"], "site_id", "offer")
    _unique("sources.csv", tables["sources.csv"], "site_id", "field")
    sites = {r["site_id"] for r in tables["sites.csv"]}
    typologies = {r["typology_id"] for r in tables["typologies.csv"]}
    programmes = {r["programme_id"] for r in tables["programmes.csv"]}
    for name in ("tariffs.csv", "funding.csv", "sources.csv"):
        _refs(name, tables[name], "site_id", sites, "sites.csv")
    for name in ("practices.csv", "typologies.csv", "programmes.csv"):
        _refs(name, tables[name], "site_ids", sites, "sites.csv")
    _refs("sites.csv", tables["sites.csv"], "typology_id", typologies, "typologies.csv")
    _refs("funding.csv", tables["funding.csv"], "programme_id", programmes, "programmes.csv")
    _check_typology_members(tables)
    _check_tariff_passes(tables["tariffs.csv"])
    _check_renames(tables["programmes.csv"])
    _check_population_span(tables["programmes.csv"])
    _check_departements(tables["sites.csv"])


def _check_typology_members(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Each site is listed by exactly the typology its own row names."""
    listed: dict[str, str] = {}
    for typ in tables["typologies.csv"]:
        for site_id in typ["site_ids"]:
            if site_id in listed:
                raise KnowledgeError(message(
                    "knowledge.checks.site_in_two_typologies", site=site_id,
                    where=_where("typologies.csv", typ["_row"], "site_ids"),
                    typology=listed[site_id]))
            listed[site_id] = typ["typology_id"]
    for site in tables["sites.csv"]:
        if listed.get(site["site_id"]) != site["typology_id"]:
            raise KnowledgeError(message(
                "knowledge.checks.typology_without_site", site=site["site_id"],
                where=_where("sites.csv", site["_row"], "typology_id"),
                typology=site["typology_id"]))


def _check_tariff_passes(rows: list[dict[str, Any]]) -> None:
    """pass_units is given exactly for passes."""
    for row in rows:
        if (row["unit"] == "pass") != (row["pass_units"] is not None):
            raise KnowledgeError(message("knowledge.checks.pass_units", where=_where(
                "tariffs.csv", row["_row"], "pass_units")))


def _check_renames(rows: list[dict[str, Any]]) -> None:
    """A former name comes with the year of the change, and the other way round."""
    for row in rows:
        if (row["former_name"] is None) != (row["renamed_in"] is None):
            raise KnowledgeError(message("knowledge.checks.rename", where=_where(
                "programmes.csv", row["_row"], "renamed_in")))


def _check_departements(rows: list[dict[str, Any]]) -> None:
    """The INSEE code starts with the département code (2 characters, 3 overseas)."""
    for row in rows:
        if not row["insee_code"].startswith(row["departement"][:3]):
            raise KnowledgeError(message(
                "knowledge.checks.departement", code=row["insee_code"],
                where=_where("sites.csv", row["_row"], "insee_code"),
                departement=row["departement"]))


def _check_population_span(rows: list[dict[str, Any]]) -> None:
    """A programme's smallest commune size is not above its largest."""
    for row in rows:
        low, high = row["population_min"], row["population_max"]
        if low is not None and high is not None and low > high:
            raise KnowledgeError(message(
                "knowledge.checks.population_span", low=low, high=high,
                where=_where("programmes.csv", row["_row"], "population_min")))
