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
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reports.errors import UserFacingError
from reports.files import ReadError, read_regular, shown
from reports.jsonlimits import hostile_value, json_error_text, json_loads
from reports.texts import message

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
        raise BrandError(message("brand.field.bad_color", field=field, text=text))
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
        raise BrandError(message("brand.logo.not_image_name", name=shown(path.name)))
    if not os.path.lexists(path):
        raise BrandError(message("brand.logo.missing", path=shown(path)))
    try:
        head = read_regular(path, MAX_LOGO_BYTES, head=8)
        size = path.stat().st_size
    except ReadError as exc:
        raise BrandError(message("brand.logo.unreadable", reason=exc)) from exc
    except OSError as exc:
        raise BrandError(message("brand.logo.inaccessible", path=shown(path))) from exc
    if not head.startswith(_LOGO_MAGIC):
        raise BrandError(message("brand.logo.not_image", name=shown(path.name)))
    if size > MAX_LOGO_BYTES:
        raise BrandError(message("brand.logo.too_heavy", name=shown(path.name),
                                 size=size // 1024 // 1024, limit=MAX_LOGO_BYTES // 1024 // 1024))
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
        raise BrandError(message("brand.logo.bomb", name=shown(path.name),
                                 limit=MAX_LOGO_PIXELS // 1_000_000)) from exc
    except Exception as exc:  # PIL raises many kinds for a damaged file
        raise BrandError(message("brand.logo.damaged", name=shown(path.name))) from exc
    if width * height > MAX_LOGO_PIXELS:
        raise BrandError(message("brand.logo.too_many_pixels", name=shown(path.name), width=width,
                                 height=height, limit=MAX_LOGO_PIXELS // 1_000_000))
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
        raise BrandError(message("brand.logo.damaged", name=shown(Path(path).name))) from exc
    return buffer.getvalue()


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BrandError(message("brand.field.not_text", key=key))
    value = " ".join(value.split())
    if len(value) > _MAX_TEXT:
        raise BrandError(message("brand.field.too_long", key=key, limit=_MAX_TEXT))
    return value


def brand_from_dict(data: object, base_dir: Path | None = None) -> Brand:
    """Build a Brand from its JSON dict; a relative logo path is read from `base_dir`."""
    if not isinstance(data, dict):
        raise BrandError(message("brand.field.not_object"))
    unknown = sorted(set(data) - {*_TEXT_FIELDS, "logo_path", "main_color"})
    if unknown:
        raise BrandError(message("brand.field.unknown", name=unknown[0]))
    texts = {key: _text(data, key) for key in _TEXT_FIELDS}
    if not texts["name"]:
        raise BrandError(message("brand.field.name_required"))
    color = check_color(data.get("main_color") or DEFAULT_BRAND.main_color)
    return Brand(logo_path=check_logo(data.get("logo_path"), base_dir), main_color=color, **texts)


def brand_to_dict(brand: Brand) -> dict[str, Any]:
    """The JSON-ready dict of a Brand (logo as a string path or None)."""
    return {**asdict(brand), "logo_path": str(brand.logo_path) if brand.logo_path else None}


def load_brand_file(path: str | Path) -> Brand:
    """Read a brand JSON file; BrandError (French) if unreadable, malformed or invalid."""
    path = Path(path)
    try:
        raw = read_regular(path, MAX_BRAND_BYTES)
    except ReadError as exc:
        raise BrandError(message("brand.file.unreadable", reason=exc)) from exc
    name = shown(path.name)
    try:
        data = json_loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise BrandError(message("brand.file.not_utf8", name=name, position=exc.start)) from exc
    except json.JSONDecodeError as exc:
        raise BrandError(message("brand.file.bad_json", name=name, line=exc.lineno,
                                 column=exc.colno, reason=json_error_text(exc))) from exc
    except RecursionError as exc:
        raise BrandError(message("brand.file.nested", name=name)) from exc
    hostile = hostile_value(data)
    if hostile is not None:
        raise BrandError(message("brand.file.hostile", name=name, reason=hostile[1]))
    try:
        return brand_from_dict(data, base_dir=path.parent)
    except BrandError as exc:
        raise BrandError(message("brand.file.invalid", name=name, reason=exc)) from exc


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
            warnings.append(message("brand.file.skipped", name=shown(path.name), reason=exc))
    return sorted(brands, key=lambda b: b.name.casefold()), warnings


def list_brands() -> list[Brand]:
    """The saved brands, sorted by name; unreadable files are skipped (see `scan_brands`)."""
    return scan_brands()[0]


def save_brand(brand: Brand) -> Path:
    """Write `brand` in the brands folder (replacing one of the same name); return the file."""
    text = json.dumps(brand_to_dict(brand), ensure_ascii=False, indent=2)
    return _store(_brand_file(brand.name), text.encode("utf-8"))


def _store(path: Path, data: bytes, choice: bool = False) -> Path:
    """Write a brand (or, `choice`, the wizard's current one) through the one writer."""
    from reports.files import WriteError, french_reason, write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_atomic(path, data)
    except WriteError as exc:  # already French and names the file
        raise BrandError(message("brand.saved.current_not_saved", reason=exc) if choice
                         else message("brand.saved.not_saved", reason=exc)) from exc
    except OSError as exc:
        raise BrandError(message("brand.saved.cannot_save", folder=shown(path.parent),
                                 reason=french_reason(exc))) from exc


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
    known = ", ".join(b.name for b in brands) or message("brand.saved.none")
    raise BrandError(message("brand.saved.unknown", name=name, known=known, folder=brands_dir()))


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
        name = read_regular(brands_dir() / _CURRENT, MAX_BRAND_BYTES).decode("utf-8", "replace")
    except ReadError:
        return DEFAULT_BRAND
    name = name.strip()
    try:
        return find_brand(name) if name else DEFAULT_BRAND
    except BrandError:
        return DEFAULT_BRAND


def set_current_brand(name: str | None) -> None:
    """Remember the brand the wizard applies (None: back to the default style)."""
    _store(brands_dir() / _CURRENT, (name or "").encode("utf-8"), choice=True)
