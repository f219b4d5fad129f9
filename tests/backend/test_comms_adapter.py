"""The hub and its telephony adapter over real websockets: the adapter's status for every seat and
its status changes as events; a phone system that does not answer a request fails the call as
unreachable instead of hanging the panel."""

from __future__ import annotations

import asyncio
from typing import Any

from backend.comms.hub import CommsHub
from backend.comms.sim_telephony import SimTelephony
from backend.comms.telephony import AdapterCallbacks
from backend.server import Server
from backend.store import Store
from client_api import comms_messages as cm
from tests.backend.test_comms_support import WU_LEI, dial, to_entry
from tests.backend.test_intake_support import seats


class SilentTelephony(SimTelephony):
    """A phone system that never answers a dial (the edge of the world: a PBX that hangs)."""

    callbacks: AdapterCallbacks

    async def start(self, callbacks: AdapterCallbacks) -> None:
        self.callbacks = callbacks
        await super().start(callbacks)

    async def dial(self, number: str) -> str:
        await asyncio.Event().wait()
        raise AssertionError("never")


def test_a_telephony_that_does_not_answer_fails_the_call(aio: Any, seeded_store: Store) -> None:
    silent = SilentTelephony()
    hub = CommsHub(adapter=silent, adapter_timeout=0.05)
    server = Server(seeded_store, port=0, services=[hub])

    async def scenario() -> dict[str, Any]:
        async with seats(server, "operator1") as (wang,):
            status: cm.TelephonyStatus = await wang.client.request("comms.telephony", cm.GetTelephonyStatus())
            stuck = await dial(wang, to_entry(WU_LEI))
            silent.callbacks.on_status(cm.TelephonyStatus(adapter="sim", state="failed", detail="PBX gone"))
            event = await wang.wait_for(lambda e: e.type == "comms.telephony")
            return {"status": status, "stuck": stuck, "event": event.payload}

    aio.run(server.start())
    try:
        got = aio.run(scenario())
    finally:
        aio.run(server.close())
    assert (got["status"].adapter, got["status"].state) == ("sim", "simulated")
    stuck = got["stuck"]
    assert (stuck.state, stuck.result) == ("failed", "unreachable")
    assert stuck.reason == "the telephony did not answer within 0.05 s"
    assert (got["event"].state, got["event"].detail) == ("failed", "PBX gone")
