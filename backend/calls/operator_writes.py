"""Operator presence: the state a seat asks for, and what logging in and out does (sync transactions)."""

from __future__ import annotations

import sqlalchemy as sa

from backend.calls.changes import put_state, requeue_ringing_at
from backend.calls.records import MAX_REASON, ON_CALL, calls, invalid, load_operator, states
from backend.events import StoredEvent
from client_api.calls_messages import OPERATOR_STATES, SETTABLE_STATES, OperatorState

LOGGED_IN = "logged in"


def checked_request(state: str, reason: str | None) -> tuple[str, str | None]:
    """The state and reason of an ``operator.set_state``, or invalid_field naming what is wrong."""
    if state not in SETTABLE_STATES:
        if state in OPERATOR_STATES:
            raise invalid(
                "state", f"the state {state!r} is set by the call center; a seat may set ready or away"
            )
        raise invalid("state", f"unknown state {state!r}; a seat may set ready or away")
    if state == "ready":
        return state, None
    reason = (reason or "").strip()
    if not reason:
        raise invalid("reason", "say why the operator is away")
    if len(reason) > MAX_REASON:
        raise invalid("reason", f"the reason is longer than {MAX_REASON} characters")
    return state, reason


def request_state(
    conn: sa.Connection, username: str, seat_id: str, state: str, reason: str | None, now: float
) -> tuple[OperatorState, list[StoredEvent]]:
    """Set ready or away as the seat asked; refused while the operator is busy with a call."""
    current = load_operator(conn, username)
    if current is not None and current.state == "busy":
        raise invalid(
            "state", f"the operator is busy ({current.reason}); finish the call first", current=current.state
        )
    return put_state(conn, username, seat_id, state, reason, now)


def _holds_a_call(conn: sa.Connection, username: str) -> bool:
    query = sa.select(calls.c.id).where(
        calls.c.answered_by == username, calls.c.state.in_(("answered", "held"))
    )
    return conn.execute(query.limit(1)).first() is not None


def session_start(
    conn: sa.Connection, username: str, seat_id: str, now: float
) -> tuple[OperatorState, list[StoredEvent]]:
    """A login: away until the seat says ready, or still busy if the operator has a call in hand."""
    if _holds_a_call(conn, username):
        return put_state(conn, username, seat_id, "busy", ON_CALL, now)
    return put_state(conn, username, seat_id, "away", LOGGED_IN, now)


def session_end(conn: sa.Connection, username: str, now: float) -> tuple[None, list[StoredEvent]]:
    """A logout or closed connection: offline, and a call ringing at the seat goes back to the queue.

    Calls in hand stay as they are: the conversation does not depend on the console, and the seat finds
    them again with ``call.list`` when it reconnects.
    """
    current = load_operator(conn, username)
    if current is None or current.state == "offline":
        return None, []
    events = requeue_ringing_at(conn, current.seat_id, now) if current.seat_id else []
    return None, events + put_state(conn, username, current.seat_id, "offline", None, now)[1]


def all_offline(conn: sa.Connection, now: float) -> tuple[None, list[StoredEvent]]:
    """At start-up nobody is connected yet: every operator is offline."""
    events: list[StoredEvent] = []
    for username, seat_id in conn.execute(
        sa.select(states.c.username, states.c.seat_id).where(states.c.state != "offline")
    ).all():
        events += put_state(conn, username, seat_id, "offline", None, now)[1]
    return None, events
