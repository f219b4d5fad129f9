"""Calls in a case's record: a call tied to a case writes one timeline entry when it ends (who, whom,
when, how long, result, the conference's parties, a transfer's target), a call attached after it ended
writes it then, and the case's call log lists them."""

from __future__ import annotations

from typing import Any

from backend import schema
from backend.comms.call_note import call_note, duration
from backend.store import Store
from client_api import comms_messages as cm
from client_api.errors import ErrorCode
from tests.backend.test_alert_ack import fails
from tests.backend.test_comms_support import (
    CITIZEN,
    CITY_DUTY,
    WU_LEI,
    act,
    call_is,
    dial,
    dial_answered,
    party_is,
    served_hub,
    to_entry,
    to_number,
)
from tests.backend.test_intake_support import create, rows, seats


def timeline(aio: Any, store: Store, case_id: int) -> list[Any]:
    table = schema.case_timeline
    return rows(aio, store, table, table.c.case_id == case_id, table.c.action == "comms_call")


def test_a_case_records_each_call_once_when_it_ends(aio: Any, seeded_store: Store) -> None:
    case = create(aio, seeded_store)
    other = create(aio, seeded_store, "井盖缺失")

    async def scenario() -> dict[str, Any]:
        async with seats(hub.server, "operator1", "supervisor1") as (wang, chen):
            conf = await dial_answered(wang, to_entry(WU_LEI), case_id=case.id)
            await act(wang, "comms.add_party", cm.AddParty(call_id=conf.id, target=to_entry(CITY_DUTY)))
            await wang.wait_for(party_is(conf.id, 2, "connected"))
            conf_end = await act(wang, "comms.hangup", cm.CallRef(call_id=conf.id))
            moved = await dial_answered(wang, to_number(CITIZEN))
            await act(wang, "comms.attach_call", cm.AttachCall(call_id=moved.id, case_id=case.id))
            hub.sim.far_hangup(hub.leg_of(moved.id))
            moved_end = (await wang.wait_for(call_is(moved.id, "ended"))).payload.call
            later = await dial(wang, to_number("19990001"))
            later_end = (await wang.wait_for(call_is(later.id, "failed"))).payload.call
            attached = await act(chen, "comms.attach_call", cm.AttachCall(call_id=later.id, case_id=case.id))
            again = await act(chen, "comms.attach_call", cm.AttachCall(call_id=later.id, case_id=case.id))
            log: cm.CommsCallList = await wang.client.request(
                "comms.calls", cm.ListCommsCalls(log=True, case_id=case.id)
            )
            none: cm.CommsCallList = await wang.client.request(
                "comms.calls", cm.ListCommsCalls(log=True, case_id=other.id)
            )
            no_case = await fails(wang, "comms.attach_call", cm.AttachCall(call_id=later.id, case_id=999999))
            return locals()

    with served_hub(aio, seeded_store) as hub:
        got = aio.run(scenario())
    conf_end, moved_end, attached = got["conf_end"], got["moved_end"], got["attached"]
    entries = timeline(aio, seeded_store, case.id)
    assert [e.note for e in entries] == [call_note(conf_end), call_note(moved_end), call_note(attached)]
    assert [(e.actor, e.seat_id) for e in entries] == [("operator1", "S1")] * 2 + [("supervisor1", "S2")]
    assert call_note(conf_end).startswith(f"call {conf_end.id} ")
    assert "呼出 吴磊(13951200101) " in call_note(conf_end)
    assert call_note(conf_end).endswith(" completed; conference: 吴磊, 区城市管理局值班室")
    assert call_note(attached).endswith("呼出 19990001 unreachable; 19990001 cannot be reached")
    assert (attached.case_id, got["again"]) == (case.id, attached)
    assert got["later_end"].case_id is None
    assert [c.id for c in got["log"].calls] == [attached.id, moved_end.id, conf_end.id]
    assert got["none"].calls == [] and timeline(aio, seeded_store, other.id) == []
    assert (got["no_case"].code, got["no_case"].details) == (ErrorCode.NOT_FOUND, {"field": "case_id"})


def test_a_transfer_on_a_case_says_where_the_call_went(aio: Any, seeded_store: Store) -> None:
    case = create(aio, seeded_store)

    async def scenario() -> cm.CommsCall:
        async with seats(hub.server, "operator1") as (wang,):
            call = await dial_answered(wang, to_number(CITIZEN), case_id=case.id)
            return await act(
                wang, "comms.transfer", cm.TransferComms(call_id=call.id, target=to_entry(CITY_DUTY))
            )

    with served_hub(aio, seeded_store) as hub:
        ended = aio.run(scenario())
    [entry] = timeline(aio, seeded_store, case.id)
    assert entry.note == call_note(ended)
    assert entry.note.endswith(" transferred; transferred to 区城市管理局值班室(0512-66010001)")


def test_durations_read_as_operators_say_them() -> None:
    assert [duration(s) for s in (0, 45.4, 125, 3725)] == ["0秒", "45秒", "2分05秒", "1时02分05秒"]
