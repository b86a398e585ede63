"""From CSV rows to jobs: read the cells, fill the commune from the directory, name the files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from reports.batch.csvread import CsvTable
from reports.batch.fields import unflatten, unknown_columns
from reports.batch.model import ERROR, WARNING, Issue, Job
from reports.batch.names import unique_stems
from reports.texts import message


def header_issues(table: CsvTable) -> list[Issue]:
    """Warnings for columns the batch does not know (they are ignored)."""
    issues = [Issue(1, "", column, WARNING, message("batch.row.unknown_column"))
              for column in unknown_columns(table.header)]
    if "commune.insee_code" not in table.header and "commune.name" not in table.header:
        issues.append(Issue(1, "", "commune.insee_code", ERROR,
                            message("batch.row.no_commune_column")))
    return issues


def fill_commune(
    data: dict[str, Any], lookup: Callable[[str], Any] | None
) -> list[tuple[str, str]]:
    """Complete the row's empty columns from the directory: identity, population, census
    figures and territorial classifications (`reports.fill`, which records each filled
    field's source in commune.sources).

    Returns (level, French text) pairs: a code the directory does not know is an error only
    when the row gives no commune name either.
    """
    from reports.fill import apply_values, directory_values

    commune = data.setdefault("commune", {})
    code = commune.get("insee_code")
    if not code or lookup is None:
        return []
    try:
        found = lookup(code)
        values = directory_values(found) if found is not None else {}
    except Exception as exc:  # the directory's own error is French; keep the row going
        return [(WARNING, message("batch.row.directory_unavailable", reason=exc))]
    if found is None:
        if commune.get("name"):
            return [(WARNING, message("batch.row.code_absent", code=code))]
        return [(ERROR, message("batch.row.code_unknown", code=code))]
    apply_values(data, values)
    return []


def directory_lookup() -> Callable[[str], Any] | None:
    """`by_insee` of the offline directory, or None if the directory cannot be loaded."""
    try:
        from reports.communes import directory
    except ImportError:
        return None
    try:
        book = directory()
    except Exception:
        return None
    return book.by_insee


def _read_row(
    line: int, row: dict[str, str], lookup: Callable[[str], Any] | None
) -> tuple[dict[str, Any], list[Issue]]:
    """One row's profile dict and its issues (an ERROR among them: no job for the row)."""
    data, cell_errors = unflatten(row)
    warnings = fill_commune(data, lookup)
    name = str(data.get("commune", {}).get("name") or row.get("commune.name") or "")
    row_issues = [Issue(line, name, "", WARNING, message("batch.row.extra_cells"))
                  ] if row.get("") else []
    row_issues += [Issue(line, name, e.field, ERROR, e.text) for e in cell_errors]
    row_issues += [
        Issue(line, name, "commune.insee_code", level, text) for level, text in warnings
    ]
    return data, row_issues


class JobPlan:
    """The rows of a table planned as jobs, without holding every job in memory.

    A first pass finds the rows that cannot be read (`issues`) and each good row's file stem
    (homonyms need the whole table); `jobs()` then reads the rows again, one job at a time,
    so a batch of 100 000 rows never holds 100 000 profile dicts.
    """

    def __init__(self, table: CsvTable, lookup: Callable[[str], Any] | None) -> None:
        self.table, self.lookup = table, lookup
        self.issues: list[Issue] = []
        names: list[tuple[int, str, str]] = []
        for line, row in table.rows:
            data, row_issues = _read_row(line, row, lookup)
            if any(i.level == ERROR for i in row_issues):
                self.issues += row_issues
            else:
                commune = data["commune"]
                names.append((line, str(commune.get("name") or ""),
                              str(commune.get("insee_code") or "")))
        self.stems = unique_stems(names)

    def __len__(self) -> int:
        return len(self.stems)

    def jobs(self) -> Iterator[Job]:
        """The jobs, in the table's order, built as they are asked for."""
        for line, row in self.table.rows:
            stem = self.stems.get(line)
            if stem is None:
                continue
            data, row_issues = _read_row(line, row, self.lookup)
            yield Job(
                line,
                str(data["commune"].get("name") or ""),
                str(data["commune"].get("insee_code") or ""),
                data,
                stem,
                tuple(row_issues),
            )


def make_jobs(
    table: CsvTable, lookup: Callable[[str], Any] | None
) -> tuple[list[Job], list[Issue]]:
    """Jobs for the readable rows, and the issues of the rows that cannot even be read."""
    plan = JobPlan(table, lookup)
    return list(plan.jobs()), plan.issues
