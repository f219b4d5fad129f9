"""The drill engine: runs one drill at a time on an exercise backend. A trainer starts a scenario with
trainees on its seats at ×1 … ×10; the timer fires its injects on scenario time (injects.py), the
observer logs what the seats do (observer.py); pause, resume and a speed change shift what is still
to come; at the scenario's end (or a stop) the drill ends and its final scores go into its log.

State changes are stored (``drills``) and announced: ``drill.started``, then ``drill.state``.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from backend.drill import drill_log, records
from backend.drill.checks import checked_assignments, checked_speed, find_scenario, manual_inject
from backend.drill.clock import Timer
from backend.drill.drill_log import DrillLog
from backend.drill.ending import announce, close_left_open, ended_entry, release_callers, skipped_responses
from backend.drill.inject_outcome import FireContext
from backend.drill.inject_units import arm_responses
from backend.drill.injects import END, Firer, TimerItem
from backend.drill.observer import Observer
from backend.drill.observer_cases import last_ids
from backend.drill.run import DrillRun
from backend.drill.scenario import ScenarioSet, load_all
from client_api.drill_messages import ControlDrill, DrillState, LogEntry, ManualInject, StartDrill
from client_api.errors import ErrorCode, ProtocolError
from client_api.messages import Operator

if TYPE_CHECKING:
    from backend.server import Server

NOT_EXERCISE = "drills run on a drill database: start the seat with --exercise, or the server with --exercise"
ACTIONS = ("pause", "resume", "stop", "speed")


class DrillEngine:
    """A Service. Attributes: run (the drill running or paused, or None), observer, running.
    ``scenarios`` loads the scenarios a drill may use (default: the shipped ones)."""

    name = "drill-engine"

    def __init__(
        self, scenarios: Callable[[], ScenarioSet] = load_all, clock: Callable[[], float] = time.time
    ) -> None:
        self.load_scenarios = scenarios
        self.clock = clock
        self.run: DrillRun | None = None
        self.observer = Observer(self._on_entries)
        self.running = False
        self._server: Server | None = None
        self._timer: Timer[TimerItem] | None = None
        self._firer: Firer | None = None
        self._ctx: FireContext | None = None
        self._lock = asyncio.Lock()  # starts, controls and the end, one at a time
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def server(self) -> Server:
        if self._server is None:
            raise ProtocolError(ErrorCode.UNAVAILABLE, "the drill engine is not running on this backend")
        return self._server

    # --- service ------------------------------------------------------------------------------------

    async def start(self, server: Server) -> None:
        self._server = server
        self.observer.start(server.store)
        self.running = True
        for left in await server.store.read(records.open_drills):
            await self._close_left_open(left)

    async def stop(self) -> None:
        """A drill still running ends (its scores are kept) before the backend stops."""
        async with self._lock:
            if self.run is not None:
                await self._finish("the backend stopped", "engine")
        self.running = False
        for task in list(self._tasks):
            await task
        await self.observer.stop()

    async def scenarios(self) -> ScenarioSet:
        return await asyncio.to_thread(self.load_scenarios)

    # --- what trainers do -----------------------------------------------------------------------------

    async def begin(self, req: StartDrill, trainer: Operator) -> DrillState:
        server = self._exercise()
        async with self._lock:
            if self.run is not None:
                raise records.invalid(
                    "scenario_id",
                    f"drill {self.run.id} is {self.run.state.state}; stop it before starting another",
                )
            speed = checked_speed(req.speed)
            scenario = find_scenario(await self.scenarios(), req.scenario_id)
            store = server.store
            assignments = await store.read(checked_assignments, scenario, req.assignments)
            names = await store.read(records.display_names)
            cursors = await store.read(last_ids)
            now = self.clock()
            state = DrillState(
                id=0,
                scenario_id=scenario.id,
                title=scenario.title,
                state="running",
                speed=speed,
                started_at=now,
                elapsed_s=0.0,
                at=now,
                duration_s=scenario.duration_s,
                assignments=assignments,
                trainer=trainer.username,
                total=sum(1 for i in scenario.injects if i.at_s is not None),
            )
            state = await store.run_write(records.insert_drill, state, now)
            run = DrillRun(scenario, state, DrillLog(store, state.id), names)
            run.seen.timeline_after, run.seen.reports_after = cursors
            seats = "、".join(f"{a.slot_id} {run.name(a.username)}" for a in assignments)
            summary = f"{run.name(trainer.username)} 开始演练《{scenario.title}》，×{speed:g}；{seats}"
            await run.log.write([drill_log.entry(0.0, now, trainer.username, "drill.started", summary)])
            self._launch(run, trainer)
            return run.state

    async def control(self, req: ControlDrill, operator: Operator) -> DrillState:
        self._exercise()
        async with self._lock:
            run = await self._current(req.drill_id)
            now = self.clock()
            who = run.name(operator.username)
            if req.action == "stop":
                return await self._finish(f"stopped by {operator.username}", operator.username)
            if req.action == "pause":
                if run.state.state != "running":
                    raise records.invalid("action", f"drill {run.id} is paused already")
                run.clock.pause(now)
                kind, summary, changes = "drill.paused", f"{who} 暂停演练", {"state": "paused"}
            elif req.action == "resume":
                if run.state.state != "paused":
                    raise records.invalid("action", f"drill {run.id} is running, not paused")
                run.clock.resume(now)
                kind, summary, changes = "drill.resumed", f"{who} 继续演练", {"state": "running"}
            elif req.action == "speed":
                speed = checked_speed(req.speed)
                run.clock.set_speed(speed, now)
                kind, summary, changes = "drill.speed", f"{who} 将速度改为 ×{speed:g}", {}
            else:
                raise records.invalid(
                    "action", f"action must be one of {', '.join(ACTIONS)}, not {req.action!r}"
                )
            if self._timer is not None:
                self._timer.changed()
            state = run.snapshot(now, **changes)
            entry = drill_log.entry(run.t(now), now, operator.username, kind, summary)
            await run.log.write([entry], announce(state, now))
            return state

    async def inject(self, req: ManualInject, operator: Operator) -> DrillState:
        self._exercise()
        async with self._lock:  # not while the drill is ending
            run = await self._current(req.drill_id)
            inject = manual_inject(req.inject, run)
            assert self._firer is not None
            await self._firer.fire_now(inject, operator.username)
            return run.snapshot(self.clock())

    # --- reads --------------------------------------------------------------------------------------

    def current(self) -> DrillState | None:
        run = self.run
        return run.snapshot(self.clock()) if run is not None and not run.ending else None

    async def _current(self, drill_id: int) -> DrillRun:
        """The drill running now if it is ``drill_id``; else not found, or invalid (it has ended)."""
        run = self.run
        if run is not None and run.id == drill_id and not run.ending:
            return run
        state = await self.server.store.read(records.load_drill, drill_id)
        raise records.invalid("drill_id", f"drill {state.id} has {state.state}")

    # --- running ------------------------------------------------------------------------------------

    def _exercise(self) -> Server:
        server = self.server
        if not server.exercise:
            raise ProtocolError(ErrorCode.UNAVAILABLE, NOT_EXERCISE)
        return server

    def _launch(self, run: DrillRun, trainer: Operator) -> None:
        timer: Timer[TimerItem] = Timer(run.clock, self._due, self.clock, f"drill-{run.id}-timer")
        ctx = FireContext(self.server, run, timer, trainer)
        firer = Firer(ctx, self._end_due)
        for inject in run.scenario.injects:
            if inject.at_s is not None:
                timer.add(inject.at_s, inject)
        timer.add(run.scenario.duration_s, END)
        self.run, self._timer, self._firer, self._ctx = run, timer, firer, ctx
        self.observer.run = run
        firer.start()
        timer.start()

    def _due(self, item: TimerItem, t: float, scheduled_at: float) -> None:
        if self._firer is not None:
            self._firer.due(item, t, scheduled_at)

    def _end_due(self) -> None:
        run = self.run

        async def end() -> None:
            async with self._lock:
                if run is not None and self.run is run:
                    await self._finish("the scenario's time is up", "engine")

        task = asyncio.get_running_loop().create_task(end(), context=contextvars.Context())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _on_entries(self, run: DrillRun, entries: list[LogEntry]) -> None:
        """Dispatches the observer logged: the department responses to them wait their time."""
        ctx = self._ctx
        if ctx is None or ctx.run is not run or run.ending:
            return
        for entry in entries:
            case_id, unit = entry.data.get("case_id"), entry.data.get("department")
            if entry.kind == "case.dispatched" and entry.ref and isinstance(case_id, int) and unit:
                arm_responses(ctx, entry.ref, case_id, str(unit), entry.t)

    async def _finish(self, reason: str, actor: str) -> DrillState:
        """End the drill now (under ``_lock``): no more injects, the seats' last actions logged, the
        department responses that never came logged as skipped, the final scores kept."""
        run = self.run
        if run is None:
            raise records.invalid("drill_id", "no drill is running")
        run.ending = True
        if self._timer is not None:
            await self._timer.stop()
        if self._firer is not None:
            await self._firer.stop()
        await release_callers(self.server, run)
        await self.observer.settle()
        now = self.clock()
        if run.clock.running:
            run.clock.pause(now)
        run.clock.elapsed_s = min(run.clock.elapsed_s, run.scenario.duration_s)  # the end is the end
        t = run.t(now)
        entries = [*skipped_responses(run, t, now), ended_entry(run, reason, actor, t, now)]
        state = run.snapshot(now, state="ended", ended_at=now)
        await run.log.write(entries, announce(state, now))
        self.run = self._timer = self._firer = self._ctx = None
        self.observer.run = None
        return state

    async def _close_left_open(self, state: DrillState) -> None:
        found = await self.scenarios()
        scenario = next((s for s in found.scenarios if s.id == state.scenario_id), None)
        await close_left_open(self.server.store, state, scenario, self.clock())


def engine_of(server: Server) -> DrillEngine:
    """The server's drill engine, or unavailable."""
    for service in server.services:
        if isinstance(service, DrillEngine) and service.running:
            return service
    raise ProtocolError(ErrorCode.UNAVAILABLE, "the drill engine is not running on this backend")
