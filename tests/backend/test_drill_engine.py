"""The drill engine with a real server (exercise SQLite store) over real websockets: injects fire on
scenario time at ×10 and land where they should; pause and resume shift what is still to come."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import msgspec
import pytest

from backend.calls.center import CallCenter
from backend.drill import drill_log, records
from backend.drill.engine import DrillEngine
from backend.drill.scenario import load_all
from backend.server import Server
from backend.store import Store
from client_api import alert_messages as am
from client_api import drill_messages as dm
from client_api import intake_messages as im
from client_api import messages as m
from client_api.lifecycle_messages import TransitionCase
from tests.backend.test_drill_engine_support import (
    SHORT,
    TraineeSeat,
    drill_server,
    drill_state,
    injected,
    offered,
    start,
    trainee_seats,
)

TIMED = ("call-1", "call-2", "report-1", "cap-1", "call-3")


def anchor_of(states: list[dm.DrillState], at: float) -> dm.DrillState:
    """The state whose clock was in force at wall time ``at`` (the last one anchored before it)."""
    return [s for s in states if s.at <= at][-1]


def due_at(state: dm.DrillState, t: float) -> float:
    return state.at + (t - state.elapsed_s) / state.speed


def test_injects_fire_on_scenario_time_and_the_drill_ends_at_its_end(aio: Any, tmp_path: Path) -> None:
    with drill_server(aio, tmp_path, short=SHORT) as bed:

        async def scenario() -> dict[str, Any]:
            async with trainee_seats(bed.server, "trainer1") as (trainer,):
                ok: dm.DrillOk = await trainer.client.request("drill.start", start(10.0, "short"))
                ended = await trainer.wait_for(drill_state("ended"), 30)
                log: dm.DrillLog = await trainer.client.request(
                    "drill.log", dm.GetDrillLog(drill_id=ok.drill.id)
                )
                listed: dm.DrillList = await trainer.client.request("drill.list", dm.ListDrills())
                current: dm.CurrentDrill = await trainer.client.request("drill.current", dm.GetDrill())
                return locals()

        got = aio.run(scenario(), timeout=60)
    started, ended = got["ok"].drill, got["ended"].payload
    assert (started.state, started.speed, started.fired, started.total) == ("running", 10.0, 0, 5)
    assert [s.username for s in started.assignments] == ["operator1", "operator2"]
    fired = {e.payload.inject_id: e.payload for e in got["trainer"].events if e.type == "drill.injected"}
    assert sorted(fired) == sorted(TIMED)
    for inject_id, f in fired.items():
        assert f.scheduled_at == pytest.approx(started.started_at + f.t / 10, abs=1e-6), inject_id
        assert f.fired_at >= f.scheduled_at  # never early
    assert [fired[i].scheduled_at for i in TIMED] == sorted(fired[i].scheduled_at for i in TIMED)
    assert (ended.state, ended.fired, ended.total) == ("ended", 5, 5)
    assert ended.elapsed_s == pytest.approx(60.0, abs=1e-6) and ended.ended_at is not None
    entries = got["log"].entries
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    injects = [(e.ref, e.data["outcome"]) for e in entries if e.kind.startswith("inject.")]
    assert injects == [*((i, "fired") for i in TIMED), ("dept-1", "skipped")]
    assert entries[-1].kind == "drill.ended" and entries[-1].data["reason"] == "the scenario's time is up"
    assert got["listed"].drills[0] == ended and got["current"].drill is None


def test_pause_and_resume_shift_what_is_still_to_come(aio: Any, tmp_path: Path) -> None:
    with drill_server(aio, tmp_path) as bed:

        async def scenario() -> dict[str, Any]:
            async with trainee_seats(bed.server, "trainer1") as (trainer,):
                ok: dm.DrillOk = await trainer.client.request("drill.start", start(10.0))
                drill_id = ok.drill.id
                paused: dm.DrillOk = await trainer.client.request(
                    "drill.control", dm.ControlDrill(drill_id=drill_id, action="pause")
                )
                await asyncio.sleep(0.4)
                still: dm.CurrentDrill = await trainer.client.request("drill.current", dm.GetDrill())
                resumed: dm.DrillOk = await trainer.client.request(
                    "drill.control", dm.ControlDrill(drill_id=drill_id, action="resume")
                )
                await trainer.wait_for(injected("call-1"), 10)
                faster: dm.DrillOk = await trainer.client.request(
                    "drill.control", dm.ControlDrill(drill_id=drill_id, action="speed", speed=5.0)
                )
                await trainer.wait_for(injected("call-3"), 20)
                await trainer.client.request(
                    "drill.control", dm.ControlDrill(drill_id=drill_id, action="stop")
                )
                return locals()

        got = aio.run(scenario(), timeout=60)
    ok, paused, resumed, faster = (got[k].drill for k in ("ok", "paused", "resumed", "faster"))
    assert (paused.state, resumed.state, faster.state, faster.speed) == ("paused", "running", "running", 5.0)
    assert got["still"].drill.elapsed_s == paused.elapsed_s  # scenario time stood still
    assert resumed.elapsed_s == paused.elapsed_s and resumed.at > paused.at
    states = [ok, resumed, faster]
    fired = {e.payload.inject_id: e.payload for e in got["trainer"].events if e.type == "drill.injected"}
    assert sorted(fired) == sorted(TIMED)
    for f in fired.values():
        assert f.scheduled_at == pytest.approx(due_at(anchor_of(states, f.fired_at), f.t), abs=1e-6)
    call1 = fired["call-1"]
    assert call1.scheduled_at == pytest.approx(resumed.at + (5.0 - paused.elapsed_s) / 10, abs=1e-6)
    assert call1.scheduled_at - ok.started_at >= 0.5 + (resumed.at - paused.at)  # shifted by the pause
    assert fired["call-3"].scheduled_at == pytest.approx(due_at(faster, 25.0), abs=1e-6)  # at ×5
    changes = [e.payload.state for e in got["trainer"].events if e.type == "drill.state"]
    assert changes == ["paused", "running", "running", "ended"]


async def take_call(seat: TraineeSeat, seat_id: str, caller: str) -> int:
    """Wait until the caller rings at this seat and answer; the call id."""
    event = await seat.wait_for(offered(seat_id, caller), 10)
    call = await seat.calls.answer(event.payload.call.id)
    return call.id


def file_case(call_id: int, category: str, **over: Any) -> m.CreateCase:
    fields: dict[str, Any] = {
        "category_code": category,
        "address": "滨江路8号",
        "description": "自来水管爆裂，路面积水",
        "reporter_phone": "13800000001",
        "call_id": call_id,
    }
    return m.CreateCase(**(fields | over))


def test_two_trainees_are_scored_and_a_wrong_category_is_explained(aio: Any, tmp_path: Path) -> None:
    with drill_server(aio, tmp_path) as bed:

        async def scenario() -> dict[str, Any]:
            async with trainee_seats(bed.server, "trainer1", "operator1", "operator2") as seats:
                trainer, op1, op2 = seats
                await op1.calls.set_state("ready")
                ok: dm.DrillOk = await trainer.client.request("drill.start", start(10.0))
                drill_id = ok.drill.id
                # operator1 takes the first call, files it right and dispatches it to the water authority
                call1 = await take_call(op1, "S2", "13800000001")
                await op2.calls.set_state("ready")
                made: m.CaseCreated = await op1.client.request(
                    "case.create", file_case(call1, "E0502", grid_code="32099900100101")
                )
                case1 = made.case.id
                for action, dept in (("register", None), ("dispatch", "D-SW")):
                    await op1.client.request(
                        "case.transition", TransitionCase(case_id=case1, action=action, department_code=dept)
                    )
                # operator2 takes the duplicate and merges it, then files the manhole cover wrongly
                call2 = await take_call(op2, "S3", "13800000002")
                report = im.ReportInput(description="水管破了", reporter_phone="13800000002", call_id=call2)
                await op2.api.merge_report(case1, report)
                await op2.calls.hangup(call2)
                call3 = await take_call(op2, "S3", "13800000003")
                await op2.client.request(
                    "case.create",
                    file_case(call3, "P0102", address="望江路8号", reporter_phone="13800000003"),
                )
                # operator1 acknowledges the alert; the water authority accepts the dispatched case
                raised = await op1.wait_for(lambda e: e.type == "alert.raised", 10)
                await op1.client.request(
                    "alert.ack", am.AckAlert(alert_id=raised.payload.alert.id, reason="已通知防汛值班")
                )
                accepted = await trainer.wait_for(
                    lambda e: e.type == "case.updated" and e.payload.case.status == "handling", 15
                )
                await bed.engine.observer.settle()
                progress: dm.ProgressList = await trainer.client.request(
                    "drill.progress", dm.GetProgress(drill_id=drill_id)
                )
                await trainer.client.request(
                    "drill.control", dm.ControlDrill(drill_id=drill_id, action="stop")
                )
                scores: dm.Scores = await trainer.client.request(
                    "drill.scores", dm.GetScores(drill_id=drill_id)
                )
                log: dm.DrillLog = await trainer.client.request(
                    "drill.log", dm.GetDrillLog(drill_id=drill_id)
                )
                return locals()

        got = aio.run(scenario(), timeout=60)
    first, second = got["scores"].trainees
    assert (first.username, first.slot_id, first.total, first.max) == ("operator1", "seat-1", 13.0, 13.0)
    assert first.deductions == ()
    assert (second.username, second.total, second.max) == ("operator2", 6.0, 9.0)
    [wrong] = second.deductions
    assert (wrong.area, wrong.points, wrong.ref) == ("classification", 3.0, "call-3")
    assert wrong.reason == "来电 call-3：分类为 P0102（污水井盖），应为 P0101（上水井盖）"
    assert {a.area: (a.score, a.max) for a in second.areas} == {
        "call_control": (4.0, 4.0),
        "classification": (0.0, 3.0),
        "duplicates": (2.0, 2.0),
    }
    entries = got["log"].entries
    by_kind = [(e.kind, e.actor, e.slot_id, e.ref) for e in entries if not e.kind.startswith("inject.")]
    assert ("call.answered", "operator1", "seat-1", "call-1") in by_kind
    assert ("case.created", "operator1", "seat-1", "call-1") in by_kind
    assert ("case.dispatched", "operator1", "seat-1", "call-1") in by_kind
    assert ("case.merged", "operator2", "seat-2", "call-2") in by_kind
    assert ("case.created", "operator2", "seat-2", "call-3") in by_kind
    assert ("alert.acked", "operator1", "seat-1", "cap-1") in by_kind
    assert ("case.accept", "sim:D-SW", None, "call-1") in by_kind
    response = next(e for e in entries if e.kind == "inject.department_response")
    assert response.data["outcome"] == "fired" and response.data["case_id"] == got["case1"]
    # the live view went to the trainer only
    trainer, op1, op2 = got["seats"]
    assert "drill.progress" in trainer.types()
    assert "drill.progress" not in op1.types() + op2.types()
    live = {p.username: p for p in got["progress"].trainees}
    assert (live["operator1"].calls_answered, live["operator1"].cases_dispatched) == (1, 1)
    assert (live["operator2"].calls_answered, live["operator2"].cases_created) == (2, 1)


def test_a_drill_ends_when_its_backend_stops_and_one_left_open_ends_at_the_next_start(
    aio: Any, tmp_path: Path
) -> None:
    with drill_server(aio, tmp_path) as bed:

        async def begin() -> dm.DrillState:
            async with trainee_seats(bed.server, "trainer1") as (trainer,):
                ok: dm.DrillOk = await trainer.client.request("drill.start", start(1.0))
                return ok.drill

        first = aio.run(begin())
        store_url = str(bed.store.engine.url)
    # the backend stopped with the drill running: it ended with its scores
    store = aio.run(Store.open(store_url))
    try:
        state = aio.run(store.read(records.load_drill, first.id))
        entries = aio.run(store.read(drill_log.read_entries, first.id))
        assert state.state == "ended" and state.ended_at is not None
        assert entries[-1].data["reason"] == "the backend stopped"
        # a backend that died in the middle of a drill left it running: the next start ends it
        left = msgspec.structs.replace(first, id=0, at=first.at + 1)
        crashed = aio.run(store.run_write(records.insert_drill, left, first.at + 1))
        engine = DrillEngine(scenarios=lambda: load_all(tmp_path / "drills"))
        server = Server(store, port=0, exercise=True, services=[CallCenter(), engine])
        aio.run(server.start())
        aio.run(server.close())
        after = aio.run(store.read(records.load_drill, crashed.id))
        ended = aio.run(store.read(drill_log.read_entries, crashed.id))[-1]
    finally:
        aio.run(store.close())
    assert after.state == "ended" and ended.kind == "drill.ended"
    assert ended.data["reason"] == "the backend stopped during the drill"
    assert [s["username"] for s in ended.data["scores"]] == ["operator1", "operator2"]
