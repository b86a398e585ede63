"""Territory (issue of December 2026, wterr): what a consultant must be able to sign about where
the commune is — no road km where no road goes (Guyane's interior, islands), funding that applies
in the commune's own territory, and the tiers-lieux already open around it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reports.analysis import analyse
from reports.catchment import parameters
from reports.communes import directory
from reports.consistency import check, note_text
from reports.profile import read_profile

INVENTED = Path(__file__).parent / "invented"


def _invented(name):
    profile, _ = read_profile(INVENTED / f"{name}.tierslieu.json")
    return profile


@pytest.fixture(scope="module")
def maripasoula():
    return analyse(_invented("overseas"))


# --- 1. no road to the coast: Guyane's interior -------------------------------------------


def test_no_commute_is_figured_where_no_road_reaches_the_coast(maripasoula):
    # Maripasoula (no road, plane or pirogue): the 60 minutes typed were turned into
    # 16 156 km of road and 3,2 t of CO₂ avoided a year
    im = maripasoula.impact
    assert not im.quantified
    assert (im.trips_avoided_per_year, im.km_avoided_per_year, im.co2_tonnes_per_year) == (
        0, 0, 0)
    assert "aucune route ne relie Maripasoula au littoral" in im.not_quantified_reason
    assert "60 minutes" in im.not_quantified_reason
    text = note_text(maripasoula, ("impact", "practices"))
    assert "kilomètres évités par an" not in text and "CO₂ évitées" not in text
    assert "aucune route ne relie la commune au littoral" in text  # « sur le trajet »
    assert check(maripasoula, text, only=("no_road_over_sea", "trips_against_km")) == []


def test_no_demand_is_added_for_a_drive_that_cannot_be_made(maripasoula):
    signals = " ".join(maripasoula.demand.signals)
    assert "demande augmentée" not in signals
    assert "Aucune route ne relie Maripasoula au littoral" in signals
    # the same project on the coast (Saint-Laurent-du-Maroni) keeps the long-commute rule
    coast = _invented("overseas")
    coast.commune.insee_code, coast.commune.name = "97311", "Saint-Laurent-du-Maroni"
    assert any("demande augmentée" in s for s in analyse(coast).demand.signals)


def test_the_road_invariant_catches_road_km_in_guyanes_interior(maripasoula):
    driven = dataclasses.replace(maripasoula, impact=dataclasses.replace(
        maripasoula.impact, quantified=True, trips_avoided_per_year=176.0,
        km_avoided_per_year=16156.0, co2_tonnes_per_year=3.2, not_quantified_reason=""))
    found = check(driven, "16 156 kilomètres évités par an",
                  only=("no_road_over_sea",))
    assert found and {v.invariant for v in found} == {"no_road_over_sea"}
    assert len(found) >= 3  # figured, reason unsaid, km in the text


def test_the_zone_says_it_stops_where_the_road_stops(maripasoula):
    zone = maripasoula.demand.zone
    assert zone["communes"] == 1
    text = note_text(maripasoula, ("commune",))
    assert "aucune route ne relie Maripasoula au littoral" in text


def test_roadless_and_island_communes_stay_out_of_their_neighbours_zones():
    book = directory()
    assert [c.insee_code for c in book.catchment("97353", 25).communes] == ["97353"]
    # Petite-Terre (Dzaoudzi, Pamandzi) is across the sea from Mamoudzou, 7 km away
    mamoudzou = {c.insee_code for c in book.catchment("97611", 25).communes}
    assert "97611" in mamoudzou and not mamoudzou & {"97608", "97615"}
    assert {c.insee_code for c in book.catchment("97615", 25).communes} <= {"97608", "97615"}
    # Marie-Galante's three communes share their island, not Guadeloupe's
    grand_bourg = {c.insee_code for c in book.catchment("97112", 25).communes}
    assert grand_bourg <= {"97108", "97112", "97126"}
    # Apatou has had its road to Saint-Laurent since 2010: on the network
    assert "97360" not in parameters().roadless_of


# --- 2. funding that applies where the commune is --------------------------------------------

TERRITORIES = {"Guyane": ("973",), "La Réunion": ("974",), "Mayotte": ("976",),
               "Corse": ("2A", "2B")}


def _at(code, name, population=None, carrier="commune"):
    """The Maripasoula project moved to another commune (its carrier changed if asked)."""
    profile = _invented("overseas")
    profile.commune.insee_code, profile.commune.name = code, name
    profile.commune.departement = ""
    profile.population.total = population
    profile.carrier.type = carrier
    return profile


def _funding_text(result):
    return note_text(result, ("finance", "next_steps", "method"))


def test_every_programme_still_offered_is_checked_overseas_and_in_corsica():
    """Programme by programme: each open or to-check programme of the shipped table has its row
    for Guyane, La Réunion, Mayotte and Corsica (applies, differs, does not apply, or « non
    vérifiée » said), with a source and a date."""
    from reports.knowledge import knowledge

    kb = knowledge()
    ids = {p.programme_id for p in kb.programmes}
    for row in kb.programme_territories:
        assert row.programme_id in ids and row.source and row.checked_on
        assert row.applies != "differs" or row.terms
    for prog in kb.programmes:
        if prog.status == "closed":
            continue
        for territory, deps in TERRITORIES.items():
            for dep in deps:
                assert kb.territory_rule(prog.programme_id, dep) is not None, (
                    prog.programme_id, territory)


def test_a_guyane_note_offers_what_applies_in_guyane_with_its_own_rules(maripasoula):
    f = maripasoula.finance
    by_id = {x.programme_id: x for x in (*f.funding, *f.funding_people)}
    # DETR: the overseas thresholds (CGCT L2334-33), not « 20 000 habitants au plus »
    detr = by_id["detr"]
    assert "35\u202f000 habitants" in detr.fit and "20\u202f000" not in detr.fit
    assert "L2334-33" in detr.source and detr.checked_on == "2026-12-04"
    assert detr.territory.startswith("Règles propres outre-mer")
    # no Région, no Département in Guyane: the CTG, and the Département said not to apply
    assert by_id["region_tiers_lieux"].name.endswith("Collectivité territoriale de Guyane")
    assert [x.programme_id for x in f.funding_not_here] == ["departement"]
    assert "n'a plus de Département" in f.funding_not_here[0].territory
    # every line says how it applies here; what nobody checked comes last and says so
    assert all(x.territory for x in (*f.funding, *f.funding_people))
    checked = [x.applies_here != "unverified" for x in f.funding]
    assert checked == sorted(checked, reverse=True)
    assert all("non vérifiée" in x.territory for x in f.funding if x.applies_here == "unverified")
    assert "PEC" in by_id["pec"].name and "préfet de ce territoire" in by_id["pec"].terms
    text = _funding_text(maripasoula)
    assert "Occitanie" not in text and "Nouvelle-Aquitaine" not in text
    assert "Ne s'appliquent pas ici" in text and "Aides du Département" not in text.replace(
        "Ne s'appliquent pas ici : Aides du Département", "")


def test_a_guyane_town_of_36_000_inhabitants_keeps_the_detr_a_mainland_one_would_lose():
    matoury = analyse(_at("97307", "Matoury", 36512))
    assert "detr" not in {x.programme_id for x in matoury.finance.funding}  # > 35 000
    kourou = analyse(_at("97304", "Kourou", 24824))
    assert "detr" in {x.programme_id for x in kourou.finance.funding}  # > 20 000, < 35 000
    mainland = analyse(_at("31395", "Muret", 24725))
    assert "detr" not in {x.programme_id for x in mainland.finance.funding}


def test_mayotte_and_corsica_get_their_own_collectivities():
    mayotte = analyse(_at("97617", "Tsingoni", 13934))
    lines = {x.programme_id: x for x in mayotte.finance.funding}
    assert "préfecture" in lines["feder"].name and "GIP" in lines["feder"].terms
    assert "region_tiers_lieux" not in lines
    assert "region_tiers_lieux" in {x.programme_id for x in mayotte.finance.funding_not_here}
    assert lines["departement"].name == "Aides du Département de Mayotte"
    corte = analyse(_invented("corsica"))
    lines = {x.programme_id: x for x in corte.finance.funding}
    assert lines["region_tiers_lieux"].name.endswith("Collectivité de Corse")
    assert "departement" not in lines
    assert "departement" in {x.programme_id for x in corte.finance.funding_not_here}
    assert "Occitanie" not in _funding_text(corte)


def test_a_mainland_note_names_no_other_regions_scheme():
    villeurbanne = analyse(_invented("urban"))  # Auvergne-Rhône-Alpes
    f = villeurbanne.finance
    assert not f.funding_not_here and not any(x.territory for x in f.funding)
    assert {x.programme_id for x in f.funding_history}.isdisjoint({"region_ami",
                                                                  "contrat_revitalisation"})
    text = _funding_text(villeurbanne)
    assert "Occitanie" not in text and "Nouvelle-Aquitaine" not in text
    # in Occitanie, its Region's scheme and the study's closed call are named
    from reports.paths import resource

    lagrasse, _ = read_profile(Path(str(resource("examples", "lagrasse.tierslieu.json"))))
    occitanie = analyse(lagrasse).finance
    region = next(x for x in occitanie.funding if x.programme_id == "region_tiers_lieux")
    assert region.name.endswith("Région Occitanie") and "2018-2021" in region.terms
    assert region.checked_on == "2026-12-03"  # the date the programmes table gave it
    assert "region_ami" in {x.programme_id for x in occitanie.funding_history}


def test_the_territory_table_is_read_with_a_newer_programmes_file(tmp_path):
    """A newer programmes file without some programmes: their territory rows are ignored."""
    from reports.knowledge import load_knowledge
    from reports.paths import resource

    shipped = Path(str(resource("knowledge", "programmes.csv"))).read_text(encoding="utf-8")
    kept = [line for line in shipped.splitlines() if not line.startswith("detr,")]
    newer = tmp_path / "programmes.csv"
    newer.write_text("\n".join(kept) + "\n", encoding="utf-8")
    kb = load_knowledge(programmes=newer)
    assert "detr" not in {p.programme_id for p in kb.programmes}
    assert kb.territory_rule("detr", "973") is not None  # kept, unused


# --- 3. the tiers-lieux already open in the commune ------------------------------------------


@pytest.fixture(scope="module")
def villeurbanne():
    return analyse(_invented("urban"))


def test_a_commune_with_fourteen_places_is_not_offered_one_more(villeurbanne):
    # Villeurbanne: 14 places of the 2019 national list in the commune, « Favorable sous
    # conditions » as if the ground were free
    v = villeurbanne.verdict
    assert len(villeurbanne.existing.in_commune) == 14
    assert v.level == "not_advised" and v.label == "Déconseillé en l'état"
    assert ("Un lieu de plus est prématuré : 14 tiers-lieux sont signalés dans la commune "
            "(liste nationale des tiers-lieux de 2019") in v.summary
    assert v.next_steps[0].startswith("Rencontrer La Miete (Villeurbanne)")
    assert v.next_steps[1].startswith("Demander aux lieux existants leur remplissage")
    assert not any("éphémère" in s for s in v.next_steps)
    assert "lieux existants" in v.timeline[0][1]
    assert villeurbanne.options.options[0].option_id == "join_existing"
    assert check(villeurbanne, only=("existing_place_mentioned",)) == []
    # the rule is in the method, with its numbers
    assert "déjà au moins 3 tiers-lieux dans la commune" in villeurbanne.method["verdict_rule"]


def test_the_existing_places_rule_is_checked(villeurbanne):
    free = dataclasses.replace(villeurbanne, verdict=dataclasses.replace(
        villeurbanne.verdict, level="conditional", summary="Le projet de Villeurbanne…",
        next_steps=("Organiser un tiers-lieu éphémère",)))
    found = {v.detail for v in check(free, "Favorable sous conditions",
                                     only=("existing_place_mentioned",))}
    assert {"14 tiers-lieux dans la commune, verdict conditional",
            "le nombre de lieux de la commune et leur source absents du verdict",
            "un tiers-lieu éphémère proposé à côté des lieux de la commune",
            "« Favorable sous conditions » dans le texte de la note"} <= found


def test_the_pdf_and_the_word_file_say_the_same_about_existing_places(villeurbanne, tmp_path):
    from docx import Document

    from reports.docx import render_docx

    pdf_words = note_text(villeurbanne)
    path = render_docx(villeurbanne, tmp_path / "villeurbanne.docx")
    word = "\n".join(p.text for p in Document(str(path)).paragraphs)
    for said in ("Déconseillé en l'état", "14 tiers-lieux sont signalés dans la commune",
                 "Demander aux lieux existants leur remplissage",
                 "Rencontre des lieux existants"):
        assert said in pdf_words and said in word
    assert "Favorable sous conditions" not in word
    assert check(villeurbanne, pdf_words, only=("existing_place_mentioned",)) == []


def test_one_or_two_places_in_the_commune_keep_the_ordinary_rules():
    corte = analyse(_invented("corsica"))  # two places of the 2019 list
    assert len(corte.existing.in_commune) == 2 and corte.verdict.level == "conditional"
    assert "prématuré" not in corte.verdict.summary
    figeac = analyse(_invented("listed"))
    assert len(figeac.existing.in_commune) == 1 and "sont signalés" not in figeac.verdict.summary


# --- 4. more overseas and mountain communes read whole ----------------------------------------


def test_a_reunion_cirque_counts_no_commune_beyond_its_ridges():
    # Cilaos: Entre-Deux, Salazie and Les Avirons « within 20 minutes » (31 020 inhabitants)
    # while the only road, the RN5, takes about an hour down to Saint-Louis
    cilaos = analyse(_invented("cirque"))
    assert cilaos.demand.zone["communes"] == 1
    assert "au bout d'une seule route de montagne" in note_text(cilaos, ("commune",))
    salazie = {c.insee_code for c in directory().catchment("97421", 20).communes}
    assert "97424" not in salazie
    # a road leaves the cirque: the commute is figured, with its overseas speed said
    assert cilaos.impact.quantified and cilaos.impact.km_avoided_per_year > 0
    assert check(cilaos, note_text(cilaos), only=("no_road_over_sea", "one_speed")) == []


def test_petite_terre_is_an_island_and_mayotte_has_its_own_funding():
    dzaoudzi = analyse(_invented("petite_terre"))
    assert {c["insee_code"] for c in dzaoudzi.demand.existing_places} <= {"97608", "97615"}
    im = dzaoudzi.impact
    assert im.km_avoided_per_year == 0 and "Petite-Terre (Mayotte)" in im.road_not_quantified
    lines = {x.programme_id: x for x in dzaoudzi.finance.funding}
    assert "region_tiers_lieux" not in lines
    assert dzaoudzi.finance.funding_territory_checked_on == "2026-12-04"
    assert "vérifiée le 4 décembre 2026" in note_text(dzaoudzi, ("method",))
    assert check(dzaoudzi, note_text(dzaoudzi), only=("no_road_over_sea",)) == []


def test_a_village_without_road_is_not_asked_its_trip_time():
    saul = analyse(_invented("roadless"))
    assert not saul.impact.quantified and "aucune route ne relie Saül" in (
        saul.impact.not_quantified_reason)
    assert not any("trajet" in name for name in saul.verdict.confidence.defaults)
    mainland = _invented("roadless")
    mainland.commune.insee_code, mainland.commune.name = "97305", "Macouria"
    assert any("trajet" in name for name in analyse(mainland).verdict.confidence.defaults)


def test_a_newer_programme_without_its_overseas_row_is_said_unchecked(tmp_path):
    """A programme of a newer programmes file that the territory table does not know: overseas
    and in Corsica its line says « non vérifiée » and comes last; on the mainland, nothing."""
    import csv

    from reports.knowledge import load_knowledge
    from reports.paths import resource

    shipped = Path(str(resource("knowledge", "programmes.csv")))
    rows = list(csv.DictReader(shipped.open(encoding="utf-8")))
    new = dict(next(r for r in rows if r["programme_id"] == "dsil"),
               programme_id="fonds_local_2027", name="Fonds local 2027", status="open")
    newer = tmp_path / "programmes.csv"
    with newer.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([*rows, new])
    kb = load_knowledge(programmes=newer)
    line = next(x for x in analyse(_invented("overseas"), knowledge=kb).finance.funding
                if x.programme_id == "fonds_local_2027")
    assert line.applies_here == "unverified" and "outre-mer non vérifiée" in line.territory
    corte = next(x for x in analyse(_invented("corsica"), knowledge=kb).finance.funding
                 if x.programme_id == "fonds_local_2027")
    assert "en Corse non vérifiée" in corte.territory
    mainland = next(x for x in analyse(_invented("urban"), knowledge=kb).finance.funding
                    if x.programme_id == "fonds_local_2027")
    assert mainland.territory == ""


def test_no_european_fund_in_an_overseas_country_and_territory():
    """Saint-Pierre-et-Miquelon is associated with the EU, not in it: no LEADER, FEDER or FSE+;
    the national programmes nobody checked there say so."""
    saint_pierre = _at("97502", "Saint-Pierre", 5194, carrier="association")
    f = analyse(saint_pierre).finance
    offered = {x.programme_id for x in (*f.funding, *f.funding_people)}
    assert offered.isdisjoint({"leader", "feder", "fse"})
    assert {x.programme_id for x in f.funding_not_here} >= {"leader", "feder", "fse"}
    assert all(x.applies_here == "unverified" for x in (*f.funding, *f.funding_people))
    text = _funding_text(analyse(saint_pierre))
    assert text.count("Pays et territoires d'outre-mer associés") == 1  # said once for the three
