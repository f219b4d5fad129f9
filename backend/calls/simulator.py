"""The call simulator (drills and demos; off in production): scripted callers ring the hotline.

It places calls on request (``sim.place_call``) and, with an interval, on its own; a simulated caller
who waits longer than ``patience`` hangs up (an abandoned call for the KPIs).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from typing import TYPE_CHECKING

import sqlalchemy as sa

from backend.calls.center import CallCenter, finish, wait_event
from backend.calls.demo_callers import DEMO_CALLERS
from backend.calls.records import calls, load_call
from client_api.calls_messages import Call
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.server import Server

log = logging.getLogger("backend.calls.sim")

PATIENCE_CHECK_S = 1.0  # how often waiting callers look at their watch


class CallSimulator:
    """A Service working through ``center``. ``interval`` seconds between own calls (0: only on
    request); ``patience`` seconds a caller waits before hanging up (0: forever)."""

    def __init__(
        self,
        center: CallCenter,
        *,
        interval: float = 0.0,
        patience: float = 0.0,
        rng: random.Random | None = None,
    ) -> None:
        if interval < 0 or patience < 0:
            raise ValueError("interval and patience must not be negative")
        self.center = center
        self.interval = interval
        self.patience = patience
        self._rng = rng or random.Random()
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()
        self.running = False

    async def start(self, server: Server) -> None:
        self.running = True
        self._stop.clear()
        if self.interval > 0 or self.patience > 0:
            self._task = asyncio.create_task(self._run(), name="call-simulator")

    async def stop(self) -> None:
        self.running = False
        task, self._task = self._task, None
        if task is not None:
            self._stop.set()  # ends after the current round: a call is never placed halfway
            await finish(task)

    async def place(self, caller_number: str = "", opening: str = "") -> Call:
        """Place a simulated call; a missing number or opening comes from the demo callers."""
        number, script = self._rng.choice(DEMO_CALLERS)
        if caller_number.strip():
            number = caller_number
            script = opening  # a number of the trainer's own gets no scripted words unless given
        return await self.center.place_call(number, opening.strip() or script, simulated=True)

    async def caller_hangup(self, call_id: int) -> Call:
        """The simulated caller hangs up; a real caller's call is out of the simulator's reach."""
        async with self.center.store.engine.connect() as conn:
            call = await conn.run_sync(load_call, call_id)
        if not call.simulated:
            raise ProtocolError(
                ErrorCode.FORBIDDEN,
                f"call {call.id} is a real call, not a simulated one",
                {"field": "call_id"},
            )
        return await self.center.caller_hangup(call_id)

    async def _run(self) -> None:
        next_call = time.monotonic() + self.interval
        while not self._stop.is_set():
            try:
                if self.interval > 0 and time.monotonic() >= next_call:
                    next_call = time.monotonic() + self.interval
                    await self.place()
                if self.patience > 0:
                    await self._give_up_waiting()
            except Exception:
                log.exception("the call simulator failed; going on")
            delay = PATIENCE_CHECK_S if self.patience > 0 else max(0.0, next_call - time.monotonic())
            await wait_event(self._stop, delay)

    async def _give_up_waiting(self) -> None:
        """Simulated callers still unanswered after ``patience`` hang up."""
        cutoff = self.center.clock() - self.patience
        query = sa.select(calls.c.id).where(
            calls.c.state == "ringing",
            calls.c.simulated.is_(True),
            calls.c.answered_at.is_(None),
            calls.c.queued_at <= cutoff,
        )
        async with self.center.store.engine.connect() as conn:
            ids = (await conn.execute(query)).scalars().all()
        for call_id in ids:
            with contextlib.suppress(ProtocolError):  # answered meanwhile: the caller stays
                await self.center.caller_hangup(call_id, only_waiting=True)


def simulator_of(server: Server) -> CallSimulator:
    """The server's running call simulator, or unavailable."""
    for service in server.services:
        if isinstance(service, CallSimulator) and service.running:
            return service
    raise ProtocolError(
        ErrorCode.UNAVAILABLE,
        "the call simulator is off on this backend (start it with --simulate-calls)",
    )
