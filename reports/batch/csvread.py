"""Read a CSV of communes the way Excel and LibreOffice save it.

Encodings: UTF-8 with or without BOM, UTF-16 ("Texte Unicode" in Excel), otherwise
Windows-1252 (Excel's "CSV (séparateur : point-virgule)" on a French Windows). A UTF-8 file
with a few bad bytes is decoded line by line (`decode_lines`): its accents stay right and a
warning names the first line that was not UTF-8.
Separators: ``;``, ``,`` or tab, detected on the header line.
Rows are held compactly (a tuple of cells each) and turned into dicts one at a time.
"""

from __future__ import annotations

import codecs
import csv
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reports.batch.outputs import PACK, pack_cells
from reports.errors import UserFacingError
from reports.files import ReadError, read_regular, shown
from reports.texts import message

SEPARATORS = (";", ",", "\t")
MAX_BYTES = 50 * 1024 * 1024  # a CSV of communes is a few hundred kB; refuse anything absurd
# a long "notes" cell is the profile's business (it says its own limit), not the reader's
csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


class CsvReadError(UserFacingError, ValueError):
    """The file cannot be read as a CSV of communes; the message is in French."""


class Rows(Sequence[tuple[int, dict[str, str]]]):
    """(line number as in a spreadsheet, cells by column name), built on demand.

    Each row is kept as one string (its cells joined by the unit separator, or a tuple in
    the rare row whose cells hold that character): about 150 bytes a row, not a dict.
    """

    def __init__(self, header: tuple[str, ...], records: list[tuple[int, str | tuple[str, ...]]]):
        self._header, self._records = header, records

    def __len__(self) -> int:
        return len(self._records)

    def _cells(self, packed: str | tuple[str, ...]) -> dict[str, str]:
        cells = packed.split(PACK) if isinstance(packed, str) else packed
        return _row(self._header, cells)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [(line, self._cells(cells)) for line, cells in self._records[index]]
        line, cells = self._records[index]
        return line, self._cells(cells)

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        for line, cells in self._records:
            yield line, self._cells(cells)

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their ends, one at a time (no list of every line, no copy)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        end = size if end < 0 else end + 1
        yield text[start:end]
        start = end


@dataclass(frozen=True)
class CsvTable:
    """The header and the data rows of a CSV file, with how it was read."""

    header: tuple[str, ...]
    rows: Sequence[tuple[int, dict[str, str]]]  # (line number as in a spreadsheet, cells)
    encoding: str
    separator: str
    warnings: tuple[tuple[int, str], ...] = field(default=())  # (line, French text)


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


def decode_lines(data: bytes) -> tuple[str, str, tuple[tuple[int, str], ...]]:
    """`decode`, but a UTF-8 file with a few bad bytes is read line by line.

    Returns the text, the encoding and warnings (line, French text). A file where no line
    is UTF-8 with accents is Windows-1252 as a whole (Excel's French CSV, no warning); a file
    mixing UTF-8 lines and others keeps each UTF-8 line as it is, reads a line without any
    UTF-8 sequence as Windows-1252 and replaces the stray bytes of the others.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", ()
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8):] if bom else data
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8", ()
    except UnicodeDecodeError:
        pass
    lines = body.splitlines(keepends=True)
    if not bom and not any(_UTF8_MULTIBYTE.search(line) and _is_utf8(line) for line in lines):
        text, encoding = decode(data)
        return text, encoding, ()
    decoded, first_bad = [], 0
    for number, line in enumerate(lines, start=1):
        if _is_utf8(line):
            decoded.append(line.decode("utf-8"))
            continue
        first_bad = first_bad or number
        if _UTF8_MULTIBYTE.search(line):
            decoded.append(line.decode("utf-8", errors="replace"))
        else:
            decoded.append(line.decode("cp1252", errors="replace"))
    warning = (first_bad, message("batch.csv.mixed_lines", line=first_bad))
    return "".join(decoded), "utf-8 mixed lines", (warning,)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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
    for line in _lines(text):
        line = line.rstrip("\r\n")
        if line.strip(" ;,\t"):
            return line
    return ""


def parse_text(text: str, encoding: str = "utf-8",
               warnings: tuple[tuple[int, str], ...] = ()) -> CsvTable:
    """Split decoded CSV text into a header and non-empty rows."""
    text = text.lstrip("\ufeff")
    if "\n" not in text:  # an old Mac file: lines end with CR alone
        text = text.replace("\r", "\n")
    header_line = _first_line(text)
    if not header_line:
        raise CsvReadError(message("batch.csv.empty"))
    sep = detect_separator(header_line)
    reader = csv.reader(_lines(text), delimiter=sep)
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, str | tuple[str, ...]]] = []
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
            rows.append((record + 1, pack_cells(cells)))
    except csv.Error as exc:
        raise CsvReadError(message("batch.csv.unreadable", line=reader.line_num)) from exc
    if header is None:  # only blank or invisible characters
        raise CsvReadError(message("batch.csv.empty"))
    return CsvTable(header, Rows(header, rows), encoding, sep, warnings)


def _clean_name(name: str) -> str:
    return name.strip().strip("\ufeff").strip().lower()


def _check_header(header: tuple[str, ...]) -> None:
    named = [h for h in header if h]
    duplicates = sorted({h for h in named if named.count(h) > 1})
    if duplicates:
        raise CsvReadError(message("batch.csv.duplicate_column", name=duplicates[0]))
    if not named:
        raise CsvReadError(message("batch.csv.no_header"))


def _row(header: tuple[str, ...], cells: Sequence[str]) -> dict[str, str]:
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
        data = read_regular(path, MAX_BYTES)
    except ReadError as exc:
        if not os.path.lexists(path):  # never raises, even for a name too long
            raise CsvReadError(message("batch.csv.missing", path=shown(path))) from exc
        raise CsvReadError(message("batch.csv.not_usable", reason=exc)) from exc
    except OSError as exc:  # a name too long to even look at
        raise CsvReadError(message("batch.csv.bad_name", path=shown(path))) from exc
    if data[:4] == b"PK\x03\x04":
        raise CsvReadError(message("batch.csv.workbook", name=shown(path.name)))
    text, encoding, warnings = decode_lines(data)
    del data  # a 50 MB file is not held twice while it is parsed
    return parse_text(text, encoding, warnings)
