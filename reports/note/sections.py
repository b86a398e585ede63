"""The note's sections, in order, with their titles: one list shared by the PDF and the DOCX."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from reports.paths import read_text


@dataclass(frozen=True)
class Section:
    """One section of the note: its stable id, number, French title and body template."""

    section_id: str
    number: str
    title: str
    template: str
    annex: bool
    new_page: bool

    @property
    def heading(self) -> str:
        """The numbered title printed in the note ("2. La commune", "Annexe A. …")."""
        pattern = labels()["annex_heading" if self.annex else "heading"]
        return pattern.format(number=self.number, title=self.title)


@cache
def _load() -> dict:
    return json.loads(read_text("templates", "note", "sections.json"))


@cache
def sections() -> tuple[Section, ...]:
    """The note's sections in reading order."""
    return tuple(
        Section(s["id"], s["number"], s["title"], s["template"], s["annex"], s["new_page"])
        for s in _load()["sections"]
    )


@cache
def labels() -> MappingProxyType:
    """Short French labels of the page furniture (header, footer, metadata, progress)."""
    return MappingProxyType(dict(_load()["labels"]))
