"""Offline maps of communes, tiers-lieux and the study's sites, drawn with reportlab graphics.

No tiles and no network: every point comes from the bundled directory (`reports.communes`:
approximate commune centres, populations, the CGET 2019 tiers-lieux) and the knowledge base
(the ten sites of the 2017 study). One `Drawing` serves everywhere: vector in the PDF note,
PNG in the Word export and the wizard (`reports.docx.pilstate.drawing_to_png`), and the
territory scan's PDF.

    neighbourhood_map("66149")                                    # wizard, note
    territory_map([("11049", "favourable"), ("11206", "conditional")],
                  categories=verdict_categories())                # territory scan
    draw_map([MapPoint(42.6, 2.4, "subject", 5835, "Prades")],
             zone=MapZone(radius_km=20))                          # anything else

Readable in greyscale: each kind has its own shape (the studied commune a ringed disc,
communes plain discs whose area follows the population, tiers-lieux triangles, the study's
sites hollow squares); category colours go from dark to light, and a light one gets a
heavier outline. Projection: equirectangular around the map's centre, longitudes shrunk by
cos(latitude) so that a km is the same length both ways (good to a few % over a
département). Nothing is clipped (the Pillow backend cannot): a point outside the frame is
simply not drawn.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Group, Path, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.pdfgeom import bezierArc

from reports.fmt import fmt_number
from reports.paths import read_text

__all__ = [
    "KINDS", "Category", "Dots", "MapPoint", "MapZone", "draw_map", "labels", "neighbourhood_map",
    "neighbourhood_points", "territory_map", "verdict_categories",
]

KINDS = ("subject", "commune", "tiers_lieu", "study_site")
KM_PER_DEGREE = 111.2  # a degree of latitude (and of longitude at the equator), in km

INK = colors.HexColor("#1A1A1A")
GREY = colors.HexColor("#5F6368")
FRAME_FILL = colors.HexColor("#F6F7F8")
FRAME_RULE = colors.HexColor("#B0B7BD")
COMMUNE_FILL = colors.HexColor("#C3CAD0")
COMMUNE_STROKE = colors.HexColor("#7D8790")
SUBJECT_FILL = colors.HexColor("#1A1A1A")
PLACE_FILL = colors.HexColor("#B04A12")  # tiers-lieux: dark orange, mid-dark grey in print
SITE_STROKE = colors.HexColor("#1A1A1A")
ZONE_LINE = colors.HexColor("#2F6F9F")
# transparency in the colour itself: renderPM resets a shape's fillOpacity from its colour
ZONE_FILL = colors.Color(0x2F / 255, 0x6F / 255, 0x9F / 255, alpha=0.12)
HALO = colors.white  # opaque: each translucent shape costs the PNG backend a full layer

LEGEND_MIN_WIDTH = 380  # below this drawing width the legend goes under the map
LEGEND_WIDTH = 150
FONT_SIZE = 7.0
LABEL_SIZE = 6.5
MAX_COMMUNE_LABELS = 10
MAX_DOT = 11.0  # radius (pt) of the largest population dot
MIN_DOT = 1.3


@cache
def labels() -> dict[str, str]:
    """The map's French words (legend, caption, scale), from resources/maps/labels.json."""
    data = json.loads(read_text("maps", "labels.json"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _fonts() -> tuple[str, str]:
    """The note's DejaVu faces (registered on first use)."""
    from reports.note.fonts import BOLD, REGULAR, register_fonts

    register_fonts()
    return REGULAR, BOLD


# ---------------------------------------------------------------- what a map shows

@dataclass(frozen=True, slots=True)
class MapPoint:
    """One thing on the map.

    `kind`: "subject" (the commune studied), "commune", "tiers_lieu", "study_site".
    `size`: a population (a commune's dot has an area proportional to it; None = smallest).
    `category`: a key of the map's categories (colour of a commune's dot, e.g. a scan class).
    `code`: the INSEE code, to say whether a commune is in a `MapZone` given by codes.
    `show_label`: None lets the map decide (subject, study sites, largest communes).
    """

    lat: float
    lon: float
    kind: str = "commune"
    size: float | None = None
    label: str = ""
    category: str | None = None
    code: str = ""
    show_label: bool | None = None


@dataclass(frozen=True, slots=True)
class MapZone:
    """The catchment drawn under the points: a circle of `radius_km` around the subject, or
    the outline of the communes whose codes are in `codes` (a travel-time catchment)."""

    radius_km: float | None = None
    codes: frozenset[str] = frozenset()
    label: str = ""


@dataclass(frozen=True, slots=True)
class Category:
    """A colour class of commune dots: `key` (as in MapPoint.category), legend `label`,
    `fill` and `stroke` as "#RRGGBB" (give a light fill a dark stroke for greyscale)."""

    key: str
    label: str
    fill: str
    stroke: str = "#4A4F54"


def verdict_categories(names: Mapping[str, str] | None = None) -> tuple[Category, ...]:
    """The three verdict levels in the note's verdict colours (dark green, yellow, white with
    a red ring: three greys in print). `names` overrides the labels (default: the engine's)."""
    from reports.analysis.texts import table
    from reports.note.styles import VERDICT_COLORS

    words = {**table("verdict.labels"), **(names or {})}
    strokes = {"favourable": "#0F3A1F", "conditional": "#6B5310", "not_advised": "#A4262C"}
    return tuple(Category(level, words[level], VERDICT_COLORS[level][0], strokes[level])
                 for level in ("favourable", "conditional", "not_advised"))


# ---------------------------------------------------------------- geometry

@dataclass
class _Frame:
    """The map's box in points and the projection from (lat, lon) into it."""

    x: float
    y: float
    width: float
    height: float
    lat0: float = 0.0
    lon0: float = 0.0
    scale: float = 1.0  # points per km
    cos0: float = 1.0

    def fit(self, lat0: float, lon0: float, half_w_km: float, half_h_km: float) -> None:
        """Centre the frame on (lat0, lon0) showing at least ±half_w × ±half_h km."""
        self.lat0, self.lon0 = lat0, lon0
        self.cos0 = math.cos(math.radians(lat0))
        self.scale = min(self.width / (2 * max(half_w_km, 0.5)),
                         self.height / (2 * max(half_h_km, 0.5)))

    def km(self, lat: float, lon: float) -> tuple[float, float]:
        """East and north offsets from the centre, in km."""
        return ((lon - self.lon0) * KM_PER_DEGREE * self.cos0,
                (lat - self.lat0) * KM_PER_DEGREE)

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        """Drawing coordinates of a point."""
        east, north = self.km(lat, lon)
        return (self.x + self.width / 2 + east * self.scale,
                self.y + self.height / 2 + north * self.scale)

    def clamped(self, points: Iterable[tuple[float, float]]) -> list[float]:
        """The points, flattened (x, y, x, y…), each moved onto the frame where it lies out."""
        return [c for x, y in points for c in (min(max(x, self.x), self.x + self.width),
                                                min(max(y, self.y), self.y + self.height))]

    def inside(self, x: float, y: float, margin: float = 0.0) -> bool:
        """True when (x, y) lies in the frame, `margin` points from its edges."""
        return (self.x + margin <= x <= self.x + self.width - margin
                and self.y + margin <= y <= self.y + self.height - margin)


def _extent(points: Sequence[MapPoint], centre: tuple[float, float] | None,
            radius_km: float | None) -> tuple[float, float, float, float]:
    """Centre (lat, lon) and half extents (km) the frame must show."""
    if centre is not None and radius_km:
        return centre[0], centre[1], radius_km, radius_km
    lats = [p.lat for p in points] or [46.5]
    lons = [p.lon for p in points] or [2.5]
    lat0, lon0 = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    cos0 = math.cos(math.radians(lat0))
    half_w = (max(lons) - min(lons)) / 2 * KM_PER_DEGREE * cos0
    half_h = (max(lats) - min(lats)) / 2 * KM_PER_DEGREE
    pad = max(half_w, half_h, 2.0) * 0.06 + 1.0
    return lat0, lon0, half_w + pad, half_h + pad


DOT_SCALE = 0.065  # points of radius per √inhabitant: 1 000 hab. ≈ 2 pt, 10 000 ≈ 6.5 pt


def _dot_scale(points: Iterable[MapPoint], max_dot: float) -> float:
    """Radius per √inhabitant: the area follows the population, the largest dot at most
    `max_dot`."""
    biggest = max((p.size or 0 for p in points if p.kind in ("commune", "subject")), default=0)
    return min(DOT_SCALE, max_dot / math.sqrt(biggest)) if biggest > 0 else DOT_SCALE


def _radius(size: float | None, k: float) -> float:
    return max(MIN_DOT, k * math.sqrt(max(size or 0, 0)))


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Convex hull (Andrew's monotone chain), counter-clockwise."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _nice_length(max_km: float) -> float:
    """The longest round length (1, 2, 5 × 10ⁿ km) not above `max_km`."""
    if max_km <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(max_km))
    return max(m * power for m in (1, 2, 5) if m * power <= max_km)


# ---------------------------------------------------------------- symbols

def _symbol(kind: str, x: float, y: float, r: float, fill=None, stroke=None) -> list:
    """The shapes of one point: each kind its own shape, so print in grey stays readable."""
    if kind == "subject":
        return [Circle(x, y, r + 2.6, fillColor=colors.white, strokeColor=INK, strokeWidth=1.4),
                Circle(x, y, r, fillColor=fill or SUBJECT_FILL, strokeColor=None)]
    if kind == "tiers_lieu":
        s = r
        return [Polygon([x - s, y - s * 0.8, x + s, y - s * 0.8, x, y + s * 0.95],
                        fillColor=PLACE_FILL, strokeColor=colors.white, strokeWidth=0.6)]
    if kind == "study_site":
        s = r
        return [Rect(x - s, y - s, 2 * s, 2 * s, fillColor=colors.white, strokeColor=SITE_STROKE,
                     strokeWidth=1.5)]
    return [Circle(x, y, r, fillColor=fill or COMMUNE_FILL, strokeColor=stroke or COMMUNE_STROKE,
                   strokeWidth=0.45 if stroke is None else 0.8)]


def _zone_symbol(x: float, y: float, w: float = 14, h: float = 9) -> list:
    return [Rect(x, y, w, h, fillColor=ZONE_FILL, strokeColor=ZONE_LINE,
                 strokeWidth=1, strokeDashArray=(3, 2))]


# ---------------------------------------------------------------- labels

class _Labels:
    """Greedy placement: each label tries right, left, above, below its point, and is kept
    only where it overlaps neither another label, a reserved box nor the frame's edge."""

    def __init__(self, frame: _Frame, font: str, bold: str):
        self.frame, self.font, self.bold = frame, font, bold
        self.taken: list[tuple[float, float, float, float]] = []

    def reserve(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.taken.append((x0, y0, x1, y1))

    def _free(self, box: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = box
        f = self.frame
        if x0 < f.x + 2 or x1 > f.x + f.width - 2 or y0 < f.y + 2 or y1 > f.y + f.height - 2:
            return False
        return all(x1 <= a0 or x0 >= a1 or y1 <= b0 or y0 >= b1 for a0, b0, a1, b1 in self.taken)

    def place(self, text: str, x: float, y: float, r: float, *, bold: bool = False,
              size: float = LABEL_SIZE) -> list:
        font = self.bold if bold else self.font
        w = stringWidth(text, font, size)
        h = size * 1.05
        gap = r + 1.8
        for anchor, bx, by in (("start", x + gap, y - h * 0.35), ("end", x - gap, y - h * 0.35),
                               ("middle", x, y + gap + 0.5), ("middle", x, y - gap - h + 1)):
            left = bx if anchor == "start" else bx - w if anchor == "end" else bx - w / 2
            box = (left - 1, by - size * 0.28, left + w + 1, by + size * 0.82)
            if self._free(box):
                self.taken.append(box)
                halo = Rect(box[0], box[1], box[2] - box[0], box[3] - box[1],
                            fillColor=HALO, strokeColor=None)
                return [halo, String(bx, by, text, fontName=font, fontSize=size, fillColor=INK,
                                     textAnchor=anchor)]
        return []


def _wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Lines of at most `width` points, broken at spaces (the charts' rule)."""
    from reports.note.charts import break_lines

    return break_lines(text, width, font, size)


# ---------------------------------------------------------------- the drawing

def draw_map(points: Sequence[MapPoint], *, width: float = 480, height: float = 320,
             zone: MapZone | None = None, categories: Sequence[Category] = (),
             centre: tuple[float, float] | None = None, radius_km: float | None = None,
             caption: str | None = None, max_dot: float = MAX_DOT,
             max_commune_labels: int = MAX_COMMUNE_LABELS) -> Drawing:
    """A map of `points` as a reportlab Drawing of `width` × `height` points.

    The frame shows ±`radius_km` around `centre` (lat, lon) when both are given, else every
    point. `zone` draws a catchment (circle around the subject, or the outline of the
    communes it names). `categories` colour the commune dots whose `category` they name and
    appear in the legend. The legend sits at the right (at the bottom in a narrow drawing);
    the caption (default: sources and « distances approximatives ») goes under everything.
    """
    regular, bold = _fonts()
    words = labels()
    drawing = Drawing(width, height)
    drawing.initialFontName = regular
    points = [p for p in points if p.lat is not None and p.lon is not None]
    subject = next((p for p in points if p.kind == "subject"), None)
    caption = words["caption"].format(vintage=_vintage()) if caption is None else caption

    side = width >= LEGEND_MIN_WIDTH
    legend_w = LEGEND_WIDTH if side else width
    cap_lines = _wrap(caption, width - 6, regular, 6.5) if caption else []
    cap_h = len(cap_lines) * 8 + (4 if cap_lines else 0)
    legend_h = 0.0
    if not side:  # sized on every point: the frame's height must be known before placing
        legend_h = _legend_height(_legend_items(points, zone, categories, words, 0), width)
    frame = _Frame(0.5, cap_h + legend_h + 0.5, (width - legend_w - 10 if side else width) - 1,
                   height - cap_h - legend_h - 1)
    if centre is None and subject is not None and radius_km:
        centre = (subject.lat, subject.lon)
    frame.fit(*_extent(points, centre, radius_km))
    shown = [p for p in points if frame.inside(*frame.xy(p.lat, p.lon), 3)]
    k = _dot_scale(shown, max_dot)

    drawing.add(Rect(frame.x, frame.y, frame.width, frame.height, fillColor=FRAME_FILL,
                     strokeColor=FRAME_RULE, strokeWidth=0.6))
    placer = _Labels(frame, regular, bold)
    scale_group, scale_box = _scale_bar(frame, regular, words)
    north_group, north_box = _north(frame, bold, words)
    placer.reserve(*scale_box)
    placer.reserve(*north_box)
    if zone is not None:
        drawing.add(_zone(zone, points, subject, frame, k))
    _draw_points(drawing, shown, subject, frame, k, {c.key: c for c in categories})

    texts: list = []
    if subject in shown and subject.show_label is not False and subject.label:
        x, y = frame.xy(subject.lat, subject.lon)
        texts += placer.place(subject.label, x, y, _subject_radius(subject, k) + 2.6,
                              bold=True, size=FONT_SIZE + 0.5)
    texts += _point_labels(shown, frame, placer, k, max_commune_labels)
    for item in texts:
        drawing.add(item)
    drawing.add(scale_group)
    drawing.add(north_group)

    items = _legend_items(shown, zone, categories, words, k)
    if side:
        _draw_legend(drawing, items, width - legend_w, frame.y + frame.height - 9,
                     legend_w, regular, bold, words)
    else:
        _draw_legend(drawing, items, 0, cap_h + legend_h - 9, width, regular, bold, words)
    for i, line in enumerate(cap_lines):
        drawing.add(String(0, cap_h - 9 - i * 8, line, fontName=regular, fontSize=6.5,
                           fillColor=GREY))
    return drawing


def _subject_radius(subject: MapPoint, k: float) -> float:
    """Radius of the studied commune's inner disc (never smaller than 4.5 pt)."""
    return max(_radius(subject.size, k), 4.5)


def _draw_points(drawing: Drawing, shown: Sequence[MapPoint], subject: MapPoint | None,
                 frame: _Frame, k: float, by_key: Mapping[str, Category]) -> None:
    """Communes (largest first, so that small dots stay on top), tiers-lieux, study sites,
    then the studied commune. A study site on the studied commune frames it."""
    styles: dict[str, tuple] = {}  # category key -> (fill, stroke, stroke width)
    dots = []
    for p in sorted((p for p in shown if p.kind == "commune"), key=lambda p: -(p.size or 0)):
        x, y = frame.xy(p.lat, p.lon)
        key = p.category if p.category in by_key else ""
        if key not in styles:
            cat = by_key.get(key)
            styles[key] = ((colors.HexColor(cat.fill), colors.HexColor(cat.stroke), 0.8) if cat
                           else (COMMUNE_FILL, COMMUNE_STROKE, 0.45))
        dots.append((x, y, _radius(p.size, k), styles[key]))
    drawing.add(_dot_paths(dots))
    sx, sy = frame.xy(subject.lat, subject.lon) if subject is not None else (None, None)
    for kind in ("tiers_lieu", "study_site"):
        for p in shown:
            if p.kind != kind:
                continue
            x, y = frame.xy(p.lat, p.lon)
            size = 3.6
            if kind == "study_site" and sx is not None and math.hypot(x - sx, y - sy) < 3:
                x, y, size = sx, sy, _subject_radius(subject, k) + 5
            for shape in _symbol(kind, x, y, size):
                drawing.add(shape)
    if subject in shown:
        for shape in _symbol("subject", sx, sy, _subject_radius(subject, k)):
            drawing.add(shape)


_UNIT_CIRCLE = bezierArc(-1, -1, 1, 1, 0, 360)  # the curves reportlab draws a Circle with
_DISC_NUMBERS = 2 + 6 * len(_UNIT_CIRCLE)  # a disc in a Path: moveTo, then the curves
# the unit disc's points as (x, y) pairs, in path order: the start, then each curve's three
_UNIT_DISC = [_UNIT_CIRCLE[0][:2]] + [pair for c in _UNIT_CIRCLE
                                      for pair in (c[2:4], c[4:6], c[6:8])]


def _disc_operators() -> list:
    """The operators of one disc (moveTo, the curves, closePath), as Path writes them."""
    path = Path()
    path.moveTo(0, 0)
    for _ in _UNIT_CIRCLE:
        path.curveTo(0, 0, 0, 0, 0, 0)
    path.closePath()
    return path.operators


_DISC_OPERATORS = _disc_operators()


class Dots(Path):
    """Discs of one style as one Path (one sub-path per disc, a Circle's own curves)."""

    def add_disc(self, x: float, y: float, r: float) -> None:
        """Append a disc of radius `r` centred on (x, y) (what moveTo, curveTo for each
        curve and closePath append, in one go: ~330 discs per map)."""
        self.points.extend([v for ux, uy in _UNIT_DISC for v in (x + r * ux, y + r * uy)])
        self.operators.extend(_DISC_OPERATORS)

    def discs(self) -> list[tuple[float, float, float]]:
        """(x, y, radius) of each disc, in drawing order."""
        out, step = [], _DISC_NUMBERS
        for i in range(0, len(self.points) - step + 1, step):
            right, left = self.points[i], self.points[i + 12]  # 0° and 180° on the circle
            out.append(((right + left) / 2, self.points[i + 1], (right - left) / 2))
        return out


def _dot_paths(dots: Sequence[tuple[float, float, float, tuple]]) -> Group:
    """Commune discs, in order, as a few `Dots` paths instead of one Circle each (hundreds
    per map).

    `dots` are (x, y, radius, (fill, stroke, stroke width)) in drawing order. A disc goes in
    the layer after every earlier disc it touches (stroke included), so that within a layer
    no two discs meet: filling a layer's discs together, then stroking them, paints exactly
    what drawing them one by one would. One Path per layer and style; same curves as a
    Circle. Building and drawing hundreds of shapes was a third of a note's map time.
    """
    reach = max((r + style[2] for _, _, r, style in dots), default=0) * 2 + 1
    cells: dict[tuple[int, int], list[tuple[float, float, float, int]]] = {}
    paths: dict[tuple[int, int], Dots] = {}  # (layer, id of the style) -> its discs
    for x, y, r, style in dots:
        cx, cy = int(x // reach), int(y // reach)
        edge = r + style[2] / 2 + 0.5
        layer = 0
        for i in (cx - 1, cx, cx + 1):
            for j in (cy - 1, cy, cy + 1):
                for ox, oy, oedge, olayer in cells.get((i, j), ()):
                    if olayer >= layer and (x - ox) ** 2 + (y - oy) ** 2 < (edge + oedge) ** 2:
                        layer = olayer + 1
        cells.setdefault((cx, cy), []).append((x, y, edge, layer))
        path = paths.get((layer, id(style)))
        if path is None:
            fill, stroke, width = style
            path = paths[layer, id(style)] = Dots(fillColor=fill, strokeColor=stroke,
                                                  strokeWidth=width)
        path.add_disc(x, y, r)
    group = Group()
    for key in sorted(paths, key=lambda key: key[0]):
        group.add(paths[key])
    return group


def _vintage() -> str:
    """The populations' vintage ("COG 2026") without loading the whole directory twice."""
    try:
        from reports.communes import directory

        return directory().vintage or "COG"
    except Exception:  # the caption must not fail a map; the directory reports its own errors
        return "COG"


def _point_labels(points: Sequence[MapPoint], frame: _Frame, placer: _Labels, k: float,
                  max_communes: int) -> list:
    """Labels of the study's sites, then of the largest communes (or those asked for)."""
    out: list = []
    sites = [p for p in points if p.kind == "study_site" and p.show_label is not False]
    communes = sorted((p for p in points if p.kind == "commune" and p.show_label is not False
                       and (p.show_label or p.size)), key=lambda p: -(p.size or 0))
    forced = [p for p in points if p.kind == "tiers_lieu" and p.show_label]
    shown = 0
    for p in [*sites, *forced, *communes]:
        if not p.label:
            continue
        if p.kind == "commune" and not p.show_label and shown >= max_communes:
            continue
        x, y = frame.xy(p.lat, p.lon)
        if not frame.inside(x, y):
            continue
        r = _radius(p.size, k) if p.kind == "commune" else 3.8
        placed = placer.place(p.label, x, y, r, bold=p.kind == "study_site")
        if placed and p.kind == "commune":
            shown += 1
        out += placed
    return out


def _zone(zone: MapZone, points: Sequence[MapPoint], subject: MapPoint | None, frame: _Frame,
          k: float) -> Group:
    """The catchment: a dashed circle, or the padded outline of its communes' dots."""
    group = Group()
    style = {"fillColor": ZONE_FILL, "strokeColor": ZONE_LINE,
             "strokeWidth": 1.1, "strokeDashArray": (4, 2.5)}
    if zone.codes:
        pad = max(1.6 * frame.scale, 4.0)  # about the half-width of a commune
        corners = []
        for p in points:
            if p.code in zone.codes or (p.kind == "subject" and subject is p):
                x, y = frame.xy(p.lat, p.lon)
                r = max(pad, _radius(p.size, k) + 2)
                corners += [(x + r * math.cos(a * math.pi / 6), y + r * math.sin(a * math.pi / 6))
                            for a in range(12)]
        hull = _hull(corners)
        if len(hull) >= 3:  # a zone wider than the frame keeps the part inside (no clipping)
            group.add(Polygon(frame.clamped(hull), **style))
    elif zone.radius_km and subject is not None:
        x, y = frame.xy(subject.lat, subject.lon)
        r = zone.radius_km * frame.scale
        if frame.inside(x - r, y - r) and frame.inside(x + r, y + r):
            group.add(Circle(x, y, r, **style))
        else:  # polygon clamped to the frame (the Pillow backend cannot clip)
            ring = [(x + r * math.cos(a * math.pi / 36), y + r * math.sin(a * math.pi / 36))
                    for a in range(72)]
            group.add(Polygon(frame.clamped(ring), **style))
    return group


def _scale_bar(frame: _Frame, font: str, words: Mapping[str, str]) -> tuple[Group, tuple]:
    """A two-part black and white bar of a round length, bottom left in the frame."""
    length_km = _nice_length(frame.width / frame.scale / 4)
    length = length_km * frame.scale
    x, y = frame.x + 8, frame.y + 8
    text = words["scale_unit"].format(km=fmt_number(length_km, 0 if length_km >= 1 else 1))
    text_w = stringWidth(text, font, 6.5)
    group = Group()
    group.add(Rect(x - 4, y - 4, length + text_w + 14, 17, fillColor=HALO, strokeColor=None))
    half = length / 2
    group.add(Rect(x, y, half, 3, fillColor=INK, strokeColor=INK, strokeWidth=0.5))
    group.add(Rect(x + half, y, half, 3, fillColor=colors.white, strokeColor=INK,
                   strokeWidth=0.5))
    group.add(String(x, y + 5, "0", fontName=font, fontSize=6.5, fillColor=INK))
    group.add(String(x + length + 3, y + 0.5, text, fontName=font, fontSize=6.5, fillColor=INK))
    return group, (x - 4, y - 4, x + length + text_w + 10, y + 13)


def _north(frame: _Frame, font: str, words: Mapping[str, str]) -> tuple[Group, tuple]:
    """A small north arrow, top right in the frame."""
    x, y = frame.x + frame.width - 12, frame.y + frame.height - 24
    group = Group()
    group.add(Rect(x - 6, y - 2, 12, 23, fillColor=HALO, strokeColor=None))
    group.add(Polygon([x - 4, y, x, y + 11, x + 4, y, x, y + 3], fillColor=INK, strokeColor=None))
    group.add(String(x, y + 13, words["north"], fontName=font, fontSize=7, fillColor=INK,
                     textAnchor="middle"))
    return group, (x - 6, y - 2, x + 6, y + 21)


# ---------------------------------------------------------------- legend

def _legend_items(points: Sequence[MapPoint], zone: MapZone | None,
                  categories: Sequence[Category], words: Mapping[str, str],
                  k: float) -> list[tuple[str, Any, float]]:
    """(text, symbol maker, symbol height) for what the map shows, in reading order."""
    kinds = {p.kind for p in points}
    used = {p.category for p in points}
    items: list[tuple[str, Any, float]] = []
    subject = next((p for p in points if p.kind == "subject"), None)
    if subject is not None:
        text = f"{words['subject']} : {subject.label}" if subject.label else words["subject"]
        items.append((text, lambda x, y: _symbol("subject", x, y, 2.6), 0))
    if zone is not None:
        text = zone.label or (words["zone_radius"].format(radius=fmt_number(zone.radius_km))
                              if zone.radius_km else words["zone_communes"])
        items.append((text, lambda x, y: _zone_symbol(x - 7, y - 4.5), 0))
    for cat in categories:
        if cat.key in used:
            items.append((cat.label, lambda x, y, c=cat: _symbol(
                "commune", x, y, 3.6, colors.HexColor(c.fill), colors.HexColor(c.stroke)), 0))
    if "commune" in kinds:
        items.append((words["commune"], lambda x, y: _symbol("commune", x, y, 2.6), 0))
        refs = _size_refs(points, k)
        if refs:
            items.append(_size_item(refs, k, words))
    if "tiers_lieu" in kinds:
        items.append((words["tiers_lieu"], lambda x, y: _symbol("tiers_lieu", x, y, 3.4), 0))
    if "study_site" in kinds:
        items.append((words["study_site"], lambda x, y: _symbol("study_site", x, y, 3.2), 0))
    return items


def _size_refs(points: Sequence[MapPoint], k: float) -> list[int]:
    """Two round populations (1, 2, 5 × 10ⁿ) for the legend: the largest not above the
    map's largest commune, and one about ten times smaller (if its disc is visible)."""
    biggest = max((p.size or 0 for p in points if p.kind in ("commune", "subject")), default=0)
    if not k or biggest < 200:
        return []
    series = [m * 10 ** e for e in range(2, 8) for m in (1, 2, 5)]
    top = max(v for v in series if v <= biggest)
    small = [v for v in series if v <= top / 8 and k * math.sqrt(v) >= MIN_DOT]
    return [small[-1], top] if small else [top]


def _size_item(refs: list[int], k: float, words: Mapping[str, str]) -> tuple[str, Any, float]:
    """Reference discs side by side, each with its population under it."""
    radii = [_radius(v, k) for v in refs]
    height = 2 * max(radii) + 9

    def draw(x: float, y: float) -> list:
        regular, _ = _fonts()
        shapes, left = [], x - 4
        top = y + 3
        for value, r in zip(refs, radii, strict=True):
            text = words["population_ref"].format(population=fmt_number(value))
            w = max(2 * r, stringWidth(text, regular, 6))
            cx = left + w / 2
            shapes += _symbol("commune", cx, top - max(radii), r)
            shapes.append(String(cx, top - 2 * max(radii) - 7.5, text, fontName=regular,
                                 fontSize=6, fillColor=GREY, textAnchor="middle"))
            left += w + 8
        return shapes

    return ("", draw, height)


LEGEND_LINE = 8.5
LEGEND_GAP = 4.0


def _legend_height(items: list[tuple[str, Any, float]], width: float) -> float:
    regular, _ = _fonts()
    lines = sum(max(len(_wrap(text, width - 22, regular, FONT_SIZE)) * LEGEND_LINE, extra)
                for text, _, extra in items)
    return 14 + lines + len(items) * LEGEND_GAP + 4


def _draw_legend(drawing: Drawing, items: list[tuple[str, Any, float]], x: float, top: float,
                 width: float, regular: str, bold: str, words: Mapping[str, str]) -> None:
    """Legend title, then each item: its symbol in a 16 pt column, its text wrapped (an item
    without text, the population discs, takes its own height)."""
    drawing.add(String(x, top, words["legend_title"], fontName=bold, fontSize=FONT_SIZE + 0.5,
                       fillColor=INK))
    y = top - 14
    for text, symbol, extra in items:
        lines = _wrap(text, width - 22, regular, FONT_SIZE)
        sx = x + 7 if lines else x + 20
        for shape in symbol(sx, y + 2.4):
            drawing.add(shape)
        for i, line in enumerate(lines):
            drawing.add(String(x + 20, y - i * LEGEND_LINE, line, fontName=regular,
                               fontSize=FONT_SIZE, fillColor=INK))
        y -= max(len(lines) * LEGEND_LINE, extra) + LEGEND_GAP


# ---------------------------------------------------------------- from the directory

@dataclass(frozen=True)
class NeighbourhoodPoints:
    """What `neighbourhood_map` draws, for a caller that wants the points themselves."""

    points: tuple[MapPoint, ...]
    centre: tuple[float, float]
    radius_km: float
    zone: MapZone | None
    name: str = ""


def _study_points(directory: Any) -> list[MapPoint]:
    """The ten sites of the 2017 study, at their communes' centres."""
    from reports.knowledge import knowledge

    out = []
    for site in knowledge().sites:
        commune = directory.by_insee(site.insee_code) if site.insee_code else None
        if commune is not None and commune.lat is not None:
            out.append(MapPoint(commune.lat, commune.lon, "study_site", None, site.name,
                                code=site.insee_code))
    return out


def _place_points(directory: Any, lat: float, lon: float, reach: float) -> list[MapPoint]:
    """The CGET tiers-lieux within `reach` km, unlabelled."""
    return [MapPoint(plat, plon, "tiers_lieu", None, place.name, code=place.insee_code,
                     show_label=False)
            for place, plat, plon in directory.third_places_near(lat, lon, reach)]


def neighbourhood_points(commune_code: str, directory: Any = None, *, radius_km: float = 30,
                         zone_km: float | None = 20, minutes: int | None = 20,
                         zone_codes: Iterable[str] | None = None,
                         zone_label: str = "") -> NeighbourhoodPoints | None:
    """The points of a commune's neighbourhood map: the commune, every commune and CGET
    tiers-lieu whose centre lies in the frame (±`radius_km`), the study's sites there.

    The zone is given by `zone_codes` (INSEE codes of its communes), else it is the
    directory's travel-time catchment of `minutes` (`Directory.catchment`), else a circle
    of `zone_km` (None for both: no zone). None when the commune is unknown or has no
    coordinates (collectivités d'outre-mer)."""
    if directory is None:
        from reports.communes import directory as shipped

        directory = shipped()
    commune = directory.located(commune_code)
    if commune is None:
        return None
    reach = radius_km * math.sqrt(2) + 1  # the frame's corners
    points = [MapPoint(commune.lat, commune.lon, "subject", commune.population, commune.name,
                       code=commune.insee_code)]
    for other in directory.points_near(commune.lat, commune.lon, reach):
        if other.insee_code != commune.insee_code:
            points.append(MapPoint(other.lat, other.lon, "commune", other.population,
                                   other.name, code=other.insee_code))
    points += _place_points(directory, commune.lat, commune.lon, reach)
    points += [p for p in _study_points(directory)
               if abs(p.lat - commune.lat) * KM_PER_DEGREE <= reach]
    zone = None
    if zone_codes is None and minutes and hasattr(directory, "catchment"):
        found_zone = directory.catchment(commune.insee_code, minutes)
        if found_zone is not None and found_zone.communes:
            zone_codes = [c.insee_code for c in found_zone.communes]
            from reports.catchment import parameters as catchment_parameters

            roadless = commune.insee_code in catchment_parameters().roadless_of
            zone_label = zone_label or labels()[
                "zone_minutes_roadless" if roadless else "zone_minutes"].format(minutes=minutes)
    if zone_codes is not None:
        zone = MapZone(codes=frozenset(zone_codes) | {commune.insee_code}, label=zone_label)
    elif zone_km:
        zone = MapZone(radius_km=zone_km, label=zone_label)
    return NeighbourhoodPoints(tuple(points), (commune.lat, commune.lon), radius_km, zone,
                               commune.name)


def neighbourhood_map(commune_code: str, directory: Any = None, *, width: float = 480,
                      height: float = 320, radius_km: float = 30, zone_km: float | None = 20,
                      minutes: int | None = 20, zone_codes: Iterable[str] | None = None,
                      zone_label: str = "", caption: str | None = None) -> Drawing | None:
    """The map of a commune and its surroundings (wizard's territory page, the note).

    Shows ±`radius_km` around the commune's centre: the commune (ringed disc), every
    commune (disc sized by population, the largest named), the CGET 2019 tiers-lieux
    (triangles), the study's sites (hollow squares), the zone (`zone_codes`, else the
    directory's catchment of `minutes` by road, else a `zone_km` circle), a
    scale bar, a north arrow, a legend and the sources caption. None when the commune is
    unknown or not located."""
    found = neighbourhood_points(commune_code, directory, radius_km=radius_km, zone_km=zone_km,
                                 minutes=minutes, zone_codes=zone_codes,
                                 zone_label=zone_label)
    if found is None:
        return None
    return draw_map(found.points, width=width, height=height, zone=found.zone,
                    centre=found.centre, radius_km=found.radius_km, caption=caption)


def territory_map(communes: Iterable[tuple[str, str | None]], directory: Any = None, *,
                  categories: Sequence[Category] = (), width: float = 480,
                  height: float = 420, subject: str | None = None,
                  max_commune_labels: int = 12, caption: str | None = None) -> Drawing:
    """A whole territory (an EPCI, a département, a list): for the territory scan's PDF.

    `communes` are (INSEE code, category key or None) pairs; each becomes a dot sized by
    its population and coloured by its category (see `verdict_categories()` for the verdict
    levels, or pass your own `Category` list, dark to light). The frame fits the located
    communes; the CGET tiers-lieux and the study's sites inside it are marked; `subject`
    (a code) is drawn as the studied commune. Unknown or unlocated codes are skipped."""
    if directory is None:
        from reports.communes import directory as shipped

        directory = shipped()
    points: list[MapPoint] = []
    for code, category in communes:
        found = directory.by_insee(code)
        if found is None or found.lat is None:
            continue
        kind = "subject" if subject and code == subject else "commune"
        points.append(MapPoint(found.lat, found.lon, kind, found.population, found.name,
                               category, code=found.insee_code))
    if not points:
        return draw_map([], width=width, height=height, caption=caption)
    lat0, lon0, half_w, half_h = _extent(points, None, None)
    reach = math.hypot(half_w, half_h) + 1
    extra = _place_points(directory, lat0, lon0, reach) + _study_points(directory)
    box = _Frame(0, 0, 1, 1)
    box.fit(lat0, lon0, half_w, half_h)
    extra = [p for p in extra if abs(box.km(p.lat, p.lon)[0]) <= half_w
             and abs(box.km(p.lat, p.lon)[1]) <= half_h]
    # the frame fits the communes; the extras only fill it
    drawing_points = points + extra
    return draw_map(drawing_points, width=width, height=height, categories=categories,
                    centre=None, max_dot=min(MAX_DOT, 8.0),
                    max_commune_labels=max_commune_labels, caption=caption)
