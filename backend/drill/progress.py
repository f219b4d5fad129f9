"""Each trainee's live progress (the trainer's live view): counts of what they did, their last action and
their running score. Sent as ``drill.progress`` (trainers only) with the log entries that changed it."""

from __future__ import annotations

import time
from collections.abc import Mapping

import sqlalchemy as sa

from backend.drill.drill_log import EventsOf
from backend.drill.run import DrillRun
from backend.drill.scenario_model import Scenario
from backend.drill.scoring import score_drill
from backend.events import StoredEvent, append_event
from client_api.drill_messages import Assignment, LogEntry, TraineeProgress, TraineeScore

COUNTED = {
    "call.answered": "calls_answered",
    "case.created": "cases_created",
    "case.dispatched": "cases_dispatched",
    "alert.acked": "alerts_acked",
}


def trainee_progress(
    drill_id: int, assignment: Assignment, entries: list[LogEntry], score: TraineeScore | None
) -> TraineeProgress:
    counts = dict.fromkeys(COUNTED.values(), 0)
    last: LogEntry | None = None
    for e in entries:
        if e.actor != assignment.username:
            continue
        last = e
        if e.kind in COUNTED:
            counts[COUNTED[e.kind]] += 1
    return TraineeProgress(
        drill_id=drill_id,
        username=assignment.username,
        slot_id=assignment.slot_id,
        last_action=last.summary if last is not None else "",
        last_at=last.at if last is not None else None,
        score=score.total if score is not None else 0.0,
        max=score.max if score is not None else 0.0,
        **counts,
    )


def progress_list(
    drill_id: int,
    scenario: Scenario,
    assignments: tuple[Assignment, ...],
    entries: list[LogEntry],
    names: Mapping[str, str],
    *,
    final: bool,
    now_t: float | None,
) -> list[TraineeProgress]:
    scores = score_drill(scenario, assignments, entries, names, final=final, now_t=now_t)
    return [trainee_progress(drill_id, a, entries, s) for a, s in zip(assignments, scores, strict=True)]


def progress_events(run: DrillRun, drafts: list[LogEntry]) -> EventsOf | None:
    """The drill.progress events of the trainees who acted in ``drafts``, built once they are numbered."""
    actors = {d.actor for d in drafts if d.actor in run.slots}
    if not actors:
        return None
    assignments = tuple(a for a in run.state.assignments if a.username in actors)

    def events(conn: sa.Connection, written: list[LogEntry]) -> list[StoredEvent]:
        now = time.time()
        entries = [*run.log.entries, *written]
        found = progress_list(
            run.id, run.scenario, assignments, entries, run.names, final=False, now_t=run.t(now)
        )
        return [append_event(conn, "drill.progress", p, now) for p in found]

    return events
