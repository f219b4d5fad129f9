"""The event log: every change is also an event with a sequence number, written in its transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import msgspec
import sqlalchemy as sa

from backend import schema


@dataclass(frozen=True, slots=True)
class StoredEvent:
    seq: int
    type: str
    ts: float
    payload: bytes


EventSink = Callable[[StoredEvent], None]

_INSERT_EVENT = sa.insert(schema.events).returning(schema.events.c.seq)  # built once: see case_writes


def append_event(conn: sa.Connection, type_: str, payload: msgspec.Struct, ts: float) -> StoredEvent:
    data = msgspec.json.encode(payload)
    seq = conn.execute(_INSERT_EVENT, {"type": type_, "ts": ts, "payload": data.decode()}).scalar_one()
    return StoredEvent(int(seq), type_, ts, data)
