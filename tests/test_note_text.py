"""Safe text for the note: cleaning, escaping, the jinja2 environment, French spaces."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle

from reports.note.blocks import Builder, Para, inner, no_charts
from reports.note.fonts import REGULAR, register_fonts
from reports.note.sections import labels, sections
from reports.note.styles import build_styles
from reports.note.text import ELLIPSIS, REPLACEMENT, clean, environment, para


def test_clean_blanks_controls_and_bidi_overrides_and_keeps_french_spaces():
    assert clean("a\tb\nc\x00d\x07e") == "a b cde"
    assert clean("x\u202egauche\u202c") == "xgauche"
    assert clean("1\u202f234,5\u00a0€") == "1\u202f234,5\u00a0€"
    assert clean("  deux   espaces  ") == "deux espaces"
    assert clean(None) == "" and clean(12.5) == "12.5"


def test_clean_replaces_what_the_font_cannot_draw_or_extract():
    assert clean("maison 🏡") == f"maison {REPLACEMENT}"  # beyond the BMP
    assert clean("\ud800") == ""  # a lone surrogate
    assert clean("עברית العربية") == "עברית العربية"  # DejaVu draws both


def test_clean_caps_long_text_with_a_visible_ellipsis():
    text = clean("mot " * 5000, limit=100)
    assert len(text) <= 101 and text.endswith(ELLIPSIS)


@settings(max_examples=150, deadline=None)
@given(text=st.text(st.sampled_from("aé Z9  \t\n\u202e\x00€«»🙂\u00a0"), max_size=40),
       limit=st.sampled_from([5, 20, 300]))
def test_clean_remembers_what_it_would_compute_again(text, limit):
    from markupsafe import Markup

    import reports.note.text as text_module

    text_module._cleaned.clear()
    first, again = clean(text, limit), clean(text, limit)  # computed, then remembered
    assert first == again == text_module._clean(text, limit)
    marked = text_module._clean(Markup(text), limit)  # a Markup is cleaned as before,
    found = clean(Markup(text), limit)  # never answered from the memo (nor stored in it)
    assert (found, type(found)) == (marked, type(marked))
    assert type(clean(text, limit)) is str


def test_para_escapes_markup():
    assert para("<b>R&D</b> \"x\"") == "&lt;b&gt;R&amp;D&lt;/b&gt; &quot;x&quot;"


def test_environment_escapes_every_value():
    env = environment()
    out = env.from_string("<p>{{ x }}</p>").render(x="<img src='/etc/passwd'/> & co")
    assert out == "<p>&lt;img src=&#39;/etc/passwd&#39;/&gt; &amp; co</p>"
    assert env.from_string("{{ n|eur }}").render(n=1234.5) == "1\u202f234\u00a0€"
    assert env.from_string("{{ n|qty(1) }}").render(n=13.2222) == "13,2"


def test_markup_round_trip_keeps_user_text_as_text():
    styles = build_styles()
    builder = Builder(styles, 400, no_charts, "t")
    flowables = builder.build(environment().from_string("<p>{{ x }}</p>").render(x="a<b>c"))
    assert len(flowables) == 1 and "&lt;b&gt;" in flowables[0].text
    assert inner(ET.fromstring("<p>x &amp; <b>y</b></p>")) == "x &amp; <b>y</b>"


def test_narrow_no_break_space_never_breaks_a_number():
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9, leading=11)
    paragraph = Para("Total : 1\u202f234\u202f567\u00a0€", style)
    paragraph.wrap(60, 1000)  # narrow: must break somewhere, but not inside the number
    lines = [" ".join(w for w in line[1]) for line in paragraph.blPara.lines]
    assert any("1\u202f234\u202f567" in line for line in lines), lines


def test_sections_and_labels_are_shared_data():
    ids = [s.section_id for s in sections()]
    assert ids[0] == "summary" and ids[-1] == "profile" and len(ids) == len(set(ids))
    assert sections()[1].heading == "2. La commune"
    assert sections()[-1].heading.startswith("Annexe F.")
    assert "{page}" in labels()["footer"]


def test_note_labels_cover_every_profile_code_and_field():
    """_labels.j2 names each code of reports.codes and each profile field, no more, no less."""
    from reports import codes
    from reports.batch.fields import FIELDS

    module = environment().get_template("_labels.j2").make_module({"site_names": {}})
    for name, listed in (("carriers", codes.CARRIER_TYPES), ("owners", codes.OWNERS),
                         ("states", codes.BUILDING_STATES), ("locations", codes.LOCATIONS),
                         ("supports", codes.COMMUNE_SUPPORT), ("services", codes.SERVICES)):
        assert set(getattr(module, name)) == {code for code, _ in listed}, name
    fields = {column.replace("#.", "") for column in FIELDS} | {"format", "version"}
    assert set(module.profile_fields) == fields


def test_the_cover_names_each_version_in_french_and_skips_empty_ones():
    from reports.analysis import analyse
    from reports.note.story import context, note_info
    from reports.note.text import render
    from reports.paths import resource
    from reports.profile import read_profile

    profile, _ = read_profile(Path(str(resource("examples", "prades.tierslieu.json"))))
    result = analyse(profile, directory=False)
    assert result.versions["programmes_file"] == ""  # the shipped table
    line = render("cover.j2", **context(result, note_info("", "", None)))
    assert "programmes_file" not in line and "fichier de programmes" not in line
    from reports.fmt import fmt_date

    checked = fmt_date(result.versions["programmes"])  # « 3 décembre 2026 », not 2026-12-03
    assert checked[0].isdigit() and f"programmes de financement vérifiés le {checked}" in line

    result.versions["programmes_file"] = "/tmp/programmes-2027.csv"
    line = render("cover.j2", **context(result, note_info("", "", None)))
    assert "fichier de programmes : /tmp/programmes-2027.csv" in line


def test_the_commune_section_says_which_figures_came_from_the_directory():
    from reports.analysis import analyse
    from reports.consistency import note_text
    from reports.paths import resource
    from reports.profile import read_profile

    minimal, _ = read_profile(Path(__file__).parent / "invented" / "minimal.tierslieu.json")
    text = " ".join(note_text(analyse(minimal), ("commune",)).split())
    assert "catégorie ZAU 2010 reprise de l'annuaire des communes (INSEE)" in text
    assert "ZAU 2010 saisie" not in text
    assert "ou, faute de saisie, ceux de l'annuaire des communes" in text
    assert "Zone de chalandise : zone de chalandise" not in text
    assert "Zone de chalandise (≈ 20 min de route)" in text

    typed, _ = read_profile(Path(str(resource("examples", "prades.tierslieu.json"))))
    text = " ".join(note_text(analyse(typed), ("commune",)).split())
    assert "catégorie ZAU 2010 saisie" in text


_TAGS = st.sampled_from(["b", "i", "br", "font", "super", "sub"])
_WORDS = st.text(st.sampled_from(list("ab é&<>\"'\n\t\r€")), max_size=6)


@st.composite
def _inline(draw, depth=2):
    """An inline element as the templates write them: tag, attributes, text, children."""
    el = ET.Element(draw(_TAGS), {k: draw(_WORDS) for k in draw(
        st.lists(st.sampled_from(["color", "size", "name"]), max_size=2, unique=True))})
    el.text = draw(st.none() | _WORDS)
    if depth:
        el.extend(draw(st.lists(_inline(depth - 1), max_size=2)))
    el.tail = draw(st.none() | _WORDS)
    return el


@settings(max_examples=200, deadline=None)
@given(text=st.none() | _WORDS, children=st.lists(_inline(), max_size=3))
def test_inner_writes_children_as_elementtree_does(text, children):
    from xml.sax.saxutils import escape

    from reports.note.blocks import french_spacing

    el = ET.Element("p")
    el.text = text
    el.extend(children)
    expected = escape(text or "") + "".join(ET.tostring(c, encoding="unicode") for c in children)
    assert inner(el) == french_spacing(expected.strip())
