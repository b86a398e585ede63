"""Batch benchmark: 500 varied communes from the study's ranges, default jobs, PDF notes.

    .venv/bin/python benchmarks/bench_batch.py [--rows 500] [--jobs N] [--format pdf]
    .venv/bin/python benchmarks/bench_batch.py --scale [--mode analysis|errors] [--root DIR]

Prints the wall time (target: under 60 s for 500 PDFs on the 2-core machine), the rate,
and each worker's peak resident memory after its first notes and at the end (memory must
stay flat over the batch). The CSV is generated with a fixed seed: same rows every run.

``--scale`` (issue #15) runs 300, 10 000 and 100 000 rows, each in a fresh process, and
prints rows/s and the parent process's peak memory for each: both must stay flat. Full
notes are too slow for 100 000 rows, so it runs a cheap mode: ``validate`` (the default:
the workers read each row's profile, no analysis, no note: the pool, the streaming, the
progress and the tables are what is measured), ``analysis`` (also analyse each row) or
``errors`` (every row has a bad cell: the parent alone, reading,
planning, counting progress and writing errors.csv). ``--root`` runs another checkout's code
(for a before/after comparison; it must have ``run_batch(..., task=...)``).
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
if "--root" in sys.argv:  # another checkout's code (before/after comparisons)
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--root") + 1]).resolve()))
else:
    sys.path.insert(0, str(ROOT))

from reports.batch import BatchOptions, default_jobs, run_batch  # noqa: E402
from reports.batch.fields import template_columns  # noqa: E402
from reports.batch.model import ERROR  # noqa: E402
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


def analyse_only(job, options):
    """The batch task without the note: validate and analyse the row (workers import this)."""
    from reports.batch.model import Outcome
    from reports.profile import errors_in, profile_from_dict

    profile, messages = profile_from_dict(job.data)
    if profile is None or errors_in(messages):
        return Outcome(job.line, job.commune, ok=False)
    from reports.analysis import analyse

    result = analyse(profile)
    summary = {"line": job.line, "commune": result.commune.name,
               "insee_code": result.commune.insee_code, "files": []}
    return Outcome(job.line, result.commune.name, ok=True, summary=summary)


def validate_only(job, options):
    """The batch task reduced to reading the row's profile (the pool's own cost shows)."""
    from reports.batch.model import Outcome
    from reports.profile import errors_in, profile_from_dict

    profile, messages = profile_from_dict(job.data)
    ok = profile is not None and not errors_in(messages)
    summary = {"line": job.line, "commune": job.commune, "insee_code": job.insee_code,
               "files": []} if ok else None
    return Outcome(job.line, job.commune, ok=ok, summary=summary)


def scale_csv(path: Path, rows: int, mode: str) -> None:
    """`rows` rows cycling over 500 generated communes; in errors mode each has a bad cell."""
    generate(path, 500)
    text = path.read_text(encoding="utf-8-sig").splitlines()
    header, body = text[0], text[1:]
    if mode == "errors":
        column = header.split(";").index("population.employed_15_64")
        body = [";".join(c if i != column else "beaucoup"
                         for i, c in enumerate(line.split(";"))) for line in body]
    lines = [header] + [body[i % len(body)] for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def run_one(csv_path: Path, mode: str, jobs: int) -> None:
    """One measured run in this fresh process; prints a JSON line."""
    import json

    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        start = time.perf_counter()
        tasks = {"analysis": analyse_only, "validate": validate_only}
        options = {"task": tasks[mode]} if mode in tasks else {}
        report = run_batch(csv_path, BatchOptions(Path(folder)), jobs=jobs, **options)
        wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": report.total, "done": len(report.done),
                      "failed": len(report.failed), "wall": wall,
                      "rate": report.total / wall, "parent_peak_mb": peak / 1024}))


def scale(args: argparse.Namespace) -> int:
    """300, 10 000 and 100 000 rows, each run in a fresh process."""
    import json
    import subprocess

    print(f"mode: {args.mode}  jobs: {args.jobs}  code: {args.root or ROOT}")
    print("| rows | wall (s) | rows/s | parent peak RSS (MB) | done | failed |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="bench-scale-csv-") as folder:
        for rows in args.sizes:
            csv_path = Path(folder) / f"c{rows}.csv"
            scale_csv(csv_path, rows, args.mode)
            command = [sys.executable, __file__, "--run", str(csv_path), "--mode", args.mode,
                       "--jobs", str(args.jobs)] + (["--root", str(args.root)] if args.root
                                                    else [])
            out = subprocess.run(command, capture_output=True, text=True, check=False)
            if out.returncode:
                print(out.stderr[-2000:])
                return 1
            figures = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"| {rows} | {figures['wall']:.1f} | {figures['rate']:.0f} | "
                  f"{figures['parent_peak_mb']:.0f} | {figures['done']} | "
                  f"{figures['failed']} |", flush=True)
    return 0


def main() -> int:
    """Generate, run, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--format", choices=("pdf", "docx", "both"), default="pdf")
    parser.add_argument("--scale", action="store_true")
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 10_000, 100_000])
    parser.add_argument("--mode", choices=("validate", "analysis", "errors"), default="validate")
    parser.add_argument("--root", type=Path, default=None)
    parser.add_argument("--run", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_one(args.run, args.mode, args.jobs)
        return 0
    if args.scale:
        return scale(args)
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
    for issue in [i for i in report.all_issues if i.level == ERROR][:5]:
        print(f"row error: line {issue.line} {issue.commune}: {issue.field} {issue.text}")
    return 0 if not report.failed else 2


if __name__ == "__main__":
    sys.exit(main())
