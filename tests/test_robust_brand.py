"""Issue #15: logos read only what is needed, bounded and downscaled; one bad brand file never
breaks the others."""

import json
import os
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from reports import brand as brand_module
from reports.brand import BrandError, check_logo, find_brand, list_brands, logo_png, scan_brands
from reports.cli import main


@pytest.fixture(autouse=True)
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "cfg"))
    (tmp_path / "cfg" / "brands").mkdir(parents=True)
    return tmp_path / "cfg"


def _png(path, size, mode="RGB"):
    Image.new(mode, size, "#224466" if mode == "RGB" else 255).save(path, "PNG")
    return path


def test_the_magic_check_reads_eight_bytes_not_the_file(tmp_path, monkeypatch):
    logo = _png(tmp_path / "logo.png", (40, 20))
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("whole file read"))
    assert check_logo(str(logo)) == logo.resolve()


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_special_files_as_logo_are_refused_at_once(tmp_path, kind):
    logo = tmp_path / "logo.png"
    if kind == "fifo":
        os.mkfifo(logo)
    else:
        logo.symlink_to("/dev/zero")
    with pytest.raises(BrandError) as caught:
        check_logo(str(logo))
    assert "fichier ordinaire" in str(caught.value) and "logo" in str(caught.value).lower()


def test_a_logo_of_too_many_pixels_is_refused_in_french(tmp_path):
    logo = _png(tmp_path / "huge.png", (12000, 12000), mode="L")  # a few hundred kB
    with pytest.raises(BrandError) as caught:
        check_logo(str(logo))
    assert "pixels" in str(caught.value) and "huge.png" in str(caught.value)


def test_a_truncated_png_is_refused(tmp_path):
    logo = tmp_path / "cut.png"
    logo.write_bytes(_png(tmp_path / "x.png", (40, 20)).read_bytes()[:30])
    with pytest.raises(BrandError):
        check_logo(str(logo))


def test_logos_are_downscaled_to_what_the_page_needs(tmp_path):
    logo = _png(tmp_path / "big.png", (4000, 2000))
    with Image.open(BytesIO(logo_png(logo))) as image:
        assert max(image.size) <= brand_module.LOGO_MAX_PX and image.size[0] == 2 * image.size[1]
    small = _png(tmp_path / "small.png", (40, 20))
    with Image.open(BytesIO(logo_png(small))) as image:
        assert image.size == (40, 20)


def test_the_note_embeds_the_downscaled_logo(tmp_path):
    from reports.analysis import analyse
    from reports.note import render_note
    from reports.paths import resource_path
    from reports.profile import read_profile

    noise = Image.effect_noise((2400, 1200), 100).convert("RGB")
    noise.save(tmp_path / "noise.png")
    with resource_path("examples", "prades.tierslieu.json") as path:
        result = analyse(read_profile(path)[0])
    render_note(result, tmp_path / "n.pdf", logo=tmp_path / "noise.png")
    # 2 400 × 1 200 noise is ~8 MB raw; at 600 px wide it is well under 1 MB
    assert (tmp_path / "n.pdf").stat().st_size < 1_500_000


def test_note_refuses_a_bad_logo_with_exit_2(tmp_path, capsys):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not an image at all")
    code = main(["example", "-o", str(tmp_path / "n.pdf"), "--logo", str(logo)])
    err = capsys.readouterr().err
    assert code == 2 and "logo.png" in err and not (tmp_path / "n.pdf").exists()


@pytest.mark.parametrize("bad", [b'{"name": "Mauvais \xff\xfe"}', b'{"name": ' + b"[" * 100000,
                                 b'{"name": "X", "a": ' + b"[" * 200 + b"]" * 200 + b"}",
                                 b'{"name": "\\ud800"}', b'{"name": ' + b"9" * 5000 + b"}"])
def test_one_bad_brand_file_is_skipped_with_a_french_warning(config, bad):
    (config / "brands" / "bon.json").write_text(json.dumps({"name": "Bon"}), encoding="utf-8")
    (config / "brands" / "bad.json").write_bytes(bad)
    assert [b.name for b in list_brands()] == ["Bon"]
    brands, warnings = scan_brands()
    assert [b.name for b in brands] == ["Bon"]
    assert len(warnings) == 1 and "bad.json" in warnings[0] and "ignoré" in warnings[0]
    said = []
    assert find_brand("Bon", warn=said.append).name == "Bon"
    assert said == warnings


def test_the_command_line_uses_a_good_brand_next_to_a_bad_file(config, tmp_path, capsys,
                                                               monkeypatch):
    from reports import produce as produce_module

    (config / "brands" / "bon.json").write_text(json.dumps({"name": "Bon"}), encoding="utf-8")
    (config / "brands" / "bad.json").write_bytes(b'{"name": "\xff"}')
    used = []
    monkeypatch.setattr(produce_module, "produce",
                        lambda profile, output, **kw: used.append(kw["brand"]) or [])
    assert main(["example", "-o", str(tmp_path / "n.pdf"), "--brand", "Bon"]) == 0
    err = capsys.readouterr().err
    assert [b.name for b in used] == ["Bon"]
    assert "bad.json" in err and "codec" not in err
