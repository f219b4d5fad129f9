"""Request handlers of the directory, presence and voice calls (comms.*); merged into backend.dispatch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backend.comms import call_control, conference, transfers
from backend.comms.hub import hub_of
from backend.comms.presence import SETTABLE
from backend.handlers import Handler
from client_api import comms_messages as cm
from client_api.errors import ErrorCode, ProtocolError

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server
    from client_api import messages as m

# Who may set another entry's presence by hand (the role check of comms.set_presence lets everyone in).
PRESENCE_SETTERS = frozenset({"supervisor", "trainer", "admin"})


def _operator(peer: Peer) -> m.Operator:
    assert peer.operator is not None
    return peer.operator


async def comms_directory(server: Server, peer: Peer, req: cm.SearchDirectory) -> cm.DirectoryResult:
    return cm.DirectoryResult(entries=hub_of(server).directory.search(req))


async def comms_set_presence(server: Server, peer: Peer, req: cm.SetPresence) -> cm.PresenceChanged:
    operator = _operator(peer)
    if operator.role not in PRESENCE_SETTERS:
        raise ProtocolError(
            ErrorCode.FORBIDDEN, "only supervisors, trainers and admins set the presence of directory entries"
        )
    if req.presence not in SETTABLE:
        raise ProtocolError(
            ErrorCode.INVALID_FIELD,
            f"presence {req.presence!r} is not one of {', '.join(SETTABLE)} (in_call follows the calls)",
            {"field": "presence"},
        )
    return await hub_of(server).set_presence(req.entry_id, req.presence)


async def comms_dial(server: Server, peer: Peer, req: cm.Dial) -> cm.CommsCallOk:
    return cm.CommsCallOk(call=await call_control.dial(hub_of(server), _operator(peer), peer.seat_id, req))


async def comms_answer(server: Server, peer: Peer, req: cm.CallRef) -> cm.CommsCallOk:
    call = await call_control.answer(hub_of(server), _operator(peer), peer.seat_id, req.call_id)
    return cm.CommsCallOk(call=call)


async def comms_hold(server: Server, peer: Peer, req: cm.HoldComms) -> cm.CommsCallOk:
    return cm.CommsCallOk(call=await call_control.hold(hub_of(server), _operator(peer), req.call_id, req.on))


async def comms_mute(server: Server, peer: Peer, req: cm.MuteComms) -> cm.CommsCallOk:
    return cm.CommsCallOk(call=await call_control.mute(hub_of(server), _operator(peer), req))


async def comms_transfer(server: Server, peer: Peer, req: cm.TransferComms) -> cm.CommsCallOk:
    return cm.CommsCallOk(call=await transfers.transfer(hub_of(server), _operator(peer), peer.seat_id, req))


async def comms_transfer_complete(server: Server, peer: Peer, req: cm.CompleteTransfer) -> cm.CommsCallOk:
    return cm.CommsCallOk(call=await transfers.complete(hub_of(server), _operator(peer), req))


async def comms_add_party(server: Server, peer: Peer, req: cm.AddParty) -> cm.CommsCallOk:
    return cm.CommsCallOk(call=await conference.add_party(hub_of(server), _operator(peer), req))


async def comms_drop_party(server: Server, peer: Peer, req: cm.DropParty) -> cm.CommsCallOk:
    return cm.CommsCallOk(call=await conference.drop_party(hub_of(server), _operator(peer), req))


async def comms_lock(server: Server, peer: Peer, req: cm.LockConference) -> cm.CommsCallOk:
    return cm.CommsCallOk(call=await call_control.lock(hub_of(server), _operator(peer), req.call_id, req.on))


async def comms_hangup(server: Server, peer: Peer, req: cm.CallRef) -> cm.CommsCallOk:
    return cm.CommsCallOk(call=await call_control.hangup(hub_of(server), _operator(peer), req.call_id))


async def comms_attach_call(server: Server, peer: Peer, req: cm.AttachCall) -> cm.CommsCallOk:
    return cm.CommsCallOk(call=await call_control.attach(hub_of(server), _operator(peer), peer.seat_id, req))


async def comms_calls(server: Server, peer: Peer, req: cm.ListCommsCalls) -> cm.CommsCallList:
    return cm.CommsCallList(calls=await call_control.list_calls(hub_of(server), _operator(peer), req))


async def comms_telephony(server: Server, peer: Peer, req: cm.GetTelephonyStatus) -> cm.TelephonyStatus:
    return hub_of(server).adapter.status()


HANDLERS: dict[str, Handler] = {
    "comms.directory": comms_directory,
    "comms.set_presence": comms_set_presence,
    "comms.dial": comms_dial,
    "comms.answer": comms_answer,
    "comms.hold": comms_hold,
    "comms.mute": comms_mute,
    "comms.transfer": comms_transfer,
    "comms.transfer_complete": comms_transfer_complete,
    "comms.add_party": comms_add_party,
    "comms.drop_party": comms_drop_party,
    "comms.lock": comms_lock,
    "comms.hangup": comms_hangup,
    "comms.attach_call": comms_attach_call,
    "comms.calls": comms_calls,
    "comms.telephony": comms_telephony,
}
