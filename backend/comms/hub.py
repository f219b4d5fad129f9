"""The comms hub: the directory with live presence, and the open voice calls of every seat.

A Service. It owns the telephony adapter and maps the adapter's legs to the parties of calls. Open
calls live in memory; every change of a call writes its latest record and a comms.call event (with the
presence it changed, and the case timeline entry of a call that ended on a case) in one transaction.
Requests (backend.comms.call_control, conference, transfers) and the adapter's reports both change
calls under one lock; the adapter's callbacks only queue their reports, so an operation that awaits
the adapter never sees a report of its own leg before it has mapped the leg.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

import msgspec

from backend.calls.center import finish
from backend.comms import call_log
from backend.comms.call_note import call_note
from backend.comms.call_state import (
    GONE,
    TALKING,
    OpenCall,
    check_owner,
    invalid,
    is_open,
    party_after,
    party_gone,
    settled,
    talking,
    with_party,
)
from backend.comms.directory import Directory, resolve_target
from backend.comms.directory_rows import all_entries
from backend.comms.presence import PresenceBook
from backend.comms.sim_telephony import SimTelephony
from backend.comms.telephony import AdapterCallbacks, IncomingCall, LegEvent, TelephonyAdapter, TelephonyError
from client_api import comms_messages as cm
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.server import Server
    from backend.store import Store

log = logging.getLogger("backend.comms")
MAX_CALL_ID = 2**31 - 1
ADAPTER_TIMEOUT = 10.0  # seconds an adapter request may take
T = TypeVar("T")
Job = Callable[[], Awaitable[None]]


class CommsHub:
    """A Service. ``adapter`` is the telephony (SimTelephony, or the SIP adapter); ``clock`` gives the
    time of every change; an adapter request that takes longer than ``adapter_timeout`` seconds fails.

    Attributes: directory, presence, calls (open calls by id), lock (held by every change)."""

    def __init__(
        self,
        *,
        adapter: TelephonyAdapter,
        clock: Callable[[], float] = time.time,
        adapter_timeout: float = ADAPTER_TIMEOUT,
    ) -> None:
        self.adapter = adapter
        self.clock = clock
        self.adapter_timeout = adapter_timeout
        self.lock = asyncio.Lock()
        self.directory = Directory([])
        self.presence = PresenceBook([], 0.0)
        self.calls: dict[int, OpenCall] = {}
        self._legs: dict[str, tuple[int, int]] = {}  # leg id → (call id, party id)
        self._next_id = 1
        self._server: Server | None = None
        self._queue: asyncio.Queue[Job | None] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        if isinstance(adapter, SimTelephony) and adapter.lookup is None:
            adapter.lookup = self.lookup_number

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def store(self) -> Store:
        if self._server is None:
            raise ProtocolError(ErrorCode.UNAVAILABLE, "voice calls are not running on this backend")
        return self._server.store

    # --- service ------------------------------------------------------------------------------------

    async def start(self, server: Server) -> None:
        store = server.store
        now = self.clock()
        entries = await store.read(all_entries)
        self.presence = PresenceBook(entries, now)
        self.directory = Directory(entries, self.presence.current)
        await store.run_write(call_log.close_stale, now)
        self._next_id = await store.read(call_log.max_call_id) + 1
        self._server = server
        self._queue = asyncio.Queue()
        self._task = asyncio.create_task(self._run(), name="comms-hub")
        callbacks = AdapterCallbacks(
            on_leg=self._on_leg, on_incoming=self._on_incoming, on_status=self._on_status
        )
        await self.adapter.start(callbacks)

    async def stop(self) -> None:
        """Open calls end (their legs are hung up), then the adapter and the hub's task stop."""
        if self._server is None:
            return
        async with self.lock:
            for open_call in list(self.calls.values()):
                with contextlib.suppress(Exception):
                    await self.end_all(open_call, "the comms service stopped")
        await self.adapter.stop()
        task, self._task = self._task, None
        if task is not None:
            self._queue.put_nowait(None)
            await finish(task)
        self._server = None

    async def _run(self) -> None:
        while (job := await self._queue.get()) is not None:
            try:
                async with self.lock:
                    await job()
            except Exception:
                log.exception("a telephony report could not be applied")

    # --- the directory ------------------------------------------------------------------------------

    def lookup_number(self, number: str) -> cm.DirectoryEntry | None:
        return self.directory.by_number(number)

    async def set_presence(self, entry_id: str, presence: str) -> cm.PresenceChanged:
        """Set an entry's presence by hand; what it shows (still in_call while it is in a call)."""
        async with self.lock:
            if entry_id not in self.presence:
                raise ProtocolError(
                    ErrorCode.NOT_FOUND, f"there is no directory entry {entry_id!r}", {"field": "entry_id"}
                )
            now = self.clock()
            change = self.presence.set(entry_id, presence, now)
            if change is None:
                return self.presence.changed(entry_id)
            await self.store.run_write(call_log.publish_presence, [change], now)
            return change

    def resolve(self, target: cm.Target, field: str = "target") -> tuple[str, str, str | None]:
        """(number to dial, name, entry id) of a target; refused field by field."""
        return resolve_target(self.directory, target, field)

    # --- finding a call for an operator -------------------------------------------------------------

    def new_id(self) -> int:
        call_id, self._next_id = self._next_id, self._next_id + 1
        return call_id

    async def owned(self, operator: m.Operator, call_id: int, field: str = "call_id") -> OpenCall:
        """The open call, if ``operator`` may act on it (its owner, or a supervisor). An ended call is
        refused as ended, an unknown one as not found."""
        open_call = self.calls.get(call_id)
        if open_call is None:
            stored = await self.stored(call_id, field)
            check_owner(operator, stored, field)
            raise invalid(field, f"call {call_id} has ended")
        check_owner(operator, open_call.call, field)
        return open_call

    async def stored(self, call_id: int, field: str = "call_id") -> cm.CommsCall:
        found = await self.store.read(call_log.load_call, call_id) if 1 <= call_id <= MAX_CALL_ID else None
        if found is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, f"there is no call {call_id}", {"field": field})
        return found

    # --- changes ------------------------------------------------------------------------------------

    def add(self, open_call: OpenCall) -> None:
        self.calls[open_call.call.id] = open_call
        for party_id, leg_id in open_call.legs.items():
            self.map_leg(open_call, party_id, leg_id)

    def map_leg(self, open_call: OpenCall, party_id: int, leg_id: str) -> None:
        open_call.legs[party_id] = leg_id
        self._legs[leg_id] = (open_call.call.id, party_id)

    def unmap_leg(self, open_call: OpenCall, party_id: int) -> str | None:
        leg_id = open_call.legs.pop(party_id, None)
        if leg_id is not None:
            self._legs.pop(leg_id, None)
        return leg_id

    async def commit(self, open_call: OpenCall, call: cm.CommsCall) -> cm.CommsCall:
        """Write ``call`` as the call's latest state (under ``lock``): its event, the presence it
        changed, and when it ended on a case the case's timeline entry."""
        now = self.clock()
        open_call.call = call
        if not is_open(call):
            self.calls.pop(call.id, None)
            for party_id in list(open_call.legs):
                self.unmap_leg(open_call, party_id)
        in_call = {p.entry_id for c in self.calls.values() for p in talking(c.call) if p.entry_id}
        changes = self.presence.follow_calls(in_call, now)
        entry = None
        if not is_open(call) and call.case_id is not None and open_call.operator is not None:
            entry = call_log.CaseEntry(call.case_id, open_call.operator, open_call.seat_id, call_note(call))
        await self.store.run_write(call_log.save_call, call, changes, entry, now)
        return call

    async def end_all(
        self, open_call: OpenCall, reason: str | None = None, result: str | None = None
    ) -> cm.CommsCall:
        """Hang up every leg of the call and write it ended (``result`` overrides how it ended)."""
        now = self.clock()
        call = open_call.call
        for party in [p for p in call.parties if p.state not in GONE]:
            leg_id = self.unmap_leg(open_call, party.id)
            if leg_id is not None:
                await self.quietly(self.adapter.hangup(leg_id))
            talked = party.state in TALKING
            call = with_party(call, party_gone(party, "left", "completed" if talked else "cancelled", now))
        if result is not None:
            call = msgspec.structs.replace(call, result=result)
        return await self.commit(open_call, settled(call, now, reason))

    async def bridge(self, open_call: OpenCall, call: cm.CommsCall) -> None:
        """Mix the parties that talk on ``call`` (the open call's next state), when they are several."""
        legs = [open_call.legs[p.id] for p in talking(call) if p.id in open_call.legs]
        if len(legs) > 1:
            await self.quietly(self.adapter.bridge(legs))

    async def ask(self, action: Awaitable[T]) -> T:
        """An adapter request, given up after ``adapter_timeout`` seconds as unreachable: a phone system
        that does not answer must not hang the panel."""
        try:
            async with asyncio.timeout(self.adapter_timeout):
                return await action
        except TimeoutError as exc:
            reason = f"the telephony did not answer within {self.adapter_timeout:g} s"
            raise TelephonyError("unreachable", reason) from exc

    async def quietly(self, action: Awaitable[None]) -> None:
        """An adapter request whose refusal changes nothing for the record (hanging up a gone leg)."""
        try:
            await self.ask(action)
        except TelephonyError as exc:
            log.info("telephony: %s", exc.reason)

    # --- what the adapter reports -------------------------------------------------------------------

    def _on_leg(self, event: LegEvent) -> None:
        self._queue.put_nowait(lambda: self._leg_changed(event))

    def _on_incoming(self, incoming: IncomingCall) -> None:
        self._queue.put_nowait(lambda: self._incoming(incoming))

    def _on_status(self, status: cm.TelephonyStatus) -> None:
        self._queue.put_nowait(lambda: self.store.run_write(call_log.publish_status, status, self.clock()))

    async def _leg_changed(self, event: LegEvent) -> None:
        ref = self._legs.get(event.leg_id)
        open_call = self.calls.get(ref[0]) if ref is not None else None
        if ref is None or open_call is None:
            return  # a leg the hub let go of already (hung up, transferred)
        now = self.clock()
        party = next(p for p in open_call.call.parties if p.id == ref[1])
        after = party_after(open_call.call, party, event, now)
        if after is None:
            return
        if after.state in GONE:
            self.unmap_leg(open_call, party.id)
        reason = (event.reason or None) if after.state == "failed" else None
        call = settled(with_party(open_call.call, after), now, reason)
        if after.state == "connected":
            await self.bridge(open_call, call)
        await self.commit(open_call, call)

    async def _incoming(self, incoming: IncomingCall) -> None:
        entry = self.directory.by_number(incoming.from_number)
        party = cm.CallParty(
            id=1,
            number=incoming.from_number,
            name=entry.name if entry else incoming.display_name,
            entry_id=entry.id if entry else None,
            state="ringing",
        )
        call = cm.CommsCall(
            id=self.new_id(),
            owner="",
            direction="in",
            state="ringing",
            parties=(party,),
            adapter=self.adapter.name,
            started_at=self.clock(),
        )
        open_call = OpenCall(call, None, None, {1: incoming.leg_id})
        self.add(open_call)
        await self.commit(open_call, call)


def hub_of(server: Server) -> CommsHub:
    """The server's running comms hub, or unavailable."""
    for service in server.services:
        if isinstance(service, CommsHub) and service.running:
            return service
    raise ProtocolError(ErrorCode.UNAVAILABLE, "voice calls are not running on this backend")
