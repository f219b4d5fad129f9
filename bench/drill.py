"""The drill engine's timing: how late injects go out against their schedule, with a baseline of bare
asyncio measured in the same run.

``python -m bench.drill [--calls 200] [--interval 6] [--speed 10]``

A real backend process (``command-seat-server`` on an exercise SQLite database in a temporary
directory, demo data, the generated scenario of ``backend.drill.scenario_bigcalls`` offered with
``--drill-scenarios``) and a trainer client (client_api): the trainer starts the ``--calls``-call
scenario at ``--speed`` with four trainees assigned (nobody answers: the calls queue up in the call
center as the drill goes on). Each inject's drift is ``fired_at − scheduled_at`` of its
``drill.injected`` event: when the engine's timer handed it on against when it was due on the wall
clock. Beside it the commit lag from the drill's log: when the inject's entry was written (after the
call rang in the call center) minus when it was due. Baseline: in this process, a bare asyncio task
sleeping to the same schedule from the same start at the same time; its lateness is what asyncio
itself gives on this machine under this load.

The last line is ``RESULT calls=… speed=… drift_p99_ms=… drift_max_ms=… commit_p99_ms=…
baseline_p99_ms=…``. Target: drift p99 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.bundled_backend import BundledBackend
from backend.drill.scenario import parse_scenario
from backend.drill.scenario_bigcalls import big_scenario_text
from backend.drill.scenario_model import Scenario
from bench.fanout import fmt, isolated_env, summary
from client_api import drill_messages as dm
from client_api.client import Event, SeatClient

TRAINEES = ("operator1", "operator2", "town1", "supervisor1")
SETTLE_S = 60.0  # beyond the scenario's duration, how long the end may take to come


@dataclass
class Measured:
    injects: int
    fired: int
    ended: bool
    drift_ms: list[float]
    commit_ms: list[float]
    baseline_ms: list[float]
    seconds: float


async def baseline(started_at: float, offsets: list[float]) -> list[float]:
    """Lateness (ms) of a bare asyncio sleeper waking at ``started_at + offset`` for each offset."""
    late = []
    for offset in sorted(offsets):
        due = started_at + offset
        delay = due - time.time()
        if delay > 0:
            await asyncio.sleep(delay)
        while time.time() < due:  # the loop may wake a clock tick early, as the engine's timer does
            await asyncio.sleep(0)
        late.append((time.time() - due) * 1000)
    return late


async def measure(url: str, scenario: Scenario, speed: float) -> Measured:
    trainer = SeatClient(url, request_timeout=60)
    fired: dict[str, dm.InjectFired] = {}
    ended = asyncio.Event()

    def on_event(event: Event) -> None:
        if event.type == "drill.injected":
            fired[event.payload.inject_id] = event.payload
        elif event.type == "drill.state" and event.payload.state == "ended":
            ended.set()

    trainer.add_event_listener(on_event)
    trainer.start()
    try:
        await trainer.wait_connected(30)
        await trainer.login("trainer1", "demo", "bench-trainer")
        seats = [s for s in scenario.seats if s.role != "trainer"]
        assignments = [dm.Assignment(s.id, user) for s, user in zip(seats, TRAINEES, strict=False)]
        request = dm.StartDrill(scenario_id=scenario.id, assignments=assignments, speed=speed)
        ok: dm.DrillOk = await trainer.request("drill.start", request)
        timed = [i for i in scenario.injects if i.at_s is not None]
        sleeper = asyncio.create_task(baseline(ok.drill.started_at, [(i.at_s or 0.0) / speed for i in timed]))
        begun = time.monotonic()
        try:
            async with asyncio.timeout(scenario.duration_s / speed + SETTLE_S):
                await ended.wait()
        except TimeoutError:
            pass
        seconds = time.monotonic() - begun
        log: dm.DrillLog = await trainer.request("drill.log", dm.GetDrillLog(drill_id=ok.drill.id))
        base = await sleeper
    finally:
        await trainer.close()
    logged = {e.ref: e.at for e in log.entries if e.kind.startswith("inject.") and e.ref in fired}
    return Measured(
        injects=len(timed),
        fired=len(fired),
        ended=ended.is_set(),
        drift_ms=[(f.fired_at - f.scheduled_at) * 1000 for f in fired.values()],
        commit_ms=[(logged[k] - f.scheduled_at) * 1000 for k, f in fired.items() if k in logged],
        baseline_ms=base,
        seconds=seconds,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.drill", description=__doc__)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--interval", type=float, default=6.0, help="scenario seconds between calls")
    parser.add_argument("--speed", type=float, default=10.0, choices=dm.SPEEDS)
    args = parser.parse_args(argv)
    text = big_scenario_text(args.calls, args.interval)
    scenario = parse_scenario(text, f"bigcalls-{args.calls}.yaml")
    with tempfile.TemporaryDirectory(prefix="bench-drill-") as tmp, isolated_env(Path(tmp)):
        drills = Path(tmp) / "drills"
        drills.mkdir()
        (drills / f"{scenario.id}.yaml").write_text(text, encoding="utf-8")
        backend = BundledBackend(
            Path(tmp) / "server", exercise=True, extra_args=["--drill-scenarios", str(drills)]
        )
        url = backend.start(timeout=60)
        try:
            got = asyncio.run(measure(url, scenario, args.speed))
        finally:
            backend.stop()
    span = scenario.duration_s / args.speed
    print(
        f"drill {scenario.id}: {got.injects} injects ({args.calls} calls and an alert) at ×{args.speed:g} "
        f"over {span:.0f} s; fired {got.fired}; ended: {'yes' if got.ended else 'NO'} ({got.seconds:.1f} s)"
    )
    print(fmt("engine drift (fired−due)", got.drift_ms))
    print(fmt("commit lag (logged−due)", got.commit_ms))
    print(fmt("baseline: bare asyncio", got.baseline_ms))
    drift, commit, base = summary(got.drift_ms), summary(got.commit_ms), summary(got.baseline_ms)
    print(
        f"RESULT calls={args.calls} speed={args.speed:g} drift_p99_ms={drift['p99']:.1f} "
        f"drift_max_ms={drift['max']:.1f} commit_p99_ms={commit['p99']:.1f} "
        f"baseline_p99_ms={base['p99']:.1f}"
    )
    return 0 if got.ended and got.fired == got.injects else 1


if __name__ == "__main__":
    sys.exit(main())
