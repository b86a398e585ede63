"""Malformed knowledge files give one French message naming file, row and column."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reports.knowledge import KnowledgeError, load_knowledge
from reports.paths import resource

Rows = list[list[str]]
HEADER = "(ligne 1 = en-têtes)"


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    """A private copy of the shipped knowledge files."""
    target = tmp_path / "knowledge"
    target.mkdir()
    source = resource("knowledge")
    for item in source.iterdir():
        if item.name.endswith((".csv", ".json")):
            (target / item.name).write_bytes(item.read_bytes())
    return target


def edit(folder: Path, name: str, change: Callable[[Rows], None]) -> None:
    """Rewrite one CSV after `change` mutated its rows (row 0 is the header)."""
    path = folder / name
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(rows: Rows, row: int, column: str, value: str) -> None:
    """Set a cell by spreadsheet row number (header = 1) and column name."""
    rows[row - 1][rows[0].index(column)] = value


def failure(folder: Path) -> str:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(folder)
    message = str(caught.value)
    assert "Traceback" not in message and "\n" not in message
    return message


def test_the_untouched_copy_loads(kb_dir):
    assert len(load_knowledge(kb_dir).sites) == 10


def test_missing_column(kb_dir):
    def drop_jobs(rows):
        at = rows[0].index("jobs")
        for row in rows:
            del row[at]

    edit(kb_dir, "sites.csv", drop_jobs)
    assert failure(kb_dir).startswith("Fichier sites.csv : colonne « jobs » absente")


def test_bad_enumeration(kb_dir):
    edit(kb_dir, "sites.csv", lambda rows: set_cell(rows, 3, "carrier_type", "mairie"))
    assert failure(kb_dir) == (
        f"Fichier sites.csv, ligne 3 {HEADER}, colonne « carrier_type » : « mairie » n'est pas "
        "une valeur permise (attendu : association, commune, epci, public_agency, cooperative, "
        "company, network).")


def test_bad_service_in_a_list(kb_dir):
    edit(kb_dir, "sites.csv", lambda rows: set_cell(rows, 2, "services", "open_space|sauna"))
    message = failure(kb_dir)
    assert message.startswith(f"Fichier sites.csv, ligne 2 {HEADER}, colonne « services » : "
                              "« sauna » n'est pas une valeur permise")


def test_dangling_site_id_in_tariffs(kb_dir):
    edit(kb_dir, "tariffs.csv", lambda rows: set_cell(rows, 4, "site_id", "atlantis"))
    assert failure(kb_dir) == (
        f"Fichier tariffs.csv, ligne 4 {HEADER}, colonne « site_id » : « atlantis » "
        "n'existe pas dans sites.csv.")


def test_dangling_site_id_in_practice_list(kb_dir):
    edit(kb_dir, "practices.csv",
         lambda rows: set_cell(rows, 5, "site_ids", "plan_b|atlantis"))
    assert failure(kb_dir) == (
        f"Fichier practices.csv, ligne 5 {HEADER}, colonne « site_ids » : « atlantis » "
        "n'existe pas dans sites.csv.")


def test_dangling_programme_in_funding(kb_dir):
    edit(kb_dir, "funding.csv", lambda rows: set_cell(rows, 3, "programme_id", "plan_marshall"))
    assert failure(kb_dir) == (
        f"Fichier funding.csv, ligne 3 {HEADER}, colonne « programme_id » : « plan_marshall » "
        "n'existe pas dans programmes.csv.")


def test_duplicate_id(kb_dir):
    def duplicate(rows):
        set_cell(rows, 4, "practice_id", rows[1][rows[0].index("practice_id")])

    edit(kb_dir, "practices.csv", duplicate)
    assert failure(kb_dir) == (
        f"Fichier practices.csv, ligne 4 {HEADER}, colonne « practice_id » : « groupe_moteur » "
        "apparaît deux fois (déjà ligne 2).")


def test_non_numeric_figure(kb_dir):
    edit(kb_dir, "sites.csv", lambda rows: set_cell(rows, 6, "population", "beaucoup"))
    assert failure(kb_dir) == (
        f"Fichier sites.csv, ligne 6 {HEADER}, colonne « population » : « beaucoup » n'est pas "
        "un nombre entier.")


def test_insee_code_of_another_departement(kb_dir):
    edit(kb_dir, "sites.csv", lambda rows: set_cell(rows, 2, "insee_code", "11149"))
    assert failure(kb_dir) == (
        f"Fichier sites.csv, ligne 2 {HEADER}, colonne « insee_code » : le code « 11149 » "
        "n'est pas dans le département « 66 ».")


def test_malformed_insee_code(kb_dir):
    edit(kb_dir, "sites.csv", lambda rows: set_cell(rows, 10, "insee_code", "9332"))
    assert failure(kb_dir).startswith(
        f"Fichier sites.csv, ligne 10 {HEADER}, colonne « insee_code » : « 9332 » n'est pas")


def test_value_out_of_range(kb_dir):
    edit(kb_dir, "sites.csv", lambda rows: set_cell(rows, 3, "subsidy_rate", "1.5"))
    assert failure(kb_dir) == (
        f"Fichier sites.csv, ligne 3 {HEADER}, colonne « subsidy_rate » : 1.5 est trop grand "
        "(maximum 1).")


def test_required_cell_left_empty(kb_dir):
    edit(kb_dir, "typologies.csv", lambda rows: set_cell(rows, 2, "name", ""))
    assert failure(kb_dir) == (
        f"Fichier typologies.csv, ligne 2 {HEADER}, colonne « name » : "
        "valeur obligatoire manquante.")


def test_unknown_condition_key(kb_dir):
    edit(kb_dir, "practices.csv",
         lambda rows: set_cell(rows, 3, "conditions", '{"couleur": ["bleu"]}'))
    assert failure(kb_dir).startswith(
        f"Fichier practices.csv, ligne 3 {HEADER}, colonne « conditions » : "
        "condition inconnue « couleur »")


def test_unreadable_condition_json(kb_dir):
    edit(kb_dir, "practices.csv", lambda rows: set_cell(rows, 3, "conditions", "{staffed: 1"))
    assert failure(kb_dir).startswith(
        f"Fichier practices.csv, ligne 3 {HEADER}, colonne « conditions » : JSON illisible")


def test_site_not_listed_by_its_typology(kb_dir):
    edit(kb_dir, "sites.csv", lambda rows: set_cell(rows, 2, "typology_id", "cooperative"))
    assert failure(kb_dir) == (
        f"Fichier sites.csv, ligne 2 {HEADER}, colonne « typology_id » : la typologie "
        "« cooperative » ne cite pas le site « el_quadrat » dans typologies.csv.")


def test_missing_file(kb_dir):
    (kb_dir / "programmes.csv").unlink()
    assert failure(kb_dir).startswith("Fichier programmes.csv : fichier introuvable.")


def test_not_utf8(kb_dir):
    path = kb_dir / "sources.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    assert failure(kb_dir) == "Fichier sources.csv : le fichier doit être enregistré en UTF-8."


def test_settings_missing_key(kb_dir):
    path = kb_dir / "settings.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["fill_rate_target"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert failure(kb_dir) == "Fichier settings.json : réglage « fill_rate_target » absent."


def test_settings_without_source(kb_dir):
    path = kb_dir / "settings.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["fill_rate_target"]["source"] = ""
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert failure(kb_dir).startswith(
        "Fichier settings.json, réglage « fill_rate_target » : il faut une valeur")


def test_settings_bad_json(kb_dir):
    (kb_dir / "settings.json").write_text('{"a": 1,,}', encoding="utf-8")
    assert failure(kb_dir).startswith("Fichier settings.json, ligne 1, colonne 9 : JSON illisible")



def test_csv_layout_a_spreadsheet_may_leave(kb_dir):
    """A byte-order mark, blank lines and rows short of trailing empty cells still load."""
    path = kb_dir / "tariffs.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    rows = [row.rstrip(",") for row in rows]
    assert any(row.count(",") < header.count(",") for row in rows)  # some rows are short
    path.write_text("\ufeff" + header + "\n\n" + "\n\n".join(rows) + "\n", encoding="utf-8")
    assert load_knowledge(kb_dir).tariffs == load_knowledge().tariffs


def test_a_row_longer_than_its_header_is_refused_in_french(kb_dir):
    edit(kb_dir, "sites.csv", lambda rows: rows[3].append("de trop"))
    assert failure(kb_dir) == (
        "Fichier sites.csv : fichier CSV illisible (ligne 4 : "
        f"{len(csv_header(kb_dir, 'sites.csv')) + 1} champs pour "
        f"{len(csv_header(kb_dir, 'sites.csv'))} colonnes).")


def csv_header(folder: Path, name: str) -> list[str]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def test_an_empty_file_is_refused_in_french(kb_dir):
    (kb_dir / "funding.csv").write_text("\n", encoding="utf-8")
    assert failure(kb_dir) == "Fichier funding.csv : fichier CSV illisible (fichier vide)."


def test_loading_the_knowledge_and_writing_a_note_keeps_pandas_away():
    """pandas costs ~60 MB and 0.7 s in every process (wizard, batch workers): the
    knowledge base is read with the standard library."""
    import subprocess
    import sys

    code = ("import sys; from reports.commands.example import SUFFIX; "
            "from reports.paths import resource_path; from reports.profile import read_profile; "
            "from reports.analysis import analyse; from reports.note import pdf_bytes\n"
            "with resource_path('examples', 'prades' + SUFFIX) as p: "
            "profile = read_profile(p)[0]\n"
            "pdf_bytes(analyse(profile)); print('pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
