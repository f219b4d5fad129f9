"""The call center's SQL on both databases: a whole shift in miniature on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import msgspec
import sqlalchemy as sa

from backend import schema
from client_api import messages as m
from client_api.calls_messages import CallUpdated, OperatorState
from tests.backend.test_calls_support import MORNING, hotline_server, operator_by_name


def test_a_shift_on_both_databases(aio: Any, db_url: str, fast_seed: None) -> None:
    async def scenario(hotline: Any) -> dict[str, Any]:
        clock = hotline.clock
        op1 = await hotline.seat("operator1", "S1")
        op2 = await hotline.seat("operator2", "S2")
        await op1.api.set_state("ready")
        clock.advance(1)
        await op2.api.set_state("ready")
        first = await hotline.center.place_call("13812345678")
        await op1.wait_call(first.id, offered_to="S1")  # operator1 was ready longest
        clock.advance(16)
        missed = await hotline.settle()  # ring timeout: back to the queue, and on to operator2
        await op2.wait_call(first.id, offered_to="S2")
        clock.advance(2)
        await op2.api.answer(first.id)
        await op2.api.hold(first.id)
        await op1.api.set_state("ready")
        await op2.api.transfer(first.id, to_seat="S1")
        await op1.wait_call(first.id, offered_to="S1")
        await op1.api.answer(first.id)
        ended = await op1.api.hangup(first.id)
        clock.advance(31)
        after_wrap = await hotline.settle()
        case = await hotline.store.create_case(
            m.CreateCase("E0502", "滨江路88号", "水管爆了", reporter_phone="13812345678", confidential=True),
            m.Operator("operator1", "话务员 王芳", "operator"),
            "S1",
        )
        history = await op1.api.history("13812345678")
        kpis = await op1.api.kpis()
        mark = len(op1.events)
        await op2.client.close()
        offline = await op1.wait_operator("operator2", after=mark, state="offline")
        async with hotline.store.engine.connect() as conn:
            rows = (await conn.execute(sa.select(schema.events).order_by(schema.events.c.seq))).all()
        return locals()

    with hotline_server(aio, db_url) as hotline:
        seen = aio.run(scenario(hotline))
    first = seen["first"]
    assert operator_by_name(seen["missed"], "operator1").reason == "missed call"
    assert (seen["ended"].state, seen["ended"].answered_by, seen["ended"].seat_id) == (
        "ended",
        "operator1",
        "S1",
    )
    assert seen["ended"].answered_at == MORNING + 1 + 16 + 2, "the first answer, by operator2"
    assert {o.username: o.state for o in seen["after_wrap"].operators} == {
        "operator1": "ready",
        "operator2": "ready",
    }
    assert [c.id for c in seen["history"].cases] == [seen["case"].id]
    assert seen["history"].cases[0].reporter_phone == "138****5678"
    kpis = seen["kpis"]
    assert (kpis.answered_today, kpis.answered_15s_today, kpis.abandoned_today, kpis.waiting) == (1, 0, 0, 0)
    assert kpis.connection_rate == 1.0
    assert seen["offline"].seat_id == "S2"
    # The event log holds every change of the call, in order, as the seats received them.
    states = [
        msgspec.json.decode(r.payload, type=CallUpdated).call.state
        for r in seen["rows"]
        if r.type == "call.updated" and msgspec.json.decode(r.payload, type=CallUpdated).call.id == first.id
    ]
    assert states == [
        "ringing",
        "ringing",
        "ringing",
        "ringing",
        "answered",
        "held",
        "ringing",
        "answered",
        "ended",
    ]
    operator_events = [
        msgspec.json.decode(r.payload, type=OperatorState) for r in seen["rows"] if r.type == "operator.state"
    ]
    assert [e.state for e in operator_events if e.username == "operator2"] == [
        "away",  # logged in
        "ready",
        "busy",  # ringing
        "busy",  # on call
        "wrap_up",  # transferred to S1
        "ready",
        "offline",
    ]
    assert seen["after_wrap"].calls == []
