"""The websocket server: accepts seats, decodes frames, runs handlers, fans events out."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import ssl as ssl_module
from collections.abc import Awaitable, Callable
from typing import Any

from websockets.asyncio.server import Server as WsServer
from websockets.asyncio.server import ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed

from backend.dispatch import HANDLERS
from backend.peer import Peer, event_frames
from backend.permissions import allowed, sees_event
from backend.reliability.run_request import run_request
from backend.routing.visibility import EventScope, visible
from backend.security import audit_trail
from backend.security.audit import AuditEntry, append
from backend.services import Service
from backend.store import Store, StoredEvent
from client_api import messages as m
from client_api import registry
from client_api.envelope import MAX_FRAME_BYTES, decode_envelope, decode_payload, encode
from client_api.errors import ErrorCode, ProtocolError
from client_api.transport import COMPRESSION, HARD_FRAME_LIMIT, SERVER_PING_INTERVAL, SERVER_PING_TIMEOUT

log = logging.getLogger("backend.server")


# Called with the peer and "login", "logout" or "closed" (capabilities that follow seat sessions).
SessionHook = Callable[[Peer, str], Awaitable[None]]


class Server:
    """A running backend. ``await start()``, then ``await close()``.

    Attributes:
        port: the port it listens on once started (useful with port 0).
        peers: the connected seats.
    """

    def __init__(
        self,
        store: Store,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        node: str | None = None,
        exercise: bool = False,
        demo: bool = False,
        event_limit: int = 2000,
        services: list[Service] | None = None,
        ssl: ssl_module.SSLContext | None = None,
    ) -> None:
        self.store = store
        self.host = host
        self.port = port
        self.node = node or socket.gethostname()
        self.exercise = exercise
        self.demo = demo
        self.event_limit = event_limit
        self.ssl = ssl  # serve wss:// with this context
        self.peers: set[Peer] = set()
        self.services: list[Service] = services or []
        self.session_hooks: list[SessionHook] = []
        self.event_scope = EventScope()
        self._ws_server: WsServer | None = None
        store.add_sink(self._on_event)

    async def start(self) -> int:
        self._ws_server = await serve(
            self._serve_peer,
            self.host,
            self.port,
            max_size=HARD_FRAME_LIMIT,
            ping_interval=SERVER_PING_INTERVAL,
            ping_timeout=SERVER_PING_TIMEOUT,
            compression=COMPRESSION,
            ssl=self.ssl,
        )
        self.port = self._ws_server.sockets[0].getsockname()[1] if self._ws_server.sockets else self.port
        log.info("listening on %s", self.url)
        for service in self.services:
            await service.start(self)
        return self.port

    @property
    def url(self) -> str:
        return f"{'wss' if self.ssl else 'ws'}://{self.host}:{self.port}"

    async def close(self) -> None:
        for service in reversed(self.services):
            await service.stop()
        if self._ws_server is not None:
            self._ws_server.close()
            await self._ws_server.wait_closed()
            self._ws_server = None

    def _on_event(self, event: StoredEvent) -> None:
        clear, masked = event_frames(event)
        direct: dict[bytes, list[ServerConnection]] = {clear: [], masked: []}
        units: frozenset[str] | None = None
        decoded = False
        restricted = not sees_event(None, event.type)  # a drill's live scoring is not for trainees
        for peer in self.peers:
            if restricted and not sees_event(peer.operator.role if peer.operator else None, event.type):
                continue
            if peer.scope is not None:  # a seat of a unit: only events of cases its subtree sees
                if not decoded:
                    units, decoded = self.event_scope.units(event), True
                if not visible(peer.scope, units):
                    continue
            frame = clear if peer.sees_confidential else masked
            if peer.claim_direct(event.seq):
                direct[frame].append(peer.ws)
            else:
                peer.send_event(event.seq, frame)
        # Seats that keep up get the frame written now, in one pass, as websockets' broadcast does;
        # the others get it through their own bounded queue.
        for frame, connections in direct.items():
            if connections:
                broadcast(connections, frame, text=True)

    async def _serve_peer(self, ws: ServerConnection) -> None:
        peer = Peer(ws, self.event_limit)
        self.peers.add(peer)
        sender = asyncio.create_task(peer.run_sender())
        log.info("seat connected from %s", peer.address)
        try:
            async for frame in ws:
                await self._handle_frame(peer, frame)
        except ConnectionClosed:
            pass
        finally:
            self.peers.discard(peer)
            await self._session_changed(peer, "closed")
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sender
            log.info("seat %s disconnected (%s)", peer.seat_id or "-", peer.address)

    async def _session_changed(self, peer: Peer, what: str) -> None:
        for hook in list(self.session_hooks):
            try:
                await hook(peer, what)
            except Exception:  # a capability's failure must not break the session itself
                log.exception("session hook %r failed on %s", hook, what)

    async def _handle_frame(self, peer: Peer, frame: str | bytes) -> None:
        id_: str | None = None
        type_ = "protocol"
        payload: Any = None
        try:
            size = len(frame.encode("utf-8", "surrogatepass")) if isinstance(frame, str) else len(frame)
            if size > MAX_FRAME_BYTES:
                raise ProtocolError(
                    ErrorCode.TOO_LARGE, f"frame of {size} bytes is over the limit of {MAX_FRAME_BYTES}"
                )
            env = decode_envelope(frame)
            id_, type_ = env.id, env.type
            if env.kind != "req":
                raise ProtocolError(ErrorCode.MALFORMED, f"a seat may only send requests, not {env.kind!r}")
            if not id_:
                raise ProtocolError(ErrorCode.MALFORMED, "a request needs an id")
            schemas = registry.REQUESTS.get(env.type)
            if schemas is None:
                raise ProtocolError(ErrorCode.UNKNOWN_TYPE, f"unknown message type {env.type!r}")
            if not peer.hello_done and env.type != "hello":
                raise ProtocolError(ErrorCode.NOT_HELLO, "the first request must be hello")
            if peer.operator is None and env.type not in registry.PUBLIC_REQUESTS:
                raise ProtocolError(ErrorCode.NOT_AUTHENTICATED, f"{env.type!r} needs a login first")
            if peer.operator is not None and not allowed(env.type, peer.operator.role):
                raise ProtocolError(
                    ErrorCode.FORBIDDEN, f"the role {peer.operator.role!r} may not send {env.type!r}"
                )
            payload = decode_payload(env.payload, schemas[0])
            result = await run_request(self, peer, env.type, payload, env.key, HANDLERS[env.type])
            peer.send_reply(encode("res", env.type, result, id_=id_))
            if env.type in ("login", "logout"):
                await self._session_changed(peer, env.type)
        except ProtocolError as exc:
            await self._audit(audit_trail.refusal(peer, type_, payload, exc))
            err = m.ErrorPayload(code=exc.code, message=exc.message, details=exc.details)
            peer.send_reply(encode("err", type_, err, id_=id_))
        except Exception:
            log.exception("handler for %s failed", type_)
            if peer.operator is not None and audit_trail.audited(type_):
                await self._audit(audit_trail.entry(peer, type_, "error", payload, "internal error"))
            err = m.ErrorPayload(code=ErrorCode.INTERNAL, message="the server failed; nothing was applied")
            peer.send_reply(encode("err", type_, err, id_=id_))

    async def _audit(self, entry: AuditEntry | None) -> None:
        """Write a refusal's audit record in its own small transaction (before the seat is answered)."""
        if entry is None:
            return
        try:
            await self.store.run_write(lambda conn: (append(conn, entry), []))
        except Exception:  # the refusal still goes out; the log says the record is missing
            log.exception("could not write the audit record %s", entry)
