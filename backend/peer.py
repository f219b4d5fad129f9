"""One connected seat: its session state and its own outgoing queue.

Replies are never dropped. Events are bounded per peer: a seat that falls more than ``event_limit``
events behind is cut off from live events and told to resynchronise, so one slow seat never holds
up the others (websockets' own ``broadcast`` has no backpressure at all).
"""

from __future__ import annotations

import asyncio
import collections
import logging

import msgspec
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from backend.events import StoredEvent
from backend.masking import masked_event_payload, sees_confidential
from client_api import messages as m
from client_api.envelope import encode

log = logging.getLogger("backend.peer")

DIRECT_WRITE_LIMIT = 64 * 1024  # bytes waiting in the socket's buffer above which events queue instead


class Peer:
    """Attributes: operator and seat_id once logged in; subscribed while it receives live events;
    scope, the units whose cases the account sees (None: all, the district center)."""

    def __init__(self, ws: ServerConnection, event_limit: int) -> None:
        self.ws = ws
        self.event_limit = event_limit
        self.hello_done = False
        self.operator: m.Operator | None = None
        self.seat_id: str | None = None
        self.scope: frozenset[str] | None = None
        self.subscribed = False
        self.last_sent_seq = 0
        self._out: collections.deque[tuple[int, bytes]] = collections.deque()  # (seq or 0, frame)
        self._queued_events = 0
        self._wake = asyncio.Event()
        self._sending = False

    @property
    def sees_confidential(self) -> bool:
        return self.operator is not None and sees_confidential(self.operator.role)

    @property
    def address(self) -> str:
        remote = self.ws.remote_address
        return f"{remote[0]}:{remote[1]}" if remote else "?"

    def send_reply(self, frame: bytes) -> None:
        self._out.append((0, frame))
        self._wake.set()

    def send_event(self, seq: int, frame: bytes) -> None:
        """Queue a live event; on overflow drop the backlog and ask the seat to resynchronise."""
        if not self.subscribed or seq <= self.last_sent_seq:
            return
        if self._queued_events >= self.event_limit:
            self._overflow(seq)
            return
        self._out.append((seq, frame))
        self._queued_events += 1
        self.last_sent_seq = seq
        self._wake.set()

    def claim_direct(self, seq: int) -> bool:
        """Whether a live event may be written to this seat at once, bypassing its queue (the fast
        path of fan-out): only when nothing is queued or being written, so order holds, and the
        socket's write buffer is small, so a slow seat still goes through its bounded queue."""
        if not self.subscribed or seq <= self.last_sent_seq or self._out or self._sending:
            return False
        transport = self.ws.transport
        if transport is None or transport.get_write_buffer_size() > DIRECT_WRITE_LIMIT:
            return False
        self.last_sent_seq = seq
        return True

    def _overflow(self, seq: int) -> None:
        log.warning(
            "seat %s fell %d events behind; asking it to resynchronise", self.seat_id, self._queued_events
        )
        self._out = collections.deque(item for item in self._out if item[0] == 0)
        self._queued_events = 0
        self.subscribed = False
        resync = m.ResyncRequired(reason="slow_consumer", last_seq=seq)
        self.send_reply(encode("evt", "resync.required", resync))

    async def run_sender(self) -> None:
        """Write queued frames in order until the connection closes."""
        try:
            while True:
                while not self._out:
                    self._wake.clear()
                    await self._wake.wait()
                seq, frame = self._out.popleft()
                if seq:
                    self._queued_events -= 1
                self._sending = True
                try:
                    await self.ws.send(frame, text=True)
                finally:
                    self._sending = False
        except ConnectionClosed:
            pass


def event_frames(event: StoredEvent) -> tuple[bytes, bytes]:
    """The event's frame in clear and as roles that may not see confidential reporters get it."""
    clear = encode("evt", event.type, msgspec.Raw(event.payload), seq=event.seq, ts=event.ts)
    masked_payload = masked_event_payload(event.payload)
    if masked_payload is None:
        return clear, clear
    return clear, encode("evt", event.type, msgspec.Raw(masked_payload), seq=event.seq, ts=event.ts)
