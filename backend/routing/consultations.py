"""Consultations (会商): several units meet on a case; the topic and the conclusion are on record."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.case_writes import case_from_row, invalid, split_codes
from backend.events import StoredEvent, append_event
from backend.intake.case_intake import add_timeline
from backend.lifecycle.rules import FINAL_STATES, STATES
from backend.lifecycle.transition import MAX_NOTE, load_case
from backend.lifecycle.units import unit_tree
from client_api import messages as m
from client_api.dispatch_messages import ConcludeConsultation, OpenConsultation
from client_api.errors import ErrorCode, ProtocolError
from client_api.intake_messages import CaseUpdatedEvent
from client_api.lifecycle_records import Consultation

MAX_DEPARTMENTS = 10
table = schema.consultations
Result = tuple[Consultation, list[StoredEvent]]


def open_consultation(
    conn: sa.Connection, req: OpenConsultation, operator: m.Operator, seat_id: str | None
) -> Result:
    row = load_case(conn, req.case_id)
    if row.status in FINAL_STATES:
        raise ProtocolError(
            ErrorCode.INVALID_TRANSITION,
            f"case {row.case_no} is {STATES[row.status]}: no consultation on it",
            {"rule": "consultation", "status": row.status},
        )
    topic = _text(req.topic, "topic")
    departments = list(dict.fromkeys(req.departments))
    if len(departments) < 2 or len(departments) > MAX_DEPARTMENTS:
        raise invalid("departments", f"a consultation takes 2 to {MAX_DEPARTMENTS} distinct units")
    tree = unit_tree(conn)
    for code in departments:
        if code not in tree:
            raise invalid("departments", f"no department with code {code!r}")
    now = time.time()
    consultation_id = conn.execute(
        sa.insert(table)
        .values(
            case_id=row.id,
            topic=topic,
            departments=",".join(departments),
            opened_by=operator.username,
            opened_at=now,
            state="open",
        )
        .returning(table.c.id)
    ).scalar_one()
    return _recorded(conn, row, consultation_id, operator, seat_id, "consultation_opened", topic, now)


def conclude_consultation(
    conn: sa.Connection, req: ConcludeConsultation, operator: m.Operator, seat_id: str | None
) -> Result:
    found = conn.execute(sa.select(table).where(table.c.id == req.consultation_id)).first()
    if found is None:
        raise ProtocolError(
            ErrorCode.NOT_FOUND, f"no consultation #{req.consultation_id}", {"field": "consultation_id"}
        )
    if found.state != "open":
        raise ProtocolError(
            ErrorCode.INVALID_TRANSITION,
            f"consultation #{found.id} is already concluded",
            {"rule": "consultation", "status": found.state},
        )
    conclusion = _text(req.conclusion, "conclusion")
    now = time.time()
    conn.execute(
        sa.update(table)
        .where(table.c.id == found.id)
        .values(state="concluded", conclusion=conclusion, concluded_by=operator.username, concluded_at=now)
    )
    row = load_case(conn, found.case_id)
    return _recorded(conn, row, found.id, operator, seat_id, "consultation_concluded", conclusion, now)


def _text(given: str, field: str) -> str:
    text = given.strip()
    if not text:
        raise invalid(field, f"the {field} is empty")
    if len(text) > MAX_NOTE:
        raise invalid(field, f"the {field} is longer than {MAX_NOTE} characters")
    return text


def _recorded(
    conn: sa.Connection,
    row: sa.Row[Any],
    consultation_id: int,
    operator: m.Operator,
    seat_id: str | None,
    action: str,
    note: str,
    now: float,
) -> Result:
    """The timeline entry and a ``case.updated`` so seats showing the case refresh it."""
    add_timeline(
        conn, row.id, now, operator, seat_id, action, row.status, row.status, note, row.lead_department
    )
    saved = conn.execute(sa.select(table).where(table.c.id == consultation_id)).one()
    consultation = Consultation(
        id=saved.id,
        case_id=saved.case_id,
        topic=saved.topic,
        departments=list(split_codes(saved.departments)),
        opened_by=saved.opened_by,
        opened_at=saved.opened_at,
        state=saved.state,
        conclusion=saved.conclusion,
        concluded_by=saved.concluded_by,
        concluded_at=saved.concluded_at,
    )
    case = case_from_row(load_case(conn, row.id))
    return consultation, [append_event(conn, "case.updated", CaseUpdatedEvent(case=case), now)]
