"""The small records the batch passes between its parts (all picklable)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reports.brand import DEFAULT_BRAND, Brand

ERROR, WARNING = "error", "warning"  # as a profile's messages; errors.csv says batch.level


@dataclass(frozen=True)
class Issue:
    """A problem with a row (or with the header, line 1)."""

    line: int
    commune: str
    field: str
    level: str  # ERROR: no note for the row; WARNING: note made, figure to check
    text: str  # French


@dataclass(frozen=True)
class BatchOptions:
    """What to produce and where."""

    out_dir: Path
    formats: tuple[str, ...] = ("pdf",)
    brand: Brand = DEFAULT_BRAND


@dataclass(frozen=True)
class Job:
    """One row, ready for a worker: the profile dict and its output file stem."""

    line: int
    commune: str
    insee_code: str
    data: dict[str, Any]
    stem: str
    issues: tuple[Issue, ...] = ()  # found while reading the row (warnings only)


@dataclass(frozen=True, slots=True)  # slots: a 100 000-row batch keeps 100 000 of these
class Outcome:
    """What a worker did with one job."""

    line: int
    commune: str
    ok: bool
    files: tuple[str, ...] = ()
    summary: dict[str, Any] | None = None
    issues: tuple[Issue, ...] = ()
    cancelled: bool = False
    rss_kb: int = 0  # the worker's peak resident memory so far (0 where unknown)
    pid: int = 0  # the worker process (the benchmark follows each one's memory)


@dataclass
class BatchReport:
    """The batch as it ended."""

    total: int
    outcomes: list[Outcome] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)  # header and reading problems
    interrupted: bool = False
    signal: int = 0  # the signal that stopped the batch (SIGINT, SIGTERM), 0 if none
    summary_path: Path | None = None
    errors_path: Path | None = None
    # summary.csv's cells of each row done, formatted on arrival: (line, cells)
    summary_rows: list[tuple[int, tuple[str, ...] | str]] = field(default_factory=list)

    @property
    def done(self) -> list[Outcome]:
        """Rows whose notes were written."""
        return [o for o in self.outcomes if o.ok]

    @property
    def failed(self) -> list[Outcome]:
        """Rows that could not be turned into a note."""
        return [o for o in self.outcomes if not o.ok and not o.cancelled]

    @property
    def all_issues(self) -> list[Issue]:
        """Header, reading and row problems together."""
        return self.issues + [i for o in self.outcomes for i in o.issues]
