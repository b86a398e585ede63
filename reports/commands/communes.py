"""``python -m reports communes QUERY``: matching communes as a JSON list, best first."""

from __future__ import annotations

import argparse
import json
import sys

from reports.cli import EXIT_ERROR, EXIT_INVALID, EXIT_OK
from reports.commands.census import add_census_option, apply_census_option
from reports.texts import message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("query", metavar="RECHERCHE",
                        help=message("commands.help.query"))
    parser.add_argument("--limit", type=int, default=10, metavar="N",
                        help=message("commands.help.limit"))
    add_census_option(parser)


def run(args: argparse.Namespace) -> int:
    """Print the matches as JSON; 2 for a bad limit, 1 if the directory cannot be read."""
    from reports.communes import DirectoryError, directory

    apply_census_option(args)
    if args.limit < 1:
        print(message("commands.communes.bad_limit"), file=sys.stderr)
        return EXIT_INVALID
    try:
        found = directory().search(args.query, limit=args.limit)
    except DirectoryError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    print(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=2))
    return EXIT_OK
