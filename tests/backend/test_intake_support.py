"""Helpers of the intake tests (no tests here): a served store, seats with the intake API, case writes."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import sqlalchemy as sa

from backend import schema
from backend.intake.areas import Grid, grid_map
from backend.server import Server
from backend.store import Store
from client_api import messages as m
from client_api.client import Event, SeatClient
from client_api.intake_api import IntakeApi
from tests.backend.wire import log_in

OPERATOR = m.Operator("operator1", "话务员 王芳", "operator")
SUPERVISOR = m.Operator("supervisor1", "值班长 陈静", "supervisor")

# Two points in 滨江社区第1网格 about 50 m apart, and one about 500 m east of the first.
HOME = (31.3366, 120.5405)
NEXT_DOOR = (31.3366, 120.54103)
FURTHER = (31.3366, 120.5458)


@contextlib.contextmanager
def served(aio: Any, store: Store) -> Iterator[Server]:
    """An in-process server on ``store`` (already seeded), started and closed around the block."""
    server = Server(store, port=0)
    aio.run(server.start())
    try:
        yield server
    finally:
        aio.run(server.close())


class Seat:
    """A logged-in SeatClient with the intake API and the events it received."""

    def __init__(self, url: str) -> None:
        self.client = SeatClient(url)
        self.api = IntakeApi(self.client)
        self.events: list[Event] = []
        self._arrived = asyncio.Event()
        self.client.add_event_listener(self._on_event)

    def _on_event(self, event: Event) -> None:
        self.events.append(event)
        self._arrived.set()

    async def wait_for(self, match: Callable[[Event], bool], timeout: float = 5.0) -> Event:
        async def scan() -> Event:
            seen = 0
            while True:
                for event in self.events[seen:]:
                    if match(event):
                        return event
                seen = len(self.events)
                self._arrived.clear()
                await self._arrived.wait()

        return await asyncio.wait_for(scan(), timeout)


@contextlib.asynccontextmanager
async def seats(server: Server, *accounts: str) -> AsyncIterator[list[Seat]]:
    """One logged-in, subscribed seat per account name (seat ids S1, S2, …)."""
    opened = [Seat(server.url) for _ in accounts]
    try:
        for index, (seat, username) in enumerate(zip(opened, accounts, strict=True), 1):
            await log_in(seat.client, f"S{index}", username)
        yield opened
    finally:
        for seat in opened:
            await seat.client.close()


def new_case(description: str = "自来水管破裂，路面积水", **over: Any) -> m.CreateCase:
    fields: dict[str, Any] = {"category_code": "E0502", "address": "滨江路 8 号", "description": description}
    return m.CreateCase(**(fields | over))


def create(aio: Any, store: Store, description: str = "自来水管破裂，路面积水", **over: Any) -> m.CaseRecord:
    return aio.run(store.create_case(new_case(description, **over), OPERATOR, "S1"))


def update_case(aio: Any, store: Store, case_id: int, **values: Any) -> None:
    """Change a case behind the backend's back (age it, close it) to set up a test."""

    async def run() -> None:
        async with store.engine.begin() as conn:
            await conn.execute(sa.update(schema.cases).where(schema.cases.c.id == case_id).values(**values))

    aio.run(run())


def rows(aio: Any, store: Store, table: sa.Table, *where: Any) -> list[Any]:
    async def run() -> list[Any]:
        async with store.engine.connect() as conn:
            return list((await conn.execute(sa.select(table).where(*where).order_by(table.c.id))).all())

    return aio.run(run())


def count(aio: Any, store: Store, table: sa.Table) -> int:
    async def run() -> int:
        async with store.engine.connect() as conn:
            return int((await conn.execute(sa.select(sa.func.count()).select_from(table))).scalar_one())

    return aio.run(run())


def inside(grid: Grid) -> tuple[float, float]:
    """A point inside a grid polygon: the centroid of its outer ring (the demo grids are near-convex)."""
    ring = grid.rings[0][:-1]
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return cy / (3 * area), cx / (3 * area)  # (lat, lon)


def grid_point(grid_code: str) -> tuple[float, float]:
    return inside(grid_map().by_code[grid_code])
