"""The hazardous-chemicals models: a vehicle off its approved route or standing in a forbidden zone, and
a store above (or near) its licensed maximum; each raised once, with the evidence."""

from __future__ import annotations

from backend.warnings.catalog import demo_catalog
from backend.warnings.sim_world import points_along
from client_api.alert_messages import StorageLevel, VehiclePosition
from tests.backend.test_warning_support import T0, engine, evidence, firings

V01_ROUTE = demo_catalog().vehicles["V-01"].route  # 临江大道 → 望江路
SCHOOL = (31.333116, 120.553852)  # inside Z-02 江滨实验小学周边, ~550 m from the route
NORTH_M = 0.0027  # degrees of latitude: ~300 m


def drive(
    points: list[tuple[float, float]], speed: float = 40.0, start: float = T0, step: float = 10.0
) -> list[VehiclePosition]:
    return [
        VehiclePosition(vehicle="V-01", lat=lat, lon=lon, speed_kmh=speed, ts=start + i * step)
        for i, (lat, lon) in enumerate(points)
    ]


ON_ROUTE = points_along(list(V01_ROUTE), demo_catalog(), 80.0)


def test_a_vehicle_on_its_route_raises_nothing() -> None:
    models = engine()
    assert firings(models.feed_reading, drive(ON_ROUTE + ON_ROUTE[::-1])) == []


def test_three_positions_in_a_row_off_the_route_fire_one_deviation() -> None:
    models = engine()
    off = [(lat + NORTH_M, lon) for lat, lon in ON_ROUTE[5:10]]
    stream = drive(ON_ROUTE[:5] + off + ON_ROUTE[10:15])
    fired = firings(models.feed_reading, stream)
    assert [(i, f.dedupe_key) for i, f in fired] == [(7, "hazmat_route:deviation:V-01")]
    firing = fired[0][1]
    assert (firing.severity, firing.urgency, firing.certainty) == ("Severe", "Immediate", "Observed")
    assert "苏E·H1201" in firing.headline and "液化石油气" in firing.description
    shown = evidence(firing)
    assert 280 <= shown["偏离路线距离"][0] <= 320 and shown["偏离路线距离"][1:] == ("≤ 150", "m")
    assert shown["连续偏离定位点"] == (3, "< 3", "个")
    assert (firing.lat, firing.lon) == (stream[7].lat, stream[7].lon) and firing.grid_code is not None


def test_two_stray_positions_are_a_glitch_not_a_deviation() -> None:
    models = engine()
    off = [(lat + NORTH_M, lon) for lat, lon in ON_ROUTE[5:7]]
    assert firings(models.feed_reading, drive(ON_ROUTE[:5] + off + ON_ROUTE[7:] + off + ON_ROUTE[:3])) == []


def test_a_deviation_fires_again_only_after_the_vehicle_was_back_on_route() -> None:
    models = engine()
    off = [(lat + NORTH_M, lon) for lat, lon in ON_ROUTE[5:10]]
    stream = drive(ON_ROUTE[:5] + off + ON_ROUTE[10:12] + off)
    assert [i for i, _ in firings(models.feed_reading, stream)] == [7, 14]


def test_standing_in_a_forbidden_zone_fires_extreme_after_stop_s() -> None:
    models = engine()
    stream = drive(ON_ROUTE[:3])
    stream += drive([SCHOOL] * 4, speed=0.5, start=T0 + 100, step=60.0)  # 0, 60, 120, 180 s standing
    fired = firings(models.feed_reading, stream)
    # the school is off the route too: the third position away from it is a deviation
    assert [(i, f.dedupe_key, f.severity) for i, f in fired] == [
        (5, "hazmat_route:deviation:V-01", "Severe"),
        (5, "hazmat_route:zone:V-01:Z-02", "Extreme"),
    ]
    zone = fired[1][1]
    assert zone.area_desc == "江滨实验小学周边" and zone.response_types == ["Execute"]
    shown = evidence(zone)
    assert shown["禁停区域"][0] == "江滨实验小学周边"
    assert shown["停留时长"] == (120, "< 120", "s")


def test_driving_through_a_zone_or_a_short_stop_is_not_standing_there() -> None:
    models = engine(hazmat_route={"corridor_m": 5000})  # no deviations: only the zone is looked at
    stream = drive([SCHOOL] * 5, speed=30.0)  # passing at speed
    stream += drive([SCHOOL] * 2, speed=0.0, start=T0 + 100, step=60.0)  # stands 60 s
    stream += drive([SCHOOL], speed=20.0, start=T0 + 200)  # leaves
    stream += drive([SCHOOL] * 2, speed=0.0, start=T0 + 300, step=100.0)  # stands 100 s
    assert firings(models.feed_reading, stream) == []


def test_a_store_near_then_above_its_licence_fires_moderate_then_severe() -> None:
    models = engine()
    levels = [30, 45, 53.9, 54, 55, 60, 61, 62, 30, 61]  # S-01: licensed 60 m³, warn at 90% = 54
    stream = [StorageLevel(site="S-01", level=level, ts=T0 + i * 60) for i, level in enumerate(levels)]
    fired = firings(models.feed_reading, stream)
    assert [(i, f.dedupe_key, f.severity) for i, f in fired] == [
        (3, "hazmat_storage:S-01:near", "Moderate"),
        (6, "hazmat_storage:S-01:over", "Severe"),
        (9, "hazmat_storage:S-01:over", "Severe"),  # back to normal in between: it may fire again
    ]
    shown = evidence(fired[1][1])
    assert shown["储存量"] == (61, "≤ 60", "m³")
    assert shown["占许可量"] == ("102%", "< 90%", None)
    assert shown["物料"][0] == "汽油"
    assert fired[1][1].area_desc == "临江街道滨江社区临江加油站"


def test_a_store_within_its_licence_raises_nothing() -> None:
    models = engine()
    stream = [StorageLevel(site="S-03", level=5 + (i % 4), ts=T0 + i) for i in range(50)]  # ≤ 8 of 10 t
    assert firings(models.feed_reading, stream) == []
