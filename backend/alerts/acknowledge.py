"""Acknowledging an alert and linking it to a case (statements of one transaction).

Only an active alert can be acknowledged; Severe and Extreme alerts need a reason (1…500 characters),
others may have one. Linking an alert to a case acknowledges it by the same operator when it is still
active, with the reason "立案 <case_no>" (a case made from it) or "关联 <case_no>" (an existing case).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.alerts.records import get_alert, update_alert
from backend.case_writes import invalid, split_codes
from backend.events import StoredEvent
from backend.intake.case_intake import add_timeline
from backend.routing.visibility import visible
from client_api import messages as m
from client_api.alert_messages import AlertRecord
from client_api.alert_priority import is_banner
from client_api.errors import ErrorCode, ProtocolError

MAX_REASON = 500
MAX_NAME = 64  # alerts.acked_by_name


def alert_or_error(conn: sa.Connection, alert_id: int) -> AlertRecord:
    alert = get_alert(conn, alert_id)
    if alert is None:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no alert with id {alert_id}", {"alert_id": alert_id})
    return alert


def check_reason(alert: AlertRecord, reason: str) -> str | None:
    reason = reason.strip()
    if len(reason) > MAX_REASON:
        raise invalid("reason", f"the reason is longer than {MAX_REASON} characters")
    if not reason and is_banner(alert.severity):
        raise invalid("reason", f"a reason is required to acknowledge an alert of severity {alert.severity}")
    return reason or None


def check_active(alert: AlertRecord) -> None:
    if alert.state == "active":
        return
    if alert.state == "acknowledged":
        at = dt.datetime.fromtimestamp(alert.acked_at or 0).strftime("%Y-%m-%d %H:%M:%S")
        why = f"is already acknowledged by {alert.acked_by_name} ({alert.acked_by}) at {at}"
    elif alert.state == "cancelled":
        why = "was cancelled by its sender; there is nothing to acknowledge"
    else:
        why = "has expired; there is nothing to acknowledge"
    raise ProtocolError(
        ErrorCode.INVALID_TRANSITION, f"alert {alert.id} {why}", {"alert_id": alert.id, "state": alert.state}
    )


def check_no_case(alert: AlertRecord) -> None:
    if alert.case_id is not None:
        raise ProtocolError(
            ErrorCode.INVALID_TRANSITION,
            f"alert {alert.id} already belongs to case {alert.case_no}",
            {"alert_id": alert.id, "case_id": alert.case_id, "case_no": alert.case_no},
        )


def ack_values(operator: m.Operator, seat_id: str | None, reason: str | None, now: float) -> dict[str, Any]:
    return {
        "state": "acknowledged",
        "acked_by": operator.username,
        "acked_by_name": operator.display_name[:MAX_NAME],
        "acked_seat": seat_id,
        "acked_at": now,
        "ack_reason": reason,
    }


def acknowledge(
    conn: sa.Connection, alert_id: int, reason: str, operator: m.Operator, seat_id: str | None, now: float
) -> tuple[AlertRecord, list[StoredEvent]]:
    alert = alert_or_error(conn, alert_id)
    check_active(alert)
    return update_alert(conn, alert.id, ack_values(operator, seat_id, check_reason(alert, reason), now), now)


def link_values(
    alert: AlertRecord, case_id: int, reason: str, operator: m.Operator, seat_id: str | None, now: float
) -> dict[str, Any]:
    """The columns that tie an alert to a case, acknowledging it if it is still active."""
    values: dict[str, Any] = {"case_id": case_id}
    if alert.state == "active":
        values |= ack_values(operator, seat_id, reason, now)
    return values


def link_case(
    conn: sa.Connection,
    alert_id: int,
    case_id: int,
    operator: m.Operator,
    seat_id: str | None,
    scope: frozenset[str] | None,
    now: float,
) -> tuple[AlertRecord, list[StoredEvent]]:
    alert = alert_or_error(conn, alert_id)
    check_no_case(alert)
    case = conn.execute(sa.select(schema.cases).where(schema.cases.c.id == case_id)).first()
    if case is None or not visible(scope, _units(case)):
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no case with id {case_id}", {"case_id": case_id})
    note = f"关联预警 {alert.identifier}: {alert.headline}"
    add_timeline(conn, case.id, now, operator, seat_id, "linked", case.status, case.status, note)
    values = link_values(alert, case.id, f"关联 {case.case_no}", operator, seat_id, now)
    return update_alert(conn, alert.id, values, now)


def _units(case: sa.Row[Any]) -> frozenset[str]:
    """The units a case concerns, as seat scopes see them."""
    codes = (case.lead_department, case.owner_unit, *split_codes(case.co_departments))
    return frozenset(code for code in codes if code)
