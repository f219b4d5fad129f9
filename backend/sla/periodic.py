"""A Service that runs ``tick()`` every ``interval`` seconds until stopped (the SLA watcher, the
department simulator)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from backend.calls.center import finish

if TYPE_CHECKING:
    from backend.server import Server
    from backend.store import Store

log = logging.getLogger("backend.sla")


class Periodic:
    """Subclasses give ``tick()``; a tick that fails is logged and the next one runs as usual.
    ``store`` lets tests tick without a running server; ``start`` takes the server's."""

    name = "periodic"

    def __init__(self, interval: float, store: Store | None = None) -> None:
        if not interval > 0:
            raise ValueError("the interval must be positive")
        self.interval = interval
        self._store = store
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError(f"{self.name} has no store: start it first")
        return self._store

    async def start(self, server: Server) -> None:
        self._store = server.store
        self._stop.clear()
        self._task = asyncio.create_task(self._run(), name=self.name)

    async def stop(self) -> None:
        """The loop ends after its current tick rather than in the middle of a write."""
        task, self._task = self._task, None
        if task is not None:
            self._stop.set()
            await finish(task)

    async def tick(self, now: float | None = None) -> object:
        raise NotImplementedError

    async def _run(self) -> None:
        while not self._stop.is_set():
            try:
                await self.tick()
            except Exception:
                log.exception("%s: a tick failed", self.name)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.interval)
