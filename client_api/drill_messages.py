"""Messages of drill mode (see docs/protocol-drill.md). Merged into client_api.registry.

A trainer runs a scripted scenario (resources/drills) on an exercise backend: trainees are assigned to
the scenario's seats, the engine fires its injects on time (calls, reports, readings, CAP alerts,
department responses, radio and messages) at ×1 … ×10, watches what each trainee does, scores it
against the scenario's rubric and keeps the drill's log for the replay and the after-action report.
The rubric, the scores and the live progress are for trainers only: trainees get neither the
expected actions nor the ``drill.progress`` events.
"""

from __future__ import annotations

import msgspec

DRILL_STATES = ("running", "paused", "ended")
SPEEDS = (1.0, 2.0, 5.0, 10.0)


class SeatSlot(msgspec.Struct, frozen=True):
    """A seat of the scenario (``seat-1``) and the role it plays."""

    id: str
    role: str
    label: str = ""


class ScenarioInfo(msgspec.Struct, frozen=True):
    """What anyone may know of a scenario before it runs (no expected actions)."""

    id: str
    title: str
    level: str
    theme: str
    duration_s: float
    seats: tuple[SeatSlot, ...]
    inject_count: int
    description: str = ""


class ListScenarios(msgspec.Struct):
    pass


class ScenarioList(msgspec.Struct):
    scenarios: list[ScenarioInfo]
    errors: list[str] = []  # shipped files that did not validate, with file:line and the problem


class Assignment(msgspec.Struct, frozen=True):
    slot_id: str
    username: str


class DrillState(msgspec.Struct, frozen=True):
    """A drill as it stands. ``elapsed_s`` is scenario time (speed applied) at ``at``; while running,
    scenario time advances by ``speed`` seconds per second from there."""

    id: int
    scenario_id: str
    title: str
    state: str
    speed: float
    started_at: float
    elapsed_s: float
    at: float
    duration_s: float
    assignments: tuple[Assignment, ...]
    trainer: str
    fired: int = 0  # injects fired so far
    total: int = 0
    ended_at: float | None = None


class StartDrill(msgspec.Struct):
    scenario_id: str
    assignments: list[Assignment]
    speed: float = 1.0


class ControlDrill(msgspec.Struct):
    """pause | resume | stop | speed (with ``speed``)."""

    drill_id: int
    action: str
    speed: float | None = None


class ManualInject(msgspec.Struct):
    """An extra inject by hand: ``inject`` is one inject as in a scenario file (kind and its fields,
    no ``at``: it fires now), validated the same way."""

    drill_id: int
    inject: dict[str, object]


class DrillOk(msgspec.Struct):
    drill: DrillState


class GetDrill(msgspec.Struct):
    """The drill running (or paused) now, or the given one."""

    drill_id: int | None = None


class CurrentDrill(msgspec.Struct):
    drill: DrillState | None


class ListDrills(msgspec.Struct):
    limit: int = 50


class DrillList(msgspec.Struct):
    drills: list[DrillState]


class LogEntry(msgspec.Struct, frozen=True):
    """One thing that happened in a drill, in order: an inject fired (``actor`` "engine"), or an action
    of a seat (``actor`` the username). ``t`` is scenario seconds from the start; ``kind`` e.g.
    inject.call, call.answered, case.created, case.dispatched, case.merged, alert.acked;
    ``ref`` names the inject the entry belongs to when known."""

    seq: int
    t: float
    at: float
    actor: str
    slot_id: str | None
    kind: str
    summary: str
    ref: str | None = None
    data: dict[str, object] = {}


class GetDrillLog(msgspec.Struct):
    drill_id: int


class DrillLog(msgspec.Struct):
    drill: DrillState
    entries: list[LogEntry]


class Deduction(msgspec.Struct, frozen=True):
    """Points lost in a rubric area, and why, in words ("call 3 answered after 41 s, expected within
    15 s")."""

    area: str
    points: float
    reason: str
    ref: str | None = None


class AreaScore(msgspec.Struct, frozen=True):
    """``area``: call_control | information | classification | location | dispatch | duplicates |
    alerts | timing."""

    area: str
    score: float
    max: float


class TraineeScore(msgspec.Struct, frozen=True):
    username: str
    slot_id: str
    total: float
    max: float
    areas: tuple[AreaScore, ...]
    deductions: tuple[Deduction, ...]


class GetScores(msgspec.Struct):
    drill_id: int


class Scores(msgspec.Struct):
    drill: DrillState
    trainees: list[TraineeScore]


class TraineeProgress(msgspec.Struct, frozen=True):
    """The trainer's live view of one seat."""

    drill_id: int
    username: str
    slot_id: str
    calls_answered: int
    cases_created: int
    cases_dispatched: int
    alerts_acked: int
    last_action: str = ""
    last_at: float | None = None
    score: float = 0.0
    max: float = 0.0


class GetProgress(msgspec.Struct):
    drill_id: int


class ProgressList(msgspec.Struct):
    trainees: list[TraineeProgress]


REQUESTS: dict[str, tuple[type[msgspec.Struct], type[msgspec.Struct]]] = {
    "drill.scenarios": (ListScenarios, ScenarioList),
    "drill.start": (StartDrill, DrillOk),
    "drill.control": (ControlDrill, DrillOk),
    "drill.inject": (ManualInject, DrillOk),
    "drill.current": (GetDrill, CurrentDrill),
    "drill.list": (ListDrills, DrillList),
    "drill.log": (GetDrillLog, DrillLog),
    "drill.scores": (GetScores, Scores),
    "drill.progress": (GetProgress, ProgressList),
}


class InjectFired(msgspec.Struct):
    """An inject fired: ``scheduled_at`` is when it was due on the wall clock, ``fired_at`` when it
    went out (their difference is the engine's drift)."""

    drill_id: int
    inject_id: str
    kind: str
    t: float
    scheduled_at: float
    fired_at: float


EVENTS: dict[str, type[msgspec.Struct]] = {
    "drill.started": DrillState,
    "drill.state": DrillState,
    "drill.injected": InjectFired,
    "drill.progress": TraineeProgress,  # trainers only
}

# Events the server sends only to trainer (and admin) seats: the live view gives the scoring away.
TRAINER_EVENTS = frozenset({"drill.progress"})
