"""Applying one checked CAP message in the caller's transaction: an Alert is stored, an Update changes
the alert it references, a Cancel cancels it. Every check runs before the first write.

An Update replaces the content (texts, urgency/severity/certainty, areas, expiry) and keeps the state,
except: an acknowledged alert whose severity rises to Severe or Extreme becomes active again (its
acknowledgement and escalation are cleared and ``received_at`` restarts, so seats announce it and it
can escalate as if new); an expired alert whose new expiry lies ahead (or that has none) becomes active.
An Update or Cancel of a cancelled alert is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from backend.alerts.cap_parse import CapMessage
from backend.alerts.draft import AlertDraft
from backend.alerts.records import (
    content_columns,
    encode_list,
    find_alert,
    find_referenced,
    insert_alert,
    update_alert,
)
from backend.events import StoredEvent
from client_api.alert_messages import AlertRecord
from client_api.alert_priority import is_banner, severity_rank
from client_api.errors import ErrorCode, ProtocolError

EXERCISE_PREFIX = "【演练】"


@dataclass(slots=True)
class Applied:
    """What one message did: the alerts it stored or changed, or the identifier it repeated."""

    alerts: list[AlertRecord] = field(default_factory=list)
    unchanged: str | None = None


def mark_exercise(draft: AlertDraft, exercise: bool) -> None:
    """On an exercise backend every alert is an Exercise; drill headlines are stored without the
    【演练】 prefix, which seats and the CAP export put in front."""
    if exercise:
        draft.status = "Exercise"
    if draft.status == "Exercise":
        draft.headline = draft.headline.strip().removeprefix(EXERCISE_PREFIX).strip() or draft.event


def apply_message(
    conn: sa.Connection, message: CapMessage, exercise: bool, now: float
) -> tuple[Applied, list[StoredEvent]]:
    """Apply ``message``; ProtocolError (nothing written) when it cannot be."""
    draft = message.draft
    mark_exercise(draft, exercise)
    # an Alert is known by its own row; an Update or Cancel also by the references it was applied under
    known = find_alert if draft.msg_type == "Alert" else find_referenced
    if known(conn, draft.sender, draft.identifier) is not None:
        return Applied(unchanged=draft.identifier), []
    if draft.msg_type == "Alert":
        record, raised = insert_alert(conn, draft, now)
        return Applied([record]), raised
    targets = _referenced(conn, message)
    changed: list[AlertRecord] = []
    events: list[StoredEvent] = []
    for target in targets:
        record, new_events = update_alert(conn, target.id, _changes(target, message, now), now)
        changed.append(record)
        events += new_events
    return Applied(changed), events


def _referenced(conn: sa.Connection, message: CapMessage) -> list[AlertRecord]:
    kind = message.draft.msg_type
    if not message.references:
        raise _refused(f"references: this {kind} names no message to {kind.lower()}")
    found: dict[int, AlertRecord] = {}
    for ref in message.references:
        record = find_referenced(conn, ref.sender, ref.identifier)
        if record is not None:
            found.setdefault(record.id, record)
    if not found:
        named = " ".join(ref.text for ref in message.references)
        raise _refused(f"references: no stored alert is referenced ({named}); the {kind} is not applied")
    for record in found.values():
        if record.state == "cancelled":
            raise _refused(
                f"references: alert {record.identifier} of {record.sender} was cancelled; "
                f"this {kind} cannot change it"
            )
    return list(found.values())


def _changes(target: AlertRecord, message: CapMessage, now: float) -> dict[str, Any]:
    draft = message.draft
    values: dict[str, Any] = {
        "msg_type": draft.msg_type,
        "references": encode_list([*target.references, message.ref.text]),
    }
    if draft.msg_type == "Cancel":
        return values | {"state": "cancelled"}
    values |= content_columns(draft)
    rises = severity_rank(draft.severity) > severity_rank(target.severity) and is_banner(draft.severity)
    revived = target.state == "expired" and (draft.expires is None or draft.expires > now)
    if (target.state == "acknowledged" and rises) or revived:
        values |= {
            "state": "active",
            "acked_by": None,
            "acked_by_name": None,
            "acked_seat": None,
            "acked_at": None,
            "ack_reason": None,
            "escalation_level": 0,
            "escalated_at": None,
            "received_at": now,
        }
    return values


def _refused(message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.INVALID_FIELD, message, {"field": "xml"})
