"""Read a CSV of communes the way Excel and LibreOffice save it.

Encodings: UTF-8 with or without BOM, UTF-16 ("Texte Unicode" in Excel), otherwise
Windows-1252 (Excel's "CSV (séparateur : point-virgule)" on a French Windows).
Separators: ``;``, ``,`` or tab, detected on the header line.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from reports.errors import UserFacingError

SEPARATORS = (";", ",", "\t")
MAX_BYTES = 50 * 1024 * 1024  # a CSV of communes is a few hundred kB; refuse anything absurd


class CsvReadError(UserFacingError, ValueError):
    """The file cannot be read as a CSV of communes; the message is in French."""


@dataclass(frozen=True)
class CsvTable:
    """The header and the data rows of a CSV file, with how it was read."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]  # (line number as in a spreadsheet, cells)
    encoding: str
    separator: str


def decode(data: bytes) -> tuple[str, str]:
    """Return the text and the name of the encoding that decoded it."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # five bytes are undefined in cp1252; latin-1 never fails and agrees elsewhere
        return data.decode("latin-1"), "latin-1"


def detect_separator(header_line: str) -> str:
    """The separator that splits the header line the most (``;`` wins a tie)."""
    counts = {sep: _count_outside_quotes(header_line, sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ";"


def _count_outside_quotes(line: str, sep: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == sep and not quoted:
            count += 1
    return count


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip(" ;,\t"):
            return line
    return ""


def parse_text(text: str, encoding: str = "utf-8") -> CsvTable:
    """Split decoded CSV text into a header and non-empty rows."""
    text = text.lstrip("\ufeff")
    header_line = _first_line(text)
    if not header_line:
        raise CsvReadError(
            "Le fichier CSV est vide : la première ligne doit donner les noms de colonnes."
        )
    sep = detect_separator(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    record = 0
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                if header is not None:
                    record += 1
                continue
            if header is None:
                header = tuple(_clean_name(c) for c in cells)
                _check_header(header)
                continue
            record += 1
            rows.append((record + 1, _row(header, cells)))
    except csv.Error as exc:
        raise CsvReadError(f"CSV illisible vers la ligne {reader.line_num} : {exc}.") from exc
    if header is None:  # only blank or invisible characters
        raise CsvReadError(
            "Le fichier CSV est vide : la première ligne doit donner les noms de colonnes."
        )
    return CsvTable(header, tuple(rows), encoding, sep)


def _clean_name(name: str) -> str:
    return name.strip().strip("\ufeff").strip().lower()


def _check_header(header: tuple[str, ...]) -> None:
    named = [h for h in header if h]
    duplicates = sorted({h for h in named if named.count(h) > 1})
    if duplicates:
        raise CsvReadError(f"Colonne en double dans l'en-tête : « {duplicates[0]} ».")
    if not named:
        raise CsvReadError("La première ligne du CSV doit donner les noms de colonnes.")


def _row(header: tuple[str, ...], cells: list[str]) -> dict[str, str]:
    """Cells by column name; extra cells beyond the header go under ``""``."""
    row: dict[str, str] = {}
    for index, cell in enumerate(cells):
        name = header[index] if index < len(header) else ""
        if name:
            row[name] = cell.strip()
        elif cell.strip():
            row[""] = (row.get("", "") + " " + cell.strip()).strip()
    return row


def read_csv(path: str | Path) -> CsvTable:
    """Read a CSV file of communes; CsvReadError (French) if it cannot be read."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CsvReadError(
                f"{path.name} dépasse {MAX_BYTES // 1024 // 1024} Mo : "
                "ce n'est pas un CSV de communes."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise CsvReadError(
            f"Impossible de lire {path} : fichier introuvable ou illisible."
        ) from exc
    if data[:4] == b"PK\x03\x04":
        raise CsvReadError(
            f"{path.name} est un classeur Excel (.xlsx), pas un CSV : dans Excel, "
            "« Enregistrer sous » puis « CSV (séparateur : point-virgule) »."
        )
    text, encoding = decode(data)
    return parse_text(text, encoding)
