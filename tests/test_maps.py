"""The offline map (reports.maps): what it shows, where, and that every backend draws it."""

from __future__ import annotations

import io

import pytest
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Group, Polygon, Rect, String

from reports.communes import directory, distance_km
from reports.maps import (
    Category,
    Dots,
    MapPoint,
    MapZone,
    draw_map,
    labels,
    neighbourhood_map,
    neighbourhood_points,
    territory_map,
    verdict_categories,
)


def _flat(node):
    """Every shape of a drawing, groups opened."""
    for item in getattr(node, "contents", []):
        if isinstance(item, Group):
            yield from _flat(item)
        else:
            yield item


def _discs(drawing) -> list[tuple[float, float, float, str]]:
    """(x, y, radius, fill as 0xrrggbb) of every disc: a Circle, or one in a Dots path."""
    out = []
    for shape in _flat(drawing):
        fill = shape.fillColor.hexval() if getattr(shape, "fillColor", None) else ""
        if isinstance(shape, Circle):
            out.append((shape.cx, shape.cy, shape.r, fill))
        elif isinstance(shape, Dots):
            out += [(x, y, r, fill) for x, y, r in shape.discs()]
    return out


def _texts(drawing) -> list[str]:
    return [s.text for s in _flat(drawing) if isinstance(s, String)]


def _triangles(drawing) -> list[Polygon]:
    return [s for s in _flat(drawing) if isinstance(s, Polygon) and len(s.points) == 6]


PRADES = (42.6176, 2.4219)


def _sample() -> list[MapPoint]:
    return [
        MapPoint(*PRADES, "subject", 5835, "Prades", code="66149"),
        MapPoint(42.63, 2.55, "commune", 3000, "Vinça", code="66223"),
        MapPoint(42.55, 2.35, "commune", 400, "Village", code="66001"),
        MapPoint(42.60, 2.50, "tiers_lieu", None, "Un lieu"),
        MapPoint(42.66, 2.30, "study_site", None, "Un site de l'étude"),
        MapPoint(48.85, 2.35, "commune", 2_100_000, "Paris", code="75056"),  # far outside
    ]


def test_a_map_shows_its_points_legend_scale_and_caveat():
    drawing = draw_map(_sample(), width=480, height=320, zone=MapZone(radius_km=10),
                       centre=PRADES, radius_km=15)
    texts = _texts(drawing)
    words = labels()
    assert drawing.width == 480 and drawing.height == 320
    assert "Prades" in texts and "Un site de l'étude" in texts
    assert "Paris" not in texts  # 700 km away: outside the frame, not drawn
    assert f"{words['subject']} : Prades" in texts
    for key in ("tiers_lieu", "study_site", "legend_title"):
        assert words[key] in " ".join(texts)
    assert "À moins de 10 km à vol d'oiseau" in texts
    assert any(t.endswith(" km") and t[0].isdigit() for t in texts)  # the scale bar
    assert "distances approximatives" in " ".join(texts)
    # shapes, not only colours: a triangle for the tiers-lieu, squares for the study site
    assert len(_triangles(drawing)) >= 2  # on the map and in the legend
    squares = [s for s in _flat(drawing) if isinstance(s, Rect) and s.width == s.height
               and s.fillColor is not None and s.fillColor.hexval() == "0xffffff"
               and s.strokeWidth == 1.5]
    assert len(squares) == 2


def test_points_outside_the_frame_leave_the_legend_too():
    drawing = draw_map([MapPoint(*PRADES, "subject", 5835, "Prades"),
                        MapPoint(45.0, 5.0, "tiers_lieu", None, "Loin")],
                       centre=PRADES, radius_km=10)
    assert labels()["tiers_lieu"] not in " ".join(_texts(drawing))
    assert not _triangles(drawing)


def test_population_sets_the_dot_area():
    drawing = draw_map([MapPoint(42.60, 2.40, "commune", 10_000, "Grande"),
                        MapPoint(42.62, 2.45, "commune", 2_500, "Petite")],
                       centre=(42.61, 2.42), radius_km=10, caption="")
    radii = sorted(r for x, _, r, fill in _discs(drawing) if x < 300 and fill == "0xc3cad0")
    small, big = radii  # on the map (the legend, at the right, has its own reference discs)
    assert big / small == pytest.approx(2.0, rel=0.01)  # 4× the people, 2× the radius


def test_categories_colour_dots_and_enter_the_legend_only_when_used():
    cats = (Category("a", "Classe A", "#1E6B3A"), Category("b", "Classe B", "#F2C14E"),
            Category("c", "Classe C", "#FFFFFF", "#A4262C"))
    drawing = draw_map([MapPoint(42.60, 2.40, "commune", 1000, "Un", "a"),
                        MapPoint(42.70, 2.50, "commune", 1000, "Deux", "c")], categories=cats)
    texts = _texts(drawing)
    assert "Classe A" in texts and "Classe C" in texts and "Classe B" not in texts
    fills = {fill for _, _, _, fill in _discs(drawing)}
    assert {"0x1e6b3a", "0xffffff"} <= fills


def test_zone_of_communes_is_an_outline_around_them():
    points = _sample()[:3]
    drawing = draw_map(points, zone=MapZone(codes=frozenset({"66223"}), label="Zone à 20 min"),
                       centre=PRADES, radius_km=15)
    assert "Zone à 20 min" in _texts(drawing)
    outlines = [s for s in _flat(drawing) if isinstance(s, Polygon) and s.strokeDashArray]
    assert len(outlines) == 1 and len(outlines[0].points) > 6


def test_narrow_map_puts_the_legend_under_the_frame():
    drawing = draw_map(_sample(), width=300, height=420, centre=PRADES, radius_km=15)
    title = next(s for s in _flat(drawing) if isinstance(s, String)
                 and s.text == labels()["legend_title"])
    frame = next(s for s in _flat(drawing) if isinstance(s, Rect) and s.width > 250)
    assert title.y < frame.y and title.x == 0


def test_located_near_and_third_places_near_agree_with_distances():
    book = directory()
    near = book.located_near(*PRADES, 12)
    assert near and near[0][0].insee_code == "66149"
    points = book.points_near(*PRADES, 12)  # what the map draws, without building communes
    assert [(p.insee_code, p.name, p.population, p.lat, p.lon, p.distance_km) for p in points] \
        == [(c.insee_code, c.name, c.population, c.lat, c.lon, d) for c, d in near]
    assert [d for _, d in near] == sorted(d for _, d in near)
    assert all(distance_km(*PRADES, c.lat, c.lon) <= 12 for c, _ in near)
    muret = book.by_insee("31395")
    places = book.third_places_near(muret.lat, muret.lon, 30)
    assert [p.name for p, _, _ in places] == [p.name for p in book.neighbourhood("31395")
                                              .third_places]
    assert all(distance_km(muret.lat, muret.lon, lat, lon) <= 30 for _, lat, lon in places)


def test_neighbourhood_map_of_muret_marks_its_tiers_lieux_and_study_sites():
    found = neighbourhood_points("31395")
    catchment = directory().catchment("31395", 20)
    assert found.name == "Muret"  # zone: the directory's 20-minute catchment, by its communes
    assert found.zone.codes == {c.insee_code for c in catchment.communes} | {"31395"}
    assert "20 min" in found.zone.label
    circle = neighbourhood_points("31395", minutes=None)
    assert circle.zone.radius_km == 20 and not circle.zone.codes
    drawing = neighbourhood_map("31395")
    texts = _texts(drawing)
    assert "Muret" in texts
    assert "Espace Initiative Firmin Pons" in texts  # Auterive, 20 km away: a study site
    assert len(_triangles(drawing)) > 10  # Toulouse's many tiers-lieux
    assert neighbourhood_map("99999") is None


def test_neighbourhood_map_with_a_catchment_of_communes():
    codes = [c.insee_code for c, _ in directory().located_near(*PRADES, 8)]
    drawing = neighbourhood_map("66149", zone_codes=codes, zone_label="Environ 20 minutes")
    assert "Environ 20 minutes" in _texts(drawing)


def test_zone_label_says_where_the_road_stops():
    """Maripasoula (Guyane's interior): no road leads to the coast, so the legend must not
    promise « 20 min par la route »; a mainland commune keeps the road wording."""
    roadless = neighbourhood_points("97353", minutes=20)
    assert roadless.zone is not None
    assert "par la route" not in roadless.zone.label
    assert "sans route vers le littoral" in roadless.zone.label
    assert "par la route" in neighbourhood_points("66149", minutes=20).zone.label


def test_territory_map_colours_by_verdict_and_marks_the_subject():
    cats = verdict_categories()
    codes = [("11049", "favourable"), ("11206", "conditional"), ("11069", "not_advised"),
             ("11262", None)]
    drawing = territory_map(codes, categories=cats, subject="11206")
    texts = _texts(drawing)
    assert {c.label for c in cats} <= set(texts)
    assert "Limoux" in texts


def test_every_backend_draws_it():
    from reports.docx.pilstate import drawing_to_png

    drawing = neighbourhood_map("48198", width=360, height=300)
    png = drawing_to_png(drawing, dpi=72)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    out = io.BytesIO()
    renderPDF.drawToFile(drawing, out)
    assert out.getvalue().startswith(b"%PDF")


def test_commune_dots_keep_their_drawing_order_where_they_overlap():
    """Discs are merged into a few paths: one that overlaps an earlier (larger) disc goes in a
    later path, so that it is still painted over it; discs apart share one path."""
    drawing = draw_map([MapPoint(42.60, 2.40, "commune", 20_000, "Ville"),
                        MapPoint(42.601, 2.401, "commune", 300, "Hameau"),
                        MapPoint(42.70, 2.60, "commune", 500, "Loin")],
                       centre=(42.65, 2.5), radius_km=15, caption="")
    layers = [path.discs() for path in _flat(drawing) if isinstance(path, Dots)]
    assert len(layers) == 2
    big, far = layers[0]
    (small,) = layers[1]
    assert big[2] > far[2] > small[2]
    assert abs(big[0] - small[0]) < big[2]  # the hamlet sits on the town's disc, drawn after
