"""Every shipped scenario runs to its end at ×5 on a real exercise backend (one server each, all at
once: the longest is 20 minutes at ×1, four at ×5): every timed inject fires and lands, the department
responses nobody's dispatch called for are logged as skipped, the drill ends with its scores."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import Any

import pytest

from backend.comms.message_sim import MessageService
from backend.comms.radio_service import RadioService
from backend.drill.scenario import load_all
from backend.drill.scenario_model import Scenario
from client_api import drill_messages as dm
from tests.backend.test_drill_engine_support import Bed, drill_server, drill_state, trainee_seats

SPEED = 5.0
TRAINEES = ("operator1", "operator2", "town1", "supervisor1", "village1")


async def run_to_the_end(bed: Bed, scenario: Scenario) -> tuple[dm.DrillState, dm.DrillLog]:
    seats = [seat for seat in scenario.seats if seat.role != "trainer"]
    assignments = [dm.Assignment(seat.id, user) for seat, user in zip(seats, TRAINEES, strict=False)]
    async with trainee_seats(bed.server, "trainer1") as (trainer,):
        ok: dm.DrillOk = await trainer.client.request(
            "drill.start", dm.StartDrill(scenario_id=scenario.id, assignments=assignments, speed=SPEED)
        )
        ended = await trainer.wait_for(drill_state("ended"), scenario.duration_s / SPEED + 60)
        log: dm.DrillLog = await trainer.client.request("drill.log", dm.GetDrillLog(drill_id=ok.drill.id))
        return ended.payload, log


@pytest.mark.timeout(600)
def test_every_shipped_scenario_runs_to_its_end(aio: Any, tmp_path: Path) -> None:
    found = load_all()
    assert found.errors == [] and len(found.scenarios) >= 6
    with contextlib.ExitStack() as stack:
        beds = [
            stack.enter_context(
                drill_server(
                    aio,
                    tmp_path / s.id,
                    shipped=True,
                    extra=[RadioService(), MessageService(receipt_delay=0.0)],
                )
            )
            for s in found.scenarios
        ]

        async def all_of_them() -> list[tuple[dm.DrillState, dm.DrillLog]]:
            return list(
                await asyncio.gather(
                    *(run_to_the_end(b, s) for b, s in zip(beds, found.scenarios, strict=True))
                )
            )

        longest = max(s.duration_s for s in found.scenarios)
        results = aio.run(all_of_them(), timeout=longest / SPEED + 120)
    for scenario, (state, log) in zip(found.scenarios, results, strict=True):
        timed = [i.id for i in scenario.injects if i.at_s is not None]
        responses = [i.id for i in scenario.injects if i.at_s is None]
        outcomes = {e.ref: e.data for e in log.entries if e.kind.startswith("inject.")}
        not_fired = {i: outcomes.get(i) for i in timed if (outcomes.get(i) or {}).get("outcome") != "fired"}
        assert not_fired == {}, scenario.id
        assert all(outcomes[i]["outcome"] == "skipped" for i in responses), scenario.id
        assert (state.state, state.fired, state.total) == ("ended", len(timed), len(timed)), scenario.id
        assert state.elapsed_s == pytest.approx(scenario.duration_s), scenario.id
        last = log.entries[-1]
        assert (last.kind, last.data["reason"]) == ("drill.ended", "the scenario's time is up"), scenario.id
        assert len(last.data["scores"]) == len(state.assignments), scenario.id
        # readings go in whole, on scenario time: none refused at ×5, and the hazmat and group-rental
        # readings raise their alerts (stamped on the wall clock, a tanker's stop came out of order)
        for inject in scenario.injects:
            if inject.kind == "readings":
                assert outcomes[inject.id]["rejected"] == [], (scenario.id, inject.id)
        if scenario.id in ("hazmat-tanker-leak", "group-rental-fire"):
            readings = [i.id for i in scenario.injects if i.kind == "readings"]
            assert all(outcomes[r]["alert_ids"] for r in readings), (scenario.id, outcomes)
