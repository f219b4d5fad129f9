"""What the reading-based models watch: households with their registered occupants, hazardous-chemicals
vehicles with their approved routes, forbidden zones and storage sites with their licensed maximum
(resources/demo/warning_data.json, or a file of the same shape given with ``--warning-data``)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TypeVar

import msgspec

from backend.intake import data
from backend.intake.areas import grid_map
from backend.warnings.geo import Polyline, Projection, Zone

DATA_FILE = "warning_data.json"


class Household(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    address: str
    grid_code: str
    lat: float
    lon: float
    registered: int  # registered occupants (登记人数)


class Vehicle(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    plate: str
    company: str
    cargo: str
    route: list[tuple[float, float]]  # approved route, (lat, lon)


class ForbiddenZone(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    polygon: list[tuple[float, float]]  # (lat, lon), first point repeated last


class StorageSite(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    address: str
    chemical: str
    unit: str
    licensed_max: float
    capacity: float  # the physical maximum: a level above it is a faulty reading
    grid_code: str
    lat: float
    lon: float


class _File(msgspec.Struct, kw_only=True):
    comment: str = ""
    households: list[Household]
    vehicles: list[Vehicle]
    forbidden_zones: list[ForbiddenZone]
    storage_sites: list[StorageSite]


T = TypeVar("T", "Household", "Vehicle", "StorageSite")


class Catalog:
    """The registry, indexed by id, with routes and zones prepared for the hazmat route model.

    Attributes:
        bounds: (min_lat, max_lat, min_lon, max_lon) of the district's grids; positions outside are refused.
    """

    def __init__(self, doc: _File) -> None:
        grids = grid_map()
        self.bounds = (
            min(g.bounds[1] for g in grids.grids),
            max(g.bounds[3] for g in grids.grids),
            min(g.bounds[0] for g in grids.grids),
            max(g.bounds[2] for g in grids.grids),
        )
        min_lat, max_lat, min_lon, max_lon = self.bounds
        self.projection = Projection((min_lat + max_lat) / 2, (min_lon + max_lon) / 2)
        self.households = _index(doc.households, "household")
        self.vehicles = _index(doc.vehicles, "vehicle")
        self.sites = _index(doc.storage_sites, "storage site")
        self.routes = {v.id: Polyline(v.route, self.projection) for v in doc.vehicles}
        self.zones = [Zone(z.id, z.name, z.polygon) for z in doc.forbidden_zones]
        points = [(f"household {h.id}", h.grid_code, h.lat, h.lon) for h in doc.households]
        points += [(f"storage site {s.id}", s.grid_code, s.lat, s.lon) for s in doc.storage_sites]
        for what, grid_code, lat, lon in points:
            if grid_code not in grids.by_code:
                raise ValueError(f"{what}: no grid {grid_code!r} in the district")
            if not self.inside(lat, lon):
                raise ValueError(f"{what}: ({lat}, {lon}) is outside the district")
        for household in doc.households:
            if not 1 <= household.registered <= 100:
                raise ValueError(f"household {household.id}: registered occupants must be 1…100")
        for site in doc.storage_sites:
            if not 0 < site.licensed_max <= site.capacity:
                raise ValueError(f"storage site {site.id}: need 0 < licensed_max <= capacity")

    def inside(self, lat: float, lon: float) -> bool:
        min_lat, max_lat, min_lon, max_lon = self.bounds
        return min_lat <= lat <= max_lat and min_lon <= lon <= max_lon

    def zone_at(self, lat: float, lon: float) -> Zone | None:
        for zone in self.zones:
            if zone.contains(lat, lon):
                return zone
        return None

    @classmethod
    def from_json(cls, text: str | bytes) -> Catalog:
        """Raises ValueError (msgspec.ValidationError is one) naming what is wrong."""
        return cls(msgspec.json.decode(text, type=_File))

    @classmethod
    def from_file(cls, path: Path) -> Catalog:
        return cls.from_json(path.read_bytes())


def _index(rows: list[T], what: str) -> dict[str, T]:
    found: dict[str, T] = {}
    for row in rows:
        if row.id in found:
            raise ValueError(f"{what} {row.id!r} is listed twice")
        found[row.id] = row
    return found


@functools.cache
def demo_catalog() -> Catalog:
    """The shipped demo registry (resources/demo/warning_data.json)."""
    return Catalog(msgspec.convert(data.load_json(data.DEMO, DATA_FILE), _File))
