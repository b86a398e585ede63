"""The one way to produce a note: a profile (or its analysis) → written files.

`produce(source, output, formats=...)` analyses a `Profile` (or takes an `AnalysisResult`),
builds the note in each chosen format (``pdf``, ``docx`` or ``both``) with the brand and
signing given, and writes every file atomically through `reports.files.write_atomic`.
`progress(fraction, message)` runs from 0 to 1 over the whole job; `cancelled()` is asked
at each step and, once true, stops the job with `Cancelled` before anything more is written.
The command line (``note``, ``example``), the batch worker and the wizard all call it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reports.errors import UserFacingError
from reports.texts import message

if TYPE_CHECKING:
    from reports.brand import Brand
    from reports.profile import Profile
    from reports.result import AnalysisResult

Progress = Callable[[float, str], None]

FORMATS = ("pdf", "docx", "both")  # the choice offered to the user
KINDS = ("pdf", "docx")  # the files a choice stands for
_ANALYSIS_SHARE = 0.1  # of the progress bar, when the profile is analysed here


class Cancelled(BaseException):
    """The job was stopped (`cancelled()` turned true); nothing more is written.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` swallows it.
    """


def kinds_of(choice: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The file kinds of a choice: ``both`` → ``("pdf", "docx")``; a tuple is checked."""
    chosen = (KINDS if choice == "both" else (choice,)) if isinstance(choice, str) else choice
    unknown = [k for k in chosen if k not in KINDS]
    if unknown or not chosen:
        raise UserFacingError(message("produce.errors.unknown_format",
                                      formats=", ".join(map(str, unknown))))
    return tuple(dict.fromkeys(chosen))


def targets(output: str | Path, choice: str | tuple[str, ...] = "pdf") -> list[tuple[str, Path]]:
    """The files to write: the PDF at `output`, the Word file beside it (same name, .docx)."""
    out = Path(output)
    known = out.suffix.lower() in (".pdf", ".docx")
    base = out.with_suffix("") if known else out  # "St. Paul" keeps its dot: a name, no suffix
    found = []
    for kind in kinds_of(choice):
        same = kind == "pdf" and out.suffix.lower() == ".pdf"
        found.append((kind, out if same else base.with_name(f"{base.name}.{kind}")))
    return found


def _builder(kind: str) -> Callable[..., bytes]:
    """The function that builds a note of this kind in memory (imported only when asked)."""
    if kind == "docx":
        from reports.docx import docx_bytes

        return docx_bytes
    from reports.note import pdf_bytes

    return pdf_bytes


def produce(source: Profile | AnalysisResult, output: str | Path, *,
            formats: str | tuple[str, ...] = "pdf", brand: Brand | None = None,
            author: str = "", organisation: str = "", logo: str | Path | None = None,
            directory: Any = None, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None,
            invariant: bool = False) -> list[Path]:
    """Write the note of `source` at `output` in the chosen formats; return the paths written.

    `author`, `organisation` and `logo` override the brand's; `directory` is the commune
    directory for the analysis (None: the shipped one). Raises a `UserFacingError` (French)
    for what the user can mend (invalid profile, missing logo, file not writable) and
    `Cancelled` when `cancelled()` turned true.
    """
    from reports.files import write_atomic
    from reports.note.sections import labels
    from reports.result import AnalysisResult

    say = progress or (lambda fraction, message: None)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled

    def step(fraction: float, message: str) -> None:
        check()
        say(fraction, message)

    chosen = targets(output, formats)
    if logo and not os.path.lexists(logo):
        raise UserFacingError(message("produce.errors.missing_logo", path=logo))
    if logo:  # checked before any work (special file, size, pixels): never dropped
        from reports.brand import check_logo

        check_logo(logo)
    start = 0.0
    result = source
    if not isinstance(source, AnalysisResult):
        from reports.analysis import analyse

        step(0.0, labels()["progress_analysis"])
        result = analyse(source, directory=directory)
        start = _ANALYSIS_SHARE
    share = (1.0 - start) / len(chosen)
    written = []
    for number, (kind, path) in enumerate(chosen):
        low = start + number * share

        def within(fraction: float, message: str, low: float = low) -> None:
            step(low + share * fraction, message)

        options: dict[str, Any] = {"author": author, "organisation": organisation,
                                   "logo": logo, "brand": brand, "progress": within}
        if invariant and kind == "pdf":
            options["invariant"] = True
        data = _builder(kind)(result, **options)
        check()
        written.append(write_atomic(path, data))
    say(1.0, labels()["progress_done"])
    return written


__all__ = ["FORMATS", "KINDS", "Cancelled", "kinds_of", "produce", "targets"]
