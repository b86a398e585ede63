"""Territory scan: the communes of a small intercommunality ranked, scan.csv and scan.pdf."""

from __future__ import annotations

import csv

import pytest
from pypdf import PdfReader

from reports.analysis import analyse
from reports.cli import main
from reports.communes import directory
from reports.produce import Cancelled
from reports.scan import ScanError, by_departement, by_epci, from_codes, from_file, run_scan
from reports.scan.rows import scan_profile, settings

MONT_LOZERE = "200069128"  # CC Mont Lozère: 21 communes, Villefort (a study site) among them


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    out = tmp_path_factory.mktemp("scan")
    steps = []
    report = run_scan(by_epci(MONT_LOZERE), out, jobs=1,
                      progress=lambda f, m: steps.append((f, m)))
    return report, out, steps


def _csv(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def test_every_member_commune_is_ranked(scanned):
    """21 communes in the directory's EPCI, 21 rows, ranks 1…21, best score first."""
    report, _, _ = scanned
    members = directory().current_codes(epci_siren=MONT_LOZERE)
    assert len(members) == 21 and directory().by_insee("48198").epci_members == 21
    assert sorted(r["insee_code"] for r in report.rows) == sorted(members)
    assert [r["rank"] for r in report.rows] == list(range(1, 22))
    scores = [r["score"] for r in report.rows]
    assert scores == sorted(scores, reverse=True)


def test_villefort_row_checked_by_hand(scanned):
    """Villefort's row against the directory and its own analysis: population, jobs ÷
    employed (census 2018), the study's télécentre in the commune, the score's formula."""
    report, _, _ = scanned
    row = next(r for r in report.rows if r["insee_code"] == "48198")
    commune = directory().by_insee("48198")
    assert row["name"] == "Villefort" and row["population"] == commune.population
    figures = commune.insee
    assert row["concentration"] == round(figures["jobs"] / figures["employed_15_64"], 2)
    assert row["aav2020_category"] == figures["aav2020_category"]
    assert row["nearest_place"].startswith("Télécentre SoLozère de Villefort")
    assert row["nearest_place_km"] == 0.0
    assert row["catchment_population"] == directory().catchment("48198", 20).population
    result = analyse(scan_profile("48198"))
    spec = settings()["score"]
    expected = 100 * (spec["weights"]["verdict"] * spec["verdict_points"][result.verdict.level]
                      + spec["weights"]["demand"] * min(1, result.demand.users.central / 20)
                      + spec["weights"]["model"] * result.typologies[0].score)
    assert row["score"] == pytest.approx(expected, abs=0.05)
    assert row["best_model"] == result.typologies[0].name
    assert row["reason_1"] and "porteur" not in row["reason_1"].lower()


def test_the_scan_assumes_no_building_and_no_carrier():
    """The stated defaults: the code, an undecided carrier, no building."""
    profile = scan_profile("11049")
    assert profile["commune"] == {"insee_code": "11049"}
    assert profile["carrier"]["type"] == "undecided" and "buildings" not in profile


def test_scan_csv_has_one_row_per_commune_and_french_titles(scanned):
    report, out, _ = scanned
    table = _csv(out / "scan.csv")
    assert table[0][:3] == ["Rang", "Code INSEE", "Commune"]
    assert len(table[0]) == len(settings()["columns"]) and len(table) == 22
    assert [line[1] for line in table[1:]] == [r["insee_code"] for r in report.rows]
    first = report.rows[0]
    assert table[1][13] == f"{first['score']:.1f}".replace(".", ",")


def test_scan_pdf_has_the_table_the_map_and_the_sources(scanned):
    """A short PDF: title, ranking, legend of the map, sources with the ODbL credit."""
    _, out, _ = scanned
    reader = PdfReader(str(out / "scan.pdf"))
    assert 1 <= len(reader.pages) <= 3
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Comparaison des communes — CC Mont Lozère" in text
    assert "Villefort" in text and "Mieux placées" in text
    assert "COGugaison" in text and "approximatifs" in text


def test_progress_runs_to_the_end(scanned):
    _, _, steps = scanned
    fractions = [f for f, _ in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("communes analysées sur 21" in m for _, m in steps)


def test_cancel_stops_before_writing(tmp_path):
    """Cancelled after the third commune: Cancelled raised, no file written."""
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        run_scan(by_epci(MONT_LOZERE), tmp_path / "out", jobs=1, cancelled=cancelled)
    assert not (tmp_path / "out").exists()


def test_selection_errors_are_french():
    with pytest.raises(ScanError, match="SIREN de neuf chiffres"):
        by_epci("12")
    with pytest.raises(ScanError, match="Aucune commune"):
        by_epci("123456789")
    with pytest.raises(ScanError, match="département « 00 » inconnu"):
        by_departement("00")


def test_selection_by_departement_and_old_codes():
    """A département's communes; an old commune's code counts for today's commune."""
    lozere = by_departement("48")
    assert "48198" in lozere.codes and all(c.startswith("48") for c in lozere.codes)
    picked = from_codes(["01340", "01015", "99999"], "liste")
    assert picked.codes == ("01015",) and picked.skipped == (("99999", "code INSEE inconnu "
                                                                      "de l'annuaire"),)


def test_selection_from_a_csv_file(tmp_path):
    """A column named code_insee, or a bare list of codes without header."""
    named = tmp_path / "liste.csv"
    named.write_text("nom;code_insee\nPrades;66149\nBram;11049\n", encoding="utf-8")
    assert from_file(named).codes == ("66149", "11049")
    bare = tmp_path / "bare.csv"
    bare.write_text("66149\n11049\n", encoding="utf-8")
    assert from_file(bare).codes == ("66149", "11049")


def test_scan_command(tmp_path, capsys):
    """`scan --communes FILE --out DIR --sans-pdf`: exit 0, scan.csv only."""
    listed = tmp_path / "liste.csv"
    listed.write_text("code_insee\n66149\n11049\n31395\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["scan", "--communes", str(listed), "--out", str(out), "--sans-pdf",
                 "--quiet"]) == 0
    assert "3 communes classées" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == ["scan.csv"]
    assert main(["scan", "--epci", "x", "--out", str(out)]) == 2
    assert "SIREN" in capsys.readouterr().err
