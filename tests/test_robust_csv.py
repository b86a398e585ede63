"""Issue #15: no spreadsheet formula in any CSV the tool writes; safe file names."""

import csv
import io
import unicodedata

import pytest

from reports.batch.model import Issue
from reports.batch.names import safe_stem, unique_stems
from reports.batch.outputs import number_cell, write_errors, write_summary, write_table
from reports.csvsafe import FORMULA_START, safe_cell

ATTACKS = ['=HYPERLINK("http://x","clic")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(1+1)",
           "\tTab", "\rRetour"]


def _read(path):
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.mark.parametrize("value", ATTACKS)
def test_safe_cell_neutralises_and_keeps_the_value_readable(value):
    cell = safe_cell(value)
    assert not cell.startswith(FORMULA_START) and cell == "'" + value


@pytest.mark.parametrize("value", ["Prades", "", "Saint-Paul", "1 000", "'déjà"])
def test_safe_cell_leaves_plain_text_alone(value):
    assert safe_cell(value) == value


def test_summary_and_errors_never_hold_a_formula_but_negative_numbers_stay_numbers(tmp_path):
    rows = [{"line": 2 + i, "commune": name, "insee_code": "=1", "files": [f"{name}.pdf"],
             "public_support_eur": -1234.4, "investment_eur": 1000}
            for i, name in enumerate(ATTACKS)]
    write_summary(tmp_path / "summary.csv", rows)
    issues = [Issue(1, "", "=evil()", "avertissement", "Colonne inconnue"),
              Issue(2, ATTACKS[1], "population.total", "erreur", "-5 n'est pas permis")]
    write_errors(tmp_path / "errors.csv", issues)
    for name in ("summary.csv", "errors.csv"):
        for row in _read(tmp_path / name):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (name, cell)
                assert not cell.startswith("-") or cell.lstrip("-").replace(",", "").isdigit()
    summary = _read(tmp_path / "summary.csv")
    assert "-1234" in summary[1]  # a genuinely negative figure is still a number
    assert "'=HYPERLINK(\"http://x\",\"clic\")" in summary[1]


def test_write_table_neutralises_text_for_every_caller(tmp_path):
    """scan.csv and any other table go through write_table: text safe, numbers kept."""
    write_table(tmp_path / "t.csv", ["=titre", "n"], [["@x", number_cell(-3, 0)]])
    assert _read(tmp_path / "t.csv") == [["'=titre", "n"], ["'@x", "-3"]]


@pytest.mark.parametrize("name", ["=HYPERLINK(x)", "+cmd", "-1+1", "@SUM", "=-+@Prades"])
def test_file_names_never_start_with_a_formula_character(name):
    stem = safe_stem(name)
    assert stem and not stem.startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize("name", ["Pra\u202edes", "Li\x1bmoux\x07", "\u2066Bram\u2069",
                                  "A\u200fB", "X\u200bY", "Z\ud800"])
def test_control_and_direction_characters_never_reach_file_names(name):
    stem = safe_stem(name)
    assert all(unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co") for c in stem), stem
    assert stem.isprintable()


def test_unique_stems_still_apply_after_cleaning():
    stems = unique_stems([(2, "Pra\u202edes", "66149"), (3, "Prades", "66150")])
    assert stems[2] != stems[3]
