"""Measure knowledge-base load time and analysis time per profile.

Run from the repository root::

    .venv/bin/python benchmarks/bench_analysis.py [--fresh 7] [--repeat 30]

Targets (issue 3), on the shared 2-core machine: knowledge base loaded in under 150 ms,
analysis under 5 ms per profile (median). Figures are printed, never asserted.

* Knowledge base: ``load_knowledge()`` in a fresh interpreter each time (import of
  ``reports.knowledge`` counted separately), and repeated in-process loads (files cached
  by the system, the ``knowledge()`` cache bypassed).
* Analysis: the shipped examples and the ten study sites as profiles, each analysed
  `repeat` times; the median of each profile's median, without the communes directory
  (the engine alone), with it and its neighbourhoods cached (the wizard re-analysing a
  commune), and with the commune's neighbourhood cache cleared before every call (a new
  commune each time: one neighbourhood computation of the directory is then counted; the
  reference sites' catchments stay cached, as in any session after the first analysis).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reports.analysis import analyse, profile_from_site  # noqa: E402
from reports.analysis.demand import neighbourhood_of  # noqa: E402
from reports.communes import directory as communes  # noqa: E402
from reports.knowledge import knowledge, load_knowledge  # noqa: E402
from reports.paths import resource  # noqa: E402
from reports.profile import read_profile  # noqa: E402

FRESH = """
import time
t0 = time.perf_counter()
import reports.knowledge as k
t1 = time.perf_counter()
k.load_knowledge()
t2 = time.perf_counter()
print((t1 - t0) * 1000, (t2 - t1) * 1000)
"""


def fresh_loads(count: int) -> tuple[list[float], list[float]]:
    """(import ms, load ms) in `count` fresh interpreters."""
    imports, loads = [], []
    for _ in range(count):
        out = subprocess.run([sys.executable, "-c", FRESH], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
        imports.append(float(out[0]))
        loads.append(float(out[1]))
    return imports, loads


def warm_loads(count: int) -> list[float]:
    """In-process reloads of the knowledge base, in ms."""
    times = []
    for _ in range(count):
        start = time.perf_counter()
        load_knowledge()
        times.append((time.perf_counter() - start) * 1000)
    return times


def profiles() -> list[tuple[str, object]]:
    """The shipped examples and the ten sites as profiles."""
    out = []
    for node in sorted(resource("examples").iterdir(), key=lambda n: n.name):
        if node.name.endswith(".tierslieu.json"):
            profile, _ = read_profile(Path(str(node)))
            out.append((node.name, profile))
    out += [(f"site {s.site_id}", profile_from_site(s)) for s in knowledge().sites]
    return out


def analysis_times(items: list[tuple[str, object]], repeat: int, directory,
                   cold: bool = False) -> dict[str, float]:
    """Median analysis time per profile, in ms (`cold`: no cached neighbourhood)."""
    kb = knowledge()
    medians = {}
    for name, profile in items:
        analyse(profile, kb, directory)  # first call builds the caches
        times = []
        for _ in range(repeat):
            if cold:
                neighbourhood_of.cache_clear()
            start = time.perf_counter()
            analyse(profile, kb, directory)
            times.append((time.perf_counter() - start) * 1000)
        medians[name] = statistics.median(times)
    return medians


def main() -> None:
    """Print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", type=int, default=7, help="fresh interpreters")
    parser.add_argument("--repeat", type=int, default=30, help="analyses per profile")
    args = parser.parse_args()

    imports, loads = fresh_loads(args.fresh)
    print(f"Knowledge base, fresh interpreter ({args.fresh} runs): load median "
          f"{statistics.median(loads):.1f} ms (min {min(loads):.1f}, max {max(loads):.1f}); "
          f"import of reports.knowledge median {statistics.median(imports):.1f} ms "
          "(target: load < 150 ms)")
    warm = warm_loads(args.fresh)
    print(f"Knowledge base, in-process reload: median {statistics.median(warm):.1f} ms")

    items = profiles()
    found = communes()
    for label, directory, cold in (("without the directory", False, False),
                                   ("with the directory, neighbourhoods cached", found, False),
                                   ("with the directory, commune not cached", found, True)):
        medians = analysis_times(items, args.repeat, directory, cold)
        worst = max(medians, key=medians.get)
        print(f"Analysis {label} ({len(items)} profiles × {args.repeat}): median "
              f"{statistics.median(medians.values()):.2f} ms per profile; slowest "
              f"{worst} {medians[worst]:.2f} ms (target: < 5 ms)")


if __name__ == "__main__":
    main()
