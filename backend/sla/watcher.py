"""The overdue watcher: flags cases whose stage or completion deadline passed, in one transaction
per tick, with their timeline entries and events; a case past its completion deadline is put under
supervision (超期自动督办)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from backend import schema
from backend.case_writes import case_from_row
from backend.events import StoredEvent, append_event
from backend.intake.case_intake import add_timeline
from backend.lifecycle.sla import stage_name
from backend.sla.periodic import Periodic
from client_api import messages as m
from client_api.intake_messages import CaseUpdatedEvent
from client_api.sla_messages import CaseOverdueEvent

if TYPE_CHECKING:
    from backend.store import Store

WATCHER = m.Operator("system:sla", "时限监控", "system")
BATCH = 500  # cases per tick at most; the rest wait for the next tick
NO_STAGE_CLOCK = ("closed", "archived", "voided", "suspended")
NOT_COMPLETED = ("received", "registered", "dispatched", "handling")
DEFAULT_INTERVAL = 10.0
MIN_INTERVAL = 0.05


class OverdueWatcher(Periodic):
    """A Service: every ``interval`` seconds, ``tick()``; at most ``batch`` cases per tick."""

    name = "sla-watcher"

    def __init__(
        self, interval: float = DEFAULT_INTERVAL, store: Store | None = None, batch: int = BATCH
    ) -> None:
        super().__init__(interval, store)
        self.batch = batch

    async def tick(self, now: float | None = None) -> list[int]:
        """Flag what is overdue at ``now`` (default: the clock); the ids of the cases changed."""
        at = time.time() if now is None else now
        changed: list[int] = await self.store.run_write(flag_overdue, at, self.batch)
        return changed


def flag_overdue(conn: sa.Connection, now: float, batch: int = BATCH) -> tuple[list[int], list[StoredEvent]]:
    cases, c = schema.cases, schema.cases.c
    stage = sa.select(cases).where(
        c.status.notin_(NO_STAGE_CLOCK), c.stage_deadline_at < now, c.stage_overdue == sa.false()
    )
    completion = sa.select(cases).where(
        c.status.in_(NOT_COMPLETED), c.deadline_at < now, c.overdue == sa.false()
    )
    rows: dict[int, sa.Row[Any]] = {}
    for query in (stage, completion):
        for row in conn.execute(query.order_by(c.id).limit(batch)):
            if len(rows) < batch:
                rows.setdefault(row.id, row)
    events: list[StoredEvent] = []
    for row in rows.values():
        events += _flag(conn, row, now)
    return sorted(rows), events


def _flag(conn: sa.Connection, row: sa.Row[Any], now: float) -> list[StoredEvent]:
    cases = schema.cases
    stage_late = (
        row.status not in NO_STAGE_CLOCK and _past(row.stage_deadline_at, now) and not row.stage_overdue
    )
    late = row.status in NOT_COMPLETED and _past(row.deadline_at, now) and not row.overdue
    values: dict[str, Any] = {
        "stage_overdue": row.stage_overdue or stage_late,
        "overdue": row.overdue or late,
    }
    # In 处置中 the stage deadline is the completion deadline: one notice says both.
    same = late and row.status == "handling" and row.stage_deadline_at == row.deadline_at
    notices: list[tuple[str, float, str]] = []
    if stage_late and not same:
        notices.append(("stage", row.stage_deadline_at, f"{stage_name(row.status)}阶段超时"))
    if late:
        notices.append(("completion", row.deadline_at, "超过办结时限"))
    supervise = late and row.supervision_level is None
    if supervise:
        values["supervision_level"] = "general"
    conn.execute(sa.update(cases).where(cases.c.id == row.id).values(**values))
    unit = row.lead_department
    events = []
    for kind, deadline_at, note in notices:
        add_timeline(conn, row.id, now, WATCHER, None, "overdue", row.status, row.status, note, unit)
        overdue = CaseOverdueEvent(
            case_id=row.id,
            case_no=row.case_no,
            kind=kind,
            status=row.status,
            deadline_at=deadline_at,
            lead_department=unit,
        )
        events.append(append_event(conn, "case.overdue", overdue, now))
    if supervise:
        add_timeline(
            conn, row.id, now, WATCHER, None, "supervised", row.status, row.status, "超期自动督办", unit
        )
    case = case_from_row(conn.execute(sa.select(cases).where(cases.c.id == row.id)).one())
    events.append(append_event(conn, "case.updated", CaseUpdatedEvent(case=case), now))
    return events


def _past(deadline_at: float | None, now: float) -> bool:
    return deadline_at is not None and deadline_at < now
