"""The `note` and `example` commands on the real engine and the shipped example profiles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from reports.analysis import analyse
from reports.cli import main
from reports.commands.example import DEFAULT_EXAMPLE, SUFFIX, examples
from reports.fmt import fmt_eur, fmt_number
from reports.note import SECTIONS
from reports.paths import resource_path
from reports.profile import read_profile

ROOT = Path(__file__).resolve().parents[1]


def text_of(path) -> str:
    """The PDF's text, a no-break space read as a plain space."""
    pages = PdfReader(str(path)).pages
    return "\n".join(page.extract_text() for page in pages).replace("\xa0", " ")


def plain(figure: str) -> str:
    return figure.replace("\xa0", " ")


def example_result(name: str):
    """The engine's result for a shipped example profile."""
    with resource_path("examples", name + SUFFIX) as path:
        profile, _ = read_profile(path)
    return analyse(profile)


def test_at_least_three_examples_and_the_default_exists():
    names = examples()
    assert len(names) >= 3 and DEFAULT_EXAMPLE in names


@pytest.mark.parametrize("name", examples())
def test_every_example_note_has_8_to_19_pages_and_its_figures(name, tmp_path, capsys):
    out = tmp_path / f"{name}.pdf"
    assert main(["example", "--profile", name, "-o", str(out)]) == 0
    assert "Note écrite" in capsys.readouterr().out
    reader = PdfReader(str(out))
    pages = len(reader.pages)
    # 16 since the commune map (issue 11) and the dated funding plan (issue 13); 18 since
    # issue 12 (revenue by product, who pays, the sensitivity tornado, the options compared);
    # one more since the method annex prints the shortened quotes in full (wquote)
    assert 8 <= pages <= 19, f"{name}: {pages} pages"
    fonts = {ref.get_object()["/BaseFont"]: ref.get_object() for page in reader.pages
             for ref in page["/Resources"].get("/Font", {}).values()}
    for font_name, font in fonts.items():  # what pdffonts checks: every font embedded
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font_name
    result = example_result(name)
    text = text_of(out)
    fin = result.finance
    for figure in (fmt_eur(fin.investment_total_eur), fmt_eur(fin.operating_total_eur),
                   fmt_eur(fin.public_support_per_year_eur),
                   f"{fmt_number(result.demand.users.low)} à "
                   f"{fmt_number(result.demand.users.high)}",
                   result.verdict.label, result.typologies[0].name[:30]):
        assert plain(figure) in text, figure
    for section in SECTIONS:
        assert section.heading in text


def test_example_uses_the_default_profile_and_signs_the_note(tmp_path):
    out = tmp_path / "exemple.pdf"
    code = main(["example", "-o", str(out), "--author", "Marie Dupont",
                 "--organisation", "Mairie de Prades"])
    assert code == 0
    reader = PdfReader(str(out))
    assert "Prades" in reader.metadata.title and reader.metadata.author == "Marie Dupont"
    assert "Mairie de Prades" in reader.pages[0].extract_text()


def test_note_command_on_a_profile_file(tmp_path):
    with resource_path("examples", "lagrasse" + SUFFIX) as path:
        profile = path.read_text(encoding="utf-8")
    source = tmp_path / "lagrasse.tierslieu.json"
    source.write_text(profile, encoding="utf-8")
    out = tmp_path / "note.pdf"
    assert main(["note", str(source), "-o", str(out)]) == 0
    assert "Lagrasse" in PdfReader(str(out)).metadata.title


def test_invalid_profile_exits_2_with_french_messages(tmp_path, capsys):
    bad = tmp_path / "bad.tierslieu.json"
    data = json.loads((ROOT / "resources" / "examples" / ("prades" + SUFFIX)).read_text("utf-8"))
    data["population"]["total"] = "beaucoup"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["note", str(bad), "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "Profil invalide" in err and "population" in err and "Traceback" not in err
    assert "Erreur — population.total : " in err  # the field named by its path, as `validate`
    assert not (tmp_path / "x.pdf").exists()


def test_missing_profile_exits_2(tmp_path, capsys):
    assert main(["note", str(tmp_path / "absent.json"), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "introuvable" in capsys.readouterr().err


def test_unwritable_output_exits_3_and_keeps_nothing(tmp_path, capsys):
    out = tmp_path / "no-such-folder" / "note.pdf"
    assert main(["example", "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert "n'existe pas" in err and "Traceback" not in err


def test_missing_logo_and_unknown_brand_exit_2(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "config"))
    assert main(["example", "-o", str(tmp_path / "a.pdf"), "--logo", str(tmp_path / "x.png")]) == 2
    assert "Logo introuvable" in capsys.readouterr().err
    assert main(["example", "-o", str(tmp_path / "b.pdf"), "--brand", "Cabinet inconnu"]) == 2
    assert "inconnu" in capsys.readouterr().err


def test_unknown_example_exits_2(tmp_path, capsys):
    assert main(["example", "--profile", "atlantide", "-o", str(tmp_path / "a.pdf")]) == 2
    assert "Disponibles" in capsys.readouterr().err


def test_real_command_line_has_no_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ pas du json", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "reports", "note", str(bad), "-o",
                          str(tmp_path / "x.pdf")], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert run.returncode == 2
    assert "JSON" in run.stderr and "Traceback" not in run.stderr


def test_note_command_writes_pdf_and_docx_with_format_both(tmp_path):
    """``--format both`` writes the PDF where asked and the Word file beside it."""
    from docx import Document

    out = tmp_path / "prades.pdf"
    with resource_path("examples", DEFAULT_EXAMPLE + SUFFIX) as profile:
        code = main(["note", str(profile), "-o", str(out), "--format", "both"])
    assert code == 0
    assert "Prades" in text_of(out)
    headings = [p.text for p in Document(str(tmp_path / "prades.docx")).paragraphs
                if p.style.name.startswith("Heading")]
    assert any("Synthèse" in h for h in headings)


@pytest.mark.parametrize(
    ("output", "fmt", "expected"),
    [
        ("n.pdf", "pdf", [("pdf", "n.pdf")]),
        ("n.pdf", "docx", [("docx", "n.docx")]),
        ("n.docx", "both", [("pdf", "n.pdf"), ("docx", "n.docx")]),
        ("n", "both", [("pdf", "n.pdf"), ("docx", "n.docx")]),
    ],
)
def test_format_targets(output, fmt, expected):
    from reports.commands.note import targets

    assert [(k, p.name) for k, p in targets(output, fmt)] == expected
