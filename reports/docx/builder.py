"""The note's template markup (the same XML the PDF reads) turned into Word content.

Headings become Word headings (navigation pane, table of contents), tables real tables,
charts PNG pictures of the very drawings of the PDF. Unknown tags keep their text.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from reports.docx import ooxml
from reports.note.styles import LIGHT_HEX, SEVERITY_COLORS, VERDICT_COLORS  # PDF colours

# markup style -> Word paragraph style (created in layout.py when not built in)
PARAGRAPH_STYLES = {
    "body": "Normal", "lead": "Chapeau", "small": "Texte petit", "note": "Remarque",
    "cover_title": "Title", "cover_sub": "Subtitle", "cover_meta": "Normal",
    "chart_caption": "Caption", "glossary": "Normal",
}
INLINE = frozenset({"b", "i", "br", "font", "super", "sub", "strong", "em"})
# inline tag -> the run's font attribute it turns on
FLAGS = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic",
         "super": "superscript", "sub": "subscript"}
TEXT_WIDTH_CM = 16.0

ChartMaker = Callable[[str, dict[str, str]], bytes | None]


class DocxBuilder:
    """Appends one section's markup to a python-docx Document."""

    def __init__(self, document: Any, main_color: str, tint: str, charts: ChartMaker):
        self.doc, self.main, self.tint, self.charts = document, main_color, tint, charts
        self._styles: dict[str, Any] = {}

    def style(self, name: str) -> Any:
        """The style object (looking styles up by name is slow in python-docx)."""
        if name not in self._styles:
            self._styles[name] = self.doc.styles[name]
        return self._styles[name]

    def set_style(self, paragraph: Paragraph, name: str) -> Paragraph:
        """Give a paragraph a style by its id: python-docx's own setter rescans every style."""
        if name != "Normal":
            paragraph._p.style = self.style(name).style_id
        return paragraph

    def build(self, markup: str) -> None:
        """Parse the rendered template and append its content."""
        self.children(ET.fromstring(f"<section>{markup}</section>"), self.doc)

    def children(self, el: ET.Element, container: Any) -> None:
        """Append every child element to `container` (the document or a table cell)."""
        for child in el:
            handler = getattr(self, f"_{child.tag}", None)
            if handler is not None:
                handler(child, container)
            elif len(child) and not (child.text or "").strip() and not any(
                    c.tag in INLINE for c in child):
                self.children(child, container)  # unknown container: keep its blocks
            else:
                self._p(child, container)  # unknown block: keep its text

    # --- inline text -----------------------------------------------------------------
    def inline(self, paragraph: Paragraph, el: ET.Element, fmt: dict[str, Any] | None = None
               ) -> None:
        """Add `el`'s text and inline children (b, i, br, font, super, sub) as runs."""
        fmt = dict(fmt or {})
        self._run(paragraph, el.text, fmt)
        for child in el:
            sub = dict(fmt)
            if child.tag == "br":
                paragraph.add_run().add_break()
            else:
                if child.tag in FLAGS:
                    sub[FLAGS[child.tag]] = True
                elif child.tag == "font":
                    if child.get("color", "").startswith("#"):
                        sub["color"] = child.get("color")
                    if child.get("size"):
                        sub["size"] = float(child.get("size"))
                self.inline(paragraph, child, sub)
            self._run(paragraph, child.tail, fmt)

    @staticmethod
    def _run(paragraph: Paragraph, text: str | None, fmt: dict[str, Any]) -> None:
        if not text:
            return
        run = paragraph.add_run(" ".join(text.split("\n")))
        if not fmt:
            return
        font = run.font
        for flag in ("bold", "italic", "superscript", "subscript"):
            if fmt.get(flag):
                setattr(font, flag, True)
        if fmt.get("color"):
            font.color.rgb = ooxml.rgb(fmt["color"])
        if fmt.get("size"):
            font.size = Pt(fmt["size"] + 1.5)  # the PDF's 7.5 pt small print, readable in Word

    # --- blocks ----------------------------------------------------------------------
    def _paragraph(self, container: Any, style: str = "Normal") -> Paragraph:
        return self.set_style(container.add_paragraph(), style)

    def _p(self, el: ET.Element, container: Any) -> None:
        if not "".join(el.itertext()).strip():
            return
        style = PARAGRAPH_STYLES.get(el.get("style", "body"), "Normal")
        self.inline(self._paragraph(container, style), el)

    def _h2(self, el: ET.Element, container: Any) -> None:
        self.inline(self._paragraph(container, "Heading 2"), el)

    def _h3(self, el: ET.Element, container: Any) -> None:
        self.inline(self._paragraph(container, "Heading 3"), el)

    def _ul(self, el: ET.Element, container: Any) -> None:
        for li in el:
            self.inline(self._paragraph(container, "List Bullet"), li)

    def _checklist(self, el: ET.Element, container: Any) -> None:
        for item in el:
            paragraph = self._paragraph(container, "Case à cocher")
            paragraph.add_run("☐  ")
            self.inline(paragraph, item)

    def _lines(self, el: ET.Element, container: Any) -> None:
        for _ in range(int(el.get("n", "1"))):
            paragraph = self._paragraph(container, "Ligne à remplir")
            paragraph.add_run("." * 110)

    def _hr(self, el: ET.Element, container: Any) -> None:
        ooxml.bottom_border(self._paragraph(container, "Filet"), self.main)

    def _spacer(self, el: ET.Element, container: Any) -> None:
        """Vertical space is the styles' job in Word."""

    _condbreak = _spacer

    def _pagebreak(self, el: ET.Element, container: Any) -> None:
        self._paragraph(container).add_run().add_break(WD_BREAK.PAGE)

    def _keep(self, el: ET.Element, container: Any) -> None:
        start = len(container.paragraphs)  # the document, or a table cell: both have them
        self.children(el, container)
        for paragraph in container.paragraphs[start:-1]:
            paragraph.paragraph_format.keep_with_next = True

    def _columns(self, el: ET.Element, container: Any) -> None:
        """Balanced columns in the PDF; one column in Word, easier to rework."""
        self.children(el, container)

    def _box(self, el: ET.Element, container: Any) -> None:
        if el.get("title"):
            paragraph = self._paragraph(container, "Heading 3")
            paragraph.add_run(el.get("title"))
            paragraph.paragraph_format.keep_with_next = True
        self.children(el, container)
        ooxml.bottom_border(self._paragraph(container, "Filet"), self.main, 8)

    def _chart(self, el: ET.Element, container: Any) -> None:
        png = self.charts(el.get("name", ""), dict(el.attrib))
        if not png:
            return
        paragraph = self._paragraph(container)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(TEXT_WIDTH_CM))
        if el.get("caption"):
            self._paragraph(container, "Caption").add_run(el.get("caption"))

    # --- tables ----------------------------------------------------------------------
    def _table(self, el: ET.Element, container: Any) -> None:
        rows = [list(tr) for tr in el]
        if not rows:
            return
        columns = max(len(r) for r in rows)
        header = el.get("header", "1") == "1"
        align = el.get("align", "")
        table = container.add_table(rows=len(rows), cols=columns)
        table._tbl.tblStyle_val = self.style("Table Grid").style_id  # by id, as set_style
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        widths = self._widths(el.get("widths"), columns)
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)  # the grid LibreOffice reads; cells carry it for Word
        for r, (cells, word_row) in enumerate(zip(rows, table.rows, strict=True)):
            is_head = header and r == 0
            word_cells = word_row.cells  # table.cell() rebuilds every cell on each call
            for c in range(columns):
                cell = word_cells[c]
                cell.width = Cm(widths[c])
                if c >= len(cells):
                    continue
                paragraph = cell.paragraphs[0]
                if c < len(align) and align[c] == "R":
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                fmt = {"bold": True} if is_head or cells[c].tag == "th" else {}
                if is_head:
                    fmt["color"] = "#FFFFFF"
                    ooxml.shade(cell, self.main)
                elif el.get("total") == "1" and r == len(rows) - 1:
                    fmt["bold"] = True
                    ooxml.shade(cell, self.tint)
                elif el.get("zebra", "1") == "1" and r % 2 == 0:
                    ooxml.shade(cell, LIGHT_HEX)
                severity = cells[c].get("severity")
                if severity in SEVERITY_COLORS:
                    back, ink = SEVERITY_COLORS[severity]
                    ooxml.shade(cell, back)
                    fmt["color"] = ink
                self.inline(paragraph, cells[c], fmt)
        if header:
            ooxml.repeat_header(table)
        ooxml.allow_row_split(table)
        self._paragraph(container, "Après tableau")

    @staticmethod
    def _widths(spec: str | None, count: int) -> list[float]:
        """Column widths in cm from relative weights ("3,1,1")."""
        weights = [float(w) for w in spec.split(",")] if spec else [1.0] * count
        weights = (weights + [1.0] * count)[:count]
        total = sum(weights)
        return [TEXT_WIDTH_CM * w / total for w in weights]

    def _figs(self, el: ET.Element, container: Any) -> None:
        """Key figures: a grid of tiles, big value over its label, a bar in the brand colour."""
        figs = list(el)
        cols = max(1, int(el.get("cols", "3")))
        table = container.add_table(rows=(len(figs) + cols - 1) // cols, cols=cols)
        grid = [row.cells for row in table.rows]
        for index, fig in enumerate(figs):
            cell = grid[index // cols][index % cols]
            ooxml.left_border(cell, self.main)
            value = cell.paragraphs[0]
            self.set_style(value, "Chiffre clé")
            self.inline(value, fig)
            label = self._paragraph(cell, "Texte petit")
            label.add_run(fig.get("label", ""))
        self._paragraph(container, "Après tableau")

    def _badge(self, el: ET.Element, container: Any) -> None:
        """The verdict as a coloured band with its symbol and its words."""
        back, ink, symbol = VERDICT_COLORS.get(el.get("level", ""), ("#D9DEE2", "#1A1A1A", "?"))
        table = container.add_table(rows=1, cols=1)
        table._tbl.tblStyle_val = self.style("Table Grid").style_id  # by id, as set_style
        table.autofit = False
        table.columns[0].width = Cm(TEXT_WIDTH_CM * 0.62)
        cell = table.cell(0, 0)
        cell.width = Cm(TEXT_WIDTH_CM * 0.62)
        ooxml.shade(cell, back)
        paragraph = cell.paragraphs[0]
        self.set_style(paragraph, "Avis")
        fmt = {"bold": True, "color": ink}
        self._run(paragraph, f"{symbol}  ", fmt)
        self.inline(paragraph, el, fmt)
        self._paragraph(container, "Après tableau")
