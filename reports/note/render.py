"""Putting it together: brand and arguments merged, story built, PDF laid out and written."""

from __future__ import annotations

import contextlib
import gc
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from reports.note.doc import MARGIN_X, DeferredTOC, NoteDoc, numbered_canvas
from reports.note.sections import labels, sections
from reports.note.story import build_story, header_text, note_info, note_metadata
from reports.note.styles import build_styles
from reports.note.write import write_atomic
from reports.result import AnalysisResult

Progress = Callable[[float, str], None]


def _logo(source: Any) -> ImageReader | None:
    """The logo downscaled to what the cover needs, or None when it is missing or not an
    image (never fatal here: the command line and the wizard check the logo beforehand)."""
    if not source:
        return None
    try:
        from reports.brand import logo_png

        reader = ImageReader(io.BytesIO(logo_png(source)))
        reader.getSize()
        return reader
    except Exception:  # a broken logo must not cost the user the whole note
        return None


def _draw_logo(reader: ImageReader) -> Callable[[Canvas], None]:
    """Draw the logo top right of the cover, within 40 × 22 mm, keeping its proportions."""

    def draw(canvas: Canvas) -> None:
        w, h = reader.getSize()
        scale = min(40 * mm / w, 22 * mm / h)
        width, height = w * scale, h * scale
        page_w, page_h = canvas._pagesize
        canvas.drawImage(reader, page_w - MARGIN_X - width, page_h - 20 * mm - height,
                         width, height, mask="auto")

    return draw


def _layout_progress(say: Progress, message: str) -> Callable[[str, int], None]:
    """Turn reportlab's flowable count into fractions between 0.3 and 0.9."""
    total = [1]
    last = [0.3]

    def on_progress(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            total[0] = max(1, value)
        elif kind == "PROGRESS":
            fraction = 0.3 + 0.6 * min(1.0, value / total[0])
            if fraction - last[0] >= 0.05:  # a few calls, not one per paragraph
                last[0] = fraction
                say(round(fraction, 2), message)

    return on_progress


YOUNG_COLLECTION_EVERY = 10_000  # allocations between the collector's young passes


@contextlib.contextmanager
def fewer_collections(allocations: int = YOUNG_COLLECTION_EVERY) -> Iterator[None]:
    """Run the garbage collector's young passes every `allocations` allocations, not 700.

    Laying out a note allocates about a million short-lived objects; at Python's default
    the collector ran ~30 times per note, re-examining the same young containers (page
    streams, fragment lists) and now and then the whole heap (directory, knowledge base,
    caches): 30-45 ms of a note's CPU measured here, 5-10 ms at 10 000. Memory is freed by
    reference counting as before; only cycles wait a little longer. The previous setting
    comes back afterwards.
    """
    before = gc.get_threshold()
    if before[0] and before[0] < allocations:
        gc.set_threshold(allocations, *before[1:])
    try:
        yield
    finally:
        if gc.get_threshold()[0] == allocations:
            gc.set_threshold(*before)


def pdf_bytes(result: AnalysisResult, *, author: str = "", organisation: str = "",
              logo: Any = None, brand: Any = None, progress: Progress | None = None,
              invariant: bool = False) -> bytes:
    """The PDF of the note, built in memory (progress goes from 0.05 to 0.9)."""
    with fewer_collections():
        return _pdf_bytes(result, author=author, organisation=organisation, logo=logo,
                          brand=brand, progress=progress, invariant=invariant)


def _pdf_bytes(result: AnalysisResult, *, author: str, organisation: str, logo: Any,
               brand: Any, progress: Progress | None, invariant: bool) -> bytes:
    say = progress or (lambda fraction, message: None)
    lab = labels()
    say(0.05, lab["progress_text"])
    logo = _logo(logo or getattr(brand, "logo_path", None))
    info = note_info(author, organisation, brand, logo=logo)
    styles = build_styles(info.main_color)
    brand_line = info.organisation  # brand.name names the style, it is not printed
    buffer = io.BytesIO()
    doc = NoteDoc(buffer, styles=styles, header=header_text(result), brand_line=brand_line,
                  logo=_draw_logo(info.logo) if info.logo else None, lang="fr-FR",
                  invariant=1 if invariant else 0, **note_metadata(result, info))
    toc = DeferredTOC([(s.section_id, s.heading) for s in sections()], styles["toc0"])
    story = build_story(result, styles, doc.width, info, toc)
    say(0.3, lab["progress_layout"])
    doc.setProgressCallBack(_layout_progress(say, lab["progress_layout"]))
    doc.build(story, canvasmaker=numbered_canvas(lab["footer"]))
    say(0.9, lab["progress_write"])
    return buffer.getvalue()


def render(result: AnalysisResult, path: str | Path, *, progress: Progress | None = None,
           **options: Any) -> Path:
    """Build the PDF in memory, then write it atomically to `path`."""
    written = write_atomic(path, pdf_bytes(result, progress=progress, **options))
    if progress:
        progress(1.0, labels()["progress_done"])
    return written
