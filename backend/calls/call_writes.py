"""What seats and callers do to a call: each a sync transaction returning the call and its events."""

from __future__ import annotations

import sqlalchemy as sa

from backend.calls.changes import put_state, update_call
from backend.calls.records import (
    ON_CALL,
    RINGING,
    Change,
    calls,
    invalid,
    load_call,
    load_operator,
    operators_where,
    states,
)
from backend.events import StoredEvent, append_event
from client_api.calls_messages import Call, CallUpdated
from client_api.errors import ErrorCode, ProtocolError

IN_HAND = ("answered", "held")


def where_is(call: Call) -> str:
    """The call's state in words, for error messages."""
    if call.state == "ringing":
        return f"ringing at seat {call.offered_to}" if call.offered_to else "waiting in the queue"
    if call.state in IN_HAND:
        return f"{call.state} at seat {call.seat_id}"
    if call.state == "transferred":
        return f"transferred to {call.transferred_to}"
    return call.state


def insert_call(
    conn: sa.Connection, caller_number: str, opening: str | None, simulated: bool, now: float
) -> Change[Call]:
    """A new call waiting in the queue."""
    insert = sa.insert(calls).values(
        caller_number=caller_number, state="ringing", queued_at=now, opening=opening, simulated=simulated
    )
    call = load_call(conn, conn.execute(insert.returning(calls.c.id)).scalar_one())
    return call, [append_event(conn, "call.updated", CallUpdated(call), now)]


def _in_hand(conn: sa.Connection, call_id: int, seat_id: str, verb: str) -> Call:
    """The call if this seat has it in hand; else invalid_field (wrong state) or forbidden (other seat)."""
    call = load_call(conn, call_id)
    if call.state not in IN_HAND:
        raise invalid("call_id", f"call {call.id} is {where_is(call)}; it cannot be {verb}", state=call.state)
    if call.seat_id != seat_id:
        raise ProtocolError(
            ErrorCode.FORBIDDEN,
            f"call {call.id} is handled at seat {call.seat_id}, not at seat {seat_id}",
            {"field": "call_id", "seat_id": call.seat_id},
        )
    return call


def _wrap_up(conn: sa.Connection, username: str, seat_id: str | None, now: float) -> list[StoredEvent]:
    """The call is over for this operator; one who went offline meanwhile stays offline."""
    current = load_operator(conn, username)
    if current is not None and current.state == "offline":
        return []
    return put_state(conn, username, seat_id, "wrap_up", None, now)[1]


def answer(conn: sa.Connection, call_id: int, username: str, seat_id: str, now: float) -> Change[Call]:
    """Answer a call ringing at this seat; the operator is busy on it."""
    call = load_call(conn, call_id)
    if call.state != "ringing" or call.offered_to is None:
        raise invalid(
            "call_id", f"call {call.id} is {where_is(call)}, not ringing at a seat", state=call.state
        )
    if call.offered_to != seat_id:
        raise ProtocolError(
            ErrorCode.FORBIDDEN,
            f"call {call.id} rings at seat {call.offered_to}, not at seat {seat_id}",
            {"field": "call_id", "offered_to": call.offered_to},
        )
    first_answer = now if call.answered_at is None else call.answered_at  # a transfer keeps the first
    call, event = update_call(
        conn,
        call.id,
        now,
        state="answered",
        answered_at=first_answer,
        answered_by=username,
        seat_id=seat_id,
        offered_to=None,
    )
    return call, [event, *put_state(conn, username, seat_id, "busy", ON_CALL, now)[1]]


def hold(conn: sa.Connection, call_id: int, on: bool, seat_id: str, now: float) -> Change[Call]:
    """Put the call on hold or take it back; asking for the state it is in changes nothing."""
    call = _in_hand(conn, call_id, seat_id, "held" if on else "taken off hold")
    target = "held" if on else "answered"
    if call.state == target:
        return call, []
    call, event = update_call(conn, call.id, now, state=target)
    return call, [event]


def hangup(conn: sa.Connection, call_id: int, username: str, seat_id: str, now: float) -> Change[Call]:
    """The seat ends the call; its operator goes to wrap-up."""
    call = _in_hand(conn, call_id, seat_id, "hung up")
    call, event = update_call(conn, call.id, now, state="ended", ended_at=now, end_reason="agent_hangup")
    return call, [event, *_wrap_up(conn, username, seat_id, now)]


def transfer_to_seat(
    conn: sa.Connection, call_id: int, to_seat: str, username: str, seat_id: str, now: float
) -> Change[Call]:
    """Blind transfer to another seat whose operator is ready: it rings there; this seat wraps up."""
    call = _in_hand(conn, call_id, seat_id, "transferred")
    if to_seat == seat_id:
        raise invalid("to_seat", "a call cannot be transferred to its own seat")
    ready = operators_where(conn, states.c.seat_id == to_seat, states.c.state == "ready")
    if not ready:
        raise invalid("to_seat", f"nobody is ready at seat {to_seat}")
    call, event = update_call(conn, call.id, now, state="ringing", offered_to=to_seat, transferred_to=to_seat)
    events = [event, *put_state(conn, ready[0].username, to_seat, "busy", RINGING, now)[1]]
    return call, events + _wrap_up(conn, username, seat_id, now)


def transfer_to_number(
    conn: sa.Connection, call_id: int, number: str, username: str, seat_id: str, now: float
) -> Change[Call]:
    """Hand the caller to an outside number (a department's duty phone): the call is over here."""
    call = _in_hand(conn, call_id, seat_id, "transferred")
    call, event = update_call(
        conn, call.id, now, state="transferred", transferred_to=number, ended_at=now, end_reason="transferred"
    )
    return call, [event, *_wrap_up(conn, username, seat_id, now)]


def caller_hangup(conn: sa.Connection, call_id: int, now: float, only_waiting: bool = False) -> Change[Call]:
    """The caller hangs up: abandoned if nobody answered yet, else ended (and its operator wraps up).
    ``only_waiting``: refuse if the call was answered meanwhile (an impatient caller gives up waiting)."""
    call = load_call(conn, call_id)
    if only_waiting and (call.state != "ringing" or call.answered_at is not None):
        raise invalid("call_id", f"call {call.id} is {where_is(call)}, no longer waiting", state=call.state)
    if call.state == "ringing":
        final = "abandoned" if call.answered_at is None else "ended"
        events: list[StoredEvent] = []
        if call.offered_to is not None:  # the seat it rang at is free again
            for op in operators_where(
                conn,
                states.c.seat_id == call.offered_to,
                states.c.state == "busy",
                states.c.reason == RINGING,
            ):
                events += put_state(conn, op.username, op.seat_id, "ready", None, now)[1]
        ended, event = update_call(
            conn, call.id, now, state=final, ended_at=now, end_reason="caller_hangup", offered_to=None
        )
        return ended, [event, *events]
    if call.state in IN_HAND:
        ended, event = update_call(
            conn, call.id, now, state="ended", ended_at=now, end_reason="caller_hangup"
        )
        wrap = _wrap_up(conn, call.answered_by, call.seat_id, now) if call.answered_by else []
        return ended, [event, *wrap]
    raise invalid("call_id", f"call {call.id} is already over ({where_is(call)})", state=call.state)
