"""What one worker process does with one row: validate, analyse, `reports.produce` the notes."""

from __future__ import annotations

import gc
import os
import signal
import sys
from typing import Any

from reports.batch.model import ERROR, WARNING, BatchOptions, Issue, Job, Outcome
from reports.files import WriteError
from reports.produce import Cancelled
from reports.texts import message

_cancel: Any = None  # a multiprocessing.Event shared with the parent, set to stop early
_settled = True  # long-lived objects out of the collector's way (pool workers only)


def init_worker(cancel_event: Any) -> None:
    """Pool initializer: the parent alone handles Ctrl-C and SIGTERM; workers watch the event.

    The parent starts workers with both signals blocked (a Ctrl-C during start-up would
    print a traceback); they are ignored here, then unblocked.
    """
    global _cancel, _settled
    _cancel, _settled = cancel_event, False
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def set_cancel_event(event: Any) -> None:
    """Watch `event` in this process (the in-process mode of a one-job batch)."""
    global _cancel
    _cancel = event


def cancelled() -> bool:
    """True once the parent asked the batch to stop."""
    return _cancel is not None and _cancel.is_set()


def peak_rss_kb() -> int:
    """This process's peak resident memory in kB (0 where the platform does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def summary_of(result: Any, job: Job, files: tuple[str, ...]) -> dict[str, Any]:
    """The summary.csv line of one analysed commune."""
    finance = result.finance
    typology = result.typologies[0] if result.typologies else None
    site = result.sites[0] if result.sites else None
    return {
        "line": job.line,
        "commune": result.commune.name,
        "insee_code": result.commune.insee_code,
        "departement": result.commune.departement,
        "verdict": result.verdict.label,
        "typology": typology.name if typology else "",
        "closest_site": f"{site.name} ({site.commune})" if site else "",
        "users_expected": result.demand.users.central,
        "workstations": result.sizing.workstations,
        "investment_eur": finance.investment_total_eur,
        "operating_eur": finance.operating_total_eur,
        "break_even_users": finance.break_even.users_needed,
        "break_even_reached": finance.break_even.reached,
        "public_support_eur": finance.public_support_per_year_eur,
        "contribution_eur": finance.contribution_eur,
        "break_even_feasible": finance.break_even.feasible_at_capacity,
        "frame": " ; ".join(getattr(result.commune, "frame_short", ())),  # as the note says
        "files": list(files),
    }


def _profile_issues(job: Job, messages: list[Any]) -> list[Issue]:
    return [
        Issue(
            job.line,
            job.commune,
            getattr(m, "field", ""),
            WARNING if getattr(m, "level", ERROR) == WARNING else ERROR,
            m.text,
        )
        for m in messages
    ]


def _failed(job: Job, issues: list[Issue]) -> Outcome:
    return Outcome(job.line, job.commune, ok=False, issues=tuple(issues), rss_kb=peak_rss_kb(),
                   pid=os.getpid())


def process_job(job: Job, options: BatchOptions) -> Outcome:
    """Validate, analyse and write the notes of one row; never raises for a bad row."""
    if cancelled():
        return Outcome(job.line, job.commune, ok=False, cancelled=True)
    issues = list(job.issues)
    try:
        from reports.analysis import analyse
        from reports.produce import produce
        from reports.profile import profile_from_dict

        profile, messages = profile_from_dict(job.data)
        issues += _profile_issues(job, messages)
        if profile is None or any(i.level == ERROR for i in issues):
            return _failed(job, issues)
        result = analyse(profile)
        # the note takes author, organisation and logo from the brand itself
        written = produce(result, options.out_dir / job.stem, formats=options.formats,
                          brand=options.brand, cancelled=cancelled)
        files = [path.name for path in written]
    except Cancelled:
        return Outcome(job.line, job.commune, ok=False, cancelled=True, issues=tuple(issues))
    except Exception as exc:  # one row's failure is reported; the batch goes on
        issues.append(Issue(job.line, job.commune, "", ERROR, _failure_text(exc)))
        return _failed(job, issues)
    _settle()
    return Outcome(job.line, result.commune.name, ok=True, files=tuple(files),
                   summary=summary_of(result, job, tuple(files)), issues=tuple(issues),
                   rss_kb=peak_rss_kb(), pid=os.getpid())


def _settle() -> None:
    """After this process's first note, move what it loaded (the directory of 35 000
    communes, the knowledge base, templates, fonts, the first note's caches: ~250 000
    objects) out of the garbage collector's reach (``gc.freeze``): they live as long as the
    worker, and each full collection of a batch otherwise walked them all again (~0.2 s
    each, a few per worker). Later objects are collected as before. Only in a pool worker
    (`init_worker`): the wizard's or a one-job batch's own process is left alone."""
    global _settled
    if not _settled:
        _settled = True
        gc.collect()
        gc.freeze()


def _failure_text(exc: Exception) -> str:
    """A French sentence for an unexpected failure (the note's own errors are French already)."""
    if isinstance(exc, WriteError):
        return message("batch.run.note_unwritten", reason=exc)
    if isinstance(exc, OSError):
        from reports.files import french_reason

        return message("batch.run.note_unwritten_os", reason=french_reason(exc))
    return message("batch.run.unexpected", name=exc.__class__.__name__, reason=exc)
