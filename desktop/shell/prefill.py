"""The figures the directory gives the project's commune, and following them when they change.

`official_values` is what `desktop.widgets.official` shows beside each prefilled field; after
another census is loaded, `follow_officials` gives each field still holding the figure the
directory gave before the new one (a figure the user changed stays as typed) and updates the
sources the project records (``commune.sources``, read by the note).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reports.fill import SOURCES_KEY, directory_values

if TYPE_CHECKING:
    from desktop.shell.communes import CommuneIndex
    from desktop.shell.document import ProjectDocument

SOURCES_FIELD = f"commune.extra.{SOURCES_KEY}"  # commune.sources in the project file


def official_values(document: ProjectDocument, communes: CommuneIndex | None
                    ) -> dict[str, tuple[Any, str]]:
    """Field → (directory value, French source) for the project's commune; none when the
    directory is not loaded, no commune is chosen, or the name no longer matches the code
    (the commune page is then waiting for a choice)."""
    from reports.textnorm import fold

    code = document.value("commune.insee_code") or ""
    if communes is None or not communes.is_ready or not code:
        return {}
    record = communes.lookup(code)
    name = document.value("commune.name") or ""
    if record is None or fold(record.name) != fold(name):
        return {}
    return directory_values(record, communes.directory)


def follow_officials(document: ProjectDocument, communes: CommuneIndex | None,
                     before: dict[str, tuple[Any, str]]) -> int:
    """The directory's figures changed (`before` were the old ones): each field still
    holding its old figure takes the new one, and its recorded source follows. Returns how
    many fields changed."""
    after = official_values(document, communes)
    recorded = document.value(SOURCES_FIELD)
    sources = dict(recorded) if isinstance(recorded, dict) else {}
    changed = 0
    for field, (old, _source) in before.items():
        if field not in after or not same_value(document.value(field), old):
            continue
        new, source = after[field]
        if not same_value(old, new):
            document.set(field, new)
            changed += 1
        if field in sources:
            sources[field] = source
    if isinstance(recorded, dict) and sources != recorded:
        document.set(SOURCES_FIELD, sources)
    return changed


def same_value(value: Any, official: Any) -> bool:
    """Equal figures (3264 and 3264.0 are the same; codes compared as text)."""
    if isinstance(value, int | float) and isinstance(official, int | float):
        return float(value) == float(official)
    return str(value) == str(official) if value is not None else False
