"""Run the jobs across processes, report progress, stop cleanly, write the two tables."""

from __future__ import annotations

import contextlib
import errno
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Any

from reports.batch import worker
from reports.batch.csvread import read_csv
from reports.batch.model import ERROR, WARNING, BatchOptions, BatchReport, Issue, Job, Outcome
from reports.batch.outputs import pack_cells, summary_cells, write_errors, write_summary_cells
from reports.batch.prepare import JobPlan, directory_lookup, header_issues
from reports.errors import UserFacingError
from reports.files import MAX_PATH, TEMP_PREFIX, WriteError, french_reason, shown, write_atomic
from reports.produce import Cancelled
from reports.texts import message

Task = Callable[[Job, BatchOptions], Outcome]
Progress = Callable[[Outcome, int, int], None]  # (outcome, rows finished, rows to do)
SUMMARY_NAME, ERRORS_NAME = "summary.csv", "errors.csv"
_POLL_SECONDS = 0.2  # how often a running batch looks at the stop request
WINDOW_PER_WORKER = 4  # jobs in flight per worker process: enough to keep each one busy
GRACE_SECONDS = 4.0  # after a stop, how long a busy worker may take to abandon its note
# errors.csv's « Champ » of a line read with another encoding
ENCODING_FIELD = message("batch.row.encoding_field")


class BatchError(UserFacingError):
    """The batch cannot start (unreadable CSV, output folder not writable); French message.

    `unwritable`: the output cannot be written, exit code 3 rather than 2.
    """

    def __init__(self, message: str, *, unwritable: bool = False) -> None:
        super().__init__(message)
        self.unwritable = unwritable
        self.exit_code = 3 if unwritable else 2


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
    signals: bool = False,
) -> BatchReport:
    """Produce the notes of every row of `csv_path` in `options.out_dir`.

    A bad row is reported, never fatal. Setting `stop` (or Ctrl-C) finishes cleanly: the
    notes already written stay, temporary files this run made are removed, both tables cover
    what was done. `lookup` finds a commune by INSEE code (True: the offline directory; None:
    none). `signals` (the command line): SIGINT and SIGTERM set `stop` instead of raising, so
    the batch stops within seconds at any size; `report.signal` says which one came.

    Rows stream to the worker processes through a bounded window (`WINDOW_PER_WORKER` jobs
    per process in flight): memory does not grow with the number of rows.
    """
    from reports.batch.csvread import CsvReadError

    stop = stop or threading.Event()
    caught: list[int] = []
    with _signals_set_stop(stop, caught) if signals else contextlib.nullcontext():
        try:
            table = read_csv(csv_path)
        except CsvReadError as exc:
            raise BatchError(str(exc)) from exc
        out_dir = _prepare_out_dir(options.out_dir)
        options = BatchOptions(out_dir, options.formats, options.brand)
        report = BatchReport(total=len(table.rows), issues=header_issues(table))
        report.issues += [Issue(line, "", ENCODING_FIELD, WARNING, text)
                          for line, text in table.warnings]
        tally = _Tally(report, progress, out_dir, options.formats)
        if any(i.level == ERROR for i in report.issues):
            # without a column naming the commune no row can be done: all of them fail
            for line, _ in table.rows:
                tally.record(_failed((line, "")), quiet=True)
            return _finish(report, out_dir)
        plan = JobPlan(table, directory_lookup() if lookup is True else lookup or None)
        tally.stems = plan.stems.values()
        report.issues += plan.issues
        if on_start:
            on_start(report.total)
        for line_commune in _lines_of(plan.issues):
            tally.record(_failed(line_commune))
        try:
            if (jobs or default_jobs()) <= 1 or len(plan) <= 1:
                _run_here(plan.jobs(), options, task, stop, tally)
            else:
                _run_pool(plan.jobs(), options, task, stop, tally,
                          min(jobs or default_jobs(), len(plan)))
        except KeyboardInterrupt:
            report.interrupted = True
        finally:
            report.interrupted = report.interrupted or stop.is_set()
            report.signal = caught[0] if caught else 0
            tally.sweep()
            _finish(report, out_dir)
    return report


@contextlib.contextmanager
def _signals_set_stop(stop: threading.Event, caught: list[int]) -> Iterator[None]:
    """While the batch runs, SIGINT and SIGTERM set `stop` (a second one still does)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, _frame: Any) -> None:
        if not caught:
            caught.append(signum)
        stop.set()

    wanted = [signal.SIGINT] + ([signal.SIGTERM] if hasattr(signal, "SIGTERM") else [])
    previous = {sig: signal.signal(sig, handler) for sig in wanted}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _prepare_out_dir(out_dir: Path) -> Path:
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        # written as the notes will be (the one writer), then removed: refused now, not per row
        write_atomic(out_dir / f"{TEMP_PREFIX}probe.{os.getpid()}.tmp", b"").unlink()
    except (OSError, WriteError) as exc:
        cause = exc if isinstance(exc, OSError) else exc.__cause__
        text = _folder_message(out_dir, cause) if isinstance(cause, OSError) else str(exc)
        raise BatchError(text, unwritable=True) from exc
    return out_dir


def _folder_message(out_dir: Path, exc: OSError) -> str:
    if exc.errno == errno.EEXIST or (exc.errno == errno.ENOTDIR and out_dir.is_file()):
        return message("batch.run.folder_is_file", path=shown(out_dir))
    if exc.errno == errno.ENAMETOOLONG or len(str(out_dir)) > MAX_PATH:
        return message("batch.run.folder_too_long", path=shown(out_dir))
    return message("batch.run.folder_unwritable", path=shown(out_dir), reason=french_reason(exc))


def _lines_of(issues: list[Issue]) -> list[tuple[int, str]]:
    """Distinct (line, commune) of the rows that failed while being read."""
    return sorted({(i.line, i.commune) for i in issues})


def _failed(line_commune: tuple[int, str]) -> Outcome:
    # the issues themselves are already in report.issues
    return Outcome(line_commune[0], line_commune[1], ok=False)


class _Tally:
    """Records outcomes as they come: a running count (progress stays linear), summary cells
    formatted at once (the report keeps small outcomes, not the summary dicts), and what this
    run may have left in the output folder, so that the sweep removes that and nothing else.
    """

    def __init__(self, report: BatchReport, progress: Progress | None, out_dir: Path,
                 formats: tuple[str, ...]) -> None:
        self.report, self.progress, self.out_dir = report, progress, out_dir
        self.formats = formats
        self.finished = 0
        self.before = _listing(out_dir)  # what was there before: never removed
        self.stems: Iterable[str] = ()  # the file stems of this run's rows (JobPlan.stems)
        self.abandoned: list[Job] = []

    def record(self, outcome: Outcome, quiet: bool = False, job: Job | None = None) -> None:
        if outcome.cancelled and job is not None:
            # stopped mid-row: a note it wrote before the stop (PDF of "both") is not kept
            self.abandoned.append(job)
        if outcome.summary:
            cells = pack_cells(summary_cells(outcome.summary))
            self.report.summary_rows.append((outcome.line, cells))
            outcome = replace(outcome, summary=None)
        self.report.outcomes.append(outcome)
        if not outcome.cancelled:
            self.finished += 1
            if self.progress and not quiet:
                self.progress(outcome, self.finished, self.report.total)

    def abandon(self, job: Job) -> None:
        """A row stopped by force: its outcome says cancelled, its files are not kept."""
        self.record(Outcome(job.line, job.commune, ok=False, cancelled=True), quiet=True, job=job)

    def sweep(self) -> list[Path]:
        """Remove this run's leftovers: temp files of its jobs, notes of abandoned rows."""
        new = _listing(self.out_dir) - self.before  # what appeared during the run
        if not new:
            return []
        listed = {name for o in self.report.outcomes if o.ok for name in o.files}
        doomed = {f"{job.stem}.{fmt}" for job in self.abandoned for fmt in self.formats}
        # write_atomic's temp for a note: "~tierslieu-<note name[:40]>.<random>.tmp"
        temps = {f"{TEMP_PREFIX}{stem}.{fmt}"[: len(TEMP_PREFIX) + 40] + "."
                 for stem in self.stems for fmt in self.formats} if any(
                     n.endswith(".tmp") for n in new) else set()
        removed = []
        for name in new - listed:
            is_temp = name.endswith(".tmp") and name[:-4].rpartition(".")[0] + "." in temps
            if is_temp or name in doomed:
                path = self.out_dir / name
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
        return removed


def _listing(folder: Path) -> set[str]:
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


def _run_here(
    jobs: Iterator[Job],
    options: BatchOptions,
    task: Task,
    stop: threading.Event,
    tally: _Tally,
) -> None:
    """One job at a time in this process (``--jobs 1``, or a single row)."""
    worker.set_cancel_event(stop)
    try:
        for job in jobs:
            if stop.is_set():
                break
            tally.record(task(job, options), job=job)
    finally:
        worker.set_cancel_event(None)


def _run_pool(
    jobs: Iterator[Job],
    options: BatchOptions,
    task: Task,
    stop: threading.Event,
    tally: _Tally,
    workers: int,
) -> None:
    """Stream the jobs to `workers` processes (spawned, as on Windows, whatever the OS).

    At most `WINDOW_PER_WORKER` jobs per process are in flight. On stop the workers abandon
    their current note (a shared event their progress checks); those still busy after
    `GRACE_SECONDS` are killed, and their rows counted as interrupted.
    """
    context = multiprocessing.get_context("spawn")
    cancel = context.Event()
    with _signals_blocked():  # workers start with SIGINT/SIGTERM blocked, then ignore them
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                   initializer=worker.init_worker, initargs=(cancel,))
    in_flight: dict[Future[Outcome], Job] = {}
    window = workers * WINDOW_PER_WORKER
    pending = iter(jobs)
    try:
        while not stop.is_set():
            while len(in_flight) < window and not stop.is_set():
                job = next(pending, None)
                if job is None:
                    break
                with _signals_blocked():  # a worker spawned here inherits the blocked mask
                    in_flight[pool.submit(task, job, options)] = job
            if not in_flight:
                break
            finished, _ = wait(in_flight, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in finished:
                job = in_flight.pop(future)
                tally.record(_outcome(future, job), job=job)
    finally:
        _stop_pool(pool, cancel, in_flight, tally)


def _stop_pool(pool: ProcessPoolExecutor, cancel: Any, in_flight: dict[Future[Outcome], Job],
               tally: _Tally) -> None:
    """Let running jobs finish or abandon their note, then end every worker process."""
    if in_flight:
        cancel.set()
        for future in in_flight:
            future.cancel()  # not started yet: dropped at once
        deadline = time.monotonic() + GRACE_SECONDS
        while in_flight and time.monotonic() < deadline:
            finished, _ = wait(in_flight, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in finished:
                job = in_flight.pop(future)
                if future.cancelled():
                    tally.record(Outcome(job.line, job.commune, ok=False, cancelled=True))
                else:
                    tally.record(_outcome(future, job), quiet=True, job=job)
        if in_flight:  # still busy: end the processes rather than wait for them
            for process in list(getattr(pool, "_processes", {}).values()):
                with contextlib.suppress(Exception):
                    process.kill()
            for job in in_flight.values():
                tally.abandon(job)
    _shutdown(pool)


def _shutdown(pool: ProcessPoolExecutor) -> None:
    """End the pool without ever waiting forever.

    `shutdown(wait=True)` right after cancelling futures can hang in CPython's executor
    manager thread (seen here under load: the manager blocked in `Future.cancel` while the
    main thread joined it; CPython gh-94440 is of the same family). So: shut down without
    waiting, give the manager a bounded time, and end the worker processes if it is stuck.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    if manager is None:
        return
    manager.join(GRACE_SECONDS)
    if manager.is_alive():
        for process in processes:
            with contextlib.suppress(Exception):
                process.kill()
        manager.join(1.0)
    if manager.is_alive():
        _STUCK.set()


# Set when an executor manager thread could not be ended: the command line then leaves with
# os._exit once its tables are written, since the interpreter would join that thread at exit.
_STUCK = threading.Event()


def pool_stuck() -> bool:
    """True when a stopped pool left a thread the interpreter would wait for at exit."""
    return _STUCK.is_set()


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """SIGINT and SIGTERM held back (delivered on exit) where the platform can."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _outcome(future: Future[Outcome], job: Job) -> Outcome:
    """The worker's outcome, or a failure naming what went wrong in the worker itself."""
    try:
        return future.result()
    except Cancelled:
        return Outcome(job.line, job.commune, ok=False, cancelled=True)
    except BrokenProcessPool:
        text = message("batch.run.worker_died")
    except Exception as exc:  # a crashed worker process must not stop the batch
        text = message("batch.run.worker_failed", name=exc.__class__.__name__, reason=exc)
    return Outcome(job.line, job.commune, ok=False,
                   issues=(Issue(job.line, job.commune, "", ERROR, text),))


def _finish(report: BatchReport, out_dir: Path) -> BatchReport:
    """Write summary.csv and errors.csv for what was done."""
    try:
        report.summary_path = write_summary_cells(out_dir / SUMMARY_NAME, report.summary_rows)
        report.errors_path = write_errors(out_dir / ERRORS_NAME, report.all_issues)
    except WriteError as exc:  # already French and names the file
        raise BatchError(str(exc), unwritable=True) from exc
    except OSError as exc:
        raise BatchError(message("batch.run.tables_unwritable", folder=shown(out_dir),
                                 reason=french_reason(exc)), unwritable=True) from exc
    return report
