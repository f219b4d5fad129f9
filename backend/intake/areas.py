"""Which town, village and grid a point lies in, from the grid polygons (resources/demo/grids.json)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from backend.intake import data, geometry


@dataclass(frozen=True, slots=True)
class AreaCodes:
    town_code: str
    village_code: str
    grid_code: str


@dataclass(frozen=True, slots=True)
class Grid:
    codes: AreaCodes
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]
    bounds: tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat

    def contains(self, lat: float, lon: float) -> bool:
        min_lon, min_lat, max_lon, max_lat = self.bounds
        if not (min_lon <= lon <= max_lon and min_lat <= lat <= max_lat):
            return False
        return geometry.in_polygon(lon, lat, self.rings)


class GridMap:
    """The unit grids of the district; towns and villages are unions of their grids."""

    def __init__(self, grids: list[Grid]) -> None:
        self.grids = grids
        self.by_code = {g.codes.grid_code: g for g in grids}

    @classmethod
    def from_geojson(cls, doc: dict[str, object]) -> GridMap:
        grids = []
        for feature in doc["features"]:  # type: ignore[attr-defined]
            props = feature["properties"]
            geom = feature["geometry"]
            if geom["type"] != "Polygon":
                raise ValueError(f"grid {props['grid_code']}: only Polygon geometries are supported")
            rings = tuple(tuple((float(x), float(y)) for x, y in ring) for ring in geom["coordinates"])
            codes = AreaCodes(props["town_code"], props["village_code"], props["grid_code"])
            grids.append(
                Grid(codes, props.get("name", codes.grid_code), rings, geometry.ring_bounds(rings[0]))
            )
        return cls(grids)

    def locate(self, lat: float, lon: float) -> AreaCodes | None:
        """The grid holding the point (None outside the district). Grids do not overlap, so the first
        hit is the only one; a point exactly on a shared edge goes to one of its two grids."""
        for grid in self.grids:
            if grid.contains(lat, lon):
                return grid.codes
        return None


@functools.cache
def grid_map() -> GridMap:
    return GridMap.from_geojson(data.load_json(data.DEMO, "grids.json"))
