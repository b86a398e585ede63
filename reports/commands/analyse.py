"""``python -m reports analyse PROFIL.json``: the whole analysis result, as JSON on stdout.

Exit codes: 0 done, 2 unreadable or invalid profile (French messages on stderr), 3 the
result cannot be written on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys

from reports.cli import EXIT_INVALID, emit
from reports.commands.census import add_census_option, apply_census_option
from reports.texts import message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments (French help)."""
    parser.add_argument("profile", metavar="PROFIL.json",
                        help=message("commands.help.profile"))
    parser.add_argument("--sans-annuaire", dest="no_directory", action="store_true",
                        help=message("commands.help.no_directory"))
    add_census_option(parser)


def run(args: argparse.Namespace) -> int:
    """Read, validate, analyse and print the result as indented UTF-8 JSON."""
    from reports.analysis import analyse
    from reports.fill import read_filled
    from reports.profile import errors_in, messages_text

    apply_census_option(args)
    # the directory fills what the profile leaves empty
    profile, messages = read_filled(args.profile, fill=not args.no_directory)
    errors = errors_in(messages)
    if profile is None or errors:
        print(message("commands.profile.invalid", name=args.profile), file=sys.stderr)
        print(messages_text(errors), file=sys.stderr)
        return EXIT_INVALID
    result = analyse(profile, directory=False if args.no_directory else None)
    # the whole text first: a reader gets valid JSON or nothing (allow_nan: strict JSON)
    text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2, allow_nan=False)
    return emit(text + "\n")
