"""The Qt face of drill mode: the scenarios, the drill running now, and for trainers its live progress.

Loaded after each login and reconnection, then followed from the events (drill.started, drill.state,
drill.injected and, on trainer seats only, drill.progress). Commands are coroutines that never raise for
a refusal or a lost link: the reason goes to the message bridge (app.message) and they return None.
"""

from __future__ import annotations

import logging
import time
import weakref
from typing import Any

import msgspec
from PySide6.QtCore import QObject, Signal

from app import message
from app.live_state import LiveState
from app.seat_requests import send_or_report
from app.seat_service import SeatService
from client_api import calls_messages as cm
from client_api import drill_messages as dm
from client_api.client import Event

log = logging.getLogger("app.drill")

# Who runs drills and sees their scoring: the backend's permissions.TRAINING (the seat cannot import it).
TRAINER_ROLES = frozenset({"trainer", "admin"})
ACTIVE_STATES = frozenset({"running", "paused"})


def scenario_time(drill: dm.DrillState, now: float | None = None) -> float:
    """Scenario seconds of ``drill`` at wall time ``now``: it advances by ``speed`` per second while it
    runs, and never beyond the scenario's duration."""
    if drill.state != "running":
        return min(drill.elapsed_s, drill.duration_s)
    now = time.time() if now is None else now
    return max(0.0, min(drill.duration_s, drill.elapsed_s + drill.speed * max(0.0, now - drill.at)))


class DrillService(LiveState):
    """Signals:
    scenariosChanged(object): the list of ScenarioInfo (the broken files are in ``scenario_errors``).
    drillChanged(object): the latest DrillState (running, paused or ended), or None.
    injected(object): an InjectFired of the drill running.
    progressChanged(object): a TraineeProgress (trainer seats only).
    progressReset(): ``progress`` was loaded again.
    operatorsChanged(): ``operators`` changed (the usernames a trainer assigns to seats).

    Attributes:
        scenarios: ScenarioInfos by id, in the backend's order.
        scenario_errors: shipped scenario files that did not validate (file:line and the problem).
        drill: the latest DrillState this seat knows (None until a drill started).
        fired: InjectFired of ``drill`` as they arrived on this seat.
        progress: TraineeProgress by username, for ``drill`` (trainers only).
        operators: OperatorStates by username (who can be assigned to a seat).
    """

    what = "drill"

    scenariosChanged = Signal(object)
    drillChanged = Signal(object)
    injected = Signal(object)
    progressChanged = Signal(object)
    progressReset = Signal()
    operatorsChanged = Signal()

    def __init__(self, seat: SeatService, parent: QObject | None = None) -> None:
        super().__init__(seat, parent)
        self.scenarios: dict[str, dm.ScenarioInfo] = {}
        self.scenario_errors: list[str] = []
        self.drill: dm.DrillState | None = None
        self.fired: list[dm.InjectFired] = []
        self.progress: dict[str, dm.TraineeProgress] = {}
        self.operators: dict[str, cm.OperatorState] = {}
        reload = weakref.WeakMethod(self.reload)
        seat.client.add_snapshot_listener(lambda _s: None if (method := reload()) is None else method())

    @property
    def seat(self) -> SeatService:
        return self._seat

    @property
    def is_trainer(self) -> bool:
        operator = self._seat.operator
        return operator is not None and operator.role in TRAINER_ROLES

    @property
    def active(self) -> dm.DrillState | None:
        """The drill running or paused now, if any."""
        return self.drill if self.drill is not None and self.drill.state in ACTIVE_STATES else None

    def person(self, username: str) -> str:
        """A username with the display name when known: "话务员 王芳 (operator1)"."""
        known = self.operators.get(username)
        name = known.display_name if known is not None else None
        me = self._seat.operator
        if name is None and me is not None and me.username == username:
            name = me.display_name
        return f"{name} ({username})" if name else username

    # --- following the backend ----------------------------------------------------------------------

    async def load(self) -> None:
        client = self._seat.client
        current: dm.CurrentDrill = await client.request("drill.current", dm.GetDrill())
        if current.drill is not None:
            self._set_drill(current.drill, force=True)
        if self.is_trainer:  # a trainee's seat needs no more than the drill running
            listing: dm.ScenarioList = await client.request("drill.scenarios", dm.ListScenarios())
            self.scenarios = {s.id: s for s in listing.scenarios}
            self.scenario_errors = list(listing.errors)
            self.scenariosChanged.emit(list(self.scenarios.values()))
            calls: cm.CallList = await client.request("call.list", cm.ListCalls())
            self.operators = {op.username: op for op in calls.operators}
            self.operatorsChanged.emit()
            if self.drill is not None:
                await self.load_progress(self.drill.id)

    async def load_progress(self, drill_id: int) -> None:
        listing: dm.ProgressList = await self._seat.client.request(
            "drill.progress", dm.GetProgress(drill_id=drill_id)
        )
        self.progress = {p.username: p for p in listing.trainees}
        self.progressReset.emit()

    def on_seat_eventReceived(self, event: Event) -> None:
        payload = event.payload
        if isinstance(payload, dm.DrillState):
            self._set_drill(payload, force=event.type == "drill.started")
        elif isinstance(payload, dm.InjectFired):
            if self.drill is not None and payload.drill_id == self.drill.id:
                self.fired.append(payload)
                self.injected.emit(payload)
        elif isinstance(payload, dm.TraineeProgress):
            if self.drill is not None and payload.drill_id == self.drill.id:
                self.progress[payload.username] = payload
                self.progressChanged.emit(payload)
        elif isinstance(payload, cm.OperatorState) and self.is_trainer:
            self.operators[payload.username] = payload
            self.operatorsChanged.emit()

    def _set_drill(self, drill: dm.DrillState, force: bool = False) -> None:
        """Take a newer state of the drill (an older one, from an answer that came after the event, is
        dropped); another drill replaces it and starts a fresh record of injects and progress."""
        old = self.drill
        if old is not None and old.id == drill.id:
            if drill == old or (not force and (drill.at < old.at or old.state == "ended")):
                return
        elif old is not None and drill.id < old.id and not force:
            return
        if old is None or old.id != drill.id:
            self.fired = []
            self.progress = {}
            self.progressReset.emit()
        self.drill = drill
        self.drillChanged.emit(drill)

    # --- commands -------------------------------------------------------------------------------------

    async def start(
        self, scenario_id: str, assignments: list[dm.Assignment], speed: float
    ) -> dm.DrillState | None:
        request = dm.StartDrill(scenario_id=scenario_id, assignments=assignments, speed=speed)
        result: dm.DrillOk | None = await self._send(
            "drill.start", request, self.tr("The drill was not started")
        )
        if result is None:
            return None
        self._set_drill(result.drill, force=True)
        return result.drill

    async def pause(self) -> dm.DrillState | None:
        return await self._control("pause", self.tr("The drill was not paused"))

    async def resume(self) -> dm.DrillState | None:
        return await self._control("resume", self.tr("The drill was not resumed"))

    async def stop(self) -> dm.DrillState | None:
        return await self._control("stop", self.tr("The drill was not stopped"))

    async def set_speed(self, speed: float) -> dm.DrillState | None:
        return await self._control("speed", self.tr("The drill's speed was not changed"), speed)

    async def inject(self, inject: dict[str, Any]) -> dm.DrillState | None:
        """Fire an extra inject now (kind and its fields, as in a scenario file)."""
        drill = self.active
        if drill is None:
            message.error(self.tr("No drill is running: an inject needs a running drill."))
            return None
        result: dm.DrillOk | None = await self._send(
            "drill.inject",
            dm.ManualInject(drill_id=drill.id, inject=inject),
            self.tr("The inject was not fired"),
        )
        if result is None:
            return None
        self._set_drill(result.drill)
        return result.drill

    async def list_drills(self, limit: int = 50) -> list[dm.DrillState] | None:
        result: dm.DrillList | None = await self._send(
            "drill.list", dm.ListDrills(limit=limit), self.tr("The drills were not listed")
        )
        return None if result is None else result.drills

    async def drill_log(self, drill_id: int) -> dm.DrillLog | None:
        result: dm.DrillLog | None = await self._send(
            "drill.log", dm.GetDrillLog(drill_id=drill_id), self.tr("The drill's log was not loaded")
        )
        return result

    async def scores(self, drill_id: int) -> dm.Scores | None:
        result: dm.Scores | None = await self._send(
            "drill.scores", dm.GetScores(drill_id=drill_id), self.tr("The drill's scores were not loaded")
        )
        return result

    async def _control(self, action: str, failed: str, speed: float | None = None) -> dm.DrillState | None:
        drill = self.active
        if drill is None:
            message.error(self.tr("{failed}: no drill is running.").format(failed=failed))
            return None
        request = dm.ControlDrill(drill_id=drill.id, action=action, speed=speed)
        result: dm.DrillOk | None = await self._send("drill.control", request, failed)
        if result is None:
            return None
        self._set_drill(result.drill)
        return result.drill

    async def _send(self, type_: str, request: msgspec.Struct, failed: str) -> Any:
        """The answer, or None after telling the operator ``failed`` and why (app.seat_requests)."""
        return await send_or_report(self._seat, type_, request, failed)
