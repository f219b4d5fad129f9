"""Comms traffic in a case's record: a timeline entry per call, message, radio transmission or
video session tied to the case, written in the same transaction as the traffic itself."""

from __future__ import annotations

import sqlalchemy as sa

from backend import schema
from backend.intake.case_intake import add_timeline
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError

# Timeline actions of comms traffic (widgets/timeline_table_model.py names them for the seat).
ACTIONS = ("comms_call", "comms_message", "radio", "video")


def check_case(conn: sa.Connection, case_id: int, field: str = "case_id") -> str:
    """The case's status; a case that does not exist is refused."""
    status = conn.execute(sa.select(schema.cases.c.status).where(schema.cases.c.id == case_id)).scalar()
    if status is None:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"case {case_id} does not exist", {"field": field})
    return str(status)


def record_on_case(
    conn: sa.Connection,
    case_id: int,
    ts: float,
    operator: m.Operator,
    seat_id: str | None,
    action: str,
    note: str,
) -> None:
    """Add ``note`` (what happened, in words: "call to 张伟 13800000001, 2 min 05 s, completed") to
    the case's timeline as ``action``."""
    assert action in ACTIONS, action
    status = check_case(conn, case_id)
    add_timeline(conn, case_id, ts, operator, seat_id, action, status, status, note)
