"""The analysis parameters the profile checks need, read once with plain json (no pandas)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def analysis_parameters() -> dict[str, Any]:
    """resources/analysis/parameters.json as a dict; {} when it is missing or unreadable."""
    from reports.paths import ResourceError, read_text

    try:
        params = json.loads(read_text("analysis", "parameters.json"))
    except (ResourceError, ValueError, OSError):
        return {}
    return params if isinstance(params, dict) else {}
