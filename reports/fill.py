"""Filling a profile's missing figures from the communes directory, saying where they came from.

A profile that gives a commune's INSEE code needs nothing else about the commune: its name,
département, intercommunality, population, census figures (population 15–64, actifs, actifs
occupés, jobs) and classifications (ZAU 2010, AAV 2020, density level) are taken from the
directory when left empty. Which profile field comes from which directory value, and the
source shown, is in ``resources/communes/fill.json``. Values the user entered are never
replaced. The fields filled are recorded in the profile as ``commune.sources`` (field path →
French source, e.g. ``"population.jobs": "recensement 2018 (INSEE)"``), kept only while the
value still equals the directory's (an edit drops its source).

    sources = fill_profile(profile)            # in place; {} without code or directory
    values = directory_values(commune)         # for the wizard's prefill: path -> (value, source)
"""

from __future__ import annotations

import functools
import json
from typing import Any

from reports import paths
from reports.texts import message

SOURCES_KEY = "sources"  # in the profile's commune section (Commune.extra)


@functools.cache
def _fields() -> dict[str, dict[str, str]]:
    return json.loads(paths.read_text("communes", "fill.json"))["fields"]


def fillable_fields() -> tuple[str, ...]:
    """Profile field paths the directory can fill (``population.jobs``…)."""
    return tuple(_fields())


def _value(commune: Any, key: str) -> Any:
    """A directory value: an attribute of the Commune or ``insee.KEY`` of its INSEE figures."""
    if key.startswith("insee."):
        figures = getattr(commune, "insee", None) or {}
        value = figures.get(key[len("insee."):])
        if key == "insee.aav2020_category" and value is not None:
            return int(value)  # the profile keeps the AAV category as a number (11…30)
        return value
    return getattr(commune, key, None)


def directory_values(commune: Any, book: Any = None) -> dict[str, tuple[Any, str]]:
    """Field path → (directory value, French source) for every value the directory has for
    this commune (an old name gives its current commune's figures, but keeps its own name:
    the code designates it, and the note says whose figures they are)."""
    if book is None:
        from reports.communes import directory

        book = directory()
    named = commune
    if not getattr(commune, "is_current", True):
        commune = book.current_of(commune)
    labels = {"cog": getattr(book, "vintage", "") or "",
              "census": getattr(book, "census_label", "")
              or message("directory.census.unknown_year")}
    out = {}
    for path, spec in _fields().items():
        value = _value(named if path == "commune.name" else commune, spec["from"])
        if value not in (None, ""):
            out[path] = (value, spec["source"].format(**labels))
    return out


def _get(section: Any, name: str) -> Any:
    return section.get(name) if isinstance(section, dict) else getattr(section, name, None)


def _set(section: Any, name: str, value: Any) -> None:
    if isinstance(section, dict):
        section[name] = value
    else:
        setattr(section, name, value)


def _section(profile: Any, name: str, create: bool) -> Any:
    """A section of a Profile or of its dict; a dict's missing section is created when asked
    (one of the wrong type is left alone: the profile's checks will name it)."""
    if isinstance(profile, dict):
        found = profile.get(name)
        if found is None and create:
            found = profile[name] = {}
        return found if isinstance(found, dict) else None
    return getattr(profile, name, None)


def _sources_of(commune_section: Any) -> dict[str, str]:
    holder = commune_section if isinstance(commune_section, dict) else getattr(
        commune_section, "extra", {})
    found = holder.get(SOURCES_KEY)
    return dict(found) if isinstance(found, dict) else {}


def _store_sources(commune_section: Any, sources: dict[str, str]) -> None:
    holder = commune_section if isinstance(commune_section, dict) else commune_section.extra
    if sources:
        order = {path: i for i, path in enumerate(_fields())}
        holder[SOURCES_KEY] = dict(sorted(sources.items(), key=lambda kv: order.get(kv[0], 99)))
    else:
        holder.pop(SOURCES_KEY, None)


def fill_profile(profile: Any, book: Any = None, skip: Any = ()) -> dict[str, str]:
    """Fill the empty fields of `profile` (a Profile or its JSON dict) from the directory
    entry of its INSEE code; return every field that holds a directory value with its
    source (filled now, or earlier and unchanged since), also stored as commune.sources.
    Nothing happens without a code the directory knows; fields in `skip` (a value the
    user typed but that could not be read) are left for the checks to name."""
    commune_section = _section(profile, "commune", create=False)
    code = str(_get(commune_section, "insee_code") or "").strip().upper()
    if not code:
        return {}
    try:
        if book is None:
            from reports.communes import directory

            book = directory()
        commune = book.by_insee(code)
        values = directory_values(commune, book) if commune is not None else {}
    except Exception:  # a broken directory must not stop the analysis: nothing filled
        return {}
    return apply_values(profile, values, skip)


def apply_values(profile: Any, values: dict[str, tuple[Any, str]], skip: Any = ()
                 ) -> dict[str, str]:
    """Put `values` (from `directory_values`) in the empty fields of `profile`; return and
    store (commune.sources) the fields holding a directory value, with their source."""
    commune_section = _section(profile, "commune", create=True)
    previous = _sources_of(commune_section) if commune_section is not None else {}
    sources: dict[str, str] = {}
    for path, (value, source) in values.items():
        if path in skip:
            continue
        section_name, name = path.split(".", 1)
        section = _section(profile, section_name, create=True)
        if section is None:
            continue
        current = _get(section, name)
        if current in (None, ""):
            _set(section, name, value)
            sources[path] = source
        elif path in previous and current == value:
            sources[path] = source
    if commune_section is not None:
        _store_sources(commune_section, sources)
    return sources


def typed_fields(path: Any) -> set[str]:
    """Fillable fields the profile file gives a value for, readable or not (read again from
    the file: a value the reader could not use is the user's to mend, not ours to replace)."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except (OSError, ValueError, RecursionError):
        return set()
    out = set()
    for field_path in _fields():
        section_name, name = field_path.split(".", 1)
        section = data.get(section_name) if isinstance(data, dict) else None
        if isinstance(section, dict) and section.get(name) not in (None, ""):
            out.add(field_path)
    return out


def read_filled(path: Any, fill: bool = True) -> tuple[Any, list]:
    """For the commands: read a profile file (`read_profile`), fill it from the directory
    (unless `fill` is False), then check it again. Returns (profile, messages): the messages
    of the reading that still apply (a field now filled loses its « obligatoire ») and those
    of a new validation. A field the file gives a value for is never filled, even if that
    value could not be read."""
    from reports.profile import read_profile, validate_profile

    profile, messages = read_profile(path)
    if profile is None or not fill:
        return profile, messages
    before = validate_profile(profile)
    reading = [m for m in messages if m not in before]
    skip = typed_fields(path)
    sources = fill_profile(profile, skip=skip)
    if not sources:
        return profile, messages
    kept = [m for m in messages if m.field in skip and m not in reading]
    reading = [m for m in reading if m.field not in sources]
    after = validate_profile(profile)
    return profile, reading + after + [m for m in kept if m not in after]
