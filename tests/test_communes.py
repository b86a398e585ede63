"""The offline communes directory: search, lookups, neighbourhood, attribution."""

from __future__ import annotations

import pytest

from reports.communes import Commune, directory
from reports.fmt import NBSP, NNBSP
from reports.textnorm import fold, fold_words

# The study's ten communes (docs/ARCHITECTURE.md, stable identifiers).
STUDY_COMMUNES = {
    "66149": ("Prades", "66"), "34173": ("Montpeyroux", "34"), "15138": ("Murat", "15"),
    "31395": ("Muret", "31"), "31033": ("Auterive", "31"), "11049": ("Bram", "11"),
    "48198": ("Villefort", "48"), "11206": ("Limoux", "11"), "09332": ("Verniolle", "09"),
    "09157": ("Laroque-d'Olmes", "09"),
}


@pytest.fixture(scope="module")
def book():
    """The shipped directory (loaded once for the module)."""
    return directory()


def _codes(found: list[Commune]) -> list[str]:
    return [c.insee_code for c in found]


@pytest.mark.parametrize("code", sorted(STUDY_COMMUNES))
def test_study_communes_resolve_by_name_and_departement(book, code):
    """Each study commune is found by its name and département among its homonyms."""
    name, dep = STUDY_COMMUNES[code]
    matches = [c for c in book.search(name, limit=20) if c.departement == dep]
    assert matches and matches[0].insee_code == code
    assert matches[0].name == name
    assert book.search(f"{name} ({dep})")[0].insee_code == code


@pytest.mark.parametrize("dep, code", [("66", "66149"), ("07", "07182"), ("81", "81212"),
                                       ("34", "34173"), ("63", "63241"), ("12", "12156")])
def test_homonyms_are_told_apart_by_departement(book, dep, code):
    """Several Prades and Montpeyroux exist: the label shows the département."""
    name = "Prades" if code in ("66149", "07182", "81212") else "Montpeyroux"
    found = book.search(name, limit=20)
    assert len({c.departement for c in found if c.name == name}) >= 3
    (chosen,) = [c for c in found if c.name == name and c.departement == dep]
    assert chosen.insee_code == code
    assert f"({dep})" in chosen.label


@pytest.mark.parametrize("typed", ["Laroque d'Olmes", "laroque d olmes", "LAROQUE-D'OLMES",
                                   "laroque dolmes", "Laroque-d’Olmes", "laroque d’o"])
def test_laroque_typed_any_way(book, typed):
    """Hyphen, apostrophe (straight or curly), case and spacing do not matter."""
    assert book.search(typed)[0].insee_code == "09157"


@pytest.mark.parametrize("typed", ["Saint-Étienne", "SAINT ETIENNE", "st etienne",
                                   "St-Étienne", "saint-etienne"])
def test_accents_case_and_saint_abbreviations(book, typed):
    """Accents, case and St/Saint are folded away."""
    assert book.search(typed)[0].insee_code == "42218"


def test_sainte_abbreviation(book):
    """"Ste" finds the Sainte-… communes."""
    assert all(c.name.startswith("Sainte-Marie") for c in book.search("ste marie", limit=3))


def test_st_while_typing_also_finds_names_starting_with_st(book):
    """"st" may be the start of Strasbourg as well as an abbreviation of Saint."""
    names = [c.name for c in book.search("st", limit=10)]
    assert "Strasbourg" in names
    assert any(n.startswith("Saint-") for n in names)


def test_accented_name_typed_without_accents(book):
    """"beziers" finds Béziers first."""
    assert book.search("beziers")[0].name == "Béziers"


def test_exact_before_prefix_before_substring(book):
    """The tiny commune called "Mont" comes before Montpellier; "Elne" before "Elnes"
    (prefix) before "Latour-Bas-Elne" (inside), whatever their populations."""
    names = [c.name for c in book.search("Mont", limit=10)]
    assert names[0] == "Mont" and names.index("Montpellier") > names.index("Mont")
    elne = [c.name for c in book.search("Elne", limit=5)]
    assert elne[:3] == ["Elne", "Elnes", "Latour-Bas-Elne"]


def test_larger_population_first_on_ties(book):
    """Within a tier, larger communes come first."""
    found = [c for c in book.search("Prades", limit=10) if c.name == "Prades"]
    populations = [c.population for c in found]
    assert len(populations) >= 3 and populations == sorted(populations, reverse=True)


def test_postal_code_search(book):
    """A postal code lists its communes, the largest first; Prades for 66500."""
    by_cp = book.by_postal_code("66500")
    assert by_cp[0].insee_code == "66149" and len(by_cp) > 3
    assert all("66500" in c.postal_codes for c in by_cp)
    assert book.search("66500")[0].insee_code == "66149"
    assert "11206" in _codes(book.search("11300"))


def test_insee_code_search(book):
    """An INSEE code (Corsica's 2A/2B included) finds its commune first."""
    assert book.search("31395")[0].name == "Muret"
    assert book.search("2a004")[0].name == "Ajaccio"
    assert book.by_insee("09157").name == "Laroque-d'Olmes"
    assert book.by_insee("00000") is None


def test_old_delegated_name_finds_its_current_commune(book):
    """Bramans, a delegated commune since 2017, points to Val-Cenis and says so."""
    (old,) = [c for c in book.search("Bramans") if c.name == "Bramans"]
    assert old.kind == "commune-deleguee" and not old.is_current
    assert (old.current_insee_code, old.current_name) == ("73290", "Val-Cenis")
    assert "Val-Cenis" in old.label and "déléguée" in old.label
    current = book.current_of(old)
    assert current.insee_code == "73290" and current.is_current
    assert old.epci_name == current.epci_name


def test_current_commune_fields(book):
    """A current commune carries its EPCI, population, postal codes and approximate centre."""
    prades = book.by_insee("66149")
    assert prades.kind == "commune-actuelle" and prades.current_insee_code == "66149"
    assert prades.departement_name == "Pyrénées-Orientales" and prades.region == "Occitanie"
    assert prades.postal_codes == ("66500",)
    assert prades.epci_type == "CC"
    assert prades.epci_members > 10 and prades.epci_population > prades.population > 1000
    assert 42.5 < prades.lat < 42.7 and 2.3 < prades.lon < 2.5
    assert prades.label == f"Prades (66) — {prades.population // 1000}{NNBSP}" \
        f"{prades.population % 1000:03d}{NBSP}hab."
    data = prades.to_dict()
    assert data["insee_code"] == "66149" and data["epci_name"] == prades.epci_name


def test_neighbourhood_villefort_is_small_next_to_muret(book):
    """Villefort (Lozère) has far fewer people within 20 km than Muret, near Toulouse."""
    villefort, muret = book.neighbourhood("48198"), book.neighbourhood("31395")
    assert villefort.catchment_population * 10 < muret.catchment_population
    for hood in (villefort, muret):
        assert [r.radius_km for r in hood.rings] == [10, 20, 30]
        pops = [r.population for r in hood.rings]
        counts = [r.communes for r in hood.rings]
        assert pops == sorted(pops) and counts == sorted(counts) and counts[0] >= 1
        assert hood.catchment_population == hood.ring(20).population
        assert "vol d'oiseau" in hood.approximate_note and "approximatifs" in hood.approximate_note
    assert villefort.ring(10).population >= book.by_insee("48198").population


# The study's sites that the CGET 2019 list contains (README of the shared data).
CGET_STUDY_SITES = {"11206": "Tiers Lieu Limoux", "11049": "Pop Coworking",
                    "34173": "Le Plan B", "09157": "Comm'1 idée", "09332": "CapWork",
                    "15138": "La COcotte numérique"}


@pytest.mark.parametrize("code", sorted(CGET_STUDY_SITES))
def test_cget_list_finds_the_study_sites_near_their_communes(book, code):
    """The study's own tiers-lieux appear within a few km of their commune's centre."""
    places = book.neighbourhood(code).third_places
    (site,) = [p for p in places if p.name == CGET_STUDY_SITES[code]]
    assert site.insee_code == code and site.distance_km < 5
    assert site.commune == book.by_insee(code).name
    assert site.cget_type.startswith("Tiers lieux à dominante")
    distances = [p.distance_km for p in places]
    assert distances == sorted(distances) and max(distances) <= 30


def test_neighbourhood_of_an_old_code_and_unknown_or_unlocated_codes(book):
    """An old name's code gives its current commune; unknown or overseas-collectivity codes
    give None."""
    assert book.neighbourhood("73056").insee_code == "73290"  # Bramans → Val-Cenis
    assert book.neighbourhood("99999") is None
    noumea = book.search("Nouméa")[0]
    assert noumea.lat is None and book.neighbourhood(noumea.insee_code) is None


def test_attribution_and_vintage(book):
    """Producer, dataset, vintage and licence of each source, for the About box and the note."""
    assert book.vintage == "COG 2026"
    sources = book.attribution
    assert len(sources) == 7
    for source in sources:
        assert {"producer", "dataset", "vintage", "licence"} <= set(source)
    assert {"La Poste", "CGET (aujourd'hui ANCT)", "INSEE"} <= {s["producer"] for s in sources}
    # Licence Ouverte for all but the ZAU 2010 extract, whose ODbL credit is given in full
    zau = [s for s in sources if "ZAU 2010" in s["dataset"]]
    assert len(zau) == 1 and "ODbL" in zau[0]["licence"]
    assert "© Code Officiel Géographique (Insee) et package R COGugaison" in zau[0]["licence"]
    assert all(s["licence"] == "Licence Ouverte 2.0" for s in sources if s not in zau)
    assert any("recensement 2018" in s["vintage"] for s in sources)
    assert "outre-mer" in book.coverage


def test_all_current_is_sorted_by_folded_key(book):
    """The completer's model: current communes only, keys sorted and equal to fold(name)."""
    every = book.all_current()
    assert len(every) > 34000
    assert list(every.keys) == sorted(every.keys)
    for i in range(0, len(every), 997):
        commune = every[i]
        assert commune.is_current and commune.search_key == every.keys[i] == fold(commune.name)


def test_stored_keys_match_the_folding_function(book):
    """The search keys written by the build are what `fold_words` gives today."""
    stored = book._words.text.split("\n")[1:-1]
    assert len(stored) == len(book)
    for i in range(0, len(book), 503):
        assert stored[i] == fold_words(book._commune(i).name)


@pytest.mark.parametrize("query", ["", "   ", "—", "zzzzzzzz", "!!!"])
def test_search_without_match_is_empty(book, query):
    """Nothing typed, or nothing matching, gives an empty list (no error)."""
    assert book.search(query) == []


def test_limit_is_respected(book):
    """At most `limit` results, none when the limit is zero."""
    assert len(book.search("saint", limit=7)) == 7
    assert book.search("saint", limit=0) == []
    assert len(book.search("6", limit=3)) == 3
