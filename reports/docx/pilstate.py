"""Draw reportlab.graphics charts to PNG with Pillow alone.

reportlab 5 renders bitmaps only through rlPyCairo (pycairo + freetype-py, which needs the
cairo library and, on Linux, a compiler). This module gives `renderPM` a graphics state with
the same interface, drawn with Pillow (already a reportlab dependency), so the DOCX export
gets the very charts of the PDF on any machine. It covers what charts use: filled and
stroked paths with Bézier curves, dashes, opacity, strings in the note's TrueType fonts.
Clipping is ignored (the note's charts do not clip). Drawn at twice the size, then reduced,
for smooth edges.
"""

from __future__ import annotations

import contextlib
import itertools
import math
from functools import cache
from typing import Any

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.renderPM import PMCanvas, draw
from reportlab.graphics.shapes import Drawing
from reportlab.graphics.transform import mmult
from reportlab.lib.colors import toColor

SUPERSAMPLE = 2
_CURVE_STEPS = 16


@cache
def _font_file(font_name: str) -> str | None:
    """The TrueType file of a registered reportlab font (None for the built-in Type 1 fonts)."""
    from reportlab.pdfbase import pdfmetrics

    try:
        face = getattr(pdfmetrics.getFont(font_name), "face", None)
    except KeyError:
        return None
    return getattr(face, "filename", None)


@cache
def _pil_font(font_name: str, pixels: int) -> Any:
    path = _font_file(font_name)
    if path:
        try:
            return ImageFont.truetype(path, pixels)
        except OSError:
            pass
    return ImageFont.load_default(pixels)


def _weights(t: float) -> tuple[float, float, float, float]:
    u = 1 - t
    return u**3, 3 * u * u * t, 3 * u * t * t, t**3


# the Bernstein weights of each step, computed once (a map flattens ~5 000 curves)
_WEIGHTS = tuple(_weights(step / _CURVE_STEPS) for step in range(1, _CURVE_STEPS + 1))


def _bezier(p0, p1, p2, p3) -> list[tuple[float, float]]:
    """Points along a cubic Bézier curve (the start point excluded)."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = p0, p1, p2, p3
    return [(a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3)
            for a, b, c, d in _WEIGHTS]


def _rgba(color: Any, opacity: float | None) -> tuple[int, int, int, int]:
    """8-bit RGBA. renderPM sets the opacity from a colour's own alpha (and a shape's
    fillOpacity is then overwritten by it), so the opacity, when set, is the alpha."""
    red, green, blue, alpha = color.rgba()
    alpha = alpha if opacity is None else opacity
    return (round(red * 255), round(green * 255), round(blue * 255), round(alpha * 255))


class PilGState:
    """The graphics state `renderPM.PMCanvas` drives, painting on a Pillow image."""

    def __init__(self, width: int = 1, height: int = 1, bg: Any = "white", fmt: str = "RGB24"):
        self._fmt = fmt
        self.width, self.height = width, height
        self.image = Image.new("RGBA", (width * SUPERSAMPLE, height * SUPERSAMPLE),
                               _rgba(toColor(bg), None))
        self.ctm = (1, 0, 0, 1, 0, 0)
        self._subpaths: list[list[tuple[float, float]]] = []
        self._closed: list[bool] = []
        self.fillColor = None
        self.strokeColor = None
        self.strokeWidth = 1.0
        self.dashArray = None
        self.lineCap = self.lineJoin = 0
        self.fillMode = 0
        self.fillOpacity = self.strokeOpacity = None
        self.textRenderMode = 0
        self.fontName, self.fontSize = "Helvetica", 10

    # --- state ---------------------------------------------------------------------
    @property
    def ctm(self) -> tuple[float, ...]:
        """The user → device matrix, as reportlab sees it (y up)."""
        return self._matrix

    @ctm.setter
    def ctm(self, matrix: tuple[float, ...]) -> None:
        self._matrix = tuple(matrix)
        self._to_device = mmult((1, 0, 0, -1, 0, self.height), self._matrix)

    def _device(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self._to_device
        return ((a * x + c * y + e) * SUPERSAMPLE, (b * x + d * y + f) * SUPERSAMPLE)

    def _scale(self) -> float:
        a, b, c, d, _, _ = self._matrix
        return math.sqrt(abs(a * d - b * c)) * SUPERSAMPLE

    def setFont(self, font_name: str, font_size: float) -> None:
        """Font used by the next strings."""
        self.fontName, self.fontSize = font_name, font_size

    # --- paths -------------------------------------------------------------------------
    def pathBegin(self) -> None:
        """Start a new, empty path."""
        self._subpaths, self._closed = [], []

    beginPath = pathBegin

    def moveTo(self, x: float, y: float) -> None:
        """Start a sub-path."""
        self._subpaths.append([self._device(x, y)])
        self._closed.append(False)

    def lineTo(self, x: float, y: float) -> None:
        """Straight segment."""
        if not self._subpaths:
            self.moveTo(x, y)
            return
        self._subpaths[-1].append(self._device(x, y))

    def curveTo(self, x1, y1, x2, y2, x3, y3) -> None:
        """Cubic Bézier segment, flattened."""
        if not self._subpaths:
            self.moveTo(x1, y1)
        start = self._subpaths[-1][-1]
        self._subpaths[-1] += _bezier(start, self._device(x1, y1), self._device(x2, y2),
                                      self._device(x3, y3))

    def pathClose(self) -> None:
        """Close the current sub-path."""
        if self._closed:
            self._closed[-1] = True

    closePath = pathClose

    def clipPathSet(self) -> None:
        """Clipping is not needed by the note's charts."""

    clipPathClear = clipPathAdd = clipPathSet

    @contextlib.contextmanager
    def _pen(self, rgba: tuple[int, int, int, int], margin: float = 0.0):
        """(pen, sub-paths in the pen's coordinates) for painting the current path in `rgba`.

        An opaque colour paints on the image itself; a translucent one on a layer covering
        only the path's box (`margin` pixels around it, for a stroke's width), merged
        afterwards. An empty path, or one wholly off the image, gives no sub-paths."""
        if rgba[3] == 255:
            yield ImageDraw.Draw(self.image), self._subpaths
            return
        xs = [x for points in self._subpaths for x, _ in points]
        ys = [y for points in self._subpaths for _, y in points]
        left = max(0, math.floor(min(xs, default=0) - margin) - 2)
        top = max(0, math.floor(min(ys, default=0) - margin) - 2)
        right = min(self.image.width, math.ceil(max(xs, default=0) + margin) + 3)
        bottom = min(self.image.height, math.ceil(max(ys, default=0) + margin) + 3)
        if not xs or right <= left or bottom <= top:
            yield None, []
            return
        layer = Image.new("RGBA", (right - left, bottom - top), (0, 0, 0, 0))
        yield ImageDraw.Draw(layer), [[(x - left, y - top) for x, y in points]
                                      for points in self._subpaths]
        self.image.alpha_composite(layer, (left, top))

    def pathFill(self, fill_mode: int | None = None) -> None:
        """Fill the current path with the fill colour."""
        if self.fillColor is None:
            return
        color = _rgba(toColor(self.fillColor), self.fillOpacity)
        with self._pen(color) as (pen, subpaths):
            for points in subpaths:
                if len(points) >= 3:
                    pen.polygon(points, fill=color)

    def pathStroke(self) -> None:
        """Stroke the current path with the stroke colour, width and dashes."""
        if self.strokeColor is None or not self.strokeWidth:
            return
        color = _rgba(toColor(self.strokeColor), self.strokeOpacity)
        width = max(1, round(self.strokeWidth * self._scale()))
        with self._pen(color, width) as (pen, subpaths):
            for points, closed in zip(subpaths, self._closed, strict=False):  # none: off-image
                line = [*points, points[0]] if closed and len(points) > 2 else points
                for piece in self._dashes(line):
                    if len(piece) >= 2:
                        pen.line(piece, fill=color, width=width, joint="curve")

    def _dashes(self, points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
        """Split a polyline into the dashes of `dashArray` (whole line when solid)."""
        pattern = self.dashArray
        # renderPM passes (offset, (on, off…)); a bare (on, off…) is accepted too
        if pattern and len(pattern) == 2 and isinstance(pattern[1], list | tuple):
            pattern = pattern[1]
        elif pattern and isinstance(pattern[0], list | tuple):
            pattern = pattern[0]
        if not pattern or not any(pattern):
            return [points]
        lengths = [max(0.5, float(v)) * self._scale() for v in pattern]
        pieces, current, index, left, on = [], [points[0]], 0, lengths[0], True
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            seg = math.hypot(x1 - x0, y1 - y0)
            pos = 0.0
            while seg - pos > left:
                pos += left
                point = (x0 + (x1 - x0) * pos / seg, y0 + (y1 - y0) * pos / seg)
                if on:
                    pieces.append([*current, point])
                current = [point]
                on = not on
                index = (index + 1) % len(lengths)
                left = lengths[index]
            left -= seg - pos
            current.append((x1, y1))
        if on:
            pieces.append(current)
        return pieces

    # --- text and images -------------------------------------------------------------
    def drawString(self, x: float, y: float, text: str) -> None:
        """Write `text` with its baseline starting at (x, y)."""
        if self.fillColor is None or not text:
            return
        pixels = max(1, round(self.fontSize * self._scale()))
        font = _pil_font(self.fontName, pixels)
        color = _rgba(toColor(self.fillColor), self.fillOpacity)
        a, b, _, _, _, _ = self._matrix
        angle = math.degrees(math.atan2(b, a))
        origin = self._device(x, y)
        if abs(angle) < 0.5:
            ImageDraw.Draw(self.image).text(origin, text, font=font, fill=color, anchor="ls")
            return
        box = font.getbbox(text, anchor="ls")
        size = (box[2] - box[0] + 4, box[3] - box[1] + 4)
        layer = Image.new("RGBA", size, (0, 0, 0, 0))
        ImageDraw.Draw(layer).text((2 - box[0], 2 - box[1]), text, font=font, fill=color,
                                   anchor="ls")
        turned = layer.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC,
                              center=(2 - box[0], 2 - box[1]))
        # rotating about the baseline origin then pasting by the turned box's centre is
        # close enough for axis labels; exact placement would need the rotated offset
        self.image.alpha_composite(turned, (max(0, round(origin[0] - turned.width / 2)),
                                            max(0, round(origin[1] - turned.height / 2))))

    def _aapixbuf(self, x, y, dst_w, dst_h, data, src_w, src_h, planes=3) -> None:
        """Paste a bitmap (a PIL image) into the user-space box."""
        left, top = self._device(x, y + dst_h)
        right, bottom = self._device(x + dst_w, y)
        size = (max(1, round(right - left)), max(1, round(bottom - top)))
        picture = data.convert("RGBA").resize(size, Image.Resampling.LANCZOS)
        self.image.alpha_composite(picture, (round(left), round(top)))

    @property
    def pixBuf(self) -> bytes:
        """The picture as raw RGB bytes, at the requested size (the image is drawn at
        SUPERSAMPLE times it: the mean of each block, 4x faster than resampling)."""
        return self.image.reduce(SUPERSAMPLE).convert("RGB").tobytes()


class PilCanvas(PMCanvas):
    """renderPM's canvas, on a Pillow graphics state."""

    @staticmethod
    def _getGState(w, h, bg, backend=None, fmt="RGB24"):
        return PilGState(w, h, bg)

    def setFont(self, fontName, fontSize, leading=None):
        """Set the font directly: reportlab's own helper wants freetype-py for text paths."""
        self._gs.setFont(fontName, fontSize)

    def drawString(self, x, y, text, _fontInfo=None, text_anchor="left",
                   direction=None, shaping=False):
        """Write a string with its anchor (start, middle, end), in its own font."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        gs = self._gs
        saved = gs.fontName, gs.fontSize
        if _fontInfo:
            gs.setFont(_fontInfo[0], _fontInfo[1])
        try:
            if text_anchor in ("end", "middle"):
                width = stringWidth(text, gs.fontName, gs.fontSize)
                x -= width if text_anchor == "end" else width / 2
            gs.drawString(x, y, text)
        finally:
            gs.setFont(*saved)


def drawing_to_png(drawing: Drawing, dpi: int = 200) -> bytes:
    """The drawing as PNG bytes, drawn with Pillow."""
    from io import BytesIO

    from reportlab.graphics.renderPM import renderScaledDrawing

    drawing = renderScaledDrawing(drawing)
    canvas = PilCanvas(drawing.width, drawing.height, dpi=dpi, bg=0xFFFFFF)
    draw(drawing, canvas, 0, 0, showBoundary=False)
    out = BytesIO()
    canvas.toPIL().save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()
