"""``python -m reports knowledge``: a short French summary of the knowledge base."""

from __future__ import annotations

import argparse
import sys

from reports.cli import EXIT_ERROR, EXIT_OK
from reports.fmt import fmt_number
from reports.texts import message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("--sites", action="store_true",
                        help=message("commands.help.sites"))


def run(args: argparse.Namespace) -> int:
    """Print the summary; 1 with a French message if a data file is wrong."""
    from reports.knowledge import KnowledgeError, knowledge

    try:
        kb = knowledge()
    except KnowledgeError as exc:
        print(message("commands.knowledge.invalid", reason=exc), file=sys.stderr)
        return EXIT_ERROR
    print(kb.summary())
    if args.sites:
        for site in kb.sites:
            print(message("commands.knowledge.site", name=site.name, commune=site.commune,
                          population=fmt_number(site.population),
                          concentration=site.concentration_class,
                          typology=kb.typology(site.typology_id).name))
    return EXIT_OK
