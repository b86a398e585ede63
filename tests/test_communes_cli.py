"""``python -m reports communes`` and ``neighbourhood``: JSON out, French errors."""

from __future__ import annotations

import json

from reports.cli import main


def test_communes_prints_a_json_list_best_first(capsys):
    """Matches with at least code, name, département, population and EPCI."""
    assert main(["communes", "montpeyroux", "--limit", "3"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found) == 3 and found[0]["insee_code"] == "34173"
    assert {"insee_code", "name", "departement", "population", "epci_name"} <= set(found[0])


def test_communes_old_name_shows_its_current_commune(capsys):
    """An old name carries the current commune it now belongs to."""
    assert main(["communes", "Bramans", "--limit", "1"]) == 0
    (old,) = json.loads(capsys.readouterr().out)
    assert old["kind"] == "commune-deleguee"
    assert (old["current_insee_code"], old["current_name"]) == ("73290", "Val-Cenis")


def test_communes_bad_limit_is_refused_in_french(capsys):
    """A limit below one is invalid input."""
    assert main(["communes", "Prades", "--limit", "0"]) == 2
    assert "--limit" in capsys.readouterr().err


def test_neighbourhood_prints_rings_and_places(capsys):
    """The neighbourhood JSON: three rings, the catchment, places, the approximate note."""
    assert main(["neighbourhood", "11206"]) == 0
    hood = json.loads(capsys.readouterr().out)
    assert hood["insee_code"] == "11206" and hood["name"] == "Limoux"
    assert [r["radius_km"] for r in hood["rings"]] == [10, 20, 30]
    assert hood["catchment_population"] == hood["rings"][1]["population"]
    assert any(p["name"] == "Tiers Lieu Limoux" for p in hood["third_places"])
    assert "approximatifs" in hood["approximate_note"]


def test_neighbourhood_unknown_code_exits_2_in_french(capsys):
    """An unknown code is invalid input: French message on stderr, nothing on stdout."""
    assert main(["neighbourhood", "99999"]) == 2
    out = capsys.readouterr()
    assert out.out == "" and "Code INSEE inconnu" in out.err and "99999" in out.err


def test_neighbourhood_without_coordinates_exits_2_in_french(capsys):
    """A collectivité d'outre-mer has no coordinates: said plainly."""
    assert main(["neighbourhood", "98818"]) == 2
    assert "Pas de coordonnées" in capsys.readouterr().err
