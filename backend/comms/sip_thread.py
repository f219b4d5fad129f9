"""The one thread that runs PJSIP for the SIP adapter: the endpoint, its UDP transport, commands, timers.

PJSIP is not thread-safe towards Python's threads, so everything that touches it happens here: the
endpoint is created with no worker threads of its own (``threadCnt = 0``, ``mainThreadOnly``), this
thread polls ``libHandleEvents`` and between polls runs the commands other threads ``submit`` and the
timers it set itself. PJSIP objects (accounts, calls) are created and dropped on this thread only.

PJSIP allows one endpoint per process: a module-level lock is held from ``libCreate`` until after
``libDestroy``, so adapters can be started and stopped one after another in one process (tests do), and
a second adapter started while one runs waits for it, then fails with a clear error.
"""

from __future__ import annotations

import concurrent.futures
import ctypes
import heapq
import itertools
import logging
import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

import pjsua2 as pj

log = logging.getLogger("backend.comms.sip")

_ENDPOINT_LOCK = threading.Lock()
_POLL_MS = 10
_LOCK_WAIT = 10.0  # seconds a new endpoint waits for the previous one to be destroyed


class SipThreadStopped(RuntimeError):
    """The SIP thread has stopped (or never started); it runs no more commands."""


class _LogWriter(pj.LogWriter):
    """PJSIP's log into Python logging: its errors and warnings; the chatter is kept quiet."""

    def write(self, entry: Any) -> None:
        message = str(entry.msg).rstrip()
        level = logging.ERROR if entry.level <= 1 else logging.WARNING if entry.level == 2 else logging.DEBUG
        if "REGISTER" in message and "PJSIP_EBUSY" in message:
            # Deleting an account whose REGISTER nobody answered: PJSIP cannot send the unregister
            # and says so as an error; the adapter does this on purpose (see sip_registration).
            level = logging.DEBUG
        log.log(level, "pjsip: %s", message)


def _quiet_startup_log() -> None:
    """``libCreate`` prints its banner on stdout before any LogConfig applies: lower pjlib's level."""
    pj.Endpoint  # noqa: B018 - loads the bindings, so the extension module is in sys.modules
    module = sys.modules.get("pjsua2._pjsua2")
    path = getattr(module, "__file__", None)
    if path is None:
        return
    try:
        ctypes.CDLL(path).pj_log_set_level(1)
    except (OSError, AttributeError):
        log.debug("pj_log_set_level is not exported; PJSIP's start-up banner may show")


def detached(exc: BaseException) -> BaseException:
    """The exception without its traceback and chained exceptions. Their frames hold PJSIP objects
    (a pj.Error's traceback holds the Endpoint or Call it came from); an exception that leaves the
    SIP thread must not keep them alive to be destroyed on another thread, or at all."""
    exc.__traceback__ = None
    exc.__context__ = None
    exc.__cause__ = None
    return exc


def log_failure(what: str) -> None:
    """Log the exception being handled as text: a record's exc_info would keep its frames alive."""
    log.error("%s:\n%s", what, traceback.format_exc())


def _resolve(future: concurrent.futures.Future[Any], outcome: Any) -> None:
    """Set a future's result (or exception) unless a waiter gave up on it and cancelled it."""
    if future.done():
        return
    try:
        if isinstance(outcome, BaseException):
            future.set_exception(detached(outcome))
        else:
            future.set_result(outcome)
    except concurrent.futures.InvalidStateError:
        pass


class Timer:
    """A callback due on the SIP thread; ``cancel()`` (on that thread) keeps it from running."""

    __slots__ = ("callback", "cancelled", "when")

    def __init__(self, when: float, callback: Callable[[], None]) -> None:
        self.when = when
        self.callback = callback
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class PjsipThread:
    """Runs a PJSIP endpoint with a UDP transport on ``bind``:``port`` (0: any free port).

    Attributes:
        ready: resolves to the transport's local port once it is up, or fails with why it did not.
        finished: resolves when the endpoint is destroyed and the thread has ended.
        endpoint: the pj.Endpoint while it runs (SIP thread only).
    """

    def __init__(self, *, port: int, bind: str, max_calls: int = 16) -> None:
        self._port = port
        self._bind = bind
        self._max_calls = max_calls
        self._commands: queue.SimpleQueue[tuple[Callable[[], Any], concurrent.futures.Future[Any]]] = (
            queue.SimpleQueue()
        )
        self._timers: list[tuple[float, int, Timer]] = []
        self._seq = itertools.count()
        self._stop = threading.Event()
        self._before_destroy: Callable[[], None] | None = None
        self._thread: threading.Thread | None = None
        self._started = False
        self.ready: concurrent.futures.Future[int] = concurrent.futures.Future()
        self.finished: concurrent.futures.Future[None] = concurrent.futures.Future()
        self.endpoint: Any = None
        self.transport_id: int = -1

    # --- any thread ---------------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="pjsip", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[], Any]) -> concurrent.futures.Future[Any]:
        """Run ``fn`` on the SIP thread; the future has its result or exception."""
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        if self._stop.is_set() or self.finished.done():
            future.set_exception(SipThreadStopped("the SIP stack has stopped"))
        else:
            self._commands.put((fn, future))
        return future

    def stop(self, before_destroy: Callable[[], None]) -> concurrent.futures.Future[None]:
        """Ask the thread to run ``before_destroy`` (hang up, unregister), destroy the endpoint and end."""
        self._before_destroy = before_destroy
        self._stop.set()
        if self._thread is None:
            _resolve(self.finished, None)
        return self.finished

    # --- the SIP thread -----------------------------------------------------------------------------

    def call_later(self, delay: float, callback: Callable[[], None]) -> Timer:
        timer = Timer(time.monotonic() + max(0.0, delay), callback)
        heapq.heappush(self._timers, (timer.when, next(self._seq), timer))
        return timer

    def pump(self, seconds: float, until: Callable[[], bool] = lambda: False) -> None:
        """Handle PJSIP events for up to ``seconds`` (or until ``until()``): lets BYEs and the unregister
        go out and their answers come in during shutdown."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not until():
            self.endpoint.libHandleEvents(_POLL_MS)

    def _run(self) -> None:
        if not _ENDPOINT_LOCK.acquire(timeout=_LOCK_WAIT):
            _resolve(self.ready, SipThreadStopped("another SIP adapter is still running in this process"))
            _resolve(self.finished, None)
            return
        try:
            try:
                port = self._create()
            except Exception as exc:
                _resolve(self.ready, exc)
                return
            self._started = True
            _resolve(self.ready, port)
            self._loop()
        finally:
            self._destroy()
            _ENDPOINT_LOCK.release()
            self._fail_pending()
            _resolve(self.finished, None)

    def _create(self) -> int:
        _quiet_startup_log()
        self.endpoint = pj.Endpoint()
        self.endpoint.libCreate()
        config = pj.EpConfig()
        config.uaConfig.threadCnt = 0
        config.uaConfig.mainThreadOnly = True
        config.uaConfig.maxCalls = self._max_calls
        config.uaConfig.userAgent = "command-seat"
        config.logConfig.level = 2
        config.logConfig.consoleLevel = 2
        config.logConfig.msgLogging = 0
        config.logConfig.decor = 0
        # The endpoint deletes its writer in libDestroy: hand it over (SWIG's __disown__).
        config.logConfig.writer = _LogWriter().__disown__()
        self.endpoint.libInit(config)
        transport = pj.TransportConfig()
        transport.port = self._port
        transport.boundAddress = self._bind
        failure = ""
        try:
            self.transport_id = self.endpoint.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
        except pj.Error as exc:
            failure = str(exc.reason)
        if failure:  # raised out here: the pj.Error's traceback holds the Endpoint
            raise OSError(f"cannot listen for SIP on {self._bind or 'any address'}:{self._port}: {failure}")
        self.endpoint.libStart()
        self.endpoint.audDevManager().setNullDev()
        return int(self.endpoint.transportGetInfo(self.transport_id).localName.rsplit(":", 1)[1])

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._run_commands()
            self._run_timers()
            self.endpoint.libHandleEvents(_POLL_MS)

    def _run_commands(self) -> None:
        while True:
            try:
                fn, future = self._commands.get_nowait()
            except queue.Empty:
                return
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn())
            except BaseException as exc:
                future.set_exception(detached(exc))

    def _run_timers(self) -> None:
        now = time.monotonic()
        while self._timers and self._timers[0][0] <= now:
            timer = heapq.heappop(self._timers)[2]
            if timer.cancelled:
                continue
            try:
                timer.callback()
            except Exception:
                log_failure("a SIP timer failed")

    def _destroy(self) -> None:
        if self.endpoint is None:
            return
        self._timers.clear()
        if self._before_destroy is not None and self._started:
            try:
                self._before_destroy()
            except Exception:
                log_failure("the SIP adapter's shutdown failed")
        try:
            self.endpoint.libDestroy()
        except pj.Error as exc:
            log.warning("PJSIP did not shut down cleanly: %s", exc.info())
        self.endpoint = None

    def _fail_pending(self) -> None:
        while True:
            try:
                _fn, future = self._commands.get_nowait()
            except queue.Empty:
                return
            if future.set_running_or_notify_cancel():
                future.set_exception(SipThreadStopped("the SIP stack has stopped"))
