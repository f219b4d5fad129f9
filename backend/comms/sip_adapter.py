"""The SIP telephony adapter: registers to a PBX and places and receives calls through pjsua2.

PJSIP runs on one thread of its own (backend.comms.sip_thread); each method here posts a command to
it and awaits the answer with a timeout, so a stuck PJSIP gives ``TelephonyError("unreachable")``
instead of a hung panel. PJSIP's events come back to the asyncio loop with ``call_soon_threadsafe``.
See docs/sip.md.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from backend.comms.sip_engine import SipEngine
from backend.comms.sip_registration import SipSettings
from backend.comms.sip_thread import PjsipThread, SipThreadStopped
from backend.comms.sip_uri import AddressError, Registrar, dial_uri
from backend.comms.telephony import AdapterCallbacks, IncomingCall, LegEvent, TelephonyError
from client_api.comms_messages import TelephonyStatus

log = logging.getLogger("backend.comms.sip")

T = TypeVar("T")
_START_TIMEOUT = 15.0  # covers waiting for a previous adapter's PJSIP to be destroyed


class SipAdapter:
    """TelephonyAdapter over SIP: an account ``user`` on the PBX at ``registrar`` (HOST[:PORT]).

    ``port`` is the local UDP port (0: any free one), ``domain`` the SIP domain when it is not the
    registrar's host, ``reregister`` the registration's lifetime in seconds (refreshed before it runs
    out). Keyword-only tuning: ``bind`` (local address; loopback when the registrar is, else any),
    ``answer_timeout`` (how long the PBX may stay silent before it counts as not answering),
    ``command_timeout`` (how long a command may wait on PJSIP), ``retry_first``/``retry_longest`` (the
    registration's back-off).

    Attributes:
        name: "sip".
        local_port: the UDP port PJSIP listens on, once started.
    """

    name = "sip"

    def __init__(
        self,
        registrar: str,
        user: str,
        password: str = "",
        port: int = 0,
        domain: str = "",
        reregister: float = 300.0,
        *,
        bind: str | None = None,
        answer_timeout: float = 8.0,
        command_timeout: float = 5.0,
        retry_first: float = 2.0,
        retry_longest: float = 60.0,
    ) -> None:
        if not user or any(c.isspace() or c in "@:<>;" for c in user):
            raise ValueError(f"the SIP user {user!r} is not a user name or extension")
        parsed = Registrar.parse(registrar)
        self._settings = SipSettings(
            parsed, user, password, domain.strip(), reregister, answer_timeout, retry_first, retry_longest
        )
        self._port = port
        loopback = parsed.host == "localhost" or parsed.host.startswith("127.")
        self._bind = bind if bind is not None else ("127.0.0.1" if loopback else "")
        self._command_timeout = command_timeout
        self._status = TelephonyStatus(adapter="sip", state="starting", registrar=parsed.hostport)
        self._thread: PjsipThread | None = None
        self._engine: SipEngine | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._callbacks: AdapterCallbacks | None = None
        self._legs: set[str] = set()  # legs the hub knows: dialled or announced
        self._held: dict[str, list[LegEvent]] = {}  # events of a leg whose dial() has not returned
        self.local_port = 0

    def status(self) -> TelephonyStatus:
        return self._status

    async def start(self, callbacks: AdapterCallbacks) -> None:
        """Start PJSIP and its transport, then register in the background (start never waits on the PBX)."""
        if self._thread is not None:
            raise RuntimeError("the SIP adapter is already started")
        self._loop = asyncio.get_running_loop()
        self._callbacks = callbacks
        self._on_status(self._plain_status("starting", "starting the SIP stack"))
        thread = PjsipThread(port=self._port, bind=self._bind)
        self._thread = thread
        thread.start()
        try:
            self.local_port = await self._wait(thread.ready, _START_TIMEOUT)
        except Exception as exc:
            self._thread = None
            thread.stop(lambda: None)
            reason = f"the SIP stack did not start: {getattr(exc, 'reason', '') or exc}"
            self._on_status(self._plain_status("failed", reason))
            raise TelephonyError("unreachable", reason) from None
        safe = AdapterCallbacks(
            on_leg=self._threadsafe(self._on_leg),
            on_incoming=self._threadsafe(self._on_incoming),
            on_status=self._threadsafe(self._on_status),
        )
        settings = self._settings
        try:
            engine = await self._run(lambda: SipEngine(thread, settings, safe))
            self._engine = engine
            await self._run(engine.start)
        except TelephonyError:
            await self.stop()
            raise

    async def stop(self) -> None:
        """Hang up, unregister and destroy PJSIP; returns within a few seconds even if PJSIP hangs."""
        thread, engine = self._thread, self._engine
        self._thread = self._engine = None
        if thread is None:
            return
        finished = thread.stop(engine.shutdown if engine is not None else lambda: None)
        try:
            await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(finished)), 8.0)
        except TimeoutError:
            log.warning("PJSIP did not stop within 8 s; its thread is left behind")
        if self._status.state != "unregistered" or self._status.retry_at is not None:
            self._on_status(self._plain_status("unregistered", "the SIP adapter has stopped"))

    async def dial(self, number: str) -> str:
        uri = self._uri(number)
        engine = self._require_engine()
        leg_id = await self._run(lambda: engine.dial(uri))
        self._legs.add(leg_id)
        assert self._loop is not None
        self._loop.call_soon(self._release, leg_id)
        return leg_id

    async def answer(self, leg_id: str) -> None:
        engine = self._require_engine()
        await self._run(lambda: engine.answer(leg_id))

    async def hangup(self, leg_id: str) -> None:
        engine = self._require_engine()
        await self._run(lambda: engine.hangup(leg_id))

    async def hold(self, leg_id: str, on: bool) -> None:
        engine = self._require_engine()
        await self._run(lambda: engine.hold(leg_id, on))

    async def transfer(self, leg_id: str, number: str) -> None:
        uri = self._uri(number)
        engine = self._require_engine()
        accepted = await self._run(lambda: engine.transfer(leg_id, uri))
        await self._wait(accepted, self._settings.answer_timeout, "the far end did not answer the transfer")

    async def bridge(self, leg_ids: list[str]) -> None:
        engine = self._require_engine()
        await self._run(lambda: engine.bridge(list(leg_ids)))

    async def mute_leg(self, leg_id: str, on: bool) -> None:
        engine = self._require_engine()
        await self._run(lambda: engine.mute_leg(leg_id, on))

    async def hearers(self, leg_id: str) -> list[str]:
        """Who hears the leg on PJSIP's conference bridge: "operator" and the leg ids of its
        partners (for diagnostics and tests; the bridge works the same on the null sound device)."""
        engine = self._require_engine()
        return await self._run(lambda: engine.hearers(leg_id))

    # --- plumbing -----------------------------------------------------------------------------------

    def _uri(self, number: str) -> str:
        try:
            return dial_uri(number, self._settings.domain or self._settings.registrar.hostport)
        except AddressError as exc:
            raise TelephonyError("unknown_number", str(exc)) from None

    def _require_engine(self) -> SipEngine:
        if self._engine is None:
            raise TelephonyError("unreachable", "the SIP adapter is not running")
        return self._engine

    async def _run(self, fn: Callable[[], T]) -> T:
        thread = self._thread
        if thread is None:
            raise TelephonyError("unreachable", "the SIP adapter is not running")
        return await self._wait(thread.submit(fn), self._command_timeout)

    async def _wait(self, future: concurrent.futures.Future[T], timeout: float, what: str = "") -> T:
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except TimeoutError:
            raise TelephonyError(
                "unreachable", what or f"the SIP stack did not respond within {timeout:g} s"
            ) from None
        except SipThreadStopped as exc:
            raise TelephonyError("unreachable", str(exc)) from None

    def _threadsafe(self, deliver: Callable[[Any], None]) -> Callable[[Any], None]:
        loop = self._loop
        assert loop is not None

        def post(event: Any) -> None:
            try:
                loop.call_soon_threadsafe(deliver, event)
            except RuntimeError:  # the loop is closed: nobody is listening any more
                log.debug("SIP event after the loop closed: %s", event)

        return post

    def _on_status(self, status: TelephonyStatus) -> None:
        self._status = status
        if self._callbacks is not None:
            self._callbacks.on_status(status)

    def _on_incoming(self, call: IncomingCall) -> None:
        self._legs.add(call.leg_id)
        if self._callbacks is not None:
            self._callbacks.on_incoming(call)

    def _on_leg(self, event: LegEvent) -> None:
        if event.leg_id not in self._legs or event.leg_id in self._held:
            self._held.setdefault(event.leg_id, []).append(event)
            return
        self._deliver_leg(event)

    def _deliver_leg(self, event: LegEvent) -> None:
        if event.state in ("ended", "failed"):
            self._legs.discard(event.leg_id)
        if self._callbacks is not None:
            self._callbacks.on_leg(event)

    def _release(self, leg_id: str) -> None:
        for event in self._held.pop(leg_id, []):
            self._deliver_leg(event)

    def _plain_status(self, state: str, detail: str) -> TelephonyStatus:
        return TelephonyStatus(
            adapter="sip", state=state, detail=detail, registrar=self._status.registrar, since=time.time()
        )
