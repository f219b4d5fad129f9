"""alert.ingest_cap, alert.list and alert.ack over real websockets: an ingested alert reaches every
seat, is acknowledged once with the rules for reasons, and shows acknowledged on every seat."""

from __future__ import annotations

from typing import Any

from backend import schema
from backend.server import Server
from client_api import alert_messages as am
from client_api.client import Event
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_alert_support import count, sample
from tests.backend.test_intake_support import seats


async def fails(seat: Any, type_: str, payload: Any) -> ProtocolError:
    try:
        await seat.client.request(type_, payload)
    except ProtocolError as exc:
        return exc
    raise AssertionError(f"{type_} was accepted")


def updated(alert_id: int, state: str) -> Any:
    return lambda e: (
        e.type == "alert.updated" and e.payload.alert.id == alert_id and e.payload.alert.state == state
    )


def test_an_ingested_alert_is_acknowledged_once_and_seen_so_everywhere(aio: Any, server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(server, "operator1", "supervisor1") as (operator, supervisor):
            done: am.CapIngested = await supervisor.client.request(
                "alert.ingest_cap", am.IngestCap(xml=sample("rainstorm_red.xml"))
            )
            [alert] = done.alerts
            raised: Event = await operator.wait_for(lambda e: e.type == "alert.raised")
            no_reason = await fails(operator, "alert.ack", am.AckAlert(alert_id=alert.id, reason="  "))
            too_long = await fails(operator, "alert.ack", am.AckAlert(alert_id=alert.id, reason="长" * 501))
            acked: am.AlertAcked = await operator.client.request(
                "alert.ack", am.AckAlert(alert_id=alert.id, reason=" 已通知防汛办 ")
            )
            seen: Event = await supervisor.wait_for(updated(alert.id, "acknowledged"))
            twice = await fails(supervisor, "alert.ack", am.AckAlert(alert_id=alert.id, reason="再次确认"))
            missing = await fails(operator, "alert.ack", am.AckAlert(alert_id=999, reason="x"))
            return locals()

    got = aio.run(scenario())
    assert got["raised"].payload.alert.identifier == "JBQX-20260701-0012"
    for name in ("no_reason", "too_long"):
        assert (got[name].code, got[name].details["field"]) == (ErrorCode.INVALID_FIELD, "reason")
    assert got["no_reason"].message == "a reason is required to acknowledge an alert of severity Extreme"
    alert = got["acked"].alert
    assert (alert.state, alert.acked_by, alert.acked_by_name, alert.acked_seat, alert.ack_reason) == (
        "acknowledged",
        "operator1",
        "话务员 王芳",
        "S1",
        "已通知防汛办",
    )
    assert alert.acked_at is not None and got["seen"].payload.alert == alert
    twice = got["twice"]
    assert twice.code == ErrorCode.INVALID_TRANSITION and twice.details["state"] == "acknowledged"
    assert twice.message.startswith(
        f"alert {alert.id} is already acknowledged by 话务员 王芳 (operator1) at "
    )
    assert got["missing"].code == ErrorCode.NOT_FOUND and got["missing"].message == "no alert with id 999"


def test_minor_alerts_need_no_reason_and_closed_ones_cannot_be_acknowledged(aio: Any, server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(server, "operator1", "supervisor1") as (operator, supervisor):
            ingest = supervisor.client.request
            [moderate] = (await ingest("alert.ingest_cap", am.IngestCap(xml=sample("gas_grid.xml")))).alerts
            plain: am.AlertAcked = await operator.client.request(
                "alert.ack", am.AckAlert(alert_id=moderate.id)
            )
            for name in ("rainstorm_red.xml", "rainstorm_update.xml", "rainstorm_cancel.xml"):
                done = await ingest("alert.ingest_cap", am.IngestCap(xml=sample(name)))
            cancelled = await fails(
                operator, "alert.ack", am.AckAlert(alert_id=done.alerts[0].id, reason="收到")
            )
            return locals()

    got = aio.run(scenario())
    assert got["plain"].alert.state == "acknowledged" and got["plain"].alert.ack_reason is None
    assert got["cancelled"].code == ErrorCode.INVALID_TRANSITION
    assert got["cancelled"].message.endswith("was cancelled by its sender; there is nothing to acknowledge")


def test_list_filters_and_checks(aio: Any, server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(server, "supervisor1") as (supervisor,):
            request = supervisor.client.request
            for name in ("gas_grid.xml", "hazmat_leak.xml"):
                await request("alert.ingest_cap", am.IngestCap(xml=sample(name)))
            everything: am.AlertList = await request("alert.list", am.ListAlerts())
            first = everything.alerts[-1]
            await request("alert.ack", am.AckAlert(alert_id=first.id))
            active: am.AlertList = await request("alert.list", am.ListAlerts(states=["active"]))
            limited: am.AlertList = await request("alert.list", am.ListAlerts(limit=1))
            later: am.AlertList = await request(
                "alert.list", am.ListAlerts(since=everything.alerts[0].received_at + 1)
            )
            bad_state = await fails(supervisor, "alert.list", am.ListAlerts(states=["open"]))
            bad_limit = await fails(supervisor, "alert.list", am.ListAlerts(limit=0))
            return locals()

    got = aio.run(scenario())
    assert [a.identifier for a in got["everything"].alerts] == ["YJ-HZ-2026-0088", "RQ-20260703-031"]
    assert got["everything"].last_seq >= 2
    assert [a.identifier for a in got["active"].alerts] == ["YJ-HZ-2026-0088"]
    assert len(got["limited"].alerts) == 1 and got["later"].alerts == []
    assert got["bad_state"].details["field"] == "states" and "open" in got["bad_state"].message
    assert got["bad_limit"].message == "limit must be between 1 and 5000"


def test_who_may_ingest(aio: Any, server: Server) -> None:
    async def scenario() -> ProtocolError:
        async with seats(server, "operator1") as (operator,):
            return await fails(operator, "alert.ingest_cap", am.IngestCap(xml=sample("gas_grid.xml")))

    assert aio.run(scenario()).code == ErrorCode.FORBIDDEN
    assert count(aio, server.store, schema.alerts) == 0
