"""Plane geometry of the grid map in (lat, lon) degrees: centroids and the outlines of unions of grids.

Qt-free. The district's grids do not overlap and neighbours share their boundary vertices, so the
outline of a village or town (the union of its grids) is made of the edges that only one of its grids
has: shared edges cancel out in pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

SCALE = 10_000.0  # scene units per degree of latitude: a scene unit is about 11 m
KM = SCALE / 111.32  # scene units per kilometre (the projection keeps east and north to the same scale)
Point = tuple[float, float]  # lat, lon
Ring = Sequence[Point]
Edge = tuple[Point, Point]


def _open(ring: Ring) -> list[Point]:
    return list(ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring)


def _moments(ring: Ring) -> tuple[float, float, float]:
    """Twice the signed area and the first moments (lat, lon) of a ring."""
    pts = _open(ring)
    area = cy = cx = 0.0
    for (y1, x1), (y2, x2) in zip(pts, pts[1:] + pts[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return area, cy, cx


def centroid(ring: Ring) -> Point:
    """Area centroid of a closed or open ring of (lat, lon) points (the vertex mean if degenerate)."""
    area, cy, cx = _moments(ring)
    if abs(area) < 1e-15:
        pts = _open(ring)
        return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
    return cy / (3 * area), cx / (3 * area)


def ring_area(ring: Ring) -> float:
    """The unsigned area of a ring in square degrees."""
    return abs(_moments(ring)[0]) / 2


def union_centroid(rings: Iterable[Ring]) -> Point | None:
    """The area-weighted centroid of non-overlapping outer rings (None without any)."""
    total = lat = lon = 0.0
    for ring in rings:
        if len(_open(ring)) < 3:
            continue
        area = ring_area(ring)
        c_lat, c_lon = centroid(ring)
        total += area
        lat += c_lat * area
        lon += c_lon * area
    if total <= 0:
        return None
    return lat / total, lon / total


def outline_edges(rings: Iterable[Ring]) -> list[Edge]:
    """The edges of these rings that no other ring shares (in first-seen order and direction)."""
    seen: dict[Edge, Edge] = {}  # undirected key -> the edge as first seen
    shared: set[Edge] = set()
    for ring in rings:
        pts = _open(ring)
        if len(pts) < 2:
            continue
        for a, b in zip(pts, pts[1:] + pts[:1], strict=True):
            if a == b:
                continue
            key = (a, b) if a <= b else (b, a)
            if key in seen:
                shared.add(key)
            else:
                seen[key] = (a, b)
    return [edge for key, edge in seen.items() if key not in shared]
