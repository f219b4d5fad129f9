"""The primitive changes every call-center transaction is made of, each with its event (sync connection)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from backend.calls.records import calls, load_call, load_operator, states
from backend.events import StoredEvent, append_event
from client_api.calls_messages import Call, CallUpdated, OperatorState


def update_call(conn: sa.Connection, call_id: int, now: float, **values: Any) -> tuple[Call, StoredEvent]:
    """Apply ``values`` to the call and append its ``call.updated``."""
    conn.execute(sa.update(calls).where(calls.c.id == call_id).values(**values))
    call = load_call(conn, call_id)
    return call, append_event(conn, "call.updated", CallUpdated(call), now)


def put_state(
    conn: sa.Connection, username: str, seat_id: str | None, state: str, reason: str | None, now: float
) -> tuple[OperatorState, list[StoredEvent]]:
    """Set an operator's state; an ``operator.state`` event only if something changed."""
    current = load_operator(conn, username)
    if current is not None and (current.state, current.reason, current.seat_id) == (state, reason, seat_id):
        return current, []
    values = {"seat_id": seat_id, "state": state, "reason": reason, "since": now}
    if current is None:
        conn.execute(sa.insert(states).values(username=username, **values))
    else:
        conn.execute(sa.update(states).where(states.c.username == username).values(**values))
    record = load_operator(conn, username)
    assert record is not None
    return record, [append_event(conn, "operator.state", record, now)]


def requeue_ringing_at(conn: sa.Connection, seat_id: str, now: float) -> list[StoredEvent]:
    """Put the calls ringing at ``seat_id`` back in the queue (they keep their place: queued_at)."""
    ids = conn.execute(
        sa.select(calls.c.id).where(calls.c.state == "ringing", calls.c.offered_to == seat_id)
    ).scalars()
    return [update_call(conn, call_id, now, offered_to=None)[1] for call_id in list(ids)]
