"""Run the jobs across processes, report progress, stop cleanly, write the two tables."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from reports.batch import worker
from reports.batch.csvread import read_csv
from reports.batch.model import ERROR, BatchOptions, BatchReport, Issue, Job, Outcome
from reports.batch.outputs import write_errors, write_summary
from reports.batch.prepare import directory_lookup, header_issues, make_jobs
from reports.errors import UserFacingError
from reports.files import TEMP_PREFIX, WriteError
from reports.produce import Cancelled

Task = Callable[[Job, BatchOptions], Outcome]
Progress = Callable[[Outcome, int, int], None]  # (outcome, rows finished, rows to do)
SUMMARY_NAME, ERRORS_NAME = "summary.csv", "errors.csv"
_POLL_SECONDS = 0.2  # how often a running batch looks at the stop request


class BatchError(UserFacingError):
    """The batch cannot start (unreadable CSV, output folder not writable); French message.

    `unwritable` tells the command line which exit code to give (3 rather than 2).
    """

    def __init__(self, message: str, *, unwritable: bool = False) -> None:
        super().__init__(message)
        self.unwritable = unwritable


def default_jobs() -> int:
    """One process per core."""
    return max(1, os.cpu_count() or 1)


def run_batch(
    csv_path: str | Path,
    options: BatchOptions,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
    task: Task = worker.process_job,
    lookup: Callable[[str], Any] | bool | None = True,
    on_start: Callable[[int], None] | None = None,
) -> BatchReport:
    """Produce the notes of every row of `csv_path` in `options.out_dir`.

    A bad row is reported, never fatal. Setting `stop` (or Ctrl-C) finishes cleanly: the
    notes already written stay, temporary files are removed, both tables cover what was
    done. `lookup` finds a commune by INSEE code (True: the offline directory; None: none).
    """
    from reports.batch.csvread import CsvReadError

    try:
        table = read_csv(csv_path)
    except CsvReadError as exc:
        raise BatchError(str(exc)) from exc
    out_dir = _prepare_out_dir(options.out_dir)
    options = BatchOptions(out_dir, options.formats, options.brand)
    report = BatchReport(total=len(table.rows), issues=header_issues(table))
    if any(i.level == ERROR for i in report.issues):
        # without a column naming the commune no row can be done: all of them fail
        report.outcomes += [_failed((line, "")) for line, _ in table.rows]
        return _finish(report, out_dir)
    job_list, reading_issues = make_jobs(
        table, directory_lookup() if lookup is True else lookup or None
    )
    report.issues += reading_issues
    if on_start:
        on_start(report.total)
    for line_commune in _lines_of(reading_issues):
        _record(report, _failed(line_commune), progress, report.total)
    stop = stop or threading.Event()
    try:
        if (jobs or default_jobs()) <= 1 or len(job_list) <= 1:
            _run_here(job_list, options, task, stop, report, progress)
        else:
            _run_pool(job_list, options, task, stop, report, progress, jobs or default_jobs())
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        report.interrupted = report.interrupted or stop.is_set()
        sweep_temp_files(out_dir)
        _finish(report, out_dir)
    return report


def _prepare_out_dir(out_dir: Path) -> Path:
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f"{TEMP_PREFIX}probe.{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise BatchError(
            f"Impossible d'écrire dans le dossier {out_dir} : {exc.strerror or exc}.",
            unwritable=True,
        ) from exc
    return out_dir


def _lines_of(issues: list[Issue]) -> list[tuple[int, str]]:
    """Distinct (line, commune) of the rows that failed while being read."""
    return sorted({(i.line, i.commune) for i in issues})


def _failed(line_commune: tuple[int, str]) -> Outcome:
    # the issues themselves are already in report.issues
    return Outcome(line_commune[0], line_commune[1], ok=False)


def _record(report: BatchReport, outcome: Outcome, progress: Progress | None, todo: int) -> None:
    report.outcomes.append(outcome)
    if progress and not outcome.cancelled:
        progress(outcome, len([o for o in report.outcomes if not o.cancelled]), todo)


def _run_here(
    jobs: list[Job],
    options: BatchOptions,
    task: Task,
    stop: threading.Event,
    report: BatchReport,
    progress: Progress | None,
) -> None:
    """One job at a time in this process (``--jobs 1``, or a single row)."""
    worker.set_cancel_event(stop)
    try:
        for job in jobs:
            if stop.is_set():
                break
            _record(report, task(job, options), progress, report.total)
    finally:
        worker.set_cancel_event(None)


def _run_pool(
    jobs: list[Job],
    options: BatchOptions,
    task: Task,
    stop: threading.Event,
    report: BatchReport,
    progress: Progress | None,
    workers: int,
) -> None:
    """Spread the jobs over `workers` processes (spawned, as on Windows, whatever the OS)."""
    context = multiprocessing.get_context("spawn")
    cancel = context.Event()
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)),
        mp_context=context,
        initializer=worker.init_worker,
        initargs=(cancel,),
    )
    futures: dict[Future[Outcome], Job] = {pool.submit(task, job, options): job for job in jobs}
    pending = set(futures)
    try:
        while pending and not stop.is_set():
            finished, pending = wait(pending, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in finished:
                _record(report, _outcome(future, futures[future]), progress, report.total)
    finally:
        # Ctrl-C or stop: workers abandon their current file, queued rows are dropped
        if pending:
            cancel.set()
        pool.shutdown(wait=True, cancel_futures=True)
        for future in pending:
            if future.done() and not future.cancelled():
                _record(report, _outcome(future, futures[future]), None, report.total)


def _outcome(future: Future[Outcome], job: Job) -> Outcome:
    """The worker's outcome, or a failure naming what went wrong in the worker itself."""
    try:
        return future.result()
    except Cancelled:
        return Outcome(job.line, job.commune, ok=False, cancelled=True)
    except Exception as exc:  # a crashed worker process must not stop the batch
        text = f"Traitement interrompu par une erreur : {exc.__class__.__name__} : {exc}"
        return Outcome(
            job.line, job.commune, ok=False, issues=(Issue(job.line, job.commune, "", ERROR, text),)
        )


def sweep_temp_files(out_dir: Path) -> list[Path]:
    """Remove temporary notes a stopped worker may have left; return what was removed."""
    removed = []
    for path in out_dir.glob(f"{TEMP_PREFIX}*"):
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            continue
    return removed


def _finish(report: BatchReport, out_dir: Path) -> BatchReport:
    """Write summary.csv and errors.csv for what was done."""
    try:
        report.summary_path = write_summary(
            out_dir / SUMMARY_NAME, [o.summary for o in report.done if o.summary]
        )
        report.errors_path = write_errors(out_dir / ERRORS_NAME, report.all_issues)
    except WriteError as exc:  # already French and names the file
        raise BatchError(str(exc), unwritable=True) from exc
    except OSError as exc:
        raise BatchError(
            f"Impossible d'écrire le récapitulatif dans {out_dir} : {exc}.", unwritable=True
        ) from exc
    return report
