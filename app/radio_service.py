"""The Qt face of the radio console: talk groups, transmissions, emergencies and patches kept live, the
seat's own strip settings, push-to-talk, and transmissions spoken through the seat's speech queue
(text-to-speech voices stand in for radio audio in drills).

Commands are coroutines that never raise for a refusal or a lost link: the reason goes to the message
bridge (app.message) in words for the operator, and they return None.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

import msgspec
from PySide6.QtCore import QObject, Signal

from app.live_state import LiveState
from app.radio_book import RadioBook
from app.radio_prefs import RadioPrefs, load_radio_prefs, save_radio_prefs
from app.radio_ptt import RadioPtt
from app.radio_voice import Announcer, RadioVoice
from app.seat_requests import send_or_report
from app.seat_service import SeatService
from client_api import comms_messages as cm
from client_api.client import Event
from client_api.errors import NotConnected, ProtocolError, RequestTimeout

log = logging.getLogger("app.radio")

# Who carries a radio: the strips show their radio ids (at most the directory's page of each kind).
RADIO_KINDS = ("field_unit", "grid_member")
UNITS_LOADED = 500


class RadioService(LiveState):
    """Signals:
    reset(): the whole radio was loaded again (talk groups may have changed).
    groupChanged(str): who talks, the last transmission or the patches of the group changed.
    prefsChanged(str): the seat's settings of the group changed (selected, monitored, muted, volume).
    emergencyAdded(object): an unacknowledged Emergency appeared (or changed).
    emergencyRemoved(int): an emergency was acknowledged (by any seat).
    spoken(object): a Transmission was handed to the speech queue.
    replayed(object): the answer of "replay last transmission": a Transmission, or None when the
        group has had none.

    Attributes:
        book: the RadioBook (groups, talking, last, emergencies, patches).
        prefs: the seat's RadioPrefs (remembered across restarts).
        ptt: the RadioPtt (press / release, keyed group, refusals).
        voice: the RadioVoice (what is spoken, through the Announcer ``speech`` or ``speak_through``).
        radio_ids: the radio id of each unit that has one (directory entry id -> radio id).
    """

    what = "radio"

    reset = Signal()
    groupChanged = Signal(str)
    prefsChanged = Signal(str)
    emergencyAdded = Signal(object)
    emergencyRemoved = Signal(int)
    spoken = Signal(object)
    replayed = Signal(object)

    def __init__(
        self, seat: SeatService, parent: QObject | None = None, *, speech: Announcer | None = None
    ) -> None:
        super().__init__(seat, parent)
        self.book = RadioBook()
        self.prefs: RadioPrefs = load_radio_prefs()
        self.radio_ids: dict[str, str] = {}
        self.voice = RadioVoice(self.book, lambda: self.prefs, self.console_unit, lambda: speech, self)
        self.voice.spoken.connect(self.spoken)
        self.ptt = RadioPtt(seat, lambda: self.prefs.selected, self)
        self.ptt.transmitted.connect(self._apply_transmission)
        seat.stateChanged.connect(self.on_seat_stateChanged)
        reload = weakref.WeakMethod(self.reload)
        seat.client.add_snapshot_listener(lambda _s: None if (method := reload()) is None else method())

    @property
    def seat(self) -> SeatService:
        return self._seat

    def speak_through(self, source: Callable[[], Announcer | None]) -> None:
        """Where the seat's speech queue is (the alerts service makes it, once speech is unmuted):
        ``radio.speak_through(lambda: alerts.speech)``."""
        self.voice.speech_source = source

    def console_unit(self) -> str:
        """The unit id of this operator's console in transmissions."""
        operator = self._seat.operator
        return f"console:{operator.username}" if operator is not None else ""

    def unit_label(self, unit_id: str, unit_name: str) -> str:
        """A unit as the strips name it: its name and radio id, or a console's operator."""
        if unit_id.startswith("console:"):
            return self.tr("{name} (console)").format(name=unit_name or unit_id.removeprefix("console:"))
        radio_id = self.radio_ids.get(unit_id)
        name = unit_name or unit_id
        return f"{name} · {radio_id}" if radio_id else name

    # --- following the backend ----------------------------------------------------------------------

    async def load(self) -> None:
        state: cm.RadioState = await self._seat.client.request("radio.state", cm.GetRadio())
        await self._load_radio_ids()
        self.apply_state(state)

    def apply_state(self, state: cm.RadioState) -> None:
        """Take the whole radio as the backend has it (after a login or a reconnection)."""
        self.book.reset(state)
        ids = [g.id for g in self.book.groups]
        if ids and self.prefs.selected not in ids:
            self.prefs.selected = ids[0]
            save_radio_prefs(self.prefs)
        self.voice.known([*state.talking, *state.last])  # heard before, not news
        self.reset.emit()
        self.voice.emergencies_changed()

    async def _load_radio_ids(self) -> None:
        radio_ids: dict[str, str] = {}
        for kind in RADIO_KINDS:
            request = cm.SearchDirectory(kind=kind, limit=UNITS_LOADED)
            try:
                result: cm.DirectoryResult = await self._seat.client.request("comms.directory", request)
            except (ProtocolError, NotConnected, RequestTimeout) as exc:  # the strips show names only
                log.info("radio ids of the %s entries not loaded: %s", kind, exc)
                continue
            radio_ids |= {e.id: e.radio_id for e in result.entries if e.radio_id}
        self.radio_ids = radio_ids

    def on_seat_stateChanged(self, state: str) -> None:
        if state != "connected":
            self.ptt.drop()

    def on_seat_eventReceived(self, event: Event) -> None:
        payload = event.payload
        if isinstance(payload, cm.TransmissionUpdated):
            self._apply_transmission(payload.transmission)
        elif isinstance(payload, cm.EmergencyUpdated):
            self._apply_emergency(payload.emergency)
        elif isinstance(payload, cm.PatchUpdated):
            for group_id in sorted(self.book.apply_patch(payload.patch)):
                self.groupChanged.emit(group_id)

    def _apply_transmission(self, transmission: cm.Transmission) -> None:
        if self.book.apply_transmission(transmission):
            self.groupChanged.emit(transmission.group_id)
        self.voice.transmission(transmission)

    def _apply_emergency(self, emergency: cm.Emergency) -> None:
        if not self.book.apply_emergency(emergency):
            return
        if emergency.id in self.book.emergencies:
            self.emergencyAdded.emit(emergency)
        else:
            self.emergencyRemoved.emit(emergency.id)
        self.voice.emergencies_changed()

    # --- the seat's settings --------------------------------------------------------------------------

    def select(self, group_id: str) -> None:
        """Make ``group_id`` the group PTT transmits on (not while keyed: the floor is held)."""
        old = self.prefs.selected
        if old == group_id or self.ptt.keyed is not None:
            return
        self.prefs.selected = group_id
        save_radio_prefs(self.prefs)
        for changed in (old, group_id):
            if changed is not None:
                self.prefsChanged.emit(changed)

    def set_monitored(self, group_id: str, on: bool) -> None:
        self._set_strip(group_id, monitored=on)

    def set_muted(self, group_id: str, on: bool) -> None:
        self._set_strip(group_id, muted=on)

    def set_volume(self, group_id: str, volume: int) -> None:
        self._set_strip(group_id, volume=max(0, min(100, int(volume))))

    def _set_strip(self, group_id: str, **changes: Any) -> None:
        old = self.prefs.for_group(group_id)
        new = msgspec.structs.replace(old, **changes)
        if new == old:
            return
        self.prefs.strips = {**self.prefs.strips, group_id: new}
        save_radio_prefs(self.prefs)
        self.prefsChanged.emit(group_id)

    # --- commands -------------------------------------------------------------------------------------

    async def acknowledge(self, emergency_id: int, note: str = "") -> cm.Emergency | None:
        request = cm.AckEmergency(emergency_id=emergency_id, note=note.strip())
        result: cm.EmergencyOk | None = await self._send(
            "radio.ack_emergency", request, self.tr("The emergency was not acknowledged")
        )
        if result is None:
            return None
        self._apply_emergency(result.emergency)
        return result.emergency

    async def patch(self, group_ids: list[str], minutes: float) -> cm.Patch | None:
        request = cm.PatchGroups(groups=list(group_ids), minutes=minutes)
        result: cm.PatchOk | None = await self._send(
            "radio.patch", request, self.tr("The talk groups were not patched")
        )
        if result is None:
            return None
        for group_id in sorted(self.book.apply_patch(result.patch)):
            self.groupChanged.emit(group_id)
        return result.patch

    async def unpatch(self, patch_id: int) -> cm.Patch | None:
        result: cm.PatchOk | None = await self._send(
            "radio.unpatch", cm.EndPatch(patch_id=patch_id), self.tr("The patch was not ended")
        )
        if result is None:
            return None
        for group_id in sorted(self.book.apply_patch(result.patch)):
            self.groupChanged.emit(group_id)
        return result.patch

    async def replay(self, group_id: str) -> cm.Transmission | None:
        """Fetch the group's last transmission, speak it again at the strip's volume and emit
        ``replayed`` (with None when the group has had none)."""
        result: cm.LastTransmission | None = await self._send(
            "radio.last",
            cm.GetLastTransmission(group_id=group_id),
            self.tr("The last transmission was not replayed"),
        )
        if result is None:
            return None
        transmission = result.transmission
        if transmission is not None:
            self.voice.replay(transmission, self.prefs.for_group(group_id).volume)
            self._apply_transmission(transmission)
        self.replayed.emit(transmission)
        return transmission

    async def _send(self, type_: str, request: msgspec.Struct, failed: str) -> Any:
        """The answer, or None after telling the operator ``failed`` and why (app.seat_requests)."""
        return await send_or_report(self._seat, type_, request, failed)
