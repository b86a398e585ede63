"""``batch --recensement FICHIER``: the worker processes fill the rows from the newer census."""

from __future__ import annotations

import os
from pathlib import Path

from newer_census import write_newer_census
from pypdf import PdfReader

from reports.cli import main
from reports.communes import CENSUS_ENV, reset_census


def test_batch_notes_use_the_newer_census(tmp_path: Path, capsys):
    expected = write_newer_census(tmp_path / "comparateur_2021.csv")["66149"]
    rows = tmp_path / "communes.csv"
    rows.write_text("commune.insee_code;carrier.type;budget.investment_eur;services\n"
                    "66149;association;20000;open_space\n", encoding="utf-8")
    out = tmp_path / "out"
    try:
        code = main(["batch", str(rows), "--out", str(out), "--jobs", "1", "--quiet",
                     "--recensement", str(tmp_path / "comparateur_2021.csv")])
    finally:
        reset_census()
    err = capsys.readouterr().err
    assert code == 0, err
    assert "Recensement 2021" in err
    text = " ".join(page.extract_text() for page in PdfReader(str(out / "Prades.pdf")).pages)
    text = " ".join(text.split())
    assert "recensement 2021" in text and "recensement 2018" not in text
    # the file's jobs, not the bundled 2 967 (the PDF's thin spaces read back as spaces)
    assert f"Emplois dans la commune {expected['jobs']:,}".replace(",", " ") in text


def test_batch_refuses_a_census_file_missing_a_column(tmp_path: Path, capsys):
    write_newer_census(tmp_path / "c.csv", drop=("P21_CHOM1564",))
    rows = tmp_path / "communes.csv"
    rows.write_text("commune.insee_code\n66149\n", encoding="utf-8")
    code = main(["batch", str(rows), "--out", str(tmp_path / "out"), "--quiet",
                 "--recensement", str(tmp_path / "c.csv")])
    assert code == 2
    assert "P21_CHOM1564" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()  # refused before anything was written
    assert CENSUS_ENV not in os.environ


def test_a_census_change_is_seen_by_the_analysis_caches(tmp_path: Path):
    """The analysis caches the directory's neighbourhoods; a newer census (then the bundled
    one again) must not leave the other census's figures in them."""
    from reports.analysis.demand import neighbourhood_of
    from reports.communes import directory, load_census_file

    before = _employed(neighbourhood_of(directory(), "66149"))
    write_newer_census(tmp_path / "c.csv")
    try:
        load_census_file(tmp_path / "c.csv")
        newer = _employed(neighbourhood_of(directory(), "66149"))
    finally:
        reset_census()
    assert newer != before  # the file holds Prades alone: the zone follows it
    assert _employed(neighbourhood_of(directory(), "66149")) == before


def _employed(neighbourhood) -> int:
    """Employed residents of the 20-minute zone (the figure the demand reads)."""
    return next(c["employed_15_64"] for c in neighbourhood.catchments if c["minutes"] == 20)
