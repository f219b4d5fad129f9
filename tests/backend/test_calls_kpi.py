"""Hotline KPIs from a known sequence of calls on the call center's clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backend.calls.kpi import day_start
from tests.backend.test_calls_support import MORNING, Hotline, Seat, hotline_server


@pytest.fixture
def hotline(aio: Any, tmp_path: Path, fast_seed: None) -> Iterator[Hotline]:
    # A long ring timeout: the operator answers when the test says so.
    with hotline_server(aio, f"sqlite:///{tmp_path}/kpi.sqlite3", ring_timeout=600) as hotline:
        yield hotline


async def take_call(hotline: Hotline, seat: Seat, number: str, *, queued: float, answered: float) -> None:
    """A call queued at ``queued`` that ``seat`` (ready) answers at ``answered`` and hangs up."""
    hotline.clock.now = queued
    call = await hotline.center.place_call(number)
    await seat.wait_call(call.id, offered_to="S1")
    hotline.clock.now = answered
    await seat.api.answer(call.id)
    await seat.api.hangup(call.id)
    await seat.api.set_state("ready")


def test_kpis_from_a_known_morning(aio: Any, hotline: Hotline) -> None:
    t0 = MORNING

    async def scenario() -> tuple[Any, Any, Any]:
        op = await hotline.seat("operator1", "S1")
        trainer = await hotline.seat("trainer1", "T1")
        await op.api.set_state("ready")
        # Yesterday evening: answered, but not today.
        await take_call(
            hotline, op, "13800000001", queued=day_start(t0) - 3600, answered=day_start(t0) - 3595
        )
        await take_call(hotline, op, "13800000002", queued=t0, answered=t0 + 10)  # within 15 s
        await take_call(hotline, op, "13800000003", queued=t0 + 20, answered=t0 + 50)  # 30 s: too slow
        await op.api.set_state("away", "会议")
        hotline.clock.now = t0 + 60
        gone = await trainer.api.place_call("13800000004")
        hotline.clock.now = t0 + 70
        await trainer.api.caller_hangup(gone.id)  # abandoned in the queue
        hotline.clock.now = t0 + 80
        await trainer.api.place_call("13800000005")  # still waiting
        hotline.clock.now = t0 + 100
        mark = len(trainer.events)
        await trainer.api.place_call("13800000006")  # waiting too, and a KPI event follows
        # Pushes are coalesced: the one after the last change has it.
        pushed = await trainer.wait_for(
            lambda e: e.type == "kpi.hotline" and e.payload.waiting == 2, after=mark
        )
        hotline.clock.now = t0 + 110
        return await trainer.api.kpis(), pushed.payload, await op.api.kpis()

    kpis, pushed, seen_by_operator = aio.run(scenario())
    assert kpis.waiting == 2
    assert kpis.oldest_queued_at == t0 + 80
    assert kpis.longest_wait_s == 30
    assert (kpis.answered_today, kpis.answered_15s_today, kpis.answer_rate_15s) == (2, 1, 0.5)
    assert kpis.abandoned_today == 1
    assert kpis.connection_rate == pytest.approx(2 / 3)
    assert kpis.computed_at == t0 + 110
    assert (pushed.waiting, pushed.answered_today, pushed.abandoned_today) == (2, 2, 1)
    assert seen_by_operator == kpis


def test_rates_are_none_with_nothing_to_divide(aio: Any, hotline: Hotline) -> None:
    async def scenario() -> Any:
        seat = await hotline.seat("handler1", "H1")  # a department account may watch the KPIs
        return await seat.api.kpis()

    kpis = aio.run(scenario())
    assert (kpis.waiting, kpis.longest_wait_s, kpis.oldest_queued_at) == (0, 0.0, None)
    assert (kpis.answer_rate_15s, kpis.connection_rate) == (None, None)
