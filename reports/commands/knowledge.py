"""``python -m reports knowledge``: a short French summary of the knowledge base."""

from __future__ import annotations

import argparse
import sys

from reports.cli import EXIT_ERROR, EXIT_OK
from reports.fmt import fmt_number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("--sites", action="store_true",
                        help="liste aussi les dix sites (commune, population, typologie)")


def run(args: argparse.Namespace) -> int:
    """Print the summary; 1 with a French message if a data file is wrong."""
    from reports.knowledge import KnowledgeError, knowledge

    try:
        kb = knowledge()
    except KnowledgeError as exc:
        print(f"Base de connaissances invalide : {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(kb.summary())
    if args.sites:
        for site in kb.sites:
            print(f"- {site.name} ({site.commune}, {fmt_number(site.population)} hab., "
                  f"{site.concentration_class}) : {kb.typology(site.typology_id).name}")
    return EXIT_OK
