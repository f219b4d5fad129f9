"""Voice calls over real websockets with the simulated telephony: dial → ringing → active with the
party in_call, hold, mute, hang up; numbers that are busy, unknown, unreachable or not answered end
with their result and reason; bad targets are refused and write nothing; call ids survive a restart."""

from __future__ import annotations

import asyncio
from typing import Any

from backend import schema
from backend.server import Server
from backend.store import Store
from client_api import comms_messages as cm
from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_alert_ack import fails
from tests.backend.test_comms_support import (
    CITIZEN,
    OFF_DUTY,
    OFFLINE,
    WU_LEI,
    act,
    call_is,
    dial,
    dial_answered,
    presence_is,
    served_hub,
    to_entry,
    to_number,
)
from tests.backend.test_intake_support import count, seats


def test_a_call_rings_is_answered_held_muted_and_hung_up(aio: Any, seeded_store: Store) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(hub.server, "operator1", "operator2") as (wang, li):
            first = await dial(wang, to_entry(WU_LEI))
            ringing = await wang.wait_for(call_is(first.id, "ringing"))
            active = await wang.wait_for(call_is(first.id, "active"))
            in_call = await li.wait_for(presence_is(WU_LEI, "in_call"))
            mine: cm.CommsCallList = await wang.client.request("comms.calls", cm.ListCommsCalls())
            theirs: cm.CommsCallList = await li.client.request("comms.calls", cm.ListCommsCalls())
            held = await act(wang, "comms.hold", cm.HoldComms(call_id=first.id))
            back = await act(wang, "comms.hold", cm.HoldComms(call_id=first.id, on=False))
            muted = await act(wang, "comms.mute", cm.MuteComms(call_id=first.id))
            ended = await act(wang, "comms.hangup", cm.CallRef(call_id=first.id))
            free = await li.wait_for(presence_is(WU_LEI, "available"))
            log: cm.CommsCallList = await li.client.request("comms.calls", cm.ListCommsCalls(log=True))
            again = await fails(wang, "comms.hold", cm.HoldComms(call_id=first.id))
            return locals()

    with served_hub(aio, seeded_store) as hub:
        got = aio.run(scenario())
    first, active = got["first"], got["active"].payload.call
    assert (first.state, first.owner, first.direction, first.adapter, first.seat_id) == (
        "dialing",
        "operator1",
        "out",
        "sim",
        "S1",
    )
    assert [(p.name, p.number, p.entry_id) for p in first.parties] == [("吴磊", "13951200101", WU_LEI)]
    assert got["ringing"].payload.call.parties[0].state == "ringing"
    assert active.parties[0].state == "connected" and active.answered_at is not None
    assert got["in_call"].payload.since >= active.answered_at
    assert [c.id for c in got["mine"].calls] == [first.id] and got["theirs"].calls == []
    assert (got["held"].state, got["held"].held, got["held"].parties[0].state) == ("held", True, "held")
    assert (got["back"].state, got["back"].held, got["back"].parties[0].state) == (
        "active",
        False,
        "connected",
    )
    assert got["muted"].muted is True
    ended = got["ended"]
    assert (ended.state, ended.result, ended.parties[0].state, ended.parties[0].result) == (
        "ended",
        "completed",
        "left",
        "completed",
    )
    assert got["log"].calls[0] == ended
    assert (got["again"].code, got["again"].message) == (
        ErrorCode.INVALID_FIELD,
        f"call {first.id} has ended",
    )


def test_busy_unknown_unreachable_and_unanswered_numbers_end_with_why(aio: Any, seeded_store: Store) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(hub.server, "operator1", "operator2") as (wang, li):
            talking = await dial_answered(li, to_entry(WU_LEI))
            busy = await dial(wang, to_entry(WU_LEI))
            unreachable = await dial(wang, to_number("19990001234"))
            offline = await dial(wang, to_entry(OFFLINE))
            off_duty = await dial(wang, to_entry(OFF_DUTY))
            citizen = await dial(wang, to_number(CITIZEN))
            ends = {
                name: (await wang.wait_for(call_is(call.id, "failed"))).payload.call
                for name, call in [
                    ("busy", busy),
                    ("unreachable", unreachable),
                    ("offline", offline),
                    ("off_duty", off_duty),
                ]
            }
            answered = await wang.wait_for(call_is(citizen.id, "active"))
            unknown = await dial(wang, to_number("000111"))
            not_a_number = await dial(wang, to_number("sip:nobody@pbx.local"))
            await act(li, "comms.hangup", cm.CallRef(call_id=talking.id))
            return locals()

    with served_hub(aio, seeded_store, ring_timeout=0.2) as hub:
        got = aio.run(scenario())
    ends = got["ends"]
    assert {name: (c.result, c.reason) for name, c in ends.items()} == {
        "busy": ("busy", "吴磊 is busy"),
        "unreachable": ("unreachable", "19990001234 cannot be reached"),
        "offline": ("unreachable", "水务抢修12 袁鹏 cannot be reached"),
        "off_duty": ("no_answer", "赵丽华 did not answer"),
    }
    assert ends["off_duty"].parties[0].state == "failed" and ends["off_duty"].answered_at is None
    assert got["answered"].payload.call.parties[0].name == ""  # a citizen: not in the directory
    for name in ("unknown", "not_a_number"):  # refused by the adapter at once: failed, on record
        call = got[name]
        assert (call.state, call.result, call.parties[0].state) == ("failed", "unknown_number", "failed")
    assert got["unknown"].reason == "000111 does not exist"
    assert got["not_a_number"].reason == "sip:nobody@pbx.local is not a phone number"


def test_bad_targets_and_other_operators_calls_are_refused(aio: Any, seeded_store: Store) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(hub.server, "operator1", "operator2", "supervisor1", "handler1") as (
            wang,
            li,
            chen,
            zhao,
        ):
            call = await dial_answered(wang, to_entry(WU_LEI))
            bad: dict[str, Any] = {}
            for name, (seat, type_, payload) in {
                "garbage": (wang, "comms.dial", cm.Dial(target=to_number("call 110!"))),
                "empty": (wang, "comms.dial", cm.Dial(target=to_number("  "))),
                "both": (wang, "comms.dial", cm.Dial(target=cm.Target(entry_id=WU_LEI, number=CITIZEN))),
                "nobody": (wang, "comms.dial", cm.Dial(target=to_entry("gm-nobody"))),
                "no_case": (wang, "comms.dial", cm.Dial(target=to_number(CITIZEN), case_id=999999)),
                "theirs": (li, "comms.hangup", cm.CallRef(call_id=call.id)),
                "unknown": (wang, "comms.hangup", cm.CallRef(call_id=999999)),
                "role": (zhao, "comms.dial", cm.Dial(target=to_number(CITIZEN))),
                "limit": (wang, "comms.calls", cm.ListCommsCalls(log=True, limit=0)),
            }.items():
                bad[name] = await fails(seat, type_, payload)
            ended = await act(chen, "comms.hangup", cm.CallRef(call_id=call.id))  # a supervisor may
            return {"bad": bad, "ended": ended}

    with served_hub(aio, seeded_store) as hub:
        got = aio.run(scenario())
        written = count(aio, seeded_store, schema.comms_calls)
    bad = got["bad"]
    assert {name: (e.code, e.details.get("field")) for name, e in bad.items()} == {
        "garbage": (ErrorCode.INVALID_FIELD, "target.number"),
        "empty": (ErrorCode.INVALID_FIELD, "target.number"),
        "both": (ErrorCode.INVALID_FIELD, "target"),
        "nobody": (ErrorCode.NOT_FOUND, "target.entry_id"),
        "no_case": (ErrorCode.NOT_FOUND, "case_id"),
        "theirs": (ErrorCode.FORBIDDEN, "call_id"),
        "unknown": (ErrorCode.NOT_FOUND, "call_id"),
        "role": (ErrorCode.FORBIDDEN, None),
        "limit": (ErrorCode.INVALID_FIELD, "limit"),
    }
    assert bad["garbage"].message == "'call 110!' is not a phone number or a SIP address"
    assert (got["ended"].state, got["ended"].result) == ("ended", "completed")
    assert written == 1  # the refused dials wrote nothing


def test_an_incoming_call_goes_to_the_first_seat_that_answers(aio: Any, seeded_store: Store) -> None:
    async def scenario() -> dict[str, Any]:
        async with seats(hub.server, "operator1", "operator2") as (wang, li):
            leg = hub.sim.ring_in("13951200101", "12345")
            rung = [
                (await seat.wait_for(lambda e: e.type == "comms.call")).payload.call for seat in (wang, li)
            ]
            call_id = rung[0].id
            listed: cm.CommsCallList = await li.client.request("comms.calls", cm.ListCommsCalls())
            answers = await asyncio.gather(
                *(act(seat, "comms.answer", cm.CallRef(call_id=call_id)) for seat in (wang, li)),
                return_exceptions=True,
            )
            [first] = [a for a in answers if isinstance(a, cm.CommsCall)]
            [late] = [a for a in answers if isinstance(a, ProtocolError)]
            taken = await li.wait_for(call_is(call_id, "active"))
            if first.owner == "operator2":  # li won: the rest of the scenario is wang's
                wang, li = li, wang
            after: cm.CommsCallList = await li.client.request("comms.calls", cm.ListCommsCalls())
            assert after.calls == []  # the call is the winner's now
            hub.sim.far_hangup(leg)
            gone = await wang.wait_for(call_is(call_id, "ended"))
            missed_leg = hub.sim.ring_in(CITIZEN, "12345")
            missed = await wang.wait_for(lambda e: e.type == "comms.call" and e.payload.call.id > call_id)
            rejected = await act(li, "comms.hangup", cm.CallRef(call_id=missed.payload.call.id))
            return locals() | {"missed_leg": missed_leg}

    with served_hub(aio, seeded_store) as hub:
        got = aio.run(scenario())
    rung = got["rung"]
    assert rung[0] == rung[1] and (rung[0].direction, rung[0].owner, rung[0].state) == ("in", "", "ringing")
    assert (rung[0].parties[0].name, rung[0].parties[0].entry_id) == ("吴磊", WU_LEI)
    assert [c.id for c in got["listed"].calls] == [rung[0].id]  # unanswered: every seat sees it
    first, late = got["first"], got["late"]
    assert (first.state, first.seat_id) == ("active", {"operator1": "S1", "operator2": "S2"}[first.owner])
    assert (late.code, late.message) == (
        ErrorCode.INVALID_FIELD,
        f"call {first.id} was answered by {first.owner}",
    )
    assert got["taken"].payload.call == first
    assert got["gone"].payload.call.result == "completed"
    assert (got["rejected"].state, got["rejected"].result) == ("failed", "rejected")


def test_call_ids_never_repeat_after_a_restart(aio: Any, seeded_store: Store) -> None:
    async def one_call(server: Server) -> cm.CommsCall:
        async with seats(server, "operator1") as (wang,):
            return await dial(wang, to_number(CITIZEN))

    with served_hub(aio, seeded_store) as hub:
        first = aio.run(one_call(hub.server))
        second = aio.run(one_call(hub.server))
    with served_hub(aio, seeded_store) as hub:  # the first hub ended the open calls as it stopped
        third = aio.run(one_call(hub.server))
    assert (first.id, second.id, third.id) == (1, 2, 3)
    assert count(aio, seeded_store, schema.comms_calls) == 3
