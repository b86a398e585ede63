"""A firm's branding ("profil cabinet"): organisation, logo, main colour, contact, author.

The note (PDF) and the editable export (DOCX) read a `Brand`; `DEFAULT_BRAND` is the sober
neutral style for a commune's own use. Named brands are stored as one JSON file each in the
user's configuration folder (no Qt here, so the command line and the wizard share them):
``$TIERSLIEU_CONFIG_DIR/brands`` if set, else ``%APPDATA%\\tierslieu\\brands`` on Windows,
else ``$XDG_CONFIG_HOME/tierslieu/brands`` (``~/.config/tierslieu/brands``).
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reports.errors import UserFacingError

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
_LOGO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_MAX_TEXT = 200  # long enough for a contact line; caps what a table cell must hold
_TEXT_FIELDS = ("name", "organisation", "contact", "author")
CONFIG_ENV = "TIERSLIEU_CONFIG_DIR"


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
    """Return the logo's absolute path (None if empty) or raise BrandError."""
    if value in (None, ""):
        return None
    path = Path(str(value)).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    if path.suffix.lower() not in _LOGO_SUFFIXES:
        raise BrandError(f"Logo (logo_path) : « {path.name} » doit être une image PNG ou JPEG.")
    try:
        head = path.read_bytes()[:8]
    except OSError as exc:
        raise BrandError(f"Logo (logo_path) introuvable ou illisible : {path}.") from exc
    if not head.startswith(_LOGO_MAGIC):
        raise BrandError(f"Logo (logo_path) : {path.name} n'est pas une image PNG ou JPEG valide.")
    return path.resolve()


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
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise BrandError(f"Profil cabinet introuvable ou illisible : {path}.") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BrandError(
            f"Profil cabinet {path.name} : JSON invalide (ligne {exc.lineno}, colonne {exc.colno})."
        ) from exc
    try:
        return brand_from_dict(data, base_dir=path.parent)
    except BrandError as exc:
        raise BrandError(f"{path.name} : {exc}") from exc


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


def list_brands() -> list[Brand]:
    """The saved brands, sorted by name; unreadable files are skipped."""
    folder = brands_dir()
    brands = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        try:
            brands.append(load_brand_file(path))
        except BrandError:
            continue  # one broken file must not hide the others
    return sorted(brands, key=lambda b: b.name.casefold())


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
        raise BrandError(
            f"Impossible d'enregistrer le profil cabinet dans {path.parent} : {exc}."
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


def find_brand(name: str) -> Brand:
    """The saved brand called `name` (case and accents ignored); BrandError if none."""
    wanted = _slug(name)
    for brand in list_brands():
        if _slug(brand.name) == wanted:
            return brand
    known = ", ".join(b.name for b in list_brands()) or "aucun"
    raise BrandError(
        f"Profil cabinet « {name} » inconnu (profils enregistrés : {known} ; "
        f"dossier : {brands_dir()}). Donnez son nom exact ou le chemin d'un fichier .json."
    )


def resolve_brand(value: str | None) -> Brand:
    """`--brand` on the command line: a saved name, a JSON file path, or None for the default."""
    if not value:
        return DEFAULT_BRAND
    if value.lower().endswith(".json") or Path(value).is_file():
        return load_brand_file(value)
    return find_brand(value)


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
        raise BrandError(f"Impossible d'enregistrer le choix du profil cabinet : {exc}.") from exc
