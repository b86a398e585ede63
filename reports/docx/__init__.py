"""The note as an editable Word file: `render_docx(result, path, ...)`.

Same sections, titles and text as the PDF (the same templates, `reports.note.SECTIONS`),
with real Word headings, tables and pictures of the same charts, for a consultant to rework
in Word or LibreOffice. Written atomically; raises `NoteWriteError` (French) when it cannot.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reports.note import NoteWriteError

Progress = Callable[[float, str], None]

__all__ = ["NoteWriteError", "docx_bytes", "render_docx"]


def docx_bytes(result: Any, *, author: str = "", organisation: str = "", logo: Any = None,
               brand: Any = None, progress: Progress | None = None,
               today: dt.date | None = None) -> bytes:
    """The Word file of the note, built in memory (progress goes from 0.05 to 0.9)."""
    from reports.docx.compose import compose
    from reports.note.sections import labels

    say = progress or (lambda fraction, message: None)
    document = compose(result, author=author, organisation=organisation, logo=logo,
                       brand=brand, say=say, today=today)
    buffer = io.BytesIO()
    document.save(buffer)
    say(0.9, labels()["progress_write"])
    return buffer.getvalue()


def render_docx(result: Any, path: str | Path, *, author: str = "", organisation: str = "",
                logo: Any = None, brand: Any = None, progress: Progress | None = None,
                today: dt.date | None = None) -> Path:
    """Write the note of `result` as a .docx file at `path`; return its path.

    `author`, `organisation` and `logo` override the brand's; `progress(fraction, message)`
    is called as the work advances; `today` fixes the cover date (tests).
    """
    from reports.files import write_atomic
    from reports.note.sections import labels

    data = docx_bytes(result, author=author, organisation=organisation, logo=logo,
                      brand=brand, progress=progress, today=today)
    written = write_atomic(path, data)
    if progress:
        progress(1.0, labels()["progress_done"])
    return written
