"""Scenario time and the timer that fires what is due on it.

Scenario time is the elapsed scenario seconds at the last anchor plus ``speed`` × the wall seconds
since; pause, resume and a speed change re-anchor, so what is due later shifts with them. The
``Timer`` is one task that sleeps until the next item is due (no polling with coarse ticks) and hands
each due item to its callback with the wall time it was due at; a re-anchor wakes it to look again.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import heapq
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(slots=True)
class ScenarioClock:
    """Attributes: speed (scenario seconds per wall second), elapsed_s at ``anchor`` (a wall time),
    running (scenario time stands still while paused)."""

    speed: float
    elapsed_s: float = 0.0
    anchor: float = 0.0
    running: bool = True

    def elapsed(self, now: float) -> float:
        """Scenario seconds at wall time ``now``."""
        if not self.running:
            return self.elapsed_s
        return self.elapsed_s + self.speed * max(0.0, now - self.anchor)

    def wall_time(self, t: float) -> float | None:
        """The wall time scenario time ``t`` is (or was) reached at; None while paused."""
        if not self.running:
            return None
        return self.anchor + (t - self.elapsed_s) / self.speed

    def wall_seconds(self, scenario_s: float) -> float:
        """How many wall seconds ``scenario_s`` scenario seconds take at the current speed."""
        return scenario_s / self.speed

    def pause(self, now: float) -> None:
        self.elapsed_s, self.anchor, self.running = self.elapsed(now), now, False

    def resume(self, now: float) -> None:
        self.anchor, self.running = now, True

    def set_speed(self, speed: float, now: float) -> None:
        self.elapsed_s, self.anchor, self.speed = self.elapsed(now), now, speed


@dataclass(order=True, slots=True)
class _Entry(Generic[T]):
    t: float
    order: int
    item: T = field(compare=False)


class Timer(Generic[T]):
    """Fires items at their scenario time on ``clock``: ``fire(item, t, scheduled_at)`` is called in the
    timer's task when an item is due, in order of time (then of adding). ``fire`` must not block: it
    hands the work on. Call ``changed()`` after re-anchoring the clock."""

    def __init__(
        self,
        clock: ScenarioClock,
        fire: Callable[[T, float, float], None],
        now: Callable[[], float] = time.time,
        name: str = "drill-timer",
    ) -> None:
        self.clock = clock
        self._fire = fire
        self._now = now
        self._name = name
        self._heap: list[_Entry[T]] = []
        self._order = itertools.count()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def __len__(self) -> int:
        return len(self._heap)

    def add(self, t: float, item: T) -> None:
        heapq.heappush(self._heap, _Entry(t, next(self._order), item))
        self._wake.set()

    def changed(self) -> None:
        """The clock was re-anchored (pause, resume, speed): look again at what is due when."""
        self._wake.set()

    def start(self) -> None:
        # A fresh context: the task must not write under the audit scope of the request that started it.
        self._task = asyncio.get_running_loop().create_task(
            self._run(), name=self._name, context=contextvars.Context()
        )

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            due_at = self.clock.wall_time(self._heap[0].t) if self._heap else None
            if due_at is None:  # nothing to do, or paused
                await self._wake.wait()
                continue
            delay = due_at - self._now()
            if delay > 0:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(delay):
                        await self._wake.wait()
                continue
            entry = heapq.heappop(self._heap)
            self._fire(entry.item, entry.t, due_at)
