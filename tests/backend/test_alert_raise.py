"""alert.raise and alert.export_cap over real websockets: supervisors raise manual alerts (checked field by
field, nothing stored when refused), operators may not; a drill backend raises Exercise alerts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backend.alerts.cap_xml import cap_schema
from backend.seed import seed_demo
from backend.server import Server
from backend.store import Store
from client_api import alert_messages as am
from client_api.client import Event
from client_api.errors import ErrorCode
from tests.backend.test_alert_ack import fails
from tests.backend.test_alert_support import counts
from tests.backend.test_intake_support import seats

FIRE = am.RaiseAlert(
    event="火灾",
    headline="望江社区一居民楼起火",
    description="望江路66号3楼冒出浓烟。",
    instruction="附近居民勿围观，让出消防通道。",
    categories=["Fire", "Rescue"],
    severity="Extreme",
    grid_code="32099900100201",
    lat=31.33,
    lon=120.565,
    expires_in_s=3600,
)


def test_a_supervisor_raises_and_every_seat_hears_it(aio: Any, server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(server, "operator1", "supervisor1") as (operator, supervisor):
            forbidden = await fails(operator, "alert.raise", FIRE)
            raised: am.AlertRaised = await supervisor.client.request("alert.raise", FIRE)
            heard: Event = await operator.wait_for(lambda e: e.type == "alert.raised")
            exported: am.CapXml = await operator.client.request(
                "alert.export_cap", am.ExportCap(alert_id=raised.alert.id)
            )
            missing = await fails(operator, "alert.export_cap", am.ExportCap(alert_id=999))
            return locals()

    got = aio.run(scenario())
    assert got["forbidden"].code == ErrorCode.FORBIDDEN
    alert = got["raised"].alert
    assert alert.identifier.startswith("manual-") and len(alert.identifier) == len("manual-") + 32
    assert (alert.sender, alert.source, alert.status, alert.sender_name) == (
        f"command-seat@{server.node}",
        "manual",
        "Actual",
        "值班长 陈静",
    )
    assert (alert.urgency, alert.severity, alert.certainty, alert.priority) == (
        "Immediate",
        "Extreme",
        "Observed",
        64,
    )
    assert alert.expires == alert.sent + 3600 and alert.sent == int(alert.sent)
    [area] = alert.areas
    assert area.area_desc == "望江社区第1网格" and area.circles[0].radius_km == 0.0
    assert area.geocodes[0].value == "32099900100201" and alert.grid_code == "32099900100201"
    assert got["heard"].payload.alert == alert
    cap_schema().validate(got["exported"].xml)
    assert got["missing"].code == ErrorCode.NOT_FOUND


BAD = [
    (
        {"severity": "Huge"},
        "severity",
        "severity 'Huge' is not one of Extreme, Severe, Moderate, Minor, Unknown",
    ),
    ({"urgency": "Now"}, "urgency", "urgency 'Now' is not one of"),
    ({"certainty": ""}, "certainty", "certainty '' is not one of"),
    ({"categories": []}, "categories", "give at least one CAP category"),
    ({"categories": ["Met", "Weather"]}, "categories", "categories 'Weather' is not one of Geo, Met"),
    ({"headline": "  "}, "headline", "the headline is empty"),
    ({"event": "长" * 256}, "event", "the event is longer than 255 characters"),
    ({"grid_code": "999"}, "grid_code", "no area with code '999'"),
    ({"lat": 31.3, "lon": None}, "lon", "give both lat and lon, or neither"),
    ({"lat": 91.0}, "lat", "latitude 91.0 is outside -90..90"),
    ({"expires_in_s": 0}, "expires_in_s", "expires_in_s must be more than 0"),
    ({"area_desc": "地" * 513}, "area_desc", "the area_desc is longer than 512 characters"),
]


@pytest.mark.parametrize(("over", "field", "message"), BAD)
def test_bad_fields_are_named_and_nothing_is_stored(
    aio: Any, server: Server, over: dict[str, Any], field: str, message: str
) -> None:
    fields = {name: getattr(FIRE, name) for name in FIRE.__struct_fields__} | over
    before = counts(aio, server.store)

    async def scenario() -> Any:
        async with seats(server, "supervisor1") as (supervisor,):
            return await fails(supervisor, "alert.raise", am.RaiseAlert(**fields))

    error = aio.run(scenario())
    assert (error.code, error.details["field"]) == (ErrorCode.INVALID_FIELD, field)
    assert error.message.startswith(message)
    assert counts(aio, server.store)[0] == before[0]


@pytest.fixture
def drill_server(aio: Any, tmp_path: Path, fast_seed: None) -> Iterator[Server]:
    store = aio.run(Store.open(f"sqlite:///{tmp_path}/drill.sqlite3"))
    server = Server(store, port=0, exercise=True)
    try:
        assert aio.run(seed_demo(store)) is True
        aio.run(server.start())
        yield server
    finally:
        aio.run(server.close())
        aio.run(store.close())


def test_a_drill_backend_raises_exercises(aio: Any, drill_server: Server) -> None:
    async def scenario() -> tuple[am.AlertRaised, am.CapXml]:
        async with seats(drill_server, "trainer1") as (trainer,):
            raised: am.AlertRaised = await trainer.client.request("alert.raise", FIRE)
            xml: am.CapXml = await trainer.client.request(
                "alert.export_cap", am.ExportCap(alert_id=raised.alert.id)
            )
            return raised, xml

    raised, exported = aio.run(scenario())
    assert raised.alert.status == "Exercise" and raised.alert.headline == "望江社区一居民楼起火"
    assert (
        "<status>Exercise</status>" in exported.xml
        and "<headline>【演练】望江社区一居民楼起火</headline>" in exported.xml
    )
    cap_schema().validate(exported.xml)
    assert counts(aio, drill_server.store)[0] == 1
