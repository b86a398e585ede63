"""INSEE census and zonings for the communes directory (called by build_communes.py).

Reads the official tables of ``../shared/data/insee/`` (see its README: vintages, columns,
licences) with pandas — openpyxl for the density grid's .xlsx, a build-only extra
(``pip install .[build]``) — and returns one row per current commune in the directory's
geography: counts summed over the old communes merged since a table's geography, categories
taken from the chef-lieu, reasons written as note codes that `reports.communes` turns into
French. The table d'appartenance 2022 is not read: the 2025 table carries the same AAV 2020
zoning in a geography closer to the directory's, with the names of the aires and of the
(newer, 2022) bassins de vie.
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

from reports import insee

INSEE_DIR = "insee"
COMPARATEUR = "base_cc_comparateur_csv.zip"
ZAU = "zau2010-table-supracom-2019.csv.gz"
AAV = "aav2020-zonages-cog2025.csv.gz"
DENSITY = "grille_densite_7_niveaux_2022.xlsx"
FILES = (COMPARATEUR, ZAU, AAV, DENSITY)

# Written to attribution.json: what each table is, its vintage and geography, its licence.
SOURCES = [
    {"producer": "INSEE",
     "dataset": "Base du comparateur de territoires (édition janvier 2022)",
     "vintage": "recensement 2018, géographie au 01/01/2021", "licence": "Licence Ouverte 2.0",
     "use": "population de 15 à 64 ans, actifs, actifs occupés, emplois (et emplois 2013)"},
    {"producer": "INSEE",
     "dataset": "Zonage en aires d'attraction des villes 2020 et bassins de vie 2022 "
                "(table d'appartenance 2025, extraite du package R COGiter)",
     "vintage": "géographie au 01/01/2025", "licence": "Licence Ouverte 2.0",
     "use": "catégorie, aire et taille d'aire AAV 2020, bassin de vie"},
    {"producer": "INSEE",
     "dataset": "Grille communale de densité à 7 niveaux (mise en ligne le 17/05/2023)",
     "vintage": "géographie au 01/01/2022, population 2019", "licence": "Licence Ouverte 2.0",
     "use": "niveau de densité"},
    {"producer": "INSEE, table d'appartenance 2019 mise en forme par le package R COGugaison",
     "dataset": "Zonage en aires urbaines 2010 (ZAU 2010)",
     "vintage": "géographie au 01/01/2019",
     "licence": ("ODbL 1.0 — © Code Officiel Géographique (Insee) et package R COGugaison "
                 "(la table de l'INSEE elle-même est sous Licence Ouverte 2.0)"),
     "use": "catégorie ZAU 2010, la classification de l'étude"},
]
GEOGRAPHY = ("communes au COG {cog} ; recensement en {census_geography}, ZAU 2010 en "
             "géographie 2019, grille de densité en géographie 2022, AAV 2020 et bassins de vie "
             "en géographie 2025")


@functools.cache
def _read_csv(path: Path, columns: tuple[str, ...]):
    """A gzip'd CSV extract, every column as text (cached: the tests build twice)."""
    import pandas as pd

    return pd.read_csv(path, dtype=str, usecols=list(columns), keep_default_na=False)


@functools.cache
def _read_density(path: Path):
    """The density grid's sheet: header rows above the table, the codes' row is CODGEO…"""
    import pandas as pd

    return pd.read_excel(path, sheet_name="Grille_Densite", skiprows=4, dtype=str,
                         usecols=["CODGEO", "DENS"], keep_default_na=False)


@functools.cache
def _read_census(path: Path) -> insee.Census:
    return insee.read_comparateur(path)


def _table(frame, key: str, *values: str) -> dict[str, tuple[str, ...]]:
    """Code → the row's values, for the non-empty codes."""
    columns = [frame[key].str.strip(), *(frame[v].str.strip() for v in values)]
    return {row[0]: tuple(row[1:]) for row in zip(*columns, strict=True) if row[0]}


def old_code_groups(current: list[dict], olds: list[dict]) -> dict[str, tuple[str, ...]]:
    """Current code → the codes of the communes merged into it (sorted). A code claimed by
    two current communes (a commune split again) is left out: its counts cannot be shared."""
    owners: dict[str, set[str]] = {}
    for com in current:
        for code in com.get("anciensCodes", []):
            owners.setdefault(code, set()).add(com["code"])
    for old in olds:
        owners.setdefault(old["code"], set()).add(old["chefLieu"])
    groups: dict[str, list[str]] = {}
    for code, owner in owners.items():
        if len(owner) == 1 and code not in owner:
            groups.setdefault(next(iter(owner)), []).append(code)
    return {code: tuple(sorted(codes)) for code, codes in sorted(groups.items())}


def _fmt(value: float | None) -> str:
    """A count as a whole number (the sum is rounded once, after adding the old communes)."""
    rounded = insee.rounded(value)
    return "" if rounded is None else str(rounded)


def insee_rows(data: Path, current: list[dict], groups: dict[str, tuple[str, ...]],
               stats: Counter) -> tuple[list[list[str]], list[list[str]]]:
    """Rows of insee.tsv.gz (one per current commune, by code) and of zonages.csv.gz."""
    folder = data / INSEE_DIR
    census = _read_census(folder / COMPARATEUR)
    zau = _table(_read_csv(folder / ZAU, ("CODGEO", "CATAEU2010")), "CODGEO", "CATAEU2010")
    aav_frame = _read_csv(folder / AAV, ("DEPCOM", "AAV2020", "LIB_AAV2020", "TAAV2017",
                                         "CATEAAV2020", "BV2022", "LIB_BV2022"))
    aav = _table(aav_frame, "DEPCOM", "CATEAAV2020", "AAV2020", "TAAV2017", "BV2022")
    density = _table(_read_density(folder / DENSITY), "CODGEO", "DENS")
    names = sorted({("aav", *pair) for pair in zip(aav_frame["AAV2020"], aav_frame["LIB_AAV2020"],
                                                   strict=True) if pair[0] != "000"}
                   | {("bv", *pair) for pair in zip(aav_frame["BV2022"], aav_frame["LIB_BV2022"],
                                                    strict=True)})
    rows = []
    for com in sorted(current, key=lambda c: c["code"]):
        code = com["code"]
        if com.get("zone") == "com":  # collectivités d'outre-mer: outside INSEE's tables
            rows.append([code, *[""] * 11, "outside"])
            stats["hors champ (collectivités d'outre-mer)"] += 1
            continue
        figures = insee.census_figures(census, code, groups)
        notes = list(figures.notes)
        if "census_missing" in notes and com["departement"] == "976":
            notes[notes.index("census_missing")] = "census_mayotte"
        zau_value, zau_how = insee.category_of(zau, code, groups)
        aav_value, aav_how = insee.category_of(aav, code, groups)
        dens_value, dens_how = insee.category_of(density, code, groups)
        for prefix, how in (("zau", zau_how), ("aav", aav_how), ("density", dens_how)):
            if how:
                notes.append(f"{prefix}_{how}")
                stats[f"{prefix} : {how}"] += 1
        census_note = next((n for n in notes if n.startswith("census")), "census_direct")
        stats["recensement : " + census_note.split(":")[0]] += 1
        category, aav_code, size, bv = aav_value or ("", "", "", "")
        if aav_code == "000":  # "hors attraction des villes": no aire
            aav_code = ""
        rows.append([code, *(_fmt(figures.counts[k]) for k in insee.COUNTS),
                     (zau_value or ("",))[0], category, aav_code, size,
                     (dens_value or ("",))[0], bv, "|".join(notes)])
    return rows, [list(n) for n in names]


def insee_meta(year: str, census_year: int = 2018) -> dict:
    """What attribution.json says of the INSEE figures: census year, source, geography (a
    template: a census file loaded by the user replaces {census_geography})."""
    return {"census_year": census_year, "census_geography": "géographie 2021",
            "census_source": SOURCES[0]["dataset"],
            "geography": GEOGRAPHY.replace("{cog}", year)}
