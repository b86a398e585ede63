"""The document template: cover and body pages, header, "page X / Y" footer, TOC, outline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from reports.note.fonts import BOLD, NOTE_CHARS, REGULAR
from reports.note.reportlab_internals import first_codes
from reports.note.styles import GREY, RULE, Styles

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 18 * mm, 20 * mm, 17 * mm


class DeferredCanvas(Canvas):
    """A canvas that keeps its pages until the end, then adds what only the end knows.

    "page X / Y" needs the page count and the contents needs each section's page: both are
    drawn in `save()`, so the note is laid out in a single pass (no multiBuild).
    """

    footer = "{page} / {pages}"
    skip_first = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR  # not Helvetica
        super().__init__(*args, **kwargs)
        first_codes(self._doc, NOTE_CHARS)  # so that paragraphs drawn before are reused
        self._states: list[dict] = []
        self.heading_pages: dict[str, int] = {}  # section key -> page (filled by the doc)
        self.toc_slots: list[tuple] = []  # (page, x_right, y, key, font, size)
        self._bookmarks: list[str] = []  # keys to file on the current page

    def showPage(self) -> None:
        """Keep the page for `save()` instead of writing it now."""
        self._states.append(dict(self.__dict__))
        self._bookmarks = []
        self._startPage()

    def bookmarkPage(self, key: str, **kwargs: Any) -> None:
        """Defer the bookmark: the PDF page it points to only exists in `save()`."""
        self._bookmarks.append(key)

    def save(self) -> None:
        """Replay every page with its footer and contents page numbers, then write."""
        total = len(self._states)
        for state in self._states:
            self.__dict__.update(state)
            for key in self._bookmarks:
                Canvas.bookmarkPage(self, key)
            self._toc_numbers(self._pageNumber)
            if not (self.skip_first and self._pageNumber == 1):
                self._footer(total)
            super().showPage()
        super().save()

    def _toc_numbers(self, page: int) -> None:
        """Write the page number of each contents line drawn on this page, with a link."""
        for slot_page, x_right, y, key, font, size in self.toc_slots:
            target = self.heading_pages.get(key)
            if slot_page != page or target is None:
                continue
            self.saveState()
            self.setFont(font, size)
            self.drawRightString(x_right, y, str(target))
            self.restoreState()
            self.linkRect("", key, (MARGIN_X, y - 2, x_right, y + size), relative=0)

    def _footer(self, total: int) -> None:
        """Draw the page number at the bottom right."""
        self.saveState()
        self.setFont(REGULAR, 8)
        self.setFillColor(GREY)
        text = self.footer.format(page=self._pageNumber, pages=total)
        self.drawRightString(A4[0] - MARGIN_X, 10 * mm, text)
        self.restoreState()


def numbered_canvas(footer: str, skip_first: bool = True) -> type[Canvas]:
    """A DeferredCanvas class with this footer pattern ("page {page} / {pages}")."""
    return type("NoteCanvas", (DeferredCanvas,), {"footer": footer, "skip_first": skip_first})


class DeferredTOC(Flowable):
    """The contents: titles and dot leaders now, page numbers when the canvas is saved.

    The entries are known before layout (the section headings), so its height is too.
    """

    def __init__(self, entries: list[tuple[str, str]], style: Any) -> None:
        super().__init__()
        self.entries, self.style = entries, style

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Full width, one line per entry."""
        self.width = avail_width
        return avail_width, self.style.leading * len(self.entries)

    def draw(self) -> None:
        """Titles with dot leaders; numbers are left to the canvas (see DeferredCanvas)."""
        canvas, style = self.canv, self.style
        font, size, lead = style.fontName, style.fontSize, style.leading
        number_w = stringWidth("000", font, size)
        dot_w = stringWidth(" .", font, size)
        page = canvas.getPageNumber()
        x0, y0 = canvas.absolutePosition(0, 0)
        for i, (key, title) in enumerate(self.entries):
            y = lead * (len(self.entries) - i - 1) + (lead - size) / 2
            title_w = stringWidth(title + " ", font, size)
            dots = max(0, int((self.width - title_w - number_w) / dot_w))
            canvas.setFont(font, size)
            canvas.setFillColor(style.textColor)
            canvas.drawString(0, y, title)
            canvas.drawRightString(self.width - number_w, y, " ." * dots)
            slots = getattr(canvas, "toc_slots", None)
            if slots is not None:
                slots.append((page, x0 + self.width, y0 + y, key, font, size))


class NoteDoc(BaseDocTemplate):
    """A4 note: a cover page, then body pages with header and footer; files the outline."""

    def __init__(self, target: Any, *, styles: Styles, header: str, brand_line: str,
                 logo: Callable[[Canvas], None] | None = None, **kwargs: Any) -> None:
        super().__init__(target, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                         initialFontName=REGULAR, **kwargs)
        self.styles, self.header, self.brand_line, self.logo = styles, header, brand_line, logo
        body = Frame(MARGIN_X, MARGIN_BOTTOM, self.width, self.height, id="body",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        cover = Frame(MARGIN_X, MARGIN_BOTTOM, self.width, A4[1] - MARGIN_BOTTOM - 30 * mm,
                      id="cover", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [cover], onPage=self._draw_cover),
            PageTemplate("body", [body], onPage=self._draw_body),
        ])

    def _draw_cover(self, canvas: Canvas, doc: Any) -> None:
        """Brand band at the top of the cover, with the organisation and the logo."""
        canvas.saveState()
        canvas.setFillColor(self.styles.main)
        canvas.rect(0, A4[1] - 14 * mm, A4[0], 14 * mm, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont(BOLD, 10)
        canvas.drawString(MARGIN_X, A4[1] - 9 * mm, self.brand_line)
        canvas.restoreState()
        if self.logo:
            self.logo(canvas)

    def _draw_body(self, canvas: Canvas, doc: Any) -> None:
        """Header: the commune's name over a thin rule in the brand colour."""
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(GREY)
        top = A4[1] - 12 * mm
        canvas.drawString(MARGIN_X, top, self.header)
        canvas.drawRightString(A4[0] - MARGIN_X, top, self.brand_line)
        canvas.setStrokeColor(self.styles.main)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, top - 2.5 * mm, A4[0] - MARGIN_X, top - 2.5 * mm)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, 14 * mm, A4[0] - MARGIN_X, 14 * mm)
        canvas.restoreState()

    def afterFlowable(self, flowable: Any) -> None:
        """File headings in the PDF outline (bookmarks) and level-0 ones in the TOC."""
        outline = getattr(flowable, "outline", None)
        if not outline:
            return
        level, text, key, toc = outline
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        pages = getattr(self.canv, "heading_pages", None)
        if toc and pages is not None:
            pages[key] = self.page


__all__ = ["DeferredTOC", "NextPageTemplate", "NoteDoc", "numbered_canvas"]
