"""reports.french: elision, contractions, agreement and punctuation, on real commune and
site names."""

from __future__ import annotations

import html

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reports.french import a, agree, de, de_place, elides, french_faults, que, tidy
from reports.note.text import environment


@pytest.mark.parametrize("name, expected", [
    ("Espéraza", "d'Espéraza"),  # vowel with accent
    ("Ax-les-Thermes", "d'Ax-les-Thermes"),
    ("Auterive", "d'Auterive"),
    ("Île-Rousse", "d'Île-Rousse"),
    ("Œuilly", "d'Œuilly"),
    ("Hyères", "d'Hyères"),  # h muet
    ("Hautes-Rives", "de Hautes-Rives"),  # h aspiré
    ("Honfleur", "de Honfleur"),  # h aspiré
    ("Yssingeaux", "d'Yssingeaux"),  # y before a consonant sounds as a vowel
    ("Yutz", "de Yutz"),  # y before a vowel is a consonant
    ("Prades", "de Prades"),
    ("Le Tiers-Lieu", "du Tiers-Lieu"),
    ("Le Plan B", "du Plan B"),
    ("Les Cabannes", "des Cabannes"),
    ("La Grasse", "de La Grasse"),  # « la » does not contract
    ("L'Isle-Jourdain", "de L'Isle-Jourdain"),
    ("El Quadrat", "d'El Quadrat"),
    ("ANCT", "de ANCT"),  # an acronym is spelled out: left alone
])
def test_de_elides_and_contracts(name, expected):
    assert de(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("Prades", "à Prades"), ("Le Plan B", "au Plan B"), ("Les Cabannes", "aux Cabannes"),
    ("La Grasse", "à La Grasse"), ("Auterive", "à Auterive"),
])
def test_a_contracts_with_le_and_les(name, expected):
    assert a(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("Espace Initiative Firmin Pons", "de l'Espace Initiative Firmin Pons"),
    ("Télécentre SoLozère de Villefort", "du Télécentre SoLozère de Villefort"),
    ("Relais d'Entreprises", "du Relais d'Entreprises"),
    ("Le Tiers-Lieu de Limoux", "du Tiers-Lieu de Limoux"),
    ("El Quadrat", "d'El Quadrat"), ("Cap Work", "de Cap Work"),
])
def test_de_place_gives_a_site_named_by_a_common_noun_its_article(name, expected):
    assert de_place(name) == expected


def test_que_elides():
    assert que("Auterive") == "qu'Auterive" and que("Prades") == "que Prades"
    assert que("Hautes-Rives") == "que Hautes-Rives"


def test_elides_judges_the_first_word_only():
    assert elides("Eus") and elides("Arles-sur-Tech") and not elides("Bram")
    assert not elides("") and not elides("3 communes")


@pytest.mark.parametrize("count, singular, expected", [
    (0, "usager", "0 usager"), (1, "usager", "1 usager"), (2, "usager", "2 usagers"),
    (1.5, "usager", "2 usagers"),  # printed « 2 »: plural
    (12, "usager régulier", "12 usagers réguliers"),
    (3, "bureau fermé", "3 bureaux fermés"), (2, "poste de travail", "2 postes de travail"),
    (2, "local", "2 locaux"),
])
def test_agree_takes_the_plural_from_two_as_printed(count, singular, expected):
    assert agree(count, singular).replace("\u202f", " ") == expected


def test_agree_with_an_irregular_plural_and_decimals():
    assert agree(2, "tiers-lieu", "tiers-lieux") == "2 tiers-lieux"
    assert agree(1.5, "usager", decimals=1) == "1,5 usager"


def test_tidy_fixes_the_joins_the_issue_quotes():
    assert tidy("Le projet de Ax-les-Thermes") == "Le projet d'Ax-les-Thermes"
    assert tidy("sur le modèle de Le Tiers-Lieu") == "sur le modèle du Tiers-Lieu"
    assert tidy("comme à Le Plan B") == "comme au Plan B"
    assert tidy("De Les Cabannes à Quillan") == "Des Cabannes à Quillan"
    assert tidy("Fin.. Suite") == "Fin. Suite"
    assert tidy("fin. ; suite") == "fin ; suite"
    assert tidy("Attendez...") == "Attendez..." and tidy("Attendez…") == "Attendez…"
    assert tidy("de Hautes-Rives et de ANCT") == "de Hautes-Rives et de ANCT"
    assert tidy("le projet de ma commune") == "le projet de ma commune"  # lower case: a word


def test_french_faults_name_what_tidy_prevents():
    text = ("Le projet de Ax-les-Thermes, sur le modèle de Le Tiers-Lieu.. 2 usager. ; "
            "3 usagers régulier")
    faults = french_faults(text)
    assert len(faults) == 6, faults
    assert french_faults(tidy("Le projet de Ax-les-Thermes. ; ok")) == []
    assert french_faults("2 tiers-lieux, 2 bureaux, 12 ans, 1 234 usagers, 1 usager") == []


def test_one_takes_the_singular():
    faults = french_faults("Hypothèse basse : 1 usagers ; 1 tiers-lieux ; dans 1 communes")
    assert faults == ["accord : « 1 usagers »", "accord : « 1 tiers-lieux »",
                      "accord : « 1 communes »"]
    assert tidy("1 habitants, 1 actifs occupés dans 1 communes, 11 habitants, 1 bureaux") == (
        "1 habitant, 1 actif occupé dans 1 commune, 11 habitants, 1 bureau")
    assert french_faults("1 usager, 1,5 usager, 1\u202f000 habitants, de 1 à 3 usagers, "
                         "1 actif occupé, 21 postes") == []


def test_filters_are_registered_for_every_template():
    env = environment()
    out = env.from_string("{{ 'Espéraza'|de }} {{ 'Le Plan B'|a }} {{ 2|agree('usager') }}"
                          " {{ 'de Le Plan B..'|tidy }}").render()
    assert html.unescape(out) == "d'Espéraza au Plan B 2 usagers du Plan B."  # autoescaped


def test_none_is_aucun_in_sentences():
    from reports.analysis.texts import counted

    assert counted(0, "common.nouns.third_place") == "aucun tiers-lieu"
    assert counted(2, "common.nouns.third_place") == "2 tiers-lieux"
    assert french_faults("0 tiers-lieu à moins de 20 minutes de route")
    assert french_faults("10 indépendants et 0 télétravailleur connus")
    assert not french_faults("Hypothèse basse : 0 usagers ; 0,5 tiers-lieu pondéré")


PLAIN_PATTERNS = {  # tidy's patterns as first written; reports.french has faster equivalents
    "_DE_ARTICLE": r"\b([Dd]e|[Àà]) (Le|Les) (?=\S)",
    "_DE_VOWEL": r"\b([Dd]e|[Qq]ue) (?=[A-ZÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ])(\w[\w\-'’]*)",
    "_DOUBLE_STOP": r"(?<![.…])\.\s*\.(?!\.)",
    "_ONE_PLURAL": r"(?<![\d,.\u202f\u00a0])\b1 (?:(actifs occupés)|(usager|indépendant|"
                   r"télétravailleur|poste|bureau|tiers-lieu|trajet|an|jour|salarié|habitant|"
                   r"commune|actif)[sx])\b",
}
PIECES = ["de ", "De ", "à ", "À ", "que ", "Que ", "Le ", "Les ", "Auterive", "Hautes", "ÉCOLE",
          "Œuvre", "d", "q", "e", "x", "é", "3", "_", " ", "\n", ".", "..", "…", ";", "-", "'",
          "’", "<b>", "</b>", "\u00a0", "1 ", "1", "habitants", "usagers ", "actifs occupés",
          ",", "\u202f"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
@example(["x", "de ", "Auterive"])
@example(["é", "à ", "Les ", "x"])
@example(["…", ".", "."])
@example(["x", "1 ", "habitants"])
@example([",", "1 ", "usagers "])
def test_tidy_patterns_match_where_the_plain_ones_do(pieces):
    import re

    from reports import french

    text = "".join(pieces)
    for name, plain in PLAIN_PATTERNS.items():
        fast = getattr(french, name)
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
            (m.span(), m.groups()) for m in re.finditer(plain, text)], (name, text)
