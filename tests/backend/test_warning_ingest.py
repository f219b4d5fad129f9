"""Readings in: each checked on its own (bad ones refused with the reason, the rest taken, the models
undisturbed by the refused), ``readings.ingest`` over a real websocket with alerts as ``alert.raised``."""

from __future__ import annotations

import math
import time
from typing import Any

import pytest

from backend.server import Server
from backend.store import Store
from backend.warnings.catalog import demo_catalog
from backend.warnings.ingest import ingest_readings
from backend.warnings.readings import ReadingChecker
from client_api import alert_messages as am
from client_api.alert_messages import MeterReading, ParcelCount, StorageLevel, VehiclePosition
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_intake_support import seats
from tests.backend.test_warning_support import T0, engine, warning_server

NOW = T0


def water(value: float, household: str = "H-0002", ts: float = NOW) -> MeterReading:
    return MeterReading(household=household, utility="water", value=value, ts=ts)


def position(
    lat: float = 31.3170, lon: float = 120.5500, speed: float = 40.0, ts: float = NOW
) -> VehiclePosition:
    return VehiclePosition(vehicle="V-01", lat=lat, lon=lon, speed_kmh=speed, ts=ts)


REFUSED = [
    (water(0.3, household="H-9999"), "unknown household 'H-9999'"),
    (MeterReading(household="H-0002", utility="steam", value=1, ts=NOW), "unknown utility 'steam'"),
    (water(math.nan), "water is not a finite number"),
    (water(math.inf), "water is not a finite number"),
    (water(-0.1), "water -0.1 is negative"),
    (water(80), "water 80 is above the physical maximum 50 m³/day"),
    (ParcelCount(household="H-0002", count=5000, ts=NOW), "count 5000 is above the physical maximum 1000"),
    (water(0.3, ts=NOW + 301), "ts is 301 s in the future"),
    (water(0.3, ts=NOW - 8 * 86400), "ts is 8.0 days old"),
    (water(0.3, ts=math.nan), "ts is not a finite number"),
    (position(lat=31.9), "position (31.9, 120.55) is outside the district"),
    (position(lon=math.inf), "lat/lon is not a finite number"),
    (position(speed=250), "speed_kmh 250 is above the physical maximum 200 km/h"),
    (VehiclePosition(vehicle="V-99", lat=31.317, lon=120.55, speed_kmh=1, ts=NOW), "unknown vehicle 'V-99'"),
    (
        StorageLevel(site="S-01", level=81, ts=NOW),
        "level 81 is above the physical maximum 80 m³ (the site's capacity)",
    ),
    (StorageLevel(site="S-09", level=1, ts=NOW), "unknown storage site 'S-09'"),
]


@pytest.mark.parametrize(("reading", "reason"), REFUSED)
def test_each_bad_reading_is_refused_with_its_reason(reading: am.Reading, reason: str) -> None:
    why = ReadingChecker(demo_catalog()).problem(reading, NOW)
    assert why is not None and why.startswith(reason), why


def test_a_vehicle_position_older_than_its_latest_is_refused() -> None:
    checker = ReadingChecker(demo_catalog())
    assert checker.problem(position(ts=NOW), NOW) is None
    assert (
        checker.problem(position(ts=NOW - 5), NOW)
        == f"ts is before vehicle V-01's latest position ({NOW - 5} < {NOW})"
    )
    assert checker.problem(position(ts=NOW), NOW) is None  # the same time again is fine


def test_the_good_readings_of_a_mixed_batch_are_taken_and_the_bad_disturb_nothing() -> None:
    models, checker = engine(), ReadingChecker(demo_catalog())
    day = 86_400.0
    batch: list[am.Reading] = []
    for d in range(3):  # H-0002 (3 registered) reads like 12 people, each day with a wild value beside
        ts = NOW - (3 - d) * day
        batch += [
            MeterReading(household="H-0002", utility="water", value=1.44, ts=ts),
            MeterReading(household="H-0002", utility="electricity", value=999.0 if d == 0 else 36.0, ts=ts),
            MeterReading(household="H-0002", utility="electricity", value=-36.0, ts=ts),  # refused
            MeterReading(household="H-0002", utility="electricity", value=5000.0, ts=ts),  # refused
        ]
    done = ingest_readings(models, checker, batch, NOW)
    assert done.accepted == 6
    assert [(r.index, r.reason.split(" ")[0]) for r in done.rejected] == [
        (2, "electricity"),
        (3, "electricity"),
        (6, "electricity"),
        (7, "electricity"),
        (10, "electricity"),
        (11, "electricity"),
    ]
    # the mean of 999, 36, 36 is what the refused values did not touch
    assert [(f.index, f.dedupe_key) for f in done.firings] == [(9, "group_rental:H-0002")]
    shown = {e.label: e.value for e in done.firings[0].evidence}
    assert shown["用电（近3日均）"] == 357.0


def test_readings_over_the_wire_raise_alerts_seen_by_every_seat(aio: Any, seeded_store: Store) -> None:
    async def scenario(server: Server) -> None:
        async with seats(server, "handler1", "operator1") as (gateway, operator):
            now = time.time()
            readings: list[am.Reading] = [
                StorageLevel(site="S-02", level=level, ts=now + i * 0.01)
                for i, level in enumerate([15, 18.5, 21])
            ]
            readings.insert(1, StorageLevel(site="S-02", level=26, ts=now))  # above the 25 t the tank holds
            done: am.ReadingsIngested = await gateway.client.request(
                "readings.ingest", am.IngestReadings(readings=readings)
            )
            assert done.accepted == 3 and len(done.alerts) == 2
            assert [(r.index, r.reason) for r in done.rejected] == [
                (1, "level 26 is above the physical maximum 25 t (the site's capacity)")
            ]
            raised = await operator.wait_for(
                lambda e: e.type == "alert.raised" and e.payload.alert.id == done.alerts[1]
            )
            alert = raised.payload.alert
            assert (alert.source, alert.rule, alert.severity, alert.state) == (
                "rule",
                "hazmat_storage",
                "Severe",
                "active",
            )
            assert alert.headline == "东湖液化气储配站液化石油气超过许可储存量（105%）"
            assert alert.evidence[0] == am.Evidence(
                label="储存量", value=21.0, expected="≤ 20", unit="t", ts=readings[3].ts
            )
            assert (
                alert.grid_code == "32099900200101" and alert.areas[0].geocodes[0].value == "32099900200101"
            )
            assert alert.status == "Actual" and alert.identifier.startswith("rule-hazmat_storage-")
            assert alert.expires == alert.received_at + 86400  # lapses after a day: may be raised again
            # the same condition again: the open alert stands, no second one
            again = await gateway.client.request(
                "readings.ingest",
                am.IngestReadings(readings=[StorageLevel(site="S-02", level=10, ts=now + 1)]),
            )
            assert again.alerts == []
            over: list[am.Reading] = [StorageLevel(site="S-02", level=22, ts=now + 2)]
            assert (
                await gateway.client.request("readings.ingest", am.IngestReadings(readings=over))
            ).alerts == []
            with pytest.raises(ProtocolError) as info:
                await operator.client.request("readings.ingest", am.IngestReadings(readings=over))
            assert info.value.code == ErrorCode.FORBIDDEN
            too_many: list[am.Reading] = [StorageLevel(site="S-01", level=1, ts=now)] * 10_001
            with pytest.raises(ProtocolError) as info:
                await gateway.client.request("readings.ingest", am.IngestReadings(readings=too_many))
            assert (info.value.code, info.value.details["field"]) == (ErrorCode.INVALID_FIELD, "readings")

    with warning_server(aio, seeded_store) as (server, _service):
        aio.run(scenario(server))


def test_without_the_warning_service_readings_are_unavailable(aio: Any, server: Server) -> None:
    async def scenario() -> None:
        async with seats(server, "handler1") as (gateway,):
            with pytest.raises(ProtocolError) as info:
                await gateway.client.request("readings.ingest", am.IngestReadings(readings=[]))
            assert info.value.code == ErrorCode.UNAVAILABLE
            listed = await gateway.client.request("warning.rules", am.ListWarningRules())
            assert len(listed.rules) == 6  # the shipped rules, seeded on first use

    aio.run(scenario())
