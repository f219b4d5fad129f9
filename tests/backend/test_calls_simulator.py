"""The call simulator on its own: scripted callers ring every interval, impatient ones hang up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backend.calls.demo_callers import DEMO_CALLERS
from tests.backend.test_calls_support import hotline_server


def test_with_an_interval_scripted_callers_ring_by_themselves(
    aio: Any, tmp_path: Path, fast_seed: None
) -> None:
    async def scenario(hotline: Any) -> list[Any]:
        watcher = await hotline.seat("supervisor1", "W1")
        first = await watcher.wait_for(lambda e: e.type == "call.updated")
        second = await watcher.wait_for(
            lambda e: e.type == "call.updated" and e.payload.call.id != first.payload.call.id
        )
        return [first.payload.call, second.payload.call]

    with hotline_server(aio, f"sqlite:///{tmp_path}/sim.sqlite3", interval=0.05) as hotline:
        calls = aio.run(scenario(hotline))
    scripts = dict(DEMO_CALLERS)
    for call in calls:
        assert call.simulated and call.state == "ringing"
        assert scripts[call.caller_number] == call.opening


def test_an_impatient_simulated_caller_abandons(aio: Any, tmp_path: Path, fast_seed: None) -> None:
    async def scenario(hotline: Any) -> tuple[Any, Any, Any]:
        trainer = await hotline.seat("trainer1", "T1")
        patient = await trainer.api.place_call("13812345678", "我再等等")
        hotline.clock.advance(20)
        impatient_soon = await trainer.api.place_call("13951786420")
        hotline.clock.advance(11)  # the first caller has waited 31 s, the second 11 s
        gone = await trainer.wait_call(patient.id, state="abandoned")
        return gone, impatient_soon, await trainer.api.list()

    with hotline_server(aio, f"sqlite:///{tmp_path}/sim.sqlite3", patience=30) as hotline:
        gone, waiting, snapshot = aio.run(scenario(hotline))
    assert gone.end_reason == "caller_hangup"
    assert [c.id for c in snapshot.calls] == [waiting.id]
