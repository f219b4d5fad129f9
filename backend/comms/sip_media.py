"""Who hears whom, on PJSIP's conference bridge (SIP thread only).

Every connected leg hears the operator (the sound device's capture port) and is heard by the operator
(its playback port). Legs bridged together hear each other too. A muted leg is heard by nobody: its
transmission into the playback port and into its partners stops. On the backend the sound device is
PJSIP's null device; in production the operator's own audio would be the seat's headset.
"""

from __future__ import annotations

import logging
from typing import Any

import pjsua2 as pj

from backend.comms.sip_call import SipCall

log = logging.getLogger("backend.comms.sip")


def _audio(call: SipCall | None) -> Any:
    """The call's active audio on the bridge, or None while it has none (ringing, ended)."""
    if call is None:
        return None
    try:
        return call.getAudioMedia(-1)
    except pj.Error:
        return None


def _transmit(source: Any, sink: Any, on: bool) -> None:
    try:
        if on:
            source.startTransmit(sink)
        else:
            source.stopTransmit(sink)
    except pj.Error as exc:
        log.debug("conference bridge: %s", exc.info())


class Conference:
    """Bridge groups and muted legs; ``apply`` re-wires a leg after any change.

    Attributes:
        groups: leg id → the set of leg ids bridged with it (the same set object for the whole group).
        muted: leg ids whose audio is kept out of the conference.
    """

    def __init__(self) -> None:
        self.groups: dict[str, set[str]] = {}
        self.muted: set[str] = set()

    def bridge(self, leg_ids: list[str]) -> None:
        group: set[str] = set(leg_ids)
        for leg_id in leg_ids:
            group |= self.groups.get(leg_id, set())
        for leg_id in group:
            self.groups[leg_id] = group

    def remove(self, leg_id: str) -> None:
        group = self.groups.pop(leg_id, None)
        if group is not None:
            group.discard(leg_id)
        self.muted.discard(leg_id)

    def partners(self, leg_id: str) -> list[str]:
        return sorted(self.groups.get(leg_id, set()) - {leg_id})

    def apply(self, leg_id: str, calls: dict[str, SipCall | None]) -> None:
        """Wire ``leg_id``'s audio: to and from the operator and its partners, as mute allows."""
        audio = _audio(calls.get(leg_id))
        if audio is None:
            return
        devices = pj.Endpoint.instance().audDevManager()
        heard = leg_id not in self.muted
        _transmit(devices.getCaptureDevMedia(), audio, True)
        _transmit(audio, devices.getPlaybackDevMedia(), heard)
        for partner in self.partners(leg_id):
            other = _audio(calls.get(partner))
            if other is None:
                continue
            _transmit(audio, other, heard)
            _transmit(other, audio, partner not in self.muted)

    def hearers(self, leg_id: str, calls: dict[str, SipCall | None]) -> list[str]:
        """Who hears ``leg_id`` now: "operator" and the ids of the legs its audio goes to."""
        audio = _audio(calls.get(leg_id))
        if audio is None:
            return []
        port = audio.getPortInfo()  # kept: the listeners vector lives in it (SWIG)
        listeners = {int(listener) for listener in port.listeners}
        playback = pj.Endpoint.instance().audDevManager().getPlaybackDevMedia().getPortId()
        names = ["operator"] if playback in listeners else []
        for other_id, call in sorted(calls.items()):
            other = _audio(call) if other_id != leg_id else None
            if other is not None and other.getPortId() in listeners:
                names.append(other_id)
        return names
