"""The reference data scenarios are checked against: categories, departments and areas of the demo
district (resources/demo/district.json), the gazetteer for addresses, the warning models' registry
(warning_data.json) and the comms directory and talk groups when they are there (directory.json,
talk_groups.json); without them radio ids are checked for shape only."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from backend.intake import data
from backend.intake.gazetteer import gazetteer

UNIT_ID = re.compile(r"unit-\d{2,}")
GROUP_ID = re.compile(r"tg-[a-z0-9][a-z0-9-]*")
PHONE = re.compile(r"1\d{10}|0\d{2,3}-?\d{7,8}|\d{3,6}")  # mobile, landline, a short service number


@dataclass(frozen=True, slots=True)
class Area:
    code: str
    name: str
    level: str  # district | town | village | grid
    parent_code: str | None


@dataclass(frozen=True, slots=True)
class Reference:
    """Attributes:
    categories: code → (name, kind) of every category; leaves: the codes a case is filed under.
    units: field-unit id → its talk groups; None without the directory (shape checks only).
    groups: talk group ids; None without talk_groups.json.
    entries: every directory entry id; None without the directory.
    """

    categories: dict[str, tuple[str, str]]
    leaves: frozenset[str]
    departments: dict[str, str]
    areas: dict[str, Area]
    units: dict[str, tuple[str, ...]] | None
    groups: frozenset[str] | None
    entries: frozenset[str] | None

    def area_of(self, address: str) -> str | None:
        """The grid code of an address the gazetteer knows precisely (a named place, a house number on
        a road); None when it only knows the road, or nothing."""
        found = gazetteer().geocode(address)
        if found is None or found.precision == "road" or found.codes is None:
            return None
        return found.codes.grid_code

    def knows_address(self, address: str) -> bool:
        return gazetteer().geocode(address) is not None

    def within(self, grid_code: str, area_code: str) -> bool:
        """Whether the grid lies in the area (the area itself, its village or its town)."""
        code: str | None = grid_code
        while code is not None:
            if code == area_code:
                return True
            area = self.areas.get(code)
            code = area.parent_code if area else None
        return False

    def minor_classes(self, code: str) -> list[str]:
        return [
            f"{c} {name}" for c, (name, _kind) in self.categories.items() if c.startswith(code) and c != code
        ]


def _optional_json(name: str) -> object | None:
    entry = resources.files(data.DEMO) / name
    return data.load_json(data.DEMO, name) if entry.is_file() else None


def _directory() -> tuple[dict[str, tuple[str, ...]] | None, frozenset[str] | None]:
    doc = _optional_json("directory.json")
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list):
        return None, None
    entries = [e for e in doc["entries"] if isinstance(e, dict) and isinstance(e.get("id"), str)]
    units = {e["id"]: tuple(e.get("talk_groups", ())) for e in entries if e.get("kind") == "field_unit"}
    return units, frozenset(e["id"] for e in entries)


def _groups() -> frozenset[str] | None:
    doc = _optional_json("talk_groups.json")
    if not isinstance(doc, dict) or not isinstance(doc.get("groups"), list):
        return None
    return frozenset(g["id"] for g in doc["groups"] if isinstance(g, dict) and isinstance(g.get("id"), str))


@functools.cache
def reference() -> Reference:
    doc = data.load_json(data.DEMO, "district.json")
    categories = {c["code"]: (c["name"], c["kind"]) for c in doc["categories"]}
    parents = {c["parent_code"] for c in doc["categories"] if c.get("parent_code")}
    units, entries = _directory()
    return Reference(
        categories=categories,
        leaves=frozenset(code for code in categories if code not in parents),
        departments={d["code"]: d["name"] for d in doc["departments"]},
        areas={a["code"]: Area(a["code"], a["name"], a["level"], a.get("parent_code")) for a in doc["areas"]},
        units=units,
        groups=_groups(),
        entries=entries,
    )
