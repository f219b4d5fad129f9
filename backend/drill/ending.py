"""How a drill ends: the department responses no dispatch called for are logged as skipped, the
drill's callers still waiting hang up, the final scores go into the ``drill.ended`` entry and the state
is stored and announced. Also the end of a drill a stopped backend left running."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.calls.center import center_of
from backend.drill import drill_log, records
from backend.drill.drill_log import DrillLog
from backend.drill.run import DrillRun
from backend.drill.scenario_model import DepartmentResponse, Scenario
from backend.drill.scoring import score_drill
from backend.events import StoredEvent
from client_api.drill_messages import DrillState, LogEntry
from client_api.errors import ProtocolError

if TYPE_CHECKING:
    from backend.server import Server
    from backend.store import Store

log = logging.getLogger("backend.drill")


async def close_left_open(store: Store, state: DrillState, scenario: Scenario | None, now: float) -> None:
    """A drill a stopped backend left running or paused ends now, scored from its log."""
    entries = await store.read(drill_log.read_entries, state.id)
    names = await store.read(records.display_names)
    run = DrillRun(scenario or _missing(state), state, DrillLog(store, state.id, entries), names)
    run.clock.pause(run.state.at)
    ended = ended_entry(run, "the backend stopped during the drill", "engine", run.t(now), now)
    final = run.snapshot(now, state="ended", ended_at=now)
    await run.log.write([ended], announce(final, now))
    log.info("drill %s was left %s; ended it", state.id, state.state)


def announce(state: DrillState, now: float) -> Callable[[sa.Connection, list[LogEntry]], list[StoredEvent]]:
    def events(conn: sa.Connection, _entries: list[LogEntry]) -> list[StoredEvent]:
        return records.save_state(conn, state, True, now)[1]

    return events


def ended_entry(run: DrillRun, reason: str, actor: str, t: float, now: float) -> LogEntry:
    scores = score_drill(run.scenario, run.state.assignments, run.log.entries, run.names)
    totals = "；".join(f"{run.name(s.username)} {s.total:g}/{s.max:g}" for s in scores)
    data: dict[str, object] = {"reason": reason, "scores": msgspec.to_builtins(scores)}
    return drill_log.entry(t, now, actor, "drill.ended", f"演练结束：{totals}", data=data)


def skipped_responses(run: DrillRun, t: float, now: float) -> list[LogEntry]:
    armed = {inject_id for inject_id, _case in run.responded}
    out = []
    for inject in run.scenario.injects:
        detail = inject.detail
        if isinstance(detail, DepartmentResponse) and inject.id not in armed:
            reason = f"the case of {detail.case} was never dispatched to {detail.department}"
            summary = f"部门反馈未触发：{detail.case} 的工单未派遣至 {run.name(detail.department)}"
            data: dict[str, object] = {"outcome": "skipped", "reason": reason}
            out.append(
                drill_log.entry(
                    t, now, "engine", "inject.department_response", summary, ref=inject.id, data=data
                )
            )
    return out


async def release_callers(server: Server, run: DrillRun) -> None:
    """The drill's callers still waiting hang up: an ended drill leaves no call ringing."""
    waiting = await server.store.read(_ringing, sorted(run.links.calls))
    if not waiting:
        return
    center = center_of(server)
    for call_id in waiting:
        with contextlib.suppress(ProtocolError):  # answered meanwhile
            await center.caller_hangup(call_id, only_waiting=True)


def _ringing(conn: sa.Connection, call_ids: list[int]) -> list[int]:
    calls = schema.calls
    query = sa.select(calls.c.id).where(calls.c.id.in_(call_ids), calls.c.state == "ringing")
    return list(conn.execute(query.order_by(calls.c.id)).scalars())


def _missing(state: DrillState) -> Scenario:
    """A stand-in for a scenario no longer shipped: no injects, no rubric (nothing to score)."""
    return Scenario(state.scenario_id, 1, state.title, "", "", state.duration_s, (), (), ())
