"""The Qt face of converged communications: the directory with live presence, this operator's calls,
the telephony link, messages and video sessions, and the case in context they are tied to.

Loaded after each login and reconnection, then followed from the events. Commands are coroutines that
never raise for a refusal or a lost link: the backend's reason goes to the message bridge and they
return None. Calls, messages and video sessions started here carry the case in context.
"""

from __future__ import annotations

import weakref

import msgspec
from PySide6.QtCore import QObject, Signal

from app.comms_case import CaseContext
from app.comms_directory import DirectorySearch
from app.comms_messaging import CommsMessaging
from app.comms_video import VideoSessions
from app.live_state import LiveState
from app.seat_requests import load_or_log, send_or_report
from app.seat_service import SeatService
from client_api import comms_messages as cm
from client_api.client import Event


class CommsService(LiveState):
    """Signals:
    callChanged(object): a CommsCall of this operator started, changed or finished.
    callsReset(): ``calls`` was loaded again.
    callFinished(object): a call of this operator ended or failed (it left ``calls``).
    incomingCall(object): an incoming call started ringing (on every seat until one answers).
    callTaken(object): a call left this panel without finishing here (another seat answered it).
    telephonyChanged(object): the TelephonyStatus.

    Attributes:
        directory (DirectorySearch), messaging (CommsMessaging), video (VideoSessions),
        case (CaseContext: the case in context).
        calls: this operator's open calls by id.
        telephony: the adapter's link to the PBX (None until loaded).
    """

    what = "comms panel"

    callChanged = Signal(object)
    callsReset = Signal()
    callFinished = Signal(object)
    incomingCall = Signal(object)
    callTaken = Signal(object)
    telephonyChanged = Signal(object)

    def __init__(self, seat: SeatService, parent: QObject | None = None) -> None:
        super().__init__(seat, parent)  # loads on the next turn of the loop at the earliest
        self.directory = DirectorySearch(seat, self)
        self.messaging = CommsMessaging(seat, self)
        self.video = VideoSessions(seat, self)
        self.case = CaseContext(seat.cases, self)
        self.calls: dict[int, cm.CommsCall] = {}
        self.telephony: cm.TelephonyStatus | None = None
        self._finished: set[int] = set()  # calls reported as finished (an answer may repeat the event)
        reload = weakref.WeakMethod(self.reload)
        seat.client.add_snapshot_listener(lambda _s: None if (method := reload()) is None else method())

    @property
    def seat(self) -> SeatService:
        return self._seat

    def is_mine(self, call: cm.CommsCall) -> bool:
        """This operator's call, or an incoming one that nobody answered yet (it rings on every seat)."""
        operator = self._seat.operator
        if operator is not None and call.owner == operator.username:
            return True
        return call.direction == "in" and not call.owner

    # --- following the backend ----------------------------------------------------------------------

    async def load(self) -> None:
        status: cm.TelephonyStatus | None = await load_or_log(
            self._seat, "comms.telephony", cm.GetTelephonyStatus()
        )
        if status is not None:
            self._set_telephony(status)
        listing: cm.CommsCallList | None = await load_or_log(self._seat, "comms.calls", cm.ListCommsCalls())
        if listing is not None:
            self.calls = {c.id: c for c in listing.calls if c.state in cm.OPEN_COMMS_CALL_STATES}
            self.callsReset.emit()
        await self.directory.search(report=False)
        await self.messaging.load()
        await self.video.load()

    def on_seat_eventReceived(self, event: Event) -> None:
        payload = event.payload
        if isinstance(payload, cm.CommsCallUpdated):
            self._apply_call(payload.call)
        elif isinstance(payload, cm.PresenceChanged):
            self.directory.apply_presence(payload)
        elif isinstance(payload, cm.TelephonyStatus):
            self._set_telephony(payload)
        elif isinstance(payload, cm.MessageUpdated):
            self.messaging.apply(payload.message)
        elif isinstance(payload, cm.VideoUpdated):
            self.video.apply(payload.session)

    def _apply_call(self, call: cm.CommsCall) -> None:
        known = self.calls.get(call.id)
        if not self.is_mine(call):
            if known is not None:  # another seat answered it
                del self.calls[call.id]
                self.callTaken.emit(call)
            return
        if known is not None and _progress(known) > _progress(call):
            return  # an answer that arrived after a newer event
        if call.state in cm.OPEN_COMMS_CALL_STATES:
            self.calls[call.id] = call
            if call.direction == "in" and call.state == "ringing" and known is None:
                self.incomingCall.emit(call)
            self.callChanged.emit(call)
        elif call.id not in self._finished:
            self.calls.pop(call.id, None)
            self._finished.add(call.id)
            self.callChanged.emit(call)
            self.callFinished.emit(call)

    def _set_telephony(self, status: cm.TelephonyStatus) -> None:
        if status != self.telephony:
            self.telephony = status
            self.telephonyChanged.emit(status)

    # --- calls ----------------------------------------------------------------------------------------

    async def dial(self, target: cm.Target, case_id: int | None) -> cm.CommsCall | None:
        """Call a directory entry or a number, tied to ``case_id``."""
        request = cm.Dial(target=target, case_id=case_id)
        return await self._call("comms.dial", request, self.tr("The call failed"))

    async def answer(self, call_id: int) -> cm.CommsCall | None:
        return await self._call("comms.answer", cm.CallRef(call_id), self.tr("The call was not answered"))

    async def hold(self, call_id: int, on: bool) -> cm.CommsCall | None:
        failed = self.tr("The call was not put on hold") if on else self.tr("The call was not resumed")
        return await self._call("comms.hold", cm.HoldComms(call_id, on), failed)

    async def mute(self, call_id: int, on: bool, party_id: int | None = None) -> cm.CommsCall | None:
        failed = self.tr("Muting failed") if on else self.tr("Unmuting failed")
        return await self._call("comms.mute", cm.MuteComms(call_id, on, party_id), failed)

    async def transfer(self, call_id: int, target: cm.Target, attended: bool) -> cm.CommsCall | None:
        """Blind: hand the far party to ``target``. Attended: the answer is the consultation call."""
        request = cm.TransferComms(call_id=call_id, target=target, attended=attended)
        return await self._call("comms.transfer", request, self.tr("The call was not transferred"))

    async def complete_transfer(self, call_id: int, consult_call_id: int) -> cm.CommsCall | None:
        request = cm.CompleteTransfer(call_id=call_id, consult_call_id=consult_call_id)
        return await self._call("comms.transfer_complete", request, self.tr("The transfer was not completed"))

    async def add_party(self, call_id: int, target: cm.Target) -> cm.CommsCall | None:
        request = cm.AddParty(call_id=call_id, target=target)
        return await self._call("comms.add_party", request, self.tr("The party was not added"))

    async def drop_party(self, call_id: int, party_id: int) -> cm.CommsCall | None:
        request = cm.DropParty(call_id=call_id, party_id=party_id)
        return await self._call("comms.drop_party", request, self.tr("The party was not dropped"))

    async def lock(self, call_id: int, on: bool) -> cm.CommsCall | None:
        failed = (
            self.tr("The conference was not locked") if on else self.tr("The conference was not unlocked")
        )
        return await self._call("comms.lock", cm.LockConference(call_id, on), failed)

    async def hangup(self, call_id: int) -> cm.CommsCall | None:
        return await self._call("comms.hangup", cm.CallRef(call_id), self.tr("The call was not hung up"))

    async def attach_call(self, call_id: int, case_id: int | None) -> cm.CommsCall | None:
        request = cm.AttachCall(call_id=call_id, case_id=case_id)
        return await self._call("comms.attach_call", request, self.tr("The call was not tied to the case"))

    async def call_log(self, case_id: int | None = None, limit: int = 100) -> list[cm.CommsCall] | None:
        """Ended calls, newest first (of one case when given)."""
        result: cm.CommsCallList | None = await send_or_report(
            self._seat,
            "comms.calls",
            cm.ListCommsCalls(log=True, case_id=case_id, limit=limit),
            self.tr("The call log was not loaded"),
        )
        return None if result is None else list(result.calls)

    async def _call(self, type_: str, request: msgspec.Struct, failed: str) -> cm.CommsCall | None:
        result: cm.CommsCallOk | None = await send_or_report(self._seat, type_, request, failed)
        if result is None:
            return None
        self._apply_call(result.call)
        return result.call


def _progress(call: cm.CommsCall) -> int:
    """How far a call has come: an ended call never goes back to ringing."""
    return 1 if call.state not in cm.OPEN_COMMS_CALL_STATES else 0
