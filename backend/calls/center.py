"""The call center service: distributes hotline calls to ready seats and follows operator presence.

Every change is one transaction with its events (see ``acd``, ``call_writes``, ``operator_writes``);
this class only validates requests, runs those transactions and keeps one background loop that runs
the distribution after every change and at the next ring or wrap-up deadline. A telephony adapter
(a PBX, or the simulator) feeds calls in with ``place_call`` and ``caller_hangup``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from backend.calls import acd, call_writes, operator_writes
from backend.calls.kpi import compute, kpi_event
from backend.calls.records import (
    MAX_OPENING,
    MAX_SEAT_ID,
    all_operators,
    checked_phone,
    invalid,
    open_calls,
    run_write,
)
from backend.events import StoredEvent
from backend.permissions import HOTLINE
from client_api.calls_messages import Call, CallList, HotlineKpis, OperatorState
from client_api.errors import ErrorCode, ProtocolError
from client_api.messages import Operator

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server
    from backend.store import Store

log = logging.getLogger("backend.calls")

T = TypeVar("T")

MAX_SLEEP = 5.0  # the loop looks again at least this often, whatever the clock does
STOP_TIMEOUT = 10.0


class CallCenter:
    """A Service. ``clock`` gives the time of every change (inject one in tests); ``ring_timeout`` and
    ``wrap_up`` are seconds on that clock. KPI events go out at most every ``kpi_interval`` real
    seconds, the first one after a quiet spell at once."""

    def __init__(
        self,
        *,
        ring_timeout: float = 15.0,
        wrap_up: float = 30.0,
        clock: Callable[[], float] = time.time,
        kpi_interval: float = 1.0,
    ) -> None:
        if ring_timeout <= 0 or wrap_up < 0 or kpi_interval < 0:
            raise ValueError("ring_timeout must be positive, wrap_up and kpi_interval not negative")
        self.ring_timeout = ring_timeout
        self.wrap_up = wrap_up
        self.clock = clock
        self.kpi_interval = kpi_interval
        self._server: Server | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._wake = asyncio.Event()
        self._sessions: dict[Peer, str] = {}  # logged-in hotline peers → username
        self._kpi_dirty = False
        self._kpi_sent = -math.inf
        self._kpi_lock = asyncio.Lock()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def store(self) -> Store:
        if self._server is None:
            raise ProtocolError(ErrorCode.UNAVAILABLE, "the call center is not running on this backend")
        return self._server.store

    # --- service ------------------------------------------------------------------------------------

    async def start(self, server: Server) -> None:
        self._server = server
        self._stopping = False
        server.session_hooks.append(self._on_session)
        await self._write(operator_writes.all_offline, self.clock())  # nobody is connected yet
        self._task = asyncio.create_task(self._run(), name="call-center")

    async def stop(self) -> None:
        """The loop ends after its current round rather than being cancelled in the middle of a write."""
        if self._server is not None:
            self._server.session_hooks.remove(self._on_session)
        task, self._task = self._task, None
        if task is not None:
            self._stopping = True
            self._wake.set()
            await finish(task)
        self._server = None

    # --- calls coming in from the telephony side ----------------------------------------------------

    async def place_call(
        self, caller_number: str, opening: str | None = None, *, simulated: bool = False
    ) -> Call:
        """A new call joins the queue."""
        number = checked_phone(caller_number, "caller_number")
        opening = (opening or "").strip() or None
        if opening is not None and len(opening) > MAX_OPENING:
            raise invalid("opening", f"the opening is longer than {MAX_OPENING} characters")
        return await self._write(call_writes.insert_call, number, opening, simulated, self.clock())

    async def caller_hangup(self, call_id: int, *, only_waiting: bool = False) -> Call:
        """The caller hangs up; ``only_waiting`` refuses if the call was answered meanwhile."""
        return await self._write(call_writes.caller_hangup, call_id, self.clock(), only_waiting)

    # --- what seats do ------------------------------------------------------------------------------

    async def set_state(
        self, operator: Operator, seat_id: str, state: str, reason: str | None
    ) -> OperatorState:
        state, reason = operator_writes.checked_request(state, reason)
        return await self._write(
            operator_writes.request_state, operator.username, seat_id, state, reason, self.clock()
        )

    async def answer(self, operator: Operator, seat_id: str, call_id: int) -> Call:
        return await self._write(call_writes.answer, call_id, operator.username, seat_id, self.clock())

    async def hold(self, seat_id: str, call_id: int, on: bool) -> Call:
        return await self._write(call_writes.hold, call_id, on, seat_id, self.clock())

    async def hangup(self, operator: Operator, seat_id: str, call_id: int) -> Call:
        return await self._write(call_writes.hangup, call_id, operator.username, seat_id, self.clock())

    async def transfer(
        self, operator: Operator, seat_id: str, call_id: int, to_seat: str | None, to_number: str | None
    ) -> Call:
        """To another seat (it rings there) or to an outside number (the call is over here)."""
        if (to_seat is None) == (to_number is None):
            raise invalid("to_seat", "give exactly one of to_seat and to_number")
        if to_number is not None:
            number = checked_phone(to_number, "to_number")
            return await self._write(
                call_writes.transfer_to_number, call_id, number, operator.username, seat_id, self.clock()
            )
        target = (to_seat or "").strip()
        if not target or len(target) > MAX_SEAT_ID:
            raise invalid("to_seat", f"the seat id must have 1 to {MAX_SEAT_ID} characters")
        return await self._write(
            call_writes.transfer_to_seat, call_id, target, operator.username, seat_id, self.clock()
        )

    # --- reads --------------------------------------------------------------------------------------

    async def snapshot(self) -> CallList:
        """Open calls and operator states, consistent with the returned ``last_seq``."""
        store = self.store
        async with store.write_lock, store.engine.connect() as conn:
            calls = await conn.run_sync(open_calls)
            operators = await conn.run_sync(all_operators)
            last = await store.last_seq()
        return CallList(calls=calls, operators=operators, last_seq=last)

    async def kpis(self) -> HotlineKpis:
        async with self.store.engine.connect() as conn:
            return await conn.run_sync(compute, self.clock())

    # --- distribution -------------------------------------------------------------------------------

    async def tick(self) -> float | None:
        """One round of distribution now; returns the next deadline. The loop runs it; tests may too."""
        return await self._write(acd.tick, self.clock(), self.ring_timeout, self.wrap_up)

    async def _write(self, fn: Callable[..., tuple[T, list[StoredEvent]]], *args: Any) -> T:
        result, events = await run_write(self.store, fn, *args)
        if events:
            self._wake.set()  # any change may let a call go to a seat
            self._kpi_dirty = self._kpi_dirty or any(ev.type == "call.updated" for ev in events)
        return result

    async def _run(self) -> None:
        while not self._stopping:
            self._wake.clear()
            timeout = MAX_SLEEP
            try:
                deadline = await self.tick()
                if deadline is not None:
                    timeout = min(MAX_SLEEP, max(0.0, deadline - self.clock()))
                async with self._kpi_lock:
                    due = self._kpi_sent + self.kpi_interval - time.monotonic()
                    if self._kpi_dirty and due <= 0:
                        await self._publish_kpis()
                    elif self._kpi_dirty:
                        timeout = min(timeout, due)
            except Exception:
                log.exception("call distribution failed; trying again")
            await wait_event(self._wake, timeout)

    async def flush_kpis(self) -> None:
        """Publish the KPI event a change is still waiting for, now; once it returns none is pending."""
        async with self._kpi_lock:
            if self._kpi_dirty:
                await self._publish_kpis()

    async def _publish_kpis(self) -> None:
        """Under ``_kpi_lock``, so that after a flush no publication is still on its way."""
        self._kpi_dirty = False
        self._kpi_sent = time.monotonic()
        await run_write(self.store, kpi_event, self.clock())

    # --- presence -----------------------------------------------------------------------------------

    async def _on_session(self, peer: Peer, what: str) -> None:
        """Login: the operator is away until ready. Logout or closed: offline, unless still logged in
        on another connection (a seat that reconnects before the old connection is noticed dead)."""
        previous = self._sessions.pop(peer, None)
        operator, seat_id = peer.operator, peer.seat_id
        if what == "login" and operator is not None and seat_id and operator.role in HOTLINE:
            self._sessions[peer] = operator.username
        if previous is not None and previous not in self._sessions.values():
            await self._write(operator_writes.session_end, previous, self.clock())
        if peer in self._sessions and operator is not None and seat_id:
            await self._write(operator_writes.session_start, operator.username, seat_id, self.clock())


async def wait_event(event: asyncio.Event, timeout: float) -> None:
    """Until ``event`` is set or ``timeout`` passed. (Not ``asyncio.wait_for``: on Python 3.11 it can
    swallow a cancellation that arrives as the event is set, and the task would never end.)"""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(timeout):
            await event.wait()


async def finish(task: asyncio.Task[None]) -> None:
    """Wait for a service's task to end by itself; cancel it if it does not within STOP_TIMEOUT."""
    try:
        async with asyncio.timeout(STOP_TIMEOUT):
            await asyncio.shield(task)
    except TimeoutError:
        log.warning("%s did not stop in %s s; cancelling it", task.get_name(), STOP_TIMEOUT)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def center_of(server: Server) -> CallCenter:
    """The server's running call center, or unavailable."""
    for service in server.services:
        if isinstance(service, CallCenter) and service.running:
            return service
    raise ProtocolError(ErrorCode.UNAVAILABLE, "the call center is not running on this backend")
