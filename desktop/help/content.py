"""The help texts as HTML: the guide (resources/help/LANG/guide.html) and the glossary
(resources/help/glossary.toml, both languages side by side). No Qt here.

The glossary's thresholds come from the knowledge base's settings and the guide's list
of the note's sections from the note's own sections.json, so the help never disagrees
with the engine or the note."""

from __future__ import annotations

import html
import tomllib
from dataclasses import dataclass
from functools import cache

from reports.paths import read_text

LANGUAGES = ("fr", "en")
GLOSSARY_LINK = "glossary:"  # a guide link "#glossary:zau2010" opens that entry


@dataclass(frozen=True)
class Entry:
    """One glossary word in one language."""

    id: str
    term: str
    text: str  # HTML, placeholders filled
    source: str
    fields: tuple[str, ...]


@cache
def _raw_glossary() -> tuple[dict, ...]:
    return tuple(tomllib.loads(read_text("help", "glossary.toml"))["entry"])


def _number(value: float, language: str) -> str:
    if language == "fr":
        from reports.fmt import fmt_number

        return fmt_number(value, decimals=1 if value % 1 else 0)
    return f"{value:g}"


def _percent(ratio: float, language: str) -> str:
    value = f"{ratio * 100:g}"
    return f"{value}\u00a0%" if language == "fr" else f"{value}%"


@cache
def _values(language: str) -> dict[str, str]:
    """The tool's thresholds quoted by the glossary, in the language's number style."""
    from reports.knowledge import knowledge

    settings = knowledge().settings
    values = {key: setting.value for key, setting in settings.items()}
    return {
        "residential_max": _number(values["concentration_residential_max"], language),
        "employing_min": _number(values["concentration_employing_min"], language),
        "fill_rate": _percent(values["fill_rate_target"], language),
        "catchment_min": _number(values["catchment_minutes_min"], language),
        "catchment_max": _number(values["catchment_minutes_max"], language),
        "telework_minutes": _number(values["telework_commute_minutes"], language),
    }


def glossary(language: str) -> list[Entry]:
    """The glossary's entries in `language` (French for an unknown one), in file order."""
    language = language if language in LANGUAGES else "fr"
    values = _values(language)
    return [Entry(id=raw["id"], term=raw[language]["term"],
                  text=raw[language]["text"].format(**values),
                  source=raw.get("source", ""), fields=tuple(raw.get("fields", ())))
            for raw in _raw_glossary()]


@cache
def entry_for_field(field: str) -> str | None:
    """The glossary entry a profile field's « ? » opens, if any."""
    return next((raw["id"] for raw in _raw_glossary() if field in raw.get("fields", ())), None)


def term(entry_id: str, language: str) -> str:
    """The word an entry defines, in `language`."""
    return next((e.term for e in glossary(language) if e.id == entry_id), entry_id)


_HEAD = {"fr": ("Glossaire", "Source : ", "Retour à l'index"),
         "en": ("Glossary", "Source: ", "Back to the index")}


def _models_list() -> str:
    """The seven models' names and traits, from the knowledge base (French, as the note)."""
    from reports.knowledge import knowledge

    models = knowledge().typologies
    items = "".join(f"<li><b>{html.escape(m.name)}</b> : {html.escape(m.traits)}</li>"
                    for m in models)
    return f"<ul>{items}</ul>"


def glossary_html(language: str) -> str:
    """The whole glossary: an alphabetical index, then each entry under its anchor."""
    language = language if language in LANGUAGES else "fr"
    title, source_label, back = _HEAD[language]
    entries = glossary(language)
    ordered = sorted(entries, key=lambda e: _sort_key(e.term))
    index = " · ".join(f'<a href="#{e.id}">{html.escape(e.term)}</a>' for e in ordered)
    parts = [f'<h1><a name="top"></a>{title}</h1>', f"<p>{index}</p>"]
    for entry in ordered:
        body = entry.text + (_models_list() if entry.id == "models" else "")
        parts.append(f'<h2><a name="{entry.id}"></a>{html.escape(entry.term)}</h2>{body}'
                     f'<p class="source"><i>{source_label}{html.escape(entry.source)}</i>'
                     f' — <a href="#top">{back}</a></p>')
    return "\n".join(parts)


def _sort_key(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return folded.casefold().lstrip("«( ")


def guide_html(language: str) -> str:
    """The guide of `language`, with the note's section titles listed at its end."""
    language = language if language in LANGUAGES else "fr"
    from reports.note.sections import sections  # the note's own list (PDF and Word)

    template = read_text("help", language, "guide.html")
    items = "".join(f"<li>{html.escape(s.heading)}</li>" for s in sections() if not s.annex)
    annexes = "".join(f"<li>{html.escape(s.heading)}</li>" for s in sections() if s.annex)
    label = "Annexes\u00a0:" if language == "fr" else "Appendices:"
    listing = f"<ul>{items}</ul><p>{label}</p><ul>{annexes}</ul>"
    return template.replace("{note_sections}", listing)
