"""Plane geometry for the hazmat models: metres on a local equirectangular projection around the district,
distance from a point to a route polyline, point in a zone."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from backend.intake.geometry import M_PER_DEG_LAT, in_ring

LatLon = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Projection:
    """x east and y north in metres from (lat0, lon0); good to a few metres over a district."""

    lat0: float
    lon0: float

    @property
    def m_per_deg_lon(self) -> float:
        return M_PER_DEG_LAT * math.cos(math.radians(self.lat0))

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (lon - self.lon0) * self.m_per_deg_lon, (lat - self.lat0) * M_PER_DEG_LAT


class Polyline:
    """A route as projected segments; ``distance_m`` scans them (a route has tens of points)."""

    def __init__(self, points: Sequence[LatLon], projection: Projection) -> None:
        if len(points) < 2:
            raise ValueError("a route needs at least two points")
        self.projection = projection
        xy = [projection.xy(lat, lon) for lat, lon in points]
        # (x1, y1, dx, dy, 1 / length²) per segment
        self._segments = []
        for (x1, y1), (x2, y2) in itertools.pairwise(xy):
            dx, dy = x2 - x1, y2 - y1
            length2 = dx * dx + dy * dy
            self._segments.append((x1, y1, dx, dy, 1.0 / length2 if length2 else 0.0))

    def distance_m(self, lat: float, lon: float) -> float:
        px, py = self.projection.xy(lat, lon)
        best = math.inf
        for x1, y1, dx, dy, inv in self._segments:
            t = ((px - x1) * dx + (py - y1) * dy) * inv
            t = 0.0 if t < 0.0 else 1.0 if t > 1.0 else t
            ex, ey = x1 + t * dx - px, y1 + t * dy - py
            d2 = ex * ex + ey * ey
            if d2 < best:
                best = d2
        return math.sqrt(best)


class Zone:
    """A forbidden zone: one ring of (lat, lon), with its bounding box as the cheap first test."""

    def __init__(self, zone_id: str, name: str, ring: Sequence[LatLon]) -> None:
        if len(ring) < 4:
            raise ValueError(f"zone {zone_id}: a ring needs at least three corners and the first repeated")
        self.id = zone_id
        self.name = name
        self.ring_latlon = [(float(lat), float(lon)) for lat, lon in ring]
        self._ring = [(lon, lat) for lat, lon in self.ring_latlon]  # geometry.in_ring takes (lon, lat)
        lats = [p[0] for p in self.ring_latlon]
        lons = [p[1] for p in self.ring_latlon]
        self._box = (min(lats), max(lats), min(lons), max(lons))

    def contains(self, lat: float, lon: float) -> bool:
        min_lat, max_lat, min_lon, max_lon = self._box
        return min_lat <= lat <= max_lat and min_lon <= lon <= max_lon and in_ring(lon, lat, self._ring)
