"""Each kind of inject lands where the backend already handles it (real server, exercise SQLite store):
a call rings in the call center with the caller's words, a report waits in the inbox, readings reach
the warning models and raise their alert, a CAP alert is raised as Exercise, a radio unit talks and a
message goes out when the comms services run (else the radio is skipped and the message reaches the
inbox); a manual inject fires at once and is logged as manual."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backend.comms.message_sim import MessageService
from backend.comms.radio_service import RadioService
from backend.services import Service
from client_api import alert_messages as am
from client_api import calls_messages as cm
from client_api import drill_messages as dm
from client_api import inbox_messages as im
from client_api.errors import ProtocolError
from tests.backend.test_drill_engine_support import (
    Bed,
    drill_server,
    injected,
    start,
    trainee_seats,
)

KINDS = """\
format: 1
id: kinds
title: 各类事件（测试）
level: 镇
theme: 群租房
duration: 1m
seats: [{id: seat-1, role: operator}, trainer]
injects:
  - id: c1
    at: 2s
    kind: call
    caller_number: '13900000001'
    patience: 5m
    says: [望江名苑7幢冒烟了。, 快来人！]
  - {id: r1, at: 4s, kind: report, channel: 网格员上报, reporter_name: 孙丽娟, text: 楼道飞线充电。}
  - id: m1
    at: 6s
    kind: readings
    model: group_rental
    readings:
      - {household: H-0014, ago: 2d, water: 1.42, electricity: 36.5, parcels: 5}
      - {household: H-0014, ago: 1d, water: 1.51, electricity: 39.2, parcels: 6}
      - {household: H-0014, ago: 0s, water: 1.47, electricity: 41.0, parcels: 4}
  - id: a1
    at: 8s
    kind: cap
    event: 火灾
    headline: 望江名苑火灾预警
    urgency: Immediate
    severity: Extreme
    certainty: Observed
    area: {desc: 望江社区, codes: ['320999001002']}
  - {id: v1, at: 10s, kind: radio, unit_id: unit-01, group_id: tg-town-320999001, text: 已到达现场。}
  - id: s1
    at: 12s
    kind: message
    sender: 临江街道综合指挥中心
    to: '320999001'
    body: 各网格员注意消防通道。
rubric:
  - {action: answer_within, inject: c1, weight: 1}
"""


def run_kinds(aio: Any, tmp_path: Path, extra: list[Service]) -> tuple[Bed, dict[str, Any]]:
    with drill_server(aio, tmp_path, extra=extra, kinds=KINDS) as bed:

        async def scenario() -> dict[str, Any]:
            async with trainee_seats(bed.server, "trainer1", "operator1") as (trainer, operator):
                ok: dm.DrillOk = await trainer.client.request(
                    "drill.start", start(10.0, "kinds", [dm.Assignment("seat-1", "operator1")])
                )
                await trainer.wait_for(injected("s1"), 20)
                await bed.engine.observer.settle()
                calls: cm.CallList = await operator.calls.list()
                inbox: im.IntakeList = await operator.client.request("intake.list", im.ListIntake())
                alerts: am.AlertList = await operator.client.request("alert.list", am.ListAlerts())
                await trainer.client.request(
                    "drill.control", dm.ControlDrill(drill_id=ok.drill.id, action="stop")
                )
                log: dm.DrillLog = await trainer.client.request(
                    "drill.log", dm.GetDrillLog(drill_id=ok.drill.id)
                )
                return locals()

        return bed, aio.run(scenario(), timeout=60)


def outcomes(log: dm.DrillLog) -> dict[str, dict[str, Any]]:
    return {e.ref or "": e.data for e in log.entries if e.kind.startswith("inject.")}


def test_each_inject_lands_where_it_should(aio: Any, tmp_path: Path) -> None:
    _bed, got = run_kinds(aio, tmp_path, [RadioService(), MessageService(receipt_delay=0.0)])
    done = outcomes(got["log"])
    assert {ref: data["outcome"] for ref, data in done.items()} == dict.fromkeys(
        ("c1", "r1", "m1", "a1", "v1", "s1"), "fired"
    )
    [call] = got["calls"].calls
    assert (call.id, call.caller_number, call.simulated) == (done["c1"]["call_id"], "13900000001", True)
    assert call.opening == "望江名苑7幢冒烟了。\n快来人！" and call.state == "ringing"
    [item] = got["inbox"].items  # the message went out through the message service, not the inbox
    assert (item.id, item.channel, item.reporter_name) == (done["r1"]["item_id"], "grid", "孙丽娟")
    assert item.content == "楼道飞线充电。"
    alerts = {a.id: a for a in got["alerts"].alerts}
    [rule_alert] = done["m1"]["alert_ids"]
    assert (alerts[rule_alert].source, alerts[rule_alert].rule) == ("rule", "group_rental")
    [cap] = done["a1"]["alert_ids"]
    assert (alerts[cap].status, alerts[cap].source, alerts[cap].headline) == (
        "Exercise",
        "cap",
        "望江名苑火灾预警",
    )
    assert (
        alerts[cap].identifier == f"drill-{got['ok'].drill.id}-a1" and alerts[cap].grid_code == "320999001002"
    )
    assert {a.status for a in alerts.values()} == {"Exercise"}
    trainer = got["trainer"]
    said = [e.payload.transmission for e in trainer.events if e.type == "radio.transmission"]
    assert said and said[0].id == done["v1"]["transmission_id"] and said[0].text == "已到达现场。"
    sent = [e.payload.message for e in trainer.events if e.type == "message.updated"]
    assert sent and sent[0].id == done["s1"]["message_id"] and sent[0].body == "各网格员注意消防通道。"


def test_without_the_comms_services_radio_is_skipped_and_a_message_reaches_the_inbox(
    aio: Any, tmp_path: Path
) -> None:
    _bed, got = run_kinds(aio, tmp_path, [])
    done = outcomes(got["log"])
    assert done["v1"]["outcome"] == "skipped"
    assert done["v1"]["reason"] == "the radio is not running on this backend"
    assert done["s1"]["outcome"] == "fired"
    items = {i.id: i for i in got["inbox"].items}
    message = items[int(str(done["s1"]["item_id"]))]
    assert (message.channel, message.reporter_name) == ("app", "临江街道综合指挥中心")
    assert "各网格员注意消防通道。" in message.content


def test_a_manual_inject_fires_at_once_and_a_bad_one_is_refused(aio: Any, tmp_path: Path) -> None:
    with drill_server(aio, tmp_path) as bed:

        async def scenario() -> dict[str, Any]:
            async with trainee_seats(bed.server, "trainer1", "operator1") as (trainer, operator):
                ok: dm.DrillOk = await trainer.client.request("drill.start", start(1.0))
                drill_id = ok.drill.id
                extra: dict[str, object] = {
                    "kind": "call",
                    "caller_number": "13700000009",
                    "says": ["我再补充一下情况。"],
                }
                manual: dm.DrillOk = await trainer.client.request(
                    "drill.inject", dm.ManualInject(drill_id=drill_id, inject=extra)
                )
                bad: dict[str, object] = {"kind": "call", "caller_numbr": "137", "says": ["喂？"]}
                refused = await failure(
                    trainer, "drill.inject", dm.ManualInject(drill_id=drill_id, inject=bad)
                )
                twice: dict[str, object] = {
                    "id": "call-1",
                    "kind": "call",
                    "caller_number": "13700000008",
                    "says": ["喂？"],
                }
                taken = await failure(
                    trainer, "drill.inject", dm.ManualInject(drill_id=drill_id, inject=twice)
                )
                by_operator = await failure(
                    operator, "drill.inject", dm.ManualInject(drill_id=drill_id, inject=extra)
                )
                calls: cm.CallList = await operator.calls.list()
                log: dm.DrillLog = await trainer.client.request(
                    "drill.log", dm.GetDrillLog(drill_id=drill_id)
                )
                await trainer.client.request(
                    "drill.control", dm.ControlDrill(drill_id=drill_id, action="stop")
                )
                return locals()

        got = aio.run(scenario(), timeout=60)
    [entry] = [e for e in got["log"].entries if e.kind == "inject.call"]
    assert (entry.ref, entry.actor, entry.data["manual"], entry.data["outcome"]) == (
        "manual-1",
        "trainer1",
        True,
        "fired",
    )
    [call] = got["calls"].calls
    assert (call.caller_number, call.id) == ("13700000009", entry.data["call_id"])
    refused = got["refused"]
    assert (refused.code, refused.details["field"]) == ("invalid_field", "inject")
    assert "unknown key 'caller_numbr'" in refused.message
    assert (
        got["taken"].code == "invalid_field"
        and "'call-1' is an inject of the scenario" in got["taken"].message
    )
    assert got["by_operator"].code == "forbidden"


async def failure(seat: Any, type_: str, payload: Any) -> ProtocolError:
    try:
        await seat.client.request(type_, payload)
    except ProtocolError as exc:
        return exc
    raise AssertionError(f"{type_} was accepted")
