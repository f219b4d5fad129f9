"""The backend's store: every read and write of the database goes through here.

Writes are serialised by one lock so that event sequence numbers are handed out, committed and
published in the same order; an event is published only after its transaction committed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from backend import migrate, schema
from backend.case_writes import case_from_row, insert_case, invalid, validated_text
from backend.database import create_engine
from backend.events import EventSink, StoredEvent
from backend.lifecycle.units import unit_tree
from backend.passwords import verify_password
from backend.reliability.request_scope import active_scope, with_scope
from backend.security.accounts import LOCK_SECONDS, MAX_FAILURES, record_failure, record_success, refusal
from backend.transactions import Transactor
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError

__all__ = ["EventSink", "Store", "StoredEvent"]

T = TypeVar("T")


def in_scope(scope: frozenset[str]) -> sa.ColumnElement[bool]:
    """Cases whose lead department, one of whose co-handling units, or whose owning desk is in ``scope``."""
    cases = schema.cases
    if not scope:
        return sa.false()
    joined = sa.literal(",") + cases.c.co_departments + sa.literal(",")
    return sa.or_(
        cases.c.lead_department.in_(sorted(scope)),
        cases.c.owner_unit.in_(sorted(scope)),
        *(joined.like(f"%,{code},%") for code in sorted(scope)),
    )


class Store:
    """Database access for the server. Create with ``await Store.open(url)``."""

    def __init__(self, engine: AsyncEngine, revision: str) -> None:
        self.engine = engine
        self.revision = revision
        self.write_lock = asyncio.Lock()
        self._transactor = Transactor(engine)
        self._sinks: list[EventSink] = []

    @classmethod
    async def open(cls, url: str) -> Store:
        engine = create_engine(url)
        revision = await migrate.upgrade(engine)
        return cls(engine, revision)

    async def close(self) -> None:
        self._transactor.dispose()
        await self.engine.dispose()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def add_sink(self, sink: EventSink) -> None:
        """Call ``sink`` with every event after its transaction committed (under the write lock)."""
        self._sinks.append(sink)

    # --- meta -------------------------------------------------------------------------------------

    async def get_meta(self, key: str) -> str | None:
        async with self.engine.connect() as conn:
            return (
                await conn.execute(sa.select(schema.meta.c.value).where(schema.meta.c.key == key))
            ).scalar()

    async def set_meta(self, key: str, value: str) -> None:
        async with self.write_lock, self.engine.begin() as conn:
            await conn.execute(sa.delete(schema.meta).where(schema.meta.c.key == key))
            await conn.execute(sa.insert(schema.meta).values(key=key, value=value))

    # --- accounts and reference data --------------------------------------------------------------

    async def authenticate(self, username: str, password: str) -> m.Operator | None:
        """The operator, or None for an unknown name or a wrong password (which counts towards the
        lockout); a disabled or locked account is refused with LOCKED before its password is checked."""
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(sa.select(schema.accounts).where(schema.accounts.c.username == username))
            ).first()
        if row is None:
            return None
        why = refusal(row, time.time())
        if why is not None:
            raise ProtocolError(ErrorCode.LOCKED, why)
        if not await asyncio.to_thread(verify_password, row.password_hash, password):
            failure = await self.run_write(lambda conn: (record_failure(conn, username, time.time()), []))
            if failure.locked_until is not None:
                raise ProtocolError(
                    ErrorCode.LOCKED,
                    f"wrong password; the account is locked for {LOCK_SECONDS / 60:g} min after "
                    f"{MAX_FAILURES} failed logins",
                )
            return None
        if row.failed_logins or row.locked_until is not None:

            def reset(conn: sa.Connection) -> tuple[None, list[StoredEvent]]:
                record_success(conn, username)
                return None, []

            await self.run_write(reset)
        return m.Operator(row.username, row.display_name, row.role, row.department_code)

    async def unit_scope(self, unit: str | None) -> frozenset[str] | None:
        """The units an account of ``unit`` sees cases of (its subtree); None: all (district center)."""
        if unit is None:
            return None
        async with self.engine.connect() as conn:
            tree = await conn.run_sync(unit_tree)
        return tree.subtree(unit)

    async def reference(self) -> m.Reference:
        async with self.engine.connect() as conn:
            areas = (await conn.execute(sa.select(schema.areas).order_by(schema.areas.c.code))).all()
            depts = (
                await conn.execute(sa.select(schema.departments).order_by(schema.departments.c.code))
            ).all()
            cats = (await conn.execute(sa.select(schema.categories).order_by(schema.categories.c.code))).all()
        return m.Reference(
            areas=[m.AreaNode(r.code, r.name, r.level, r.parent_code) for r in areas],
            departments=[
                m.Department(r.code, r.name, r.area_code, r.duty_phone, r.level, r.parent_code) for r in depts
            ],
            categories=[m.Category(r.code, r.name, r.kind, r.parent_code) for r in cats],
        )

    # --- cases ------------------------------------------------------------------------------------

    async def create_case(self, req: m.CreateCase, operator: m.Operator, seat_id: str) -> m.CaseRecord:
        validated_text(req)  # refuse bad text before queueing for the write lock
        record: m.CaseRecord = await self.run_write(insert_case, req, operator, seat_id)
        return record

    async def run_write(self, fn: Callable[..., tuple[T, list[StoredEvent]]], *args: Any) -> T:
        """Run ``fn(conn, *args) -> (result, events)`` in one transaction; see ``run_write_events``."""
        result, _events = await self.run_write_events(fn, *args)
        return result

    async def run_write_events(
        self, fn: Callable[..., tuple[T, list[StoredEvent]]], *args: Any
    ) -> tuple[T, list[StoredEvent]]:
        """Run ``fn(conn, *args) -> (result, events)`` in one transaction under the write lock; publish
        the events after commit, still under the lock, so seats get them in sequence order. Inside a
        request's handler the transaction also records its idempotency key and its audit record."""
        scope = active_scope()  # read here: the worker thread does not see the handler's context
        async with self.write_lock:
            if scope is None:
                result, events = await self._transactor.run(fn, *args)
            else:
                saved = scope.saved()
                try:
                    result, events = await self._transactor.run(with_scope, scope, fn, *args)
                except BaseException:
                    scope.restore(saved)
                    raise
            for event in events:
                self._publish(event)
        return result, events

    async def read(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(conn, *args)`` on a read connection."""
        async with self.engine.connect() as conn:
            return await conn.run_sync(fn, *args)

    async def list_cases(
        self, limit: int, before_id: int | None = None, scope: frozenset[str] | None = None
    ) -> list[m.CaseRecord]:
        """The newest cases (before ``before_id``); with a ``scope`` (a unit's subtree) only those
        whose lead or co-handling unit is in it."""
        if not 1 <= limit <= 1000:
            raise invalid("limit", "limit must be between 1 and 1000")
        query = sa.select(schema.cases).order_by(schema.cases.c.id.desc()).limit(limit)
        if before_id is not None:
            query = query.where(schema.cases.c.id < before_id)
        if scope is not None:
            query = query.where(in_scope(scope))
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [case_from_row(r) for r in rows]

    async def count_cases(self) -> int:
        async with self.engine.connect() as conn:
            return int(
                (await conn.execute(sa.select(sa.func.count()).select_from(schema.cases))).scalar_one()
            )

    # --- events -----------------------------------------------------------------------------------

    async def last_seq(self) -> int:
        async with self.engine.connect() as conn:
            return int((await conn.execute(sa.select(sa.func.max(schema.events.c.seq)))).scalar() or 0)

    async def first_seq(self) -> int:
        async with self.engine.connect() as conn:
            return int((await conn.execute(sa.select(sa.func.min(schema.events.c.seq)))).scalar() or 0)

    async def events_after(self, seq: int, limit: int) -> list[StoredEvent]:
        query = (
            sa.select(schema.events)
            .where(schema.events.c.seq > seq)
            .order_by(schema.events.c.seq)
            .limit(limit)
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [StoredEvent(r.seq, r.type, r.ts, r.payload.encode()) for r in rows]

    def _publish(self, event: StoredEvent) -> None:
        for sink in self._sinks:
            sink(event)
