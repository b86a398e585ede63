"""Branding: validation with French messages, JSON round trip, named storage."""

import json
from pathlib import Path

import pytest

from reports.brand import (
    DEFAULT_BRAND,
    Brand,
    BrandError,
    brand_from_dict,
    brand_to_dict,
    delete_brand,
    find_brand,
    list_brands,
    load_brand_file,
    resolve_brand,
    save_brand,
)

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5d5b1"
    "f40000000049454e44ae426082"
)


@pytest.fixture
def config(tmp_path, monkeypatch):
    """Isolate the brands folder in a temporary directory."""
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "cfg"))
    return tmp_path / "cfg"


@pytest.fixture
def logo(tmp_path) -> Path:
    path = tmp_path / "logo.png"
    path.write_bytes(PNG_1PX)
    return path


def test_default_brand_is_a_neutral_dark_colour():
    r, g, b = DEFAULT_BRAND.rgb
    assert max(r, g, b) < 128 and b >= r  # dark, leaning blue
    assert DEFAULT_BRAND.logo_path is None


def test_round_trip_through_dict(logo):
    brand = Brand("Cabinet Sud", "Territoires & Cie", logo, "#1a6b3c", "contact@x.fr", "A. Dupont")
    back = brand_from_dict(brand_to_dict(brand))
    assert back == Brand(
        "Cabinet Sud", "Territoires & Cie", logo.resolve(), "#1A6B3C", "contact@x.fr", "A. Dupont"
    )


def test_tint_mixes_with_white():
    brand = Brand("x", main_color="#000000")
    assert brand.tint(0) == "#000000" and brand.tint(1) == "#FFFFFF"
    assert brand.tint(0.5) == "#808080"


@pytest.mark.parametrize("color", ["red", "#12345", "#GG0000", "123456", ""])
def test_bad_colour_is_refused_in_french(color):
    data = {"name": "x", "main_color": color}
    if color == "":
        assert brand_from_dict(data).main_color == DEFAULT_BRAND.main_color
        return
    with pytest.raises(BrandError, match="#RRGGBB"):
        brand_from_dict(data)


def test_missing_logo_is_named(tmp_path):
    with pytest.raises(BrandError, match=r"Logo .*introuvable"):
        brand_from_dict({"name": "x", "logo_path": str(tmp_path / "absent.png")})


def test_logo_that_is_not_an_image_is_refused(tmp_path):
    fake = tmp_path / "logo.png"
    fake.write_text("pas une image")
    with pytest.raises(BrandError, match="PNG ou JPEG valide"):
        brand_from_dict({"name": "x", "logo_path": str(fake)})


def test_bad_json_file_gives_line_and_column(tmp_path):
    path = tmp_path / "b.json"
    path.write_text('{"name": "x",\n "main_color": }', encoding="utf-8")
    with pytest.raises(BrandError, match=r"JSON invalide \(ligne 2"):
        load_brand_file(path)


def test_file_with_relative_logo_and_bom(tmp_path, logo):
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"name": "Cabinet", "logo_path": "logo.png"}), encoding="utf-8-sig")
    assert load_brand_file(path).logo_path == logo.resolve()


def test_unknown_field_and_missing_name():
    with pytest.raises(BrandError, match="inconnu « couleur »"):
        brand_from_dict({"name": "x", "couleur": "#000000"})
    with pytest.raises(BrandError, match="nom \\(name\\) est obligatoire"):
        brand_from_dict({"organisation": "x"})


def test_save_list_find_delete(config, logo):
    save_brand(Brand("Étude Rurale", "ER", logo, "#224466"))
    save_brand(Brand("Alpha", main_color="#000000"))
    (config / "brands" / "broken.json").write_text("{", encoding="utf-8")
    assert [b.name for b in list_brands()] == ["Alpha", "Étude Rurale"]
    assert find_brand("etude rurale").organisation == "ER"
    assert resolve_brand("Alpha").main_color == "#000000"
    assert resolve_brand(None) is DEFAULT_BRAND
    assert delete_brand("Alpha") and not delete_brand("Alpha")
    with pytest.raises(BrandError, match="« Alpha » inconnu"):
        find_brand("Alpha")


def test_resolve_brand_reads_a_json_path(tmp_path, config):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"name": "Mine", "main_color": "#101010"}), encoding="utf-8")
    assert resolve_brand(str(path)).name == "Mine"


def test_current_brand_falls_back_to_default(config):
    from reports.brand import current_brand, set_current_brand

    assert current_brand() is DEFAULT_BRAND
    save_brand(Brand("Alpha", main_color="#000000"))
    set_current_brand("Alpha")
    assert current_brand().name == "Alpha"
    delete_brand("Alpha")
    assert current_brand() is DEFAULT_BRAND
    set_current_brand(None)
    assert current_brand() is DEFAULT_BRAND


def test_save_brand_that_cannot_be_written_gives_a_french_brand_error(config):
    """A folder in the way of the brand's file: BrandError naming it, no temporary left."""
    save_brand(Brand("Alpha", main_color="#000000"))
    (config / "brands" / "alpha.json").unlink()
    (config / "brands" / "alpha.json").mkdir()
    with pytest.raises(BrandError, match=r"non enregistré.*alpha\.json.*est un dossier"):
        save_brand(Brand("Alpha", main_color="#111111"))
    assert sorted(p.name for p in (config / "brands").iterdir()) == ["alpha.json"]
