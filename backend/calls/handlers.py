"""Request handlers of the calls capability; merged into backend.dispatch."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from backend.calls.center import center_of
from backend.calls.history import caller_history
from backend.calls.simulator import simulator_of
from backend.handlers import Handler
from client_api import calls_messages as cm
from client_api.messages import Operator

if TYPE_CHECKING:
    from backend.peer import Peer
    from backend.server import Server


def _seat(peer: Peer) -> tuple[Operator, str]:
    assert peer.operator is not None and peer.seat_id is not None  # the server checked the login
    return peer.operator, peer.seat_id


async def set_state(server: Server, peer: Peer, req: cm.SetOperatorState) -> cm.OperatorStateOk:
    operator, seat_id = _seat(peer)
    return cm.OperatorStateOk(await center_of(server).set_state(operator, seat_id, req.state, req.reason))


async def answer(server: Server, peer: Peer, req: cm.AnswerCall) -> cm.CallOk:
    operator, seat_id = _seat(peer)
    return cm.CallOk(await center_of(server).answer(operator, seat_id, req.call_id))


async def hold(server: Server, peer: Peer, req: cm.HoldCall) -> cm.CallOk:
    _operator, seat_id = _seat(peer)
    return cm.CallOk(await center_of(server).hold(seat_id, req.call_id, req.on))


async def transfer(server: Server, peer: Peer, req: cm.TransferCall) -> cm.CallOk:
    operator, seat_id = _seat(peer)
    center = center_of(server)
    return cm.CallOk(await center.transfer(operator, seat_id, req.call_id, req.to_seat, req.to_number))


async def hangup(server: Server, peer: Peer, req: cm.HangupCall) -> cm.CallOk:
    operator, seat_id = _seat(peer)
    return cm.CallOk(await center_of(server).hangup(operator, seat_id, req.call_id))


async def list_calls(server: Server, peer: Peer, req: cm.ListCalls) -> cm.CallList:
    return await center_of(server).snapshot()


async def history(server: Server, peer: Peer, req: cm.GetCallerHistory) -> cm.CallerHistory:
    operator, _seat_id = _seat(peer)
    return await caller_history(server.store, req.phone, operator.role, time.time())


async def kpis(server: Server, peer: Peer, req: cm.GetHotlineKpis) -> cm.HotlineKpis:
    return await center_of(server).kpis()


async def place_call(server: Server, peer: Peer, req: cm.PlaceSimCall) -> cm.CallOk:
    return cm.CallOk(await simulator_of(server).place(req.caller_number, req.opening))


async def sim_caller_hangup(server: Server, peer: Peer, req: cm.SimCallerHangup) -> cm.CallOk:
    return cm.CallOk(await simulator_of(server).caller_hangup(req.call_id))


HANDLERS: dict[str, Handler] = {
    "operator.set_state": set_state,
    "call.answer": answer,
    "call.hold": hold,
    "call.transfer": transfer,
    "call.hangup": hangup,
    "call.list": list_calls,
    "caller.history": history,
    "kpi.hotline": kpis,
    "sim.place_call": place_call,
    "sim.caller_hangup": sim_caller_hangup,
}
