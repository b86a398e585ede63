"""Issue 13: programmes dated and sourced, the funding plan tailored to the project, costs in
today's euros recomputed by hand from the index values, premises lent free valued, and a
newer programmes file usable without reinstalling."""

from __future__ import annotations

import csv
import datetime
import itertools
import re
import shutil
from pathlib import Path

import pytest

from reports.analysis import analyse
from reports.analysis import costs as costs_mod
from reports.analysis.parameters import params_for
from reports.cli import main
from reports.knowledge import (
    PROGRAMMES_ENV,
    KnowledgeError,
    knowledge,
    load_knowledge,
    use_programmes,
)
from reports.paths import resource
from reports.profile import Building, new_profile

ROOT = Path(__file__).resolve().parents[1]
KB = knowledge()


def _params(assumptions=None):
    return params_for(assumptions, KB.settings)


def _profile(carrier="commune", population=3000, owner="commune", state="light_works",
             support="premises", staff=None, accessible=None, services=("open_space",),
             surface=120, rent=None):
    profile = new_profile()
    profile.commune.name = "Essai"
    profile.population.total = population
    profile.carrier.type = carrier
    profile.carrier.commune_support = support
    profile.carrier.staff_hours_per_week = staff
    profile.services = list(services)
    profile.buildings = [Building(name="Ancienne école", owner=owner, surface_m2=surface,
                                  state=state, accessible=accessible, monthly_rent_eur=rent)]
    return profile


@pytest.fixture
def shipped_programmes():
    """Whatever a test chose, the shipped programmes file is back afterwards."""
    yield
    use_programmes(None)


# --- the programmes table ------------------------------------------------------------


def test_every_programme_has_a_status_a_date_and_a_source():
    for prog in KB.programmes:
        assert prog.status in ("open", "closed", "to_check"), prog.programme_id
        assert datetime.date.fromisoformat(prog.checked_on) <= datetime.date(2026, 12, 31)
        assert len(prog.source) > 20, prog.programme_id
        assert prog.pays and prog.target in ("project", "people"), prog.programme_id
    assert KB.programmes_checked_on == "2026-12-03"


def test_the_programmes_the_issue_names_are_there_with_their_status():
    status = {p.programme_id: p.status for p in KB.programmes}
    expected = {"detr": "open", "dsil": "open", "fit_2026": "closed",
                "anct_fabrique_territoire": "closed", "fonds_vert": "to_check",
                "leader": "to_check", "feder": "to_check", "fse": "open", "pec": "to_check",
                "service_civique": "open", "villages_avenir": "to_check",
                "petites_villes_demain": "to_check", "banque_territoires_ingenierie": "open",
                "anct_ingenierie": "open", "france_services": "open", "dla": "open",
                "france_active": "open", "region_tiers_lieux": "to_check", "tepcv": "closed"}
    assert {k: status[k] for k in expected} == expected
    fse = KB.programme("fse")
    assert fse.target == "people" and "pas l'ouverture" in fse.terms
    assert "préfet de région" in KB.programme("pec").terms
    assert "remplacer un emploi" in KB.programme("service_civique").terms
    assert "contrepartie publique nationale" in KB.programme("leader").terms
    assert "2023" in KB.programme("anct_fabrique_territoire").terms


def test_the_study_funding_stays_as_the_study_gives_it():
    # the ten sites' funding events are untouched and still point at known programmes
    assert len(KB.funding) == 19
    plan_b = [f for f in KB.funding if f.site_id == "plan_b" and f.amount_eur]
    assert [(f.amount_eur, f.rate) for f in plan_b] == [(50000, 1.0)]


def _copy_programmes(tmp_path: Path, change=None) -> Path:
    target = tmp_path / "programmes-2027.csv"
    shutil.copyfile(resource("knowledge", "programmes.csv"), target)
    if change:
        with target.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        change(rows)
        with target.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
    return target


def _set(rows, row, column, value):
    rows[row - 1][rows[0].index(column)] = value


@pytest.mark.parametrize("column, value, expected", [
    ("status", "ouvert", "n'est pas une valeur permise (attendu : open, closed, to_check)"),
    ("checked_on", "2026-13-01", "n'est pas une date AAAA-MM-JJ"),
    ("checked_on", "décembre 2026", "n'est pas une date AAAA-MM-JJ"),
    ("source", "", "valeur obligatoire manquante"),
    ("pays", "loyer", "n'est pas une valeur permise"),
])
def test_a_wrong_programmes_file_is_refused_naming_file_row_and_column(
        tmp_path, column, value, expected):
    path = _copy_programmes(tmp_path, lambda rows: _set(rows, 4, column, value))
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(programmes=path)
    message = str(caught.value)
    assert message.startswith(f"Fichier programmes-2027.csv, ligne 4 (ligne 1 = en-têtes), "
                              f"colonne « {column} »")
    assert expected in message and "\n" not in message


def test_a_newer_programmes_file_is_used_without_reinstalling(tmp_path, shipped_programmes):
    path = _copy_programmes(tmp_path, lambda rows: [
        _set(rows, r, "checked_on", "2027-02-01") for r in range(2, len(rows) + 1)])
    kb = use_programmes(path)
    assert kb.programmes_checked_on == "2027-02-01" and knowledge() is kb
    result = analyse(_profile(), directory=False)
    assert result.finance.funding_checked_on == "2027-02-01"
    assert result.versions["programmes"] == "2027-02-01"
    assert result.versions["programmes_file"] == str(path.resolve())
    use_programmes(None)
    assert knowledge().programmes_checked_on == "2026-12-03"
    assert PROGRAMMES_ENV not in __import__("os").environ


def test_a_wrong_newer_file_changes_nothing(tmp_path, shipped_programmes):
    path = _copy_programmes(tmp_path, lambda rows: _set(rows, 2, "status", "?"))
    with pytest.raises(KnowledgeError):
        use_programmes(path)
    assert knowledge().programmes_file == ""


def test_the_command_line_takes_a_newer_programmes_file(tmp_path, capsys, shipped_programmes):
    good = _copy_programmes(tmp_path)
    assert main(["--programmes", str(good), "knowledge"]) == 0
    err = capsys.readouterr().err
    assert "Données de financement vérifiées le 3 décembre 2026" in err
    bad = tmp_path / "absent.csv"
    assert main(["--programmes", str(bad), "knowledge"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fichier de programmes refusé : Fichier absent.csv : fichier "
                          "introuvable.")
    assert "Traceback" not in err


# --- the tailored plan -----------------------------------------------------------------


def _plan(profile):
    return analyse(profile, directory=False)


def test_an_association_in_a_village_with_the_commune_lending_its_school():
    result = _plan(_profile(carrier="association", population=600))
    f = result.finance
    ids = [x.programme_id for x in f.funding]
    # the commune, owner of the building, asks the DETR for the works; a volunteer
    # association (no staff) is not a DLA case; FSE+ and PEC are rules, not levers
    assert "detr" in ids and "dla" not in ids and "france_active" in ids
    detr = next(x for x in f.funding if x.programme_id == "detr")
    assert detr.applicant == "commune" and detr.covered == ("investment",)
    assert "propriétaire du local" in detr.fit
    assert {x.programme_id for x in f.funding_people} >= {"fse", "pec", "service_civique"}
    assert f.levers[:2] == ("anct_ingenierie", "detr")
    if f.public_support_per_year_eur > 0:  # a running deficit: a third lever for running costs
        assert f.levers[2:] == ("france_active",)
    step = next(s for s in result.verdict.next_steps if "leviers" in s)
    assert "Ingénierie sur mesure de l'ANCT" in step and "DETR" in step
    assert "vérifié le 3 décembre 2026" in step


def test_a_staffed_association_gets_the_dla():
    ids = [x.programme_id for x in _plan(_profile(carrier="association", population=600,
                                                  staff=20)).finance.funding]
    assert "dla" in ids


def test_a_commune_of_3000():
    f = _plan(_profile(carrier="commune", population=3000)).finance
    ids = [x.programme_id for x in f.funding]
    assert {"detr", "dsil", "anct_ingenierie", "banque_territoires_ingenierie",
            "villages_avenir"} <= set(ids)
    assert "dla" not in ids and "france_active" not in ids  # not for a commune
    assert f.levers[:2] == ("anct_ingenierie", "detr")
    assert [x.status for x in f.funding] == sorted(
        (x.status for x in f.funding), key=lambda s: s != "open")  # open ones first


def test_a_town_of_25000_loses_the_rural_programmes():
    ids = [x.programme_id for x in _plan(_profile(population=25000)).finance.funding]
    assert "detr" not in ids and "villages_avenir" not in ids
    assert "banque_territoires_ingenierie" not in ids and "dsil" in ids


def test_an_intercommunality():
    f = _plan(_profile(carrier="epci", population=3000)).finance
    ids = [x.programme_id for x in f.funding]
    # Villages d'avenir helps communes only: here the supporting commune would ask for it
    villages = next(x for x in f.funding if x.programme_id == "villages_avenir")
    assert villages.applicant == "support" and villages.covered == ("engineering",)
    assert {"detr", "dsil", "anct_ingenierie"} <= set(ids)
    alone = _plan(_profile(carrier="epci", population=3000, owner="epci", support="none"))
    assert "villages_avenir" not in [x.programme_id for x in alone.finance.funding]
    assert f.levers[:2] == ("anct_ingenierie", "detr")


def test_france_services_only_for_a_place_with_public_services():
    plain = _plan(_profile()).finance
    desk = _plan(_profile(services=("open_space", "public_services"))).finance
    assert "france_services" not in [x.programme_id for x in plain.funding]
    fs = next(x for x in desk.funding if x.programme_id == "france_services")
    assert "deux agents" in fs.terms and fs.ceiling_eur == 50000


def test_fonds_vert_needs_works_on_a_public_building():
    assert "fonds_vert" in [x.programme_id for x in _plan(_profile()).finance.funding]
    private = _plan(_profile(owner="private", support="none", rent=600)).finance
    assert "fonds_vert" not in [x.programme_id for x in private.funding]


def test_every_funding_line_in_the_json_carries_status_date_and_source():
    data = _plan(_profile()).to_dict()["finance"]
    for line in data["funding"] + data["funding_people"] + data["funding_history"]:
        assert line["status"] in ("open", "to_check", "closed")
        assert line["checked_on"] == "2026-12-03" and line["source"]
    assert all(x["status"] != "closed" for x in data["funding"])
    assert {x["status"] for x in data["funding_history"]} == {"closed"}


CARRIERS = ("association", "commune", "epci", "public_agency", "cooperative", "company",
            "network", "undecided")


@pytest.mark.parametrize("carrier", CARRIERS)
def test_a_closed_programme_never_appears_in_the_next_steps(carrier):
    closed = [p for p in KB.programmes if p.status == "closed"]
    for population, owner, services, staff in itertools.product(
            (300, 3000, 25000), ("commune", "private"),
            (("open_space",), ("open_space", "public_services")), (None, 20)):
        result = _plan(_profile(carrier=carrier, population=population, owner=owner,
                                services=services, staff=staff,
                                support="premises" if owner == "commune" else "none",
                                rent=None if owner == "commune" else 500))
        f = result.finance
        by_id = {x.programme_id: x for x in f.funding}
        assert all(by_id[lever].status != "closed" for lever in f.levers)
        assert 0 < len(f.levers) <= 3 or not f.funding
        steps = " ".join(result.verdict.next_steps)
        for prog in closed:
            assert prog.name not in steps, (carrier, population, prog.programme_id)


# --- costs in today's euros, recomputed by hand -----------------------------------------


def test_index_values_have_their_source_and_date_in_the_parameters():
    params = _params()
    for key in ("index_bt01_study", "index_bt01_latest", "index_cpi_study", "index_cpi_latest"):
        assert params(key) > 0 and params.source(key)
    assert "2025" in params.source("index_bt01_latest")
    assert "reconstituée" in params.source("index_bt01_study")  # stated, not found


def test_heavy_works_fees_contingency_and_accessibility_by_hand():
    profile = _profile(state="heavy_works", accessible=False, surface=60)
    result = _plan(profile)
    lines = {x.label: x for x in result.finance.investment}
    used = result.sizing.surface_m2 if result.sizing.surface_m2 < 60 else 60
    # 333 €/m² of 2014 × 132,0 ÷ 107,5 (BT01) = 408,893 €/m²
    works = round(used * 333 * 132.0 / 107.5, 2)
    # 10 775 € of 2010 (the survey's year, BT01 base 100) × 132,0 ÷ 100
    access = round(10775 * 132.0 / 100, 2)
    base = works + access
    amounts = sorted(x.amount_eur for x in result.finance.investment)
    for expected in (works, access, round(base * 0.12, 2), round(base * 0.10, 2)):
        assert min(abs(a - expected) for a in amounts) < 0.02, expected
    work_line = next(x for x in lines.values() if x.label.startswith("Travaux (réhabilitation"))
    assert "409" in work_line.label and "BT01" in work_line.source and "1,228" in work_line.source
    assert any("accessibilité" in label for label in lines)


def test_an_overridden_works_rate_is_todays_euros_and_not_indexed():
    profile = _profile(state="heavy_works", surface=60)
    profile.assumptions = {"works_heavy_eur_per_m2": 500}
    result = _plan(profile)
    works = result.finance.investment[0]
    assert works.overridden and works.amount_eur == pytest.approx(
        min(60, result.sizing.surface_m2) * 500)


def test_network_entry_fee_of_2017_indexed_on_consumer_prices():
    f = _plan(_profile(carrier="network", owner="private", support="none", rent=500)).finance
    entry = next(x for x in f.investment if x.label.startswith("Droit d'entrée"))
    assert entry.amount_eur == round(3000 * 119.89 / 101.43, 2)  # 3 546,00 €


def test_premises_lent_free_are_valued_as_support_in_kind():
    f = _plan(_profile(carrier="association", population=600, surface=100)).finance
    # 100 m² × 5 €/m²/month of 2017 × 119,89 ÷ 101,43 × 12 months
    assert f.in_kind_total_eur == round(100 * 5 * 119.89 / 101.43 * 12, 2)
    assert "9-1" in f.in_kind_advice and "L2125-1" in f.in_kind_advice
    assert "association" in f.in_kind_advice
    # a commune using its own building, or a rented one, is no support in kind
    assert _plan(_profile(carrier="commune")).finance.in_kind == ()
    assert _plan(_profile(carrier="association", rent=300)).finance.in_kind == ()


def test_staff_cost_references_for_the_operating_side():
    params = _params()
    # SMIC 12,02 €/h × 35 h × 52 / 12 = 1 823,03 € a month; × 12 × 1,42 ÷ (35 h × 47 weeks)
    assert costs_mod.hourly_staff_cost(params) == pytest.approx(
        12.02 * 35 * 52 * 1.42 / (35 * 47), rel=1e-9)
    assert costs_mod.facilitator_hourly_cost(params) == pytest.approx(
        2083 * 12 * 1.42 / (35 * 47), rel=1e-9)


# --- tax statements ----------------------------------------------------------------------


def test_no_resource_says_the_cvae_goes_to_the_commune():
    claim = re.compile(r"CVAE[^.]{0,120}(versée|revient|profite|rattach)[^.]{0,60}commune",
                       re.IGNORECASE)
    for folder in ("resources", "reports", "desktop"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".toml", ".j2", ".csv", ".json", ".py", ".md", ".ts"):
                text = path.read_text(encoding="utf-8", errors="ignore")
                assert not claim.search(text), path


def test_no_advice_text_offers_a_closed_programme_as_current():
    # closed programmes are named only by the programmes file, as history
    for path in list((ROOT / "resources" / "analysis" / "text").glob("*.toml")) + list(
            (ROOT / "resources" / "templates" / "note").glob("*.j2")):
        text = path.read_text(encoding="utf-8")
        for name in ("Fabrique", "TEPCV", "fonds d'investissement pour les territoires"):
            assert name.lower() not in text.lower(), (path.name, name)
    practice = KB.practices[[p.practice_id for p in KB.practices].index(
        "contrats_aides_animation")]
    assert "préfet de région" in practice.text and "remplacer un emploi" in practice.text
    # its title is all the note's checklist prints: it said « Financer l'animation par un
    # contrat aidé ou un service civique » beside the plan's « un volontaire ne peut jamais
    # remplacer un emploi »
    assert not practice.title.startswith("Financer") and "règles" in practice.title


def test_an_intercommunality_is_not_judged_by_its_commune_s_size():
    # the DETR line of an EPCI project said « commune de 25 000 habitants (dispositif réservé
    # aux communes de 20 000 habitants au plus) » and dropped it: the limit is for communes
    f = _plan(_profile(carrier="epci", population=25000, owner="epci", support="none")).finance
    detr = next(x for x in f.funding if x.programme_id == "detr")
    assert detr.applicant == "epci" and "commune de 25" not in detr.fit
    assert "pour une intercommunalité qui le demande, l'éligibilité est à vérifier" in detr.fit
    # a commune of that size still loses it
    assert "detr" not in [x.programme_id for x in _plan(_profile(
        carrier="commune", population=25000)).finance.funding]
