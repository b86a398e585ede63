"""Batch benchmark: 500 varied communes from the study's ranges, default jobs, PDF notes.

    .venv/bin/python benchmarks/bench_batch.py [--rows 500] [--jobs N] [--format pdf]

Prints the wall time (target: under 60 s for 500 PDFs on the 2-core machine), the rate,
and each worker's peak resident memory after its first notes and at the end (memory must
stay flat over the batch). The CSV is generated with a fixed seed: same rows every run.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reports.batch import BatchOptions, default_jobs, run_batch  # noqa: E402
from reports.batch.fields import template_columns  # noqa: E402
from reports.codes import CARRIER_TYPES, ZAU2010  # noqa: E402
from reports.communes import directory  # noqa: E402
from reports.knowledge import knowledge  # noqa: E402

SEED = 2017
SERVICES = ("open_space", "closed_offices", "meeting_room", "fablab", "public_services",
            "training", "events")


def _span(values) -> tuple[float, float]:
    found = [v for v in values if v is not None]
    return min(found), max(found)


def study_ranges() -> dict[str, tuple[float, float]]:
    """Min and max over the ten documented sites, for the figures the rows vary."""
    sites = knowledge().sites
    return {
        "population": _span(s.population for s in sites),
        "surface_m2": _span(s.surface_m2 for s in sites),
        "investment_eur": _span(s.investment_eur for s in sites),
        "subsidy_rate": _span(s.subsidy_rate for s in sites),
        "monthly_rent_eur": _span(s.monthly_rent_eur for s in sites),
        "operating_eur": _span(s.operating_eur_per_year for s in sites),
    }


def generate(path: Path, rows: int) -> None:
    """Write `rows` rows: real communes in the study's population range, varied projects."""
    rng = random.Random(SEED)
    spans = study_ranges()
    low, high = spans["population"]
    # overseas collectivities (98x) are outside the profile's département codes
    communes = [c for c in directory().all_current()
                if c.population and low * 0.5 <= c.population <= high * 1.5
                and not c.departement.startswith("98")]
    chosen = rng.sample(communes, rows)
    columns = template_columns(1)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(columns)
        for commune in chosen:
            row = dict.fromkeys(columns, "")
            employed = round(commune.population * rng.uniform(0.3, 0.42))
            row.update({
                "commune.insee_code": commune.insee_code,
                "population.employed_15_64": str(employed),
                "population.jobs": str(round(employed * rng.uniform(0.25, 1.6))),
                "territory.zau2010": rng.choice(ZAU2010)[0],
                "territory.minutes_to_pole": str(rng.randint(15, 60)),
                "territory.known_independents": str(rng.randint(0, 20)),
                "carrier.type": rng.choice(CARRIER_TYPES)[0],
                "buildings.0.owner": rng.choice(("commune", "epci", "private")),
                "buildings.0.state": rng.choice(("ready", "light_works", "heavy_works")),
                "buildings.0.surface_m2": _fr(rng.uniform(*spans["surface_m2"])),
                "budget.investment_eur": _fr(rng.uniform(*spans["investment_eur"])),
                "budget.subsidy_rate": _fr(rng.uniform(*spans["subsidy_rate"])),
                "services": "|".join(rng.sample(SERVICES, rng.randint(1, 4))),
            })
            writer.writerow(row[c] for c in columns)


def _fr(value: float) -> str:
    """A French decimal, as a consultant's spreadsheet writes it."""
    return f"{value:.1f}".replace(".", ",")


def main() -> int:
    """Generate, run, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--format", choices=("pdf", "docx", "both"), default="pdf")
    args = parser.parse_args()
    formats = {"pdf": ("pdf",), "docx": ("docx",), "both": ("pdf", "docx")}[args.format]
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as folder:
        csv_path = Path(folder) / "communes.csv"
        generate(csv_path, args.rows)
        out = Path(folder) / "notes"
        memory: dict[int, list[int]] = {}
        start = time.perf_counter()
        report = run_batch(csv_path, BatchOptions(out, formats), jobs=args.jobs,
                           progress=lambda o, done, total: memory.setdefault(o.pid, []).append(
                               o.rss_kb) if o.pid else None)
        wall = time.perf_counter() - start
        files = len(list(out.glob("*.pdf"))) + len(list(out.glob("*.docx")))
    print(f"rows: {args.rows}  jobs: {args.jobs}  format: {args.format}")
    print(f"notes written: {len(report.done)}  rows in error: {len(report.failed)}  "
          f"files: {files}")
    print(f"wall time: {wall:.1f} s  ({wall / max(args.rows, 1) * 1000:.0f} ms per row, "
          f"{args.rows / wall:.1f} rows/s; target < 60 s for 500 PDFs)")
    for pid, peaks in sorted(memory.items()):
        warm = max(9, len(peaks) // 5)  # the first notes load fonts, templates, the base
        first = peaks[min(warm, len(peaks) - 1)]
        print(f"worker {pid}: {len(peaks)} rows, peak RSS after {warm + 1} rows "
              f"{first / 1024:.0f} MB, at the end {peaks[-1] / 1024:.0f} MB "
              f"(growth {(peaks[-1] - first) / 1024:+.0f} MB)")
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"parent process peak RSS: {parent / 1024:.0f} MB")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = children.ru_utime + children.ru_stime
    print(f"CPU time in the workers: {cpu:.1f} s ({cpu / max(args.rows, 1) * 1000:.0f} ms per "
          f"row); on {args.jobs} idle cores that is about {cpu / args.jobs:.0f} s of wall time")
    for issue in [i for i in report.all_issues if i.level == "erreur"][:5]:
        print(f"row error: line {issue.line} {issue.commune}: {issue.field} {issue.text}")
    return 0 if not report.failed else 2


if __name__ == "__main__":
    sys.exit(main())
