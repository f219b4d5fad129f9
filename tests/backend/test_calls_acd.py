"""Call distribution with real seats: who a call rings at, what a miss, a hangup and a transfer do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from client_api.errors import ErrorCode, ProtocolError
from tests.backend.test_calls_support import Hotline, call_by_id, hotline_server, operator_by_name

CALLER = "13812345678"


@pytest.fixture
def hotline(aio: Any, tmp_path: Path, fast_seed: None) -> Iterator[Hotline]:
    with hotline_server(aio, f"sqlite:///{tmp_path}/calls.sqlite3") as hotline:
        yield hotline


def test_a_seat_that_logs_in_is_away_until_it_says_ready(aio: Any, hotline: Hotline) -> None:
    async def scenario() -> tuple[Any, Any, Any, Any]:
        watcher = await hotline.seat("supervisor1", "W1")
        seat = await hotline.seat("operator1", "S1")
        told = await watcher.wait_operator("operator1")
        own = operator_by_name(await seat.api.list(), "operator1")  # its own login is in its snapshot
        ready = await seat.api.set_state("ready")
        return told, own, ready, await watcher.wait_operator("operator1", state="ready")

    told, own, ready, told_ready = aio.run(scenario())
    assert (told.state, told.reason, told.seat_id) == ("away", "logged in", "S1")
    assert told.display_name == "话务员 王芳"
    assert own == told
    assert (ready.state, ready.reason, ready.since) == ("ready", None, hotline.clock.now)
    assert told_ready == ready


def test_calls_ring_only_at_ready_seats_longest_idle_first(aio: Any, hotline: Hotline) -> None:
    async def scenario() -> dict[str, Any]:
        op1 = await hotline.seat("operator1", "S1")
        op2 = await hotline.seat("operator2", "S2")
        sup = await hotline.seat("supervisor1", "S3")
        trainer = await hotline.seat("trainer1", "T1")  # logged in, never ready
        first = await trainer.api.place_call(CALLER, "滨江路88号水管爆了")
        nobody_ready = call_by_id(await hotline.settle(), first.id)
        await op2.api.set_state("ready")  # the only ready seat: the waiting call goes there
        at_op2 = await op2.wait_call(first.id, offered_to="S2")
        hotline.clock.advance(5)
        await sup.api.set_state("ready")  # ready before operator1: idle longer
        hotline.clock.advance(5)
        await op1.api.set_state("ready")
        await hotline.settle()
        second = await trainer.api.place_call("13951786420")
        at_sup = await sup.wait_call(second.id, offered_to="S3")
        third = await trainer.api.place_call("15850213377")
        at_op1 = await op1.wait_call(third.id, offered_to="S1")
        fourth = await trainer.api.place_call("18662019458")  # nobody ready any more: it waits
        snapshot = await hotline.settle()
        return {
            "nobody_ready": nobody_ready,
            "at_op2": at_op2,
            "at_sup": at_sup,
            "at_op1": at_op1,
            "fourth": call_by_id(snapshot, fourth.id),
            "states": {o.username: (o.state, o.reason) for o in snapshot.operators},
        }

    seen = aio.run(scenario())
    assert (seen["nobody_ready"].state, seen["nobody_ready"].offered_to) == ("ringing", None)
    assert seen["at_op2"].opening == "滨江路88号水管爆了" and seen["at_op2"].simulated
    assert seen["at_sup"].state == seen["at_op1"].state == "ringing"
    assert (seen["fourth"].state, seen["fourth"].offered_to) == ("ringing", None)
    assert seen["states"] == {
        "operator1": ("busy", "ringing"),
        "operator2": ("busy", "ringing"),
        "supervisor1": ("busy", "ringing"),
        "trainer1": ("away", "logged in"),
    }


def test_the_oldest_waiting_call_goes_first(aio: Any, hotline: Hotline) -> None:
    async def scenario() -> tuple[Any, Any, Any]:
        op1 = await hotline.seat("operator1", "S1")
        newer = await hotline.center.place_call("13951786420")
        hotline.clock.advance(-3)  # placed by the telephony side out of order: queued_at decides
        older = await hotline.center.place_call(CALLER)
        hotline.clock.advance(10)
        await op1.api.set_state("ready")
        offered = await op1.wait_for(lambda e: e.type == "call.updated" and e.payload.call.offered_to == "S1")
        return older, offered.payload.call, call_by_id(await hotline.settle(), newer.id)

    older, offered, still_waiting = aio.run(scenario())
    assert older.queued_at < still_waiting.queued_at and older.id > still_waiting.id
    assert offered.id == older.id
    assert still_waiting.offered_to is None


def test_only_the_seat_it_rings_at_may_answer(aio: Any, hotline: Hotline) -> None:
    async def scenario() -> tuple[ProtocolError, int, int, Any, Any]:
        op1 = await hotline.seat("operator1", "S1")
        op2 = await hotline.seat("operator2", "S2")
        await op2.api.set_state("ready")
        call = await hotline.center.place_call(CALLER)
        await op2.wait_call(call.id, offered_to="S2")
        await hotline.settle()
        seq_before = await hotline.store.last_seq()
        with pytest.raises(ProtocolError) as refused:
            await op1.api.answer(call.id)
        seq_after = await hotline.store.last_seq()
        answered = await op2.api.answer(call.id)
        return refused.value, seq_before, seq_after, answered, await op2.api.list()

    refused, seq_before, seq_after, answered, snapshot = aio.run(scenario())
    assert refused.code == ErrorCode.FORBIDDEN
    assert refused.details == {"field": "call_id", "offered_to": "S2"}
    assert seq_after == seq_before, "a refused answer stores nothing"
    assert (answered.state, answered.answered_by, answered.seat_id, answered.offered_to) == (
        "answered",
        "operator2",
        "S2",
        None,
    )
    assert answered.answered_at == hotline.clock.now
    assert (
        operator_by_name(snapshot, "operator2").state,
        operator_by_name(snapshot, "operator2").reason,
    ) == (
        "busy",
        "on call",
    )


def test_an_unanswered_call_goes_back_to_the_queue_and_the_operator_away(aio: Any, hotline: Hotline) -> None:
    async def scenario() -> tuple[Any, Any, Any, Any]:
        op1 = await hotline.seat("operator1", "S1")
        await op1.api.set_state("ready")
        call = await hotline.center.place_call(CALLER)
        await op1.wait_call(call.id, offered_to="S1")
        hotline.clock.advance(14)
        still_ringing = call_by_id(await hotline.settle(), call.id)
        hotline.clock.advance(2)  # past the 15 s ring timeout
        snapshot = await hotline.settle()
        op2 = await hotline.seat("operator2", "S2")
        await op2.api.set_state("ready")
        again = await op2.wait_call(call.id, offered_to="S2")
        return still_ringing, snapshot, call, again

    still_ringing, snapshot, call, again = aio.run(scenario())
    assert still_ringing.offered_to == "S1"
    back = call_by_id(snapshot, call.id)
    assert (back.state, back.offered_to, back.queued_at) == ("ringing", None, call.queued_at)
    missed = operator_by_name(snapshot, "operator1")
    assert (missed.state, missed.reason) == ("away", "missed call")
    assert again.queued_at == call.queued_at, "it keeps its place in the queue"


def test_hangup_wraps_up_and_the_seat_is_ready_again(aio: Any, hotline: Hotline) -> None:
    async def scenario() -> dict[str, Any]:
        op1 = await hotline.seat("operator1", "S1")
        await op1.api.set_state("ready")
        first = await hotline.center.place_call(CALLER)
        await op1.wait_call(first.id, offered_to="S1")
        await op1.api.answer(first.id)
        held = await op1.api.hold(first.id, on=True)
        resumed = await op1.api.hold(first.id, on=False)
        ended = await op1.api.hangup(first.id)
        wrap = operator_by_name(await hotline.settle(), "operator1")
        hotline.clock.advance(29)
        still_wrap = operator_by_name(await hotline.settle(), "operator1")
        hotline.clock.advance(2)  # the 30 s wrap-up is over by itself
        by_itself = operator_by_name(await hotline.settle(), "operator1")
        second = await hotline.center.place_call("13951786420")
        await op1.wait_call(second.id, offered_to="S1")
        await op1.api.answer(second.id)
        await op1.api.hangup(second.id)
        by_request = await op1.api.set_state("ready")  # ready ends wrap-up at once
        return locals()

    seen = aio.run(scenario())
    assert (seen["held"].state, seen["resumed"].state) == ("held", "answered")
    assert (seen["ended"].state, seen["ended"].end_reason) == ("ended", "agent_hangup")
    assert seen["wrap"].state == seen["still_wrap"].state == "wrap_up"
    assert seen["by_itself"].state == "ready"
    assert seen["by_request"].state == "ready"


def test_a_caller_who_hangs_up_in_the_queue_is_abandoned(aio: Any, hotline: Hotline) -> None:
    async def scenario() -> tuple[Any, Any, Any]:
        trainer = await hotline.seat("trainer1", "T1")
        call = await trainer.api.place_call(CALLER)
        gone = await trainer.api.caller_hangup(call.id)
        return gone, await trainer.api.list(), await trainer.api.kpis()

    gone, snapshot, kpis = aio.run(scenario())
    assert (gone.state, gone.end_reason, gone.ended_at) == ("abandoned", "caller_hangup", hotline.clock.now)
    assert snapshot.calls == [], "an abandoned call is not listed as open"
    assert (kpis.abandoned_today, kpis.waiting) == (1, 0)


def test_a_transfer_to_a_seat_rings_there(aio: Any, hotline: Hotline) -> None:
    async def scenario() -> dict[str, Any]:
        op1 = await hotline.seat("operator1", "S1")
        op2 = await hotline.seat("operator2", "S2")
        await op1.api.set_state("ready")
        call = await hotline.center.place_call(CALLER)
        await op1.wait_call(call.id, offered_to="S1")
        answered = await op1.api.answer(call.id)
        with pytest.raises(ProtocolError) as nobody_ready:
            await op1.api.transfer(call.id, to_seat="S2")
        await op2.api.set_state("ready")
        moved = await op1.api.transfer(call.id, to_seat="S2")
        after_move = await hotline.settle()
        taken = await op2.api.answer(call.id)
        out = await op2.api.transfer(call.id, to_number="0512-66010003")  # 区水务局 duty phone
        return locals()

    seen = aio.run(scenario())
    assert seen["nobody_ready"].value.code == ErrorCode.INVALID_FIELD
    assert seen["nobody_ready"].value.details == {"field": "to_seat"}
    assert (seen["moved"].state, seen["moved"].offered_to, seen["moved"].transferred_to) == (
        "ringing",
        "S2",
        "S2",
    )
    states = {o.username: o.state for o in seen["after_move"].operators}
    assert states == {"operator1": "wrap_up", "operator2": "busy"}
    taken = seen["taken"]
    assert (taken.state, taken.answered_by, taken.seat_id) == ("answered", "operator2", "S2")
    assert taken.answered_at == seen["answered"].answered_at, "the first answer counts for the KPIs"
    out = seen["out"]
    assert (out.state, out.transferred_to, out.end_reason) == ("transferred", "0512-66010003", "transferred")


def test_a_seat_that_disconnects_goes_offline_and_its_ringing_call_back_to_the_queue(
    aio: Any, hotline: Hotline
) -> None:
    async def scenario() -> tuple[Any, Any]:
        op1 = await hotline.seat("operator1", "S1")
        watcher = await hotline.seat("supervisor1", "W1")
        await op1.api.set_state("ready")
        call = await hotline.center.place_call(CALLER)
        await op1.wait_call(call.id, offered_to="S1")
        mark = len(watcher.events)
        await op1.client.close()
        offline = await watcher.wait_operator("operator1", after=mark, state="offline")
        requeued = await watcher.wait_call(call.id, after=mark, offered_to=None)
        return offline, requeued

    offline, requeued = aio.run(scenario())
    assert (offline.state, offline.seat_id) == ("offline", "S1")
    assert requeued.state == "ringing"
