"""Request handlers of drill mode; merged into backend.dispatch. Trainers start, steer and judge drills
(the engine); anyone may see which scenarios exist and which drill is running."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from backend.drill import drill_log, records
from backend.drill.engine import engine_of
from backend.drill.progress import progress_list, trainee_progress
from backend.drill.scoring import score_drill
from backend.handlers import Handler
from client_api import drill_messages as dm

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server

MAX_LIST = 500


async def drill_scenarios(server: Server, peer: Peer, req: dm.ListScenarios) -> dm.ScenarioList:
    found = await engine_of(server).scenarios()
    infos = [
        dm.ScenarioInfo(
            id=s.id,
            title=s.title,
            level=s.level,
            theme=s.theme,
            duration_s=s.duration_s,
            seats=tuple(dm.SeatSlot(id=seat.id, role=seat.role, label=seat.label) for seat in s.seats),
            inject_count=len(s.injects),
            description=s.description,
        )
        for s in found.scenarios
    ]
    return dm.ScenarioList(scenarios=infos, errors=[line for e in found.errors for line in e.lines()])


async def drill_start(server: Server, peer: Peer, req: dm.StartDrill) -> dm.DrillOk:
    assert peer.operator is not None
    return dm.DrillOk(drill=await engine_of(server).begin(req, peer.operator))


async def drill_control(server: Server, peer: Peer, req: dm.ControlDrill) -> dm.DrillOk:
    assert peer.operator is not None
    return dm.DrillOk(drill=await engine_of(server).control(req, peer.operator))


async def drill_inject(server: Server, peer: Peer, req: dm.ManualInject) -> dm.DrillOk:
    assert peer.operator is not None
    return dm.DrillOk(drill=await engine_of(server).inject(req, peer.operator))


async def drill_current(server: Server, peer: Peer, req: dm.GetDrill) -> dm.CurrentDrill:
    current = engine_of(server).current()
    if req.drill_id is None or (current is not None and current.id == req.drill_id):
        return dm.CurrentDrill(drill=current)
    return dm.CurrentDrill(drill=await server.store.read(records.load_drill, req.drill_id))


async def drill_list(server: Server, peer: Peer, req: dm.ListDrills) -> dm.DrillList:
    if not 1 <= req.limit <= MAX_LIST:
        raise records.invalid("limit", f"limit is 1 to {MAX_LIST}, not {req.limit}")
    current = engine_of(server).current()
    drills = await server.store.read(records.list_drills, req.limit)
    return dm.DrillList(drills=[current if current is not None and d.id == current.id else d for d in drills])


async def drill_log_(server: Server, peer: Peer, req: dm.GetDrillLog) -> dm.DrillLog:
    state = await _state(server, req.drill_id)
    return dm.DrillLog(drill=state, entries=await server.store.read(drill_log.read_entries, req.drill_id))


async def drill_scores(server: Server, peer: Peer, req: dm.GetScores) -> dm.Scores:
    state = await _state(server, req.drill_id)
    entries = await server.store.read(drill_log.read_entries, req.drill_id)
    return dm.Scores(drill=state, trainees=_scores(server, state, entries))


async def drill_progress(server: Server, peer: Peer, req: dm.GetProgress) -> dm.ProgressList:
    state = await _state(server, req.drill_id)
    run = engine_of(server).run
    if run is not None and run.id == state.id:
        found = progress_list(
            run.id,
            run.scenario,
            state.assignments,
            list(run.log.entries),
            run.names,
            final=False,
            now_t=state.elapsed_s,
        )
        return dm.ProgressList(trainees=found)
    entries = await server.store.read(drill_log.read_entries, req.drill_id)
    scores = {s.username: s for s in _scores(server, state, entries)}
    return dm.ProgressList(
        trainees=[trainee_progress(state.id, a, entries, scores.get(a.username)) for a in state.assignments]
    )


async def _state(server: Server, drill_id: int) -> dm.DrillState:
    current = engine_of(server).current()
    if current is not None and current.id == drill_id:
        return current
    state: dm.DrillState = await server.store.read(records.load_drill, drill_id)
    return state


def _scores(server: Server, state: dm.DrillState, entries: list[dm.LogEntry]) -> list[dm.TraineeScore]:
    """Running scores of the drill running now; the final ones of an ended drill (kept in its log)."""
    run = engine_of(server).run
    if run is not None and run.id == state.id:
        return score_drill(
            run.scenario, state.assignments, entries, run.names, final=False, now_t=state.elapsed_s
        )
    for entry in reversed(entries):
        if entry.kind == "drill.ended":
            return msgspec.convert(entry.data.get("scores", []), list[dm.TraineeScore])
    return []


HANDLERS: dict[str, Handler] = {
    "drill.scenarios": drill_scenarios,
    "drill.start": drill_start,
    "drill.control": drill_control,
    "drill.inject": drill_inject,
    "drill.current": drill_current,
    "drill.list": drill_list,
    "drill.log": drill_log_,
    "drill.scores": drill_scores,
    "drill.progress": drill_progress,
}
