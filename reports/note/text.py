"""Turning values into safe French text: the one jinja2 Environment and the escaping rules.

Autoescape is ON, on purpose: the templates write reportlab's paragraph markup (a small
XML), so every value a template prints is XML-escaped unless the template says otherwise;
forgetting to escape user text is then impossible. ``finalize`` also cleans every printed
value (control characters, bidi overrides, glyphs the font lacks, absurd lengths).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

import jinja2

from reports import fmt, french
from reports.note.fonts import covered
from reports.paths import ResourceError, read_text

MAX_CHARS = 1500  # longest user value printed in full; beyond, cut with a visible "…"
ELLIPSIS = "…"
REPLACEMENT = "\ufffd"  # drawn by DejaVu: a visible mark where a glyph is missing
_SPACES = re.compile(r" {2,}")  # plain spaces only: keep fmt's no-break spaces
_BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))


def _keep(char: str) -> str:
    """One character as it may reach the PDF: kept, blanked or replaced."""
    code = ord(char)
    if char in "\t\n\r\u2028\u2029":
        return " "
    category = unicodedata.category(char)
    if category in ("Cc", "Cs", "Co", "Cn") or code in _BIDI_CONTROLS:
        return ""
    if code in (0xFFFE, 0xFFFF):
        return ""
    if code > 0xFFFF:  # reportlab writes a broken ToUnicode entry beyond the BMP
        return REPLACEMENT
    if code not in covered() and category not in ("Mn", "Me", "Cf"):
        return REPLACEMENT
    return char


class _CharMap(dict):
    """str.translate table filled lazily: each code point is judged once per process."""

    def __missing__(self, code: int) -> str:
        self[code] = kept = _keep(chr(code))
        return kept


_CHARS = _CharMap()


CLEANED_KEPT = 16_384  # short texts remembered cleaned (all forgotten when full)
CLEANED_MAX_LENGTH = 300  # longer texts are cleaned each time (user text, kept small)
_cleaned: dict[tuple[str, int], str] = {}


def clean(value: Any, limit: int = MAX_CHARS) -> str:
    """Any value → printable single-paragraph text, cut at `limit` characters with "…".

    Every value a template prints goes through it (~1 100 a note, mostly the same labels
    and figures as in the previous note): a short text's result is remembered."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if len(text) > CLEANED_MAX_LENGTH or type(text) is not str:  # not a Markup
        return _clean(text, limit)
    key = (text, limit)
    found = _cleaned.get(key)
    if found is None:
        found = _clean(text, limit)
        if len(_cleaned) >= CLEANED_KEPT:
            _cleaned.clear()
        _cleaned[key] = found
    return found


def _clean(text: str, limit: int) -> str:
    """`clean` itself, for a text."""
    if len(text) > limit * 2:  # do not scan 100 000 characters we will not print
        text = text[: limit * 2]
    if not (text.isascii() and text.isprintable()):  # plain ASCII needs no look-up
        text = text.translate(_CHARS)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    text = text.strip()
    if len(text) > limit:
        text = text[:limit].rstrip() + ELLIPSIS
    return text


def para(value: Any, limit: int = MAX_CHARS) -> str:
    """A value cleaned and XML-escaped, ready to sit inside Paragraph markup."""
    return escape(clean(value, limit), {'"': "&quot;"})


def _finalize(value: Any) -> Any:
    """Clean every printed value (markup produced by our own filters passes untouched)."""
    if isinstance(value, jinja2.utils.markupsafe.Markup):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    return clean(value)


def _quantity(value: Any, max_decimals: int = 3) -> str:
    """A number as short as it can be: 88 → "88", 0.195 → "0,195", 13.22 → "13,2" (at 1)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "—"
    for decimals in range(max_decimals + 1):
        if abs(round(value, decimals) - value) < 1e-9:
            return fmt.fmt_number(value, decimals)
    return fmt.fmt_number(value, max_decimals)


_SENTENCE_END = re.compile(r"[.!?…](?=\s)")


def shorten(value: Any, limit: int) -> str:
    """Cleaned text of at most about `limit` characters, cut where a reader expects it.

    Whole sentences and an elision mark ("[…]") when a sentence ends in the second half of
    the allowance; otherwise whole words and "…". Never a cut inside a word ("act…").
    """
    text = clean(value)
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(head + " ")]
    if ends and ends[-1] >= limit // 2:
        return head[: ends[-1]] + "\u00a0[…]"
    space = head.rfind(" ")
    if space > limit // 3:
        head = head[:space]
    return head.rstrip(" ,;:–-(«\u00a0\u202f") + ELLIPSIS


class Cited:
    """The texts a note had to shorten, each printed in full once in the method annex.

    A signer must be able to read every quote the note attributes to the study: where a
    template shortens one (`cut`), the short text carries a number, « [3] », and the
    annex lists the full texts under the same numbers (PDF and Word alike, in the order
    the sections are rendered)."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}

    def number(self, text: str) -> int:
        """The number of a full text (the same text cut twice keeps its first number)."""
        return self._numbers.setdefault(text, len(self._numbers) + 1)

    @property
    def items(self) -> list[tuple[int, str]]:
        return [(n, text) for text, n in self._numbers.items()]


REFERENCE = "\u00a0[{n}]"  # after a shortened text: its number in the annex's list


@jinja2.pass_context
def _cut(ctx: Any, value: Any, limit: int = MAX_CHARS) -> Any:
    """`shorten`, and when the text was shortened, the number of its full text in the
    context's `cited` list (none when the context has no list: a lone section)."""
    short = shorten(value, limit)
    cited = ctx.get("cited")
    if not isinstance(cited, Cited):
        return short
    full = clean(value)
    if short == full:
        return short
    return jinja2.utils.markupsafe.Markup(
        escape(short, {'"': "&quot;"}) + REFERENCE.format(n=cited.number(full)))


def _sentence(value: Any) -> str:
    """A cleaned phrase closed by a full stop (unless it already ends a sentence)."""
    text = clean(value)
    return text if not text or text[-1] in ".!?…" else text + "."


def _yes_no(value: Any) -> str:
    return {True: "oui", False: "non"}.get(value, "—") if isinstance(value, bool) else "—"


def _load_template(name: str) -> str:
    """Template source from resources/templates/note/ (the only place French prose lives)."""
    try:
        return read_text("templates", "note", name)
    except ResourceError:
        return None  # jinja2 raises TemplateNotFound, a programming error caught by tests


@cache
def environment() -> jinja2.Environment:
    """The note's one jinja2 Environment (compiled templates are cached by it)."""
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_load_template),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(
        eur=fmt.fmt_eur, num=fmt.fmt_number, pct=fmt.fmt_percent, ratio=fmt.fmt_ratio,
        date=fmt.fmt_date, yesno=_yes_no, qty=_quantity, cut=_cut,
        sentence=_sentence, de=french.de, de_place=french.de_place, a=french.a,
        que=french.que, agree=french.agree, tidy=french.tidy,
    )
    return env


def render(template: str, **context: Any) -> str:
    """Render one section template to paragraph markup, its French joins tidied
    (reports.french: « d'Auterive », « du Plan B », no « .. »)."""
    return french.tidy(environment().get_template(template).render(**context))
