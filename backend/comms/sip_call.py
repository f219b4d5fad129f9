"""One SIP call (a leg) on the SIP thread: the pj.Call subclass and what the adapter knows of it."""

from __future__ import annotations

import concurrent.futures
import weakref
from dataclasses import dataclass
from typing import Any, Protocol

import pjsua2 as pj

from backend.comms.sip_registration import guarded
from backend.comms.sip_results import call_result, status_text
from backend.comms.sip_thread import Timer
from backend.comms.telephony import LegEvent


class CallListener(Protocol):
    def on_call_state(self, call: SipCall) -> None: ...

    def on_call_response(self, call: SipCall) -> None: ...

    def on_media_state(self, call: SipCall) -> None: ...

    def on_transfer_status(self, call: SipCall, code: int, reason: str) -> None: ...


class SipCall(pj.Call):
    """A PJSIP call named by its ``leg_id``; its callbacks go to the listener (held weakly)."""

    def __init__(self, account: Any, call_id: int, leg_id: str, listener: CallListener) -> None:
        super().__init__(account, call_id)
        self.leg_id = leg_id
        self._listener = weakref.ref(listener)

    def onCallState(self, prm: Any) -> None:
        listener = self._listener()
        if listener is not None:
            guarded(listener.on_call_state, self)

    def onCallTsxState(self, prm: Any) -> None:
        event = prm.e
        if event.type == pj.PJSIP_EVENT_TSX_STATE and event.body.tsxState.type == pj.PJSIP_EVENT_RX_MSG:
            listener = self._listener()
            if listener is not None:
                guarded(listener.on_call_response, self)

    def onCallMediaState(self, prm: Any) -> None:
        listener = self._listener()
        if listener is not None:
            guarded(listener.on_media_state, self)

    def onCallTransferRequest(self, prm: Any) -> None:
        prm.statusCode = pj.PJSIP_SC_DECLINE  # nobody transfers the command seat's calls from outside

    def onCallTransferStatus(self, prm: Any) -> None:
        code = int(prm.statusCode)
        prm.cont = False  # the seat has let go of the call: no further NOTIFYs wanted
        listener = self._listener()
        if listener is not None:
            guarded(listener.on_transfer_status, self, code, str(prm.reason))


@dataclass(eq=False)
class Leg:
    """A call's state as the adapter reports it. ``by_operator``: the seat hung up, cancelled or
    declined; ``silent``: the PBX never answered the INVITE (the watchdog gave up)."""

    leg_id: str
    call: SipCall | None
    incoming: bool
    ringing: bool = False
    connected: bool = False
    responded: bool = False
    held: bool = False
    by_operator: bool = False
    silent: bool = False
    transferred: bool = False
    watchdog: Timer | None = None
    transfer: concurrent.futures.Future[None] | None = None

    def end_event(self, code: int, reason: str, registrar: str) -> LegEvent:
        """How the leg ended: ``ended`` once it was connected, else ``failed`` with why."""
        if self.connected:
            if self.transferred:
                return LegEvent(self.leg_id, "ended", "transferred", "transferred")
            who = "the operator" if self.by_operator else "the far end"
            return LegEvent(self.leg_id, "ended", "completed", f"hung up by {who}")
        if self.incoming:
            if self.by_operator:
                return LegEvent(self.leg_id, "failed", "rejected", "declined by the operator")
            return LegEvent(
                self.leg_id, "failed", "cancelled", "the caller hung up before the call was answered"
            )
        if self.by_operator:
            return LegEvent(self.leg_id, "failed", "cancelled", "cancelled by the operator")
        if self.silent or (not self.responded and code in (0, 408)):
            return LegEvent(self.leg_id, "failed", "unreachable", f"the PBX at {registrar} does not answer")
        return LegEvent(self.leg_id, "failed", call_result(code), status_text(code, reason))
