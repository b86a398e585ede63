"""A firm's branding ("profil cabinet"): organisation, logo, main colour, contact, author.

The note (PDF) and the editable export (DOCX) read a `Brand`; `DEFAULT_BRAND` is the sober
neutral style for a commune's own use. Named brands are stored as one JSON file each in the
user's configuration folder (no Qt here, so the command line and the wizard share them):
``$TIERSLIEU_CONFIG_DIR/brands`` if set, else ``%APPDATA%\\tierslieu\\brands`` on Windows,
else ``$XDG_CONFIG_HOME/tierslieu/brands`` (``~/.config/tierslieu/brands``).
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reports.errors import UserFacingError
from reports.files import ReadError, read_regular, shown
from reports.jsonlimits import hostile_value, json_error_text, json_loads

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
_LOGO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_MAX_TEXT = 200  # long enough for a contact line; caps what a table cell must hold
_TEXT_FIELDS = ("name", "organisation", "contact", "author")
CONFIG_ENV = "TIERSLIEU_CONFIG_DIR"
MAX_LOGO_BYTES = 20 * 1024 * 1024  # a logo is a few hundred kB
MAX_LOGO_PIXELS = 25_000_000  # 5 000 × 5 000: decoded, about 100 MB at most
LOGO_MAX_PX = 600  # the cover shows the logo within 40 × 22 mm: 600 px is ~380 dpi
MAX_BRAND_BYTES = 256 * 1024  # a brand file is a few hundred bytes
Warn = Callable[[str], None]


class BrandError(UserFacingError, ValueError):
    """A brand cannot be read or used; the message is in French and names the field."""


@dataclass(frozen=True)
class Brand:
    """How a note looks and whom it comes from."""

    name: str
    organisation: str = ""
    logo_path: Path | None = None
    main_color: str = "#3B4A5A"  # "#RRGGBB"
    contact: str = ""
    author: str = ""

    @property
    def rgb(self) -> tuple[int, int, int]:
        """The main colour as three integers 0..255."""
        return tuple(int(self.main_color[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]

    def tint(self, amount: float) -> str:
        """The main colour mixed with white (`amount` 0 = colour, 1 = white), as ``#RRGGBB``."""
        mixed = (round(c + (255 - c) * amount) for c in self.rgb)
        return "#" + "".join(f"{c:02X}" for c in mixed)


# Dark grey-blue, no logo: reads as neutral on a commune's own letterhead and prints well in grey.
DEFAULT_BRAND = Brand(name="Sobre (par défaut)", main_color="#3B4A5A")


def check_color(value: object, field: str = "main_color") -> str:
    """Return the colour as upper-case ``#RRGGBB`` or raise BrandError."""
    text = str(value or "").strip()
    if not _COLOR.match(text):
        raise BrandError(
            f"Couleur principale ({field}) invalide : « {text} ». "
            "Attendu une couleur au format #RRGGBB, par exemple #3B4A5A."
        )
    return text.upper()


def check_logo(value: object, base_dir: Path | None = None) -> Path | None:
    """Return the logo's absolute path (None if empty) or raise BrandError.

    Reads 8 bytes for the type and the image header for the size: a special file
    (FIFO, ``/dev/zero``) is refused before anything is read, an image of more than
    `MAX_LOGO_PIXELS` pixels before it is decoded.
    """
    if value in (None, ""):
        return None
    path = Path(str(value)).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    if path.suffix.lower() not in _LOGO_SUFFIXES:
        raise BrandError(f"Logo (logo_path) : « {shown(path.name)} » doit être une image PNG "
                         "ou JPEG.")
    if not os.path.lexists(path):
        raise BrandError(f"Logo introuvable (logo_path) : « {shown(path)} ».")
    try:
        head = read_regular(path, MAX_LOGO_BYTES, head=8)
        size = path.stat().st_size
    except ReadError as exc:
        raise BrandError(f"Logo (logo_path) : {exc}") from exc
    except OSError as exc:
        raise BrandError(f"Logo (logo_path) introuvable ou illisible : {shown(path)}.") from exc
    if not head.startswith(_LOGO_MAGIC):
        raise BrandError(f"Logo (logo_path) : {shown(path.name)} n'est pas une image PNG ou "
                         "JPEG valide.")
    if size > MAX_LOGO_BYTES:
        raise BrandError(f"Logo (logo_path) : {shown(path.name)} pèse {size // 1024 // 1024} Mo "
                         f"(au plus {MAX_LOGO_BYTES // 1024 // 1024} Mo) : réduisez l'image.")
    _pixels(path)
    return path.resolve()


def _pixels(path: Path) -> tuple[int, int]:
    """The image's size from its header; BrandError if unreadable or too big."""
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():  # Pillow's English warning: the check below says it
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:  # reads the header only
                width, height = image.size
    except Image.DecompressionBombError as exc:
        raise BrandError(f"Logo (logo_path) : {shown(path.name)} a bien plus de "
                         f"{MAX_LOGO_PIXELS // 1_000_000} millions de pixels : réduisez "
                         "l'image.") from exc
    except Exception as exc:  # PIL raises many kinds for a damaged file
        raise BrandError(f"Logo (logo_path) : {shown(path.name)} n'est pas une image PNG ou "
                         "JPEG lisible.") from exc
    if width * height > MAX_LOGO_PIXELS:
        raise BrandError(
            f"Logo (logo_path) : {shown(path.name)} fait {width} × {height} pixels, trop grand "
            f"(au plus {MAX_LOGO_PIXELS // 1_000_000} millions de pixels) : réduisez l'image "
            f"(quelques centaines de pixels de large suffisent)."
        )
    return width, height


def logo_png(path: str | Path) -> bytes:
    """The logo as the note embeds it: a PNG of at most `LOGO_MAX_PX` pixels a side.

    BrandError (French) when the file is not a usable logo. Cached: a batch embeds the same
    logo in every note.
    """
    path = Path(path)
    checked = check_logo(str(path))
    assert checked is not None
    info = checked.stat()
    return _logo_png(str(checked), info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=8)
def _logo_png(path: str, _mtime: int, _size: int) -> bytes:
    from PIL import Image

    try:
        with Image.open(path) as image:
            image.draft("RGB", (LOGO_MAX_PX, LOGO_MAX_PX))  # JPEG: decode at a smaller scale
            image.thumbnail((LOGO_MAX_PX, LOGO_MAX_PX))
            if image.mode not in ("RGB", "RGBA", "L", "LA"):
                image = image.convert("RGBA")
            buffer = io.BytesIO()
            image.save(buffer, "PNG", optimize=True)
    except Exception as exc:  # a damaged image body: PIL raises many kinds
        raise BrandError(f"Logo (logo_path) : {shown(Path(path).name)} n'est pas une image "
                         "PNG ou JPEG lisible.") from exc
    return buffer.getvalue()


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BrandError(f"Champ « {key} » du profil cabinet : attendu un texte.")
    value = " ".join(value.split())
    if len(value) > _MAX_TEXT:
        raise BrandError(
            f"Champ « {key} » du profil cabinet trop long (maximum {_MAX_TEXT} caractères)."
        )
    return value


def brand_from_dict(data: object, base_dir: Path | None = None) -> Brand:
    """Build a Brand from its JSON dict; a relative logo path is read from `base_dir`."""
    if not isinstance(data, dict):
        raise BrandError("Profil cabinet : attendu un objet JSON ({…}).")
    unknown = sorted(set(data) - {*_TEXT_FIELDS, "logo_path", "main_color"})
    if unknown:
        raise BrandError(f"Profil cabinet : champ inconnu « {unknown[0]} ».")
    texts = {key: _text(data, key) for key in _TEXT_FIELDS}
    if not texts["name"]:
        raise BrandError("Profil cabinet : le nom (name) est obligatoire.")
    color = check_color(data.get("main_color") or DEFAULT_BRAND.main_color)
    return Brand(logo_path=check_logo(data.get("logo_path"), base_dir), main_color=color, **texts)


def brand_to_dict(brand: Brand) -> dict[str, Any]:
    """The JSON-ready dict of a Brand (logo as a string path or None)."""
    return {
        "name": brand.name,
        "organisation": brand.organisation,
        "logo_path": str(brand.logo_path) if brand.logo_path else None,
        "main_color": brand.main_color,
        "contact": brand.contact,
        "author": brand.author,
    }


def load_brand_file(path: str | Path) -> Brand:
    """Read a brand JSON file; BrandError (French) if unreadable, malformed or invalid."""
    path = Path(path)
    try:
        raw = read_regular(path, MAX_BRAND_BYTES)
    except ReadError as exc:
        raise BrandError(f"Profil cabinet illisible : {exc}") from exc
    name = shown(path.name)
    try:
        data = json_loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise BrandError(f"Profil cabinet {name} : ce n'est pas un texte UTF-8 (octet invalide "
                         f"à la position {exc.start}).") from exc
    except json.JSONDecodeError as exc:
        raise BrandError(
            f"Profil cabinet {name} : JSON invalide (ligne {exc.lineno}, colonne {exc.colno} : "
            f"{json_error_text(exc)})."
        ) from exc
    except RecursionError as exc:
        raise BrandError(f"Profil cabinet {name} : trop profondément imbriqué.") from exc
    hostile = hostile_value(data)
    if hostile is not None:
        raise BrandError(f"Profil cabinet {name} : {hostile[1]}")
    try:
        return brand_from_dict(data, base_dir=path.parent)
    except BrandError as exc:
        raise BrandError(f"{name} : {exc}") from exc


# --- storage of named brands -------------------------------------------------------------


def config_dir() -> Path:
    """The user's configuration folder for the application (no Qt needed)."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    else:
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "tierslieu"


def brands_dir() -> Path:
    """Folder holding one JSON file per named brand."""
    return config_dir() / "brands"


def _slug(name: str) -> str:
    """A file stem for a brand name: ASCII, lower case, dashes."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "cabinet"


def _brand_file(name: str) -> Path:
    return brands_dir() / f"{_slug(name)}.json"


def scan_brands() -> tuple[list[Brand], list[str]]:
    """The saved brands sorted by name, and a French warning for each file skipped.

    One broken file (not UTF-8, not JSON, nested, invalid) never hides the others.
    """
    folder = brands_dir()
    brands, warnings = [], []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        try:
            brands.append(load_brand_file(path))
        except BrandError as exc:
            warnings.append(f"Profil cabinet ignoré, fichier {shown(path.name)} : {exc}")
    return sorted(brands, key=lambda b: b.name.casefold()), warnings


def list_brands() -> list[Brand]:
    """The saved brands, sorted by name; unreadable files are skipped (see `scan_brands`)."""
    return scan_brands()[0]


def save_brand(brand: Brand) -> Path:
    """Write `brand` in the brands folder (replacing one of the same name); return the file."""
    from reports.files import WriteError, write_atomic

    path = _brand_file(brand.name)
    text = json.dumps(brand_to_dict(brand), ensure_ascii=False, indent=2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
    except WriteError as exc:  # already French and names the file
        raise BrandError(f"Profil cabinet non enregistré. {exc}") from exc
    except OSError as exc:
        from reports.files import french_reason

        raise BrandError(
            f"Impossible d'enregistrer le profil cabinet dans {shown(path.parent)} : "
            f"{french_reason(exc)}."
        ) from exc
    return path


def delete_brand(name: str) -> bool:
    """Remove the saved brand called `name`; True if a file was removed."""
    path = _brand_file(name)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def find_brand(name: str, warn: Warn | None = None) -> Brand:
    """The saved brand called `name` (case and accents ignored); BrandError if none.

    `warn` receives a French line for each brand file skipped because it is broken.
    """
    wanted = _slug(name)
    brands, warnings = scan_brands()
    for text in warnings if warn else ():
        warn(text)
    for brand in brands:
        if _slug(brand.name) == wanted:
            return brand
    known = ", ".join(b.name for b in brands) or "aucun"
    raise BrandError(
        f"Profil cabinet « {name} » inconnu (profils enregistrés : {known} ; "
        f"dossier : {brands_dir()}). Donnez son nom exact ou le chemin d'un fichier .json."
    )


def resolve_brand(value: str | None, warn: Warn | None = None) -> Brand:
    """`--brand` on the command line: a saved name, a JSON file path, or None for the default."""
    if not value:
        return DEFAULT_BRAND
    if value.lower().endswith(".json") or _is_file(value):
        return load_brand_file(value)
    return find_brand(value, warn)


def _is_file(value: str) -> bool:
    try:
        return Path(value).is_file()
    except (OSError, ValueError):  # a name too long, a NUL byte
        return False


_CURRENT = "current.txt"  # the brand the wizard applies, by name (the CLI asks for --brand)


def current_brand() -> Brand:
    """The brand chosen in the wizard (the default style when none, or when it was deleted)."""
    try:
        name = (brands_dir() / _CURRENT).read_text(encoding="utf-8").strip()
    except OSError:
        return DEFAULT_BRAND
    try:
        return find_brand(name) if name else DEFAULT_BRAND
    except BrandError:
        return DEFAULT_BRAND


def set_current_brand(name: str | None) -> None:
    """Remember the brand the wizard applies (None: back to the default style)."""
    path = brands_dir() / _CURRENT
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name or "", encoding="utf-8")
    except OSError as exc:
        from reports.files import french_reason

        raise BrandError("Impossible d'enregistrer le choix du profil cabinet : "
                         f"{french_reason(exc)}.") from exc
