"""``python -m reports neighbourhood INSEE_CODE``: population rings and tiers-lieux nearby."""

from __future__ import annotations

import argparse
import json
import sys

from reports.cli import EXIT_ERROR, EXIT_INVALID, EXIT_OK
from reports.commands.census import add_census_option, apply_census_option
from reports.texts import message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("insee_code", metavar="CODE_INSEE",
                        help=message("commands.help.insee_code"))
    add_census_option(parser)


def run(args: argparse.Namespace) -> int:
    """Print the neighbourhood as JSON; 2 for an unknown code, 1 if the data is unreadable."""
    from reports.communes import DirectoryError, directory

    apply_census_option(args)
    code = args.insee_code.strip().upper()
    try:
        book = directory()
        commune = book.by_insee(code)
        found = book.neighbourhood(code) if commune else None
    except DirectoryError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    if commune is None:
        print(message("commands.neighbourhood.unknown_code", code=args.insee_code),
              file=sys.stderr)
        return EXIT_INVALID
    if found is None:
        print(message("commands.neighbourhood.no_coordinates", name=commune.name,
                      departement=commune.departement), file=sys.stderr)
        return EXIT_INVALID
    print(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    return EXIT_OK
