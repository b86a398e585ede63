"""A small INSEE comparateur de territoires with P21_ columns, made from the bundled figures
(no network): what a user holding a newer census file would load. The figures are the
bundled ones moved a little, so that a test can tell which census was used."""

from __future__ import annotations

from pathlib import Path

from reports.communes import load_directory

JOBS_ADDED = 111  # the file's jobs = the bundled jobs + this
EMPLOYED_ADDED = 10  # the file's actifs (so actifs occupés) = the bundled ones + this


def write_newer_census(path: Path, codes: tuple[str, ...] = ("66149",), year: int = 2021,
                       drop: tuple[str, ...] = ()) -> dict[str, dict[str, int]]:
    """Write the comparateur (`;`, UTF-8) for `codes`, without the columns in `drop`; return
    the figures each commune should then show (jobs, employed_15_64)."""
    yy, yy5 = f"{year % 100:02d}", f"{(year - 5) % 100:02d}"
    header = ["CODGEO", f"P{yy}_POP", f"P{yy}_POP1564", f"P{yy}_ACT1564", f"P{yy}_CHOM1564",
              f"P{yy}_EMPLT", f"P{yy5}_EMPLT"]
    book = load_directory()  # a private copy: the shipped one stays as it is
    lines, expected = [";".join(h for h in header if h not in drop)], {}
    for code in codes:
        commune = book.by_insee(code)
        figures = commune.insee
        unemployed = figures["active_15_64"] - figures["employed_15_64"]
        cells = dict(zip(header, [
            code, commune.population, figures["population_15_64"] + EMPLOYED_ADDED,
            f"{figures['active_15_64'] + EMPLOYED_ADDED}.4", f"{unemployed}.4",
            figures["jobs"] + JOBS_ADDED, figures["jobs_5_years_before"]], strict=True))
        lines.append(";".join(str(v) for h, v in cells.items() if h not in drop))
        expected[code] = {"jobs": figures["jobs"] + JOBS_ADDED,
                          "employed_15_64": figures["employed_15_64"] + EMPLOYED_ADDED}
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return expected
