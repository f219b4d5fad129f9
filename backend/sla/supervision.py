"""Supervision (督办) at a level, and urge notices (催办) to the departments of a case."""

from __future__ import annotations

import time

import sqlalchemy as sa

from backend import schema
from backend.case_writes import invalid, split_codes
from backend.events import StoredEvent, append_event
from backend.intake.case_intake import add_timeline
from backend.lifecycle.rules import SUPERVISION_LEVELS
from backend.lifecycle.transition import load_case
from backend.sla.common import DONE, refuse_status, required_text, updated
from client_api import messages as m
from client_api import sla_messages as sm

BY_HAND = ("general", "key", "listed")  # 'escalated' (提级督办) comes from reopenings only
ESCALATED = "escalated"


def supervise(
    conn: sa.Connection, req: sm.SuperviseCase, operator: m.Operator, seat_id: str | None
) -> tuple[sm.CaseSupervised, list[StoredEvent]]:
    """Put a case under supervision or change its level; an escalated case stays escalated."""
    if req.level not in BY_HAND:
        why = " (提级督办 follows three reopenings)" if req.level == ESCALATED else ""
        raise invalid("level", f"level must be one of {', '.join(BY_HAND)}{why}")
    note = required_text(req.note, "note")
    row = load_case(conn, req.case_id)
    if row.status in DONE:
        raise refuse_status("case.supervise", row, "not closed, archived or voided")
    level = ESCALATED if row.supervision_level == ESCALATED else req.level
    now = time.time()
    conn.execute(sa.update(schema.cases).where(schema.cases.c.id == row.id).values(supervision_level=level))
    text = f"{SUPERVISION_LEVELS[level]}: {note}"
    add_timeline(
        conn, row.id, now, operator, seat_id, "supervised", row.status, row.status, text, row.lead_department
    )
    case, event = updated(conn, row.id, now)
    return sm.CaseSupervised(case=case), [event]


def urge(
    conn: sa.Connection, req: sm.UrgeCase, operator: m.Operator, seat_id: str | None
) -> tuple[sm.CaseUrged, list[StoredEvent]]:
    """An urge notice to the lead and co-handling departments, on record in the timeline."""
    note = required_text(req.note, "note")
    row = load_case(conn, req.case_id)
    if row.status in DONE:
        raise refuse_status("case.urge", row, "not closed, archived or voided")
    now = time.time()
    add_timeline(
        conn, row.id, now, operator, seat_id, "urged", row.status, row.status, note, row.lead_department
    )
    departments = [row.lead_department] if row.lead_department else []
    departments += [code for code in split_codes(row.co_departments) if code not in departments]
    notice = sm.CaseUrgedEvent(
        case_id=row.id,
        case_no=row.case_no,
        departments=departments,
        level=row.supervision_level,
        note=note,
        by=operator.username,
    )
    urged = append_event(conn, "case.urged", notice, now)
    case, event = updated(conn, row.id, now)
    return sm.CaseUrged(case=case), [urged, event]
