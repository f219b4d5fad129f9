"""Apply one lifecycle action: the case row, its timeline entry and the event, in one transaction."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.case_writes import case_from_row, invalid
from backend.events import StoredEvent, append_event
from backend.intake.case_intake import add_timeline
from backend.lifecycle import sla, units
from backend.lifecycle.rules import (
    BY_ACTION,
    ESCALATE_AFTER_REOPENINGS,
    SATISFACTIONS,
    SATISFIED,
    STATES,
    Transition,
)
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError
from client_api.intake_messages import CaseUpdatedEvent
from client_api.lifecycle_messages import TransitionCase

MAX_NOTE = 2000
CALLBACK_ACTIONS = ("callback_done", "callback_unsatisfied")


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


def _needed(rule: Transition, req: TransitionCase) -> dict[str, Any]:
    """The columns the action sets from the request; invalid_field when a needed field is missing.
    Departments are checked (and set) by ``units.scoped_values``."""
    values: dict[str, Any] = {}
    for field in rule.needs:
        given = getattr(req, field)
        if not (given or "").strip():
            raise invalid(field, f"rule {rule.action} ({rule.label}) needs {field}")
    if req.note and len(req.note) > MAX_NOTE:
        raise invalid("note", f"the note is longer than {MAX_NOTE} characters")
    if "result" in rule.needs:
        values["result"] = str(req.result).strip()
    if "satisfaction" in rule.needs:
        if req.satisfaction not in SATISFIED:
            raise invalid("satisfaction", f"satisfaction must be one of {', '.join(SATISFIED)}")
        values["satisfaction"] = req.satisfaction
    if rule.action == "callback_unsatisfied":
        values["satisfaction"] = "unsatisfied"
    return values


def _counters(row: sa.Row[Any], rule: Transition, now: float) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if rule.target == "closed":
        values["closed_at"] = now
    if rule.action == "dispatch" and row.dispatched_at is None:
        values["dispatched_at"] = now
    if rule.action == "return":
        values["return_count"] = row.return_count + 1
        values["lead_department"] = None  # back at the district center's dispatch desk
        values["co_departments"] = ""
    if rule.action == "complete":
        values["completed_at"] = now
    if rule.reopens:
        values["reopen_count"] = row.reopen_count + 1
        if values["reopen_count"] >= ESCALATE_AFTER_REOPENINGS:
            values["supervision_level"] = "escalated"
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
    values = _needed(rule, req) | {"status": rule.target}
    values |= units.scoped_values(conn, operator, row, rule, req)  # may refuse: outside the unit's tree
    values |= _counters(row, rule, now)
    values |= sla.stage_values(conn, row, rule, values, now)
    conn.execute(sa.update(schema.cases).where(schema.cases.c.id == row.id).values(**values))
    note = req.note.strip() if req.note else None
    unit = values.get("lead_department") or row.lead_department
    deadline = values.get("deadline_at", row.deadline_at)  # the completion deadline in force now
    add_timeline(
        conn,
        row.id,
        now,
        operator,
        seat_id,
        rule.action,
        row.status,
        rule.target,
        note,
        department_code=unit,
        deadline_at=row.deadline_at if rule.action == "complete" else deadline,
    )
    if rule.action in CALLBACK_ACTIONS:
        satisfaction = values["satisfaction"]
        assert satisfaction in SATISFACTIONS
        conn.execute(
            sa.insert(schema.callbacks).values(
                case_id=row.id, ts=now, by=operator.username, satisfaction=satisfaction, note=note
            )
        )
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
            department_code=unit,
        )
    case = case_from_row(load_case(conn, row.id))
    return (case, row.status), [append_event(conn, "case.updated", CaseUpdatedEvent(case=case), now)]
