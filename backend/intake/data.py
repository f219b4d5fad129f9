"""Reading the intake data files shipped as package resources (taxonomy, calendar, gazetteer, grids)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

TAXONOMY = "resources.taxonomy"
DEMO = "resources.demo"


def load_json(package: str, name: str) -> Any:
    return json.loads((resources.files(package) / name).read_text(encoding="utf-8"))


def list_files(package: str, prefix: str, suffix: str = ".json") -> list[str]:
    """Names of the package's files ``<prefix>*<suffix>``, sorted."""
    return sorted(
        entry.name
        for entry in resources.files(package).iterdir()
        if entry.name.startswith(prefix) and entry.name.endswith(suffix)
    )
