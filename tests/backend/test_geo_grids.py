"""geo.grids over the wire: the polygons location.resolve uses, as [lat, lon] rings for the map."""

from __future__ import annotations

from typing import Any

from backend.intake.areas import grid_map
from backend.server import Server
from client_api import intake_messages as im
from tests.backend.test_intake_support import seats


def centroid(ring: list[tuple[float, float]]) -> tuple[float, float]:
    """Area centroid of a ring of (lat, lon) points (the demo grids are near-convex, so it lies inside)."""
    pts = ring[:-1] if ring[0] == ring[-1] else ring
    area = cx = cy = 0.0
    for (y1, x1), (y2, x2) in zip(pts, pts[1:] + pts[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return cy / (3 * area), cx / (3 * area)


def test_the_grids_over_the_wire_resolve_to_themselves(aio: Any, server: Server) -> None:
    async def scenario() -> tuple[im.Grids, list[im.ResolvedLocation]]:
        async with seats(server, "operator1") as (seat,):
            answer: im.Grids = await seat.client.request("geo.grids", im.GetGrids())
            resolved = []
            for grid in answer.grids:
                lat, lon = centroid(grid.rings[0])
                resolved.append(
                    await seat.client.request("location.resolve", im.ResolveLocation(lat=lat, lon=lon))
                )
            return answer, resolved

    answer, resolved = aio.run(scenario())
    assert len(answer.grids) == 24
    assert len({g.code for g in answer.grids}) == 24
    for grid in answer.grids:
        assert grid.rings, grid.code
        for ring in grid.rings:
            assert ring[0] == ring[-1] and len(set(ring)) >= 3, grid.code  # closed, not degenerate
            for lat, lon in ring:  # [lat, lon], not GeoJSON's [lon, lat]: the district is near 31°N 120°E
                assert 30 < lat < 33 and 119 < lon < 122, (grid.code, lat, lon)
    by_code = grid_map().by_code  # the very polygons point-in-polygon uses, turned to [lat, lon]
    for grid in answer.grids:
        source = by_code[grid.code]
        assert (grid.name, grid.village_code, grid.town_code) == (
            source.name,
            source.codes.village_code,
            source.codes.town_code,
        )
        assert grid.rings == [[(lat, lon) for lon, lat in ring] for ring in source.rings]
    for grid, where in zip(answer.grids, resolved, strict=True):
        assert (where.precision, where.grid_code, where.village_code, where.town_code) == (
            "point",
            grid.code,
            grid.village_code,
            grid.town_code,
        )
