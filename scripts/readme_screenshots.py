"""Rebuild the README's pictures (docs/screenshots/) from `python -m desktop --screenshots`.

Three pages of the Prades example in French, scaled to 960 px wide and reduced to a
256-colour palette so that the repository stays light. Run from the project root:

    .venv/bin/python scripts/readme_screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
PICTURES = {  # screenshot → README picture
    "01-commune.png": "assistant-commune.png",
    "03-territory.png": "assistant-territoire.png",
    "07-results.png": "assistant-resultats.png",
}
WIDTH = 960


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--profile", default="prades")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "desktop", "--screenshots", folder,
                        "--profile", args.profile, "--lang", "fr"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        for source, target in PICTURES.items():
            image = Image.open(Path(folder) / source).convert("RGB")
            height = round(image.height * WIDTH / image.width)
            small = image.resize((WIDTH, height), Image.Resampling.LANCZOS)
            small.quantize(colors=256, dither=Image.Dither.NONE).save(
                out / target, optimize=True)
            print(out / target, (out / target).stat().st_size // 1024, "Kio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
