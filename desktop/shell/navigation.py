"""Page order of the wizard, without Qt, so it can be tested on its own."""

from __future__ import annotations

from enum import IntEnum


class PageId(IntEnum):
    """The wizard's pages, in the order a user meets them."""

    WELCOME = 0
    COMMUNE = 1
    POPULATION = 2
    TERRITORY = 3
    BUILDINGS = 4
    CARRIER = 5
    BUDGET = 6
    RESULTS = 7
    NOTE = 8


def next_id(current: int) -> int:
    """The page after `current`, or -1 after the last one (QWizard's convention).

    The ids count up from 0 in the order of the pages."""
    return current + 1 if 0 <= current < len(PageId) - 1 else -1


# Fields each page edits (dotted engine names): the page is complete when the engine
# reports no error on them. Buildings are checked field by field in their dialog.
PAGE_FIELDS: dict[PageId, tuple[str, ...]] = {
    PageId.WELCOME: (),
    PageId.COMMUNE: ("commune", "population.total"),
    PageId.POPULATION: ("population",),
    PageId.TERRITORY: ("territory",),
    PageId.BUILDINGS: ("buildings",),
    PageId.CARRIER: ("carrier",),
    PageId.BUDGET: ("budget", "services", "notes"),
    PageId.RESULTS: (),
    PageId.NOTE: (),
}


def within(field: str, prefix: str) -> bool:
    """True when `field` is `prefix` or one of its sub-fields (``population.jobs``…)."""
    return field == prefix or field.startswith(prefix + ".")


def owner_page(field: str) -> PageId | None:
    """The page that edits `field` (the most specific prefix wins)."""
    best_length, best_page = -1, None
    for page, prefixes in PAGE_FIELDS.items():
        for prefix in prefixes:
            if within(field, prefix) and len(prefix) > best_length:
                best_length, best_page = len(prefix), page
    return best_page
