"""Typed commands of the calls capability on top of a SeatClient (see docs/protocol-calls.md)."""

from __future__ import annotations

import msgspec

from client_api import calls_messages as cm
from client_api.client import SeatClient


class CallsApi:
    """Hotline calls, operator presence, screen-pop and KPIs. Errors arrive as ProtocolError."""

    def __init__(self, client: SeatClient) -> None:
        self.client = client

    async def set_state(self, state: str, reason: str | None = None) -> cm.OperatorState:
        result: cm.OperatorStateOk = await self.client.request(
            "operator.set_state", cm.SetOperatorState(state, reason)
        )
        return result.operator

    async def answer(self, call_id: int) -> cm.Call:
        return await self._call("call.answer", cm.AnswerCall(call_id))

    async def hold(self, call_id: int, on: bool = True) -> cm.Call:
        return await self._call("call.hold", cm.HoldCall(call_id, on))

    async def transfer(
        self, call_id: int, *, to_seat: str | None = None, to_number: str | None = None
    ) -> cm.Call:
        return await self._call("call.transfer", cm.TransferCall(call_id, to_seat, to_number))

    async def hangup(self, call_id: int) -> cm.Call:
        return await self._call("call.hangup", cm.HangupCall(call_id))

    async def list(self) -> cm.CallList:
        result: cm.CallList = await self.client.request("call.list", cm.ListCalls())
        return result

    async def history(self, phone: str) -> cm.CallerHistory:
        result: cm.CallerHistory = await self.client.request("caller.history", cm.GetCallerHistory(phone))
        return result

    async def kpis(self) -> cm.HotlineKpis:
        result: cm.HotlineKpis = await self.client.request("kpi.hotline", cm.GetHotlineKpis())
        return result

    async def place_call(self, caller_number: str = "", opening: str = "") -> cm.Call:
        """Simulator only (trainer, supervisor, admin)."""
        return await self._call("sim.place_call", cm.PlaceSimCall(caller_number, opening))

    async def caller_hangup(self, call_id: int) -> cm.Call:
        """Simulator only: the simulated caller hangs up."""
        return await self._call("sim.caller_hangup", cm.SimCallerHangup(call_id))

    async def _call(self, type_: str, payload: msgspec.Struct) -> cm.Call:
        result: cm.CallOk = await self.client.request(type_, payload)
        return result.call
