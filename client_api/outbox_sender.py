"""Sends the outbox: every command goes through it, in order, exactly once, across link drops."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import msgspec

from client_api import registry
from client_api.client import ConnectionState, SeatClient
from client_api.errors import ErrorCode, NotConnected, ProtocolError, RequestTimeout
from client_api.outbox import Outbox, OutboxEntry

log = logging.getLogger("client_api.outbox")

OutboxListener = Callable[[OutboxEntry], None]


@dataclass(frozen=True, slots=True)
class Submitted:
    """What became of a submitted command: ``response`` is the decoded answer once applied, None while it
    waits for the link; ``entry`` is its outbox record."""

    entry: OutboxEntry
    response: Any | None


class OutboxSender:
    """Wraps a SeatClient: ``submit`` writes the command to the outbox, then sends what is waiting, oldest
    first. When the link returns, waiting commands are sent again with their keys."""

    def __init__(self, client: SeatClient, outbox: Outbox) -> None:
        self.client = client
        self.outbox = outbox
        self._lock = asyncio.Lock()  # one sender at a time keeps the order
        self._listeners: list[OutboxListener] = []
        self._flush_task: asyncio.Task[None] | None = None
        client.add_state_listener(self._on_state)

    def add_listener(self, listener: OutboxListener) -> None:
        """Called with an entry whenever one is added or changes state."""
        self._listeners.append(listener)

    async def submit(self, type_: str, payload: msgspec.Struct, summary: str) -> Submitted:
        """Record the command durably, then try to send it (after any older waiting ones).

        A refusal of a live command (bad input) is raised as ProtocolError, as from ``request``; the
        entry is then dismissed — the operator sees the error on the spot."""
        entry = await asyncio.to_thread(self.outbox.add, type_, msgspec.json.encode(payload), summary)
        self._notify(entry)
        await self.flush(raise_for=entry.key)
        final = await asyncio.to_thread(self.outbox.get, entry.key)
        assert final is not None
        if final.state != "sent" or not final.response:
            return Submitted(final, None)
        return Submitted(final, msgspec.json.decode(final.response, type=registry.REQUESTS[type_][1]))

    async def flush(self, raise_for: str | None = None) -> None:
        """Send every waiting command in order; stop at the first that cannot reach the backend."""
        async with self._lock:
            for entry in await asyncio.to_thread(self.outbox.waiting):
                if not await self._send(entry, raise_refusal=entry.key == raise_for):
                    return

    async def _send(self, entry: OutboxEntry, raise_refusal: bool) -> bool:
        """True when the command is settled (applied or refused), False when the link is down."""
        await asyncio.to_thread(self.outbox.attempted, entry.key)
        try:
            response = await self.client.request(entry.type, msgspec.Raw(entry.payload), key=entry.key)
        except (NotConnected, RequestTimeout):
            return False  # stays waiting; the same key is sent again, so it is applied at most once
        except ProtocolError as exc:
            if exc.code == ErrorCode.ALREADY_APPLIED:  # applied before; its answer is lost: no response
                await asyncio.to_thread(self.outbox.sent, entry.key, b"")
            elif raise_refusal:
                await asyncio.to_thread(self.outbox.dismiss, entry.key)
                self._notify_key(entry.key)
                raise
            else:
                log.warning("queued %s refused on replay: %s", entry.type, exc)
                await asyncio.to_thread(self.outbox.conflict, entry.key, exc.code, exc.message)
            self._notify_key(entry.key)
            return True
        await asyncio.to_thread(self.outbox.sent, entry.key, msgspec.json.encode(response))
        self._notify_key(entry.key)
        return True

    def _on_state(self, state: ConnectionState) -> None:
        if state is ConnectionState.CONNECTED and (self._flush_task is None or self._flush_task.done()):
            self._flush_task = asyncio.get_running_loop().create_task(self._flush_quietly())

    async def _flush_quietly(self) -> None:
        with contextlib.suppress(ProtocolError):
            await self.flush()

    def _notify_key(self, key: str) -> None:
        entry = self.outbox.get(key)
        if entry is not None:
            self._notify(entry)

    def _notify(self, entry: OutboxEntry) -> None:
        for listener in list(self._listeners):
            listener(entry)

    async def close(self) -> None:
        if self._flush_task is not None:
            self._flush_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flush_task
