"""The wall switcher: follows the store's events and lets the wall rules act on them. ``alert.raised``
and ``case.created`` go through alarm-linked switching (alarm.py); ``drill.started`` puts the drill
rules' presets on the wall. The sink only enqueues; a task of our own writes, so events are handled one
by one in order. Rules are kept from ``wall_rule.changed``, so an event no rule wants costs no write."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import msgspec

from backend.events import StoredEvent
from backend.wall.alarm import apply_rule_preset, switch
from backend.wall.incidents import Incident, alert_incident, case_incident, matches
from backend.wall.records import list_rules
from client_api import wall_messages as wm
from client_api.alert_messages import AlertEvent
from client_api.messages import CaseCreatedEvent

if TYPE_CHECKING:
    from backend.server import Server
    from backend.store import Store

log = logging.getLogger("backend.wall")

DRILL_STARTED = "drill.started"  # sent by the drill engine (client_api.drill_messages)
WATCHED = frozenset({"alert.raised", "case.created", DRILL_STARTED, "wall_rule.changed"})
_ALERT = msgspec.json.Decoder(AlertEvent)
_CASE = msgspec.json.Decoder(CaseCreatedEvent)
_RULES = msgspec.json.Decoder(wm.WallRulesChanged)


class WallSwitcher:
    """A Service. Attributes: rules (the wall rules as last seen), switched (wall versions it wrote)."""

    name = "wall-switcher"

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.rules: list[wm.WallRule] = []
        self.switched: list[int] = []
        self.running = False
        self._store: Store | None = None
        self._queue: asyncio.Queue[StoredEvent] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._sink_added = False

    async def start(self, server: Server) -> None:
        store = self._store = server.store
        if not self._sink_added:
            store.add_sink(self._on_event)
            self._sink_added = True
        self.running = True  # events from now on wait in the queue while the rules are read
        self.rules = await store.read(list_rules)
        self._task = asyncio.create_task(self._consume(), name=self.name)

    async def stop(self) -> None:
        """Ends after the event being handled (a write is never cut in the middle)."""
        self.running = False
        task, self._task = self._task, None
        if task is not None:
            self._queue.put_nowait(StoredEvent(0, "", 0.0, b""))  # wakes the loop to see it must end
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def settle(self) -> None:
        """Wait until the events queued so far are handled (tests, tools)."""
        await self._queue.join()

    def _on_event(self, event: StoredEvent) -> None:
        """The store's sink: runs under its write lock, so only enqueue."""
        if self.running and event.type in WATCHED:
            self._queue.put_nowait(event)

    async def _consume(self) -> None:
        while True:
            event = await self._queue.get()
            try:
                if not self.running:
                    return
                await self.handle(event)
            except Exception:
                log.exception("wall rules failed on %s #%d", event.type, event.seq)
            finally:
                self._queue.task_done()

    async def handle(self, event: StoredEvent) -> None:
        if event.type == "wall_rule.changed":
            self.rules = _RULES.decode(event.payload).rules
        elif event.type == "alert.raised":
            await self._incident(alert_incident(_ALERT.decode(event.payload).alert))
        elif event.type == "case.created":
            await self._incident(case_incident(_CASE.decode(event.payload).case))
        elif event.type == DRILL_STARTED:
            for rule in self.rules:
                if rule.enabled and rule.trigger == "drill":
                    await self._write(apply_rule_preset, rule, f"rule:{rule.name}")

    async def _incident(self, incident: Incident) -> None:
        if any(matches(rule, incident) for rule in self.rules):
            await self._write(switch, incident)

    async def _write(self, fn: Callable[..., tuple[wm.WallState | None, Any]], *args: Any) -> None:
        assert self._store is not None
        state: wm.WallState | None = await self._store.run_write(fn, *args, self.clock())
        if state is not None:
            self.switched.append(state.version)
