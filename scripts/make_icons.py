"""Draw the application icon (resources/icons/tierslieu-<size>.png) with Pillow.

Usage (from the repository root)::

    .venv/bin/python scripts/make_icons.py [--out resources/icons]

A gabled building with a door, in the default brand colour (`reports.brand.DEFAULT_BRAND`) on a
light rounded square. Each size is drawn at four times its size and reduced, so edges are
smooth; the smallest sizes leave out the windows, which would only blur. Deterministic: two
runs give identical bytes (no timestamp or metadata is written).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw

from reports.brand import DEFAULT_BRAND

SIZES = (16, 32, 64, 256)
INK = DEFAULT_BRAND.main_color
PAPER = "#EEF1F4"  # light grey-blue: reads on light and dark task bars alike
SCALE = 4  # supersampling factor


def draw(size: int) -> Image.Image:
    """The icon at `size` × `size` pixels."""
    full = size * SCALE
    image = Image.new("RGBA", (full, full), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return round(x0 * full), round(y0 * full), round(x1 * full), round(y1 * full)

    border = max(SCALE, round(0.03 * full))
    pen.rounded_rectangle(box(0.02, 0.02, 0.98, 0.98), radius=round(0.18 * full),
                          fill=PAPER, outline=INK, width=border)
    roof = [(0.14, 0.48), (0.50, 0.16), (0.86, 0.48)]
    pen.polygon([(round(x * full), round(y * full)) for x, y in roof], fill=INK)
    pen.rectangle(box(0.23, 0.44, 0.77, 0.82), fill=INK)  # walls
    pen.rectangle(box(0.12, 0.80, 0.88, 0.86), fill=INK)  # ground
    pen.rectangle(box(0.42, 0.58, 0.58, 0.82), fill=PAPER)  # door
    if size >= 32:
        pen.rectangle(box(0.29, 0.53, 0.37, 0.64), fill=PAPER)  # windows
        pen.rectangle(box(0.63, 0.53, 0.71, 0.64), fill=PAPER)
    if size >= 64:
        pen.ellipse(box(0.455, 0.30, 0.545, 0.39), fill=PAPER)  # gable oculus
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main(argv: list[str] | None = None) -> int:
    """Write one PNG per size; print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("resources/icons"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        path = args.out / f"tierslieu-{size}.png"
        draw(size).save(path, format="PNG", optimize=True)
        print(f"{path} ({path.stat().st_size} octets)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
