"""Carrying injects out. The timer hands each due item to the ``Firer``, which stamps the moment it went
out and queues it; one task of the firer carries the items out one after the other through what the
backend already does (inject_calls, inject_reports, inject_alerts, inject_units), so a slow write
never holds the timer up. Each inject is logged with its outcome (fired, skipped or failed, with the
reason) and announced as ``drill.injected``; an inject that fails is logged and the drill goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import sqlalchemy as sa

from backend.drill import drill_log, inject_alerts, inject_calls, inject_reports, inject_units
from backend.drill.inject_outcome import FireContext, FollowUp, Outcome, failed
from backend.drill.records import save_state
from backend.drill.scenario_model import Inject
from backend.events import StoredEvent, append_event
from client_api.drill_messages import InjectFired, LogEntry
from client_api.errors import ProtocolError

log = logging.getLogger("backend.drill")

Fire = Callable[[FireContext, Inject], Awaitable[Outcome]]
KINDS: dict[str, Fire] = {
    "call": inject_calls.fire_call,
    "report": inject_reports.fire_report,
    "message": inject_reports.fire_message,
    "readings": inject_alerts.fire_readings,
    "cap": inject_alerts.fire_cap,
    "radio": inject_units.fire_radio,
    "department_response": inject_units.fire_response,
}


class EndOfDrill:
    """The timer item at the scenario's duration."""


END = EndOfDrill()
TimerItem = Inject | FollowUp | EndOfDrill


@dataclass(frozen=True, slots=True)
class Due:
    item: TimerItem
    t: float  # scenario time it was due at
    scheduled_at: float  # wall time it was due at
    fired_at: float  # wall time the timer handed it on


async def carry_out(ctx: FireContext, inject: Inject) -> Outcome:
    """Fire one inject; a refusal or an error is its outcome, never an exception."""
    fire = KINDS.get(inject.kind)
    if fire is None:
        return failed(f"unknown inject kind {inject.kind!r}", f"未知的演练事件类型 {inject.kind}")
    try:
        return await fire(ctx, inject)
    except ProtocolError as exc:
        return failed(exc.message, f"{inject.id} 未能执行：{exc.message}")
    except Exception as exc:
        log.exception("drill %s: inject %s failed", ctx.run.id, inject.id)
        return failed(f"internal error: {exc}", f"{inject.id} 执行出错")


class Firer:
    """Carries out due items in order; ``on_end`` is called (once) when the end of the drill is due."""

    def __init__(self, ctx: FireContext, on_end: Callable[[], None]) -> None:
        self.ctx = ctx
        self._on_end = on_end
        self._queue: asyncio.Queue[Due | None] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._closing = False

    def due(self, item: TimerItem, t: float, scheduled_at: float) -> None:
        """The timer's callback: stamp the moment and queue (never blocks)."""
        self._queue.put_nowait(Due(item, t, scheduled_at, time.time()))

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(
            self._run(), name=f"drill-{self.ctx.run.id}-injects", context=contextvars.Context()
        )

    async def stop(self) -> None:
        """Ends after the item being carried out (a write is never cut short); the rest are dropped."""
        self._closing = True
        task, self._task = self._task, None
        if task is not None and task is not asyncio.current_task():
            self._queue.put_nowait(None)
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def settle(self) -> None:
        """Until the items queued so far are carried out (tests, tools)."""
        await self._queue.join()

    async def _run(self) -> None:
        while True:
            due = await self._queue.get()
            try:
                if due is None or self._closing:
                    if due is None:
                        return
                    continue
                await self._carry_out(due)
            except Exception:
                log.exception("drill %s: carrying out %r failed", self.ctx.run.id, due)
            finally:
                self._queue.task_done()

    async def _carry_out(self, due: Due) -> None:
        item = due.item
        if isinstance(item, EndOfDrill):
            self._closing = True
            self._on_end()
        elif isinstance(item, FollowUp):
            outcome = await item.act()
            if outcome is not None:
                await self.record(item.inject, outcome, "engine", due)
        else:
            outcome = await carry_out(self.ctx, item)
            self.ctx.run.fired += 1
            await self.record(item, outcome, "engine", due)

    async def fire_now(self, inject: Inject, actor: str) -> LogEntry:
        """A manual inject: carried out at once (in the caller's task), logged as manual."""
        now = time.time()
        t = self.ctx.run.t(now)
        outcome = await carry_out(self.ctx, inject)
        return await self.record(inject, outcome, actor, Due(inject, t, now, now), manual=True)

    async def record(
        self, inject: Inject, outcome: Outcome, actor: str, due: Due, manual: bool = False
    ) -> LogEntry:
        run = self.ctx.run
        done = time.time()
        data: dict[str, object] = {"outcome": outcome.status, "scheduled_t": round(due.t, 3)}
        if outcome.reason:
            data["reason"] = outcome.reason
        data["drift_ms"] = round((due.fired_at - due.scheduled_at) * 1000, 3)
        if manual:
            data["manual"] = True
        data.update(outcome.data)
        draft = drill_log.entry(
            run.t(done), done, actor, f"inject.{inject.kind}", outcome.summary, ref=inject.id, data=data
        )
        fired = InjectFired(
            drill_id=run.id,
            inject_id=inject.id,
            kind=inject.kind,
            t=round(due.t, 3),
            scheduled_at=due.scheduled_at,
            fired_at=due.fired_at,
        )
        state = run.snapshot(done)

        def events(conn: sa.Connection, _entries: list[LogEntry]) -> list[StoredEvent]:
            save_state(conn, state, False, done)
            return [append_event(conn, "drill.injected", fired, done)]

        [entry] = await run.log.write([draft], events)
        return entry
