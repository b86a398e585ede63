"""``python -m reports batch``: real notes, exit codes, brand, formats, and Ctrl-C."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from reports.analysis import analyse
from reports.batch.fields import unflatten
from reports.batch.prepare import directory_lookup, fill_commune
from reports.cli import main
from reports.fmt import fmt_number
from reports.profile import profile_from_dict

HEADER = ("commune.insee_code;commune.name;population.total;carrier.type;budget.investment_eur;"
          "services\n")
ROWS = ("66149;;;association;20 000;open_space|meeting_room\n"
        "15138;;;commune;30000,5;open_space|fablab\n"
        "99999;;;association;;open_space\n")  # unknown code and no name: an error


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


@pytest.fixture
def communes_csv(tmp_path: Path) -> Path:
    path = tmp_path / "communes.csv"
    path.write_bytes((HEADER + ROWS).encode("cp1252"))  # as Excel saves it on Windows
    return path


def test_batch_writes_notes_summary_and_errors(communes_csv, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["batch", str(communes_csv), "--out", str(out), "--jobs", "1", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and "1 ligne(s) en erreur" in err and "errors.csv" in err
    assert sorted(p.name for p in out.glob("*.pdf")) == ["Murat.pdf", "Prades.pdf"]
    text = PdfReader(str(out / "Murat.pdf")).pages[0].extract_text()
    assert "Murat" in text
    summary = _read(out / "summary.csv")
    assert [r[1] for r in summary[1:]] == ["Prades", "Murat"]
    # the summary shows the engine's own figures for the filled-in profile
    data, _ = unflatten(dict(zip(HEADER.strip().split(";"), ROWS.splitlines()[1].split(";"),
                                 strict=True)))
    fill_commune(data, directory_lookup())
    result = analyse(profile_from_dict(data)[0])
    murat = summary[2]
    assert murat[4] == result.verdict.label and murat[8] == str(result.sizing.workstations)
    assert murat[9] == fmt_number(result.finance.investment_total_eur).replace("\u202f", "")
    errors = _read(out / "errors.csv")
    assert any(r[0] == "4" and r[3] == "erreur" and "99999" in r[4] for r in errors[1:])


def test_docx_with_a_brand_file(communes_csv, tmp_path):
    brand = tmp_path / "cabinet.json"
    brand.write_text(json.dumps({"name": "Cabinet", "main_color": "#1A6B3C",
                                 "organisation": "Territoires Conseil"}), encoding="utf-8")
    rows = tmp_path / "one.csv"
    rows.write_text(HEADER + ROWS.splitlines()[0] + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["batch", str(rows), "--out", str(out), "--format", "docx", "--quiet",
                 "--brand", str(brand)])
    assert code == 0
    document = docx.Document(str(out / "Prades.docx"))
    assert str(document.styles["Heading 1"].font.color.rgb) == "1A6B3C"
    assert not list(out.glob("*.pdf"))


def test_bad_inputs_give_french_messages_and_exit_codes(communes_csv, tmp_path, capsys):
    assert main(["batch", str(communes_csv), "--out", str(tmp_path), "--brand", "Inconnu"]) == 2
    assert "Profil cabinet « Inconnu » inconnu" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "absent.csv"), "--out", str(tmp_path)]) == 2
    assert "introuvable" in capsys.readouterr().err
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    assert main(["batch", str(communes_csv), "--out", str(blocker / "sous")]) == 3
    assert "Impossible d'écrire" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a process group is POSIX")
def test_ctrl_c_stops_cleanly(tmp_path):
    rows = "".join(f"66149;Commune {i};{1000 + i};association;20000;open_space\n"
                   for i in range(40))
    path = tmp_path / "many.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "reports", "batch", str(path), "--out", str(out), "--jobs", "2",
         "--quiet"], cwd=Path(__file__).parents[1], start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(out.glob("Commune*.pdf")) and time.monotonic() < deadline:
        time.sleep(0.1)  # waiting for a subprocess, not for Qt
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    try:
        _, err = process.communicate(timeout=60)
    finally:  # a hung batch must not outlive the test (it did once, under load)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    assert process.returncode == 130, err
    assert "Interrompu" in err
    notes = sorted(p.name for p in out.glob("*.pdf"))
    assert 1 <= len(notes) < 40
    assert not [p for p in out.iterdir() if p.name.startswith(("~", "."))]
    assert len(_read(out / "summary.csv")) - 1 == len(notes)
    for note in notes:
        assert len(PdfReader(str(out / note)).pages) > 3  # every note left is complete


def test_template_is_written_and_runs_as_is(tmp_path, capsys):
    template = tmp_path / "modele.csv"
    assert main(["batch", "--modele", str(template)]) == 0
    assert template.read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["batch", str(template)]) == 2  # --out missing
    assert "--out" in capsys.readouterr().err
    out = tmp_path / "out"
    assert main(["batch", str(template), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    assert len(list(out.glob("*.pdf"))) == 3


def test_a_file_without_a_usable_header_is_an_error_not_a_silent_success(tmp_path, capsys):
    """A CSV with no commune column writes errors.csv and exits 2 with the reason on stderr."""
    bad = tmp_path / "notes.csv"
    bad.write_text("nom;population\nPrades;5835\n", encoding="utf-8")
    code = main(["batch", str(bad), "--out", str(tmp_path / "out"), "--quiet"])
    assert code == 2
    assert "commune.insee_code" in capsys.readouterr().err
    rows = _read(tmp_path / "out" / "errors.csv")
    assert any(row[2] == "commune.insee_code" and row[3] == "erreur" for row in rows[1:])
