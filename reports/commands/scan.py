"""``python -m reports scan (--epci SIREN | --departement DD | --communes FILE.csv) --out DIR``:
compare the communes of a territory (scan.csv, scan.pdf).

Exit codes: 0 done, 2 invalid territory or file (French message), 3 output not writable,
130 interrupted.
"""

from __future__ import annotations

import argparse
import sys

from reports.cli import EXIT_OK
from reports.commands.census import add_census_option, apply_census_option
from reports.texts import message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--epci", metavar="SIREN",
                       help=message("commands.help.epci"))
    which.add_argument("--departement", metavar="DD", help=message("commands.help.departement"))
    which.add_argument("--communes", metavar="FICHIER.csv",
                       help=message("commands.help.communes"))
    parser.add_argument("--out", required=True, metavar="DOSSIER",
                        help=message("commands.help.out"))
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help=message("commands.help.jobs"))
    parser.add_argument("--sans-pdf", dest="no_pdf", action="store_true",
                        help=message("commands.help.no_pdf"))
    parser.add_argument("--quiet", action="store_true", help=message("commands.help.quiet"))
    add_census_option(parser)


def run(args: argparse.Namespace) -> int:
    """Select, scan, say where the files are."""
    from reports.scan import by_departement, by_epci, from_file, run_scan

    apply_census_option(args)
    if args.epci:
        selection = by_epci(args.epci)
    elif args.departement:
        selection = by_departement(args.departement)
    else:
        selection = from_file(args.communes)

    def progress(fraction: float, message: str) -> None:
        if not args.quiet:
            print(f"\r{round(100 * fraction):3d} % {message}".ljust(60), end="",
                  file=sys.stderr, flush=True)

    report = run_scan(selection, args.out, progress=progress, jobs=args.jobs,
                      pdf=not args.no_pdf)
    if not args.quiet:
        print(file=sys.stderr)
    skipped = message("commands.scan.skipped", count=len(report.skipped)) if report.skipped else ""
    print(message("commands.scan.done", territory=selection.label, ranked=len(report.rows),
                  skipped=skipped))
    for path in report.files:
        print(message("commands.scan.written", path=path))
    return EXIT_OK
