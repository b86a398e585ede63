"""``python -m reports note PROFILE.json -o NOTE.pdf``: the feasibility note of a profile.

``--format docx`` writes the same note as an editable Word file (``NOTE.docx``), ``both``
writes the two. Exit codes: 0 done, 2 invalid profile or option (French messages on
stderr), 3 a file cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reports.cli import EXIT_INVALID, EXIT_OK, EXIT_UNWRITABLE

FORMATS = ("pdf", "docx", "both")


def targets(output: str | Path, fmt: str) -> list[tuple[str, Path]]:
    """The files to write for `fmt`: the PDF at `output`, the Word file beside it."""
    out = Path(output)
    base = out.with_suffix("") if out.suffix.lower() in (".pdf", ".docx") else out
    chosen = []
    if fmt in ("pdf", "both"):
        chosen.append(("pdf", out if out.suffix.lower() == ".pdf" else base.with_suffix(".pdf")))
    if fmt in ("docx", "both"):
        chosen.append(("docx", base.with_suffix(".docx")))
    return chosen


def add_signing(parser: argparse.ArgumentParser) -> None:
    """Options shared with the ``example`` command: who signs the note and how it looks."""
    parser.add_argument("--author", default="", metavar="NOM", help="auteur de la note")
    parser.add_argument("--organisation", default="", metavar="ORGANISME",
                        help="organisme (mairie, cabinet…) affiché en couverture et en en-tête")
    parser.add_argument("--logo", default=None, metavar="FICHIER",
                        help="logo PNG ou JPEG affiché en couverture")
    parser.add_argument("--brand", default=None, metavar="PROFIL",
                        help="profil cabinet enregistré (nom) ou fichier JSON de profil cabinet")
    parser.add_argument("--format", default="pdf", choices=FORMATS,
                        help="pdf (défaut), docx (modifiable dans Word) ou both (les deux)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("profile", metavar="PROFIL.json",
                        help="profil de commune (.tierslieu.json)")
    parser.add_argument("-o", "--output", required=True, metavar="NOTE.pdf",
                        help="fichier PDF à produire")
    add_signing(parser)


def _fail(lines: list[str], code: int) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    return code


def _brand(args: argparse.Namespace):
    """The brand asked for, or raise ValueError with a French message."""
    from reports.brand import BrandError, resolve_brand

    try:
        return resolve_brand(args.brand, warn=lambda text: print(text, file=sys.stderr))
    except BrandError as exc:
        raise ValueError(str(exc)) from exc


def _check_logo(logo: str | None) -> None:
    """A logo given with --logo is checked before any work (a refused one is never dropped)."""
    from reports.brand import BrandError, check_logo

    try:
        check_logo(logo)
    except BrandError as exc:
        raise ValueError(str(exc)) from exc


def render_profile(profile_path: str | Path, args: argparse.Namespace) -> int:
    """Read, analyse and render one profile; print French messages; return the exit code."""
    from reports.profile import errors_in, messages_text, read_profile

    profile, messages = read_profile(profile_path)
    errors = errors_in(messages)
    warnings = [m for m in messages if m.level == "warning"]
    if warnings:
        print(messages_text(warnings), file=sys.stderr)
    if profile is None or errors:
        return _fail([f"Profil invalide : {Path(profile_path).name}", messages_text(errors)],
                     EXIT_INVALID)
    try:
        brand = _brand(args)
        _check_logo(args.logo)
    except ValueError as exc:
        return _fail([str(exc)], EXIT_INVALID)
    from reports.analysis import analyse
    from reports.note import NoteWriteError

    result = analyse(profile)
    signing = {"author": args.author, "organisation": args.organisation, "logo": args.logo,
               "brand": brand}
    for kind, path in targets(args.output, getattr(args, "format", "pdf")):
        try:
            written = _renderer(kind)(result, path, **signing)
        except NoteWriteError as exc:
            return _fail([str(exc)], EXIT_UNWRITABLE)
        print(f"Note écrite : {written}")
    return EXIT_OK


def _renderer(kind: str):
    """The function that writes a note of this kind (imported only when asked for)."""
    if kind == "docx":
        from reports.docx import render_docx

        return render_docx
    from reports.note import render_note

    return render_note


def run(args: argparse.Namespace) -> int:
    """Render the note of the profile given on the command line."""
    return render_profile(args.profile, args)
