"""Territory scan: which communes of a territory are best placed to host a tiers-lieu?

For every commune of an intercommunality, a département or a list, the analysis runs on the
directory's figures and stated defaults only (no building, no carrier: see
``resources/scan/scan.json``); the communes are ranked by a stated score and written to
``scan.csv`` (one row each) and ``scan.pdf`` (map and ranking table).

    from reports.scan import by_epci, run_scan
    report = run_scan(by_epci("200049153"), "sortie/", progress=print_progress,
                      cancelled=stop_event.is_set)

For the wizard (*Fichier › Comparer les communes d'un territoire…*): build the selection
with `by_epci`, `by_departement` or `from_file` (each raises `ScanError`, French, for a bad
choice), then call `run_scan` in a worker thread; `progress(fraction, message)` is called
after each commune (0 → 1, French message), `cancelled()` is asked between communes and,
once true, the scan stops with `reports.produce.Cancelled` before writing anything.
The report lists the rows (best first), the communes skipped and the files written.
"""

from __future__ import annotations

from reports.scan.run import ScanReport, run_scan
from reports.scan.selection import (
    ScanError,
    Selection,
    by_departement,
    by_epci,
    from_codes,
    from_file,
    whole_france,
)

__all__ = ["ScanError", "ScanReport", "Selection", "by_departement", "by_epci", "from_codes",
           "from_file", "run_scan", "whole_france"]
