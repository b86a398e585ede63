"""French grammar around inserted names and numbers: elision, contractions, agreement, punctuation.

    de("Espéraza")          -> "d'Espéraza"        de("Le Tiers-Lieu") -> "du Tiers-Lieu"
    a("Le Plan B")          -> "au Plan B"          de("Les Cabannes")  -> "des Cabannes"
    de("Hautes-Rives")      -> "de Hautes-Rives"    (h aspiré, small list below)
    agree(1, "usager")      -> "1 usager"           agree(2, "usager") -> "2 usagers"
    tidy("Le projet de Ax-les-Thermes..")  -> "Le projet d'Ax-les-Thermes."

`tidy` is the safety net applied to every catalogue sentence (reports.analysis.texts) and to
every rendered note section (reports.note.text); the explicit functions are the jinja2
filters ``de``, ``a``, ``que``, ``agree`` and ``tidy`` for templates that insert a name.
Pure Python, no dependency: the rules fit in a page and are tested on real commune names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reports.fmt import fmt_number

APOSTROPHE = "'"
_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"
# Words whose h is aspirated (no elision: « de Hautes-Rives », « de Honfleur »). A small list:
# the first word of the name, folded to lower case. Every other h is mute (« d'Hyères »).
H_ASPIRE = frozenset({
    "haut", "haute", "hautes", "hauts", "hameau", "hameaux", "halle", "halles", "hêtre",
    "hendaye", "honfleur", "hérisson", "hagetmau", "hangest", "hasparren", "houilles",
    "hazebrouck", "hirson", "hochfelden", "huningue", "hamel", "hallencourt",
})
_ARTICLES = {"le": ("du", "au"), "les": ("des", "aux")}
_FIRST_WORD = re.compile(r"[^\s\-'’]+")


def elides(name: str) -> bool:
    """True when « de », « que », « le » elide before `name` (vowel, mute h, y + consonant)."""
    found = _FIRST_WORD.match(name.strip())
    original = found.group(0) if found else ""
    word = original.lower()
    if not word or not word[0].isalpha():
        return False
    if len(original) > 1 and original.isupper():
        return False  # an acronym (« de ANCT » is read letter by letter: leave it)
    first = word[0]
    if first == "y":  # Yssingeaux, Yvetot: vowel sound before a consonant; Yutz: semi-vowel
        return len(word) > 1 and word[1] not in _VOWELS
    if first == "h":
        return word not in H_ASPIRE
    return first in _VOWELS


def _article(name: str) -> tuple[str, str] | None:
    """("le"|"les", rest) when `name` starts with the article Le / Les, else None."""
    stripped = name.strip()
    for article in _ARTICLES:
        head = len(article) + 1
        if stripped[:head].lower() == article + " " and len(stripped) > head:
            return article, stripped[head:]
    return None


def de(name: str) -> str:
    """« de » before a name: d'Espéraza, du Plan B, des Cabannes, de La Grasse, de Prades."""
    if not name:
        return "de"
    found = _article(name)
    if found:
        return f"{_ARTICLES[found[0]][0]} {found[1]}"
    return f"d{APOSTROPHE}{name.strip()}" if elides(name) else f"de {name.strip()}"


# Site names that begin with a common noun take its article (« du Télécentre SoLozère »,
# « de l'Espace Initiative Firmin Pons »); commune names are never looked up here.
_NOUN_ARTICLES = {"espace": "l'", "télécentre": "le ", "relais": "le ", "maison": "la ",
                  "atelier": "l'", "coworking": "le ", "fablab": "le ", "café": "le ",
                  "médiathèque": "la ", "pépinière": "la ", "tiers-lieu": "le "}


def de_place(name: str) -> str:
    """« de » before a place's name: du Télécentre SoLozère, de l'Espace Initiative Firmin
    Pons, du Plan B, de Cap Work."""
    article = _NOUN_ARTICLES.get(name.split()[0].lower()) if name.strip() else None
    if article is None or _article(name):
        return de(name)
    if article == "le ":
        return f"du {name.strip()}"
    return f"de {article}{name.strip()}"


def a(name: str) -> str:
    """« à » before a name: à Prades, au Plan B, aux Cabannes, à La Grasse."""
    if not name:
        return "à"
    found = _article(name)
    if found:
        return f"{_ARTICLES[found[0]][1]} {found[1]}"
    return f"à {name.strip()}"


def que(name: str) -> str:
    """« que » before a name: qu'Auterive, que Prades."""
    return f"qu{APOSTROPHE}{name.strip()}" if elides(name) else f"que {name.strip()}"


def agree(count: float, singular: str, plural_form: str | None = None, decimals: int = 0
          ) -> str:
    """« 1 usager », « 2 usagers », « 0 usager », « 1,5 usager »: French plural from 2, judged
    on the number as printed (1,6 printed « 2 » takes the plural)."""
    shown = round(abs(count), decimals)
    word = singular if shown < 2 else (plural_form or _plural(singular))
    return f"{fmt_number(count, decimals)} {word}"


def _plural(phrase: str) -> str:
    """Regular plural of a noun phrase's head words: « usager régulier » → « usagers réguliers »,
    « bureau fermé » → « bureaux fermés »; a complement after « de » / « à » stays."""
    parts = re.split(r"( (?:de|du|à|au) )", phrase, maxsplit=1)
    head, sep, tail = parts if len(parts) == 3 else (phrase, "", "")
    words = []
    for word in head.split(" "):
        if not word or word[-1] in "sxz":
            words.append(word)
        elif word.endswith("eau") or word.endswith("au"):
            words.append(word + "x")
        elif word.endswith("al"):
            words.append(word[:-2] + "aux")
        else:
            words.append(word + "s")
    return " ".join(words) + sep + tail


# --- the safety net over whole sentences ---------------------------------------------

_NAME_START = r"(?=[A-ZÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ])"
# Each pattern starts with a literal character, so that the regex engine skips ahead to it
# instead of trying every position of a whole section (4x-30x faster on a note's 70 000
# characters); « (?<!\w.) » after a word's first letter is the « \b » before it. Same
# matches as r"\b([Dd]e|[Àà]) (Le|Les) (?=\S)", r"\b([Dd]e|[Qq]ue) " + _NAME_START +
# r"(\w[\w\-'’]*)" and r"(?<![.…])\.\s*\.(?!\.)" (tests/test_french.py checks it).
_WORD_START = r"(?<!\w.)"
_DE_ARTICLE = re.compile(f"(D{_WORD_START}e|d{_WORD_START}e|À{_WORD_START}|à{_WORD_START})"
                         r" (Le|Les) (?=\S)")
_DE_VOWEL = re.compile(f"(D{_WORD_START}e|d{_WORD_START}e|Q{_WORD_START}ue|q{_WORD_START}ue) "
                       + _NAME_START + r"(\w[\w\-'’]*)")
_DOUBLE_STOP = re.compile(r"\.(?<![.…]\.)\s*\.(?!\.)")
_STOP_BEFORE = re.compile(r"\.(\s*)([;:,])")


def _article_sub(match: re.Match) -> str:
    word, article = match.group(1), match.group(2).lower()
    de_form, a_form = _ARTICLES[article]
    out = de_form if word.lower() == "de" else a_form
    return ((out[0].upper() + out[1:]) if word[0].isupper() else out) + " "


def _elision_sub(match: re.Match) -> str:
    word, name = match.group(1), match.group(2)
    if not elides(name):
        return match.group(0)
    return f"{word[0]}{'u' if word.lower() == 'que' else ''}{APOSTROPHE}{name}"


@lru_cache(maxsize=8192)
def tidy(text: str) -> str:
    """Fix the joins a template makes around names and punctuation.

    « de Le X » → « du X », « à Les X » → « aux X », « de Auterive » → « d'Auterive »
    (capitalised names only, not acronyms, h aspiré kept), « .. » → « . », « . ; » → « ; »,
    « 1 habitants » → « 1 habitant » (a count filled into a catalogue sentence).
    An ellipsis (« … », « ... ») is left alone.
    """
    if not text:
        return text
    text = _DE_ARTICLE.sub(_article_sub, text)
    text = _DE_VOWEL.sub(_elision_sub, text)
    text = _DOUBLE_STOP.sub(".", text)
    text = _ONE_PLURAL.sub(lambda m: "1 actif occupé" if m.group(1) else f"1 {m.group(2)}", text)
    text = _STOP_BEFORE.sub(lambda m: m.group(1) + m.group(2) if m.group(2) != ":" else m.group(0),
                            text)
    return text


_COUNTED = "usager|indépendant|télétravailleur|poste|bureau|tiers-lieu|trajet|an|jour|salarié"
# as r"(?<![\d,.\u202f\u00a0])\b1 (?:…)", starting with its literal « 1 » (see above)
_ONE_PLURAL = re.compile(r"1(?<![\w,.\u202f\u00a0]1) (?:(actifs occupés)|(" + _COUNTED
                         + r"|habitant|commune|actif)[sx])\b")

# --- checks used by the consistency guard ---------------------------------------------

_BAD_ELISION = re.compile(r"\b(?:[Dd]e|[Qq]ue) ([A-ZÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ][\w\-'’]*)")
_BAD_ARTICLE = re.compile(r"\b(?:[Dd]e|[Àà]) (?:Le|Les) ")
_BAD_STOPS = re.compile(r"(?<![.…])\.\s*\.(?!\.)|\.\s*;")
_BAD_AGREEMENT = re.compile(r"(?<![\d,.\u202f\u00a0])\b([2-9]|[1-9]\d+) (" + _COUNTED
                            + r")\b(?![sx\-])|\b(usagers|indépendants|postes) régulier\b(?!s)"
                            + r"|(?<![\d,.\u202f\u00a0])\b1 (?:" + _COUNTED
                            + r"|habitant|commune|actif)[sx]\b")

# « 0 tiers-lieu à moins de 20 minutes » reads « Aucun tiers-lieu … » in a sentence
# (sentences; a table cell may show « 0 usagers » as a figure)
_ZERO_COUNT = re.compile(r"(?<![\d,.\u202f\u00a0])\b0 (tiers-lieu|indépendant|télétravailleur"
                         r"|fondateur)s?\b(?!-)")

# « de 2 à 2 usagers » is no range; « environ aucun » no French; « et 1 autres » no agreement
_EMPTY_RANGE = re.compile(r"\b(?:de|va de) (\d+) à \1 (?:usagers?|postes?)\b|\benviron aucun"
                          r"|\b1 autres\b")


def french_faults(text: str) -> list[str]:
    """Every join or punctuation fault `tidy` exists to prevent, quoted (empty: clean)."""
    faults = []
    for m in _BAD_ELISION.finditer(text):
        if elides(m.group(1)):
            faults.append(f"élision manquante : « {m.group(0)} »")
    faults += [f"contraction manquante : « {m.group(0).strip()} »"
               for m in _BAD_ARTICLE.finditer(text)]
    faults += [f"ponctuation : « {m.group(0)} »" for m in _BAD_STOPS.finditer(text)]
    faults += [f"accord : « {m.group(0).strip()} »" for m in _BAD_AGREEMENT.finditer(text)]
    faults += [f"« aucun » plutôt que : « {m.group(0).strip()} »"
               for m in _ZERO_COUNT.finditer(text)]
    faults += [f"chiffre unique dit comme une fourchette ou un nombre : « {m.group(0)} »"
               for m in _EMPTY_RANGE.finditer(text)]
    return faults
