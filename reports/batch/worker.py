"""What one worker process does with one row: validate, analyse, write the notes atomically."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reports.batch.model import ERROR, WARNING, BatchOptions, Issue, Job, Outcome
from reports.files import WriteError

TEMP_PREFIX = "~tierslieu-"  # temporary notes: "~tierslieu-<stem>.<pid>.pdf", removed on failure

_cancel: Any = None  # a multiprocessing.Event shared with the parent, set to stop early


class Cancelled(BaseException):
    """The batch was stopped; raised from the note's progress callback to abandon a file.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` swallows it.
    """


def init_worker(cancel_event: Any) -> None:
    """Pool initializer: the parent alone handles Ctrl-C; workers watch the shared event."""
    global _cancel
    _cancel = cancel_event
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def set_cancel_event(event: Any) -> None:
    """Watch `event` in this process (the in-process mode of a one-job batch)."""
    global _cancel
    _cancel = event


def cancelled() -> bool:
    """True once the parent asked the batch to stop."""
    return _cancel is not None and _cancel.is_set()


def _check_cancel(*_args: Any, **_kwargs: Any) -> None:
    if cancelled():
        raise Cancelled


def peak_rss_kb() -> int:
    """This process's peak resident memory in kB (0 where the platform does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def temp_path(final: Path) -> Path:
    """The temporary file a note is written to before it takes its final name."""
    return final.with_name(f"{TEMP_PREFIX}{final.stem}.{os.getpid()}{final.suffix}")


def write_atomically(final: Path, render: Callable[[Path], Any]) -> Path:
    """Run `render(temp)` then move the temp file onto `final`; never leave a partial file."""
    tmp = temp_path(final)
    try:
        render(tmp)
        _check_cancel()
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    return final


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
        "files": list(files),
    }


def _profile_issues(job: Job, messages: list[Any]) -> list[Issue]:
    return [
        Issue(
            job.line,
            job.commune,
            getattr(m, "field", ""),
            ERROR if getattr(m, "level", "error") == "error" else WARNING,
            m.text,
        )
        for m in messages
    ]


def render(result: Any, path: Path, fmt: str, options: BatchOptions) -> None:
    """Write one note (PDF or DOCX) of `result` at `path`."""
    # the note takes author, organisation and logo from the brand itself
    common = {"brand": options.brand}
    if fmt == "pdf":
        from reports.note import render_note

        render_note(result, path, progress=_check_cancel, **common)
    else:
        from reports.docx import render_docx

        render_docx(result, path, progress=_check_cancel, **common)


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
        from reports.profile import profile_from_dict

        profile, messages = profile_from_dict(job.data)
        issues += _profile_issues(job, messages)
        if profile is None or any(i.level == ERROR for i in issues):
            return _failed(job, issues)
        result = analyse(profile)
        files = []
        for fmt in options.formats:
            final = options.out_dir / f"{job.stem}.{fmt}"
            write_atomically(final, lambda tmp, fmt=fmt: render(result, tmp, fmt, options))
            files.append(final.name)
    except Cancelled:
        return Outcome(job.line, job.commune, ok=False, cancelled=True, issues=tuple(issues))
    except Exception as exc:  # one row's failure is reported; the batch goes on
        issues.append(Issue(job.line, job.commune, "", ERROR, _failure_text(exc)))
        return _failed(job, issues)
    return Outcome(job.line, result.commune.name, ok=True, files=tuple(files),
                   summary=summary_of(result, job, tuple(files)), issues=tuple(issues),
                   rss_kb=peak_rss_kb(), pid=os.getpid())


def _failure_text(exc: Exception) -> str:
    """A French sentence for an unexpected failure (the note's own errors are French already)."""
    if isinstance(exc, WriteError | OSError):
        return f"Note non écrite : {exc}"
    return f"Erreur inattendue pendant l'analyse ou l'écriture : {exc.__class__.__name__} : {exc}"
