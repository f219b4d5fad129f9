"""Apply one lifecycle action: the case row, its timeline entry and the event, in one transaction."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.case_writes import case_from_row, invalid
from backend.events import StoredEvent, append_event
from backend.intake.case_intake import add_timeline
from backend.lifecycle.rules import BY_ACTION, ESCALATE_AFTER_REOPENINGS, SATISFIED, STATES, Transition
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError
from client_api.intake_messages import CaseUpdatedEvent
from client_api.lifecycle_messages import TransitionCase

MAX_NOTE = 2000


def load_case(conn: sa.Connection, case_id: int) -> sa.Row[Any]:
    row = conn.execute(sa.select(schema.cases).where(schema.cases.c.id == case_id)).first()
    if row is None:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no case with id {case_id}", {"field": "case_id"})
    return row


def check_rule(rule: Transition, status: str, role: str) -> None:
    """Refuse, naming the rule, an action the table does not allow here or to this role."""
    if role not in rule.roles:
        raise ProtocolError(
            ErrorCode.FORBIDDEN,
            f"rule {rule.action} ({rule.label}) is for {', '.join(sorted(rule.roles))}, not {role}",
            {"rule": rule.action},
        )
    if status not in rule.sources:
        sources = "、".join(STATES[s] for s in sorted(rule.sources))
        raise ProtocolError(
            ErrorCode.INVALID_TRANSITION,
            f"rule {rule.action} ({rule.label}) takes a case from {sources}; this one is {STATES[status]}",
            {"rule": rule.action, "status": status},
        )


def _needed(conn: sa.Connection, rule: Transition, req: TransitionCase) -> dict[str, Any]:
    """The columns the action sets from the request; invalid_field when a needed field is missing."""
    values: dict[str, Any] = {}
    for field in rule.needs:
        given = getattr(req, field)
        if not (given or "").strip():
            raise invalid(field, f"rule {rule.action} ({rule.label}) needs {field}")
    if req.note and len(req.note) > MAX_NOTE:
        raise invalid("note", f"the note is longer than {MAX_NOTE} characters")
    if "department_code" in rule.needs:
        code = str(req.department_code)
        found = conn.execute(sa.select(schema.departments.c.code).where(schema.departments.c.code == code))
        if found.first() is None:
            raise invalid("department_code", f"no department with code {code!r}")
        values["lead_department"] = code
    if "result" in rule.needs:
        values["result"] = str(req.result).strip()
    if "satisfaction" in rule.needs:
        if req.satisfaction not in SATISFIED:
            raise invalid("satisfaction", f"satisfaction must be one of {', '.join(SATISFIED)}")
        values["satisfaction"] = req.satisfaction
    return values


def apply_transition(
    conn: sa.Connection, req: TransitionCase, operator: m.Operator, seat_id: str | None
) -> tuple[tuple[m.CaseRecord, str], list[StoredEvent]]:
    rule = BY_ACTION.get(req.action)
    if rule is None:
        raise invalid("action", f"no lifecycle action {req.action!r} (see docs/lifecycle.md)")
    row = load_case(conn, req.case_id)
    check_rule(rule, row.status, operator.role)
    now = time.time()
    values = _needed(conn, rule, req) | {"status": rule.target}
    if rule.target == "closed":
        values["closed_at"] = now
    if rule.reopens:
        values["reopen_count"] = row.reopen_count + 1
        if values["reopen_count"] >= ESCALATE_AFTER_REOPENINGS:
            values["supervision_level"] = "escalated"
    conn.execute(sa.update(schema.cases).where(schema.cases.c.id == row.id).values(**values))
    note = req.note.strip() if req.note else None
    add_timeline(conn, row.id, now, operator, seat_id, rule.action, row.status, rule.target, note)
    if values.get("supervision_level") == "escalated" and row.supervision_level != "escalated":
        add_timeline(
            conn,
            row.id,
            now,
            operator,
            seat_id,
            "escalated",
            rule.target,
            rule.target,
            f"重办 {values['reopen_count']} 次，提级督办",
        )
    case = case_from_row(load_case(conn, row.id))
    return (case, row.status), [append_event(conn, "case.updated", CaseUpdatedEvent(case=case), now)]
