"""The engine's weights and assumptions (resources/analysis/parameters.json), with overrides.

Each parameter has a value and a source; the profile's ``assumptions`` object may replace
the value of an ``overridable`` one (and of the knowledge base settings listed under
``overridable_settings``). `Params` remembers which values were used, for the note's method.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from reports.analysis.texts import table as text_table
from reports.analysis.texts import text
from reports.paths import read_text
from reports.profile import override_bounds


@dataclass(frozen=True)
class Parameter:
    """One shipped parameter."""

    key: str
    value: Any
    label: str
    source: str
    unit: str = ""
    overridable: bool = False
    range: tuple[float, float] | None = None  # bounds of an override
    # the communes the source covers (``population_max``, ``density_levels``), in words
    # (``scope``) with what replaces the figure outside them (``check``): see costs.outside_source
    applies_to: dict[str, Any] | None = None


@lru_cache(maxsize=1)
def shipped() -> tuple[dict[str, Parameter], str]:
    """The parameters file, read once: parameters by key, and the file's version."""
    data = json.loads(read_text("analysis", "parameters.json"))
    params = {k: Parameter(k, v["value"], v["label"], v["source"], v.get("unit", ""),
                           bool(v.get("overridable")),
                           tuple(v["range"]) if v.get("range") else None,
                           v.get("applies_to"))
              for k, v in data["parameters"].items()}
    return params, str(data["version"])


@dataclass
class Params:
    """Parameters and knowledge settings for one analysis, overrides applied."""

    table: dict[str, Parameter]
    settings: Any  # Mapping[str, Setting] of the knowledge base
    overrides: dict[str, float] = field(default_factory=dict)
    used: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __call__(self, key: str) -> Any:
        """The value of a parameter or knowledge setting (the profile's override if any)."""
        if key in self.overrides:
            value, source = self.overrides[key], text("assumptions.override.source",
                                                       source=self.source(key))
            overridden = True
        elif key in self.table:
            value, source, overridden = self.table[key].value, self.table[key].source, False
        else:
            setting = self.settings[key]
            value, source, overridden = setting.value, setting.source, False
        if key not in self.used:
            self.used[key] = {"value": value, "label": self.label(key), "source": source,
                              "unit": self.table[key].unit if key in self.table else "",
                              "overridden": overridden}
        return value

    def source(self, key: str) -> str:
        """Where the shipped value comes from."""
        if key in self.table:
            return self.table[key].source
        return self.settings[key].source

    def label(self, key: str) -> str:
        """French label of a parameter (the key for a setting without one)."""
        if key in self.table:
            return self.table[key].label
        return text_table("assumptions.settings").get(key, key)

    def cited(self, key: str) -> str:
        """The source to print next to a figure (override said so)."""
        self(key)
        return self.used[key]["source"]

    def is_overridden(self, key: str) -> bool:
        """True when the profile replaced this value."""
        return key in self.overrides


def params_for(assumptions: dict[str, float] | None, settings: Any) -> Params:
    """Parameters for one profile: shipped values with the profile's valid overrides.

    The bounds are the ones profile validation checked (`reports.profile.override_bounds`).
    """
    table, _ = shipped()
    bounds = override_bounds()
    overrides = {k: v for k, v in (assumptions or {}).items()
                 if k in bounds and isinstance(v, int | float) and not isinstance(v, bool)
                 and bounds[k][0] <= v <= bounds[k][1]}
    return Params(table, settings, overrides)
