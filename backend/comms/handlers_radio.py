"""Request handlers of the radio (radio.*) and its simulator (sim.radio)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backend.comms.radio_service import radio_of
from backend.comms.radio_sim import simulator_of
from backend.comms.radio_talks import Talker
from backend.handlers import Handler
from client_api import comms_messages as cm

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server


async def radio_state(server: Server, peer: Peer, req: cm.GetRadio) -> cm.RadioState:
    return await radio_of(server).state()


async def radio_ptt(server: Server, peer: Peer, req: cm.PushToTalk) -> cm.TransmissionOk:
    """The console's talk button: on takes the floor, off lets it go."""
    assert peer.operator is not None
    radio = radio_of(server)
    talker = Talker.console(peer.operator, peer.seat_id)
    if req.on:
        said = await radio.talk(talker, req.group_id, text=req.text, case_id=req.case_id, owner=peer)
    else:
        said = await radio.release(talker.unit_id, req.group_id, req.text)
    return cm.TransmissionOk(transmission=said)


async def radio_ack_emergency(server: Server, peer: Peer, req: cm.AckEmergency) -> cm.EmergencyOk:
    assert peer.operator is not None
    acked = await radio_of(server).acknowledge(req.emergency_id, req.note, peer.operator)
    return cm.EmergencyOk(emergency=acked)


async def radio_patch(server: Server, peer: Peer, req: cm.PatchGroups) -> cm.PatchOk:
    assert peer.operator is not None
    return cm.PatchOk(patch=await radio_of(server).patch(req, peer.operator))


async def radio_unpatch(server: Server, peer: Peer, req: cm.EndPatch) -> cm.PatchOk:
    return cm.PatchOk(patch=await radio_of(server).unpatch(req.patch_id))


async def radio_last(server: Server, peer: Peer, req: cm.GetLastTransmission) -> cm.LastTransmission:
    return cm.LastTransmission(transmission=radio_of(server).last(req.group_id))


async def sim_radio(server: Server, peer: Peer, req: cm.SimRadio) -> cm.TransmissionOk:
    assert peer.operator is not None
    said = await simulator_of(server).transmit(req, peer.operator, peer.seat_id)
    return cm.TransmissionOk(transmission=said)


HANDLERS: dict[str, Handler] = {
    "radio.state": radio_state,
    "radio.ptt": radio_ptt,
    "radio.ack_emergency": radio_ack_emergency,
    "radio.patch": radio_patch,
    "radio.unpatch": radio_unpatch,
    "radio.last": radio_last,
    "sim.radio": sim_radio,
}
