"""The message service: sends SMS and IM messages and plays their delivery as the simulated SMS
gateway and IM server report it, ``receipt_delay`` seconds a step: SMS queued → sent → delivered,
IM queued → sent → delivered → read. A recipient who is offline is never delivered (stays sent); an
IM is read only by a recipient who is available. Presence is the live one (the look-up the service is
given, else the comms hub's when it runs on this backend), else the directory record's."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import time
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from backend.comms import messages
from backend.comms.directory_rows import entries_by_id
from backend.comms.hub import hub_of
from client_api import comms_messages as cm
from client_api import messages as m
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.server import Server

log = logging.getLogger("backend.comms.messages")

DEFAULT_RECEIPT_DELAY = 1.0
PresenceLookup = Callable[[str], str | None]  # entry id → live presence (None: not known)


class MessageService:
    """A Service. Attributes: running, receipt_delay."""

    name = "messages"

    def __init__(
        self,
        *,
        receipt_delay: float = DEFAULT_RECEIPT_DELAY,
        clock: Callable[[], float] = time.time,
        presence: PresenceLookup | None = None,
    ) -> None:
        if receipt_delay < 0:
            raise ValueError("the receipt delay must not be negative")
        self.receipt_delay = receipt_delay
        self.clock = clock
        self.presence = presence
        self.running = False
        self._server: Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self, server: Server) -> None:
        self._server = server
        self.running = True

    async def stop(self) -> None:
        """Deliveries in progress stop where they are (their receipts stay as last reported)."""
        self.running = False
        tasks, self._tasks = list(self._tasks), set()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    @property
    def server(self) -> Server:
        if self._server is None:
            raise RuntimeError("the message service has not started")
        return self._server

    async def send(self, req: cm.SendMessage, operator: m.Operator, seat_id: str | None) -> cm.Message:
        messages.checked_body(req)  # refuse a bad message before queueing for the write lock
        message: cm.Message = await self.server.store.run_write(
            messages.insert_message, req, operator, seat_id, self.clock()
        )
        self._spawn(self._deliver(message))
        return message

    async def attach(self, req: cm.AttachMessage, operator: m.Operator, seat_id: str | None) -> cm.Message:
        message: cm.Message = await self.server.store.run_write(
            messages.attach, req, operator, seat_id, self.clock()
        )
        return message

    async def _deliver(self, message: cm.Message) -> None:
        try:
            await self._step(message.id, lambda r: "sent" if r.state == "queued" else None)
            presence = await self._presences([r.entry_id for r in message.receipts])
            await self._step(
                message.id,
                lambda r: (
                    "delivered" if r.state == "sent" and presence.get(r.entry_id) != "offline" else None
                ),
            )
            if message.medium == "im":
                await self._step(
                    message.id,
                    lambda r: (
                        "read" if r.state == "delivered" and presence.get(r.entry_id) == "available" else None
                    ),
                )
        except Exception:
            log.exception("delivering message %d failed; its receipts stay as they are", message.id)

    async def _step(self, message_id: int, step: messages.Step) -> None:
        await asyncio.sleep(self.receipt_delay)
        await self.server.store.run_write(messages.advance, message_id, step, self.clock())

    async def _presences(self, ids: list[str]) -> dict[str, str]:
        entries = await self.server.store.read(entries_by_id, ids)
        found = {i: e.presence for i, e in entries.items()}
        live = self._live()
        if live is not None:
            for entry_id in ids:
                now = live(entry_id)
                if now is not None:
                    found[entry_id] = now
        return found

    def _live(self) -> PresenceLookup | None:
        if self.presence is not None:
            return self.presence
        try:
            book = hub_of(self.server).presence
        except ProtocolError:
            return None
        return lambda entry_id: book.shown(entry_id) if entry_id in book else None

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = contextvars.Context().run(asyncio.ensure_future, coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task


def messages_of(server: Server) -> MessageService:
    """The server's running message service, or unavailable."""
    for service in server.services:
        if isinstance(service, MessageService) and service.running:
            return service
    raise ProtocolError(ErrorCode.UNAVAILABLE, "messages are not running on this backend")
