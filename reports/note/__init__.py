"""The PDF feasibility note: `render_note(result, path, ...)` and `NoteWriteError`.

`SECTIONS` (order and titles) is shared with the DOCX export; reportlab is imported only
when a note is rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reports.note.sections import Section, labels, sections
from reports.note.write import NoteWriteError

SECTIONS: tuple[Section, ...] = sections()


if TYPE_CHECKING:
    from reports.brand import Brand
    from reports.result import AnalysisResult


def render_note(result: AnalysisResult, path: str | Path, *, author: str = "",
                organisation: str = "", logo: str | Path | None = None,
                brand: Brand | None = None,
                progress: Callable[[float, str], None] | None = None,
                invariant: bool = False) -> Path:
    """Render the note of `result` to the PDF file `path` (written atomically); return its path.

    `author`, `organisation` and `logo` override the brand's; `progress(fraction, message)`
    is called as the work advances; `invariant=True` gives byte-stable output (tests).
    Raises `NoteWriteError` (French message) when the file cannot be written.
    """
    from reports.note.render import render

    return render(result, path, author=author, organisation=organisation, logo=logo,
                  brand=brand, progress=progress, invariant=invariant)


def pdf_bytes(result: AnalysisResult, **options: object) -> bytes:
    """The note's PDF in memory (same keywords as `render_note`, without the path);
    `reports.produce` writes it."""
    from reports.note.render import pdf_bytes as build

    return build(result, **options)


__all__ = ["SECTIONS", "NoteWriteError", "Section", "labels", "pdf_bytes", "render_note"]
