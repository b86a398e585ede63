"""Measure the communes directory: load time, search latency, neighbourhood, storage formats.

Run from the repository root::

    .venv/bin/python benchmarks/bench_communes.py [--loads 15] [--names 400]

Targets (issue 4): load under 200 ms, search p95 under 5 ms over the full directory.
Figures are printed, never asserted: the machine is shared and timings vary.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reports.communes import COMMUNES_FILE, load_directory  # noqa: E402
from reports.paths import read_bytes  # noqa: E402

COLD_LOAD = """
import time
t = time.perf_counter()
from reports.communes import load_directory
d = load_directory()
print(time.perf_counter() - t)
"""


def summary(label: str, seconds: list[float]) -> None:
    """Print median, p95 and max in milliseconds."""
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(f"{label:<48} n={len(ms):<6} médiane {statistics.median(ms):7.2f} ms   "
          f"p95 {p95:7.2f} ms   max {ms[-1]:7.2f} ms")


def bench_load(runs: int) -> None:
    """Import + load in a fresh interpreter (what the wizard pays at start), then warm."""
    cold = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD_LOAD], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
        cold.append(float(out))
    summary("chargement à froid (import + lecture)", cold)
    warm = []
    for _ in range(runs):
        t = time.perf_counter()
        load_directory()
        warm.append(time.perf_counter() - t)
    summary("chargement à chaud (lecture seule)", warm)


def queries(book, names: int) -> list[str]:
    """What people type: every prefix of a spread of names (as one types), lower-case and
    without accents or hyphens, plus postal codes, INSEE codes, inner words and old names."""
    every = book.all_current()
    step = max(1, len(every) // names)
    typed: list[str] = []
    for i in range(0, len(every), step):
        commune = every[i]
        name = commune.name
        typed += [name[:k] for k in range(1, len(name) + 1)]
        typed.append(name.lower().replace("-", " "))
        typed += [*commune.postal_codes[:1], commune.insee_code]
        typed += [w for w in name.split("-")[1:] if len(w) > 3]
    typed += ["Bramans", "Arbignieu", "Prades (66)", "saint e", "st", "e", "zz", "lès"]
    return typed


def bench_search(book, names: int) -> None:
    """Latency of `search` over realistic typing."""
    typed = queries(book, names)
    for q in typed[:200]:  # warm the lazy indexes once, as the first keystrokes would
        book.search(q)
    times = []
    for q in typed:
        t = time.perf_counter()
        book.search(q, limit=10)
        times.append(time.perf_counter() - t)
    summary("recherche (préfixes tapés, codes, mots)", times)


def bench_neighbourhood(book) -> None:
    """The first call builds the geographic index; then one call per commune picked."""
    t = time.perf_counter()
    book.neighbourhood("48198")
    print(f"{'voisinage, premier appel (index géographique)':<48} "
          f"{(time.perf_counter() - t) * 1000:7.2f} ms")
    every = book.all_current()
    codes = [every[i].insee_code for i in range(0, len(every), len(every) // 200)]
    times = []
    for code in codes:
        t = time.perf_counter()
        book.neighbourhood(code)
        times.append(time.perf_counter() - t)
    summary("voisinage (anneaux + tiers-lieux)", times)


def bench_formats(runs: int) -> None:
    """The same big table stored three ways, read in full: why the directory is a gzip'd
    tab-separated file whose lines are split only when a commune is asked for."""
    text = gzip.decompress(read_bytes("communes", COMMUNES_FILE)).decode("utf-8")
    rows = [line.split("\t") for line in text.splitlines()]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    csv_gz = gzip.compress(buffer.getvalue().encode("utf-8"), 9, mtime=0)
    tsv_gz = gzip.compress(text.encode("utf-8"), 9, mtime=0)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "communes.sqlite"
        con = sqlite3.connect(db)
        con.execute(f"CREATE TABLE c ({', '.join(rows[0])})")
        con.executemany(f"INSERT INTO c VALUES ({', '.join('?' * len(rows[0]))})", rows[1:])
        con.commit()
        con.close()
        readers = {
            "CSV gzip, module csv (toutes les cellules)":
                (len(csv_gz), lambda: list(csv.reader(
                    gzip.decompress(csv_gz).decode("utf-8").splitlines()))),
            "SQLite, SELECT * (toutes les cellules)":
                (db.stat().st_size, lambda: _sqlite_all(db)),
            "TSV gzip, lignes seules (retenu)":
                (len(tsv_gz), lambda: gzip.decompress(tsv_gz).decode("utf-8").split("\n")),
        }
        for label, (size, read) in readers.items():
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                read()
                times.append(time.perf_counter() - t)
            summary(f"{label} {size / 1e6:.2f} Mo", times)


def _sqlite_all(db: Path) -> list:
    """Every row of the SQLite copy."""
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT * FROM c").fetchall()
    finally:
        con.close()


def main() -> int:
    """Run every measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=15, help="load repetitions")
    parser.add_argument("--names", type=int, default=400, help="names whose prefixes are typed")
    args = parser.parse_args()
    book = load_directory()
    print(f"Annuaire : {len(book)} noms ({book.vintage}), Python {sys.version.split()[0]}")
    sizes = sum(p.stat().st_size for p in (ROOT / "resources" / "communes").iterdir())
    print(f"Ressources resources/communes/ : {sizes / 1e6:.2f} Mo")
    bench_load(args.loads)
    bench_search(book, args.names)
    bench_neighbourhood(book)
    bench_formats(args.loads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
