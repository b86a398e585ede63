"""Output file names that Windows accepts and that stay unique for homonymous communes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from reports.texts import message

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{p}{i}" for p in ("COM", "LPT") for i in "123456789¹²³"
}
MAX_STEM = 80  # keeps "folder\\stem (code INSEE).docx" far below Windows' 260-character paths


def _visible(text: str) -> str:
    """Without control, format (right-to-left overrides, zero-width) or surrogate characters."""
    return "".join(c for c in text if unicodedata.category(c) not in _INVISIBLE)


def safe_stem(name: str, fallback: str | None = None) -> str:
    """A file name stem safe on Windows: accents kept, forbidden characters replaced.

    Invisible characters (controls, direction overrides) are dropped, and the stem never
    starts with a spreadsheet formula character (``=``, ``+``, ``-``, ``@``).
    """
    text = unicodedata.normalize("NFC", name or "")
    text = _visible(_FORBIDDEN.sub("-", text))
    text = _SPACES.sub(" ", text).strip()
    text = text.lstrip("=+-@ ")  # a name the summary lists must not read as a formula
    text = text[:MAX_STEM].rstrip(". ")  # Windows drops trailing dots and spaces silently
    if not text.strip("-"):
        text = message("batch.names.default") if fallback is None else fallback
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = f"{text}_"
    return text


def unique_stems(items: Iterable[tuple[int, str, str]]) -> dict[int, str]:
    """Map each (line, commune name, INSEE code) to a stem no other line shares.

    Homonyms get their INSEE code; the same commune twice gets its line number too.
    Comparison ignores case, as Windows and macOS file systems do.
    """
    items = list(items)
    stems = {line: safe_stem(name, message("batch.names.unnamed", line=line))
             for line, name, _ in items}
    codes = {line: safe_stem(code, "") for line, _, code in items}
    for line in _clashing(stems):
        if codes[line]:
            stems[line] = f"{stems[line]} ({codes[line]})"
    for line in _clashing(stems):
        stems[line] = message("batch.names.same_commune", stem=stems[line], line=line)
    return stems


def _clashing(stems: dict[int, str]) -> list[int]:
    """Lines whose stem another line also has (case-insensitive)."""
    seen: dict[str, list[int]] = {}
    for line, stem in stems.items():
        seen.setdefault(stem.casefold(), []).append(line)
    return [line for lines in seen.values() if len(lines) > 1 for line in lines]
