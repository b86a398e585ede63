"""The engine's French sentences, read once from resources/analysis/text/<module>.toml
(through `reports.texts`, the mechanism shared with the other catalogues).

    text("risks.no_carrier.title")                  # a sentence
    text("verdict.summary", commune=name, …)        # with NAMED placeholders ({commune})
    items("risks.no_carrier.sites")                 # a list kept with the text (site ids…)
    counted(3, "common.nouns.independent")          # "3 indépendants"
    table("criteria.carriers")                      # a whole table as a dict (phrases by code)

Every sentence goes through `reports.french.tidy` (elision « d'Auterive », contractions
« du Plan B », no « .. » nor « . ; ») once its names are inserted.
Keys are ``<file>.<table>.<entry>``. Numbers are formatted by the caller with
`reports.fmt` and passed as placeholders. A missing key or placeholder raises at once.
`strict()` also rejects values a sentence does not use and records every key read (tests).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from reports.french import agree, tidy
from reports.paths import resource
from reports.texts import CatalogueError, load_folder, placeholders

_STRICT: dict[str, Any] = {"on": False, "used": set()}


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Any]:
    """Every entry of every catalogue file, by dotted key (read once)."""
    return load_folder(resource("analysis", "text"))


def _entry(key: str) -> Any:
    """The raw catalogue entry, or a loud error."""
    try:
        value = catalogue()[key]
    except KeyError:
        raise CatalogueError(f"texte absent du catalogue : {key}") from None
    if _STRICT["on"]:
        _STRICT["used"].add(key)
    return value


@lru_cache(maxsize=64)
def _table(prefix: str) -> dict[str, Any]:
    """The entries directly under `prefix`, by their last name."""
    head = prefix + "."
    return {key[len(head):]: value for key, value in catalogue().items()
            if key.startswith(head) and "." not in key[len(head):]}


def table(prefix: str) -> dict[str, Any]:
    """A whole table of the catalogue (``criteria.carriers``) as a dict, e.g. phrases by code."""
    found = _table(prefix)
    if not found:
        raise CatalogueError(f"table absente du catalogue : {prefix}")
    if _STRICT["on"]:
        _STRICT["used"].update(f"{prefix}.{name}" for name in found)
    return dict(found)


def text(key: str, **values: Any) -> str:
    """The sentence at `key`, its placeholders filled from `values`."""
    template = _entry(key)
    if _STRICT["on"] and set(values) != placeholders(template):
        raise CatalogueError(f"{key} : valeurs {sorted(values)} pour les champs "
                             f"{sorted(placeholders(template))}")
    try:
        return tidy(template.format_map(values))
    except KeyError as exc:
        raise CatalogueError(f"{key} : champ {exc} non fourni") from None


def items(key: str) -> tuple[Any, ...]:
    """The list at `key` (site ids, standard sentences), unformatted."""
    return _entry(key)


def counted(count: float, noun: str) -> str:
    """The number and the noun at catalogue key `noun` (``[singular, plural]``), agreed;
    none is « aucun … » (« aucun tiers-lieu », not « 0 tiers-lieu »; the nouns are masculine)."""
    singular, plural_form = items(noun)
    if count == 0:
        return text("common.count.none", noun=singular)
    return agree(count, singular, plural_form)


@contextlib.contextmanager
def strict() -> Iterator[set[str]]:
    """Check placeholders both ways and yield the set of keys read meanwhile (tests)."""
    _STRICT["on"], _STRICT["used"] = True, set()
    try:
        yield _STRICT["used"]
    finally:
        _STRICT["on"] = False
