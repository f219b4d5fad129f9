"""What the SLA writes share: notes checked, refusals that name the state, the case.updated event."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.case_writes import case_from_row, invalid
from backend.events import StoredEvent, append_event
from backend.intake.workcalendar import work_calendar
from backend.lifecycle.rules import STATES
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError
from client_api.intake_messages import CaseUpdatedEvent

MAX_NOTE = 2000
DONE = frozenset({"closed", "archived", "voided"})


def required_text(text: str | None, field: str) -> str:
    """``text`` stripped; invalid_field when empty or longer than MAX_NOTE."""
    value = (text or "").strip()
    if not value:
        raise invalid(field, f"the {field} is required")
    if len(value) > MAX_NOTE:
        raise invalid(field, f"the {field} is longer than {MAX_NOTE} characters")
    return value


def refuse_status(action: str, row: sa.Row[Any], allowed: str) -> ProtocolError:
    """invalid_transition: ``action`` is not possible for a case in the row's status."""
    return ProtocolError(
        ErrorCode.INVALID_TRANSITION,
        f"{action} needs a case {allowed}; case {row.case_no} is {STATES[row.status]}",
        {"rule": action, "status": row.status},
    )


def updated(conn: sa.Connection, case_id: int, now: float) -> tuple[m.CaseRecord, StoredEvent]:
    """The case as it is now and its case.updated event."""
    row = conn.execute(sa.select(schema.cases).where(schema.cases.c.id == case_id)).one()
    case = case_from_row(row)
    return case, append_event(conn, "case.updated", CaseUpdatedEvent(case=case), now)


def local_time(ts: float) -> str:
    """A Unix time as the center reads it (e.g. 2026-03-09 17:30)."""
    return f"{dt.datetime.fromtimestamp(ts, work_calendar().tz):%Y-%m-%d %H:%M}"
