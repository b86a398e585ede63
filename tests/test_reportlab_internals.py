"""The reportlab internals the note relies on (reports.note.reportlab_internals) are still
there and behave as the cache and the typography patch expect: a reportlab upgrade that
changes them fails here, naming what changed, instead of silently slowing or garbling notes."""

from __future__ import annotations

import inspect
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.graphics.shapes import Shape
from reportlab.graphics.widgetbase import PropHolder
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as rl_paragraph

from reports.note import reportlab_internals as internals
from reports.note.fonts import register_fonts
from reports.note.styles import build_styles

OWNERS = {"Paragraph": Paragraph, "paragraph": rl_paragraph, "TTFont": TTFont,
          "TTFontFace": TTFontFace, "pdfdoc": pdfdoc,
          "Canvas": Canvas(io.BytesIO())}  # a canvas: its attributes are set per instance


@pytest.mark.parametrize(("owner", "name"), internals.INTERNALS)
def test_every_internal_used_still_exists(owner, name):
    assert hasattr(OWNERS[owner], name), (
        f"reportlab {owner}.{name} is gone: reports/note/reportlab_internals.py needs updating")


def test_setup_keeps_the_signature_the_parse_cache_overrides():
    params = tuple(inspect.signature(Paragraph._setup).parameters)
    assert params == internals.SETUP_ARGS, f"Paragraph._setup is now {params}"


def test_line_breaking_leaves_the_state_a_cache_hit_restores():
    register_fonts()
    para = Paragraph("Un texte assez long pour tenir sur plusieurs lignes " * 4,
                     build_styles()["body"])
    lines = para.breakLines([120])
    assert lines.lines, "breakLines returns no lines"
    missing = [a for a in internals.LAYOUT_STATE if not hasattr(para, a)]
    assert missing == [], f"breakLines no longer sets {missing}"


def test_reportlab_still_breaks_on_the_narrow_no_break_space_so_the_patch_is_needed():
    assert internals.NNBSP in rl_paragraph._wsc  # if not, the patch can go
    register_fonts()  # installs the patch
    assert rl_paragraph.split is internals._split
    assert rl_paragraph.split(f"61{internals.NNBSP}000 € net") == [
        f"61{internals.NNBSP}000", "€", "net"]


def test_a_cached_paragraph_lays_out_as_a_plain_one():
    register_fonts()
    style = build_styles()["body"]
    text = "Le lieu ouvre <b>trois jours</b> par semaine, avec 61\u202f000 € d'investissement. " * 3
    plain = Paragraph(text, style)
    first, second = internals.Para(text, style), internals.Para(text, style)  # second: a hit
    sizes = [p.wrap(200, 1000) for p in (plain, first, second)]
    assert sizes[0] == sizes[1] == sizes[2]
    words = [[w.text for w in line.words] if hasattr(line, "words") else line[1]
             for line in plain.blPara.lines]
    assert [[w.text for w in line.words] if hasattr(line, "words") else line[1]
            for line in second.blPara.lines] == words


def test_the_fast_font_encodes_every_text_as_reportlab_does():
    """SubsetFont's shortcut gives reportlab's own bytes and subsets, text after text, for
    ASCII, French, no-break spaces, glyphs the font lacks and more than one subset."""
    from reportlab.pdfbase.pdfdoc import PDFDocument

    from reports.paths import resource_path

    with resource_path("fonts", "DejaVuSans.ttf") as path:
        plain, fast = TTFont("PlainCheck", str(path)), internals.SubsetFont("FastCheck", str(path))
    many = "".join(chr(c) for c in range(0x391, 0x3C9)) + "".join(
        chr(c) for c in range(0x410, 0x44F)) + "".join(chr(c) for c in range(0x100, 0x17F))
    texts = ["", "Prades", "Prades", "61\u202f000 € d'investissement", "é à ç « » – …",
             "un\u00a0mot", "\u00a0", "Prades 61\u202f000 €", "\U0001F600 hors police \ue000",
             many, many[::-1], "Prades et " + many[:40], "tab\tet\x01contrôle", "Prades"]
    doc_plain, doc_fast = PDFDocument(), PDFDocument()
    for text in texts:
        assert fast.splitString(text, doc_fast) == plain.splitString(text, doc_plain), text
    assert fast.state[doc_fast].assignments == plain.state[doc_plain].assignments
    assert fast.state[doc_fast].subsets == plain.state[doc_plain].subsets
    assert len(plain.state[doc_plain].subsets) > 1  # the test reached a second subset


def test_the_font_state_still_holds_the_assignments_the_fast_font_reads():
    from reportlab.pdfbase.pdfdoc import PDFDocument

    from reports.note.fonts import REGULAR

    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(REGULAR)
    assert isinstance(font, internals.SubsetFont)
    doc = PDFDocument()
    font.splitString("é", doc)
    state = font.state[doc]
    assert isinstance(state.assignments, dict) and ord("é") in state.assignments
    assert hasattr(state, "__dict__"), "TTFont.State no longer takes the fast table"


def test_fonts_set_reportlab_for_production():
    from reportlab import rl_config

    register_fonts()
    assert rl_config.shapeChecking == 0
    flate = pdfdoc.PDFZCompress
    assert isinstance(flate, pdfdoc.PDFStreamFilterZCompress) and flate.pdfname == "FlateDecode"
    data = "BT /F1 12 Tf (Prades 61 000 €) Tj ET\n" * 50
    assert flate.decode(flate.encode(data)) == data.encode("utf8")


_FRAG_VALUES = {
    "fontName": st.sampled_from(["DejaVuSans", "DejaVuSans-Bold"]),
    "fontSize": st.sampled_from([9, 9.0, 10.5]),
    "textColor": st.sampled_from(["#1A1A1A", "#5F6368", None]),
    "rise": st.sampled_from([0, 2]),
    "us_lines": st.sampled_from([[], [("underline", 1)]]),
    "link": st.sampled_from([None, [("https://example.org", 0)]]),
    "backColor": st.sampled_from([None, "#FFFFFF"]),
    "nobr": st.booleans(), "underline": st.booleans(), "strike": st.booleans(),
    "bold": st.booleans(), "greek": st.booleans(), "cbDefn": st.none(), "lineBreak": st.booleans(),
}
_FRAGS = st.fixed_dictionaries({}, optional=_FRAG_VALUES)


@settings(max_examples=400, deadline=None)
@given(first=_FRAGS, second=_FRAGS, changed=st.sampled_from(sorted(_FRAG_VALUES)))
def test_same_frag_answers_as_reportlab_s_c_version(first, second, changed):
    from reportlab.lib import colors
    from reportlab.lib.rl_accel import sameFrag as c_version
    from reportlab.platypus.paraparser import ParaFrag

    def frag(values):
        made = ParaFrag(text="mot")
        for name, value in values.items():  # colours as reportlab makes them, lists fresh
            if name in ("textColor", "backColor") and value is not None:
                value = colors.HexColor(value)
            setattr(made, name, list(value) if isinstance(value, list) else value)
        return made

    for a, b in ((first, second), (first, first), (first, {**first, changed: second.get(changed)})):
        f, g = frag(a), frag(b)
        assert internals.same_frag(f, g) == bool(c_version(f, g)), (a, b)
    register_fonts()
    assert rl_paragraph.sameFrag is internals.same_frag


def test_pdfdoc_encoding_is_reportlab_s_for_every_text():
    register_fonts()
    assert pdfdoc.pdfdocEnc is internals.pdfdoc_bytes
    original = internals._original_pdfdoc_enc
    texts = [chr(c) for c in range(256)] + ["/Type /Page\n", "12 0 obj\n", "é€", b"bytes", ""]
    for text in texts:
        try:
            expected = original(text)
        except UnicodeError:
            with pytest.raises(UnicodeError):
                internals.pdfdoc_bytes(text)
            continue
        assert internals.pdfdoc_bytes(text) == expected, repr(text)


def test_graphics_set_attributes_as_reportlab_does_without_checking():
    import reportlab.graphics.shapes as shapes_module
    import reportlab.graphics.widgetbase as widgets_module
    from reportlab.graphics.charts.textlabels import Label
    from reportlab.graphics.shapes import Drawing, Rect

    for module in (shapes_module, widgets_module):  # reportlab still defines the checking
        source = inspect.getsource(module)  # __setattr__ only under shapeChecking
        assert "__setattr__" in source and "validateSetattr(self" in source, module.__name__
    register_fonts()
    assert "__setattr__" not in Shape.__dict__ and "__setattr__" not in PropHolder.__dict__
    rect, label = Rect(0, 0, 10, 10), Label()
    rect.fillColor, label.fontSize = None, 7
    assert rect.__dict__["fillColor"] is None and label.__dict__["fontSize"] == 7
    drawing = Drawing(100, 50)
    drawing.add(rect)
    assert drawing.contents == [rect]


def test_a_shared_parse_is_left_as_reportlab_made_it_by_layout_split_and_drawing():
    register_fonts()
    style = build_styles()["body"]
    text = "Un <b>texte</b> assez long pour se couper sur deux pages, " * 6 + "<i>fin</i>."

    def parse() -> list:
        return [(type(f), dict(f.__dict__)) for f in Paragraph(text, style).frags]

    internals._parsed.clear()
    internals.Para(text, style)  # parsed, stored
    second = internals.Para(text, style)  # a hit: the stored parse, not a copy
    shared = next(v for k, v in internals._parsed.items() if k[0] == text)[3]
    assert second.frags is shared
    second.wrap(200, 1000)
    parts = second.split(200, 40)
    canvas = Canvas(io.BytesIO())
    for part in parts:
        part.wrap(200, 1000)
        part.drawOn(canvas, 40, 400)
    assert len(parts) == 2 and [(type(f), f.__dict__) for f in shared] == parse()


def test_word_widths_are_reportlab_s_and_measured_once(monkeypatch):
    from reportlab.pdfbase import pdfmetrics

    from reports.note.fonts import BOLD, REGULAR

    register_fonts()
    assert rl_paragraph.stringWidth is internals.word_width
    monkeypatch.setattr(internals, "_widths", {})
    for text, font, size in (("équilibrée", REGULAR, 9), ("12\u202f000\xa0€", BOLD, 10.5),
                             ("", REGULAR, 8), ("équilibrée", BOLD, 9)):
        assert internals.word_width(text, font, size) == pdfmetrics.stringWidth(text, font, size)
    measured = []
    monkeypatch.setattr(internals, "_original_width", lambda *a: measured.append(a) or 1.0)
    assert internals.word_width("équilibrée", REGULAR, 9) == pdfmetrics.stringWidth(
        "équilibrée", REGULAR, 9) and measured == []  # remembered
    internals.word_width("équilibrée", REGULAR, 9, "latin-1")  # another encoding: measured
    assert len(measured) == 1
    monkeypatch.setattr(internals, "WIDTHS_KEPT", 4)
    for n in range(9):
        internals.word_width(f"mot{n}", REGULAR, 9)
    assert 0 < len(internals._widths) <= 4  # bounded


def test_fragments_are_copied_as_copy_copy_would():
    import copy

    register_fonts()
    frags = internals.Para("Le <b>lieu</b> ouvre <i>trois</i> jours", build_styles()["body"]).frags
    for frag in frags:
        fresh = internals._shallow(frag)
        assert fresh is not frag and type(fresh) is type(frag)
        assert fresh.__dict__ == copy.copy(frag).__dict__


def _drawn(make, text, style, *, canvas=None, codes=True, at=(40, 500)):
    """The operators drawing one paragraph writes on a canvas (a new document by default)."""
    from reports.note.fonts import NOTE_CHARS

    canvas = canvas or Canvas(io.BytesIO())
    if codes:
        internals.first_codes(canvas._doc, NOTE_CHARS)
    para = make(text, style)
    para.wrap(300, 1000)
    start = len(canvas._code)
    para.drawOn(canvas, *at)
    return canvas._code[start:]


TEXT = ("Le lieu ouvre <b>trois jours</b> par semaine : 61\u202f000 € d'investissement, "
        "« à l'étude » – <i>détail</i>. ") * 3


def test_a_paragraph_drawn_again_writes_what_reportlab_writes(monkeypatch):
    register_fonts()
    style = build_styles()["body"]
    plain = _drawn(Paragraph, TEXT, style)
    first = _drawn(internals.Para, TEXT, style)
    calls = []
    monkeypatch.setattr(Paragraph, "drawPara", lambda self, debug=0: calls.append(self))
    again = _drawn(internals.Para, TEXT, style, at=(70, 120))  # another document and place
    assert calls == [], "the second drawing was not taken from the cache"
    monkeypatch.undo()
    assert first == plain
    assert again == _drawn(Paragraph, TEXT, style, at=(70, 120)) != plain


def test_a_drawing_is_not_reused_where_the_codes_differ_or_it_links():
    register_fonts()
    style = build_styles()["body"]
    cached = _drawn(internals.Para, TEXT, style)

    def other_codes() -> Canvas:
        canvas = Canvas(io.BytesIO())
        canvas.setFont(style.fontName, 10)
        canvas.drawString(0, 0, "œ☐çé")  # these characters take the first codes here
        return canvas

    plain = _drawn(Paragraph, TEXT, style, canvas=other_codes(), codes=False)
    redrawn = _drawn(internals.Para, TEXT, style, canvas=other_codes(), codes=False)
    assert redrawn == plain != cached  # drawn anew with this document's codes
    linked = 'Voir <a href="https://example.org">le site</a>.'
    _drawn(internals.Para, linked, style)
    canvas = Canvas(io.BytesIO())
    _drawn(internals.Para, linked, style, canvas=canvas)
    assert len(canvas._annotationrefs) == 1  # the link is made again, not replayed


def test_font_programs_are_built_and_compressed_once_for_the_same_subset(monkeypatch):
    from reportlab.pdfbase import pdfmetrics

    from reports.note.fonts import REGULAR

    register_fonts()
    face = pdfmetrics.getFont(REGULAR).face
    subset = [0, *range(32, 127), 0xE9, 0xE0]
    first = face.makeSubset(subset)
    assert first == TTFontFace.makeSubset(face, subset)  # reportlab's own program
    built = []
    monkeypatch.setattr(TTFontFace, "makeSubset", lambda *a: built.append(a))
    assert face.makeSubset(list(subset)) is first and built == []
    flate = pdfdoc.PDFZCompress
    packed = flate.encode(first)
    assert flate.encode(bytes(first)) is packed and flate.decode(packed) == first
    assert flate.decode(flate.encode("BT (texte) Tj ET")) == b"BT (texte) Tj ET"


def test_a_note_from_the_caches_is_byte_for_byte_the_note_without_them():
    from note_fixtures import hostile_result, make_result

    from reports.note import pdf_bytes

    result = make_result()
    for cache in (internals._parsed, internals._laid_out, internals._drawn, internals._compressed):
        cache.clear()
    cold = pdf_bytes(result, invariant=True)
    pdf_bytes(hostile_result(), invariant=True)  # other text and codes in between
    assert len(internals._drawn) > 100  # the second time, paragraphs are replayed
    assert pdf_bytes(result, invariant=True) == cold



def test_what_every_note_uses_stays_cached_while_one_off_texts_come_and_go(monkeypatch):
    register_fonts()
    style = build_styles()["body"]
    monkeypatch.setattr(internals, "_laid_out", {})
    monkeypatch.setattr(internals, "_parsed", {})
    monkeypatch.setattr(internals._remember, "__defaults__", (8,))  # 8 places per cache
    fixed = "Le texte que chaque note reprend, mot pour mot."
    for n in range(40):  # one fixed paragraph and a new one per "note"
        for text in (fixed, f"La commune numéro {n} et son texte à elle."):
            internals.Para(text, style).wrap(300, 1000)
    assert len(internals._laid_out) == 8
    assert any(key[0] == fixed for key in internals._laid_out)  # never dropped
    assert sum(key[0] == fixed for key in internals._parsed) == 1
    layouts = []
    monkeypatch.setattr(Paragraph, "breakLines", lambda self, w: layouts.append(w))
    internals.Para(fixed, style).wrap(300, 1000)
    assert layouts == []  # taken from the cache, not laid out again


@settings(max_examples=150, deadline=None)
@given(text=st.text(st.sampled_from(list("aé Z9,.;:–«»€%()'\u00a0\u202f\t\n-")), max_size=60),
       name=st.sampled_from(["body", "cell_right", "cell_head", "bullet", "small", "h2"]))
def test_a_plain_text_is_parsed_as_reportlab_parses_it(text, name):
    register_fonts()
    style = build_styles()[name]
    bullet = "•" if name == "bullet" else None
    internals._parsed.clear()
    plain, fast = Paragraph(text, style, bulletText=bullet), internals.Para(text, style,
                                                                           bulletText=bullet)
    assert (fast.text, fast.style, fast.bulletText) == (plain.text, plain.style,
                                                        plain.bulletText)
    assert [(type(f), f.__dict__) for f in fast.frags] == [
        (type(f), f.__dict__) for f in plain.frags]
