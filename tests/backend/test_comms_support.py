"""Helpers of the comms call tests (no tests here): a seeded server running the comms hub with the
simulated telephony, and waits for call and presence events."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from backend.comms.hub import CommsHub
from backend.comms.sim_telephony import SimTelephony
from backend.server import Server
from backend.store import Store
from client_api import comms_messages as cm
from client_api.client import Event
from tests.backend.test_intake_support import Seat

# Demo directory entries the tests call (resources/demo/directory.json).
WU_LEI = "gm-32099900100101-1"  # 吴磊, grid member, 13951200101
ZHANG_WEI = "gm-32099900100102-1"  # 张伟, grid member of 滨江社区第2网格
CITY_DUTY = "dept-D-CG"  # 区城市管理局值班室, 0512-66010001
WATER_DUTY = "dept-D-SW"  # 区水务局值班室
OFF_DUTY = "person-02"  # 赵丽华, off duty in the demo
OFFLINE = "unit-12"  # 水务抢修12 袁鹏, offline in the demo
CITIZEN = "13700001111"  # not in the directory: a citizen who answers


class Hub:
    """The served hub with its simulated telephony: ``server``, ``hub``, ``sim``."""

    def __init__(self, server: Server, hub: CommsHub, sim: SimTelephony) -> None:
        self.server, self.hub, self.sim = server, hub, sim

    def leg_of(self, call_id: int, party_id: int = 1) -> str:
        return self.hub.calls[call_id].legs[party_id]


@contextlib.contextmanager
def served_hub(
    aio: Any, store: Store, *, answer_delay: float = 0.01, ring_timeout: float = 60.0
) -> Iterator[Hub]:
    """A server on ``store`` (seeded) with the comms hub and a fast simulated telephony."""
    sim = SimTelephony(answer_delay=answer_delay, ring_timeout=ring_timeout)
    hub = CommsHub(adapter=sim)
    server = Server(store, port=0, services=[hub])
    aio.run(server.start())
    try:
        yield Hub(server, hub, sim)
    finally:
        aio.run(server.close())


def to_entry(entry_id: str) -> cm.Target:
    return cm.Target(entry_id=entry_id)


def to_number(number: str) -> cm.Target:
    return cm.Target(number=number)


def call_is(
    call_id: int, state: str, check: Callable[[cm.CommsCall], bool] = lambda c: True
) -> Callable[[Event], bool]:
    return lambda e: (
        e.type == "comms.call"
        and e.payload.call.id == call_id
        and e.payload.call.state == state
        and check(e.payload.call)
    )


def party_is(call_id: int, party_id: int, state: str) -> Callable[[Event], bool]:
    def match(e: Event) -> bool:
        if e.type != "comms.call" or e.payload.call.id != call_id:
            return False
        return any(p.id == party_id and p.state == state for p in e.payload.call.parties)

    return match


def presence_is(entry_id: str, presence: str) -> Callable[[Event], bool]:
    return lambda e: (
        e.type == "comms.presence" and e.payload.entry_id == entry_id and e.payload.presence == presence
    )


async def dial(seat: Seat, target: cm.Target, case_id: int | None = None) -> cm.CommsCall:
    ok: cm.CommsCallOk = await seat.client.request("comms.dial", cm.Dial(target=target, case_id=case_id))
    return ok.call


async def dial_answered(seat: Seat, target: cm.Target, case_id: int | None = None) -> cm.CommsCall:
    """Dial and wait until the far end answered: the call as its active event has it."""
    call = await dial(seat, target, case_id)
    event = await seat.wait_for(call_is(call.id, "active"))
    answered: cm.CommsCall = event.payload.call
    return answered


async def act(seat: Seat, type_: str, payload: Any) -> cm.CommsCall:
    ok: cm.CommsCallOk = await seat.client.request(type_, payload)
    return ok.call
