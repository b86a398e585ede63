"""The ``--recensement FICHIER`` option shared by the commands that show census figures.

Not a command itself (absent from ``reports.cli.COMMANDS``): ``analyse``, ``note``,
``communes``, ``neighbourhood``, ``scan`` and ``batch`` add it with `add_census_option` and call
`apply_census_option` first. A bad file is a `reports.insee.CensusFileError` (French,
exit 2), which `reports.cli` prints.
"""

from __future__ import annotations

import argparse
import sys

from reports.texts import message


def add_census_option(parser: argparse.ArgumentParser) -> None:
    """``--recensement FICHIER``: a newer INSEE comparateur in place of the bundled one."""
    parser.add_argument("--recensement", metavar="FICHIER", default=None,
                        help=message("commands.help.census"))


def apply_census_option(args: argparse.Namespace) -> None:
    """Load the file given with ``--recensement`` (if any) and say which census is used."""
    path = getattr(args, "recensement", None)
    if not path:
        return
    from reports.communes import load_census_file

    census = load_census_file(path)
    print(message("commands.census.loaded", year=census.year, source=census.source,
                  rows=census.rows), file=sys.stderr)
