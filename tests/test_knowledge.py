"""The knowledge base against the 2017 study, fiche by fiche, and its integrity."""

from __future__ import annotations

import dataclasses
import re

import pytest

from reports.knowledge import CONDITION_KEYS, KnowledgeBase, knowledge

# Copied by hand from the fiches of the study (not from the CSV):
# site_id: (population, emplois au LT, actifs occupés 15-64, ZAU 2010 as printed -> code,
#           concentration as printed, class as printed, carrier type)
STUDY = {
    "el_quadrat": (5835, 2407, 1595, "221", 1.51, "employeuse", "association"),
    "plan_b": (1298, 128, 533, "112", 0.24, "résidentielle", "association"),
    "cocotte_numerique": (1893, 1108, 753, "400", 1.47, "employeuse", "epci"),
    "relais_entreprises": (24725, 10953, 10237, "111", 1.07, "équilibrée", "network"),
    "firmin_pons": (9252, 2539, 3825, "112", 0.66, "résidentielle", "commune"),
    "pop_coworking": (3441, 1293, 1129, "300", 1.15, "équilibrée", "company"),
    "solozere_villefort": (604, 225, 207, "400", 1.09, "équilibrée", "public_agency"),
    "tiers_lieu_limoux": (10166, 5593, 3265, "211", 1.71, "employeuse", "cooperative"),
    "cap_work": (2384, 925, 982, "111", 0.94, "équilibrée", "public_agency"),
    "labor_lab": (2524, 842, 780, "400", 1.08, "équilibrée", "association"),
}

# Printed ZAU wording of each fiche and the INSEE code it names.
ZAU_WORDING = {
    "Petit pôle": "221", "Couronne d'un grand pôle": "112", "Couronne de grand pôle": "112",
    "Commune isolée hors infl.": "400", "Grand pôle": "111", "Moyen pôle": "211",
    "Commune multipolarisée": "300",
}

# Figure fields of Site that must each cite the study when filled in.
FIGURE_FIELDS = (
    "population", "age_15_64", "active_15_64", "employed_15_64", "jobs", "zau2010",
    "concentration", "concentration_class", "visit_date", "opening_date", "carrier_type",
    "building_origin", "building_owner", "surface_m2", "workstations", "closed_offices",
    "meeting_rooms", "regular_users", "members", "volunteer_run", "staff_hours_per_week",
    "assisted_contracts", "investment_eur", "subsidy_rate", "monthly_rent_eur",
    "operating_eur_per_year", "revenue_eur_per_year", "catchment_minutes_min",
    "catchment_minutes_max",
)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge()


def test_ten_sites_of_the_study(kb):
    assert sorted(s.site_id for s in kb.sites) == sorted(STUDY)


@pytest.mark.parametrize("site_id", sorted(STUDY))
def test_site_figures_match_the_fiche(kb, site_id):
    population, jobs, employed, zau, printed, klass, carrier = STUDY[site_id]
    site = kb.site(site_id)
    assert (site.population, site.jobs, site.employed_15_64) == (population, jobs, employed)
    assert site.zau2010 == zau
    assert site.concentration == printed
    assert site.concentration_class == klass
    assert site.carrier_type == carrier


@pytest.mark.parametrize("site_id", sorted(STUDY))
def test_recomputed_concentration_gives_the_printed_figure(kb, site_id):
    _population, jobs, employed, _zau, printed, _klass, _carrier = STUDY[site_id]
    assert f"{jobs / employed:.2f}" == f"{printed:.2f}"
    site = kb.site(site_id)
    assert f"{site.jobs / site.employed_15_64:.2f}" == f"{site.concentration:.2f}"


@pytest.mark.parametrize("site_id", sorted(STUDY))
def test_thresholds_put_each_site_in_its_printed_class(kb, site_id):
    _p, jobs, employed, _zau, _printed, klass, _carrier = STUDY[site_id]
    assert kb.concentration_class(jobs / employed) == klass


def test_thresholds_are_the_settings_and_sit_between_the_study_values(kb):
    low = kb.setting("concentration_residential_max")
    high = kb.setting("concentration_employing_min")
    assert 0.66 < low < 0.94 and 1.15 < high < 1.47
    assert kb.concentration_class(low - 0.01) == "résidentielle"
    assert kb.concentration_class(low) == "équilibrée"
    assert kb.concentration_class(high) == "équilibrée"
    assert kb.concentration_class(high + 0.01) == "employeuse"
    assert kb.concentration_code(0.24) == "residential"


def test_zau_wording_of_the_fiches_maps_to_the_stored_codes(kb):
    for site in kb.sites:
        quote = kb.sources_for(site.site_id, "zau2010")[0].quote
        printed = re.sub(r"\s*\[.*\]$", "", quote)  # drop the auditor's bracketed note
        wording = printed.removeprefix("Typologie ZAU 2010 ").replace("’", "'")
        assert ZAU_WORDING[wording] == site.zau2010, site.site_id


def test_ambiguous_zau_label_says_so_in_its_source(kb):
    # "Commune multipolarisée" may be 120 (des grandes aires urbaines) or 300 (autre).
    quote = kb.sources_for("pop_coworking", "zau2010")[0].quote
    assert "ambigu" in quote and "120" in quote and "300" in quote


def test_population_structure_is_coherent(kb):
    for s in kb.sites:
        assert s.population > s.age_15_64 > s.active_15_64 > s.employed_15_64, s.site_id


def test_every_filled_figure_cites_the_study(kb):
    for site in kb.sites:
        for name in FIGURE_FIELDS:
            if getattr(site, name) is not None:
                assert kb.sources_for(site.site_id, name), (site.site_id, name)


def test_every_tariff_and_funding_row_cites_the_study(kb):
    for tariff in kb.tariffs:
        assert kb.sources_for(tariff.site_id, f"tarif:{tariff.offer}"), tariff
    for event in kb.funding:
        key = f"financement:{event.programme_id or 'non_precise'}"
        assert kb.sources_for(event.site_id, key), event


def test_references_resolve(kb):
    ids = {s.site_id for s in kb.sites}
    for rows in (kb.tariffs, kb.funding, kb.sources):
        assert {r.site_id for r in rows} <= ids
    for p in kb.practices:
        assert p.site_ids and set(p.site_ids) <= ids
    for p in kb.programmes:
        assert set(p.site_ids) <= ids
    for event in kb.funding:
        if event.programme_id is not None:
            kb.programme(event.programme_id)
    for site in kb.sites:
        assert site.site_id in kb.typology(site.typology_id).site_ids


def test_counts_and_each_site_in_exactly_one_typology(kb):
    assert len(kb.practices) >= 20
    assert 5 <= len(kb.typologies) <= 7
    listed = [sid for t in kb.typologies for sid in t.site_ids]
    assert sorted(listed) == sorted(STUDY)


def test_typologies_are_the_architecture_ones(kb):
    expected = {
        "independents_association": {"el_quadrat", "plan_b"},
        "municipal_coworking": {"firmin_pons"},
        "public_telecentre": {"solozere_villefort", "cap_work"},
        "hybrid_fablab": {"cocotte_numerique", "labor_lab"},
        "cooperative": {"tiers_lieu_limoux"},
        "private_network": {"relais_entreprises"},
        "company_hosted": {"pop_coworking"},
    }
    assert {t.typology_id: set(t.site_ids) for t in kb.typologies} == expected


def test_practices_cover_every_theme_and_use_the_vocabulary(kb):
    themes = {p.theme for p in kb.practices}
    assert themes == {"governance", "building", "economics", "communication", "services",
                      "network", "funding", "timing"}
    for p in kb.practices:
        assert set(p.conditions) <= set(CONDITION_KEYS)
        assert 2 <= len(re.findall(r"[.!?](?:\s|$)", p.text)) <= 4, p.practice_id


def test_paid_animation_debate_keeps_both_positions(kb):
    debated = [p for p in kb.practices if p.debated]
    assert all(p.position for p in debated)
    for_animation = kb_practice(kb, "animation_necessaire")
    against = kb_practice(kb, "animation_pas_necessaire")
    assert for_animation.debated and against.debated
    assert "relais_entreprises" in against.site_ids
    assert {"solozere_villefort", "tiers_lieu_limoux"} <= set(for_animation.site_ids)
    assert "Aquitaine" in for_animation.text


def kb_practice(kb, practice_id):
    return next(p for p in kb.practices if p.practice_id == practice_id)


def test_renamed_programmes_give_present_names(kb):
    assert kb.programme("france_services").former_name.startswith("Maison de services")
    assert kb.programme("france_services").renamed_in == 2020
    assert "CUI" in kb.programme("pec").former_name
    assert kb.programme("pec").renamed_in == 2018
    assert "DATAR" in kb.programme("anct_appels").former_name
    assert kb.programme("anct_appels").renamed_in == 2020
    assert "CGET" in kb.programme("anct_appels").pays_for  # DATAR -> CGET (2014) -> ANCT
    present_day = {p.programme_id for p in kb.programmes if not p.from_study}
    assert {"detr", "dsil", "anct_fabrique_territoire", "fonds_vert", "villages_avenir",
            "petites_villes_demain", "anct_ingenierie", "banque_territoires_ingenierie",
            "dla", "france_active", "region_tiers_lieux"} <= present_day
    assert all(not kb.programme(pid).site_ids for pid in present_day)


def test_settings_have_sources_and_expected_values(kb):
    assert kb.setting("fill_rate_target") == 0.7
    assert (kb.setting("catchment_minutes_min"), kb.setting("catchment_minutes_max")) == (15, 25)
    assert kb.setting("telework_commute_minutes") == 50
    for setting in kb.settings.values():
        assert setting.source.startswith(("étude 2017, fiche", "valeur par défaut : "))
    bands = kb.setting("population_bands")
    for site in kb.sites:
        pop = site.population
        hits = [b for b in bands if b["min"] <= pop and (b["max"] is None or pop <= b["max"])]
        assert len(hits) == 1, site.site_id


def test_knowledge_base_is_immutable_and_cached(kb):
    assert knowledge() is kb
    with pytest.raises(dataclasses.FrozenInstanceError):
        kb.sites[0].population = 1
    with pytest.raises(TypeError):
        kb.practices[0].conditions["staffed"] = True
    assert isinstance(kb.sites, tuple) and isinstance(kb.sites[0].services, tuple)


# Every price the study prints, by site: (unit, price in €), from the fiches.
STUDY_PRICES = {
    "el_quadrat": {("month", 35)},
    "cocotte_numerique": {("half_day", 6), ("day", 10)},
    "firmin_pons": {("half_day", 3), ("day", 5), ("pass", 20), ("month", 50), ("day", 10),
                    ("week", 30), ("month", 100), ("quarter", 200)},
    "pop_coworking": {("month", 120), ("day", 12), ("half_day", 45), ("day", 80)},
    "solozere_villefort": {("day", 0)},
    "tiers_lieu_limoux": {("day", 0)},
    "cap_work": {("pass", 80), ("day", 0), ("day", 8)},
    "labor_lab": {("day", 1), ("day", 2), ("day", 9)},
    "relais_entreprises": {("month", 30)},  # franchise royalty per office, paid by the place
}


@pytest.mark.parametrize("site_id", sorted(STUDY))
def test_tariffs_are_the_printed_prices(kb, site_id):
    prices = {(t.unit, t.price_eur) for t in kb.tariffs_for(site_id)}
    assert prices == STUDY_PRICES.get(site_id, set())


def test_lookups(kb):
    assert kb.site("plan_b").commune == "Montpeyroux"
    assert [t.price_eur for t in kb.tariffs_for("cocotte_numerique")] == [6, 10]
    assert kb.tariffs_for("plan_b") == ()  # "Les tarifs n'ont jamais évolué", none printed
    with pytest.raises(KeyError):
        kb.site("inconnu")


def test_summary_names_the_counts(kb):
    text = kb.summary()
    assert text.startswith(f"10 sites, {len(kb.practices)} bonnes pratiques")
    assert f"{len(kb.typologies)} typologies" in text
    assert f"{len(kb.programmes)} programmes" in text


# Details of the printed tariffs, from the fiches: (site, offer) -> (space, unit, pass_units,
# price, tax, public).
STUDY_TARIFF_DETAILS = {
    ("firmin_pons", "Open space carnet"): ("open_space", "pass", 10, 20, None, "tous"),
    ("firmin_pons", "Bureau fermé trimestre"): ("closed_office", "quarter", None, 200, None,
                                                "tous"),
    ("pop_coworking", "Résident"): ("open_space", "month", None, 120, "HT", "tous"),
    ("pop_coworking", "Passage"): ("open_space", "day", None, 12, "HT", "tous"),
    ("pop_coworking", "Salle de réunion demi-journée"): ("meeting_room", "half_day", None, 45,
                                                         "HT", "tous"),
    ("cap_work", "Pass 10 jours"): ("open_space", "pass", 10, 80, None, "tous"),
    ("cap_work", "Bureau nomade du télécentre (2005)"): ("closed_office", "day", None, 8, None,
                                                         "solos"),
    ("labor_lab", "Solidaire sans PC"): ("open_space", "day", None, 1, None, "solidaire"),
    ("labor_lab", "Tarif normal"): ("open_space", "day", None, 9, None, "tous"),
    ("tiers_lieu_limoux", "Coworking open space coopérateurs"): ("open_space", "day", None, 0,
                                                                 None, "coopérateurs"),
    ("relais_entreprises", "Redevance de franchise par bureau"): ("closed_office", "month", None,
                                                                  30, None, "lieux affiliés"),
}


@pytest.mark.parametrize("key", sorted(STUDY_TARIFF_DETAILS))
def test_tariff_details_match_the_fiche(kb, key):
    site_id, offer = key
    tariff = next(t for t in kb.tariffs_for(site_id) if t.offer == offer)
    assert (tariff.space, tariff.unit, tariff.pass_units, tariff.price_eur, tariff.tax,
            tariff.public) == STUDY_TARIFF_DETAILS[key]


def test_only_bram_prints_tax_exclusive_prices(kb):
    assert {t.site_id for t in kb.tariffs if t.tax} == {"pop_coworking"}
    assert all(t.tax == "HT" for t in kb.tariffs_for("pop_coworking"))


# Premises as the fiches give them: (surface m², workstations, closed offices, meeting rooms);
# None where the fiche gives no figure.
STUDY_PREMISES = {
    "el_quadrat": (None, None, 0, 0),  # "un espace ouvert sans lieu de confidentialité"
    "plan_b": (150, 16, None, 1),  # "16 postes de travail dans trois pièces sur 150m2"
    "cocotte_numerique": (None, None, 4, 1),  # 4 bureaux de télétravail (2006), 1 salle
    "relais_entreprises": (None, None, None, None),
    "firmin_pons": (200, 6, 4, 2),  # 200 m², 4 bureaux fermés, open space de 6 postes, 2 salles
    "pop_coworking": (None, None, 0, 1),  # "espace entièrement ouvert", la salle de réunion
    "solozere_villefort": (None, None, None, None),
    "tiers_lieu_limoux": (300, None, None, 1),  # 300 m², "une salle de réunion"
    "cap_work": (None, None, None, None),
    "labor_lab": (None, None, None, None),
}

# Capacity details the fiches print, to be found in the site's capacity note.
STUDY_CAPACITY_WORDS = {
    "firmin_pons": ("200 m²", "6 postes", "18", "45"),
    "plan_b": ("16 postes", "150 m²", "trois pièces"),
    "tiers_lieu_limoux": ("300 m²", "30 m²"),
    "cocotte_numerique": ("15 m²", "4 bureaux", "8 postes"),
}


@pytest.mark.parametrize("site_id", sorted(STUDY))
def test_premises_match_the_fiche(kb, site_id):
    site = kb.site(site_id)
    assert (site.surface_m2, site.workstations, site.closed_offices,
            site.meeting_rooms) == STUDY_PREMISES[site_id]
    for words in STUDY_CAPACITY_WORDS.get(site_id, ()):
        assert words in site.capacity_note, (site_id, words)


# Money and use the fiches give, by site: rent per month, operating cost per year, revenue
# per year, investment, its public share, regular users, employee hours per week.
STUDY_MONEY = {
    "el_quadrat": (120, 5400, None, None, None, 12, 0),  # 450 €/mois of charges x 12
    "plan_b": (None, None, None, 50000, 1.0, 20, 0),  # loyer "modeste (750€)": period unsaid
    "cocotte_numerique": (None, None, None, 160000, 0.8, 30, None),
    "relais_entreprises": (None, None, None, None, None, None, None),
    "firmin_pons": (None, None, None, None, None, 40, 28),
    "pop_coworking": (840, None, None, None, None, 3, 0),
    "solozere_villefort": (None, 40000, None, None, None, 10, None),
    "tiers_lieu_limoux": (None, None, 14000, None, None, 17, None),
    "cap_work": (None, None, None, None, None, None, None),
    "labor_lab": (None, None, None, None, None, None, None),
}


@pytest.mark.parametrize("site_id", sorted(STUDY))
def test_money_and_use_match_the_fiche(kb, site_id):
    s = kb.site(site_id)
    assert (s.monthly_rent_eur, s.operating_eur_per_year, s.revenue_eur_per_year,
            s.investment_eur, s.subsidy_rate, s.regular_users,
            s.staff_hours_per_week) == STUDY_MONEY[site_id]


def test_funding_amounts_and_rates_match_the_fiches(kb):
    got = {(f.site_id, f.programme_id): (f.amount_eur, f.rate) for f in kb.funding}
    assert got[("cocotte_numerique", "tepcv")] == (230000, 0.8)
    assert got[("cocotte_numerique", None)] == (160000, 0.8)
    assert got[("plan_b", None)] == (50000, 1.0)
    assert got[("cap_work", "contrat_revitalisation")] == (250000, None)
    assert got[("solozere_villefort", "fnadt")] == (None, 0.25)
    assert got[("solozere_villefort", "fonds_inter_operateurs")] == (None, 0.25)


_NUMBER_WORDS = {0: ("aucun", "sans", "ouvert"), 1: ("un ", "une ", "l’un", "la salle"),
                 2: ("deux",), 3: ("trois",), 4: ("quatre",), 12: ("douze",)}


def _printed(value: float) -> list[str]:
    """Ways the study may print a figure: 24725 as "24 725", "24725"; 0.8 as "80%"."""
    number = int(value) if float(value).is_integer() else value
    forms = [str(number), f"{number:,}".replace(",", " ")]
    if isinstance(number, float) and number < 1:
        forms.append(f"{round(number * 100)}%")
    return forms + [w for w in _NUMBER_WORDS.get(number, ())]


def _mentions(quote: str, value: float) -> bool:
    """The quote prints `value` (digits not glued to other digits, or in words)."""
    flat = re.sub(r"[\u00a0\u202f]", " ", quote).lower()
    for form in _printed(value):
        if form[0].isdigit():
            if re.search(rf"(?<![\d,])(?<!\d ){re.escape(form)}(?![\d]| \d\d\d)", flat):
                return True
        elif form in flat:
            return True
    return False


def _derivation(quote: str) -> bool:
    """The quote carries a bracketed note saying how the figure was derived or bounded."""
    return bool(re.search(r"\[[^\]]+\]$", quote))


NUMERIC_FIELDS = ("population", "age_15_64", "active_15_64", "employed_15_64", "jobs",
                  "surface_m2", "workstations", "closed_offices", "meeting_rooms",
                  "regular_users", "members", "assisted_contracts", "investment_eur",
                  "monthly_rent_eur", "operating_eur_per_year", "revenue_eur_per_year",
                  "catchment_minutes_min", "catchment_minutes_max")


@pytest.mark.parametrize("site_id", sorted(STUDY))
def test_each_figure_appears_in_its_quote_or_says_how_it_was_derived(kb, site_id):
    site = kb.site(site_id)
    for name in NUMERIC_FIELDS:
        value = getattr(site, name)
        if value is None:
            continue
        quote = kb.sources_for(site_id, name)[0].quote
        assert _derivation(quote) or _mentions(quote, value), (site_id, name, value, quote)


def test_each_price_and_funding_figure_appears_in_its_quote(kb):
    for t in kb.tariffs:
        quote = kb.sources_for(t.site_id, f"tarif:{t.offer}")[0].quote
        assert "gratuit" in quote if t.price_eur == 0 else _mentions(quote, t.price_eur), t
    for f in kb.funding:
        quote = kb.sources_for(f.site_id, f"financement:{f.programme_id or 'non_precise'}")[0]
        if f.amount_eur is not None:
            assert _mentions(quote.quote, f.amount_eur), f
        if f.rate is not None:
            assert ("entièrement" if f.rate == 1 else f"{round(f.rate * 100)}%") in quote.quote, f


def test_public_support_debate_keeps_both_positions(kb):
    # Villefort: "le soutien public est indispensable" ; Relais d'Entreprises: "rechercher
    # l'équilibre économique pour chaque lieu".
    practice = kb_practice(kb, "soutien_public_indispensable")
    assert practice.debated and practice.position
    assert {"solozere_villefort", "relais_entreprises"} <= set(practice.site_ids)
    assert "Villefort" in practice.position and "Relais" in practice.position


def test_franchise_entry_fees_are_kept_with_the_royalty(kb):
    (royalty,) = kb.tariffs_for("relais_entreprises")
    assert "3 000 €" in royalty.note and "1 500 €" in royalty.note


def test_every_typology_condition_threshold_is_sourced():
    """A population threshold of a typology is either the study's or a stated default."""
    from reports.fmt import fmt_number

    for typology in knowledge().typologies:
        assert typology.conditions_source.strip(), typology.typology_id
        threshold = typology.conditions.get("population_min")
        if threshold is not None:
            assert "valeur par défaut" in typology.conditions_source, typology.typology_id
            assert fmt_number(threshold).replace("\u202f", " ") in typology.conditions_source
