"""Paragraph and table styles, built from the brand's main colour; all in DejaVu Sans."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from reports.brand import DEFAULT_BRAND
from reports.note.fonts import BOLD, ITALIC, REGULAR, register_fonts

DEFAULT_COLOR = DEFAULT_BRAND.main_color  # one default: a note without a brand looks like the DOCX
# as "#RRGGBB" too: the DOCX export takes the same ink, grey and zebra colours from here
INK_HEX, GREY_HEX, LIGHT_HEX, RULE_HEX = "#1A1A1A", "#5F6368", "#EEF1F3", "#B0B7BD"
INK = colors.HexColor(INK_HEX)
GREY = colors.HexColor(GREY_HEX)
LIGHT = colors.HexColor(LIGHT_HEX)  # zebra rows
RULE = colors.HexColor(RULE_HEX)

# verdict level -> (background, text colour, symbol). In greyscale print the three must
# differ by more than their words: dark fill, light fill, and white with a thick red frame
# (dark green and dark red print as the same grey).
VERDICT_COLORS = {
    "favourable": ("#1E6B3A", "#FFFFFF", "✔"),
    "conditional": ("#F2C14E", "#1A1A1A", "!"),
    "not_advised": ("#FFFFFF", "#A4262C", "✖"),
}
SEVERITY_COLORS = {  # level -> (background, text colour)
    "high": ("#A4262C", "#FFFFFF"), "medium": ("#F2C14E", "#1A1A1A"), "low": ("#E3E6E8", "#1A1A1A"),
}


def parse_color(value: str | None) -> colors.Color:
    """A "#RRGGBB" brand colour, or the sober default when it is missing or malformed."""
    text = (value or "").strip()
    if len(text) == 7 and text.startswith("#"):
        try:
            return colors.HexColor(text)
        except ValueError:
            pass
    return colors.HexColor(DEFAULT_COLOR)


@dataclass(frozen=True)
class Styles:
    """Every style the note uses, keyed by a short name."""

    main: colors.Color
    paragraph: dict[str, ParagraphStyle]

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.paragraph.get(name, self.paragraph["body"])

    def variant(self, name: str, color: str) -> ParagraphStyle:
        """Style `name` in text colour `color`, made once and kept with the others."""
        key = f"{name}@{color}"
        found = self.paragraph.get(key)
        if found is None:
            found = self.paragraph[key] = self[name].clone(key, textColor=colors.HexColor(color))
        return found

    def table(self, *, header: bool = True, zebra: bool = True, total: bool = False,
              compact: bool = False) -> TableStyle:
        """A table style with the font set explicitly (else Helvetica slips in)."""
        pad = 1.6 if compact else 2.2
        cmds = [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, -1), (-1, -1), 0.6, self.main),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad + 0.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            cmds += [("BACKGROUND", (0, 0), (-1, 0), self.main),
                     ("FONTNAME", (0, 0), (-1, 0), BOLD),
                     ("TEXTCOLOR", (0, 0), (-1, 0), colors.white)]
        first = 1 if header else 0
        if zebra:
            cmds += [("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white, LIGHT])]
        else:
            cmds += [("LINEBELOW", (0, first), (-1, -1), 0.3, RULE)]
        if total:
            cmds += [("LINEABOVE", (0, -1), (-1, -1), 0.8, self.main),
                     ("FONTNAME", (0, -1), (-1, -1), BOLD)]
        return TableStyle(cmds)


def _style(name: str, **kw) -> ParagraphStyle:
    base = {"fontName": REGULAR, "bulletFontName": REGULAR, "fontSize": 8.8, "leading": 12,
            "textColor": INK, "allowWidows": 0}
    base.update(kw)
    return ParagraphStyle(name, **base)


@lru_cache(maxsize=16)
def build_styles(main_color: str | None = None) -> Styles:
    """The note's styles, with headings, rules and table headers in the brand colour.

    Built once per colour: the same style objects let parsed paragraphs be reused.
    Treat them as read-only (derive with `Styles.variant`).
    """
    register_fonts()
    main = parse_color(main_color)
    p = {
        "body": _style("body", spaceAfter=5),
        "lead": _style("lead", fontSize=10.5, leading=14.5, spaceAfter=6),
        "small": _style("small", fontSize=8, leading=10.5, textColor=GREY, spaceAfter=3),
        "note": _style("note", fontName=ITALIC, fontSize=8.5, leading=11, textColor=GREY,
                       spaceAfter=4),
        "cell": _style("cell", fontSize=8.2, leading=10),
        "cell_right": _style("cell_right", fontSize=8.2, leading=10, alignment=TA_RIGHT),
        "cell_small": _style("cell_small", fontSize=7.2, leading=8.8),
        "cell_small_right": _style("cell_small_right", fontSize=7.2, leading=8.8,
                                   alignment=TA_RIGHT),
        "cell_head": _style("cell_head", fontName=BOLD, fontSize=8.5, leading=10.5,
                            textColor=colors.white),
        "cell_head_right": _style("cell_head_right", fontName=BOLD, fontSize=8.5, leading=10.5,
                                  textColor=colors.white, alignment=TA_RIGHT),
        "bullet": _style("bullet", leftIndent=12, bulletIndent=2, spaceAfter=2.5),
        "check": _style("check", leftIndent=16, bulletIndent=2, spaceAfter=3.5,
                        bulletFontName=REGULAR, bulletFontSize=11),
        "check_small": _style("check_small", fontSize=8.5, leading=11, leftIndent=15,
                              bulletIndent=2, spaceAfter=3, bulletFontSize=10),
        "assumption": _style("assumption", fontSize=7.2, leading=9, spaceAfter=3),
        "glossary": _style("glossary", fontSize=8, leading=10.4, spaceAfter=2.5),
        "h1": _style("h1", fontName=BOLD, fontSize=16, leading=20, textColor=main,
                     spaceBefore=4, spaceAfter=8),
        "h2": _style("h2", fontName=BOLD, fontSize=11.5, leading=15, textColor=main,
                     spaceBefore=9, spaceAfter=4),
        "h3": _style("h3", fontName=BOLD, fontSize=9.5, leading=12.5, spaceBefore=5,
                     spaceAfter=2),
        "cover_title": _style("cover_title", fontName=BOLD, fontSize=24, leading=30,
                              textColor=main, spaceAfter=10),
        "cover_sub": _style("cover_sub", fontSize=12.5, leading=17, textColor=GREY,
                            spaceAfter=4),
        "cover_meta": _style("cover_meta", fontSize=10, leading=14, spaceAfter=1),
        "badge": _style("badge", fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER),
        "fig_value": _style("fig_value", fontName=BOLD, fontSize=13, leading=16, textColor=main,
                            alignment=TA_LEFT),
        "fig_label": _style("fig_label", fontSize=8, leading=10, textColor=GREY),
        "toc0": _style("toc0", fontSize=10, leading=14, leftIndent=0, firstLineIndent=0),
        "toc1": _style("toc1", fontSize=9, leading=12, leftIndent=14, firstLineIndent=0),
        "chart_caption": _style("chart_caption", fontName=ITALIC, fontSize=8, leading=10,
                                textColor=GREY, alignment=TA_CENTER, spaceAfter=6),
    }
    return Styles(main, p)
