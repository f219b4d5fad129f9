"""The link from a case to the inbox item it was made from, written in the case's own transaction."""

from __future__ import annotations

import sqlalchemy as sa

from backend.events import StoredEvent, append_event
from backend.inbox.records import items, load_item, not_open_error
from client_api import messages as m
from client_api.inbox_messages import IntakeUpdated


def link_item_to_case(
    conn: sa.Connection, item_id: int, operator: m.Operator, case_id: int, now: float
) -> StoredEvent:
    """Mark the item ``done`` with ``case_id``; it must be taken by ``operator``. Raise ProtocolError
    (invalid_field ``intake_item_id``) otherwise, which rolls the case back with it."""
    done = conn.execute(
        sa.update(items)
        .where(items.c.id == item_id, items.c.status == "taken", items.c.taken_by == operator.username)
        .values(status="done", case_id=case_id)
    )
    item = load_item(conn, item_id, field="intake_item_id")
    if done.rowcount != 1:
        raise not_open_error(conn, item, field="intake_item_id")
    return append_event(conn, "intake.updated", IntakeUpdated(item, "done", operator.username), now)
