"""Everything that reaches inside reportlab, in one place, checked by a test.

reportlab offers no public hook for two things the note needs, so this module relies on
internals of reportlab 4.x (pinned in pyproject.toml); `INTERNALS` lists each one and
`tests/test_reportlab_internals.py` fails loudly, naming it, when an upgrade changes it:

- speed: `Para`, a Paragraph whose parse (``Paragraph._setup``) and line breaking
  (``Paragraph.breakLines``) are cached, keyed by text, style and width. The same prose
  comes back in every note; this roughly halves the layout time.
- French typography: `patch_paragraph_split()` replaces ``reportlab.platypus.paragraph.split``
  for the whole process so that a narrow no-break space (U+202F) never breaks a line
  ("61 000 €" stays on one line).
- speed: `SubsetFont`, a TTFont whose ``splitString`` (text → subset codes, called for
  every string drawn: ~1 800 times and 57 000 characters per note, a Python loop over each
  character) answers in C (``str.translate``) when every character already has its code in
  the document's first subset, reading the font's per-document ``State.assignments``; any
  other text goes through reportlab's own loop, which assigns the new codes.
- speed: `Para` also keeps what drawing a laid-out paragraph wrote on the canvas (the
  content-stream operators of ``Paragraph.draw``, in the paragraph's own coordinates since
  ``Flowable.drawOn`` translates first) and writes it again for the same layout, in this
  document or the next, when the fonts encode its characters with the same codes there
  (``SubsetFont`` notes which text each face drew). ~550 of a note's ~670 paragraphs
  (headings, table cells, the annexes) are drawn as in the previous note.
- speed: `Para` gives a text without markup the fragment reportlab's parser makes of a
  plain word in its style, with the text's own words (figures and cells: ~90 per note).
- speed: `same_frag` replaces the C ``sameFrag`` that line breaking calls for every word;
  `pdfdoc_bytes` encodes the PDF file's ASCII keys and numbers with the ASCII codec;
  `word_width` remembers the widths line breaking measures (its ``stringWidth``).
"""

from __future__ import annotations

import copy
import itertools
import re
import zlib
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import paragraph as _paragraph

# (owner, name): what is used; the test checks each exists (and the signatures below)
INTERNALS: tuple[tuple[str, str], ...] = (
    ("Paragraph", "_setup"),  # (text, style, bulletText, frags, cleaner): parse
    ("Paragraph", "breakLines"),  # (width) -> blPara: line breaking
    ("paragraph", "split"),  # module function: splits text into words
    ("paragraph", "_wsc"),  # module string: the whitespace characters split uses
    ("TTFont", "splitString"),  # (text, doc, encoding) -> [(subset, bytes)]: encoding
    ("TTFont", "State"),  # font.state[doc]: its .assignments maps code point -> code
    ("pdfdoc", "PDFZCompress"),  # the Flate filter instance every stream is given
    ("pdfdoc", "PDFStreamFilterZCompress"),  # its class (encode / decode)
    ("Paragraph", "draw"),  # () -> None: draws blPara on self.canv, appending to canv._code
    ("Canvas", "_code"),  # the current page's operators (a list of str), see `Para.draw`
    ("Canvas", "_extgstate"),  # graphics-state dict (._d: alpha…), restored with the state
    ("Canvas", "_annotationrefs"),  # links and other annotations of the current page
    ("TTFont", "getSubsetInternalName"),  # sets State.internalName, the font's name in a doc
    ("TTFontFace", "makeSubset"),  # (codes) -> bytes: the subset's font program (SubsetFont)
    ("paragraph", "sameFrag"),  # module global: (f, g) -> do two fragments draw alike
    ("pdfdoc", "pdfdocEnc"),  # module function: str -> bytes in PDFDocEncoding (format())
    ("paragraph", "stringWidth"),  # module global: (text, font, size, encoding) -> width
)
SETUP_ARGS = ("self", "text", "style", "bulletText", "frags", "cleaner")
# attributes breakLines leaves on the paragraph, restored on a cache hit
LAYOUT_STATE = ("_width_max", "_splitLongWordCount", "_hyphenations", "height")


CACHE_SIZE = 4096  # parses and layouts kept: the fixed prose of a note is ~300 paragraphs
_parsed: dict[tuple, tuple] = {}
_laid_out: dict[tuple, tuple] = {}


def _remember(cache: dict, key: Any, value: Any, size: int = CACHE_SIZE) -> None:
    """Store `value`, dropping the oldest entry when the cache is full."""
    if len(cache) >= size:
        del cache[next(iter(cache))]
    cache[key] = value


def _recall(cache: dict, key: Any) -> Any:
    """The entry stored for `key` (None if none), moved to the newest place: what every note
    uses (its fixed prose) is then never the oldest entry that `_remember` drops, only the
    text of communes seen once is (~100 new paragraphs a note fill 4 096 places in ~35
    notes; dropped first-in first-out, the fixed prose was laid out again that often)."""
    value = cache.pop(key, None)
    if value is not None:
        cache[key] = value
    return value


class Para(Paragraph):
    """A Paragraph parsed once per text and style, and laid out once per width.

    The same markup comes back in every note (headings, table headers, the glossary, the
    questionnaire…): its parse (reportlab's HTML parser) and its line breaking (the
    costliest step) are kept, keyed by text, style and width; each new paragraph gets
    copies of the fragments, and a private layout before it is ever split (splitting
    edits the lines). Tables and KeepTogether wrap the same paragraph several times at
    the same width: the last layout is reused.
    """

    _wrapped_at: float | None = None
    _shared_layout = False
    _source_frags: list | None = None  # the parsed fragments, before line breaking

    def _setup(self, text, style, bulletText, frags, cleaner) -> None:
        """reportlab's setup, with the parse looked up first (styles are long-lived)."""
        if frags is not None or not isinstance(text, str):
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        key = (text, id(style), bulletText if isinstance(bulletText, str) else None)
        hit = _recall(_parsed, key)
        if hit is None or hit[0] is not style:
            if not self._setup_plain(text, style, bulletText, cleaner):
                super()._setup(text, style, bulletText, None, cleaner)
            _remember(_parsed, key, (style, self.style, self.text, _copied(self.frags),
                                     _copied(self.bulletText)))
            return
        _, self.style, self.text, frags, bullet = hit
        # the parse is shared, not copied: layout works on copies (`breakLines`, `split`)
        # and only reads these; a bullet of fragments takes reportlab's own line breaking
        # on self.frags, so it gets copies
        shared = bullet is None or isinstance(bullet, str)
        self.frags = frags if shared else _copied(frags)
        self.bulletText, self.debug = _copied(bullet), 0

    def _setup_plain(self, text, style, bulletText, cleaner) -> bool:
        """reportlab's parse of a text without markup or entity ('<', '&'), without its
        HTML parser: one fragment, the style's own (as reportlab makes it for such a text),
        holding the cleaned text. False (nothing done) for any other text.

        ~90 of a note's new paragraphs are such cells and figures (« 75 374 »), ~0.1 ms of
        parsing each.
        """
        if "<" in text or "&" in text or getattr(style, "textTransform", None):
            return False
        cleaned = cleaner(text)
        model = _plain_fragment(style) if cleaned else None
        if model is None:
            return False
        fragment = _shallow(model)
        fragment.text = cleaned
        self.text, self.frags, self.style, self.bulletText = cleaned, [fragment], style, bulletText
        self.debug = 0
        return True

    def breakLines(self, width):
        """reportlab's line breaking, looked up first for a whole (unsplit) paragraph.

        Besides the lines, reportlab's breakLines leaves state on the paragraph (height
        reset, widest line, counters, fragments turned into words): a hit restores it too.
        """
        bullet = self.bulletText
        if not isinstance(self.text, str) or not isinstance(bullet, str | None):
            return super().breakLines(width)
        key = (self.text, id(self.style), tuple(width), bullet)
        hit = _recall(_laid_out, key)
        if self._source_frags is None:
            self._source_frags = self.frags
        if hit is not None and hit[0] is self.style:
            _, lines, self.frags, self._width_max, counts = hit
            self._splitLongWordCount, self._hyphenations = counts
            self.height, self._shared_layout = 0, True
            return lines
        self.frags = _copied(self._source_frags)
        lines = super().breakLines(width)
        _remember(_laid_out, key, (self.style, lines, self.frags, self._width_max,
                                   (self._splitLongWordCount, self._hyphenations)))
        self._shared_layout = True
        return lines

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Split on a layout of its own: reportlab's split edits the lines it cuts."""
        if self._shared_layout and "blPara" in self.__dict__:
            height = self.height
            self.frags = _copied(self._source_frags)
            self.blPara = Paragraph.breakLines(self, self._wrapWidths)
            self.height, self._shared_layout = height, False
        return super().split(avail_width, avail_height)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Reuse the previous layout when the width has not changed."""
        if self._wrapped_at == avail_width and "blPara" in self.__dict__:
            return self.width, self.height
        size = super().wrap(avail_width, avail_height)
        self._wrapped_at = avail_width
        return size

    def draw(self) -> None:
        """reportlab's drawing, or the operators it wrote for the same layout before.

        A shared (cached, unsplit) layout is drawn once; its operators are written again
        while each face it used still has the same name and codes for its characters in
        the canvas's document, and the graphics state (alpha) is the same as then.
        """
        canvas = self.canv
        hit = self._drawn_before(canvas)
        if hit is not None:
            canvas._code.extend(hit.code)
            return
        lines = self.__dict__.get("blPara")
        if not self._shared_layout or lines is None or self.debug:
            super().draw()
            return
        drawn = _Drawn.record(self, lines, canvas)
        if drawn is not None:
            _remember(_drawn, id(lines), drawn)

    def drawOn(self, canvas, x, y, _sW=0) -> None:
        """``Flowable.drawOn`` (save, translate, draw, restore); a paragraph drawn before
        writes the same four steps' operators without going through the state stack."""
        hit = self._drawn_before(canvas)
        if hit is None or getattr(self, "_showBoundary", None):
            super().drawOn(canvas, x, y, _sW)
            return
        x = self._hAlignAdjust(x, _sW)
        code = canvas._code
        code.append("q")
        code.append(f"{fp_str(1, 0, 0, 1, x, y)} cm")  # as canvas.translate(x, y) after "q"
        code.extend(hit.code)
        code.append("Q")

    def _drawn_before(self, canvas: Any) -> _Drawn | None:
        """What an earlier drawing of this layout wrote, if it is valid on `canvas`."""
        lines = self.__dict__.get("blPara")
        hit = _recall(_drawn, id(lines)) if self._shared_layout else None
        if (hit is not None and hit.lines is lines and hit.style is self.style
                and not self.debug and hit.size == (self.width, self.height)
                and hit.gstate == canvas._extgstate._d and hit.fonts_match(canvas._doc)):
            return hit
        return None


_drawn: dict[int, Any] = {}  # id(layout) -> _Drawn
_faces_drawn: list | None = None  # (face, text) of each string encoded while recording


class _Drawn:
    """The operators one drawing of a laid-out paragraph wrote, and what they depend on."""

    __slots__ = ("code", "fonts", "gstate", "lines", "size", "style")

    @classmethod
    def record(cls, para: Para, lines: Any, canvas: Any) -> _Drawn | None:
        """Draw `para` with reportlab, noting what it wrote; None when it cannot be reused
        (a link, an anchor or a callback in its text, a new font or annotation, a character
        beyond the first subset, an alpha change)."""
        global _faces_drawn
        outer, _faces_drawn = _faces_drawn, []
        code, doc = canvas._code, canvas._doc
        before = (len(code), len(doc.fontMapping), len(canvas._annotationrefs),
                  len(canvas._extgstate._c))
        gstate = dict(canvas._extgstate._d)
        try:
            Paragraph.draw(para)
            faces = _faces_drawn
        finally:
            _faces_drawn = outer
        if outer is not None:
            outer.extend(faces)
        after = (len(code), len(doc.fontMapping), len(canvas._annotationrefs),
                 len(canvas._extgstate._c))
        if after[1:] != before[1:] or _has_side_effects(para.frags):
            return None
        fonts = _font_codes(faces, doc)
        drawn = code[before[0]:]
        if fonts is None or not _only_faces(drawn, fonts):
            return None
        found = object.__new__(cls)
        found.code, found.fonts, found.gstate = drawn, fonts, gstate
        found.lines, found.size, found.style = lines, (para.width, para.height), para.style
        return found

    def fonts_match(self, doc: Any) -> bool:
        """Each face has the same name and codes for the characters drawn, in `doc`."""
        for font, name, chars, codes in self.fonts:
            state = font.state.get(doc)
            if state is None or state.internalName != name:
                return False
            known = _FirstSubset.of(state)
            if not known.chars.issuperset(chars) or chars.translate(known.table) != codes:
                return False
        return True


def _has_side_effects(frags: Any) -> bool:
    """A fragment that draws more than text: a link, an anchor, a callback."""
    return any(getattr(f, "link", None) or getattr(f, "cbDefn", None) for f in frags or ())


_FONT_SET = re.compile(r"(/\S+) \S+ Tf")


def _only_faces(code: list[str], fonts: tuple) -> bool:
    """The operators select no font but the first subsets of `fonts`, and name no graphics
    state (``gs``: its name belongs to one document)."""
    names = {f"/{name}+0" for _, name, _, _ in fonts}
    return all(" gs" not in op and names.issuperset(_FONT_SET.findall(op)) for op in code)


def _font_codes(faces: list, doc: Any) -> tuple | None:
    """(face, its name in `doc`, characters, their codes) for each face used; None when a
    face is not a `SubsetFont` or a character is beyond its first subset."""
    texts: dict[Any, list[str]] = {}
    for font, text in faces:
        if not isinstance(text, str):
            return None
        texts.setdefault(font, []).append(text)
    found = []
    for font, parts in texts.items():
        state = font.state.get(doc)
        if state is None or state.internalName is None:
            return None
        chars = "".join(sorted(set("".join(parts))))
        known = _FirstSubset.of(state)
        if not known.chars.issuperset(chars):
            return None
        found.append((font, state.internalName, chars, chars.translate(known.table)))
    return tuple(found)


def first_codes(doc: Any, faces: dict[str, str]) -> None:
    """Give each face's characters (`faces`: font name -> characters) their codes first in
    `doc`, and the faces their names in this order, before anything is drawn.

    Codes are otherwise given in the order characters first appear, which the commune's
    name changes; with the note's own characters coded alike in every note, `Para.draw`
    reuses what an earlier note drew. Public API of dynamic fonts (``splitString``,
    ``getSubsetInternalName``); the file only gains the glyphs of the listed characters a
    note does not use.
    """
    from reportlab.pdfbase.pdfmetrics import getFont

    for name, chars in faces.items():
        font = getFont(name)
        font.splitString(chars, doc)
        font.getSubsetInternalName(0, doc)


_PROBE = "x"
_plain_models: dict[int, tuple] = {}  # id(style) -> (style, reportlab's fragment of _PROBE)


def _plain_fragment(style: Any) -> Any:
    """The fragment reportlab's parser makes of a plain word in `style` (None if it makes
    anything else); any plain text gets the same one, with its own text."""
    hit = _plain_models.get(id(style))
    if hit is None or hit[0] is not style:
        probe = Paragraph(_PROBE, style)
        frags = probe.frags
        model = (frags[0] if probe.style is style and len(frags) == 1
                 and getattr(frags[0], "text", None) == _PROBE else None)
        hit = (style, model)
        _remember(_plain_models, id(style), hit, 256)
    return hit[1]


def _copied(value: Any) -> Any:
    """Fresh fragment objects (layout may touch them); other values as they are."""
    return [_shallow(f) for f in value] if isinstance(value, list) else value


def _shallow(fragment: Any) -> Any:
    """copy.copy of a fragment (a ParaFrag: its state is its __dict__), without the pickle
    protocol's detour (a note copies ~1 000 fragments)."""
    state = getattr(fragment, "__dict__", None)
    kind = type(fragment)
    if state is None or hasattr(kind, "__copy__") or kind.__reduce_ex__ is not object.__reduce_ex__:
        return copy.copy(fragment)
    fresh = object.__new__(type(fragment))
    fresh.__dict__.update(state)
    return fresh


NNBSP = "\u202f"
_SEPARATORS = re.compile(f"[{re.escape(_paragraph._wsc.replace(NNBSP, ''))}]+")
_original_split = _paragraph.split


def _split(text, delim=None):
    """reportlab's `split`, except that a narrow no-break space never separates words."""
    if delim is not None or isinstance(text, bytes) or NNBSP not in text:
        return _original_split(text, delim)
    words = _SEPARATORS.split(text)
    if "\xa0" in text:  # reportlab's own path keeps empty strings there
        return words
    return [w for w in words if w]  # as str.split() would


COMPRESSION_LEVEL = 3  # zlib level of the PDF's streams (reportlab uses zlib's default, 6)


KEPT_FONT_FILES = 8  # font programs (subsets) kept built and compressed, per process


class _Flate(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's Flate filter at `COMPRESSION_LEVEL`: the note's 23 streams (pages, font
    subsets) compress in 5.5 ms instead of 13.5, the file is ~5 % larger (168 -> 176 KB).

    Binary streams are the embedded font programs (pages and maps are text): the same
    subsets come back in note after note (`first_codes`), so their compressed form is kept.
    """

    def encode(self, text):
        if isinstance(text, str):
            return zlib.compress(text.encode("utf8"), COMPRESSION_LEVEL)
        if not isinstance(text, bytes):
            return zlib.compress(text, COMPRESSION_LEVEL)
        found = _compressed.get(text)
        if found is None:
            found = zlib.compress(text, COMPRESSION_LEVEL)
            _remember(_compressed, text, found, KEPT_FONT_FILES)
        return found


_compressed: dict[bytes, bytes] = {}


def production_settings() -> None:
    """reportlab set for producing notes rather than developing charts.

    ``rl_config.shapeChecking`` (documented; on by default) validates every attribute set on
    a graphics shape or widget; a note's maps and charts set ~10 000: off, the same drawings
    come out (checked: identical pages) for a sixth less CPU per note. The PDF streams are
    compressed at a faster zlib level (``pdfdoc.PDFZCompress``, an internal: see `_Flate`).
    """
    rl_config.shapeChecking = 0
    _unchecked_graphics()
    if not isinstance(pdfdoc.PDFZCompress, _Flate):
        pdfdoc.PDFZCompress = _Flate()
    _paragraph.sameFrag = same_frag
    _paragraph.stringWidth = word_width
    pdfdoc.pdfdocEnc = pdfdoc_bytes


def _unchecked_graphics() -> None:
    """Graphics shapes and widgets as reportlab defines them when ``shapeChecking`` is off at
    import: without the ``__setattr__`` that calls ``validateSetattr`` (which, checking off,
    only stores the value; a property still goes through its setter). A note's charts and map
    set ~5 500 attributes (labels, bars, discs, the renderer's ``_canvas``/``_parent``)."""
    from reportlab.graphics.shapes import Shape
    from reportlab.graphics.widgetbase import PropHolder

    for kind in (Shape, PropHolder):
        found = kind.__dict__.get("__setattr__")
        if found is not None and found.__code__.co_names == ("validateSetattr",):
            del kind.__setattr__  # only reportlab's checking one (see the test)


WIDTHS_KEPT = 32_768  # word widths remembered (~250 new a note); all forgotten when full
_widths: dict[tuple, float] = {}
_original_width = _paragraph.stringWidth  # reportlab's (pdfmetrics.stringWidth)


def word_width(text: Any, fontName: str, fontSize: float, encoding: str = "utf8") -> float:
    """reportlab's ``stringWidth`` as the paragraph module calls it (~5 500 times a note: each
    word, and the space after each word, through three calls down to C), remembered for the
    same text, font and size: 96 % of them were measured in an earlier note. The width is
    reportlab's own float for those arguments (fonts are registered once per process)."""
    key = (text, fontName, fontSize)
    width = _widths.get(key) if encoding == "utf8" else None
    if width is None:
        width = _original_width(text, fontName, fontSize, encoding)
        if encoding == "utf8":
            if len(_widths) >= WIDTHS_KEPT:
                _widths.clear()
            _widths[key] = width
    return width


_original_pdfdoc_enc = pdfdoc.pdfdocEnc
_NOT_PDFDOC_ASCII = re.compile("[\x18-\x1f]")  # ASCII PDFDocEncoding does not code as ASCII


def pdfdoc_bytes(x: Any) -> Any:
    """reportlab's ``pdfdocEnc`` (text to PDFDocEncoding bytes; ~1 500 calls a note, every
    key, number and name the PDF file holds): ASCII text, which PDFDocEncoding codes as
    ASCII but 0x18-0x1F, is encoded by the ASCII codec in C instead of reportlab's Python
    codec (~0.25 against 1.8 µs); anything else goes through reportlab's own."""
    if isinstance(x, str) and x.isascii() and not _NOT_PDFDOC_ASCII.search(x):
        return x.encode("ascii")
    return _original_pdfdoc_enc(x)


_MISSING = object()
SAME_FRAG_KEYS = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor",
                  "nobr")


def same_frag(f: Any, g: Any) -> bool:
    """Whether two fragments draw alike (one word run of a line), as the C ``sameFrag`` of
    reportlab's accelerator answers: reportlab's own Python version of it
    (``reportlab.lib.rl_accel``), except that a missing attribute differs from None as in C;
    installed in ``reportlab.platypus.paragraph`` instead of the C one.

    Line breaking asks it for every word (~1 200 times a note); the C version takes 4-8 µs
    a call here (it looks up each attribute by name, missing ones through an exception, and
    compares the colours through their Python ``__eq__`` even when they are the same
    object), this one ~1.5 µs. Same answers (tested against the C version; in 40 batch
    notes, 46 800 calls, none differed).
    """
    fdict, gdict = f.__dict__, g.__dict__
    if "cbDefn" in fdict or "lineBreak" in fdict or "cbDefn" in gdict or "lineBreak" in gdict:
        return False
    fget, gget = fdict.get, gdict.get  # a missing attribute differs from None, as in C
    return ([fget(k, _MISSING) for k in SAME_FRAG_KEYS]
            == [gget(k, _MISSING) for k in SAME_FRAG_KEYS])


def patch_paragraph_split() -> None:
    """Install the French-safe splitter (idempotent)."""
    if _paragraph.split is not _split:
        _paragraph.split = _split


class SubsetFont(TTFont):
    """A TTFont that encodes already-seen text in C instead of a loop per character.

    reportlab's ``splitString`` maps each character to its code in the document's subsets
    (assigning a code on first sight) and groups the codes by subset. Once a document has
    drawn a few paragraphs, nearly every string uses only characters that already have a
    code below 256 (the first subset): then the whole string is one run of subset 0, and
    ``str.translate`` gives its bytes (plain ASCII, coded as itself, is simply encoded). The
    table is kept on the font's per-document state and extended as reportlab assigns codes
    (assignments only grow). U+00A0 is encoded as the space, as reportlab does.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.face.makeSubset = _kept_subsets(self.face.makeSubset)

    def splitString(self, text, doc, encoding="utf-8"):
        if _faces_drawn is not None:  # a paragraph being drawn for `Para.draw`'s cache
            _faces_drawn.append((self, text))
        state = self.state.get(doc) if isinstance(text, str) else None
        if state is None or not text:
            return super().splitString(text, doc, encoding)
        known = _FirstSubset.of(state)
        if known.ascii and text.isascii() and text.isprintable():
            return [(0, text.encode("ascii"))]
        if not known.chars.issuperset(text):
            return super().splitString(text, doc, encoding)
        return [(0, text.translate(known.table).encode("latin-1"))]


def _kept_subsets(make: Any) -> Any:
    """A face's ``makeSubset`` (codes -> the subset's font program) that keeps its last
    results: with `first_codes`, most notes embed the very same subsets (~0.7 ms each)."""
    kept: dict[tuple, bytes] = {}

    def make_subset(subset):
        key = tuple(subset)
        found = kept.get(key)
        if found is None:
            found = make(subset)
            _remember(kept, key, found, KEPT_FONT_FILES)
        return found

    return make_subset


class _FirstSubset:
    """The codes below 256 a font's per-document state has assigned, for `SubsetFont`."""

    __slots__ = ("ascii", "chars", "seen", "table")

    def __init__(self) -> None:
        self.seen = 0  # how many assignments are in the table
        self.table: dict[int, int] = {}  # code point -> code
        self.chars: set[str] = set()
        self.ascii = False  # printable ASCII coded as itself

    @classmethod
    def of(cls, state: Any) -> _FirstSubset:
        """The state's table, brought up to date with its assignments."""
        known = state.__dict__.get("_first_subset")
        if known is None:
            known = state._first_subset = cls()
        assignments = state.assignments
        if known.seen != len(assignments):
            for code, n in itertools.islice(assignments.items(), known.seen, None):
                if n < 256:
                    known.table[code] = n
                    known.chars.add(chr(code))
            if 32 in known.table and 0xA0 not in known.table:
                known.table[0xA0] = known.table[32]
                known.chars.add("\xa0")
            known.seen = len(assignments)
            if not known.ascii:  # codes never change once given
                known.ascii = all(known.table.get(c) == c for c in range(32, 127))
        return known
