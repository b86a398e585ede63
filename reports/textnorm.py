"""Folding of place names for matching: one key per name, whatever the way it is typed.

``fold("Laroque-d'Olmes")``, ``fold("laroque d olmes")`` and ``fold("LAROQUE DOLMES")`` all
give ``"laroquedolmes"``: case, accents, ligatures, hyphens, apostrophes, punctuation and
spaces are dropped, and the abbreviations St / Ste become Saint / Sainte first
(``fold("St-Étienne") == fold("Saint Etienne") == "saintetienne"``).

The wizard's completer and the communes directory both match on `fold`, so a typed prefix
and a stored key always agree. `fold_words` keeps the words apart (for "a word of the name
starts with…" matching).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Ligatures that NFKD leaves whole.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")  # accents once NFKD has taken them apart
_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}


def _words(text: str) -> list[str]:
    """Lower-case words of `text` without accents, ligatures or punctuation."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_LIGATURES))
    return _NOT_ALNUM.sub(" ", _COMBINING.sub("", decomposed).casefold()).split()


def fold_words(text: str, *, expand: bool = True) -> str:
    """Folded words separated by one space: ``"St-Jean-d'Arves"`` → ``"saint jean d arves"``.

    With ``expand=False`` the abbreviations stay as typed (``"st"`` may be the start of
    "Strasbourg" while the user is still typing).
    """
    if isinstance(text, str):
        return _fold_words(text, expand)
    return _fold_words.__wrapped__(text, expand)


@functools.lru_cache(maxsize=1 << 16)
def _fold_words(text: str, expand: bool) -> str:
    """`fold_words`, remembered: the same names (places, sites, communes nearby) are folded
    again for every commune analysed (a scan folds ~250 names per commune)."""
    words = _words(text)
    if expand:
        words = [_ABBREVIATIONS.get(word, word) for word in words]
    return " ".join(words)


def fold(text: str, *, expand: bool = True) -> str:
    """The matching key of `text`: ``"Laroque-d'Olmes"`` → ``"laroquedolmes"``."""
    return fold_words(text, expand=expand).replace(" ", "")
