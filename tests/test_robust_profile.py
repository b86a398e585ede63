"""Issue #15: hostile profiles give exit 2 with a French message naming the field, or a valid
result; `validate` and `analyse` agree; `analyse` prints valid JSON or nothing."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reports.cli import main
from reports.paths import resource_path
from reports.profile import read_profile

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ("Error", "Expecting", "Traceback", "Errno", "denied", "codec", "Exceeds", "surrogate")


@pytest.fixture(scope="module")
def example():
    with resource_path("examples", "prades.tierslieu.json") as path:
        return json.loads(Path(path).read_text(encoding="utf-8"))


def _both(tmp_path, text, capsys):
    """Run validate then analyse on `text`; return {command: (code, stdout, stderr)}."""
    path = tmp_path / "p.tierslieu.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    runs = {}
    for command in ("validate", "analyse"):
        code = main([command, str(path)])
        out, err = capsys.readouterr()
        runs[command] = (code, out, err)
        assert not any(w in err.replace(str(path), "") for w in ENGLISH), err
    assert (runs["validate"][0] == 0) == (runs["analyse"][0] == 0), runs
    code, out, _ = runs["analyse"]
    if code == 0:
        json.loads(out)
        out.encode("utf-8")
    else:
        assert out == ""
    return runs


def _with(data, key, raw):
    """The profile's JSON with `"key": raw` added at the top level (raw JSON text)."""
    return json.dumps(data)[:-1] + f', "{key}": {raw}' + "}"


def test_an_integer_of_5000_digits_names_its_field(tmp_path, example, capsys):
    text = json.dumps(example).replace('"total": 5835', '"total": ' + "9" * 5000)
    runs = _both(tmp_path, text, capsys)
    assert runs["analyse"][0] == 2 and "population.total" in runs["analyse"][2]


def test_an_integer_of_5000_digits_in_an_unknown_field(tmp_path, example, capsys):
    runs = _both(tmp_path, _with(example, "x", "9" * 5000), capsys)
    assert runs["analyse"][0] == 2 and "« x »" in runs["analyse"][2]


def test_an_unknown_field_nested_500_levels(tmp_path, example, capsys):
    runs = _both(tmp_path, _with(example, "x", "[" * 500 + "]" * 500), capsys)
    assert runs["validate"][0] == 2 and "x" in runs["validate"][2]


@pytest.mark.parametrize("where", ["name", "extra"])
@pytest.mark.parametrize("char", ["\ud800", "\udcff"])
def test_lone_surrogates(tmp_path, example, capsys, where, char):
    data = json.loads(json.dumps(example))
    if where == "name":
        data["commune"]["name"] = "Prades" + char
    else:
        data["x"] = "a" + char
    runs = _both(tmp_path, json.dumps(data), capsys)
    field = "commune.name" if where == "name" else "x"
    assert runs["analyse"][0] == 2 and field in runs["analyse"][2]


@pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_non_finite_numbers_in_unknown_fields(tmp_path, example, capsys, raw):
    runs = _both(tmp_path, _with(example, "x", raw), capsys)
    assert runs["analyse"][0] == 2 and "x" in runs["analyse"][2]


def test_json_syntax_errors_are_french_with_line_and_column(tmp_path, capsys):
    path = tmp_path / "p.tierslieu.json"
    path.write_text('{"format": "tierslieu-profile",\n "commune": {"name": }}', encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "ligne 2" in err and "colonne" in err and "p.tierslieu.json" in err
    assert "Expecting" not in err and "valeur" in err


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_special_files_are_refused_at_once(tmp_path, kind):
    path = tmp_path / "p.tierslieu.json"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    profile, messages = read_profile(path)  # a FIFO would block, /dev/zero fill the memory
    assert profile is None and "fichier ordinaire" in messages[0].text


def test_unreadable_profile_is_french(tmp_path):
    profile, messages = read_profile(tmp_path / ("n" * 300 + ".json"))
    assert profile is None and "trop long" in messages[0].text


def test_analyse_to_a_full_disk_is_exit_3_in_french():
    with resource_path("examples", "prades.tierslieu.json") as path, \
            open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "reports", "analyse", str(path)],
                              cwd=ROOT, stdout=full, stderr=subprocess.PIPE, timeout=120)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 3, err
    assert "plein" in err and "Error" not in err and "Exception" not in err
