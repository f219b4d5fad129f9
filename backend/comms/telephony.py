"""The telephony adapter interface: what the comms hub asks of a phone system, and what it hears back.

Two adapters implement it: the simulated one (drills, demos, tests: backend.comms.sim_telephony) and
SIP through pjsua2 (backend.comms.sip_adapter). The hub thinks in calls and parties; an adapter thinks
in legs, one per far end, named by a ``leg_id`` of its own. Callbacks are made on the asyncio loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from client_api.comms_messages import TelephonyStatus

# What a leg reports: ringing at the far end, connected (answered), held, ended (hung up by either
# side) or failed (never connected). ``result`` is one of comms_messages.CALL_RESULTS.
LEG_STATES = ("ringing", "connected", "held", "ended", "failed")


@dataclass(frozen=True, slots=True)
class LegEvent:
    leg_id: str
    state: str
    result: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class IncomingCall:
    """A call the adapter received: from whom, to which number or extension it was addressed."""

    leg_id: str
    from_number: str
    to_number: str
    display_name: str = ""


class TelephonyError(Exception):
    """A request the adapter refused at once: ``result`` is a CALL_RESULTS value."""

    def __init__(self, result: str, reason: str) -> None:
        super().__init__(reason)
        self.result = result
        self.reason = reason


@dataclass(slots=True)
class AdapterCallbacks:
    on_leg: Callable[[LegEvent], None]
    on_incoming: Callable[[IncomingCall], None]
    on_status: Callable[[TelephonyStatus], None]


class TelephonyAdapter(Protocol):
    name: str  # "sim" | "sip"

    async def start(self, callbacks: AdapterCallbacks) -> None: ...

    async def stop(self) -> None: ...

    def status(self) -> TelephonyStatus: ...

    async def dial(self, number: str) -> str:
        """Start a call to ``number``; returns the leg id. Raises TelephonyError when the number is
        not valid or the adapter cannot place calls (not registered)."""
        ...

    async def answer(self, leg_id: str) -> None: ...

    async def hangup(self, leg_id: str) -> None: ...

    async def hold(self, leg_id: str, on: bool) -> None: ...

    async def transfer(self, leg_id: str, number: str) -> None:
        """Blind transfer of a connected leg to ``number`` (SIP REFER); the leg then ends."""
        ...

    async def bridge(self, leg_ids: list[str]) -> None:
        """Mix the audio of these legs with each other and with the operator (a conference)."""
        ...

    async def mute_leg(self, leg_id: str, on: bool) -> None:
        """Stop (or restore) the audio this leg sends into the conference."""
        ...
