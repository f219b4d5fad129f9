"""Automatic call distribution: one round of it as a single sync transaction.

All state lives in the database: a seat is ringing while its operator is ``busy`` with the reason
``ringing``, since the moment the call was offered, so the ring deadline is ``since + ring_timeout``;
likewise wrap-up ends at ``since + wrap_up``. Nothing is lost when the backend restarts.
"""

from __future__ import annotations

import sqlalchemy as sa

from backend.calls.changes import put_state, requeue_ringing_at, update_call
from backend.calls.records import RINGING, Change, calls, operators_where, states
from backend.events import StoredEvent

MISSED_CALL = "missed call"


def tick(conn: sa.Connection, now: float, ring_timeout: float, wrap_up: float) -> Change[float | None]:
    """Expire rings and wrap-ups, repair what a restart left behind, offer waiting calls to ready seats.

    Returns the time of the next deadline (None if nothing is pending) and the events.
    """
    events = _expire_rings(conn, now, ring_timeout)
    events += _repair(conn, now)
    events += _end_wrap_ups(conn, now, wrap_up)
    events += _distribute(conn, now)
    return _next_deadline(conn, ring_timeout, wrap_up), events


def _ringing_operators(conn: sa.Connection, *where: sa.ColumnElement[bool]) -> list[tuple[str, str]]:
    ops = operators_where(conn, states.c.state == "busy", states.c.reason == RINGING, *where)
    return [(op.username, op.seat_id) for op in ops if op.seat_id is not None]


def _expire_rings(conn: sa.Connection, now: float, ring_timeout: float) -> list[StoredEvent]:
    """A call not answered in time goes back to the queue; its operator is set away."""
    events: list[StoredEvent] = []
    for username, seat_id in _ringing_operators(conn, states.c.since <= now - ring_timeout):
        events += requeue_ringing_at(conn, seat_id, now)
        events += put_state(conn, username, seat_id, "away", MISSED_CALL, now)[1]
    return events


def _repair(conn: sa.Connection, now: float) -> list[StoredEvent]:
    """Calls ringing at a seat nobody waits at go back to the queue (a restart drops every seat);
    an operator left ringing with no call (two accounts on one seat) is ready again."""
    ringing_ops = _ringing_operators(conn)
    waiting_seats = {seat for _user, seat in ringing_ops}
    rows = conn.execute(
        sa.select(calls.c.id, calls.c.offered_to).where(
            calls.c.state == "ringing", calls.c.offered_to.is_not(None)
        )
    ).all()
    events = [
        update_call(conn, row.id, now, offered_to=None)[1]
        for row in rows
        if row.offered_to not in waiting_seats
    ]
    ringing_seats = {row.offered_to for row in rows if row.offered_to in waiting_seats}
    for username, seat_id in ringing_ops:
        if seat_id not in ringing_seats:
            events += put_state(conn, username, seat_id, "ready", None, now)[1]
    return events


def _end_wrap_ups(conn: sa.Connection, now: float, wrap_up: float) -> list[StoredEvent]:
    events: list[StoredEvent] = []
    for op in operators_where(conn, states.c.state == "wrap_up", states.c.since <= now - wrap_up):
        events += put_state(conn, op.username, op.seat_id, "ready", None, now)[1]
    return events


def _distribute(conn: sa.Connection, now: float) -> list[StoredEvent]:
    """Oldest waiting call to the operator ready longest (the earliest ``since``), one call per seat."""
    waiting = (
        conn.execute(
            sa.select(calls.c.id)
            .where(calls.c.state == "ringing", calls.c.offered_to.is_(None))
            .order_by(calls.c.queued_at, calls.c.id)
        )
        .scalars()
        .all()
    )
    if not waiting:
        return []
    taken = set(
        conn.execute(
            sa.select(calls.c.offered_to).where(calls.c.state == "ringing", calls.c.offered_to.is_not(None))
        ).scalars()
    )
    ready = iter(operators_where(conn, states.c.state == "ready", states.c.seat_id.is_not(None)))
    events: list[StoredEvent] = []
    for call_id in waiting:
        op = next((o for o in ready if o.seat_id not in taken), None)
        if op is None or op.seat_id is None:
            break
        taken.add(op.seat_id)
        events.append(update_call(conn, call_id, now, offered_to=op.seat_id)[1])
        events += put_state(conn, op.username, op.seat_id, "busy", RINGING, now)[1]
    return events


def _next_deadline(conn: sa.Connection, ring_timeout: float, wrap_up: float) -> float | None:
    def earliest(*where: sa.ColumnElement[bool]) -> float | None:
        value = conn.execute(sa.select(sa.func.min(states.c.since)).where(*where)).scalar()
        return None if value is None else float(value)

    ring = earliest(states.c.state == "busy", states.c.reason == RINGING)
    wrap = earliest(states.c.state == "wrap_up")
    deadlines = [] if ring is None else [ring + ring_timeout]
    deadlines += [] if wrap is None else [wrap + wrap_up]
    return min(deadlines, default=None)
