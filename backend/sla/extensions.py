"""Extensions (延期): the department holding a case asks for more time; a supervisor decides. An
approval moves the completion deadline on the work calendar."""

from __future__ import annotations

import time
from typing import Any

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.case_writes import invalid
from backend.events import StoredEvent, append_event
from backend.intake import deadlines
from backend.intake.case_intake import add_timeline
from backend.lifecycle.transition import load_case
from backend.lifecycle.units import check_holds
from backend.sla.common import local_time, refuse_status, required_text, updated
from client_api import messages as m
from client_api import sla_messages as sm
from client_api.errors import ErrorCode, ProtocolError
from client_api.lifecycle_records import Extension

IN_WORK = frozenset({"dispatched", "handling"})
MAX_AMOUNT = {"hours": 24, "working_hours": 16, "working_days": 30}  # longer: ask in the next unit up
UNIT_NAMES = {"hours": "小时", "working_hours": "工作小时", "working_days": "个工作日"}


def request_extension(
    conn: sa.Connection, req: sm.RequestExtension, operator: m.Operator, seat_id: str | None
) -> tuple[sm.ExtensionRequested, list[StoredEvent]]:
    if req.unit not in MAX_AMOUNT:
        raise invalid("unit", f"unit must be one of {', '.join(MAX_AMOUNT)}")
    if not 1 <= req.amount <= MAX_AMOUNT[req.unit]:
        raise invalid("amount", f"amount must be 1 to {MAX_AMOUNT[req.unit]} {req.unit}")
    reason = required_text(req.reason, "reason")
    row = load_case(conn, req.case_id)
    if row.status not in IN_WORK:
        raise refuse_status("extension.request", row, "dispatched or being handled")
    check_holds(conn, operator, row, "extension.request")
    ex = schema.extensions
    pending = conn.execute(sa.select(ex.c.id).where(ex.c.case_id == row.id, ex.c.state == "pending")).first()
    if pending is not None:
        raise ProtocolError(
            ErrorCode.INVALID_TRANSITION,
            f"case {row.case_no} already has a pending extension request (id {pending.id})",
            {"rule": "extension.request", "extension_id": pending.id},
        )
    now = time.time()
    values = {
        "case_id": row.id,
        "requested_by": operator.username,
        "requested_at": now,
        "amount": req.amount,
        "unit": req.unit,
        "reason": reason,
        "state": "pending",
        "old_deadline_at": row.deadline_at,
    }
    ext_id = conn.execute(sa.insert(ex).returning(ex.c.id), values).scalar_one()
    conn.execute(sa.update(schema.cases).where(schema.cases.c.id == row.id).values(extension_state="pending"))
    note = f"申请延期 {req.amount} {UNIT_NAMES[req.unit]}: {reason}"
    add_timeline(
        conn,
        row.id,
        now,
        operator,
        seat_id,
        "extension_requested",
        row.status,
        row.status,
        note,
        row.lead_department,
    )
    extension = _extension(conn, int(ext_id))
    requested = append_event(
        conn, "extension.requested", sm.ExtensionRequestedEvent(extension=extension, case_no=row.case_no), now
    )
    case, event = updated(conn, row.id, now)
    return sm.ExtensionRequested(extension=extension, case=case), [requested, event]


def decide_extension(
    conn: sa.Connection, req: sm.DecideExtension, operator: m.Operator, seat_id: str | None
) -> tuple[sm.ExtensionDecided, list[StoredEvent]]:
    note = required_text(req.note, "note") if (req.note or "").strip() else None
    found = conn.execute(
        sa.select(schema.extensions).where(schema.extensions.c.id == req.extension_id)
    ).first()
    if found is None:
        raise ProtocolError(
            ErrorCode.NOT_FOUND, f"no extension with id {req.extension_id}", {"field": "extension_id"}
        )
    if found.state != "pending":
        raise ProtocolError(
            ErrorCode.INVALID_TRANSITION,
            f"extension {found.id} is already {found.state}",
            {"rule": "extension.decide", "state": found.state},
        )
    row = load_case(conn, found.case_id)
    now = time.time()
    decision: dict[str, Any] = {"decided_by": operator.username, "decided_at": now, "decision_note": note}
    if req.approve:
        if row.status not in IN_WORK:
            raise refuse_status(
                "extension.decide", row, "dispatched or being handled to approve (refuse instead)"
            )
        case_values = _moved_deadline(row, found.amount, found.unit, now)
        decision |= {
            "state": "approved",
            "old_deadline_at": row.deadline_at,
            "new_deadline_at": case_values["deadline_at"],
        }
        action, text = "extension_approved", f"同意延期至 {local_time(case_values['deadline_at'])}"
    else:
        case_values = {}
        decision["state"] = "refused"
        action, text = "extension_refused", "不同意延期"
    conn.execute(sa.update(schema.extensions).where(schema.extensions.c.id == found.id).values(**decision))
    case_values["extension_state"] = decision["state"]
    conn.execute(sa.update(schema.cases).where(schema.cases.c.id == row.id).values(**case_values))
    text = f"{text}: {note}" if note else text
    add_timeline(
        conn, row.id, now, operator, seat_id, action, row.status, row.status, text, row.lead_department
    )
    case, event = updated(conn, row.id, now)
    return sm.ExtensionDecided(extension=_extension(conn, found.id), case=case), [event]


def _moved_deadline(row: sa.Row[Any], amount: int, unit: str, now: float) -> dict[str, Any]:
    """The completion deadline moved by the extension, from the old deadline or from now if later;
    the overdue flags cleared when the new deadline is ahead."""
    start = max(row.deadline_at if row.deadline_at is not None else now, now)
    deadline_at = deadlines.add(start, amount, unit)
    values: dict[str, Any] = {"deadline_at": deadline_at}
    ahead = deadline_at > now
    if ahead:
        values["overdue"] = False
    if row.status == "handling":  # 处置中 runs to the completion deadline
        values["stage_deadline_at"] = deadline_at
        if ahead:
            values["stage_overdue"] = False
    return values


def _extension(conn: sa.Connection, ext_id: int) -> Extension:
    row = conn.execute(sa.select(schema.extensions).where(schema.extensions.c.id == ext_id)).one()
    return msgspec.convert({f: getattr(row, f) for f in Extension.__struct_fields__}, Extension)
