"""INSEE census figures and zonings in the directory, the catchment by road time, a newer
census file loaded in place of the bundled one."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from reports import insee
from reports.catchment import same_place
from reports.cli import main
from reports.communes import INSEE_KEYS, load_directory

ROOT = Path(__file__).resolve().parent.parent
COMPARATEUR = ROOT.parent / "shared" / "data" / "insee" / "base_cc_comparateur_csv.zip"


@pytest.fixture(scope="module")
def book():
    """A private directory (a newer census loaded in one test must not leak)."""
    return load_directory()


# The spot values of ../shared/data/insee/README.md (checked there against INSEE's site).
SPOT = {
    "66149": (1619, 2967, 1.83, "221", "11", 3),
    "31395": (9658, 12734, 1.32, "111", "20", 2),
    "11049": (1052, 1349, 1.28, "300", "20", 5),
}


@pytest.mark.parametrize("code", sorted(SPOT))
def test_spot_values_of_the_data_readme(book, code):
    """Employed 15-64 (actifs − chômeurs), jobs, their ratio and the three categories."""
    employed, jobs, ratio, zau, aav, density = SPOT[code]
    figures = book.by_insee(code).insee
    assert tuple(figures) == INSEE_KEYS
    assert figures["employed_15_64"] == employed and figures["jobs"] == jobs
    assert round(figures["jobs"] / figures["employed_15_64"], 2) == ratio
    assert (figures["zau2010"], figures["aav2020_category"], figures["density_level"]) == (
        zau, aav, density)
    assert figures["census_year"] == 2018 and "géographie 2021" in figures["geography"]
    assert figures["active_15_64"] > employed and figures["population_15_64"] > employed


def test_prades_zonings_have_names(book):
    """Aire d'attraction and bassin de vie come with their names."""
    figures = book.by_insee("66149").insee
    assert (figures["aav2020_name"], figures["bassin_de_vie_name"]) == ("Prades", "Prades")
    assert figures["aav2020_size_class"] == 1 and figures["jobs_5_years_before"] > 0


def _comparateur_rows(codes: set[str]) -> dict[str, dict[str, float]]:
    with zipfile.ZipFile(COMPARATEUR) as archive:
        text = archive.read("base_cc_comparateur.CSV").decode("utf-8")
    return {r["CODGEO"]: r for r in csv.DictReader(io.StringIO(text), delimiter=";")
            if r["CODGEO"] in codes}


@pytest.mark.skipif(not COMPARATEUR.is_file(), reason="open data absent: cannot recompute")
def test_a_merged_commune_sums_its_old_communes(book):
    """Culoz-Béon (01138, merged in 2025): the census counts are Culoz's plus Béon's (01039),
    recomputed here from the INSEE file; the category is the chef-lieu's, and both are said."""
    rows = _comparateur_rows({"01138", "01039"})
    assert set(rows) == {"01138", "01039"}
    commune = book.by_insee("01138")
    jobs = sum(float(r["P18_EMPLT"]) for r in rows.values())
    employed = sum(float(r["P18_ACT1564"]) - float(r["P18_CHOM1564"]) for r in rows.values())
    assert commune.insee["jobs"] == round(jobs) and commune.insee["employed_15_64"] == round(
        employed)
    assert commune.insee["jobs"] > round(float(rows["01138"]["P18_EMPLT"]))
    assert commune.insee["zau2010"] == "221"  # Culoz's, the chef-lieu
    notes = " ".join(commune.insee_notes)
    assert "additionnés sur les 2 anciennes communes" in notes and "chef-lieu" in notes


def test_mayotte_has_no_census_but_says_why(book):
    """The 17 communes of Mayotte: census figures empty, the reason given, zonings kept."""
    commune = book.by_insee("97611")
    assert all(commune.insee[k] is None for k in insee.COUNTS)
    assert commune.insee["census_year"] is None
    assert commune.insee["aav2020_category"] is not None
    assert any("Mayotte" in n for n in commune.insee_notes)


def test_commune_without_zau_or_census(book):
    """Sannerville (14666) is missing from the 2019 ZAU table; Celles (15031), re-created
    since, has no census figures of its own: each empty value has its reason."""
    sannerville = book.by_insee("14666").insee
    assert sannerville["zau2010"] is None and sannerville["jobs"] is not None
    assert any("ZAU 2010" in n for n in book.by_insee("14666").insee_notes)
    celles = book.by_insee("15031")
    assert celles.insee["employed_15_64"] is None
    assert any("rétablie" in n for n in celles.insee_notes)


def test_collectivite_d_outre_mer_is_outside_the_tables(book):
    """Nouméa: every INSEE value empty, one note saying why."""
    commune = book.by_insee("98818")
    assert all(commune.insee[k] is None for k in INSEE_KEYS if k != "geography")
    assert any("outre-mer" in n for n in commune.insee_notes)


def test_old_name_carries_its_current_commune_figures(book):
    """A delegated commune's entry shows the figures of the commune it now belongs to."""
    old = book.search("Bramans", limit=1)[0]
    assert old.insee == book.by_insee("73290").insee


def test_communes_command_prints_the_insee_object(capsys):
    """`communes QUERY`: an `insee` object with exactly the keys, whole numbers, codes."""
    assert main(["communes", "Prades (66)", "--limit", "1"]) == 0
    (found,) = json.loads(capsys.readouterr().out)
    figures = found["insee"]
    assert tuple(figures) == INSEE_KEYS
    assert figures["zau2010"] == "221" and figures["aav2020_category"] == "11"
    assert isinstance(figures["density_level"], int)
    assert all(isinstance(figures[k], int) for k in insee.COUNTS)


# ---------------------------------------------------------------- catchment

def test_catchment_grows_with_minutes_and_is_approximate(book):
    """15 ⊂ 20 ⊂ 25 minutes; the commune itself at 0 minutes; the method is said."""
    sizes = [book.catchment("11206", m) for m in (15, 20, 25)]
    assert [c.minutes for c in sizes] == [15, 20, 25]
    assert sizes[0].population < sizes[1].population < sizes[2].population
    assert {c.insee_code for c in sizes[0].communes} <= {c.insee_code for c in sizes[1].communes}
    first = sizes[1].communes[0]
    assert (first.insee_code, first.minutes, first.road_km) == ("11206", 0.0, 0.0)
    assert all(c.minutes <= 20 and c.road_km > 0 for c in sizes[1].communes[1:])
    assert sizes[1].approximate is True
    assert "coefficient de détour de 1,3" in sizes[1].method
    # the detour factor and speeds are the tool's hypotheses and say so (not INSEE's)
    assert "coefficient de détour de 1,3 (hypothèse de l'outil)" in sizes[1].method
    assert sizes[1].population == sum(c.population for c in sizes[1].communes)
    assert sizes[1].employed_15_64 == sum(c.employed_15_64 or 0 for c in sizes[1].communes)


def test_catchment_road_time_follows_distance_and_density(book):
    """A neighbour's minutes = road km ÷ the two communes' speeds (density levels)."""
    from reports.catchment import parameters

    params = parameters()
    found = book.catchment("66149", 20)
    neighbour = found.communes[1]
    v0 = params.speed(book.by_insee("66149").insee["density_level"])
    v1 = params.speed(book.by_insee(neighbour.insee_code).insee["density_level"])
    expected = 30 * neighbour.road_km * (1 / v0 + 1 / v1)
    assert neighbour.minutes == pytest.approx(expected, abs=0.2)


def test_no_road_leaves_an_island_without_a_bridge(book):
    """Groix read « 32 904 habitants dans 5 communes » and CréaFab (Ploemeur) « ≈ 19 min »
    away by road: the zone of an island commune is its island; the mainland's zones leave the
    islands out; Belle-Île's four communes share theirs; Île de Ré (bridge) stays mainland."""
    groix = book.catchment("56069", 25)
    assert [c.insee_code for c in groix.communes] == ["56069"] and not groix.third_places
    assert book.nearest_third_place("56069") is None
    lorient = {c.insee_code for c in book.catchment("56121", 25).communes}
    assert "56121" in lorient and "56069" not in lorient
    belle_ile = {c.insee_code for c in book.catchment("56152", 25).communes}
    assert belle_ile <= {"56009", "56114", "56152", "56241"} and len(belle_ile) > 1
    assert len(book.catchment("17286", 25).communes) > 1  # Saint-Martin-de-Ré, bridge


def test_catchment_lists_a_study_site_once(book):
    """Limoux's tiers-lieu is both a study site and in the CGET list: one entry."""
    places = book.catchment("11206", 20).third_places
    limoux = [p for p in places if p.insee_code == "11206"]
    assert len(limoux) == 1
    assert limoux[0].study_site_id == "tiers_lieu_limoux" and limoux[0].in_cget_list


def test_catchment_keeps_places_it_cannot_tell_apart(book):
    """Villefort: the study's télécentre and the CGET list's MSAP stay two entries."""
    names = {p.name for p in book.catchment("48198", 20).third_places}
    assert {"Télécentre SoLozère de Villefort", "MSAP de Villefort"} <= names


@pytest.mark.parametrize("a, b, same", [
    ("CapWork", "Cap Work Verniolle", True),
    ("Le Tiers-Lieu de Limoux", "Tiers Lieu Limoux", True),
    ("Comm'1 idée – Labor Lab", "Comm'1 idée", True),
    ("Télécentre SoLozère de Villefort", "MSAP de Villefort", False),
    ("La Cordée Perrache", "La Cordée Valmy", False),
])
def test_same_place(a, b, same):
    """Names of one place told apart from two places of one commune."""
    commune = {"Cap Work Verniolle": "Verniolle", "Tiers Lieu Limoux": "Limoux",
               "MSAP de Villefort": "Villefort"}.get(b, "Lyon")
    assert same_place(a, b, commune) is same


def test_catchment_of_unknown_or_unlocated_commune_is_none(book):
    """No code, no coordinates: no catchment."""
    assert book.catchment("99999") is None and book.catchment("98818") is None


def test_neighbourhood_command_shows_15_20_25_minutes(capsys):
    """The neighbourhood JSON adds the three catchments, labelled approximate."""
    assert main(["neighbourhood", "11206"]) == 0
    hood = json.loads(capsys.readouterr().out)
    assert [c["minutes"] for c in hood["catchments"]] == [15, 20, 25]
    assert all(c["approximate"] for c in hood["catchments"])
    assert "approximatifs" in hood["catchment_method"]


# ---------------------------------------------------------------- a newer census file

def _write_comparateur(path: Path, year: int, rows: dict[str, tuple], drop: str = "") -> Path:
    yy, yy5 = year % 100, (year - 5) % 100
    header = ["CODGEO", f"P{yy}_POP", f"P{yy}_POP1564", f"P{yy}_ACT1564", f"P{yy}_CHOM1564",
              f"P{yy}_EMPLT", f"P{yy5}_EMPLT"]
    header = [h for h in header if h != drop]
    lines = [";".join(header)]
    for code, values in rows.items():
        cells = dict(zip(header[1:], values, strict=False))
        lines.append(";".join([code, *(str(cells.get(h, "")) for h in header[1:])]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_newer_census_file_replaces_the_bundled_one(tmp_path):
    """P21_ columns: the figures, the census year and the sources all follow."""
    book = load_directory()
    path = _write_comparateur(tmp_path / "comparateur.csv", 2021,
                              {"66149": (6000, 3300.4, 2200, 500.2, 3100, 2900)})
    census = insee.read_comparateur(path)
    assert census.year == 2021
    book.use_census(census)
    figures = book.by_insee("66149").insee
    assert (figures["employed_15_64"], figures["jobs"], figures["census_year"]) == (
        1700, 3100, 2021)
    assert figures["zau2010"] == "221"  # zonings unchanged
    assert "fichier fourni" in figures["geography"]
    assert any("comparateur.csv" in s["dataset"] for s in book.attribution)
    assert book.census_label == "recensement 2021 (INSEE)"
    book.use_census(None)
    assert book.by_insee("66149").insee["employed_15_64"] == 1619


def test_a_census_file_missing_a_column_is_refused_in_french(tmp_path):
    """The message names the missing column and what the file should be."""
    path = _write_comparateur(tmp_path / "c.csv", 2022, {"66149": (1, 2, 3, 4, 5)},
                              drop="P22_CHOM1564")
    with pytest.raises(insee.CensusFileError, match="P22_CHOM1564"):
        insee.read_comparateur(path)


def test_a_file_that_is_no_comparateur_is_refused_in_french(tmp_path):
    """Any other CSV: said plainly."""
    path = tmp_path / "autre.csv"
    path.write_text("nom;valeur\nx;1\n", encoding="utf-8")
    with pytest.raises(insee.CensusFileError, match="comparateur de territoires"):
        insee.read_comparateur(path)


def test_recensement_option_of_the_commands(tmp_path, capsys):
    """`communes --recensement FILE`: the figures and the vintage follow; a file missing a
    column is refused in French (exit 2), naming the column."""
    from reports.communes import reset_census

    path = _write_comparateur(tmp_path / "comparateur.csv", 2021,
                              {"66149": (6000, 3300, 2200, 500, 3100, 2900)})
    try:
        assert main(["communes", "66149", "--limit", "1", "--recensement", str(path)]) == 0
        captured = capsys.readouterr()
        (found,) = json.loads(captured.out)
        assert found["insee"]["census_year"] == 2021 and found["insee"]["jobs"] == 3100
        assert "Recensement 2021" in captured.err
    finally:
        reset_census()
    bad = _write_comparateur(tmp_path / "c.csv", 2021, {"66149": (1, 2, 3, 4, 5)},
                             drop="P21_EMPLT")
    assert main(["communes", "66149", "--recensement", str(bad)]) == 2
    assert "P21_EMPLT" in capsys.readouterr().err
    assert main(["communes", "66149", "--limit", "1"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["insee"]["census_year"] == 2018
