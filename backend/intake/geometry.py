"""Plane geometry on WGS84 coordinates at district scale: distances, bounding boxes, point in polygon."""

from __future__ import annotations

import math
from collections.abc import Sequence

EARTH_RADIUS_M = 6_371_008.8
M_PER_DEG_LAT = 111_320.0

Ring = Sequence[tuple[float, float]]  # (lon, lat) pairs, GeoJSON order; the last may repeat the first


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def bbox(lat: float, lon: float, radius_m: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a square holding the circle: the cheap index-side filter
    before exact distances. Slightly generous so that no point within the radius falls outside."""
    dlat = radius_m / M_PER_DEG_LAT * 1.01
    dlon = radius_m / (M_PER_DEG_LAT * max(math.cos(math.radians(lat)), 1e-6)) * 1.01
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def in_ring(lon: float, lat: float, ring: Ring) -> bool:
    """Ray casting: count the ring's edges crossed by a ray going east from the point."""
    inside = False
    n = len(ring)
    x2, y2 = ring[-1]
    for i in range(n):
        x1, y1 = x2, y2
        x2, y2 = ring[i]
        if (y1 > lat) != (y2 > lat):
            x_cross = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if lon < x_cross:
                inside = not inside
    return inside


def in_polygon(lon: float, lat: float, rings: Sequence[Ring]) -> bool:
    """GeoJSON polygon: inside the outer ring and in none of the holes."""
    return in_ring(lon, lat, rings[0]) and not any(in_ring(lon, lat, hole) for hole in rings[1:])


def ring_bounds(ring: Ring) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat)."""
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return min(lons), min(lats), max(lons), max(lats)
