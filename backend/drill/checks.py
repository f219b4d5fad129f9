"""The checks of what a trainer asks: a scenario that exists and validates, a speed of SPEEDS, every
trainee seat taken by one existing, enabled account (nobody twice), a manual inject that validates."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import sqlalchemy as sa

from backend.drill.records import account_problems, invalid, not_found
from backend.drill.run import DrillRun
from backend.drill.scenario import ScenarioSet, parse_inject
from backend.drill.scenario_injects import MANUAL_ID
from backend.drill.scenario_model import Inject, Scenario, ScenarioError
from client_api.drill_messages import SPEEDS, Assignment


def checked_speed(speed: float | None) -> float:
    if speed not in SPEEDS:
        allowed = ", ".join(f"{s:g}" for s in SPEEDS)
        raise invalid("speed", f"speed must be one of {allowed}, not {speed!r}")
    return float(speed)


def find_scenario(found: ScenarioSet, scenario_id: str) -> Scenario:
    for scenario in found.scenarios:
        if scenario.id == scenario_id:
            return scenario
    for error in found.errors:
        if error.source.removesuffix(".yaml") == scenario_id:
            raise invalid(
                "scenario_id", f"the scenario {scenario_id!r} does not validate: {error.lines()[0]}"
            )
    raise not_found("scenario_id", f"there is no scenario {scenario_id!r}")


def checked_assignments(
    conn: sa.Connection, scenario: Scenario, assignments: list[Assignment]
) -> tuple[Assignment, ...]:
    """The assignments in the order of the scenario's seats; the trainer's seat is nobody's."""
    seats = [seat for seat in scenario.seats if seat.role != "trainer"]
    known = {seat.id for seat in seats}
    slots: dict[str, Assignment] = {}
    users: set[str] = set()
    for index, assignment in enumerate(assignments):
        where = f"assignments[{index}]"
        if assignment.slot_id not in known:
            listed = ", ".join(sorted(known))
            raise invalid(
                f"{where}.slot_id",
                f"the scenario has no trainee seat {assignment.slot_id!r} (its seats: {listed})",
            )
        if assignment.slot_id in slots:
            raise invalid(f"{where}.slot_id", f"seat {assignment.slot_id} is assigned twice")
        if assignment.username in users:
            raise invalid(f"{where}.username", f"{assignment.username} is assigned to two seats")
        slots[assignment.slot_id] = assignment
        users.add(assignment.username)
    empty = [seat.id for seat in seats if seat.id not in slots]
    if empty:
        raise invalid("assignments", f"seat {', '.join(empty)} has nobody: assign a trainee to every seat")
    problems = account_problems(conn, [a.username for a in assignments])
    for index, assignment in enumerate(assignments):
        if assignment.username in problems:
            raise invalid(f"assignments[{index}].username", problems[assignment.username])
    return tuple(slots[seat.id] for seat in seats)


def manual_inject(data: Mapping[str, object], run: DrillRun) -> Inject:
    """An inject given by hand, validated as in a scenario file; without an id it is manual-<n>."""
    try:
        inject = parse_inject(data, run.scenario)
    except ScenarioError as exc:
        problems = "; ".join(issue.message for issue in exc.errors)
        raise invalid("inject", f"the inject does not validate: {problems}") from None
    if any(i.id == inject.id for i in run.scenario.injects):
        raise invalid(
            "inject", f"{inject.id!r} is an inject of the scenario already; give the manual one another id"
        )
    if inject.id == MANUAL_ID:
        count = sum(1 for e in run.log.entries if e.data.get("manual"))
        inject = _renamed(inject, f"{MANUAL_ID}-{count + 1}")
    return inject


def _renamed(inject: Inject, inject_id: str) -> Inject:
    return dataclasses.replace(inject, id=inject_id)
