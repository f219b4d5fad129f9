"""A drill's log: what the engine fired and what each seat did, in order (``drill_log``, LogEntry JSON).

``DrillLog`` keeps the current drill's entries in memory as well (the observer and the scoring read
them there) and numbers them 1, 2, … in the order they are written; each write is one transaction,
with the events that go with the entries (drill.injected, drill.progress).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

import msgspec
import sqlalchemy as sa

from backend import schema
from backend.events import StoredEvent
from client_api.drill_messages import LogEntry

if TYPE_CHECKING:
    from backend.store import Store

table = schema.drill_log
_ENTRY = msgspec.json.Decoder(LogEntry)

# Events a write adds, built in its transaction from the entries as numbered.
EventsOf = Callable[[sa.Connection, list[LogEntry]], list[StoredEvent]]


def insert_entries(conn: sa.Connection, drill_id: int, entries: list[LogEntry]) -> None:
    if entries:
        conn.execute(
            sa.insert(table),
            [
                {"drill_id": drill_id, "t": e.t, "at": e.at, "record": msgspec.json.encode(e).decode()}
                for e in entries
            ],
        )


def read_entries(conn: sa.Connection, drill_id: int) -> list[LogEntry]:
    query = sa.select(table.c.record).where(table.c.drill_id == drill_id).order_by(table.c.seq)
    return [_ENTRY.decode(record) for record in conn.execute(query).scalars()]


class DrillLog:
    """The log of one drill. Attributes: drill_id, entries (as written, in order)."""

    def __init__(self, store: Store, drill_id: int, entries: list[LogEntry] | None = None) -> None:
        self.store = store
        self.drill_id = drill_id
        self.entries: list[LogEntry] = list(entries or [])
        self._lock = asyncio.Lock()

    async def write(self, drafts: list[LogEntry], events: EventsOf | None = None) -> list[LogEntry]:
        """Number ``drafts`` (their ``seq`` is replaced) and write them with ``events`` in one
        transaction; the entries as written."""
        if not drafts:
            return []
        async with self._lock:  # numbers follow the order of writing
            first = len(self.entries) + 1
            entries = [msgspec.structs.replace(d, seq=first + i) for i, d in enumerate(drafts)]

            def write(conn: sa.Connection) -> tuple[None, list[StoredEvent]]:
                insert_entries(conn, self.drill_id, entries)
                return None, events(conn, entries) if events is not None else []

            await self.store.run_write(write)
            self.entries.extend(entries)
        return entries


def entry(
    t: float,
    at: float,
    actor: str,
    kind: str,
    summary: str,
    *,
    slot_id: str | None = None,
    ref: str | None = None,
    data: dict[str, object] | None = None,
) -> LogEntry:
    """A draft entry (numbered when written)."""
    return LogEntry(
        seq=0,
        t=round(t, 3),
        at=at,
        actor=actor,
        slot_id=slot_id,
        kind=kind,
        summary=summary,
        ref=ref,
        data=data or {},
    )
