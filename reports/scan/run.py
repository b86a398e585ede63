"""Running a territory scan: analyse each commune (in parallel for big territories), rank,
write scan.csv and scan.pdf."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reports.scan.rows import analyse_commune, rank, settings
from reports.texts import message

Progress = Callable[[float, str], None]
PARALLEL_FROM = 200  # fewer communes than this: one process (start-up costs more)
CHUNK = 64


@dataclass
class ScanReport:
    """What a scan did: rows best first, communes skipped (code, French reason), files."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _chunk_rows(codes: list[str]) -> list[Any]:
    """A worker's share (module level, so that the pool can pickle it)."""
    return [analyse_commune(code) for code in codes]


def _analyse_all(codes: list[str], jobs: int, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> list[Any]:
    from reports.produce import Cancelled

    out: list[Any] = []
    total = len(codes)

    def step() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(0.9 * len(out) / total, message("scan.run.progress", done=len(out),
                                                     total=total))

    if jobs <= 1 or total < PARALLEL_FROM:
        for code in codes:
            step()
            out.append(analyse_commune(code))
        step()
        return out
    chunks = [codes[i:i + CHUNK] for i in range(0, total, CHUNK)]
    try:
        import multiprocessing

        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork (Windows, macOS default): spawn works, slower to start
        context = None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = [pool.submit(_chunk_rows, chunk) for chunk in chunks]
        try:
            for future in futures:
                out.extend(future.result())
                step()
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return out


def csv_rows(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    """scan.csv's French header and cells (numbers French-style, as the batch tables)."""
    from reports.batch.outputs import number_cell

    columns = settings()["columns"]
    decimals = {"concentration": 2, "nearest_place_km": 1, "score": 1, "demand_central": 0,
                "population": 0, "catchment_population": 0, "rank": 0, "density_level": 0}
    cells = []
    for row in rows:
        line = []
        for key, _ in columns:
            value = row.get(key)
            line.append(number_cell(value, decimals[key]) if key in decimals
                        else "" if value is None
                        else " ; ".join(value) if isinstance(value, tuple) else str(value))
        cells.append(line)
    return [title for _, title in columns], cells


def run_scan(selection: Any, out_dir: str | Path, *, progress: Progress | None = None,
             cancelled: Callable[[], bool] | None = None, jobs: int | None = None,
             pdf: bool = True) -> ScanReport:
    """Analyse every commune of `selection`, rank them, write ``scan.csv`` (and ``scan.pdf``)
    in `out_dir` (created if needed). `progress(fraction, message)`; `cancelled()` stops the
    scan with `reports.produce.Cancelled` before anything is written; `jobs` processes
    (default: one per core for 200 communes or more)."""
    from reports.batch.outputs import write_table
    from reports.communes import directory
    from reports.files import write_atomic
    from reports.scan.pdf import scan_pdf

    book = directory()
    book.catchment(selection.codes[0])  # build the indexes once, before any fork
    jobs = jobs or max(1, os.cpu_count() or 1)
    results = _analyse_all(list(selection.codes), jobs, progress, cancelled)
    report = ScanReport(skipped=list(selection.skipped))
    rows = []
    for found in results:
        if isinstance(found, tuple):
            report.skipped.append(found)
        else:
            rows.append(found)
    report.rows = rank(rows)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from reports.files import WriteError

        raise WriteError(message("scan.run.cannot_create", path=out,
                                 reason=exc.strerror or exc)) from exc
    header, cells = csv_rows(report.rows)
    report.files.append(write_table(out / "scan.csv", header, cells))
    if pdf:
        if progress is not None:
            progress(0.95, message("scan.run.pdf"))
        data = scan_pdf(report.rows, selection, book, skipped=report.skipped)
        report.files.append(write_atomic(out / "scan.pdf", data))
    if progress is not None:
        progress(1.0, message("scan.run.finished"))
    return report
