"""``python -m reports validate PROFIL.json``: the profile's errors and warnings, in French.

Exit codes: 0 valid (warnings allowed), 2 unreadable or with errors.
"""

from __future__ import annotations

import argparse
import sys

from reports.cli import EXIT_INVALID, EXIT_OK
from reports.texts import message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments (French help)."""
    parser.add_argument("profile", metavar="PROFIL.json",
                        help=message("commands.help.profile"))


def run(args: argparse.Namespace) -> int:
    """Print every message; errors on stderr, warnings on stdout."""
    from reports.fill import read_filled
    from reports.profile import errors_in, messages_text

    # as analyse, note and batch do: the directory fills what the profile leaves empty, so
    # that validate and analyse agree on the same file
    profile, messages = read_filled(args.profile)
    errors = errors_in(messages)
    warnings = [m for m in messages if m.level == "warning"]
    if warnings:
        print(messages_text(warnings))
    if profile is None or errors:
        print(messages_text(errors), file=sys.stderr)
        return EXIT_INVALID
    if not warnings:
        print(message("commands.profile.valid"))
    return EXIT_OK
