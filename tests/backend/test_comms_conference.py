"""Conferences and transfers over real websockets with the simulated telephony: a three-party
conference bridged by the adapter, one party muted, a locked conference refusing more, parties dropped
until the call ends; a blind transfer and an attended one through a consultation call."""

from __future__ import annotations

from typing import Any

from backend.store import Store
from client_api import comms_messages as cm
from client_api.errors import ErrorCode
from tests.backend.test_alert_ack import fails
from tests.backend.test_comms_support import (
    CITIZEN,
    CITY_DUTY,
    WATER_DUTY,
    WU_LEI,
    ZHANG_WEI,
    act,
    call_is,
    dial_answered,
    party_is,
    presence_is,
    served_hub,
    to_entry,
    to_number,
)
from tests.backend.test_intake_support import seats


def test_a_three_party_conference_mute_lock_and_drop(aio: Any, seeded_store: Store) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(hub.server, "operator1") as (wang,):
            call = await dial_answered(wang, to_entry(WU_LEI))
            for party_id, target in ((2, CITY_DUTY), (3, ZHANG_WEI)):
                await act(wang, "comms.add_party", cm.AddParty(call_id=call.id, target=to_entry(target)))
                await wang.wait_for(party_is(call.id, party_id, "connected"))
            legs = {p: hub.leg_of(call.id, p) for p in (1, 2, 3)}
            bridged = {p: hub.sim.legs[leg].bridged for p, leg in legs.items()}
            twice = await fails(
                wang, "comms.add_party", cm.AddParty(call_id=call.id, target=to_entry(WU_LEI))
            )
            muted = await act(wang, "comms.mute", cm.MuteComms(call_id=call.id, party_id=2))
            leg_muted = hub.sim.legs[legs[2]].muted
            locked = await act(wang, "comms.lock", cm.LockConference(call_id=call.id))
            refused = await fails(
                wang, "comms.add_party", cm.AddParty(call_id=call.id, target=to_entry(WATER_DUTY))
            )
            one_left = await act(wang, "comms.drop_party", cm.DropParty(call_id=call.id, party_id=1))
            free = await wang.wait_for(presence_is(WU_LEI, "available"))
            gone = await fails(wang, "comms.drop_party", cm.DropParty(call_id=call.id, party_id=1))
            await act(wang, "comms.drop_party", cm.DropParty(call_id=call.id, party_id=3))
            last = await act(wang, "comms.drop_party", cm.DropParty(call_id=call.id, party_id=2))
            return locals()

    with served_hub(aio, seeded_store) as hub:
        got = aio.run(scenario())
    legs, bridged = got["legs"], got["bridged"]
    assert bridged == {p: frozenset(legs.values()) - {leg} for p, leg in legs.items()}
    assert (got["twice"].code, got["twice"].message) == (
        ErrorCode.INVALID_FIELD,
        f"吴磊 is already on call {got['call'].id}",
    )
    assert [p.muted for p in got["muted"].parties] == [False, True, False] and got["leg_muted"] is True
    assert got["locked"].locked and got["locked"].conference
    assert (
        got["refused"].message
        == f"the conference on call {got['call'].id} is locked: unlock it to add a party"
    )
    one_left = got["one_left"]
    assert (one_left.state, [p.state for p in one_left.parties]) == (
        "active",
        ["left", "connected", "connected"],
    )
    assert got["gone"].message == f"party 1 has already left call {got['call'].id}"
    last = got["last"]
    assert (last.state, last.result, [p.result for p in last.parties]) == (
        "ended",
        "completed",
        ["completed"] * 3,
    )
    assert [p.name for p in last.parties] == ["吴磊", "区城市管理局值班室", "张伟"]


def test_blind_and_attended_transfers(aio: Any, seeded_store: Store) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(hub.server, "operator1") as (wang,):
            blind_call = await dial_answered(wang, to_number(CITIZEN))
            refused = await fails(
                wang, "comms.transfer", cm.TransferComms(call_id=blind_call.id, target=to_number("000123"))
            )
            blind = await act(
                wang, "comms.transfer", cm.TransferComms(call_id=blind_call.id, target=to_entry(CITY_DUTY))
            )
            first = await dial_answered(wang, to_entry(WU_LEI))
            consult = await act(
                wang,
                "comms.transfer",
                cm.TransferComms(call_id=first.id, target=to_entry(WATER_DUTY), attended=True),
            )
            await wang.wait_for(call_is(consult.id, "active"))
            held: cm.CommsCallList = await wang.client.request("comms.calls", cm.ListCommsCalls())
            wrong = await fails(
                wang,
                "comms.transfer_complete",
                cm.CompleteTransfer(call_id=consult.id, consult_call_id=first.id),
            )
            done = await act(
                wang,
                "comms.transfer_complete",
                cm.CompleteTransfer(call_id=first.id, consult_call_id=consult.id),
            )
            consult_end = await wang.wait_for(call_is(consult.id, "ended"))
            free = await wang.wait_for(presence_is(WU_LEI, "available"))
            left: cm.CommsCallList = await wang.client.request("comms.calls", cm.ListCommsCalls())
            return locals()

    with served_hub(aio, seeded_store) as hub:
        got = aio.run(scenario())
    assert (got["refused"].code, got["refused"].details) == (ErrorCode.INVALID_FIELD, {"field": "target"})
    blind = got["blind"]
    assert (blind.state, blind.result, blind.parties[0].result) == ("ended", "transferred", "transferred")
    assert blind.reason == "transferred to 区城市管理局值班室(0512-66010001)"
    first, consult = got["first"], got["consult"]
    assert (consult.consult_for, consult.parties[0].entry_id) == (first.id, WATER_DUTY)
    assert {c.id: c.state for c in got["held"].calls} == {first.id: "held", consult.id: "active"}
    assert got["wrong"].details == {"field": "consult_call_id"}
    done = got["done"]
    assert (done.id, done.state, done.result) == (first.id, "ended", "transferred")
    assert (
        done.reason == f"transferred to 区水务局值班室(0512-66010003) after consultation (call {consult.id})"
    )
    consult_end = got["consult_end"].payload.call
    assert consult_end.result == "transferred"
    assert (
        consult_end.reason
        == f"区水务局值班室(0512-66010003) took over call {first.id} from 吴磊(13951200101)"
    )
    assert got["left"].calls == []
