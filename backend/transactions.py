"""Write transactions as one unit of work.

A write is a plain function ``fn(conn, *args)`` on a sync SQLAlchemy connection. For a SQLite file it
runs as a single job on a worker thread, on its own sync engine: aiosqlite would make about four thread
round trips per statement, and under load one slow round trip spoils a command's latency (see
``bench/fanout.py``). For other databases it runs through ``run_sync`` on the async engine.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from backend.database import sqlite_pragmas

T = TypeVar("T")


class Transactor:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._writer: sa.Engine | None = None
        database = engine.url.database
        if engine.dialect.name == "sqlite" and database not in (None, "", ":memory:"):
            # One connection: the store's write lock serialises writers anyway; WAL lets the async
            # engine's readers go on meanwhile.
            self._writer = sa.create_engine(engine.url.set(drivername="sqlite"), pool_size=1, max_overflow=0)
            sa.event.listen(self._writer, "connect", sqlite_pragmas)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(conn, *args)`` in one transaction; it commits if ``fn`` returns, else rolls back."""
        if self._writer is not None:
            return await asyncio.to_thread(_in_transaction, self._writer, fn, *args)
        async with self._engine.begin() as conn:
            return await conn.run_sync(fn, *args)

    def dispose(self) -> None:
        if self._writer is not None:
            self._writer.dispose()


def _in_transaction(engine: sa.Engine, fn: Callable[..., T], *args: Any) -> T:
    with engine.begin() as conn:
        return fn(conn, *args)
