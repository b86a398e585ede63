"""French messages, read from TOML catalogues under resources/: one mechanism for the engine.

The analysis reads `resources/analysis/text/` through `reports.analysis.texts` (sentences of
the note); the profile checks, the batch and the commands read `resources/text/` through
`message()` here. Keys are ``<file>.<table>.<entry>`` with named placeholders::

    message("commands.note.invalid_profile", name="prades.tierslieu.json")

Wording lives in the catalogue, not in Python, so that an English catalogue can follow.
A missing key or placeholder raises `CatalogueError` at once.
"""

from __future__ import annotations

import string
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from reports.paths import resource


class CatalogueError(KeyError):
    """A key or a placeholder of a text catalogue is missing (a programming error)."""


def _flatten(prefix: str, table: dict[str, Any], out: dict[str, Any]) -> None:
    """Put every leaf of a TOML table under its dotted key."""
    for name, value in table.items():
        key = f"{prefix}.{name}"
        if isinstance(value, dict):
            _flatten(key, value, out)
        else:
            out[key] = tuple(value) if isinstance(value, list) else value


def load_folder(folder: Path | Any) -> dict[str, Any]:
    """Every entry of every ``<file>.toml`` of `folder`, by dotted key ``<file>.…``."""
    flat: dict[str, Any] = {}
    for node in sorted(folder.iterdir(), key=lambda n: n.name):
        if node.name.endswith(".toml"):
            _flatten(node.name[:-5], tomllib.loads(node.read_text(encoding="utf-8")), flat)
    return flat


def placeholders(template: str) -> set[str]:
    """The named placeholders of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@lru_cache(maxsize=1)
def messages() -> dict[str, Any]:
    """The catalogue of resources/text/ (read once)."""
    return load_folder(resource("text"))


def message(key: str, /, **values: Any) -> str:
    """The message at `key`, its placeholders filled from `values` (all of them, no more)."""
    try:
        template = messages()[key]
    except KeyError:
        raise CatalogueError(f"texte absent du catalogue : {key}") from None
    if set(values) != placeholders(template):
        raise CatalogueError(f"{key} : valeurs {sorted(values)} pour les champs "
                             f"{sorted(placeholders(template))}")
    return template.format_map(values)


def table(prefix: str, /) -> dict[str, str]:
    """Every entry of the table at `prefix`, by its own name (a lookup the code indexes)."""
    start = prefix + "."
    found = {key[len(start):]: text for key, text in messages().items() if key.startswith(start)}
    if not found:
        raise CatalogueError(f"table absente du catalogue : {prefix}")
    return found
