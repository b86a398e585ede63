"""Reading consultants' CSV files: encodings, separators, French cells, flattened fields."""

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.batch.csvread import CsvReadError, decode, detect_separator, parse_text, read_csv
from reports.batch.fields import (
    FIELDS,
    flatten,
    kind_of,
    template_columns,
    unflatten,
    unknown_columns,
)
from reports.batch.names import safe_stem, unique_stems
from reports.batch.prepare import make_jobs
from reports.paths import read_text
from reports.profile import profile_from_dict

ROW = "commune.name;commune.insee_code;population.total;budget.subsidy_rate;services\r\n" \
      "Prades;66149;5 835;50 %;open_space|meeting_room\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_every_excel_encoding_gives_the_same_rows(tmp_path, encoding):
    text = ROW.replace("Prades", "Saint-Étienne-d'Orthe")
    path = tmp_path / "c.csv"
    path.write_bytes(text.encode(encoding))
    table = read_csv(path)
    assert table.header[0] == "commune.name"  # no BOM left in the first column name
    assert table.rows[0][1]["commune.name"] == "Saint-Étienne-d'Orthe"
    assert table.rows[0][0] == 2  # the spreadsheet's line number


def test_cp1252_bytes_are_not_mistaken_for_utf8():
    text, encoding = decode("Béziers;Œuvre".encode("cp1252"))
    assert (text, encoding) == ("Béziers;Œuvre", "cp1252")
    assert decode(codecs.BOM_UTF8 + "é".encode())[1] == "utf-8-sig"


@pytest.mark.parametrize(("line", "sep"), [
    ("a;b;c", ";"), ("a,b,c", ","), ("a\tb\tc", "\t"), ('"x;y",b,c', ","), ("a", ";"),
])
def test_separator_is_read_on_the_header(line, sep):
    assert detect_separator(line) == sep


def test_comma_file_with_quoted_french_decimals():
    table = parse_text(
        'commune.insee_code,population.total,budget.subsidy_rate\n66149,"5 835","0,5"\n'
    )
    data, errors = unflatten(table.rows[0][1])
    assert errors == []
    assert data["population"]["total"] == 5835 and data["budget"]["subsidy_rate"] == 0.5


def test_blank_lines_and_trailing_separators_are_skipped_but_counted():
    table = parse_text("commune.insee_code;population.total;;\n66149;100;;\n;;;\n15138;200;;\n")
    assert [line for line, _ in table.rows] == [2, 4]


def test_header_problems_are_french():
    with pytest.raises(CsvReadError, match="vide"):
        parse_text("\n\n")
    with pytest.raises(CsvReadError, match="en double"):
        parse_text("population.total;Population.Total\n1;2\n")


def test_excel_workbook_is_recognised(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(b"PK\x03\x04rest of a zip")
    with pytest.raises(CsvReadError, match="Enregistrer sous"):
        read_csv(path)
    with pytest.raises(CsvReadError, match="introuvable"):
        read_csv(tmp_path / "absent.csv")


def test_cells_become_profile_values():
    data, errors = unflatten({
        "commune.insee_code": "1053", "commune.departement": "1",
        "territory.zau2010": "221,0", "buildings.1.fibre": "Oui", "buildings.0.surface_m2": "80,5",
        "buildings.0.parking": "x", "budget.opening": "01/09/2027", "services": "fablab, events",
        "budget.subsidy_rate": "0,4", "assumptions.speed_kmh": "55", "notes": "", "foo.bar": "1",
    })
    assert errors == []
    assert data["commune"] == {"insee_code": "01053", "departement": "01"}
    assert data["territory"]["zau2010"] == "221"
    assert data["buildings"] == [{"surface_m2": 80.5, "parking": True}, {"fibre": True}]
    assert data["budget"] == {"opening": "2027-09", "subsidy_rate": 0.4}
    assert data["services"] == ["fablab", "events"]
    assert data["assumptions"] == {"speed_kmh": 55}
    assert "notes" not in data and "foo" not in data


def test_unreadable_cells_get_the_profile_message_naming_the_field():
    data, errors = unflatten({"commune.name": "X", "population.total": "beaucoup",
                              "buildings.0.fibre": "peut-être"})
    assert errors == []
    _, messages = profile_from_dict(data)
    fields = {m.field: m.text for m in messages if m.level == "error"}
    assert "population.total" in fields and "nombre entier" in fields["population.total"]
    assert "buildings.0.fibre" in fields


def test_an_absurdly_long_cell_is_an_error():
    _, errors = unflatten({"notes": "x" * 5000})
    assert errors and errors[0].field == "notes" and "trop long" in errors[0].text


def test_unknown_columns_are_listed():
    assert unknown_columns(("population.total", "population.totale", "buildings.12.name", "")) == [
        "population.totale", "buildings.12.name"]
    assert kind_of("buildings.3.surface_m2") == "number"


def test_flatten_then_unflatten_is_the_same_profile():
    profile = {
        "commune": {"name": "Prades", "insee_code": "66149"},
        "population": {"total": 5835, "jobs": 2407},
        "territory": {"zau2010": "221", "minutes_to_pole": 37.5},
        "buildings": [{"name": "École", "fibre": False, "surface_m2": 150}],
        "budget": {"subsidy_rate": 0.35},
        "services": ["open_space", "events"],
    }
    row = flatten(profile)
    assert row["territory.minutes_to_pole"] == "37,5" and row["buildings.0.fibre"] == "non"
    back, errors = unflatten(row)
    assert errors == []
    for key in ("commune", "population", "territory", "buildings", "budget", "services"):
        assert back[key] == profile[key]


def test_template_is_readable_and_its_header_complete():
    table = parse_text(read_text("batch", "communes-modele.csv"))
    assert table.separator == ";" and list(table.header) == template_columns(1)
    assert unknown_columns(table.header) == []
    assert len(table.rows) >= 3
    for _, row in table.rows:
        assert unflatten(row)[1] == []


@pytest.mark.parametrize(("name", "stem"), [
    ("Saint-Étienne", "Saint-Étienne"),
    ('a<b>:c"d/e\\f|g?h*i\x07j', "a-b--c-d-e-f-g-h-i-j"),
    ("CON", "CON_"), ("lpt1.txt", "lpt1.txt_"), ("Bourg. . ", "Bourg"), ("  ", "commune"),
    ("L'Île-d'Yeu", "L'Île-d'Yeu"),
])
def test_windows_safe_names(name, stem):
    assert safe_stem(name) == stem


def test_homonyms_get_their_insee_code_and_duplicates_their_line():
    stems = unique_stems([(2, "Saint-Martin", "11111"), (3, "SAINT-MARTIN", "22222"),
                          (4, "Prades", "66149"), (5, "Prades", "66149"), (6, "Murat", "15138")])
    assert stems == {2: "Saint-Martin (11111)", 3: "SAINT-MARTIN (22222)",
                     4: "Prades (66149) - ligne 4", 5: "Prades (66149) - ligne 5", 6: "Murat"}
    assert len({s.casefold() for s in stems.values()}) == 5


COLUMNS = [c.replace("#", "0") for c in FIELDS] + ["colonne.inconnue", "buildings.3.fibre"]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_in_french(data):
    try:
        table = parse_text(decode(data)[0])
    except CsvReadError as exc:
        assert str(exc)  # a French sentence, never a traceback
        return
    make_jobs(table, lookup=None)


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.sampled_from(COLUMNS), st.text(max_size=30), max_size=12))
def test_any_row_gives_a_profile_the_validation_can_judge(row):
    data, errors = unflatten(row)
    assert all(e.field in row for e in errors)
    profile, messages = profile_from_dict(data)
    assert profile is not None or messages


def test_code_cells_take_the_french_labels_of_the_wizard():
    row = {"commune.insee_code": "66149", "buildings.0.state": "Petits travaux",
           "buildings.0.owner": "intercommunalité", "carrier.type": "Association (d'usagers, "
           "d'indépendants…)", "carrier.commune_support": "met un local à disposition",
           "territory.aav2020_category": "Commune de la couronne",
           "services": "Espace de coworking ouvert|Bureaux fermés|fablab"}
    data, errors = unflatten(row)
    assert errors == []
    assert data["buildings"] == [{"state": "light_works", "owner": "epci"}]
    assert data["carrier"] == {"type": "association", "commune_support": "premises"}
    assert data["territory"] == {"aav2020_category": 20}
    assert data["services"] == ["open_space", "closed_offices", "fablab"]
    # a word that is no label stays as typed: the profile's check names the field
    assert unflatten({"buildings.0.state": "à rénover"})[0]["buildings"] == [{"state": "à rénover"}]


def test_the_template_shows_french_labels_not_the_files_codes():
    from reports.batch.fields import LABELS

    table = parse_text(read_text("batch", "communes-modele.csv"))
    shown = 0
    for _, row in table.rows:
        for column, cell in row.items():
            labels = LABELS.get(column.replace("buildings.0.", "buildings.#."), {})
            if column.startswith("territory.") or not cell or not labels:
                continue  # INSEE's numeric codes (221) are what users know
            for part in cell.split("|"):
                assert part not in set(labels.values()), (column, part)
                shown += 1
    assert shown >= 10


def test_the_template_s_communes_raise_no_profile_warning():
    # its Prades row asked a 750 € rent for the school the commune « met à disposition »:
    # every batch run of the template listed that warning
    from reports.batch.prepare import directory_lookup, fill_commune

    table = parse_text(read_text("batch", "communes-modele.csv"))
    for _, row in table.rows:
        data, errors = unflatten(row)
        assert fill_commune(data, directory_lookup()) == []  # as the batch completes a row
        _, found = profile_from_dict(data)
        assert errors == [] and [m.text for m in found] == [], row.get("commune.name")
