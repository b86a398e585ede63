"""Which communes a territory scan covers: an intercommunality, a département or a list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reports.errors import UserFacingError
from reports.texts import message

CODE_COLUMNS = ("commune.insee_code", "code_insee", "insee_code", "insee", "codgeo", "code",
                "depcom", "code commune")
MAX_COMMUNES = 40_000


class ScanError(UserFacingError):
    """A territory that cannot be scanned; the message (French) says why and what to do."""


@dataclass(frozen=True)
class Selection:
    """The communes of a scan, as current INSEE codes, with a French name of the territory."""

    kind: str  # "epci", "departement", "communes", "france"
    value: str  # SIREN, département code, file name, ""
    label: str  # « CC du Conflent Canigó (EPCI 200049153) »
    codes: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (what was given, French reason)


def _book(directory: Any) -> Any:
    if directory is not None:
        return directory
    from reports.communes import directory as shipped

    return shipped()


def by_epci(siren: str, directory: Any = None) -> Selection:
    """The member communes of an intercommunality (its SIREN, 9 digits)."""
    book = _book(directory)
    siren = str(siren).strip()
    if not re.fullmatch(r"\d{9}", siren):
        raise ScanError(message("scan.selection.bad_siren", siren=siren))
    codes = tuple(book.current_codes(epci_siren=siren))
    if not codes:
        raise ScanError(message("scan.selection.empty_epci", siren=siren, vintage=book.vintage))
    name = book.by_insee(codes[0]).epci_name or siren
    return Selection("epci", siren, message("scan.selection.epci", name=name, siren=siren),
                     tuple(sorted(codes)))


def by_departement(code: str, directory: Any = None) -> Selection:
    """Every current commune of a département (« 11 », « 2A », « 974 »)."""
    book = _book(directory)
    dep = str(code).strip().upper()
    if len(dep) == 1 and dep.isdigit():
        dep = "0" + dep
    codes = tuple(sorted(book.current_codes(departement=dep)))
    if not codes:
        raise ScanError(message("scan.selection.unknown_departement", code=code))
    name = book.by_insee(codes[0]).departement_name or dep
    return Selection("departement", dep,
                     message("scan.selection.departement", name=name, code=dep), codes)


def from_codes(values: list[str], label: str, directory: Any = None) -> Selection:
    """A list of INSEE codes (an old commune's code counts for its current commune)."""
    book = _book(directory)
    codes: list[str] = []
    skipped: list[tuple[str, str]] = []
    for value in values:
        text = str(value).strip().upper()
        if not text:
            continue
        found = book.by_insee(text.zfill(5) if text.isdigit() else text)
        if found is None:
            skipped.append((text, message("scan.run.unknown_code")))
            continue
        current = found.current_insee_code
        if current not in codes:
            codes.append(current)
    if not codes:
        raise ScanError(message("scan.selection.no_commune", label=label,
                                columns=", ".join(CODE_COLUMNS[:4])))
    return Selection("communes", label, label, tuple(codes), tuple(skipped))


def from_file(path: str | Path, directory: Any = None) -> Selection:
    """Communes listed in a CSV file: the column of INSEE codes (named commune.insee_code,
    code_insee, insee, codgeo…) or, failing that, the first column."""
    from reports.batch.csvread import CsvReadError, read_csv

    path = Path(path)
    try:
        table = read_csv(path)
    except CsvReadError as exc:
        raise ScanError(str(exc)) from exc
    header = {h.strip().lower(): h for h in table.header}
    column = next((header[c] for c in CODE_COLUMNS if c in header), table.header[0])
    values = [row.get(column, "") for _, row in table.rows]
    if re.fullmatch(r"(\d{4,5}|2[AB]\d{3})", str(column).strip(), re.IGNORECASE):
        values.insert(0, column)  # a file without header: its first line is a code
    if len(values) > MAX_COMMUNES:
        raise ScanError(message("scan.selection.too_many", name=path.name, limit=MAX_COMMUNES))
    return from_codes(values, path.name, directory)


def whole_france(directory: Any = None) -> Selection:
    """Every current commune that has coordinates (the national benchmark)."""
    book = _book(directory)
    located = {p.insee_code for p in book._catchment_index.points}
    codes = tuple(sorted(c for c in book.current_codes() if c in located))
    return Selection("france", "", message("scan.selection.france"), codes)
