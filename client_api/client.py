"""The seat's asyncio client: one service object per backend connection. No Qt.

It connects, says hello, logs in, loads a snapshot or resumes from its last sequence number, and
keeps doing so after every drop with backoff. Consumers register listeners (the Qt adapter does) or
iterate ``events()``; commands are typed methods such as ``create_case``.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import itertools
import logging
import random
import ssl as ssl_module
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import msgspec
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from client_api import messages as m
from client_api import registry
from client_api.envelope import SUPPORTED_VERSIONS, decode_envelope, decode_payload, encode
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from client_api.tls import PinMismatch, check_pin
from client_api.transport import CLIENT_PING_INTERVAL, CLIENT_PING_TIMEOUT, COMPRESSION, HARD_FRAME_LIMIT

log = logging.getLogger("client_api")

R = TypeVar("R")


class ConnectionState(enum.StrEnum):
    OFFLINE = "offline"  # never connected yet, or closed
    CONNECTED = "connected"  # hello done (and logged in and synced, if credentials are known)
    RECONNECTING = "reconnecting"  # lost the link; trying again with backoff


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    type: str
    ts: float
    payload: Any


@dataclass(frozen=True, slots=True)
class Credentials:
    username: str
    password: str
    seat_id: str


StateListener = Callable[[ConnectionState], None]
EventListener = Callable[[Event], None]
SnapshotListener = Callable[[m.CaseList], None]

BACKOFF = (0.1, 0.25, 0.5, 1.0, 2.0, 3.0)


class SeatClient:
    """Attributes:
    state: the connection state.
    server: the server's hello answer on the current connection.
    operator: who is logged in (None before login).
    last_seq: the last event sequence number applied.
    last_contact: monotonic time of the last frame received.
    """

    def __init__(
        self,
        url: str,
        *,
        client_name: str = "command-seat",
        request_timeout: float = 10.0,
        ssl: ssl_module.SSLContext | None = None,
        tls_pin: str | None = None,
        backoff: tuple[float, ...] = BACKOFF,
    ) -> None:
        self.url = url
        self.client_name = client_name
        self.request_timeout = request_timeout
        self.ssl = ssl
        self.tls_pin = tls_pin  # sha256 of the backend's certificate, checked after every handshake
        self.link_error: str | None = None  # why the last attempt to connect failed, for the operator
        self.resync_reason: str | None = None  # why the next snapshot replaces everything (resync.required)
        self.backoff = backoff
        self.state = ConnectionState.OFFLINE
        self.server: m.HelloOk | None = None
        self.operator: m.Operator | None = None
        self.last_seq = 0
        self.last_contact = 0.0
        self._credentials: Credentials | None = None
        self._ws: ClientConnection | None = None
        self._pending: dict[str, tuple[str, asyncio.Future[Any]]] = {}
        self._ids = itertools.count(1)
        self._id_prefix = f"{random.getrandbits(32):08x}"
        self._run_task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()  # set while CONNECTED
        self._closing = False
        self._state_listeners: list[StateListener] = []
        self._event_listeners: list[EventListener] = []
        self._snapshot_listeners: list[SnapshotListener] = []
        self._queues: list[asyncio.Queue[Event]] = []
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def seat_id(self) -> str | None:
        return self._credentials.seat_id if self._credentials else None

    # --- listeners ----------------------------------------------------------------------------------

    def add_state_listener(self, listener: StateListener) -> None:
        self._state_listeners.append(listener)

    def add_event_listener(self, listener: EventListener) -> None:
        self._event_listeners.append(listener)

    def add_snapshot_listener(self, listener: SnapshotListener) -> None:
        self._snapshot_listeners.append(listener)

    async def events(self) -> AsyncIterator[Event]:
        """Every event applied from now on, in sequence order."""
        queue: asyncio.Queue[Event] = asyncio.Queue()
        self._queues.append(queue)
        try:
            while True:
                yield await queue.get()
        finally:
            self._queues.remove(queue)

    # --- life cycle ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Start connecting in the background (and keep reconnecting until ``close``)."""
        if self._run_task is None:
            self._closing = False
            self._run_task = asyncio.create_task(self._run(), name="seat-client")

    async def wait_connected(self, timeout: float | None = None) -> None:
        await asyncio.wait_for(self._ready.wait(), timeout)

    async def login(self, username: str, password: str, seat_id: str) -> m.LoginOk:
        """Log in on the current connection; the credentials are reused after every reconnect."""
        result = await self.request("login", m.Login(username, password, seat_id))
        self._credentials = Credentials(username, password, seat_id)
        self.operator = result.operator
        await self._sync()
        return result

    async def logout(self) -> None:
        self._credentials = None
        self.operator = None
        with contextlib.suppress(NotConnected, ProtocolError, RequestTimeout):
            await self.request("logout", m.Logout())

    async def close(self) -> None:
        self._closing = True
        if self._ws is not None:
            await self._ws.close()
        if self._run_task is not None:
            self._run_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._run_task
            self._run_task = None
        self._set_state(ConnectionState.OFFLINE)

    async def drop_connection(self) -> None:
        """Close the current connection as if the network dropped it; the client reconnects."""
        if self._ws is not None:
            await self._ws.close(code=1001, reason="dropped")

    # --- typed commands -----------------------------------------------------------------------------

    async def create_case(
        self, category_code: str, address: str, description: str, grid_code: str | None = None
    ) -> m.CaseRecord:
        result = await self.request(
            "case.create", m.CreateCase(category_code, address, description, grid_code)
        )
        return result.case

    async def list_cases(self, limit: int = 200, before_id: int | None = None) -> m.CaseList:
        return await self.request("case.list", m.ListCases(limit=limit, before_id=before_id))

    async def reference(self) -> m.Reference:
        return await self.request("reference.get", m.GetReference())

    async def status(self) -> m.Status:
        return await self.request("status.get", m.GetStatus())

    async def ping(self) -> m.Pong:
        return await self.request("ping", m.Ping())

    async def request(
        self,
        type_: str,
        payload: msgspec.Struct | msgspec.Raw,
        timeout: float | None = None,
        key: str | None = None,
    ) -> Any:
        """Send a request and wait for its answer; raise ProtocolError, RequestTimeout or NotConnected.
        ``key`` makes it a command the backend applies once (a repeat gets the first answer)."""
        ws = self._ws
        if ws is None:
            raise NotConnected(f"not connected to {self.url}")
        id_ = f"{self._id_prefix}-{next(self._ids)}"
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[id_] = (type_, future)
        try:
            try:
                await ws.send(encode("req", type_, payload, id_=id_, key=key), text=True)
            except ConnectionClosed:
                raise NotConnected(f"the connection to {self.url} closed") from None
            try:
                return await asyncio.wait_for(future, timeout or self.request_timeout)
            except TimeoutError:
                raise RequestTimeout(
                    f"no answer to {type_} within {timeout or self.request_timeout} s"
                ) from None
        finally:
            self._pending.pop(id_, None)

    # --- internals ----------------------------------------------------------------------------------

    def _set_state(self, state: ConnectionState) -> None:
        if state is ConnectionState.CONNECTED:
            self._ready.set()
        else:
            self._ready.clear()
        if state is not self.state:
            self.state = state
            for listener in list(self._state_listeners):
                listener(state)

    async def _run(self) -> None:
        attempt = 0
        while not self._closing:
            try:
                ws = await connect(
                    self.url,
                    ssl=self.ssl,
                    max_size=HARD_FRAME_LIMIT,
                    open_timeout=5,
                    ping_interval=CLIENT_PING_INTERVAL,
                    ping_timeout=CLIENT_PING_TIMEOUT,
                    close_timeout=2,
                    compression=COMPRESSION,
                )
                if self.tls_pin is not None:
                    try:
                        check_pin(ws.transport.get_extra_info("ssl_object"), self.tls_pin)
                    except PinMismatch:
                        await ws.close()
                        raise
            except (OSError, InvalidHandshake, InvalidURI, TimeoutError) as exc:
                self.link_error = str(exc)
                if attempt == 0 or attempt % 20 == 0:
                    log.info("cannot reach %s: %s", self.url, exc)
                await self._wait_backoff(attempt)
                attempt += 1
                continue
            attempt = 0
            self.link_error = None
            await self._serve_connection(ws)
            if not self._closing:
                self._set_state(ConnectionState.RECONNECTING)
                await self._wait_backoff(0)

    async def _wait_backoff(self, attempt: int) -> None:
        if self.state is ConnectionState.CONNECTED:
            self._set_state(ConnectionState.RECONNECTING)
        delay = self.backoff[min(attempt, len(self.backoff) - 1)]
        await asyncio.sleep(delay * random.uniform(0.8, 1.2))

    async def _serve_connection(self, ws: ClientConnection) -> None:
        self._ws = ws
        reader = asyncio.create_task(self._read(ws), name="seat-client-reader")
        try:
            self.server = await self.request(
                "hello", m.Hello(client=self.client_name, versions=list(SUPPORTED_VERSIONS))
            )
            if self._credentials is not None:
                creds = self._credentials
                result = await self.request("login", m.Login(creds.username, creds.password, creds.seat_id))
                self.operator = result.operator
                await self._sync()
            self._set_state(ConnectionState.CONNECTED)
            await reader
        except (NotConnected, RequestTimeout, ProtocolError, ConnectionClosed) as exc:
            log.warning("connection to %s failed during setup: %s", self.url, exc)
            await ws.close()
        finally:
            self._ws = None
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
            for _type, future in self._pending.values():
                if not future.done():
                    future.set_exception(NotConnected(f"the connection to {self.url} was lost"))

    async def _sync(self) -> None:
        """Resume from ``last_seq``; a fresh client, or one told to resync, loads a snapshot first."""
        if self.last_seq == 0:
            await self._load_snapshot()
        await self.request("subscribe", m.Subscribe(from_seq=self.last_seq))

    async def _load_snapshot(self) -> None:
        snapshot: m.CaseList = await self.request("case.list", m.ListCases(limit=1000))
        self.last_seq = snapshot.last_seq
        for listener in list(self._snapshot_listeners):
            listener(snapshot)

    async def _resync(self) -> None:
        try:
            await self._load_snapshot()
            await self.request("subscribe", m.Subscribe(from_seq=self.last_seq))
        except (NotConnected, RequestTimeout, ProtocolError) as exc:
            log.warning("resync failed (%s); it is retried on the next connection", exc)
            self.last_seq = 0

    async def _read(self, ws: ClientConnection) -> None:
        with contextlib.suppress(ConnectionClosed):
            async for frame in ws:
                self.last_contact = time.monotonic()
                try:
                    self._dispatch(frame)
                except ProtocolError as exc:
                    log.error("bad frame from server: %s", exc)

    def _dispatch(self, frame: str | bytes) -> None:
        env = decode_envelope(frame)
        if env.kind == "evt":
            self._on_event(env)
            return
        pending = self._pending.get(env.id or "")
        if pending is None:
            if env.kind == "err":
                err = decode_payload(env.payload, m.ErrorPayload)
                log.error("server error without a request: %s: %s", err.code, err.message)
            return
        type_, future = pending
        if future.done():
            return
        if env.kind == "err":
            err = decode_payload(env.payload, m.ErrorPayload)
            future.set_exception(ProtocolError(err.code, err.message, err.details))
        else:
            future.set_result(decode_payload(env.payload, registry.REQUESTS[type_][1]))

    def _on_event(self, env: Any) -> None:
        schema = registry.EVENTS.get(env.type)
        if schema is None:
            log.warning("ignoring unknown event type %r", env.type)
            return
        payload = decode_payload(env.payload, schema)
        if env.type == "resync.required":
            self.resync_reason = str(getattr(payload, "reason", "unknown"))
            task = asyncio.get_running_loop().create_task(self._resync())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return
        if env.seq is None or env.seq <= self.last_seq:
            return  # already applied (replay overlapping a snapshot)
        if env.seq != self.last_seq + 1:
            log.info("event seq jumped from %d to %d", self.last_seq, env.seq)
        self.last_seq = env.seq
        event = Event(env.seq, env.type, env.ts, payload)
        for listener in list(self._event_listeners):
            listener(event)
        for queue in self._queues:
            queue.put_nowait(event)
