"""The simulated telephony adapter (name "sim") of drills, demos and tests.

Directory numbers ring and answer after ``answer_delay`` seconds, unless the entry is busy or in a
call (busy), off duty (rings, no answer after ``ring_timeout``) or offline (unreachable). Other phone
numbers (3 to 20 digits) are citizens who answer too. Numbers starting with 1999 are unreachable
(for tests); anything that is not a number, or starts with 000, is refused at once as unknown_number.
``ring_in`` simulates a call arriving; it gives up (no_answer) after ``ring_timeout``.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from backend.comms.directory import number_key
from backend.comms.telephony import AdapterCallbacks, IncomingCall, LegEvent, TelephonyError
from client_api import comms_messages as cm

Lookup = Callable[[str], cm.DirectoryEntry | None]
_DIGITS = re.compile(r"\+?[0-9]{3,20}")


@dataclass
class SimLeg:
    """Attributes: the number, its state (a LegEvent state), whether the operator's side holds it,
    whether it is muted in the conference, the leg ids it is bridged with, and its pending timer."""

    number: str
    state: str = "ringing"
    held: bool = False
    muted: bool = False
    bridged: frozenset[str] = frozenset()
    timer: asyncio.TimerHandle | None = field(default=None, repr=False)


class SimTelephony:
    """A TelephonyAdapter without a phone system. ``lookup`` finds the directory entry (with its live
    presence) of a number; the comms hub sets it when it starts."""

    name = "sim"

    def __init__(
        self, *, answer_delay: float = 1.5, ring_timeout: float = 20.0, lookup: Lookup | None = None
    ) -> None:
        if answer_delay < 0 or ring_timeout <= 0:
            raise ValueError("answer_delay must not be negative and ring_timeout must be positive")
        self.answer_delay = answer_delay
        self.ring_timeout = ring_timeout
        self.lookup = lookup
        self.legs: dict[str, SimLeg] = {}
        self._callbacks: AdapterCallbacks | None = None
        self._ids = itertools.count(1)
        self._since = time.time()

    async def start(self, callbacks: AdapterCallbacks) -> None:
        self._callbacks = callbacks
        self._since = time.time()

    async def stop(self) -> None:
        for leg in self.legs.values():
            if leg.timer is not None:
                leg.timer.cancel()
        self.legs.clear()
        self._callbacks = None

    def status(self) -> cm.TelephonyStatus:
        return cm.TelephonyStatus(
            adapter=self.name,
            state="simulated",
            detail="simulated telephony (drills and demos)",
            since=self._since,
        )

    # --- the far ends -------------------------------------------------------------------------------

    async def dial(self, number: str) -> str:
        digits = self._checked(number)
        leg_id = self._new_leg(number)
        entry = self.lookup(number) if self.lookup is not None else None
        presence = entry.presence if entry is not None else "available"
        who = entry.name if entry is not None else number
        if digits.lstrip("+").startswith("1999") or presence == "offline":
            self._later(leg_id, 0, "failed", "unreachable", f"{who} cannot be reached")
        elif presence in ("busy", "in_call"):
            self._later(leg_id, 0, "failed", "busy", f"{who} is busy")
        else:
            self._later(leg_id, 0, "ringing")
            if presence == "off_duty":
                self._later(leg_id, self.ring_timeout, "failed", "no_answer", f"{who} did not answer")
            else:
                self._later(leg_id, self.answer_delay, "connected")
        return leg_id

    def ring_in(self, from_number: str, to_number: str, display_name: str = "") -> str:
        """A call arrives from ``from_number`` for ``to_number``; the caller gives up after
        ``ring_timeout`` unless it is answered. Returns the leg id."""
        if self._callbacks is None:
            raise RuntimeError("the simulated telephony is not started")
        leg_id = self._new_leg(from_number)
        self._callbacks.on_incoming(IncomingCall(leg_id, from_number, to_number, display_name))
        self._later(leg_id, self.ring_timeout, "failed", "no_answer", f"{from_number} gave up waiting")
        return leg_id

    def far_hangup(self, leg_id: str) -> None:
        """The far end hangs up (drills, tests)."""
        if leg_id in self.legs:
            self._emit(leg_id, "ended", "completed", "the other side hung up")

    # --- what the hub asks --------------------------------------------------------------------------

    async def answer(self, leg_id: str) -> None:
        leg = self._leg(leg_id)
        if leg.state != "ringing":
            raise TelephonyError("unreachable", f"leg {leg_id} is not ringing")
        self._emit(leg_id, "connected")

    async def hangup(self, leg_id: str) -> None:
        leg = self.legs.get(leg_id)
        if leg is not None:
            self._emit(leg_id, "ended", "completed" if leg.state in ("connected", "held") else "cancelled")

    async def hold(self, leg_id: str, on: bool) -> None:
        leg = self._leg(leg_id)
        leg.held = on
        self._emit(leg_id, "held" if on else "connected")

    async def transfer(self, leg_id: str, number: str) -> None:
        self._checked(number)
        self._leg(leg_id)
        self._emit(leg_id, "ended", "transferred", f"transferred to {number}")

    async def bridge(self, leg_ids: list[str]) -> None:
        for leg_id in leg_ids:
            self._leg(leg_id).bridged = frozenset(leg_ids) - {leg_id}

    async def mute_leg(self, leg_id: str, on: bool) -> None:
        self._leg(leg_id).muted = on

    # --- bookkeeping --------------------------------------------------------------------------------

    def _checked(self, number: str) -> str:
        if self._callbacks is None:
            raise TelephonyError("unreachable", "the simulated telephony is not started")
        digits = number_key(number)
        if not _DIGITS.fullmatch(digits):
            raise TelephonyError("unknown_number", f"{number} is not a phone number")
        if digits.lstrip("+").startswith("000"):
            raise TelephonyError("unknown_number", f"{number} does not exist")
        return digits

    def _new_leg(self, number: str) -> str:
        leg_id = f"sim-{next(self._ids)}"
        self.legs[leg_id] = SimLeg(number)
        return leg_id

    def _leg(self, leg_id: str) -> SimLeg:
        leg = self.legs.get(leg_id)
        if leg is None:
            raise TelephonyError("unreachable", f"there is no call leg {leg_id}")
        return leg

    def _later(
        self, leg_id: str, delay: float, state: str, result: str | None = None, reason: str = ""
    ) -> None:
        """Report ``state`` after ``delay`` seconds. A delayed report is the leg's pending timer,
        cancelled when the leg is answered or ends."""
        loop = asyncio.get_running_loop()
        leg = self.legs[leg_id]
        handle = loop.call_later(delay, self._emit, leg_id, state, result, reason)
        if delay > 0:
            leg.timer = handle

    def _emit(self, leg_id: str, state: str, result: str | None = None, reason: str = "") -> None:
        leg = self.legs.get(leg_id)
        if leg is None or self._callbacks is None:
            return
        leg.state = state
        if state in ("ended", "failed"):
            if leg.timer is not None:
                leg.timer.cancel()
            del self.legs[leg_id]
        elif state == "connected" and leg.timer is not None:
            leg.timer.cancel()  # answered: no more no-answer timeout
            leg.timer = None
        self._callbacks.on_leg(LegEvent(leg_id, state, result, reason))
