"""The document template: cover and body pages, header, "page X / Y" footer, TOC, outline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from reports.note.fonts import BOLD, REGULAR
from reports.note.styles import GREY, RULE, Styles

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * mm, 22 * mm, 18 * mm


def numbered_canvas(footer: str, skip_first: bool = True) -> type[Canvas]:
    """A canvas class that writes "page X / Y" once the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR  # not Helvetica
            super().__init__(*args, **kwargs)
            self._states: list[dict] = []

        def showPage(self) -> None:
            self._states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._states)
            for state in self._states:
                self.__dict__.update(state)
                if not (skip_first and self._pageNumber == 1):
                    self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            """Draw the page number at the bottom right."""
            self.saveState()
            self.setFont(REGULAR, 8)
            self.setFillColor(GREY)
            text = footer.format(page=self._pageNumber, pages=total)
            self.drawRightString(A4[0] - MARGIN_X, 10 * mm, text)
            self.restoreState()

    return NumberedCanvas


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
        if toc:
            self.notify("TOCEntry", (level, text, self.page, key))


def make_toc(styles: Styles) -> TableOfContents:
    """The table of contents, in DejaVu (its default styles would use Helvetica)."""
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [styles["toc0"], styles["toc1"]]
    toc.tableStyle = [("FONTNAME", (0, 0), (-1, -1), REGULAR),
                      ("VALIGN", (0, 0), (-1, -1), "TOP"),
                      ("LEFTPADDING", (0, 0), (-1, -1), 0),
                      ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                      ("TOPPADDING", (0, 0), (-1, -1), 0),
                      ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
    return toc


__all__ = ["NextPageTemplate", "NoteDoc", "make_toc", "numbered_canvas"]
