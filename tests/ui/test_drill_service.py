"""DrillService follows the drill from its events: newer states win over late answers, an ended drill stays
ended, another drill starts a fresh record; the scenario clock runs at the drill's speed."""

from __future__ import annotations

from typing import Any

from app.drill_service import DrillService, scenario_time
from app.seat_service import SeatService
from client_api import drill_messages as dm
from client_api.client import Event, SeatClient


def state(drill_id: int, at: float, state: str = "running", elapsed: float = 0.0) -> dm.DrillState:
    return dm.DrillState(
        id=drill_id,
        scenario_id="water-main-burst",
        title="滨江路自来水管爆裂来电高峰",
        state=state,
        speed=5.0,
        started_at=100.0,
        elapsed_s=elapsed,
        at=at,
        duration_s=600.0,
        assignments=(dm.Assignment("seat-1", "operator1"),),
        trainer="trainer1",
    )


def event(kind: str, payload: Any, seq: int = 1) -> Event:
    return Event(seq=seq, type=kind, ts=0.0, payload=payload)


def fired(drill_id: int, inject: str) -> dm.InjectFired:
    return dm.InjectFired(drill_id, inject, "call", 20.0, scheduled_at=104.0, fired_at=104.001)


def progress(drill_id: int) -> dm.TraineeProgress:
    return dm.TraineeProgress(drill_id, "operator1", "seat-1", 1, 0, 0, 0)


def test_the_service_keeps_the_newest_state_of_the_drill(qtbot: Any) -> None:
    drill = DrillService(SeatService(SeatClient("ws://127.0.0.1:9")))
    seen: list[dm.DrillState | None] = []
    drill.drillChanged.connect(seen.append)
    drill.on_seat_eventReceived(event("drill.started", state(1, 100.0)))
    drill.on_seat_eventReceived(event("drill.injected", fired(1, "c1")))
    drill.on_seat_eventReceived(event("drill.progress", progress(1)))
    drill.on_seat_eventReceived(event("drill.state", state(1, 110.0, "paused", 50.0)))
    drill.on_seat_eventReceived(event("drill.state", state(1, 105.0, "running", 25.0)))  # late: dropped
    assert drill.drill is not None and drill.drill.state == "paused"
    assert drill.active == drill.drill
    assert [f.inject_id for f in drill.fired] == ["c1"] and "operator1" in drill.progress
    drill.on_seat_eventReceived(event("drill.state", state(1, 120.0, "ended", 60.0)))
    drill.on_seat_eventReceived(event("drill.state", state(1, 125.0, "running", 61.0)))  # after the end
    assert drill.drill.state == "ended" and drill.active is None
    drill.on_seat_eventReceived(event("drill.injected", fired(9, "c2")))  # another drill's: not ours
    assert [f.inject_id for f in drill.fired] == ["c1"]
    drill.on_seat_eventReceived(event("drill.started", state(2, 200.0)))
    assert drill.drill.id == 2 and drill.fired == [] and drill.progress == {}
    drill.on_seat_eventReceived(event("drill.state", state(1, 300.0, "ended")))  # an older drill
    assert drill.drill.id == 2
    assert [s.state if s else None for s in seen] == ["running", "paused", "ended", "running"]


def test_scenario_time_runs_at_the_speed_and_stops_at_the_end() -> None:
    running = state(1, at=1000.0, elapsed=30.0)
    assert scenario_time(running, now=1000.0) == 30.0
    assert scenario_time(running, now=1010.0) == 80.0  # ×5
    assert scenario_time(running, now=2000.0) == 600.0  # never past the duration
    assert scenario_time(state(1, at=1000.0, state="paused", elapsed=30.0), now=1010.0) == 30.0
