"""French typography in reportlab: keep U+202F (narrow no-break space) unbreakable.

reportlab's Paragraph splits words on U+202F as if it were a plain space, so "61 000 €"
may break after "61" and comes out with an ordinary space. `patch_paragraph_split()`
replaces the module's word splitter with one that differs only there; applied once.
"""

from __future__ import annotations

import re

from reportlab.platypus import paragraph as _paragraph

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


def patch_paragraph_split() -> None:
    """Install the French-safe splitter (idempotent)."""
    if _paragraph.split is not _split:
        _paragraph.split = _split
