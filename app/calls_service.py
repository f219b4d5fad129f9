"""The Qt face of the hotline: this seat's call, every operator's state and the hotline KPIs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from app.live_state import LiveState
from app.seat_service import SeatService
from client_api import calls_messages as cm
from client_api.client import Event

log = logging.getLogger("app.calls")


class CallsService(LiveState):
    """Signals:
    myCallChanged(object): this seat's current call (a Call) or None when it has none.
    queueChanged(): the set of open calls changed.
    kpisChanged(object): new HotlineKpis.
    myStateChanged(object): this operator's OperatorState.

    Attributes:
        calls: open calls by id; my_call; my_state; kpis.
    """

    what = "hotline state"

    myCallChanged = Signal(object)
    queueChanged = Signal()
    kpisChanged = Signal(object)
    myStateChanged = Signal(object)

    def __init__(self, seat: SeatService, parent: QObject | None = None) -> None:
        super().__init__(seat, parent)
        self.calls: dict[int, cm.Call] = {}
        self.my_call: cm.Call | None = None
        self.my_state: cm.OperatorState | None = None
        self.kpis: cm.HotlineKpis | None = None

    @property
    def seat_id(self) -> str | None:
        return self._seat.client.seat_id

    async def load(self) -> None:
        """Load open calls, operators' states and the KPIs (after login and after each reconnect)."""
        listing: cm.CallList = await self._seat.client.request("call.list", cm.ListCalls())
        self.calls = {c.id: c for c in listing.calls}
        for op in listing.operators:
            self._on_operator(op)
        self._update_my_call()
        self.queueChanged.emit()
        self._on_kpis(await self._seat.client.request("kpi.hotline", cm.GetHotlineKpis()))

    async def set_state(self, state: str, reason: str | None = None) -> None:
        result: cm.OperatorStateOk = await self._seat.client.request(
            "operator.set_state", cm.SetOperatorState(state, reason)
        )
        self._on_operator(result.operator)

    async def answer(self, call_id: int) -> None:
        self._apply(await self._seat.client.request("call.answer", cm.AnswerCall(call_id)))

    async def hold(self, call_id: int, on: bool) -> None:
        self._apply(await self._seat.client.request("call.hold", cm.HoldCall(call_id, on)))

    async def transfer(
        self, call_id: int, *, to_seat: str | None = None, to_number: str | None = None
    ) -> None:
        self._apply(
            await self._seat.client.request("call.transfer", cm.TransferCall(call_id, to_seat, to_number))
        )

    async def hangup(self, call_id: int) -> None:
        self._apply(await self._seat.client.request("call.hangup", cm.HangupCall(call_id)))

    async def history(self, phone: str) -> cm.CallerHistory:
        result: cm.CallerHistory = await self._seat.client.request(
            "caller.history", cm.GetCallerHistory(phone)
        )
        return result

    def on_seat_eventReceived(self, event: Event) -> None:
        payload = event.payload
        if isinstance(payload, cm.CallUpdated):
            self._on_call(payload.call)
        elif isinstance(payload, cm.OperatorState):
            self._on_operator(payload)
        elif isinstance(payload, cm.HotlineKpis):
            self._on_kpis(payload)

    def _apply(self, result: cm.CallOk) -> None:
        self._on_call(result.call)

    def _on_call(self, call: cm.Call) -> None:
        if call.state in cm.OPEN_CALL_STATES:
            self.calls[call.id] = call
        else:
            self.calls.pop(call.id, None)
        self._update_my_call(changed=call)
        self.queueChanged.emit()

    def _update_my_call(self, changed: cm.Call | None = None) -> None:
        seat = self.seat_id
        mine = [c for c in self.calls.values() if seat and seat in (c.offered_to, c.seat_id)]
        current = min(mine, key=lambda c: c.queued_at) if mine else None
        if (
            changed is not None
            and current is None
            and self.my_call is not None
            and changed.id == self.my_call.id
        ):
            current = None  # my call ended
        if current != self.my_call:
            self.my_call = current
            self.myCallChanged.emit(current)

    def _on_operator(self, op: cm.OperatorState) -> None:
        operator = self._seat.operator
        if operator is not None and op.username == operator.username:
            self.my_state = op
            self.myStateChanged.emit(op)

    def _on_kpis(self, kpis: cm.HotlineKpis) -> None:
        self.kpis = kpis
        self.kpisChanged.emit(kpis)
