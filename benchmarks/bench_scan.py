"""Measure the territory scan: one département, and the analysis of every commune of France.

Run from the repository root::

    .venv/bin/python benchmarks/bench_scan.py --departement 11 [--jobs 2] [--repeat 3]
    .venv/bin/python benchmarks/bench_scan.py --france [--jobs 2] [--no-pdf]

Targets (issue 11), on the shared 2-core machine: every commune of one département in under
30 s (scan.csv and scan.pdf written), the analysis of all of France's communes in under
10 minutes. Figures are printed, never asserted. Also printed: the first catchment (index
build) and the median time of one catchment and of one commune's analysis.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reports.communes import directory  # noqa: E402
from reports.scan import by_departement, run_scan, whole_france  # noqa: E402
from reports.scan.rows import analyse_commune  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--departement", metavar="DD")
    which.add_argument("--france", action="store_true")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()

    start = time.perf_counter()
    book = directory()
    book.catchment("75056")
    print(f"annuaire + index des zones desservies : {time.perf_counter() - start:.2f} s")
    codes = book.current_codes(departement="11")[:200]
    times = []
    for code in codes:
        t = time.perf_counter()
        book._catchment_index.catchment(code, 25)
        times.append(time.perf_counter() - t)
    print(f"une zone desservie (25 min), médiane : {1000 * statistics.median(times):.2f} ms")
    times = []
    for code in codes[:60]:
        t = time.perf_counter()
        analyse_commune(code)
        times.append(time.perf_counter() - t)
    print(f"analyse d'une commune du scan, médiane : {1000 * statistics.median(times):.1f} ms")

    selection = whole_france() if args.france else by_departement(args.departement)
    runs = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as out:
            t = time.perf_counter()
            report = run_scan(selection, out, jobs=args.jobs, pdf=not args.no_pdf)
            runs.append(time.perf_counter() - t)
    print(f"{selection.label} : {len(report.rows)} communes classées, "
          f"{len(report.skipped)} non analysées, {args.jobs} processus ; "
          f"médiane {statistics.median(runs):.1f} s sur {len(runs)} passage(s) "
          f"({', '.join(f'{r:.1f}' for r in runs)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
