"""Helpers of the comms panel UI tests: directory entries, calls, messages and video sessions as the
backend sends them, and a comms service on a seat that never connects (the test delivers events)."""

from __future__ import annotations

import time
from typing import Any

from app.comms_service import CommsService
from app.seat_service import SeatService
from client_api import comms_messages as cm
from client_api import messages as m
from tests.ui.test_wall_support import send, signed_in_seat

NOW = time.time()

ZHANG_WEI = cm.DirectoryEntry(
    id="gm-1", name="张伟", kind="grid_member", initials="zw", org="滨江社区", role="网格员",
    town="320999001", grid_code="32099900100102", phone="13951200102", radio_id="2102",
    talk_groups=("TG-GRID",),
)  # fmt: skip
CITY_DUTY = cm.DirectoryEntry(
    id="dept-D-CG", name="区城市管理局值班室", kind="department", initials="qcsgljzbs",
    org="区城市管理局", role="值班室", phone="0512-66010001",
)  # fmt: skip
UNIT_3 = cm.DirectoryEntry(
    id="unit-03", name="城管执法3 李强", kind="field_unit", org="区城市管理局", phone="13800000003",
    radio_id="3003", device="执法记录仪", video_url="sim://unit-03", presence="busy",
)  # fmt: skip
ENTRIES = [CITY_DUTY, ZHANG_WEI, UNIT_3]


def party(pid: int, number: str, name: str = "", state: str = "connected", **over: Any) -> cm.CallParty:
    joined = NOW - 30 if state in ("connected", "held", "left") else None
    return cm.CallParty(id=pid, number=number, name=name, state=state, joined_at=joined, **over)


def call(
    call_id: int,
    state: str = "active",
    parties: tuple[cm.CallParty, ...] | None = None,
    owner: str = "operator1",
    direction: str = "out",
    **over: Any,
) -> cm.CommsCall:
    if parties is None:
        parties = (party(1, ZHANG_WEI.phone, ZHANG_WEI.name, entry_id=ZHANG_WEI.id),)
    answered = NOW - 30 if state in ("active", "held") else None
    return cm.CommsCall(
        id=call_id, owner=owner, direction=direction, state=state, parties=parties, adapter="sim",
        started_at=NOW - 40, answered_at=over.pop("answered_at", answered), **over,
    )  # fmt: skip


def conference(call_id: int = 7, **over: Any) -> cm.CommsCall:
    parties = (
        party(1, ZHANG_WEI.phone, ZHANG_WEI.name, entry_id=ZHANG_WEI.id),
        party(2, CITY_DUTY.phone, CITY_DUTY.name, entry_id=CITY_DUTY.id),
        party(3, "13700001111"),
    )
    return call(call_id, parties=parties, **over)


def receipt(entry: cm.DirectoryEntry, state: str, reason: str | None = None) -> cm.Receipt:
    return cm.Receipt(
        entry_id=entry.id, name=entry.name, address=entry.phone, state=state, at=NOW, reason=reason
    )


def sms(msg_id: int, *receipts: cm.Receipt, sender: str = "operator1", **over: Any) -> cm.Message:
    return cm.Message(
        id=msg_id, medium="sms", sender=sender, body=over.pop("body", "请到现场核实"),
        audience=over.pop("audience", "滨江街道全体网格员"), sent_at=NOW - 60 + msg_id, receipts=receipts,
        **over,
    )  # fmt: skip


def session(session_id: int, ended: bool = False, **over: Any) -> cm.VideoSession:
    return cm.VideoSession(
        id=session_id, entry_id=UNIT_3.id, name=UNIT_3.name, url=UNIT_3.video_url, started_at=NOW - 20,
        by="supervisor1", camera_id=f"VID-{session_id}", ended_at=NOW if ended else None, **over,
    )  # fmt: skip


def case(case_id: int, case_no: str, **over: Any) -> m.CaseRecord:
    return m.CaseRecord(
        id=case_id, case_no=case_no, category_code="E0101", address=over.pop("address", "滨江路 1 号"),
        description="路灯不亮", status="registered", created_at=NOW, created_by="operator1", seat_id="S1",
        **over,
    )  # fmt: skip


def comms_service(role: str = "operator") -> tuple[SeatService, CommsService]:
    """A comms service on a seat signed in as ``<role>1`` that never connects."""
    seat = signed_in_seat(role)
    return seat, CommsService(seat)


def deliver(seat: SeatService, type_: str, payload: object) -> None:
    send(seat, type_, payload)


def deliver_call(seat: SeatService, comms_call: cm.CommsCall) -> None:
    send(seat, "comms.call", cm.CommsCallUpdated(call=comms_call))


def test_calls_of_other_operators_are_not_on_this_panel(qtbot: Any, qt_loop: Any) -> None:
    seat, comms = comms_service()
    with qtbot.waitSignal(comms.callChanged):
        deliver_call(seat, call(1))
    deliver_call(seat, call(2, owner="operator2"))
    assert list(comms.calls) == [1]
    with qtbot.waitSignals([comms.callChanged, comms.callFinished]):
        deliver_call(seat, call(1, state="ended", result="completed", ended_at=NOW))
    assert comms.calls == {}
    with qtbot.assertNotEmitted(comms.callFinished):
        deliver_call(seat, call(1, state="ended", result="completed", ended_at=NOW))  # the answer, again


def test_an_incoming_call_rings_until_a_seat_answers_it(qtbot: Any, qt_loop: Any) -> None:
    seat, comms = comms_service()
    ringing = call(3, state="ringing", owner="", direction="in")
    with qtbot.waitSignal(comms.incomingCall) as incoming:
        deliver_call(seat, ringing)
    assert incoming.args == [ringing] and list(comms.calls) == [3]
    with qtbot.assertNotEmitted(comms.incomingCall):
        deliver_call(seat, ringing)
    with qtbot.waitSignal(comms.callTaken):
        deliver_call(seat, call(3, owner="operator2", direction="in"))  # answered at another seat
    assert comms.calls == {}
