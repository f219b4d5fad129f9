"""What the drill engine refuses (real server, SQLite): a drill on a backend that is not an exercise one,
bad assignments, a second drill while one runs, a bad speed or scenario, a trainee running a drill, a
control of a drill that has ended. A refused request writes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from backend import schema
from client_api import drill_messages as dm
from client_api.errors import ProtocolError
from tests.backend.test_drill_engine_support import drill_server, start, trainee_seats
from tests.backend.test_intake_support import count


async def refusal(seat: Any, type_: str, payload: Any) -> tuple[str, str, object]:
    try:
        await seat.client.request(type_, payload)
    except ProtocolError as exc:
        return exc.code, exc.message, exc.details.get("field")
    raise AssertionError(f"{type_} was accepted")


def drill_count(conn: sa.Connection) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(schema.drills)).scalar_one())


def assign(*pairs: tuple[str, str]) -> list[dm.Assignment]:
    return [dm.Assignment(slot, user) for slot, user in pairs]


def test_drills_run_on_an_exercise_backend_only(aio: Any, tmp_path: Path) -> None:
    with drill_server(aio, tmp_path, exercise=False) as bed:

        async def scenario() -> Any:
            async with trainee_seats(bed.server, "trainer1") as (trainer,):
                refused = await refusal(trainer, "drill.start", start())
                listed: dm.ScenarioList = await trainer.client.request("drill.scenarios", dm.ListScenarios())
                current: dm.CurrentDrill = await trainer.client.request("drill.current", dm.GetDrill())
                return refused, listed, current

        refused, listed, current = aio.run(scenario())
        assert count(aio, bed.store, schema.drills) == 0
    assert refused == (
        "unavailable",
        "drills run on a drill database: start the seat with --exercise, or the server with --exercise",
        None,
    )
    [info] = listed.scenarios  # what exists may still be looked at
    assert (info.id, info.inject_count, [s.id for s in info.seats]) == (
        "small",
        6,
        ["seat-1", "seat-2", "trainer"],
    )
    assert current.drill is None


def test_bad_starts_are_refused_and_write_nothing(aio: Any, tmp_path: Path) -> None:
    with drill_server(aio, tmp_path) as bed:

        async def scenario() -> dict[str, Any]:
            async with trainee_seats(bed.server, "trainer1", "operator1") as (trainer, operator):
                bad = {
                    "unknown user": start(assignments=assign(("seat-1", "operator1"), ("seat-2", "nobody"))),
                    "seat missing": start(assignments=assign(("seat-1", "operator1"))),
                    "user twice": start(assignments=assign(("seat-1", "operator1"), ("seat-2", "operator1"))),
                    "seat twice": start(assignments=assign(("seat-1", "operator1"), ("seat-1", "operator2"))),
                    "trainer seat": start(
                        assignments=assign(("trainer", "operator1"), ("seat-2", "operator2"))
                    ),
                    "speed": start(speed=3.0),
                    "scenario": dm.StartDrill(scenario_id="nothing", assignments=[], speed=1.0),
                }
                refused = {name: await refusal(trainer, "drill.start", req) for name, req in bad.items()}
                by_operator = await refusal(operator, "drill.start", start())
                drills_before = await bed.store.read(drill_count)
                first: dm.DrillOk = await trainer.client.request("drill.start", start(1.0))
                second = await refusal(trainer, "drill.start", start(1.0))
                bad_control = await refusal(
                    trainer, "drill.control", dm.ControlDrill(drill_id=first.drill.id, action="rewind")
                )
                resume_running = await refusal(
                    trainer, "drill.control", dm.ControlDrill(drill_id=first.drill.id, action="resume")
                )
                await trainer.client.request(
                    "drill.control", dm.ControlDrill(drill_id=first.drill.id, action="stop")
                )
                after_end = await refusal(
                    trainer, "drill.control", dm.ControlDrill(drill_id=first.drill.id, action="pause")
                )
                unknown = await refusal(
                    trainer, "drill.control", dm.ControlDrill(drill_id=99, action="pause")
                )
                return locals()

        got = aio.run(scenario(), timeout=30)
        audit = aio.run(
            bed.store.read(lambda c: c.execute(sa.select(schema.audit_log.c.outcome)).scalars().all())
        )
    refused = got["refused"]
    assert refused["unknown user"] == (
        "invalid_field",
        "there is no account 'nobody'",
        "assignments[1].username",
    )
    assert refused["seat missing"] == (
        "invalid_field",
        "seat seat-2 has nobody: assign a trainee to every seat",
        "assignments",
    )
    assert refused["user twice"] == (
        "invalid_field",
        "operator1 is assigned to two seats",
        "assignments[1].username",
    )
    assert refused["seat twice"] == (
        "invalid_field",
        "seat seat-1 is assigned twice",
        "assignments[1].slot_id",
    )
    assert refused["trainer seat"][0::2] == ("invalid_field", "assignments[0].slot_id")
    assert "no trainee seat 'trainer'" in refused["trainer seat"][1]
    assert refused["speed"] == ("invalid_field", "speed must be one of 1, 2, 5, 10, not 3.0", "speed")
    assert refused["scenario"] == ("not_found", "there is no scenario 'nothing'", "scenario_id")
    assert got["by_operator"][0] == "forbidden"
    assert got["drills_before"] == 0
    first_id = got["first"].drill.id
    assert got["second"] == (
        "invalid_field",
        f"drill {first_id} is running; stop it before starting another",
        "scenario_id",
    )
    assert got["bad_control"][0::2] == ("invalid_field", "action")
    assert got["resume_running"] == ("invalid_field", f"drill {first_id} is running, not paused", "action")
    assert got["after_end"] == ("invalid_field", f"drill {first_id} has ended", "drill_id")
    assert got["unknown"] == ("not_found", "there is no drill 99", "drill_id")
    assert audit.count("ok") >= 2 and "refused" in audit
