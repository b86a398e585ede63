"""The commune profile: typed model, `.tierslieu.json` file format and validation.

A profile is what a mayor knows about the commune. The file is JSON::

    {"format": "tierslieu-profile", "version": 1, "commune": {...}, "population": {...},
     "territory": {...}, "buildings": [...], "carrier": {...}, "budget": {...},
     "services": [...], "notes": "", "assumptions": {...}}

Unknown fields are kept (in `extra`, per section) and written back, so a file goes through
the model unchanged. A file from a newer format version is refused; an older one goes
through `_MIGRATIONS`. Nothing here raises on bad input: problems come back as `Message`s
in French, naming the field by its dotted path (``population.total``,
``buildings.0.surface_m2``). Only `write_profile` raises, `ProfileWriteError`.

The optional ``assumptions`` object overrides the engine's defaults by key (see
resources/analysis/parameters.json, entries marked ``"overridable": true``), for example
``{"speed_kmh": 60, "furniture_it_per_workstation_eur": 1200}``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from reports import codes
from reports.fmt import fmt_number, parse_number

FORMAT = "tierslieu-profile"
VERSION = 1
EXTENSION = ".tierslieu.json"
MAX_FILE_BYTES = 2_000_000
MAX_BUILDINGS = 10

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Message:
    """One validation problem: the field's dotted path, a French text, its level."""

    field: str
    text: str
    level: Level = "error"


class ProfileWriteError(Exception):
    """The profile could not be saved; the message is in French."""


# --- field specifications -------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """How one field is read and checked; `text` is the French message when it is wrong."""

    kind: Literal["text", "int", "number", "code", "bool", "month"]
    text: str
    lo: float | None = None
    hi: float | None = None
    choices: tuple[Any, ...] = ()
    required: bool = False
    pattern: str | None = None


def _f(default: Any, spec: Spec) -> Any:
    """A dataclass field carrying its specification."""
    if isinstance(default, list | dict):
        return field(default_factory=lambda: type(default)(default), metadata={"spec": spec})
    return field(default=default, metadata={"spec": spec})


def _int_spec(what: str, lo: int, hi: int, *, required: bool = False) -> Spec:
    """A whole number between `lo` and `hi`."""
    text = f"{what} doit être un nombre entier entre {fmt_number(lo)} et {fmt_number(hi)}."
    return Spec("int", text.replace("\u202f", " "), lo, hi, required=required)


def _num_spec(what: str, lo: float, hi: float, unit: str = "") -> Spec:
    """A number between `lo` and `hi` (with an optional unit in the message)."""
    unit = f" {unit}" if unit else ""
    text = f"{what} doit être un nombre entre {fmt_number(lo)} et {fmt_number(hi)}{unit}."
    return Spec("number", text.replace("\u202f", " "), lo, hi)


def _code_spec(what: str, choices: tuple[tuple[Any, str], ...], *, required: bool = False) -> Spec:
    """One code of a list (the message lists the allowed codes)."""
    allowed = ", ".join(str(c) for c, _ in choices)
    return Spec("code", f"{what} doit être l'une des valeurs : {allowed}.",
                choices=tuple(c for c, _ in choices), required=required)


def _bool_spec(what: str) -> Spec:
    """Yes, no or unknown."""
    return Spec("bool", f"{what} doit valoir vrai ou faux (ou rester vide).")


# --- the model ------------------------------------------------------------------------


@dataclass
class Commune:
    """Identity of the commune."""

    name: str = _f("", Spec("text", "Le nom de la commune est obligatoire "
                            "(100 caractères au plus).", hi=100, required=True))
    insee_code: str = _f("", Spec("text", "Le code INSEE doit compter 5 caractères "
                                  "(par exemple 66149 ou 2A004).", hi=5,
                                  pattern=r"(\d{5}|2[AB]\d{3})"))
    departement: str = _f("", Spec("text", "Le département doit être un code comme 66, 2A ou 974.",
                                   hi=3, pattern=r"(\d{2}|2[AB]|9[78]\d)"))
    epci_name: str = _f("", Spec("text", "Le nom de l'intercommunalité compte 200 caractères "
                                 "au plus.", hi=200))
    epci_population: int | None = _f(None, _int_spec("La population de l'intercommunalité",
                                                     1, 10_000_000))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Population:
    """INSEE figures of the commune (as on the study's fiches)."""

    total: int | None = _f(None, _int_spec("La population", 1, 2_000_000, required=True))
    age_15_64: int | None = _f(None, _int_spec("La population de 15 à 64 ans", 0, 2_000_000))
    active_15_64: int | None = _f(None, _int_spec("Le nombre d'actifs de 15 à 64 ans",
                                                  0, 2_000_000))
    employed_15_64: int | None = _f(None, _int_spec("Le nombre d'actifs occupés de 15 à 64 ans",
                                                    0, 2_000_000))
    jobs: int | None = _f(None, _int_spec("Le nombre d'emplois dans la commune", 0, 2_000_000))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Territory:
    """Where the commune stands, and the demand signals the mayor knows of."""

    zau2010: str | None = _f(None, _code_spec("La catégorie ZAU 2010", codes.ZAU2010))
    aav2020_category: int | None = _f(None, _code_spec("La catégorie AAV 2020",
                                                       codes.AAV2020_CATEGORY))
    aav2020_size: int | None = _f(None, _code_spec("La taille de l'aire AAV 2020",
                                                   codes.AAV2020_SIZE))
    density_level: int | None = _f(None, _code_spec("Le niveau de densité", codes.DENSITY_LEVEL))
    minutes_to_pole: float | None = _f(None, _num_spec("Le temps de trajet vers le pôle d'emploi",
                                                       0, 240, "minutes"))
    catchment_population: int | None = _f(None, _int_spec("La population de la zone desservie",
                                                          1, 5_000_000))
    known_independents: int | None = _f(None, _int_spec("Le nombre d'indépendants connus",
                                                        0, 100_000))
    known_teleworkers: int | None = _f(None, _int_spec("Le nombre de télétravailleurs connus",
                                                       0, 100_000))
    existing_networks: str = _f("", Spec("text", "Les réseaux existants tiennent en 500 "
                                         "caractères au plus.", hi=500))
    nearby_third_places: int | None = _f(None, _int_spec("Le nombre de tiers-lieux proches",
                                                         0, 1000))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Building:
    """A candidate building for the place."""

    name: str = _f("", Spec("text", "Le nom du bâtiment compte 100 caractères au plus.", hi=100))
    owner: str | None = _f(None, _code_spec("Le propriétaire", codes.OWNERS))
    surface_m2: float | None = _f(None, _num_spec("La surface", 1, 10_000, "m²"))
    state: str | None = _f(None, _code_spec("L'état du bâtiment", codes.BUILDING_STATES))
    works_cost_eur: float | None = _f(None, _num_spec("Le coût des travaux", 0, 10_000_000, "€"))
    monthly_rent_eur: float | None = _f(None, _num_spec("Le loyer mensuel", 0, 100_000, "€"))
    location: str | None = _f(None, _code_spec("L'emplacement", codes.LOCATIONS))
    fibre: bool | None = _f(None, _bool_spec("« Fibre optique »"))
    accessible: bool | None = _f(None, _bool_spec("« Accessible aux personnes handicapées »"))
    parking: bool | None = _f(None, _bool_spec("« Stationnement »"))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Carrier:
    """Who would run the place."""

    type: str = _f("undecided", _code_spec("Le type de porteur", codes.CARRIER_TYPES,
                                           required=True))
    name: str = _f("", Spec("text", "Le nom du porteur compte 200 caractères au plus.", hi=200))
    founders: int | None = _f(None, _int_spec("Le nombre de fondateurs", 0, 1000))
    staff_hours_per_week: float | None = _f(None, _num_spec("Le temps salarié", 0, 200,
                                                            "heures par semaine"))
    commune_support: str = _f("none", _code_spec("Le soutien de la commune", codes.COMMUNE_SUPPORT,
                                                 required=True))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Budget:
    """What the commune can put in, as far as it knows."""

    investment_eur: float | None = _f(None, _num_spec("L'investissement prévu", 0, 10_000_000, "€"))
    subsidy_rate: float | None = _f(None, Spec("number", "Le taux de subvention doit être une "
                                               "fraction entre 0 et 1 (0,5 pour 50 %).", 0, 1))
    annual_operating_eur: float | None = _f(None, _num_spec("Le budget de fonctionnement annuel",
                                                            0, 2_000_000, "€"))
    opening: str = _f("", Spec("month", "La date d'ouverture doit s'écrire AAAA-MM "
                               "(par exemple 2027-09)."))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Profile:
    """Everything the mayor enters; `extra` keeps unknown top-level fields for the round trip."""

    commune: Commune = field(default_factory=Commune)
    population: Population = field(default_factory=Population)
    territory: Territory = field(default_factory=Territory)
    buildings: list[Building] = field(default_factory=list)
    carrier: Carrier = field(default_factory=Carrier)
    budget: Budget = field(default_factory=Budget)
    services: list[str] = field(default_factory=list)
    notes: str = ""
    assumptions: dict[str, float] | None = None  # overrides of the engine's defaults
    extra: dict[str, Any] = field(default_factory=dict)


SECTIONS: dict[str, type] = {
    "commune": Commune, "population": Population, "territory": Territory,
    "carrier": Carrier, "budget": Budget,
}
MAX_NOTES = 5000
SERVICE_CODES = codes.codes_of(codes.SERVICES)


def new_profile() -> Profile:
    """An empty profile, as the wizard starts it."""
    return Profile(services=["open_space"])


# --- concentration --------------------------------------------------------------------

RESIDENTIAL_MAX = 0.8  # same values as the knowledge base's settings; the engine passes those
EMPLOYING_MIN = 1.2


def concentration(population: Population) -> float | None:
    """Jobs in the commune per employed resident (INSEE's indicator / 100), or None."""
    jobs, employed = population.jobs, population.employed_15_64
    if not _is_number(jobs) or not _is_number(employed) or employed <= 0:
        return None
    return jobs / employed


def concentration_class(value: float | None, residential_max: float = RESIDENTIAL_MAX,
                        employing_min: float = EMPLOYING_MIN) -> str | None:
    """``residential``, ``balanced`` or ``employing`` (None when the value is unknown)."""
    if value is None:
        return None
    if value < residential_max:
        return "residential"
    if value > employing_min:
        return "employing"
    return "balanced"


def concentration_label(class_id: str | None) -> str | None:
    """The study's word for a class: ``résidentielle``, ``équilibrée``, ``employeuse``."""
    return codes.label_of(codes.CONCENTRATION_CLASSES, class_id) or None


# --- reading values -------------------------------------------------------------------

_TRUE = {"true", "vrai", "oui", "yes", "1", "o", "y"}
_FALSE = {"false", "faux", "non", "no", "0", "n"}


class _Bad(Exception):
    """A value of the wrong type (internal)."""


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _read_number(value: Any) -> int | float:
    """A JSON number or a French/English number typed as text."""
    if _is_number(value):
        if value != value or value in (float("inf"), float("-inf")):
            raise _Bad
        return value
    if isinstance(value, str):
        number = parse_number(value)
        if number is not None:
            return int(number) if number.is_integer() else number
    raise _Bad


def _coerce(value: Any, spec: Spec, default: Any) -> Any:
    """The value in the model's type; raises `_Bad` when it cannot be read."""
    if value is None or (isinstance(value, str) and not value.strip() and spec.kind != "text"):
        return default
    if spec.kind in ("text", "month"):
        if isinstance(value, str):
            return value
        if _is_number(value) and spec.kind == "text":
            return str(value)
        raise _Bad
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str | int) and str(value).strip().lower() in _TRUE | _FALSE:
            return str(value).strip().lower() in _TRUE
        raise _Bad
    if spec.kind == "code":
        if isinstance(spec.choices[0], str):
            if isinstance(value, str):
                return value
            if _is_number(value) and float(value).is_integer():
                return str(int(value))
            raise _Bad
        number = _read_number(value)
        return int(number) if float(number).is_integer() else number
    number = _read_number(value)
    if spec.kind == "int":
        if not float(number).is_integer():
            raise _Bad
        return int(number)
    return number


def _read_section(cls: type, data: Any, path: str, messages: list[Message]) -> Any:
    """Build one section dataclass from its JSON object, collecting type errors."""
    if data is None:
        return cls()
    if not isinstance(data, dict):
        messages.append(Message(path, f"La rubrique « {path} » doit être un objet JSON "
                                "({…}).", "error"))
        return cls()
    values: dict[str, Any] = {}
    known = set()
    for fld in dataclasses.fields(cls):
        if fld.name == "extra":
            continue
        known.add(fld.name)
        default = fld.default if fld.default is not dataclasses.MISSING else None
        try:
            values[fld.name] = _coerce(data.get(fld.name), fld.metadata["spec"], default)
        except _Bad:
            messages.append(Message(f"{path}.{fld.name}", fld.metadata["spec"].text, "error"))
            values[fld.name] = default
    extra = {k: v for k, v in data.items() if k not in known}
    return cls(**values, extra=extra)


def _read_list(data: Any, path: str, what: str, messages: list[Message]) -> list[Any]:
    """A JSON array (or nothing); anything else is an error."""
    if data is None:
        return []
    if not isinstance(data, list):
        messages.append(Message(path, f"{what} doit être une liste JSON ([…]).", "error"))
        return []
    return data


def _read_assumptions(data: Any, messages: list[Message]) -> dict[str, float] | None:
    """The optional overrides object: key -> number."""
    if data is None:
        return None
    if not isinstance(data, dict):
        messages.append(Message("assumptions", "Les hypothèses doivent être un objet JSON "
                                "(clé : nombre).", "error"))
        return None
    result: dict[str, float] = {}
    for key, value in data.items():
        try:
            result[str(key)] = _read_number(value)
        except _Bad:
            messages.append(Message(f"assumptions.{key}", f"L'hypothèse « {key} » doit être "
                                    "un nombre positif.", "error"))
    return result


# --- dict <-> model -------------------------------------------------------------------

_TOP_KEYS = ("format", "version", *SECTIONS, "buildings", "services", "notes", "assumptions")
# version -> function turning a dict of that version into one of the next version
_MIGRATIONS: dict[int, Any] = {}


def _check_format(data: Any) -> tuple[dict[str, Any] | None, list[Message]]:
    """Refuse foreign or newer files; migrate older ones to the current version."""
    if not isinstance(data, dict):
        return None, [Message("", "Le fichier ne contient pas un profil de commune "
                              "(un objet JSON {…} est attendu).")]
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        return None, [Message("format", "Ce fichier n'est pas un profil de commune tierslieu "
                              f"(« format » vaut « {fmt} », « {FORMAT} » attendu).")]
    version = data.get("version", VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        return None, [Message("version", "La version du format doit être un nombre entier "
                              f"(1 pour cette version de l'outil) ; lu : « {version} ».")]
    if version > VERSION:
        return None, [Message("version", f"Ce profil a été enregistré au format version "
                              f"{version} par une version plus récente de l'outil, qui lit "
                              f"jusqu'à la version {VERSION}. Mettez l'outil à jour pour "
                              "l'ouvrir.")]
    while version < VERSION:
        if version not in _MIGRATIONS:
            return None, [Message("version", f"Le format version {version} est trop ancien "
                                  "pour être relu par cette version de l'outil.")]
        data = _MIGRATIONS[version](dict(data))
        version += 1
    return data, []


def profile_from_dict(data: Any) -> tuple[Profile | None, list[Message]]:
    """Build a profile from its JSON dict; None only when `data` is not a readable profile.

    The messages hold the type errors met while reading and everything
    `validate_profile` finds; a value of the wrong type is left empty in the model.
    """
    data, messages = _check_format(data)
    if data is None:
        return None, messages
    sections = {name: _read_section(cls, data.get(name), name, messages)
                for name, cls in SECTIONS.items()}
    buildings = [_read_section(Building, item, f"buildings.{i}", messages)
                 for i, item in enumerate(_read_list(data.get("buildings"), "buildings",
                                                     "La liste des bâtiments", messages))]
    services = []
    for i, item in enumerate(_read_list(data.get("services"), "services",
                                        "La liste des services", messages)):
        if isinstance(item, str):
            services.append(item)
        else:
            messages.append(Message(f"services.{i}", _service_text(item)))
    notes = data.get("notes", "")
    if notes is None:
        notes = ""
    if not isinstance(notes, str):
        messages.append(Message("notes", "Les notes doivent être du texte."))
        notes = ""
    profile = Profile(**sections, buildings=buildings, services=services, notes=notes,
                      assumptions=_read_assumptions(data.get("assumptions"), messages),
                      extra={k: v for k, v in data.items() if k not in _TOP_KEYS})
    seen = {m.field for m in messages}
    messages += [m for m in validate_profile(profile) if m.field not in seen]
    return profile, messages


def _section_to_dict(section: Any) -> dict[str, Any]:
    """A section dataclass as its JSON object (known fields first, then unknown ones)."""
    out = {f.name: getattr(section, f.name) for f in dataclasses.fields(section)
           if f.name != "extra"}
    for key, value in section.extra.items():
        out.setdefault(key, value)
    return out


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The profile as its JSON dict (format and version first; unknown fields kept)."""
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for name in SECTIONS:
        if name == "carrier":
            out["buildings"] = [_section_to_dict(b) for b in profile.buildings]
        out[name] = _section_to_dict(getattr(profile, name))
    out["services"] = list(profile.services)
    out["notes"] = profile.notes
    if profile.assumptions is not None:
        out["assumptions"] = dict(profile.assumptions)
    for key, value in profile.extra.items():
        out.setdefault(key, value)
    return out


# --- files ----------------------------------------------------------------------------


def read_profile(path: str | os.PathLike[str]) -> tuple[Profile | None, list[Message]]:
    """Read a `.tierslieu.json` file; never raises (problems come back as messages)."""
    try:
        path = Path(path)
    except TypeError:
        return None, [Message("", "Aucun fichier de profil indiqué.")]
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, [Message("", f"Le fichier « {path.name} » est trop volumineux pour "
                                  "être un profil de commune.")]
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Message("", f"Fichier introuvable : « {path} ».")]
    except IsADirectoryError:
        return None, [Message("", f"« {path} » est un dossier, pas un fichier de profil.")]
    except OSError as exc:
        return None, [Message("", f"Impossible de lire « {path} » : {exc.strerror or exc}.")]
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, [Message("", f"« {path.name} » n'est pas un fichier texte UTF-8 : "
                              "ce n'est pas un profil de commune.")]
    except json.JSONDecodeError as exc:
        return None, [Message("", f"« {path.name} » n'est pas un JSON valide (ligne "
                              f"{exc.lineno}, colonne {exc.colno}) : {exc.msg}.")]
    except RecursionError:
        return None, [Message("", f"« {path.name} » est trop profondément imbriqué.")]
    if isinstance(data, dict) and "format" not in data:
        return None, [Message("format", f"« {path.name} » n'est pas un profil de commune "
                              f"tierslieu (il manque « \"format\": \"{FORMAT}\" »).")]
    return profile_from_dict(data)


def profile_to_json(profile: Profile) -> str:
    """The file's text: indented UTF-8 JSON ending with a newline."""
    return json.dumps(profile_to_dict(profile), ensure_ascii=False, indent=2,
                      allow_nan=False) + "\n"


def write_profile(profile: Profile, path: str | os.PathLike[str]) -> Path:
    """Save atomically (temporary file in the same folder, then rename).

    Raises `ProfileWriteError` (French message) when the file cannot be written.
    """
    path = Path(path)
    try:
        text = profile_to_json(profile)
    except (TypeError, ValueError) as exc:
        raise ProfileWriteError(f"Le profil contient une valeur impossible à enregistrer : "
                                f"{exc}.") from exc
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent or ".",
                                         prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False) as tmp:
            tmp_name = tmp.name
            tmp.write(text)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        if tmp_name:
            with _quiet():
                os.unlink(tmp_name)
        raise ProfileWriteError(f"Impossible d'enregistrer le profil dans « {path} » : "
                                f"{exc.strerror or exc}.") from exc
    return path


class _quiet:
    """Ignore OSError while cleaning up."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> bool:
        return kind is not None and issubclass(kind, OSError)


# --- validation -----------------------------------------------------------------------


def _service_text(item: Any) -> str:
    """Message for a service code that is not in the list."""
    return (f"Service inconnu : « {item} ». Valeurs possibles : "
            f"{', '.join(SERVICE_CODES)}.")


def _check_value(value: Any, spec: Spec) -> bool:
    """True when `value` is acceptable for `spec` (missing is fine unless required)."""
    if value is None or value == "":
        return not spec.required
    if spec.kind in ("text", "month"):
        if not isinstance(value, str):
            return False
        if spec.kind == "month":
            return re.fullmatch(r"(20\d\d|2100)-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?",
                                value) is not None
        if spec.required and not value.strip():
            return False
        if spec.hi is not None and len(value) > spec.hi:
            return False
        return spec.pattern is None or re.fullmatch(spec.pattern, value) is not None
    if spec.kind == "bool":
        return isinstance(value, bool)
    if spec.kind == "code":
        return value in spec.choices and type(value) is type(spec.choices[0])
    if not _is_number(value) or value != value:
        return False
    if spec.kind == "int" and not float(value).is_integer():
        return False
    return spec.lo <= value <= spec.hi


def _check_section(section: Any, path: str) -> list[Message]:
    """Every field of one section against its specification."""
    return [Message(f"{path}.{f.name}", f.metadata["spec"].text)
            for f in dataclasses.fields(section)
            if f.name != "extra" and not _check_value(getattr(section, f.name),
                                                      f.metadata["spec"])]


def validate_profile(profile: Profile) -> list[Message]:
    """Every error and warning of the profile, errors first; never raises."""
    errors: list[Message] = []
    for name in SECTIONS:
        errors += _check_section(getattr(profile, name), name)
    if len(profile.buildings) > MAX_BUILDINGS:
        errors.append(Message("buildings", f"Indiquez {MAX_BUILDINGS} bâtiments au plus."))
    for i, building in enumerate(profile.buildings):
        errors += _check_section(building, f"buildings.{i}")
    for i, service in enumerate(profile.services):
        if service not in SERVICE_CODES:
            errors.append(Message(f"services.{i}", _service_text(service)))
        elif profile.services.index(service) != i:
            errors.append(Message(f"services.{i}", f"Le service « {service} » est cité "
                                  "deux fois."))
    if not isinstance(profile.notes, str) or len(profile.notes) > MAX_NOTES:
        errors.append(Message("notes", f"Les notes tiennent en {fmt_number(MAX_NOTES)} "
                              "caractères au plus.".replace("\u202f", " ")))
    errors += _check_assumptions(profile.assumptions)
    return errors + [m for m in _warnings(profile) if m.level == "warning"]


def _check_assumptions(assumptions: dict[str, float] | None) -> list[Message]:
    """Overrides must be numbers within their bounds; unknown keys are only warned about."""
    if not assumptions:
        return []
    bounds = override_bounds()
    out = []
    for key, value in assumptions.items():
        lo, hi = bounds.get(key, (0, 1e9))
        if not _is_number(value) or value != value or not lo <= value <= hi:
            text = (f"L'hypothèse « {key} » doit être un nombre entre {fmt_number(lo, 2)} et "
                    f"{fmt_number(hi, 2)}.").replace("\u202f", " ").replace(",00", "")
            out.append(Message(f"assumptions.{key}", text))
        elif bounds and key not in bounds:
            out.append(Message(f"assumptions.{key}", f"Hypothèse inconnue « {key} » : elle "
                               "sera ignorée.", "warning"))
    return out


@lru_cache(maxsize=1)
def override_bounds() -> dict[str, tuple[float, float]]:
    """Keys the profile may override and their bounds (empty if the parameters are absent)."""
    from reports.paths import ResourceError, read_text

    try:
        params = json.loads(read_text("analysis", "parameters.json"))
        bounds = {k: tuple(v["range"]) for k, v in params.get("parameters", {}).items()
                  if isinstance(v, dict) and v.get("overridable") and v.get("range")}
        return bounds | {k: tuple(r) for k, r in params.get("overridable_settings", {}).items()}
    except (ResourceError, ValueError, OSError, KeyError, TypeError, AttributeError):
        return {}


def overridable_keys() -> frozenset[str]:
    """Keys of resources/analysis/parameters.json the profile may override."""
    return frozenset(override_bounds())


def _num(value: Any) -> float | None:
    """The value if it is a usable number, else None."""
    return value if _is_number(value) and value == value else None


def _warnings(profile: Profile) -> list[Message]:
    """Incoherent combinations: each is worth a look, none stops the analysis."""
    out = _population_warnings(profile.population, profile)
    out += _territory_warnings(profile.territory)
    out += _building_warnings(profile)
    out += _carrier_warnings(profile)
    if not profile.services:
        out.append(Message("services", "Aucun service choisi : l'analyse suppose un espace "
                           "de coworking ouvert.", "warning"))
    return out


def _warn(path: str, text: str) -> Message:
    return Message(path, text, "warning")


def _population_warnings(pop: Population, profile: Profile) -> list[Message]:
    """Sub-populations larger than the population they belong to."""
    total, age, active = _num(pop.total), _num(pop.age_15_64), _num(pop.active_15_64)
    employed, jobs = _num(pop.employed_15_64), _num(pop.jobs)
    out = []
    if total is not None and age is not None and age > total:
        out.append(_warn("population.age_15_64", "La population de 15 à 64 ans dépasse la "
                         "population totale : vérifiez les deux chiffres."))
    if age is not None and active is not None and active > age:
        out.append(_warn("population.active_15_64", "Il y a plus d'actifs de 15 à 64 ans que "
                         "d'habitants de 15 à 64 ans : vérifiez les deux chiffres."))
    if active is not None and employed is not None and employed > active:
        out.append(_warn("population.employed_15_64", "Il y a plus d'actifs occupés que "
                         "d'actifs : vérifiez les deux chiffres."))
    if jobs and employed == 0:
        out.append(_warn("population.employed_15_64", "Des emplois sont saisis mais aucun "
                         "actif occupé : la concentration d'emploi ne peut pas être calculée."))
    if (jobs is None) != (employed is None):
        out.append(_warn("population.jobs", "Il faut les emplois et les actifs occupés pour "
                         "calculer la concentration d'emploi ; l'analyse s'en passera."))
    epci = _num(profile.commune.epci_population)
    if total is not None and epci is not None and epci < total:
        out.append(_warn("commune.epci_population", "La population de l'intercommunalité est "
                         "inférieure à celle de la commune."))
    catchment = _num(profile.territory.catchment_population)
    if total is not None and catchment is not None and catchment < total:
        out.append(_warn("territory.catchment_population", "La population de la zone "
                         "desservie est inférieure à celle de la commune."))
    signals = (_num(profile.territory.known_independents) or 0) + (
        _num(profile.territory.known_teleworkers) or 0)
    if total is not None and signals > total:
        out.append(_warn("territory.known_independents", "Plus d'indépendants et de "
                         "télétravailleurs connus que d'habitants : vérifiez ces chiffres."))
    return out


def _territory_warnings(ter: Territory) -> list[Message]:
    """Missing or contradictory territorial categories."""
    if ter.zau2010 is None and ter.aav2020_category is None and ter.density_level is None:
        return [_warn("territory", "Aucune catégorie de territoire (ZAU 2010, AAV 2020 ou "
                      "grille de densité) : la comparaison ignorera ce critère.")]
    cat, size = ter.aav2020_category, ter.aav2020_size
    if cat is not None and size is not None and (cat == 30) != (size == 0):
        return [_warn("territory.aav2020_size", "La catégorie AAV 2020 et la taille de l'aire "
                      "se contredisent (« hors attraction des villes » va avec la taille 0).")]
    return []


def _building_warnings(profile: Profile) -> list[Message]:
    """Rent on a building the commune lends, works without a cost, a building too small."""
    out = []
    lends = profile.carrier.commune_support in ("premises", "both")
    need = minimum_surface(profile.services)
    for i, b in enumerate(profile.buildings):
        label = b.name or f"n° {i + 1}"
        if lends and b.owner == "commune" and (_num(b.monthly_rent_eur) or 0) > 0:
            out.append(_warn(f"buildings.{i}.monthly_rent_eur", f"Un loyer est indiqué pour le "
                             f"bâtiment « {label} » alors que la commune met un local à "
                             "disposition : vérifiez s'il est vraiment payant."))
        if b.state == "heavy_works" and _num(b.works_cost_eur) == 0:
            out.append(_warn(f"buildings.{i}.works_cost_eur", f"Gros travaux annoncés pour "
                             f"« {label} » mais un coût de travaux nul."))
        surface = _num(b.surface_m2)
        if surface is not None and need and surface < need:
            out.append(_warn(f"buildings.{i}.surface_m2", f"Le bâtiment « {label} » "
                             f"({fmt_number(surface)} m²) paraît petit pour les services "
                             f"souhaités : {fmt_number(need)} m² au moins sont conseillés."))
    return out


def _carrier_warnings(profile: Profile) -> list[Message]:
    """A carrier and a commune support that do not go together."""
    out = []
    carrier = profile.carrier
    if carrier.type == "commune" and carrier.commune_support == "none":
        out.append(_warn("carrier.commune_support", "Le porteur est la commune, mais aucun "
                         "soutien communal (local ou financement) n'est indiqué."))
    if carrier.type == "undecided" and any(b.owner == "carrier" for b in profile.buildings):
        out.append(_warn("buildings", "Un bâtiment appartiendrait au porteur, mais aucun "
                         "porteur n'est encore désigné."))
    return out


@lru_cache(maxsize=1)
def _surface_minima() -> dict[str, float]:
    """Minimum surface per service (m²), from resources/analysis/parameters.json."""
    from reports.paths import ResourceError, read_text

    try:
        params = json.loads(read_text("analysis", "parameters.json"))
        entry = params["parameters"]["minimum_surface_by_service_m2"]["value"]
        return {str(k): float(v) for k, v in entry.items()}
    except (ResourceError, ValueError, KeyError, TypeError, AttributeError, OSError):
        return {}


def minimum_surface(services: list[str]) -> float:
    """Smallest sensible surface for the services wanted (shared areas included), or 0."""
    minima = _surface_minima()
    if not minima:
        return 0.0
    wanted = [s for s in services if s in minima] or ["open_space"]
    return sum(minima[s] for s in wanted) + minima.get("common_areas", 0.0)


def errors_in(messages: list[Message]) -> list[Message]:
    """Only the errors (warnings do not stop an analysis)."""
    return [m for m in messages if m.level == "error"]


def messages_text(messages: list[Message]) -> str:
    """Messages as French lines, for stderr or a dialog: ``Erreur — champ : texte``."""
    words = {"error": "Erreur", "warning": "Attention"}
    return "\n".join(f"{words[m.level]} — {m.field or 'fichier'} : {m.text}" for m in messages)
