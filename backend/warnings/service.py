"""The warning service: runs the rules engine beside the server. Readings come in through
``ingest`` (the ``readings.ingest`` handler, the HTTP endpoint, the sensor generators); cases, calls and
overdue notices through the store's events (the sink only enqueues, a task of our own feeds the engine);
a periodic scan finds stages about to be overdue. Firings are written as alerts (``alert.raised``)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from backend.events import StoredEvent
from backend.warnings import history
from backend.warnings.alert_writer import draft_of, write_alerts
from backend.warnings.catalog import Catalog, demo_catalog
from backend.warnings.engine import WarningEngine
from backend.warnings.event_feed import WATCHED, EventFeed
from backend.warnings.firing import Firing
from backend.warnings.ingest import Ingested, ingest_readings
from backend.warnings.readings import ReadingChecker
from backend.warnings.rule_store import list_rules, seed_rules
from client_api.alert_messages import AlertRecord, Reading, ReadingsIngested, WarningRule
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.server import Server

log = logging.getLogger("backend.warnings")

CHUNK = 1000  # readings fed between two yields to the event loop
DEFAULT_SCAN_INTERVAL = 30.0


class WarningService:
    """A Service. Attributes: engine (once started), running."""

    name = "warnings"

    def __init__(
        self,
        catalog: Catalog | None = None,
        scan_interval: float = DEFAULT_SCAN_INTERVAL,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not scan_interval > 0:
            raise ValueError("the scan interval must be positive")
        self.catalog = catalog or demo_catalog()
        self.scan_interval = scan_interval
        self.clock = clock
        self.running = False
        self._server: Server | None = None
        self._engine: WarningEngine | None = None
        self.checker = ReadingChecker(self.catalog)
        self._queue: asyncio.Queue[StoredEvent] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []
        self._inflight: set[asyncio.Task[object]] = set()  # writes a stop must let finish
        self._sink_added = False
        self._feed = EventFeed()

    @property
    def engine(self) -> WarningEngine:
        if self._engine is None:
            raise RuntimeError("the warning service has not started")
        return self._engine

    @property
    def server(self) -> Server:
        if self._server is None:
            raise RuntimeError("the warning service has not started")
        return self._server

    async def start(self, server: Server) -> None:
        self._server = server
        store = server.store
        await store.run_write(seed_rules)
        rules: list[WarningRule] = await store.read(list_rules)
        names = await store.read(history.load_names)
        self._engine = WarningEngine(self.catalog, names, rules)
        if not self._sink_added:  # before priming: events of later cases queue up meanwhile
            store.add_sink(self._on_event)
            self._sink_added = True
        self.running = True
        await self._feed.prime(store, self._engine, self.clock())
        self._tasks = [
            asyncio.create_task(self._consume(), name="warnings-events"),
            asyncio.create_task(self._scan_loop(), name="warnings-scan"),
        ]
        log.info("warning models running: %s", ", ".join(r.name for r in rules if r.enabled))

    async def stop(self) -> None:
        """The loops end at once; a batch being written is finished first (never cut mid-commit)."""
        self.running = False
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        for inflight in list(self._inflight):
            with contextlib.suppress(Exception):
                await inflight

    async def _guarded(self, coro: Coroutine[Any, Any, object]) -> None:
        """Run ``coro`` so that cancelling the caller does not cut it short."""
        task = asyncio.ensure_future(coro)
        self._inflight.add(task)
        task.add_done_callback(self._inflight.discard)
        await asyncio.shield(task)

    # --- the ways in ------------------------------------------------------------------------------

    def apply_rule(self, rule: WarningRule) -> None:
        """A rule saved by a supervisor: in effect for the next item."""
        self.engine.apply_rule(rule)

    async def ingest(self, readings: list[Reading], now: float | None = None) -> ReadingsIngested:
        """Check and feed ``readings``; raise the alerts they fire (one transaction)."""
        at = self.clock() if now is None else now
        done = Ingested()
        for start in range(0, len(readings), CHUNK):
            if start:
                await asyncio.sleep(0)  # let the server breathe between chunks
            ingest_readings(self.engine, self.checker, readings[start : start + CHUNK], at, done, start)
        alerts = await self.raise_alerts(done.firings, at)
        return ReadingsIngested(accepted=done.accepted, rejected=done.rejected, alerts=[a.id for a in alerts])

    async def raise_alerts(self, firings: list[Firing], now: float | None = None) -> list[AlertRecord]:
        if not firings:
            return []
        at = self.clock() if now is None else now
        server = self.server
        drafts = [draft_of(f, node=server.node, exercise=server.exercise, now=at) for f in firings]
        records: list[AlertRecord] = await server.store.run_write(write_alerts, drafts, at)
        return records

    async def scan(self, now: float | None = None) -> list[AlertRecord]:
        """Look for stages about to be overdue now; the alerts raised."""
        at = self.clock() if now is None else now
        ratio = self.engine.due_soon_ratio()
        if ratio is None:
            return []
        cases = await self.server.store.read(history.due_soon_cases, ratio, at)
        return await self.raise_alerts(self.engine.scan_due_soon(cases, at), at)

    async def settle(self) -> None:
        """Wait until the events queued so far have been fed and their alerts written (tests, tools)."""
        await self._queue.join()

    # --- events -----------------------------------------------------------------------------------

    def _on_event(self, event: StoredEvent) -> None:
        """The store's sink: runs under its write lock, so only enqueue."""
        if self.running and event.type in WATCHED:
            self._queue.put_nowait(event)

    async def _consume(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while not self._queue.empty() and len(batch) < 500:
                batch.append(self._queue.get_nowait())
            await self._guarded(self._process(batch))

    async def _process(self, batch: list[StoredEvent]) -> None:
        try:
            firings: list[Firing] = []
            for event in batch:
                firings += await self._feed.feed(self.server.store, self.engine, event, self.clock())
            await self.raise_alerts(firings)
        except Exception:  # one bad event must not stop the models
            log.exception("warning models: events %s…%s failed", batch[0].seq, batch[-1].seq)
        finally:
            for _ in batch:
                self._queue.task_done()

    async def _scan_loop(self) -> None:
        while True:
            await self._guarded(self._scan_once())
            await asyncio.sleep(self.scan_interval)

    async def _scan_once(self) -> None:
        try:
            await self.scan()
        except Exception:
            log.exception("warning models: the due-soon scan failed")


def warnings_of(server: Server) -> WarningService:
    """The server's running warning service, or unavailable."""
    for service in server.services:
        if isinstance(service, WarningService) and service.running:
            return service
    raise ProtocolError(ErrorCode.UNAVAILABLE, "the warning models are not running on this backend")
