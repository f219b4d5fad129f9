"""alert.to_case and alert.link_case over real websockets: one action makes exactly one case with the
alert's fields, links it and acknowledges the alert; a second case is refused naming the first."""

from __future__ import annotations

from typing import Any

from backend import schema
from backend.server import Server
from client_api import alert_messages as am
from client_api import messages as m
from client_api.client import Event
from client_api.errors import ErrorCode
from tests.backend.test_alert_ack import fails
from tests.backend.test_alert_support import count, rule_draft, sample, store_draft
from tests.backend.test_intake_support import rows, seats


async def ingested(seat: Any, name: str) -> am.AlertRecord:
    done: am.CapIngested = await seat.client.request("alert.ingest_cap", am.IngestCap(xml=sample(name)))
    return done.alerts[0]


def test_a_hazmat_alert_becomes_one_case(aio: Any, server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(server, "operator1", "supervisor1") as (operator, supervisor):
            alert = await ingested(supervisor, "hazmat_leak.xml")
            made: am.AlertCaseCreated = await operator.client.request(
                "alert.to_case", am.AlertToCase(alert_id=alert.id)
            )
            created: Event = await supervisor.wait_for(lambda e: e.type == "case.created")
            linked: Event = await supervisor.wait_for(
                lambda e: e.type == "alert.updated" and e.payload.alert.case_id is not None
            )
            again = await fails(supervisor, "alert.to_case", am.AlertToCase(alert_id=alert.id))
            return locals()

    got = aio.run(scenario())
    case, alert = got["made"].case, got["made"].alert
    assert (case.category_code, case.address, case.urgency, case.channel) == (
        "E0506",  # 危化品泄漏 by the event
        "东湖镇工业园东门周边1公里",
        "urgent",
        "web",
    )
    assert (case.lat, case.lon, case.reporter_name) == (31.3105, 120.612, "江滨示范区应急管理局")
    assert case.description.splitlines() == [
        "东湖镇工业园一槽罐车发生液氨泄漏",
        "一辆运输液氨的槽罐车在东湖镇工业园东门附近发生泄漏，现场有刺激性气味。",
        "半径1公里内人员向上风向疏散，关闭门窗，勿靠近现场。",
        "预警来源：江滨示范区应急管理局（YJ-HZ-2026-0088）",
    ]
    assert (alert.case_id, alert.case_no, alert.state) == (case.id, case.case_no, "acknowledged")
    assert (alert.acked_by, alert.acked_seat, alert.ack_reason) == ("operator1", "S1", f"立案 {case.case_no}")
    assert got["created"].payload.case.id == case.id and got["linked"].payload.alert.case_no == case.case_no
    again = got["again"]
    assert again.code == ErrorCode.INVALID_TRANSITION and again.details["case_no"] == case.case_no
    assert again.message == f"alert {alert.id} already belongs to case {case.case_no}"
    assert count(aio, server.store, schema.cases) == 1


def test_rule_grid_and_suggested_categories(aio: Any, server: Server) -> None:
    rule = store_draft(aio, server.store, rule_draft(severity="Extreme"))

    async def scenario() -> dict[str, Any]:
        async with seats(server, "operator1", "supervisor1") as (operator, supervisor):
            request = operator.client.request
            from_rule: am.AlertCaseCreated = await request("alert.to_case", am.AlertToCase(alert_id=rule.id))
            grid = await ingested(supervisor, "gas_grid.xml")
            chosen: am.AlertCaseCreated = await request(
                "alert.to_case", am.AlertToCase(alert_id=grid.id, category_code="E0603")
            )
            raised: am.AlertRaised = await supervisor.client.request(
                "alert.raise",
                am.RaiseAlert(event="其他", headline="滨江路自来水管破裂，路面大量积水", severity="Minor"),
            )
            suggested: am.AlertCaseCreated = await request(
                "alert.to_case", am.AlertToCase(alert_id=raised.alert.id)
            )
            return locals()

    got = aio.run(scenario())
    case = got["from_rule"].case
    assert (case.category_code, case.channel, case.urgency, case.grid_code) == (
        "E0602",
        "iot",
        "critical",
        "32099900100101",
    )
    assert "水 m³/日：4.8 m³（预期 1.2 m³）" in case.description.splitlines()
    assert "快递 件/日：9（预期 1）" in case.description and "登记住户：2人" in case.description
    grid_case = got["chosen"].case
    assert (grid_case.category_code, grid_case.address, grid_case.grid_code) == (
        "E0603",
        "滨江社区第1网格",
        "32099900100101",
    )
    assert grid_case.urgency == "normal" and got["chosen"].alert.ack_reason == f"立案 {grid_case.case_no}"
    assert got["suggested"].case.category_code == "E0502"  # 自来水管破裂, from the suggester
    assert got["suggested"].case.address == "预警未注明地点"


def test_a_bad_category_makes_no_case(aio: Any, server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(server, "operator1", "supervisor1") as (operator, supervisor):
            alert = await ingested(supervisor, "hazmat_leak.xml")
            bad = await fails(
                operator, "alert.to_case", am.AlertToCase(alert_id=alert.id, category_code="X99")
            )
            listed: am.AlertList = await operator.client.request("alert.list", am.ListAlerts())
            return locals()

    got = aio.run(scenario())
    assert (
        got["bad"].details["field"] == "category_code" and got["bad"].message == "no category with code 'X99'"
    )
    assert got["listed"].alerts[0].case_id is None and got["listed"].alerts[0].state == "active"
    assert count(aio, server.store, schema.cases) == 0


def test_link_to_an_existing_case(aio: Any, server: Server) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(server, "operator1", "supervisor1", "town1") as (operator, supervisor, town):
            made: m.CaseCreated = await operator.client.request(
                "case.create",
                m.CreateCase(category_code="E0503", address="滨江路 8 号", description="燃气味很重"),
            )
            alert = await ingested(supervisor, "gas_grid.xml")
            acked = await ingested(supervisor, "hazmat_leak.xml")
            await supervisor.client.request("alert.ack", am.AckAlert(alert_id=acked.id, reason="已派消防"))
            linked: am.AlertLinked = await operator.client.request(
                "alert.link_case", am.LinkAlert(alert_id=alert.id, case_id=made.case.id)
            )
            kept: am.AlertLinked = await operator.client.request(
                "alert.link_case", am.LinkAlert(alert_id=acked.id, case_id=made.case.id)
            )
            twice = await fails(
                operator, "alert.link_case", am.LinkAlert(alert_id=alert.id, case_id=made.case.id)
            )
            fresh = await ingested(supervisor, "rainstorm_red.xml")
            nowhere = await fails(
                operator, "alert.link_case", am.LinkAlert(alert_id=fresh.id, case_id=424242)
            )
            unseen = await fails(
                town, "alert.link_case", am.LinkAlert(alert_id=fresh.id, case_id=made.case.id)
            )
            return locals()

    got = aio.run(scenario())
    case = got["made"].case
    alert = got["linked"].alert
    assert (alert.case_id, alert.case_no, alert.state, alert.ack_reason) == (
        case.id,
        case.case_no,
        "acknowledged",
        f"关联 {case.case_no}",
    )
    kept = got["kept"].alert
    assert (kept.case_id, kept.acked_by, kept.ack_reason) == (case.id, "supervisor1", "已派消防")
    assert got["twice"].code == ErrorCode.INVALID_TRANSITION
    assert got["nowhere"].code == ErrorCode.NOT_FOUND and got["nowhere"].message == "no case with id 424242"
    assert got["unseen"].code == ErrorCode.NOT_FOUND  # a town seat may not reach the district's case
    notes = [
        r.note
        for r in rows(aio, server.store, schema.case_timeline, schema.case_timeline.c.action == "linked")
    ]
    assert notes == [
        "关联预警 RQ-20260703-031: 滨江社区第1网格燃气管道压力异常",
        "关联预警 YJ-HZ-2026-0088: 东湖镇工业园一槽罐车发生液氨泄漏",
    ]
