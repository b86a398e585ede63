"""Template markup → flowables: the small XML vocabulary the section templates write.

Templates render to well-formed XML (autoescape guarantees user text cannot add tags):
``p h2 h3 ul/li checklist/item table/tr/th/td figs/fig badge chart box keep lines hr
spacer condbreak pagebreak``. Inline markup inside ``p``/``li``/``td`` (b, i, br, font,
super, sub) is handed to reportlab's Paragraph as is.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from reports.note.columns import Columns
from reports.note.fonts import BOLD, REGULAR
from reports.note.reportlab_internals import Para
from reports.note.styles import RULE, SEVERITY_COLORS, VERDICT_COLORS, Styles

ChartFactory = Callable[[str, dict[str, str], float], list[Flowable]]


class Heading(Para):
    """A heading that the document files in the outline (and the TOC for level 0)."""

    def __init__(self, text: str, style, level: int, key: str, toc: bool = True):
        super().__init__(text, style)
        plain = "".join(ET.fromstring(f"<x>{text}</x>").itertext())
        self.outline = (level, plain, key, toc)


class WriteLines(Flowable):
    """Dotted lines to write an answer on, in the printable questionnaire."""

    def __init__(self, width: float, count: int):
        super().__init__()
        self.width, self.count, self.height = width, count, count * 6.5 * mm

    def draw(self) -> None:
        """Draw `count` light dotted lines across the frame."""
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setDash(1, 2)
        for i in range(self.count):
            y = self.height - (i + 1) * 6.5 * mm + 1.5 * mm
            canvas.line(0, y, self.width, y)
        canvas.restoreState()


def flat_keep(flowables: list[Flowable]) -> KeepTogether:
    """Keep `flowables` together, inner KeepTogethers unpacked into the one group.

    reportlab measures a KeepTogether inside another as 0xffffff points high, so a nested
    group always jumps to the next page, however much room is left.
    """
    out: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            out.extend(flat_keep(flowable._content)._content)
        else:
            out.append(flowable)
    return KeepTogether(out)


CELL_PADDING = 8  # left + right padding of a table cell (Styles.table)


def fit_label_words(widths: list[float], labels: list[tuple[int, Any]]) -> list[float]:
    """Widen columns where a label (header, severity) has a word too long, narrowing others.

    reportlab would otherwise cut the word ("Habitant" over a lone "s", "moyenn" + "e").
    `labels` holds (column, paragraph) pairs; no column is narrowed below its own labels.
    """
    floor = [0.0] * len(widths)
    for column, cell in labels:
        style = cell.style
        longest = max((stringWidth(w, style.fontName, style.fontSize)
                       for w in cell.getPlainText().split()), default=0)
        if column < len(floor):
            floor[column] = max(floor[column], longest + CELL_PADDING + 0.5)
    new = [max(w, f) for w, f in zip(widths, floor, strict=True)]
    extra = sum(new) - sum(widths)
    if extra <= 0:
        return widths
    give = [n - f if n == w else 0.0 for n, w, f in zip(new, widths, floor, strict=True)]
    pool = sum(give)
    if pool < extra:
        return widths  # too little room: keep the template's widths
    return [n - extra * g / pool for n, g in zip(new, give, strict=True)]


def inner(el: ET.Element) -> str:
    """An element's content as Paragraph markup (text and inline children, re-escaped)."""
    parts = [escape(el.text or "")]
    for child in el:
        _markup(child, parts)
    return french_spacing("".join(parts).strip())


_ATTRIBUTE = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


def _markup(el: ET.Element, parts: list[str]) -> None:
    """Append `el` with its tail as ``ET.tostring(el, encoding="unicode")`` writes it (the
    note's inline tags have no namespace), without its writer's set-up per element."""
    if el.tag[:1] == "{":
        parts.append(ET.tostring(el, encoding="unicode"))
        return
    parts.append("<" + el.tag)
    for key, value in el.items():
        parts.append(f' {key}="{escape(value, _ATTRIBUTE)}"')
    if el.text or len(el):
        parts.append(">")
        if el.text:
            parts.append(escape(el.text))
        for child in el:
            _markup(child, parts)
        parts.append(f"</{el.tag}>")
    else:
        parts.append(" />")
    if el.tail:
        parts.append(escape(el.tail))


_SPACING = ((" – ", "\u00a0– "), ("« ", "«\u00a0"), (" »", "\u00a0»"), (" :", "\u00a0:"),
            (" ;", "\u00a0;"), (" ?", "\u00a0?"), (" !", "\u00a0!"), ("n° ", "n°\u00a0"))


_UNITS = ("€|%|km|m²|m2|h|t|hab\\.|ans?|mois|jours?|semaines?|heures?|minutes?|usagers?"
          "|postes?|bureaux|personnes|communes|habitants|coworkers|euros")
_NUMBER_UNIT = re.compile(f"(?<=\\d) (?=(?:{_UNITS})(?![\\w]))")
_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile("(?<![\\d,.])\\d{1,3}(?: \\d{3})+(?= ?(?:€|m²|hab|km|euros))")


@lru_cache(maxsize=8192)  # most of a note's paragraphs come back in the next note
def french_spacing(text: str) -> str:
    """French no-break spaces in running text, as fmt writes them in figures.

    No line may start with a separating dash, ":", ";", "?", "!", "»" or a number after
    "n°"; a number stays with its unit ("120 m²", "12 mois"), and the thousands of an
    amount quoted from the study ("3 000 €") with one another.
    """
    for plain, glued in _SPACING:
        if plain in text:
            text = text.replace(plain, glued)
    if " " in text and _DIGIT.search(text):  # both patterns need a decimal digit
        text = _THOUSANDS.sub(lambda m: m.group(0).replace(" ", "\u202f"), text)
        text = _NUMBER_UNIT.sub("\u00a0", text)
    return text


class Builder:
    """Turns one section's markup into flowables, given styles, width and chart makers."""

    def __init__(self, styles: Styles, width: float, charts: ChartFactory, prefix: str):
        self.styles, self.width, self.charts, self.prefix = styles, width, charts, prefix
        self._count = 0

    def build(self, markup: str) -> list[Flowable]:
        """Parse the rendered template and return its flowables."""
        root = ET.fromstring(f"<section>{markup}</section>")
        return self.children(root)

    def children(self, el: ET.Element) -> list[Flowable]:
        """Flowables for every child element, in order."""
        out: list[Flowable] = []
        for child in el:
            handler = getattr(self, f"_{child.tag}", None)
            if handler is None:
                raise ValueError(f"unknown note markup <{child.tag}>")
            out.extend(handler(child))
        return out

    # text blocks
    def _p(self, el: ET.Element) -> list[Flowable]:
        text = inner(el)
        return [Para(text, self.styles[el.get("style", "body")])] if text else []

    def _heading(self, el: ET.Element, style: str, level: int | None) -> list[Flowable]:
        """A heading, moved to the next page when fewer than ~4 lines would follow it.

        A conditional break rather than keepWithNext: keepWithNext glues the heading to the
        whole next flowable, and a long table would then leave a half-empty page.
        """
        text = inner(el)
        room = CondPageBreak(float(el.get("room", "70")))
        if level is None:
            return [room, Para(text, self.styles[style])]
        self._count += 1
        key = f"{self.prefix}-{self._count}"
        return [room, Heading(text, self.styles[style], level, key, False)]

    def _h2(self, el: ET.Element) -> list[Flowable]:
        return self._heading(el, "h2", 1)

    def _h3(self, el: ET.Element) -> list[Flowable]:
        return self._heading(el, "h3", None)

    def _ul(self, el: ET.Element) -> list[Flowable]:
        return [Para(inner(li), self.styles["bullet"], bulletText="•") for li in el]

    def _checklist(self, el: ET.Element) -> list[Flowable]:
        style = self.styles[el.get("style", "check")]
        return [Para(inner(it), style, bulletText="☐") for it in el]

    def _hr(self, el: ET.Element) -> list[Flowable]:
        return [HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=3, spaceAfter=5)]

    def _spacer(self, el: ET.Element) -> list[Flowable]:
        return [Spacer(1, float(el.get("h", "6")))]

    def _condbreak(self, el: ET.Element) -> list[Flowable]:
        return [CondPageBreak(float(el.get("h", "120")))]

    def _pagebreak(self, el: ET.Element) -> list[Flowable]:
        return [PageBreak()]

    def _lines(self, el: ET.Element) -> list[Flowable]:
        return [WriteLines(self.width, int(el.get("n", "1")))]

    def _keep(self, el: ET.Element) -> list[Flowable]:
        return [flat_keep(self.children(el))]

    def _box(self, el: ET.Element) -> list[Flowable]:
        """A mini-fiche closed by a rule: its title stays with its key figures and first text.

        Only the head is kept together: the rest may run onto the next page between
        paragraphs, rather than the whole fiche leaving a third of a page blank.
        """
        title = french_spacing(escape(el.get("title", "")))
        head = [Para(title, self.styles["h3"])] if title else []
        body = head + self.children(el)
        body.append(HRFlowable(width="100%", thickness=0.6, color=self.styles.main,
                               spaceBefore=2, spaceAfter=6))
        table = next((i for i, f in enumerate(body) if isinstance(f, Table)), len(head) - 1)
        cut = next((i + 1 for i, f in enumerate(body) if i > table and isinstance(f, Para)),
                   len(body))  # up to the first paragraph after the key figures
        return [flat_keep(body[:cut]), *body[cut:]]

    def _columns(self, el: ET.Element) -> list[Flowable]:
        """Short blocks (glossary, assumptions) in balanced columns, read column by column."""
        items = self.children(el)
        return [Columns(items, int(el.get("n", "2")), gap=12)] if items else []

    def _chart(self, el: ET.Element) -> list[Flowable]:
        return self.charts(el.get("name", ""), dict(el.attrib), self.width)

    # tables and boxes
    def _table(self, el: ET.Element) -> list[Flowable]:
        """A table whose rows may split across pages (long user text never overflows)."""
        header = el.get("header", "1") == "1"
        align = el.get("align", "")
        compact = el.get("style") == "compact"
        rows, styles_extra, labels = [], [], []
        for r, tr in enumerate(el):
            cells = []
            for c, cell in enumerate(tr):
                right = c < len(align) and align[c] == "R"
                name = "cell_head" if (cell.tag == "th" or (header and r == 0)) else "cell"
                if compact and name == "cell":
                    name = "cell_small"
                style = self.styles[name + ("_right" if right else "")]
                if cell.get("severity") in SEVERITY_COLORS:
                    back, ink = SEVERITY_COLORS[cell.get("severity")]
                    styles_extra.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(back)))
                    style = self.styles.variant("cell_head", ink)
                cells.append(Para(inner(cell), style))
                if name == "cell_head" or cell.get("severity"):  # labels: never cut a word
                    labels.append((c, cells[-1]))
            rows.append(cells)
        if not rows:
            return []
        widths = fit_label_words(self._widths(el.get("widths"), len(rows[0])), labels)
        table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1,
                      hAlign="LEFT")
        style = self.styles.table(header=header, zebra=el.get("zebra", "1") == "1",
                                  total=el.get("total") == "1", compact=compact)
        for cmd in styles_extra:
            style.add(*cmd)
        table.setStyle(style)
        return [table, Spacer(1, 6)]

    def _widths(self, spec: str | None, count: int) -> list[float]:
        """Column widths from relative weights ("3,1,1"), filling the frame."""
        weights = [float(w) for w in spec.split(",")] if spec else [1.0] * count
        weights = (weights + [1.0] * count)[:count]
        total = sum(weights)
        return [self.width * w / total for w in weights]

    def _figs(self, el: ET.Element) -> list[Flowable]:
        """Key figures as a grid of tiles: a big value over a small label."""
        cols = int(el.get("cols", "3"))
        tiles = [[Para(inner(fig), self.styles["fig_value"]),
                  Para(french_spacing(escape(fig.get("label", ""))), self.styles["fig_label"])]
                 for fig in el]
        rows = [tiles[i:i + cols] for i in range(0, len(tiles), cols)]
        if rows and len(rows[-1]) < cols:
            rows[-1] += [""] * (cols - len(rows[-1]))
        table = Table(rows, colWidths=[self.width / cols] * cols, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBEFORE", (0, 0), (-1, -1), 2, self.styles.main),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
        ]))
        return [table, Spacer(1, 6)]

    def _badge(self, el: ET.Element) -> list[Flowable]:
        """The verdict: coloured band with a symbol and its label in words (greyscale-safe)."""
        back, ink, symbol = VERDICT_COLORS.get(el.get("level", ""), ("#D9DEE2", "#1A1A1A", "?"))
        style = self.styles.variant("badge", ink)
        cell = Para(f"{symbol}  {inner(el)}", style)
        table = Table([[cell]], colWidths=[self.width * 0.62], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), BOLD),
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(back)),
            ("BOX", (0, 0), (-1, -1), *((2.6, colors.HexColor(ink)) if back == "#FFFFFF"
                                        else (1.2, colors.HexColor("#1A1A1A")))),
            ("TOPPADDING", (0, 0), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]))
        return [table, Spacer(1, 8)]


def no_charts(name: str, attrs: dict[str, Any], width: float) -> list[Flowable]:
    """Chart factory used when a section draws none."""
    return []
