"""The SIP adapter's work on the SIP thread: registration, legs, the conference bridge.

Every method here runs on the SIP thread (SipAdapter submits them); events go out through
``AdapterCallbacks`` whose functions the adapter made safe to call from this thread.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import logging
from typing import Any

import pjsua2 as pj

from backend.comms.sip_call import Leg, SipCall
from backend.comms.sip_media import Conference
from backend.comms.sip_registration import Registration, SipAccount, SipSettings
from backend.comms.sip_results import status_text
from backend.comms.sip_thread import PjsipThread
from backend.comms.sip_uri import display_name_of, user_of
from backend.comms.telephony import AdapterCallbacks, IncomingCall, LegEvent, TelephonyError

log = logging.getLogger("backend.comms.sip")


class SipEngine:
    """Registration, calls and conference of one SIP adapter (SIP thread only).

    Attributes:
        registration: the account's registration to the PBX.
    """

    def __init__(self, thread: PjsipThread, settings: SipSettings, callbacks: AdapterCallbacks) -> None:
        self._thread = thread
        self._settings = settings
        self._callbacks = callbacks
        self.registration = Registration(thread, settings, callbacks.on_status, self._on_incoming)
        self._legs: dict[str, Leg] = {}
        # Legs reported failed whose PJSIP call has not ended yet (no CANCEL before a first answer).
        self._abandoned: dict[str, Leg] = {}
        self._conference = Conference()
        self._ids = itertools.count(1)

    def start(self) -> None:
        self.registration.start()

    def shutdown(self) -> None:
        """Hang up every call and unregister, letting the BYEs and CANCELs go out first."""
        for leg in list(self._legs.values()):
            self._hangup(leg)
        self._thread.pump(1.0, until=lambda: not self._legs)
        self._legs.clear()
        self._abandoned.clear()
        self.registration.stop()

    # --- operations (SipAdapter) --------------------------------------------------------------------

    def dial(self, uri: str) -> str:
        account = self.registration.account
        if not self.registration.registered or account is None:
            detail = self.registration.status.detail or self.registration.status.state
            raise TelephonyError("unreachable", f"not registered to the PBX: {detail}")
        leg_id = f"sip-{next(self._ids)}"
        call = SipCall(account, pj.PJSUA_INVALID_ID, leg_id, self)
        leg = Leg(leg_id, call, incoming=False)
        self._legs[leg_id] = leg
        try:
            call.makeCall(uri, pj.CallOpParam(True))
        except pj.Error as exc:
            self._legs.pop(leg_id, None)
            leg.call = None
            raise TelephonyError("unknown_number", f"cannot call {uri}: {exc.reason}") from None
        if leg_id in self._legs:
            leg.watchdog = self._thread.call_later(self._settings.answer_timeout, lambda: self._silent(leg))
        return leg_id

    def answer(self, leg_id: str) -> None:
        leg = self._leg(leg_id)
        if not leg.incoming or leg.connected:
            return
        prm = pj.CallOpParam(True)
        prm.statusCode = pj.PJSIP_SC_OK
        self._do(leg, "answer", prm)

    def hangup(self, leg_id: str) -> None:
        leg = self._legs.get(leg_id)
        if leg is not None:
            self._hangup(leg)

    def hold(self, leg_id: str, on: bool) -> None:
        leg = self._leg(leg_id)
        if not leg.connected or leg.held == on:
            return
        prm = pj.CallOpParam(True)
        if on:
            self._do(leg, "setHold", prm)
        else:
            prm.opt.flag |= pj.PJSUA_CALL_UNHOLD
            self._do(leg, "reinvite", prm)

    def transfer(self, leg_id: str, uri: str) -> concurrent.futures.Future[None]:
        """REFER the far end to ``uri``; the future resolves when the far end accepts (the leg is
        then hung up, ending ``transferred``) or fails when it refuses."""
        leg = self._leg(leg_id)
        if not leg.connected:
            raise TelephonyError("rejected", "only a connected call can be transferred")
        leg.transfer = concurrent.futures.Future()
        self._do(leg, "xfer", uri, pj.CallOpParam(True))
        return leg.transfer

    def bridge(self, leg_ids: list[str]) -> None:
        for leg_id in leg_ids:
            self._leg(leg_id)
        self._conference.bridge(leg_ids)
        self._apply_all()

    def mute_leg(self, leg_id: str, on: bool) -> None:
        self._leg(leg_id)
        if on:
            self._conference.muted.add(leg_id)
        else:
            self._conference.muted.discard(leg_id)
        self._apply_all()

    def hearers(self, leg_id: str) -> list[str]:
        self._leg(leg_id)
        return self._conference.hearers(leg_id, self._calls())

    # --- PJSIP events -------------------------------------------------------------------------------

    def _on_incoming(self, account: SipAccount, call_id: int) -> None:
        leg_id = f"sip-{next(self._ids)}"
        call = SipCall(account, call_id, leg_id, self)
        self._legs[leg_id] = Leg(leg_id, call, incoming=True)
        info = call.getInfo()
        self._callbacks.on_incoming(
            IncomingCall(
                leg_id,
                from_number=user_of(info.remoteUri),
                to_number=user_of(info.localUri),
                display_name=display_name_of(info.remoteUri),
            )
        )
        ringing = pj.CallOpParam(True)
        ringing.statusCode = pj.PJSIP_SC_RINGING
        try:
            call.answer(ringing)
        except pj.Error as exc:
            log.debug("SIP 180 Ringing not sent: %s", exc.info())

    def on_call_state(self, call: SipCall) -> None:
        info = call.getInfo()
        leg = self._legs.get(call.leg_id)
        if leg is None:
            if info.state == pj.PJSIP_INV_STATE_DISCONNECTED and call.leg_id in self._abandoned:
                self._abandoned.pop(call.leg_id).call = None
            return
        if info.state == pj.PJSIP_INV_STATE_EARLY and not leg.incoming and not leg.ringing:
            if info.lastStatusCode in (180, 183):
                leg.ringing = True
                self._callbacks.on_leg(LegEvent(leg.leg_id, "ringing"))
        elif info.state == pj.PJSIP_INV_STATE_CONFIRMED and not leg.connected:
            leg.connected = True
            self._cancel_watchdog(leg)
            self._callbacks.on_leg(LegEvent(leg.leg_id, "connected"))
        elif info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self._end(leg, int(info.lastStatusCode), str(info.lastReason))

    def on_call_response(self, call: SipCall) -> None:
        leg = self._legs.get(call.leg_id)
        if leg is not None:
            leg.responded = True

    def on_media_state(self, call: SipCall) -> None:
        leg = self._legs.get(call.leg_id)
        if leg is None:
            return
        info = call.getInfo()  # kept: its media vector lives in it (SWIG)
        audio = [int(m.status) for m in info.media if m.type == pj.PJMEDIA_TYPE_AUDIO]
        status = audio[0] if audio else pj.PJSUA_CALL_MEDIA_NONE
        if status == pj.PJSUA_CALL_MEDIA_LOCAL_HOLD and not leg.held:
            leg.held = True
            self._callbacks.on_leg(LegEvent(leg.leg_id, "held"))
        elif status in (pj.PJSUA_CALL_MEDIA_ACTIVE, pj.PJSUA_CALL_MEDIA_REMOTE_HOLD) and leg.held:
            leg.held = False
            self._callbacks.on_leg(LegEvent(leg.leg_id, "connected"))
        self._apply_all()

    def on_transfer_status(self, call: SipCall, code: int, reason: str) -> None:
        leg = self._legs.get(call.leg_id)
        if leg is None or leg.transfer is None or leg.transfer.done():
            return
        # PJSIP reports the REFER's 202 as "100 Accepted"; the far end then calls the new party
        # itself, and a blind transfer does not wait for how that goes.
        if code >= 300:
            leg.transfer.set_exception(
                TelephonyError("rejected", f"the transfer was refused: {status_text(code, reason)}")
            )
            return
        leg.transferred = True
        leg.transfer.set_result(None)
        self._do(leg, "hangup", pj.CallOpParam(True))

    # --- helpers ------------------------------------------------------------------------------------

    def _end(self, leg: Leg, code: int, reason: str) -> None:
        self._cancel_watchdog(leg)
        self._legs.pop(leg.leg_id, None)
        self._conference.remove(leg.leg_id)
        if leg.transfer is not None and not leg.transfer.done():
            leg.transfer.set_exception(TelephonyError("cancelled", "the call ended during the transfer"))
        # Dropped here, inside PJSIP's DISCONNECTED callback, before PJSIP can reuse the call's id.
        leg.call = None
        self._callbacks.on_leg(leg.end_event(code, reason, self._settings.registrar.hostport))

    def _silent(self, leg: Leg) -> None:
        leg.watchdog = None
        if leg.leg_id not in self._legs or leg.responded or leg.connected:
            return
        leg.silent = True
        self._hangup(leg, by_operator=False)
        if leg.leg_id in self._legs:
            # Without a first answer PJSIP cannot CANCEL: the INVITE runs out only at SIP timer B
            # (32 s). The panel hears now; the call object is dropped when PJSIP ends it.
            self._legs.pop(leg.leg_id)
            self._conference.remove(leg.leg_id)
            self._abandoned[leg.leg_id] = leg
            self._callbacks.on_leg(leg.end_event(0, "", self._settings.registrar.hostport))

    def _hangup(self, leg: Leg, by_operator: bool = True) -> None:
        """BYE, CANCEL or (a call not yet answered here) 603 Decline; a call already going is left."""
        leg.by_operator = by_operator
        prm = pj.CallOpParam(True)
        if leg.incoming and not leg.connected:
            prm.statusCode = pj.PJSIP_SC_DECLINE
        try:
            self._do(leg, "hangup", prm)
        except TelephonyError as exc:
            log.debug("SIP hangup of %s: %s", leg.leg_id, exc.reason)

    def _do(self, leg: Leg, method: str, *args: Any) -> None:
        if leg.call is None:
            raise TelephonyError("cancelled", f"the call {leg.leg_id} has already ended")
        try:
            getattr(leg.call, method)(*args)
        except pj.Error as exc:
            raise TelephonyError("unreachable", f"the SIP stack refused to {method}: {exc.reason}") from None

    def _leg(self, leg_id: str) -> Leg:
        leg = self._legs.get(leg_id)
        if leg is None:
            raise TelephonyError("cancelled", f"the call {leg_id} has already ended")
        return leg

    def _cancel_watchdog(self, leg: Leg) -> None:
        if leg.watchdog is not None:
            leg.watchdog.cancel()
            leg.watchdog = None

    def _calls(self) -> dict[str, SipCall | None]:
        return {leg_id: leg.call for leg_id, leg in self._legs.items()}

    def _apply_all(self) -> None:
        calls = self._calls()
        for leg_id in calls:
            self._conference.apply(leg_id, calls)
