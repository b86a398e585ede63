"""Rebuilding the communes resources, and what happens when they are missing or damaged."""

from __future__ import annotations

import gzip
import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from reports.communes import DirectoryError, load_directory
from reports.paths import resource_path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def _build_module():
    """scripts/build_communes.py imported as a module (it is not a package)."""
    spec = importlib.util.spec_from_file_location("build_communes",
                                                  ROOT / "scripts" / "build_communes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def shipped(tmp_path) -> Path:
    """A private copy of the shipped resources, safe to damage."""
    with resource_path("communes") as folder:
        return Path(shutil.copytree(folder, tmp_path / "communes"))


@pytest.mark.skipif(not DATA.is_dir(), reason=f"open data absent ({DATA}): cannot rebuild")
def test_rebuild_is_deterministic_and_matches_the_shipped_resources(tmp_path):
    """Two builds give identical bytes, and the same content as the committed files."""
    build = _build_module()
    first, second = tmp_path / "a", tmp_path / "b"
    build.build(DATA, first)
    stats = build.build(DATA, second)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert "communes.tsv.gz" in names and "attribution.json" in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    with resource_path("communes") as shipped_dir:
        for name in names:
            new, old = (first / name).read_bytes(), (shipped_dir / name).read_bytes()
            if name.endswith(".gz"):  # another zlib may compress differently: compare content
                new, old = gzip.decompress(new), gzip.decompress(old)
            assert new == old, f"{name} is out of date: rerun scripts/build_communes.py"
    located = stats["coordonnées"]
    found = sum(v for k, v in located.items() if k.startswith("trouvées"))
    assert found > 34800 and located["trouvées par nom"] > 34000
    rebuilt = load_directory(first)
    assert rebuilt.search("Laroque d'Olmes")[0].insee_code == "09157"
    # INSEE figures of the rebuilt files: the data README's spot values (Prades, Muret, Bram)
    for code, employed, jobs, zau, aav, density in (
            ("66149", 1619, 2967, "221", "11", 3), ("31395", 9658, 12734, "111", "20", 2),
            ("11049", 1052, 1349, "300", "20", 5)):
        figures = rebuilt.by_insee(code).insee
        assert (figures["employed_15_64"], figures["jobs"], figures["zau2010"],
                figures["aav2020_category"], figures["density_level"]) == (
            employed, jobs, zau, aav, density)
    assert stats["INSEE"]["recensement : census_mayotte"] == 17


def test_a_copy_of_the_resources_loads(shipped):
    """`load_directory(root)` reads a folder of built files."""
    assert load_directory(shipped).by_insee("48198").name == "Villefort"


@pytest.mark.parametrize("name", ["communes.tsv.gz", "search_keys.txt.gz", "epci.csv.gz",
                                  "tiers_lieux.csv.gz", "attribution.json"])
def test_missing_file_gives_a_french_error(shipped, name):
    """A missing file names itself in a French message."""
    (shipped / name).unlink()
    with pytest.raises(DirectoryError, match=r"introuvable.*" + re.escape(name)):
        load_directory(shipped)


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def _garbage(path: Path) -> None:
    path.write_bytes(b"not a gzip file at all")


def _wrong_header(path: Path) -> None:
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    path.write_bytes(gzip.compress(("x\ty\n" + text.split("\n", 1)[1]).encode("utf-8")))


def _short_keys(path: Path) -> None:
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
    path.write_bytes(gzip.compress("\n".join([*lines[:100], ""]).encode("utf-8")))


@pytest.mark.parametrize("name, damage", [
    ("communes.tsv.gz", _truncate), ("communes.tsv.gz", _garbage),
    ("communes.tsv.gz", _wrong_header), ("search_keys.txt.gz", _short_keys),
    ("epci.csv.gz", _garbage), ("departements.csv.gz", _wrong_header),
])
def test_damaged_file_gives_a_french_error(shipped, name, damage):
    """A truncated, foreign or inconsistent file is reported in French, not a traceback."""
    damage(shipped / name)
    with pytest.raises(DirectoryError, match=r"illisible \(fichier abîmé\)"):
        load_directory(shipped)


def test_damaged_attribution_gives_a_french_error(shipped):
    """The sources file must be JSON with a list of sources."""
    (shipped / "attribution.json").write_text('{"vintage": "x"}', encoding="utf-8")
    with pytest.raises(DirectoryError, match="illisible"):
        load_directory(shipped)


def test_a_damaged_line_found_later_gives_a_french_error(shipped):
    """Lines are split on demand: a broken one is reported when its commune is asked for."""
    path = shipped / "communes.tsv.gz"
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
    assert lines[1].split("\t")[2] == "Paris"
    lines[1] = "A\t75056\tParis"
    path.write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    book = load_directory(shipped)
    assert book.search("Marseille")[0].name == "Marseille"
    with pytest.raises(DirectoryError, match=r"illisible.*communes\.tsv\.gz"):
        book.search("Paris")


@pytest.mark.parametrize("name", ["insee.tsv.gz", "zonages.csv.gz"])
def test_missing_insee_file_gives_a_french_error_when_figures_are_asked(shipped, name):
    """The INSEE figures are read on first use: a missing file is named then, in French."""
    (shipped / name).unlink()
    book = load_directory(shipped)
    with pytest.raises(DirectoryError, match=r"introuvable.*" + re.escape(name)):
        book.by_insee("66149")
