"""Progress reports (处置进展): the unit handling a case says what it has done so far."""

from __future__ import annotations

import time

import sqlalchemy as sa

from backend import schema
from backend.attachments import link_attachments
from backend.case_writes import case_from_row, invalid
from backend.events import StoredEvent, append_event
from backend.intake.case_intake import add_timeline
from backend.lifecycle.rules import STATES
from backend.lifecycle.transition import MAX_NOTE, load_case
from backend.lifecycle.units import check_holds
from client_api import messages as m
from client_api.dispatch_messages import ReportProgress
from client_api.errors import ErrorCode, ProtocolError
from client_api.intake_messages import CaseUpdatedEvent

IN_HAND = ("dispatched", "handling")


def report_progress(
    conn: sa.Connection, req: ReportProgress, operator: m.Operator, seat_id: str | None
) -> tuple[m.CaseRecord, list[StoredEvent]]:
    """Timeline entry ``progress`` with the note, attachments linked, ``case.updated``."""
    row = load_case(conn, req.case_id)
    if row.status not in IN_HAND:
        raise ProtocolError(
            ErrorCode.INVALID_TRANSITION,
            f"progress is reported on a case in 派遣 or 处置中; this one is {STATES[row.status]}",
            {"rule": "progress", "status": row.status},
        )
    check_holds(conn, operator, row, "progress")
    note = req.note.strip()
    if not note:
        raise invalid("note", "a progress report needs a note")
    if len(note) > MAX_NOTE:
        raise invalid("note", f"the note is longer than {MAX_NOTE} characters")
    now = time.time()
    if req.attachment_ids:
        link_attachments(conn, req.attachment_ids, operator, row.id)
        a = schema.attachments
        count = conn.execute(sa.select(sa.func.count()).where(a.c.case_id == row.id)).scalar_one()
        conn.execute(
            sa.update(schema.cases).where(schema.cases.c.id == row.id).values(attachment_count=count)
        )
    if req.attachment_ids:
        note += f"（附件 {len(set(req.attachment_ids))} 个）"
    add_timeline(
        conn, row.id, now, operator, seat_id, "progress", row.status, row.status, note, row.lead_department
    )
    case = case_from_row(load_case(conn, row.id))
    return case, [append_event(conn, "case.updated", CaseUpdatedEvent(case=case), now)]
