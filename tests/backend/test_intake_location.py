"""Location: grid polygons, point in polygon, the gazetteer, and insert_case filling the area codes."""

from __future__ import annotations

from typing import Any

import pytest

from backend import schema
from backend.intake import geometry
from backend.intake.areas import grid_map
from backend.intake.gazetteer import gazetteer
from backend.seed import load_demo_district
from backend.server import Server
from backend.store import Store
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_intake_support import OPERATOR, create, grid_point, new_case, rows, seats

AREAS = {a["code"]: a for a in load_demo_district()["areas"]}
GRIDS = sorted(code for code, a in AREAS.items() if a["level"] == "grid")


def test_one_polygon_per_grid_with_the_district_hierarchy() -> None:
    grids = grid_map().grids
    assert sorted(g.codes.grid_code for g in grids) == GRIDS
    for grid in grids:
        village = AREAS[grid.codes.grid_code]["parent_code"]
        assert (grid.codes.village_code, grid.codes.town_code) == (village, AREAS[village]["parent_code"])


@pytest.mark.parametrize("grid_code", GRIDS)
def test_a_point_in_each_grid_resolves_to_it(grid_code: str) -> None:
    codes = grid_map().locate(*grid_point(grid_code))
    assert codes is not None and codes.grid_code == grid_code


def test_grids_do_not_overlap_and_leave_no_hole_inside_the_district() -> None:
    grids = grid_map().grids
    min_lon = min(g.bounds[0] for g in grids)
    min_lat = min(g.bounds[1] for g in grids)
    max_lon = max(g.bounds[2] for g in grids)
    max_lat = max(g.bounds[3] for g in grids)
    steps = 120
    inside = 0
    for i in range(steps):
        for j in range(steps):
            lat = min_lat + (max_lat - min_lat) * (j + 0.5) / steps
            lon = min_lon + (max_lon - min_lon) * (i + 0.5) / steps
            hits = [g for g in grids if g.contains(lat, lon)]
            assert len(hits) <= 1, (lat, lon, [g.codes.grid_code for g in hits])
            inside += len(hits)
    # The district's outline is irregular, so its box is larger; most of the box is covered.
    assert inside > 0.8 * steps * steps


@pytest.mark.parametrize("point", [(31.30, 120.40), (31.10, 120.60), (39.90, 116.40), (31.35, 120.66)])
def test_a_point_outside_the_district_resolves_to_none(point: tuple[float, float]) -> None:
    assert grid_map().locate(*point) is None


def test_ray_casting_handles_concave_rings_and_holes() -> None:
    # A "U": the notch between its arms is outside.
    u_shape = [(0.0, 0.0), (3.0, 0.0), (3.0, 3.0), (2.0, 3.0), (2.0, 1.0), (1.0, 1.0), (1.0, 3.0), (0.0, 3.0)]
    assert geometry.in_ring(0.5, 2.0, u_shape)
    assert not geometry.in_ring(1.5, 2.0, u_shape)
    assert geometry.in_ring(1.5, 0.5, u_shape)
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]
    hole = [(1.0, 1.0), (3.0, 1.0), (3.0, 3.0), (1.0, 3.0), (1.0, 1.0)]
    assert geometry.in_polygon(0.5, 0.5, [square, hole])
    assert not geometry.in_polygon(2.0, 2.0, [square, hole])
    assert not geometry.in_polygon(5.0, 2.0, [square, hole])


def test_the_gazetteer_lies_in_the_district_and_agrees_with_its_addresses() -> None:
    entries = gazetteer().entries
    assert 130 <= len(entries) <= 180
    assert len({e.id for e in entries}) == len(entries)
    kinds = {e.kind for e in entries}
    assert {"address", "school", "market", "landmark", "hospital", "residential"} <= kinds
    for entry in entries:
        assert entry.codes is not None, entry
        town, village = AREAS[entry.codes.town_code]["name"], AREAS[entry.codes.village_code]["name"]
        assert entry.address.startswith(town + village), entry
    assert {e.codes.town_code for e in entries if e.codes} == {
        c for c, a in AREAS.items() if a["level"] == "town"
    }


def test_completion_by_substring_and_pinyin_initials() -> None:
    gaz = gazetteer()
    assert [e.name for e in gaz.complete("滨江路", 3)] == ["滨江路1号", "滨江路8号", "滨江路36号"]
    assert [e.name for e in gaz.complete("bjl", 2)] == ["滨江路1号", "滨江路8号"]
    assert gaz.complete("dhsdgy", 5)[0].name == "东湖湿地公园"
    assert gaz.complete("区医院", 5)[0].name == "江滨区人民医院"  # by an alias
    assert {e.codes.village_code for e in gaz.complete("荷塘村", 50) if e.codes} == {"320999002002"}
    assert gaz.complete("月球", 5) == []


@pytest.mark.parametrize(
    ("address", "precision", "name"),
    [
        ("滨江路 8 号", "exact", "滨江路8号"),
        ("临江街道滨江社区滨江路88号", "exact", "滨江路88号"),
        ("江滨路18号", "interpolated", "江滨路8号"),  # between numbers 8 and 36, nearer 8
        ("望江名苑南门口", "landmark", "望江名苑"),
        ("东湖大道上", "road", "东湖大道36号"),
    ],
)
def test_geocoding(address: str, precision: str, name: str) -> None:
    found = gazetteer().geocode(address)
    assert found is not None and found.entry is not None
    assert (found.precision, found.entry.name) == (precision, name)
    assert found.codes is not None


def test_interpolation_lies_between_the_known_numbers() -> None:
    gaz = gazetteer()
    low, high, mid = gaz.geocode("江滨路8号"), gaz.geocode("江滨路36号"), gaz.geocode("江滨路22号")
    assert low and high and mid
    assert mid.lat == pytest.approx((low.lat + high.lat) / 2) and mid.lon == pytest.approx(
        (low.lon + high.lon) / 2
    )


def test_location_over_the_wire(aio: Any, server: Server) -> None:
    lat, lon = grid_point("32099900300201")

    async def scenario() -> tuple[Any, ...]:
        async with seats(server, "operator1") as (seat,):
            places = await seat.api.complete_location("bjl", limit=2)
            by_address = await seat.api.resolve_location(address="滨江路88号")
            by_point = await seat.api.resolve_location(lat=lat, lon=lon)
            outside = await seat.api.resolve_location(lat=39.9, lon=116.4)
            unknown = await seat.api.resolve_location(address="火星基地")
            errors = []
            for kwargs in ({}, {"lat": 31.3}, {"lat": 95.0, "lon": 120.6}, {"address": " "}):
                try:
                    await seat.api.resolve_location(**kwargs)
                except ProtocolError as exc:
                    errors.append(f"{exc.code}:{exc.details['field']}")
            return places, by_address, by_point, outside, unknown, errors

    places, by_address, by_point, outside, unknown, errors = aio.run(scenario())
    assert [p.name for p in places] == ["滨江路1号", "滨江路8号"]
    assert places[0].grid_code == "32099900100101"
    assert (by_address.precision, by_address.grid_code, by_address.village_code, by_address.town_code) == (
        "exact",
        "32099900100101",
        "320999001001",
        "320999001",
    )
    assert by_address.place is not None and by_address.place.name == "滨江路88号"
    assert (by_point.precision, by_point.grid_code, by_point.lat) == ("point", "32099900300201", lat)
    assert (outside.precision, outside.grid_code, outside.town_code) == ("point", None, None)
    assert (unknown.precision, unknown.lat, unknown.grid_code) == ("none", None, None)
    invalid = ErrorCode.INVALID_FIELD
    assert errors == [f"{invalid}:address", f"{invalid}:lon", f"{invalid}:lat", f"{invalid}:address"]


def test_insert_case_fills_the_area_codes(aio: Any, seeded_store: Store) -> None:
    lat, lon = grid_point("32099900400302")
    by_point = create(aio, seeded_store, address="古渡村村口", lat=lat, lon=lon)
    assert (by_point.grid_code, by_point.village_code, by_point.town_code) == (
        "32099900400302",
        "320999004003",
        "320999004",
    )
    assert (by_point.lat, by_point.lon) == (lat, lon)

    by_address = create(aio, seeded_store, address="临江街道滨江社区滨江路88号")
    assert (by_address.grid_code, by_address.village_code) == ("32099900100101", "320999001001")
    assert by_address.lat is not None and by_address.lon is not None  # the gazetteer's coordinates

    # The operator's grid wins over the point; its village and town come from the area tree.
    chosen = create(aio, seeded_store, address="东湖村", lat=lat, lon=lon, grid_code="32099900200102")
    assert (chosen.grid_code, chosen.village_code, chosen.town_code) == (
        "32099900200102",
        "320999002001",
        "320999002",
    )

    nowhere = create(aio, seeded_store, address="外地某处", lat=39.9, lon=116.4)
    assert (nowhere.grid_code, nowhere.village_code, nowhere.town_code) == (None, None, None)
    unknown = create(aio, seeded_store, address="说不清的地方")
    assert (unknown.lat, unknown.grid_code) == (None, None)

    stored = {c.id: c for c in aio.run(seeded_store.list_cases(10))}
    assert (
        stored[by_point.id] == by_point
        and stored[by_address.id] == by_address
        and stored[chosen.id] == chosen
    )


def test_insert_case_refuses_half_a_point(aio: Any, seeded_store: Store) -> None:
    for fields, field in (({"lat": 31.3}, "lon"), ({"lat": 31.3, "lon": 200.0}, "lon")):
        with pytest.raises(ProtocolError) as caught:
            aio.run(seeded_store.create_case(new_case(**fields), OPERATOR, "S1"))
        assert (caught.value.code, caught.value.details) == (ErrorCode.INVALID_FIELD, {"field": field})
    assert aio.run(seeded_store.list_cases(10)) == []
    assert rows(aio, seeded_store, schema.case_reports) == []
