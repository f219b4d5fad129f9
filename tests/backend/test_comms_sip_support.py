"""Support for the SIP adapter tests (no tests here): sipp processes on loopback, a recorder of the
adapter's callbacks, waiting on the asyncio loop."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

from backend.comms.telephony import AdapterCallbacks, IncomingCall, LegEvent
from client_api.comms_messages import TelephonyStatus

T = TypeVar("T")
SIPP = Path("/usr/bin/sipp")
SCENARIOS = Path(__file__).resolve().parents[1] / "sipp"
HANG_GUARD = 10.0  # seconds: long enough for a loaded machine, short enough to catch a hang


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Sipp:
    """One sipp process playing a scenario of tests/sipp on 127.0.0.1:``port``.

    Attributes:
        port: the SIP port it listens on.
        hostport: "127.0.0.1:port", for the adapter's registrar.
    """

    def __init__(self, scenario: str, workdir: Path, *args: str, port: int = 0, timeout: float = 30) -> None:
        self.port = port or free_udp_port()
        self.hostport = f"127.0.0.1:{self.port}"
        self._name = f"{Path(scenario).stem}-{self.port}"
        self._errors = workdir / f"{self._name}.errors.log"
        self._messages = workdir / f"{self._name}.messages.log"
        self._screen = workdir / f"{self._name}.screen.txt"
        command = [
            str(SIPP),
            *("-sf", str(SCENARIOS / scenario)),
            *("-i", "127.0.0.1", "-p", str(self.port), "-mp", str(free_udp_port())),
            *("-timeout", f"{timeout:g}", "-timeout_error", "-nostdin"),
            *("-trace_err", "-error_file", str(self._errors)),
            *("-trace_msg", "-message_file", str(self._messages)),
            *args,
        ]
        with self._screen.open("wb") as screen:
            self.process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=screen, stderr=subprocess.STDOUT, cwd=workdir
            )

    async def exit_code(self, timeout: float = HANG_GUARD) -> int:
        """Wait (without blocking the loop) for sipp to finish its calls and exit."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"sipp {self._name} still runs after {timeout:g} s\n{self.report()}")
            await asyncio.sleep(0.05)
        return self.process.returncode

    def messages(self) -> str:
        return self._messages.read_text(errors="replace") if self._messages.exists() else ""

    def report(self) -> str:
        """What sipp logged: its unexpected messages, for an assertion's message."""
        errors = self._errors.read_text(errors="replace") if self._errors.exists() else ""
        return f"--- sipp errors ---\n{errors[-3000:]}"

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


class SippPool:
    """Starts sipp processes for one test (``pool.start("pbx.xml", "-m", "2")``) and ends them all
    when the test is over; skips the test when sipp is not installed."""

    def __init__(self, workdir: Path) -> None:
        if not SIPP.exists():
            pytest.skip("sipp is not installed (Debian package sip-tester): the SIP tests need it")
        self._workdir = workdir
        self._started: list[Sipp] = []

    def start(self, scenario: str, *args: str, port: int = 0, timeout: float = 30) -> Sipp:
        process = Sipp(scenario, self._workdir, *args, port=port, timeout=timeout)
        self._started.append(process)
        return process

    def __enter__(self) -> SippPool:
        return self

    def __exit__(self, *exc: object) -> None:
        for process in self._started:
            process.kill()


class AdapterPool:
    """SIP adapters of one test, stopped when it is over whatever happened (PJSIP allows one
    endpoint per process: a test that left one running would hold up the next)."""

    def __init__(self, aio: Any) -> None:
        self._aio = aio
        self._adapters: list[Any] = []

    def add(self, adapter: T) -> T:
        self._adapters.append(adapter)
        return adapter

    def __enter__(self) -> AdapterPool:
        return self

    def __exit__(self, *exc: object) -> None:
        for adapter in self._adapters:
            self._aio.run(adapter.stop(), timeout=HANG_GUARD + 5)


@dataclass
class Recorder:
    """The adapter's callbacks, kept in order."""

    legs: list[LegEvent] = field(default_factory=list)
    incoming: list[IncomingCall] = field(default_factory=list)
    statuses: list[TelephonyStatus] = field(default_factory=list)

    def callbacks(self) -> AdapterCallbacks:
        return AdapterCallbacks(self.legs.append, self.incoming.append, self.statuses.append)

    def states(self, leg_id: str) -> list[str]:
        return [event.state for event in self.legs if event.leg_id == leg_id]

    def last_leg(self, leg_id: str) -> LegEvent:
        return [event for event in self.legs if event.leg_id == leg_id][-1]

    async def status(self, *states: str, after: int = 0, timeout: float = HANG_GUARD) -> TelephonyStatus:
        """The first status in ``states`` reported after the first ``after`` ones."""
        await until(lambda: any(s.state in states for s in self.statuses[after:]), timeout, self.statuses)
        return next(s for s in self.statuses[after:] if s.state in states)

    async def first_incoming(self, timeout: float = HANG_GUARD) -> IncomingCall:
        await until(lambda: bool(self.incoming), timeout, self.legs)
        return self.incoming[0]

    async def leg(self, leg_id: str, *states: str, timeout: float = HANG_GUARD) -> LegEvent:
        await until(lambda: any(s in self.states(leg_id) for s in states), timeout, self.legs)
        return next(e for e in self.legs if e.leg_id == leg_id and e.state in states)


async def until(condition: Callable[[], bool], timeout: float, seen: Any = None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:g} s; seen so far: {seen!r}")
        await asyncio.sleep(0.02)


async def stop_promptly(adapter: Any) -> float:
    """Stop the adapter; returns how long it took (the tests only guard against a hang)."""
    began = time.monotonic()
    await asyncio.wait_for(adapter.stop(), HANG_GUARD)
    return time.monotonic() - began
