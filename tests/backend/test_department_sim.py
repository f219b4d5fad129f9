"""The department simulator, driven tick by tick: accept (or return), one progress report, complete;
steps the rules refuse are skipped; its command-line options."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import pytest

from backend.cli import build_parser
from backend.server import Server
from backend.services import build_services
from backend.sla.department_sim import PROGRESS_NOTE, RESULT, RETURN_NOTE, DepartmentSimulator
from backend.sla.watcher import OverdueWatcher
from backend.store import Store
from client_api import lifecycle_messages as lm
from client_api.client import Event, SeatClient
from tests.backend.sla_support import TO_HANDLING, act, new_case, read_case, timeline, walk
from tests.backend.wire import log_in


def dispatched(aio: Any, store: Store) -> tuple[int, float]:
    case = walk(aio, store, new_case(aio, store).id, TO_HANDLING[:2])
    assert case.stage_started_at is not None
    return case.id, case.stage_started_at


def test_a_unit_accepts_reports_progress_and_completes(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    sim = DepartmentSimulator(store=store, accept_after=20, complete_after=90, return_rate=0)
    case_id, since = dispatched(aio, store)
    assert aio.run(sim.tick(since + 19)) == []
    assert aio.run(sim.tick(since + 20)) == [(case_id, "accept")]
    handling = read_case(aio, store, case_id)
    assert handling.status == "handling" and handling.stage_started_at is not None
    started = handling.stage_started_at
    assert aio.run(sim.tick(started + 44)) == []
    assert aio.run(sim.tick(started + 45)) == [(case_id, "progress")]
    assert aio.run(sim.tick(started + 46)) == []  # one progress report per stage
    assert aio.run(sim.tick(started + 90)) == [(case_id, "complete")]
    done = read_case(aio, store, case_id)
    assert (done.status, done.result) == ("verifying", RESULT)
    assert timeline(aio, store, case_id)[-3:] == [
        ("accept", None, "D-CG"),
        ("progress", PROGRESS_NOTE, "D-CG"),
        ("complete", None, "D-CG"),
    ]
    assert aio.run(sim.tick(started + 1000)) == []  # 待核查 is the center's


def test_a_late_tick_still_reports_progress_before_completing(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    sim = DepartmentSimulator(store=store, accept_after=0, complete_after=90, return_rate=0)
    case_id, since = dispatched(aio, store)
    assert aio.run(sim.tick(since)) == [(case_id, "accept")]
    started = read_case(aio, store, case_id).stage_started_at
    assert started is not None
    assert aio.run(sim.tick(started + 500)) == [(case_id, "progress"), (case_id, "complete")]


def test_at_the_return_rate_a_unit_returns_the_case(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    sim = DepartmentSimulator(store=store, accept_after=20, return_rate=1.0, seed=1)
    case_id, since = dispatched(aio, store)
    assert aio.run(sim.tick(since + 20)) == [(case_id, "return")]
    returned = read_case(aio, store, case_id)
    assert (returned.status, returned.lead_department) == ("registered", None)
    assert timeline(aio, store, case_id)[-1] == ("return", RETURN_NOTE, "D-CG")
    assert aio.run(sim.tick(since + 1000)) == []  # back at the center's dispatch desk


def test_the_same_seed_returns_the_same_cases(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    cases = [dispatched(aio, store) for _ in range(6)]
    later = max(since for _id, since in cases) + 20
    first = DepartmentSimulator(store=store, return_rate=0.5, seed=42)
    steps = [step for _id, step in aio.run(first.tick(later))]
    expected = random.Random(42)  # the same draws, in the same order
    assert steps == ["return" if expected.random() < 0.5 else "accept" for _ in cases]


def test_a_step_the_rules_refuse_is_skipped(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    sim = DepartmentSimulator(store=store, accept_after=0, return_rate=0)
    moved, since = dispatched(aio, store)
    kept, _ = dispatched(aio, store)
    due = aio.run(sim.due(since + 100))
    assert [(row.id, step) for row, step in due] == [(moved, "accept"), (kept, "accept")]
    act(aio, store, moved, "suspend", "supervisor", note="等待管网改造")  # someone was faster
    assert aio.run(sim.act(due)) == [(kept, "accept")]
    assert read_case(aio, store, moved).status == "suspended"


def test_the_service_runs_on_its_own(aio: Any, seeded_store: Store) -> None:
    store = seeded_store
    sim = DepartmentSimulator(accept_after=0, complete_after=0, return_rate=0, interval=0.05)
    server = Server(store, port=0, services=[sim])

    async def scenario() -> list[str]:
        await server.start()
        seat = SeatClient(server.url)
        statuses: list[str] = []
        verifying = asyncio.Event()

        def on_event(event: Event) -> None:
            if event.type == "case.updated":
                statuses.append(event.payload.case.status)
                if event.payload.case.status == "verifying":
                    verifying.set()

        seat.add_event_listener(on_event)
        try:
            await log_in(seat, "S1")
            case = await seat.create_case("E0502", "滨江路88号", "水管爆裂")
            for action, code in (("register", None), ("dispatch", "D-CG")):
                step = lm.TransitionCase(case_id=case.id, action=action, department_code=code)
                await seat.request("case.transition", step)
            async with asyncio.timeout(10):
                await verifying.wait()
            return statuses
        finally:
            await seat.close()
            await server.close()

    assert aio.run(scenario()) == ["registered", "dispatched", "handling", "handling", "verifying"]


def test_command_line_options_build_the_services() -> None:
    def ours(argv: list[str]) -> list[Any]:
        services = build_services(build_parser().parse_args(argv))
        return [s for s in services if isinstance(s, OverdueWatcher | DepartmentSimulator)]

    [watcher] = ours([])
    assert isinstance(watcher, OverdueWatcher) and watcher.interval == 10.0
    argv = ["--sla-interval", "0.5", "--simulate-departments", "--dept-accept-after", "5"]
    argv += ["--dept-complete-after", "30", "--dept-return-rate", "0.25", "--dept-seed", "7"]
    watcher, sim = ours(argv)
    assert isinstance(watcher, OverdueWatcher) and watcher.interval == 0.5
    assert isinstance(sim, DepartmentSimulator)
    assert (sim.accept_after, sim.complete_after, sim.return_rate, sim.interval) == (5.0, 30.0, 0.25, 1.0)


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--sla-interval", "0.01"], "seconds"),
        (["--sla-interval", "x"], "seconds"),
        (["--dept-accept-after", "-1"], "seconds"),
        (["--dept-complete-after", "nan"], "seconds"),
        (["--dept-return-rate", "1.5"], "rate"),
        (["--dept-seed", "x"], "int"),
    ],
)
def test_bad_options_are_refused(argv: list[str], said: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(argv)
    assert said in capsys.readouterr().err


def test_bad_settings_are_refused_in_code() -> None:
    with pytest.raises(ValueError):
        DepartmentSimulator(accept_after=-1.0)
    with pytest.raises(ValueError):
        DepartmentSimulator(return_rate=2.0)
    with pytest.raises(ValueError):
        DepartmentSimulator(interval=0.0)
