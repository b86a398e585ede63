"""``python -m reports note PROFILE.json -o NOTE.pdf``: the feasibility note of a profile.

``--format docx`` writes the same note as an editable Word file (``NOTE.docx``), ``both``
writes the two. Exit codes: 0 done, 2 invalid profile or option (French messages on
stderr), 3 a file cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reports.cli import EXIT_INVALID, EXIT_OK
from reports.commands.census import add_census_option, apply_census_option
from reports.produce import FORMATS, targets
from reports.texts import message

__all__ = ["add_arguments", "add_signing", "render_profile", "run", "targets"]


def add_signing(parser: argparse.ArgumentParser) -> None:
    """Options shared with the ``example`` command: who signs the note and how it looks."""
    parser.add_argument("--author", default="", metavar="NOM", help=message("commands.help.author"))
    parser.add_argument("--organisation", default="", metavar="ORGANISME",
                        help=message("commands.help.organisation"))
    parser.add_argument("--logo", default=None, metavar="FICHIER",
                        help=message("commands.help.logo"))
    parser.add_argument("--brand", default=None, metavar="PROFIL",
                        help=message("commands.help.brand"))
    parser.add_argument("--format", default="pdf", choices=FORMATS,
                        help=message("commands.help.format"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("profile", metavar="PROFIL.json",
                        help=message("commands.help.profile"))
    parser.add_argument("-o", "--output", required=True, metavar="NOTE.pdf",
                        help=message("commands.help.output"))
    add_signing(parser)
    add_census_option(parser)


def _warn(text: str) -> None:
    print(text, file=sys.stderr)


def render_profile(profile_path: str | Path, args: argparse.Namespace) -> int:
    """Read one profile and produce its note; print French messages; return the exit code.

    What the user can mend (a missing logo or brand, a folder that cannot be written) comes
    as a `UserFacingError` that `reports.cli` prints with its exit code.
    """
    from reports.brand import resolve_brand
    from reports.fill import read_filled
    from reports.produce import produce
    from reports.profile import errors_in, messages_text

    # the directory fills the figures the profile leaves empty
    profile, messages = read_filled(profile_path)
    errors = errors_in(messages)
    warnings = [m for m in messages if m.level == "warning"]
    if warnings:
        print(messages_text(warnings), file=sys.stderr)
    if profile is None or errors:
        print(message("commands.profile.invalid", name=Path(profile_path).name),
              file=sys.stderr)
        print(messages_text(errors), file=sys.stderr)
        return EXIT_INVALID
    written = produce(profile, args.output, formats=getattr(args, "format", "pdf"),
                      brand=resolve_brand(args.brand, warn=_warn), author=args.author,
                      organisation=args.organisation, logo=args.logo)
    for path in written:
        print(message("commands.note.written", path=path))
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Render the note of the profile given on the command line."""
    apply_census_option(args)
    return render_profile(args.profile, args)
