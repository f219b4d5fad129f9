"""The backend's store: every read and write of the database goes through here.

Writes are serialised by one lock so that event sequence numbers are handed out, committed and
published in the same order; an event is published only after its transaction committed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import msgspec
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from backend import migrate, schema
from backend.database import create_engine
from backend.passwords import verify_password
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError

MAX_ADDRESS = 512
MAX_DESCRIPTION = 4000


@dataclass(frozen=True, slots=True)
class StoredEvent:
    seq: int
    type: str
    ts: float
    payload: bytes


EventSink = Callable[[StoredEvent], None]


class Store:
    """Database access for the server. Create with ``await Store.open(url)``."""

    def __init__(self, engine: AsyncEngine, revision: str) -> None:
        self.engine = engine
        self.revision = revision
        self.write_lock = asyncio.Lock()
        self._sinks: list[EventSink] = []

    @classmethod
    async def open(cls, url: str) -> Store:
        engine = create_engine(url)
        revision = await migrate.upgrade(engine)
        return cls(engine, revision)

    async def close(self) -> None:
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
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(sa.select(schema.accounts).where(schema.accounts.c.username == username))
            ).first()
        if row is None:
            return None
        ok = await asyncio.to_thread(verify_password, row.password_hash, password)
        return m.Operator(row.username, row.display_name, row.role) if ok else None

    async def reference(self) -> m.Reference:
        async with self.engine.connect() as conn:
            areas = (await conn.execute(sa.select(schema.areas).order_by(schema.areas.c.code))).all()
            depts = (
                await conn.execute(sa.select(schema.departments).order_by(schema.departments.c.code))
            ).all()
            cats = (await conn.execute(sa.select(schema.categories).order_by(schema.categories.c.code))).all()
        return m.Reference(
            areas=[m.AreaNode(r.code, r.name, r.level, r.parent_code) for r in areas],
            departments=[m.Department(r.code, r.name, r.area_code, r.duty_phone) for r in depts],
            categories=[m.Category(r.code, r.name, r.kind, r.parent_code) for r in cats],
        )

    # --- cases ------------------------------------------------------------------------------------

    async def create_case(self, req: m.CreateCase, operator: m.Operator, seat_id: str) -> m.CaseRecord:
        address = req.address.strip()
        description = req.description.strip()
        if not address:
            raise _invalid("address", "the address is empty")
        if len(address) > MAX_ADDRESS:
            raise _invalid("address", f"the address is longer than {MAX_ADDRESS} characters")
        if not description:
            raise _invalid("description", "the description is empty")
        if len(description) > MAX_DESCRIPTION:
            raise _invalid("description", f"the description is longer than {MAX_DESCRIPTION} characters")
        async with self.write_lock:
            async with self.engine.begin() as conn:
                await self._check_exists(conn, schema.categories, req.category_code, "category_code")
                if req.grid_code is not None:
                    await self._check_exists(conn, schema.areas, req.grid_code, "grid_code")
                now = time.time()
                case_id = (
                    await conn.execute(
                        sa.insert(schema.cases)
                        .values(
                            case_no=f"tmp-{uuid.uuid4().hex[:28]}",
                            category_code=req.category_code,
                            address=address,
                            description=description,
                            grid_code=req.grid_code,
                            status="received",
                            created_at=now,
                            created_by=operator.username,
                            seat_id=seat_id,
                        )
                        .returning(schema.cases.c.id)
                    )
                ).scalar_one()
                case_no = f"{dt.datetime.fromtimestamp(now):%Y%m%d}{case_id:06d}"
                await conn.execute(
                    sa.update(schema.cases).where(schema.cases.c.id == case_id).values(case_no=case_no)
                )
                record = m.CaseRecord(
                    id=case_id,
                    case_no=case_no,
                    category_code=req.category_code,
                    address=address,
                    description=description,
                    status="received",
                    created_at=now,
                    created_by=operator.username,
                    seat_id=seat_id,
                    grid_code=req.grid_code,
                )
                event = await self._append_event(conn, "case.created", m.CaseCreatedEvent(case=record), now)
            self._publish(event)
        return record

    async def list_cases(self, limit: int, before_id: int | None = None) -> list[m.CaseRecord]:
        if not 1 <= limit <= 1000:
            raise _invalid("limit", "limit must be between 1 and 1000")
        query = sa.select(schema.cases).order_by(schema.cases.c.id.desc()).limit(limit)
        if before_id is not None:
            query = query.where(schema.cases.c.id < before_id)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [
            m.CaseRecord(
                id=r.id,
                case_no=r.case_no,
                category_code=r.category_code,
                address=r.address,
                description=r.description,
                status=r.status,
                created_at=r.created_at,
                created_by=r.created_by,
                seat_id=r.seat_id,
                grid_code=r.grid_code,
            )
            for r in rows
        ]

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

    async def _append_event(
        self, conn: AsyncConnection, type_: str, payload: msgspec.Struct, ts: float
    ) -> StoredEvent:
        data = msgspec.json.encode(payload)
        seq = (
            await conn.execute(
                sa.insert(schema.events)
                .values(type=type_, ts=ts, payload=data.decode())
                .returning(schema.events.c.seq)
            )
        ).scalar_one()
        return StoredEvent(int(seq), type_, ts, data)

    def _publish(self, event: StoredEvent) -> None:
        for sink in self._sinks:
            sink(event)

    @staticmethod
    async def _check_exists(conn: AsyncConnection, table: sa.Table, code: str, field: str) -> None:
        found = (await conn.execute(sa.select(table.c.code).where(table.c.code == code))).first()
        if found is None:
            raise _invalid(field, f"no {field.removesuffix('_code')} with code {code!r}")


def _invalid(field: str, message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.INVALID_FIELD, message, {"field": field})
