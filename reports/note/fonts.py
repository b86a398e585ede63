"""The embedded DejaVu Sans family: registered once, used by every style, table and chart."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from reports.note.reportlab_internals import (
    SubsetFont,
    patch_paragraph_split,
    production_settings,
)
from reports.paths import resource_path

FAMILY = "DejaVuSans"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (
    "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique",
)
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf",
          ITALIC: "DejaVuSans-Oblique.ttf", BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf"}

# Characters beyond ASCII that the note's own prose draws in each face (each was drawn in at
# least half of 40 batch notes): coded first, alike in every note (see `first_codes`)
NOTE_CHARS = {
    REGULAR: "©«°±²·»ÀÉ×àâçèéêîô÷ùûœ–—’•…\u202f₂€−≈☐",
    BOLD: "²·ÀÉÊàâèéêîôûœ–—\u202f€≈",
    ITALIC: "«»àèé\u202f€≈",
}


@cache
def register_fonts() -> str:
    """Register the four faces and the family (bold/italic mapping); return the family name.

    Also sets reportlab up for the whole process: the French line-breaking patch and the
    production settings (reports.note.reportlab_internals)."""
    patch_paragraph_split()
    production_settings()
    for name, filename in _FILES.items():
        with resource_path("fonts", filename) as path:
            pdfmetrics.registerFont(SubsetFont(name, str(path)))
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                  boldItalic=BOLD_ITALIC)
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, name)
    return FAMILY


@cache
def covered() -> frozenset[int]:
    """Code points the regular face can draw (others are replaced before layout)."""
    register_fonts()
    return frozenset(pdfmetrics.getFont(REGULAR).face.charToGlyph)
