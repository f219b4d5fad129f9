"""Comms calls in the database: the latest record of each call (comms_calls), the comms.call and
comms.presence events of a change, the case timeline entry of a call that ended on a case, and the log
read back. Writers are ``fn(conn, …) -> (result, events)`` for ``store.run_write``."""

from __future__ import annotations

from dataclasses import dataclass

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.comms.case_record import record_on_case
from backend.events import StoredEvent, append_event
from client_api import comms_messages as cm
from client_api import messages as m

table = schema.comms_calls
_CALL = msgspec.json.Decoder(cm.CommsCall)
Written = tuple[None, list[StoredEvent]]


@dataclass(frozen=True, slots=True)
class CaseEntry:
    """A timeline entry to add to ``case_id``: by whom, from which seat, saying what."""

    case_id: int
    operator: m.Operator
    seat_id: str | None
    note: str


def save_call(
    conn: sa.Connection,
    call: cm.CommsCall,
    presence: list[cm.PresenceChanged],
    entry: CaseEntry | None,
    now: float,
) -> Written:
    """Upsert the call's record with its comms.call event, the presence it changed and its entry."""
    values = {
        "owner": call.owner,
        "case_id": call.case_id,
        "started_at": call.started_at,
        "ended_at": call.ended_at,
        "record": msgspec.json.encode(call).decode(),
    }
    if conn.execute(sa.update(table).where(table.c.id == call.id).values(**values)).rowcount == 0:
        conn.execute(sa.insert(table).values(id=call.id, **values))
    if entry is not None:
        record_on_case(conn, entry.case_id, now, entry.operator, entry.seat_id, "comms_call", entry.note)
    events = [append_event(conn, "comms.call", cm.CommsCallUpdated(call=call), now)]
    return None, events + presence_events(conn, presence, now)


def presence_events(conn: sa.Connection, changes: list[cm.PresenceChanged], now: float) -> list[StoredEvent]:
    return [append_event(conn, "comms.presence", change, now) for change in changes]


def publish_presence(conn: sa.Connection, changes: list[cm.PresenceChanged], now: float) -> Written:
    return None, presence_events(conn, changes, now)


def publish_status(conn: sa.Connection, status: cm.TelephonyStatus, now: float) -> Written:
    return None, [append_event(conn, "comms.telephony", status, now)]


def max_call_id(conn: sa.Connection) -> int:
    return int(conn.execute(sa.select(sa.func.max(table.c.id))).scalar() or 0)


def load_call(conn: sa.Connection, call_id: int) -> cm.CommsCall | None:
    record = conn.execute(sa.select(table.c.record).where(table.c.id == call_id)).scalar()
    return None if record is None else _CALL.decode(record)


def list_log(conn: sa.Connection, case_id: int | None, limit: int) -> list[cm.CommsCall]:
    """Ended calls, newest first; only those of ``case_id`` when given."""
    query = sa.select(table.c.record).where(table.c.ended_at.is_not(None))
    if case_id is not None:
        query = query.where(table.c.case_id == case_id)
    query = query.order_by(table.c.started_at.desc(), table.c.id.desc()).limit(limit)
    return [_CALL.decode(record) for record in conn.execute(query).scalars()]


def close_stale(conn: sa.Connection, now: float) -> Written:
    """Calls a backend that stopped without ending them left open: ended now, saying so."""
    events: list[StoredEvent] = []
    query = sa.select(table.c.record).where(table.c.ended_at.is_(None)).order_by(table.c.id)
    for record in list(conn.execute(query).scalars()):
        call = _CALL.decode(record)
        parties = tuple(
            p if p.state in ("left", "failed") else msgspec.structs.replace(p, state="left", left_at=now)
            for p in call.parties
        )
        answered = call.answered_at is not None
        ended = msgspec.structs.replace(
            call,
            parties=parties,
            state="ended" if answered else "failed",
            result=call.result or ("completed" if answered else "cancelled"),
            ended_at=now,
            reason=call.reason or "the backend stopped during the call",
            held=False,
        )
        events += save_call(conn, ended, [], None, now)[1]
    return None, events
