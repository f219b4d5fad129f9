"""The write side of the inbox: one sync function per change, run in one transaction with its event."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import sqlalchemy as sa

from backend.events import StoredEvent, append_event
from backend.inbox.records import item_from_row, items, load_item, not_open_error
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError
from client_api.inbox_messages import IntakeCreated, IntakeItem, IntakeUpdated

if TYPE_CHECKING:
    pass

T = TypeVar("T")

# Roles that may release or dismiss an item someone else took (the operator went home, fell ill …).
OVERRIDE_ROLES = frozenset({"supervisor", "admin"})

Change = tuple[IntakeItem, list[StoredEvent]]


def insert_item(conn: sa.Connection, values: dict[str, Any], now: float) -> Change:
    """A new item from checked ``values`` (columns of ``intake_items``) and its ``intake.created``."""
    row = conn.execute(
        sa.insert(items).values(received_at=now, status="new", **values).returning(*items.c)
    ).one()
    item = item_from_row(row)
    return item, [append_event(conn, "intake.created", IntakeCreated(item), now)]


def take_item(conn: sa.Connection, item_id: int, operator: m.Operator, now: float) -> Change:
    """Take a new item; taking one's own again changes nothing; anyone else's is refused."""
    took = conn.execute(
        sa.update(items)
        .where(items.c.id == item_id, items.c.status == "new")
        .values(status="taken", taken_by=operator.username, taken_at=now)
    )
    item = load_item(conn, item_id)
    if took.rowcount == 1:
        return item, [
            append_event(conn, "intake.updated", IntakeUpdated(item, "taken", operator.username), now)
        ]
    if item.status == "taken" and item.taken_by == operator.username:
        return item, []
    raise not_open_error(conn, item)


def _check_holder(conn: sa.Connection, item: IntakeItem, operator: m.Operator, verb: str) -> None:
    if item.status == "taken" and item.taken_by != operator.username and operator.role not in OVERRIDE_ROLES:
        raise ProtocolError(
            ErrorCode.FORBIDDEN,
            f"{not_open_error(conn, item).message}; only they or a supervisor may {verb} it",
            {"field": "item_id", "taken_by": item.taken_by},
        )


def _update_from(conn: sa.Connection, item: IntakeItem, **values: Any) -> IntakeItem:
    """Apply ``values`` if the item is still as read (the write lock makes this hold on one node)."""
    changed = conn.execute(
        sa.update(items)
        .where(
            items.c.id == item.id,
            items.c.status == item.status,
            items.c.taken_by.is_not_distinct_from(item.taken_by),
        )
        .values(**values)
    )
    fresh = load_item(conn, item.id)
    if changed.rowcount != 1:
        raise not_open_error(conn, fresh)
    return fresh


def release_item(conn: sa.Connection, item_id: int, operator: m.Operator, now: float) -> Change:
    """Put a taken item back to ``new`` for anyone to take."""
    item = load_item(conn, item_id)
    if item.status != "taken":
        raise not_open_error(conn, item)
    _check_holder(conn, item, operator, "release")
    item = _update_from(conn, item, status="new", taken_by=None, taken_at=None)
    return item, [
        append_event(conn, "intake.updated", IntakeUpdated(item, "released", operator.username), now)
    ]


def dismiss_item(conn: sa.Connection, item_id: int, reason: str, operator: m.Operator, now: float) -> Change:
    """Close an open item without a case (a duplicate, a test alarm, not our business)."""
    item = load_item(conn, item_id)
    if item.status not in ("new", "taken"):
        raise not_open_error(conn, item)
    _check_holder(conn, item, operator, "dismiss")
    item = _update_from(conn, item, status="dismissed", taken_by=operator.username, taken_at=now)
    conn.execute(sa.update(items).where(items.c.id == item.id).values(dismiss_reason=reason))
    event = IntakeUpdated(item, "dismissed", operator.username, reason)
    return item, [append_event(conn, "intake.updated", event, now)]
