"""Reads of the store the warning service needs: names, recent cases and calls to prime the models
with, a case by id, and the open cases whose stage is nearly used up."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.case_writes import case_from_row
from backend.warnings.names import Names
from client_api.calls_messages import Call
from client_api.messages import CaseRecord
from client_api.sla_state import DONE_STATES

_CASE_COLUMNS = (
    "id",
    "case_no",
    "category_code",
    "address",
    "description",
    "status",
    "created_at",
    "created_by",
    "seat_id",
    "grid_code",
    "channel",
    "reporter_phone",
    "lat",
    "lon",
    "village_code",
)


def load_names(conn: sa.Connection) -> Names:
    areas = {r.code: r.name for r in conn.execute(sa.select(schema.areas.c.code, schema.areas.c.name))}
    cats = {
        r.code: r.name for r in conn.execute(sa.select(schema.categories.c.code, schema.categories.c.name))
    }
    return Names(areas, cats)


def recent_cases(conn: sa.Connection, since: float, up_to_id: int) -> list[CaseRecord]:
    """Cases created at or after ``since`` (id at most ``up_to_id``), oldest first, with the fields the
    models read."""
    c = schema.cases.c
    query = (
        sa.select(*(c[name] for name in _CASE_COLUMNS))
        .where(c.created_at >= since, c.id <= up_to_id)
        .order_by(c.created_at, c.id)
    )
    return [CaseRecord(**dict(row._mapping)) for row in conn.execute(query)]


def recent_calls(conn: sa.Connection, since: float, up_to_id: int) -> list[Call]:
    c = schema.calls.c
    query = (
        sa.select(c.id, c.caller_number, c.state, c.queued_at)
        .where(c.queued_at >= since, c.id <= up_to_id)
        .order_by(c.queued_at, c.id)
    )
    return [
        Call(id=r.id, caller_number=r.caller_number, state=r.state, queued_at=r.queued_at)
        for r in conn.execute(query)
    ]


def last_ids(conn: sa.Connection) -> tuple[int, int]:
    """The highest case id and call id so far (0 when none)."""
    case_id = conn.execute(sa.select(sa.func.max(schema.cases.c.id))).scalar()
    call_id = conn.execute(sa.select(sa.func.max(schema.calls.c.id))).scalar()
    return int(case_id or 0), int(call_id or 0)


def case_by_id(conn: sa.Connection, case_id: int) -> CaseRecord | None:
    row = conn.execute(sa.select(schema.cases).where(schema.cases.c.id == case_id)).first()
    return None if row is None else case_from_row(row)


def due_soon_cases(conn: sa.Connection, ratio: float, now: float, limit: int = 5000) -> list[CaseRecord]:
    """Open cases in a stage with a deadline still ahead, of which at least ``ratio`` is used."""
    c = schema.cases.c
    query: Any = (
        sa.select(schema.cases)
        .where(
            c.status.notin_(sorted(DONE_STATES)),
            c.stage_overdue == sa.false(),
            c.stage_started_at.isnot(None),
            c.stage_deadline_at > now,
            c.stage_started_at + (c.stage_deadline_at - c.stage_started_at) * ratio <= now,
        )
        .order_by(c.stage_deadline_at)
        .limit(limit)
    )
    return [case_from_row(row) for row in conn.execute(query)]
