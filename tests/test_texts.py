"""resources/text/: every message the code asks for exists, with the placeholders it passes,
and no message is left unused (read statically from the calls to reports.texts.message, from
the keys the code hands around as strings, and from the profile schema's fields)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from reports.profile import field_specs
from reports.profile.specs import spec_text
from reports.texts import CatalogueError, message, messages, placeholders, table

ROOT = Path(__file__).resolve().parents[1]
FILES = {key.split(".")[0] for key in messages()}


def _calls() -> list[tuple[str, str, set[str]]]:
    """(file, key, keyword names) of every message("…", …) call with a literal key; keys
    built in code (``f"profile.coherence.{key}"``) are read from the callers of the helper."""
    found = []
    for path in (ROOT / "reports").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if not node.args:
                continue
            words = {k.arg for k in node.keywords if k.arg}
            first = node.args[0]
            # a literal key, or one of two (message("a" if stopped else "b"))
            keys = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            if name in ("message", "_message", "_CellError") and all(
                    isinstance(k, ast.Constant) and isinstance(k.value, str) for k in keys):
                found += [(path.name, k.value, words) for k in keys]
            elif name == "_warn" and path.name == "coherence.py" and len(node.args) > 1:
                key = node.args[1]
                if isinstance(key, ast.Constant):
                    found.append((path.name, f"profile.coherence.{key.value}", words))
    return found


CALLS = _calls()


def _tables() -> list[tuple[str, str]]:
    """(file, prefix) of every table("…") call: the code looks its entries up by name."""
    found = []
    for path in (ROOT / "reports").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if not any(isinstance(node, ast.ImportFrom) and node.module == "reports.texts"
                   and any(alias.name == "table" for alias in node.names)
                   for node in ast.walk(tree)):
            continue  # another module's own table()
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "table"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.append((path.name, node.args[0].value))
    return found


TABLES = _tables()


def _keys_as_strings() -> tuple[list[tuple[str, str]], set[str]]:
    """(file, key) of every string constant shaped like a key of the catalogue (``<file>.x.y``),
    keys kept in tables and handed to message() later; and the prefixes of keys built in code
    (``f"directory.kinds.{kind}"``): every entry under such a table counts as read."""
    found, prefixes = [], set()
    for path in (ROOT / "reports").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+){2,}", node.value)
                    and node.value.split(".")[0] in FILES):
                found.append((path.name, node.value))
            elif (isinstance(node, ast.JoinedStr) and node.values
                  and isinstance(node.values[0], ast.Constant)
                  and re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)*\.", str(node.values[0].value))
                  and str(node.values[0].value).split(".")[0] in FILES):
                prefixes.add(node.values[0].value)
    return found, prefixes


KEYS, PREFIXES = _keys_as_strings()
SCHEMA = {name: spec_text(spec, name.replace("#", "0")) for name, spec in field_specs().items()}


def test_the_scan_finds_the_calls():
    assert len(CALLS) >= 30


@pytest.mark.parametrize(("where", "key", "names"), CALLS)
def test_every_key_read_exists_with_its_placeholders(where, key, names):
    assert key in messages(), f"{where}: {key} missing from resources/text/"
    assert placeholders(messages()[key]) == names, where


@pytest.mark.parametrize(("where", "prefix"), TABLES)
def test_every_table_read_exists_without_placeholders(where, prefix):
    assert table(prefix), where
    # a table's entries are used as they are, never formatted: no {placeholder}
    assert not [text for text in table(prefix).values() if re.search(r"\{\w+\}", text)], where


@pytest.mark.parametrize(("where", "key"), KEYS)
def test_every_key_kept_as_a_string_exists(where, key):
    assert key in messages(), f"{where}: {key} missing from resources/text/"


def test_every_field_of_the_schema_has_its_message():
    """spec_text fills each field's message with its bounds or codes (a missing key or a
    placeholder the kind does not give raises)."""
    assert len(SCHEMA) >= 40
    assert SCHEMA["population.total"] == ("La population doit être un nombre entier entre 1 "
                                          "et 2 000 000.")


@pytest.mark.parametrize("name", sorted(n for n, s in field_specs().items() if s.kind == "code"))
def test_a_code_field_s_message_lists_what_the_user_sees_and_the_batch_reads(name):
    """Issue #10: the message listed raw codes (« association, commune, epci… »); it lists
    the wizard's labels, each of which the batch template reads back as its code."""
    from reports.batch.fields import read_cell

    spec = field_specs()[name]
    listed = re.findall(r"« ([^»]+) »", SCHEMA[name])
    assert len(listed) == len(spec.choices)
    for code, shown in zip(spec.choices, listed, strict=True):
        assert shown != str(code) or str(code).isdigit(), shown  # never a bare word code
        typed = shown.split(" (")[0] if not str(code).isdigit() else shown[shown.index("(") + 1:-1]
        assert read_cell(name.replace("#", "0"), typed) == code, shown


def test_an_unknown_service_lists_the_services_by_their_labels():
    from reports.profile import profile_from_dict

    _, found = profile_from_dict({"format": "tierslieu-profile", "version": 2,
                                  "commune": {"name": "X"}, "services": ["piscine"]})
    text = next(m.text for m in found if m.field == "services.0")
    assert "« Salle de réunion »" in text and "meeting_room" not in text


def test_no_message_is_left_unused():
    used = ({key for _, key, _ in CALLS} | {key for _, key in KEYS}
            | {key for key in messages() if key.startswith(tuple(PREFIXES))}
            | {key for key in messages() for _, prefix in TABLES
               if key.startswith(prefix + ".")})
    assert set(messages()) - used == set()


@pytest.mark.parametrize("prefix", sorted(PREFIXES))
def test_every_key_built_in_code_has_its_table(prefix):
    assert any(key.startswith(prefix) for key in messages()), prefix


def test_every_os_error_named_in_the_catalogue_exists():
    """files.reason is looked up by errno name: a misspelt name would never be found."""
    import errno

    assert set(table("files.reason")) <= set(vars(errno))


def test_a_wrong_key_or_value_is_a_loud_error():
    with pytest.raises(CatalogueError):
        message("commands.nothing.here")
    with pytest.raises(CatalogueError):
        message("commands.note.written")  # {path} not given
    assert message("commands.note.written", path="n.pdf") == "Note écrite : n.pdf"


def test_every_command_has_its_help_line():
    from reports.cli import COMMANDS

    assert set(table("cli.commands")) == set(COMMANDS)


def test_argparse_speaks_french_while_a_command_runs_and_is_put_back(capsys):
    import argparse

    from reports.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["batch", "--format", "xyz"])
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert "erreur : argument --format : choix inconnu : « xyz »" in err, err
    assert "utilisation :" in err and "invalid choice" not in err and "usage:" not in err
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
    assert main([]) == 2  # no command: the help, in French too
    assert capsys.readouterr().err.startswith("utilisation : tierslieu-note")
