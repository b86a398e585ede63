"""The few WordprocessingML details python-docx has no API for: fields, shading, borders."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph


def rgb(hex_color: str) -> RGBColor:
    """A ``#RRGGBB`` colour as python-docx wants it."""
    return RGBColor.from_string(hex_color.lstrip("#").upper())


def _element(tag: str, **attrs: str) -> OxmlElement:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def field_char(paragraph: Paragraph, kind: str) -> None:
    """A complex-field boundary run: kind is "begin", "separate" or "end"."""
    run = paragraph.add_run()
    run._r.append(_element("w:fldChar", fldCharType=kind))


def field_code(paragraph: Paragraph, code: str) -> None:
    """The instruction of a complex field (``PAGE``, ``TOC \\o "1-2"``…)."""
    run = paragraph.add_run()
    instr = _element("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    run._r.append(instr)


def simple_field(paragraph: Paragraph, code: str, placeholder: str = "1") -> None:
    """A whole field in one paragraph, showing `placeholder` until Word updates it."""
    field_char(paragraph, "begin")
    field_code(paragraph, code)
    field_char(paragraph, "separate")
    paragraph.add_run(placeholder)
    field_char(paragraph, "end")


def shade(cell: _Cell, hex_color: str) -> None:
    """Fill a table cell with a colour (``#RRGGBB``)."""
    props = cell._tc.get_or_add_tcPr()
    for old in props.findall(qn("w:shd")):
        props.remove(old)
    props.append(_element("w:shd", val="clear", color="auto", fill=hex_color.lstrip("#")))


def repeat_header(table: Table) -> None:
    """Repeat the first row at the top of every page the table runs onto."""
    row_props = table.rows[0]._tr.get_or_add_trPr()
    row_props.append(_element("w:tblHeader", val="true"))


def allow_row_split(table: Table) -> None:
    """Let long rows break across pages (Word's default, stated for LibreOffice)."""
    for row in table.rows:
        props = row._tr.get_or_add_trPr()
        for old in props.findall(qn("w:cantSplit")):
            props.remove(old)


def _border(props, group: str, side: str, hex_color: str, size_eighths: int, space: str
            ) -> None:
    borders = _element(group)
    borders.append(_element(side, val="single", sz=str(size_eighths), space=space,
                            color=hex_color.lstrip("#")))
    props.append(borders)


def bottom_border(paragraph: Paragraph, hex_color: str, size_eighths: int = 6) -> None:
    """A horizontal rule under a paragraph."""
    _border(paragraph._p.get_or_add_pPr(), "w:pBdr", "w:bottom", hex_color, size_eighths, "1")


def left_border(cell: _Cell, hex_color: str, size_eighths: int = 18) -> None:
    """A thick coloured bar on the left of a cell (the key-figure tiles)."""
    _border(cell._tc.get_or_add_tcPr(), "w:tcBorders", "w:left", hex_color, size_eighths, "0")


def set_language(document, lang: str = "fr-FR") -> None:
    """Declare the document's language (spell-checking, hyphenation, quotes in Word)."""
    defaults = _child(document.styles.element, "w:docDefaults", first=True)
    rpr = _child(_child(defaults, "w:rPrDefault", first=True), "w:rPr")
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    rpr.append(_element("w:lang", val=lang, eastAsia=lang, bidi="ar-SA"))


def _child(parent, tag: str, first: bool = False):
    """`parent`'s `tag` child, added (first or last) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = _element(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def update_fields_on_open(document) -> None:
    """Ask Word to refresh the fields (table of contents, page count) when it opens the file."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    settings.append(_element("w:updateFields", val="true"))
