"""Issue #15: generated hostile profiles, CSV rows and brand files through the command line's
entry function (in-process; notes are stubbed to a small file so that the batch and the brand
runs stay fast). Every run ends with exit 0, 2 or 3, French messages, valid JSON from
`analyse` (or nothing), and no file removed that the run did not create.

Bounded: a few dozen examples per kind, no deadline per example.
"""

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.cli import main
from reports.files import TEMP_PREFIX
from reports.paths import resource_path

ENGLISH = re.compile(r"Traceback|Errno|\b[A-Z][a-zA-Z]+Error\b|Permission denied|No such file|"
                     r"File exists|Expecting|\binvalid\b|field larger|codec|surrogates|"
                     r"\bunexpected\b|Exceeds")
FORMULA = ("=", "+", "-", "@", "\t", "\r")
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

with resource_path("examples", "prades.tierslieu.json") as _path:
    EXAMPLE = json.loads(Path(_path).read_text(encoding="utf-8"))


def _leaves(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    else:
        yield path


PATHS = sorted(_leaves(EXAMPLE), key=str)
HOSTILE_TEXT = ["=1+1", "-5", "@x", "\u202eevil", "a\x1bb", "\ud800", "\udcff", "é" * 300,
                "1e400", "NaN", "9" * 80, "", " ", "'", '"', "\x00"]
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(HOSTILE_TEXT),
    st.text(max_size=30), st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
RAW = st.sampled_from(["9" * 5000, "[" * 600 + "]" * 600, "NaN", "-Infinity", "1e999",
                       '"\\ud800"', '{"a": ' * 40 + "1" + "}" * 40])


def _set(data, path, value):
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


@st.composite
def profiles(draw):
    data = json.loads(json.dumps(EXAMPLE))
    for _ in range(draw(st.integers(1, 3))):
        _set(data, draw(st.sampled_from(PATHS)), draw(VALUES))
    text = json.dumps(data, allow_nan=True)
    if draw(st.booleans()):
        key = draw(st.sampled_from(["x", "=y", "commune"]))
        text = text[:-1] + f', "{key}": {draw(RAW)}' + "}"
    return text


def _clean(err, *paths):
    for path in paths:
        err = err.replace(str(path), "")
    found = ENGLISH.search(err)
    assert not found, err


@SETTINGS
@given(text=profiles())
def test_generated_profiles(tmp_path_factory, capsys, text):
    folder = tmp_path_factory.mktemp("profile")
    path = folder / "p.tierslieu.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    codes = {}
    for command in ("validate", "analyse"):
        codes[command] = main([command, str(path)])
        out, err = capsys.readouterr()
        assert codes[command] in (0, 2), err
        _clean(err, path, folder)
    if codes["analyse"] == 0:
        json.loads(out)
        out.encode("utf-8")
    else:
        assert out == ""
    assert (codes["validate"] == 0) == (codes["analyse"] == 0)


@pytest.fixture
def stub_notes(monkeypatch):
    """Notes written as a few bytes by the real writer: everything else runs for real."""
    from reports import produce as produce_module
    from reports.files import write_atomic

    def produce(source, output, *, formats="pdf", **_kwargs):
        written = []
        for _kind, path in produce_module.targets(output, formats):
            written.append(write_atomic(path, b"%PDF-stub"))
        return written

    monkeypatch.setattr(produce_module, "produce", produce)


CELLS = st.one_of(st.sampled_from(["", "=1+1", "+33 6", "-2", "@x", "\tTab", "1 000,5",
                                   "beaucoup", "oui", "\u202eevil", "a\x1bb", "é" * 90,
                                   "66149", "11049", "2A004", "-1e9", "NaN", "50 %",
                                   "open_space|fablab", ";", '"', "\r\n", "~tierslieu-x"]),
                  st.text(max_size=12))
COLUMNS = ["commune.name", "commune.insee_code", "population.total", "carrier.type",
           "budget.subsidy_rate", "services", "=evil()"]


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(st.lists(CELLS, min_size=len(COLUMNS), max_size=len(COLUMNS)),
                     min_size=1, max_size=3),
       stray=st.sampled_from([b"", b"\x9d", b"\xff", b"\xc3"]))
def test_generated_csv_rows(tmp_path_factory, capsys, stub_notes, rows, stray):
    import csv
    import io

    folder = tmp_path_factory.mktemp("csv")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8", errors="surrogatepass")
    if stray:
        data = data[:-2] + stray + data[-2:]
    source = folder / "c.csv"
    source.write_bytes(data)
    out = folder / "out"
    out.mkdir()
    mine = {out / f"{TEMP_PREFIX}mes-notes.txt": b"a", out / "notes.txt": b"b"}
    for path, content in mine.items():
        path.write_bytes(content)
    code = main(["batch", str(source), "--out", str(out), "--jobs", "1", "--quiet"])
    _, err = capsys.readouterr()
    assert code in (0, 2, 3), err
    _clean(err, source, folder)
    assert all(path.read_bytes() == content for path, content in mine.items())
    for name in ("summary.csv", "errors.csv"):
        text = (out / name).read_bytes().decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
            assert not [c for c in row if c.startswith(FORMULA)
                        and not re.fullmatch(r"-\d+(,\d+)?", c)], row
    for path in out.iterdir():
        assert path.name.isprintable() and not path.name.startswith(("=", "+", "@"))


BRAND_FILES = st.one_of(
    st.sampled_from([b'{"name": "X\xff"}', b"[]", b'{"name": 1}', b"{" * 3000, b"", b"null",
                     b'{"name": "Y", "logo_path": "/dev/zero"}', b'{"name": "\\ud800"}',
                     b'{"name": "N", "x": NaN}', b'{"name": ' + b"9" * 5000 + b"}",
                     b'{"name": "Z", "main_color": "red"}', b'{"name": "W", "logo_path": "a.png"}',
                     b'{"name": "' + b"a" * 1000 + b'"}']),
    st.binary(max_size=40),
)


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(bad=BRAND_FILES)
def test_generated_brand_files_never_hide_a_good_brand(tmp_path_factory, capsys, monkeypatch,
                                                       stub_notes, bad):
    config = tmp_path_factory.mktemp("config")
    (config / "brands").mkdir()
    (config / "brands" / "bon.json").write_text('{"name": "Bon"}', encoding="utf-8")
    (config / "brands" / "bad.json").write_bytes(bad)
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(config))
    code = main(["example", "-o", str(config / "n.pdf"), "--brand", "Bon"])
    _, err = capsys.readouterr()
    assert code == 0, err
    _clean(err, config)
    assert (config / "n.pdf").read_bytes() == b"%PDF-stub"
