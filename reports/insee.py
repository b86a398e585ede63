"""INSEE census figures and zonings of a commune, in today's geography (COG of the directory).

The tables come in older geographies (census in 2021's, ZAU 2010 in 2019's, density grid in
2022's, AAV 2020 and bassins de vie in 2025's): a commune merged since then is found under
its old codes. Counts add up over the old communes; a category is the chef-lieu's. The same
rules serve the build (``scripts/build_communes.py``) and a newer comparateur file loaded by
the user (`read_comparateur`), so the bundled and the loaded figures are made alike.

Standard library only: the wizard may load a file without pandas.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reports.errors import UserFacingError
from reports.texts import message

# The keys of a commune's `insee` mapping, in this order (the contract of issue 11).
KEYS = (
    "population_15_64", "active_15_64", "employed_15_64", "jobs", "jobs_5_years_before",
    "zau2010", "aav2020_category", "aav2020_code", "aav2020_name", "aav2020_size_class",
    "density_level", "bassin_de_vie_code", "bassin_de_vie_name", "census_year", "geography",
)
COUNTS = ("population_15_64", "active_15_64", "employed_15_64", "jobs", "jobs_5_years_before")
# The comparateur's columns for census year YY (jobs five years earlier: YY-5).
_COLUMN_OF = {"population_15_64": "P{yy}_POP1564", "active_15_64": "P{yy}_ACT1564",
              "unemployed_15_64": "P{yy}_CHOM1564", "jobs": "P{yy}_EMPLT",
              "jobs_5_years_before": "P{yy5}_EMPLT"}
_POP_COLUMN = re.compile(r"^P(\d\d)_POP1564$")
MAX_FILE_BYTES = 200_000_000


class CensusFileError(UserFacingError):
    """A comparateur file that cannot be used; the message (French) says why."""


def census_columns(year: int) -> dict[str, str]:
    """The comparateur's column for each figure of census `year` (2018 → P18_…, P13_EMPLT)."""
    yy, yy5 = f"{year % 100:02d}", f"{(year - 5) % 100:02d}"
    return {key: pattern.format(yy=yy, yy5=yy5) for key, pattern in _COLUMN_OF.items()}


@dataclass(frozen=True)
class Census:
    """Census counts by code as the file gives them (its own geography), with its vintage."""

    year: int
    values: Mapping[str, Mapping[str, float | None]]  # code -> figure -> value (None: empty)
    source: str  # the file's name, or the bundled table's title
    rows: int = 0


def _number(text: str) -> float | None:
    """A census cell: decimals with '.' or ',' ; empty or a mark like 's' → None."""
    text = text.strip().replace(",", ".").replace("\u202f", "").replace(" ", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _table_text(path: Path) -> tuple[str, str]:
    """The CSV text of a comparateur file (a .csv, or a .zip holding one) and its name."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CensusFileError(message("directory.census_file.too_big", name=path.name,
                                          megabytes=MAX_FILE_BYTES // 1_000_000))
        raw = path.read_bytes()
    except OSError as exc:  # the CensusFileError above is no OSError
        raise CensusFileError(message("directory.census_file.unreadable", path=path,
                                      reason=exc.strerror or exc)) from exc
    name = path.name
    if zipfile.is_zipfile(io.BytesIO(raw)):
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            tables = sorted(n for n in archive.namelist() if n.lower().endswith(".csv")
                            and not Path(n).name.lower().startswith("meta"))
            if not tables:
                raise CensusFileError(message("directory.census_file.no_csv", name=path.name))
            name = tables[0]
            raw = archive.read(name)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding), name
        except UnicodeDecodeError:
            continue
    raise CensusFileError(message("directory.census_file.encoding",  # pragma: no cover
                                  name=path.name))


def read_comparateur(source: Path | str | Iterable[str], name: str = "") -> Census:
    """Read an INSEE « base du comparateur de territoires » (any census year: P18_, P21_…).

    `source` is a path (.csv or .zip) or the lines of the CSV. Raises `CensusFileError`
    (French, names the missing columns) when the file is not such a table."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        text, inner = _table_text(path)
        lines: Iterable[str] = text.splitlines()
        if not name:
            name = path.name if inner == path.name else f"{path.name} ({inner})"
    else:
        lines = source
    shown = name or message("directory.census_file.unnamed")
    iterator = iter(lines)
    head = next(iterator, "")
    delimiter = ";" if head.count(";") >= head.count(",") else ","
    header = [h.strip().strip('"').upper() for h in next(csv.reader([head],
                                                                   delimiter=delimiter))]
    years = sorted({2000 + int(m.group(1)) for h in header if (m := _POP_COLUMN.match(h))})
    if "CODGEO" not in header or not years:
        raise CensusFileError(message("directory.census_file.not_comparateur", name=shown))
    year = years[-1]
    wanted = census_columns(year)
    missing = [col for col in wanted.values() if col not in header]
    if missing:
        raise CensusFileError(message("directory.census_file.missing_columns", name=shown,
                                      year=year, columns=", ".join(missing)))
    index = {key: header.index(col) for key, col in wanted.items()}
    code_at = header.index("CODGEO")
    values: dict[str, dict[str, float | None]] = {}
    for rec in csv.reader(iterator, delimiter=delimiter):
        if len(rec) < len(header):
            continue
        code = rec[code_at].strip().strip('"').upper().zfill(5)
        values[code] = {key: _number(rec[i]) for key, i in index.items()}
    if not values:
        raise CensusFileError(message("directory.census_file.empty", name=shown))
    return Census(year, values, name, len(values))


# ---------------------------------------------------------------- today's geography

@dataclass(frozen=True)
class Figures:
    """One commune's census counts (unrounded) and the reasons said about them."""

    counts: dict[str, float | None]
    notes: tuple[str, ...]  # note codes, see NOTE_TEXTS


def group_codes(code: str, old_codes: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """A current commune's own code first, then the codes of the communes merged into it."""
    return (code, *old_codes.get(code, ()))


def census_figures(census: Census, code: str, old_codes: Mapping[str, tuple[str, ...]]
                   ) -> Figures:
    """Counts of today's commune `code`: the sum over its old codes found in the census
    (employed = actifs − chômeurs 15-64, INSEE's definition); none found → empty, said."""
    found = [census.values[c] for c in group_codes(code, old_codes) if c in census.values]
    found = [v for v in found if v.get("population_15_64") is not None]
    if not found:
        return Figures(dict.fromkeys(COUNTS), ("census_missing",))
    counts: dict[str, float | None] = {}
    for key in ("population_15_64", "active_15_64", "jobs", "jobs_5_years_before"):
        parts = [v[key] for v in found]
        counts[key] = None if any(p is None for p in parts) else sum(parts)
    unemployed = [v["unemployed_15_64"] for v in found]
    counts["employed_15_64"] = (None if counts["active_15_64"] is None
                                or any(u is None for u in unemployed)
                                else counts["active_15_64"] - sum(unemployed))
    notes = (f"census_sum:{len(found)}",) if len(found) > 1 else ()
    return Figures({k: counts[k] for k in COUNTS}, notes)


def category_of(table: Mapping[str, object], code: str,
                old_codes: Mapping[str, tuple[str, ...]]) -> tuple[object | None, str]:
    """A category of today's commune: its own code's (the chef-lieu keeps the code of a
    commune nouvelle), else the first old code's; with how it was found ("", "chef_lieu",
    "old_code", "missing")."""
    group = group_codes(code, old_codes)
    present = [c for c in group if c in table]
    if not present:
        return None, "missing"
    if present[0] == code:
        return table[code], "chef_lieu" if len(present) > 1 else ""
    return table[present[0]], "old_code"


def rounded(value: float | None) -> int | None:
    """Whole people or jobs (census estimates carry decimals)."""
    return None if value is None else round(value)
