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

Modules: `model` and `specs` (the dataclasses and how each field is checked), `parse` and
`read` (JSON to model, migrations), `write` (model to JSON, atomic save), `checks` and
`coherence` (errors and warnings), `messages`, `employment` (concentration of employment),
`parameters` (the analysis parameters the checks read).
This package re-exports the API.
"""

from __future__ import annotations

from reports.profile.checks import overridable_keys, override_bounds, validate_profile
from reports.profile.coherence import minimum_surface
from reports.profile.employment import (
    concentration,
    concentration_class,
    concentration_label,
    concentration_thresholds,
)
from reports.profile.messages import Message, errors_in, messages_text
from reports.profile.model import (
    MAX_BUILDINGS,
    VERSION,
    Budget,
    Building,
    Carrier,
    Commune,
    Population,
    Profile,
    Territory,
    field_specs,
    is_required,
    new_profile,
    spec_of,
)
from reports.profile.read import _MIGRATIONS as _MIGRATIONS
from reports.profile.read import profile_from_dict, read_profile
from reports.profile.specs import Spec
from reports.profile.write import ProfileWriteError, profile_to_dict, profile_to_json, write_profile

__all__ = [
    "MAX_BUILDINGS",
    "VERSION",
    "Budget",
    "Building",
    "Carrier",
    "Commune",
    "Message",
    "Population",
    "Profile",
    "ProfileWriteError",
    "Spec",
    "Territory",
    "concentration",
    "concentration_class",
    "concentration_label",
    "concentration_thresholds",
    "errors_in",
    "field_specs",
    "is_required",
    "messages_text",
    "minimum_surface",
    "new_profile",
    "overridable_keys",
    "override_bounds",
    "profile_from_dict",
    "profile_to_dict",
    "profile_to_json",
    "read_profile",
    "spec_of",
    "validate_profile",
    "write_profile",
]
