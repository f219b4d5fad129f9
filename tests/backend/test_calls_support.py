"""Helpers of the calls tests (no tests here): a server with the call center on a fake clock, and seats
that are real SeatClients recording every event they receive."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from backend.calls.center import CallCenter
from backend.calls.simulator import CallSimulator
from backend.seed import seed_demo
from backend.server import Server
from backend.store import Store
from client_api.calls_api import CallsApi
from client_api.calls_messages import Call, CallList, OperatorState
from client_api.client import Event, SeatClient
from tests.backend.wire import log_in

# A working morning, local time: the KPIs count "today" from local midnight.
MORNING = dt.datetime(2026, 3, 2, 9, 0, 0).timestamp()


class FakeClock:
    """The call center's clock; tests move it instead of sleeping."""

    def __init__(self, now: float = MORNING) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


class Hotline:
    """A started in-process server with a call center (and a simulator unless ``simulate=False``)."""

    def __init__(self, server: Server, center: CallCenter, clock: FakeClock) -> None:
        self.server = server
        self.center = center
        self.clock = clock
        self.seats: list[Seat] = []

    @property
    def store(self) -> Store:
        return self.server.store

    async def seat(self, username: str, seat_id: str) -> Seat:
        seat = Seat(self.server.url)
        self.seats.append(seat)
        await seat.open(username, seat_id)
        return seat

    async def settle(self) -> CallList:
        """Run a distribution round and publish pending KPIs now; return the calls and operators after it.
        Until the next change, the event log then stays as it is."""
        await self.center.tick()
        await self.center.flush_kpis()
        return await self.center.snapshot()


@contextlib.contextmanager
def hotline_server(
    aio: Any,
    url: str,
    *,
    simulate: bool = True,
    ring_timeout: float = 15.0,
    wrap_up: float = 30.0,
    patience: float = 0.0,
    interval: float = 0.0,
) -> Iterator[Hotline]:
    """A seeded store at ``url`` served with a call center on a fake clock."""
    store = aio.run(Store.open(url))
    clock = FakeClock()
    center = CallCenter(ring_timeout=ring_timeout, wrap_up=wrap_up, clock=clock, kpi_interval=0.0)
    services: list[Any] = [center]
    if simulate:
        services.append(CallSimulator(center, interval=interval, patience=patience))
    server = Server(store, port=0, services=services)
    hotline = Hotline(server, center, clock)
    try:
        assert aio.run(seed_demo(store)) is True
        aio.run(server.start())
        yield hotline
    finally:
        for seat in hotline.seats:
            aio.run(seat.client.close())
        aio.run(server.close())
        aio.run(store.close())


class Seat:
    """A logged-in SeatClient with the calls API and the list of events it received."""

    def __init__(self, url: str) -> None:
        self.client = SeatClient(url)
        self.api = CallsApi(self.client)
        self.events: list[Event] = []
        self._arrived = asyncio.Event()
        self.client.add_event_listener(self._on_event)

    def _on_event(self, event: Event) -> None:
        self.events.append(event)
        self._arrived.set()

    async def open(self, username: str, seat_id: str) -> None:
        await log_in(self.client, seat_id, username)

    async def wait_for(self, match: Callable[[Event], bool], after: int = 0, timeout: float = 5.0) -> Event:
        """The first event from index ``after`` on that ``match``es, waiting for it if need be."""

        async def scan() -> Event:
            seen = after
            while True:
                for event in self.events[seen:]:
                    if match(event):
                        return event
                seen = len(self.events)
                self._arrived.clear()
                await self._arrived.wait()

        return await asyncio.wait_for(scan(), timeout)

    async def wait_call(self, call_id: int, after: int = 0, **fields: Any) -> Call:
        """The first ``call.updated`` of ``call_id`` whose call has ``fields``."""
        event = await self.wait_for(
            lambda e: (
                e.type == "call.updated"
                and e.payload.call.id == call_id
                and all(getattr(e.payload.call, k) == v for k, v in fields.items())
            ),
            after,
        )
        call: Call = event.payload.call
        return call

    async def wait_operator(self, username: str, after: int = 0, **fields: Any) -> OperatorState:
        event = await self.wait_for(
            lambda e: (
                e.type == "operator.state"
                and e.payload.username == username
                and all(getattr(e.payload, k) == v for k, v in fields.items())
            ),
            after,
        )
        state: OperatorState = event.payload
        return state


def call_by_id(snapshot: CallList, call_id: int) -> Call:
    return next(c for c in snapshot.calls if c.id == call_id)


def operator_by_name(snapshot: CallList, username: str) -> OperatorState:
    return next(o for o in snapshot.operators if o.username == username)
