"""Alerts: from an alert's arrival at the backend to its popup on many seats, and the warning models'
throughput, each with a baseline measured in the same run.

``python -m bench.alerts [--seats 50] [--procs 5] [--alerts 40] [--readings 200000]``

- Popups: a real backend process (SQLite, demo data) and ``--seats`` real consoles (MainWindow with
  banner and popups, offscreen) spread over ``--procs`` processes (``bench.alert_seats``); a supervisor
  raises Extreme alerts one after the other (the next once every seat showed the last, or after 5 s).
  A sample runs from the alert's ``received_at`` on the backend to the banner's first showing on one seat
  (alerts x seats samples). The event's arrival at the seat is reported beside it.
- Baseline (transport): bare websockets clients, as many as the seats, spread the same way, receiving a
  frame of the same size from ``bench.broadcast_server``; a sample runs from the send to one arrival.
- Rules: ``bench.alerts_rules.measure`` (decode + checks + rules vs decode + checks only).
- Speech: ``bench.speech_stall`` (the GUI thread's worst stall while announcements are spoken).

The last line is ``RESULT seats=… popup_p99_ms=… readings_per_s=… baseline_ws_p99_ms=…
baseline_readings_per_s=…``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.bundled_backend import BundledBackend
from bench import alerts_rules
from bench.alert_ws_baseline import ws_baseline
from bench.fanout import isolated_env
from client_api import alert_messages as am
from client_api.client import SeatClient

DELIVERY_TIMEOUT = 5.0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class SeatProcesses:
    """The worker processes and the SHOWN lines they print, by alert id."""

    def __init__(self, url: str, seats: int, procs: int, work: Path) -> None:
        self.url, self.seats, self.procs = url, seats, procs
        self.stop_file = work / "stop-seats"
        self.shown: dict[int, list[tuple[float, float]]] = {}
        self._procs: list[asyncio.subprocess.Process] = []
        self._readers: list[asyncio.Task[None]] = []
        self._ready = 0

    async def start(self) -> None:
        per = [
            self.seats // self.procs + (1 if i < self.seats % self.procs else 0) for i in range(self.procs)
        ]
        for i, count in enumerate(per):
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bench.alert_seats",
                "--url",
                self.url,
                "--seats",
                str(count),
                "--prefix",
                f"b{i}",
                "--stop-file",
                str(self.stop_file),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
            )
            self._procs.append(proc)
            self._readers.append(asyncio.create_task(self._read(proc)))
        deadline = time.monotonic() + 180
        while self._ready < len(per):
            if time.monotonic() > deadline:
                raise RuntimeError("the seat processes did not log in within 180 s")
            await asyncio.sleep(0.1)

    async def _read(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stdout is not None
        async for raw in proc.stdout:
            parts = raw.decode().split()
            if parts[:1] == ["READY"]:
                self._ready += 1
            elif parts[:1] == ["SHOWN"]:
                self.shown.setdefault(int(parts[1]), []).append((float(parts[3]), float(parts[4])))

    async def wait_shown(self, alert_id: int) -> int:
        deadline = time.monotonic() + DELIVERY_TIMEOUT
        while len(self.shown.get(alert_id, ())) < self.seats and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        return len(self.shown.get(alert_id, ()))

    async def close(self) -> None:
        self.stop_file.touch()
        for proc in self._procs:
            try:
                await asyncio.wait_for(proc.wait(), 30)
            except TimeoutError:
                proc.kill()
                await proc.wait()
        for task in self._readers:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def popups(url: str, seats: int, procs: int, alerts: int, work: Path) -> dict[str, float]:
    workers = SeatProcesses(url, seats, procs, work)
    await workers.start()
    supervisor = SeatClient(url, request_timeout=20)
    supervisor.start()
    try:
        await supervisor.wait_connected(30)
        await supervisor.login("supervisor1", "demo", "bench-supervisor")
        missing = 0
        for i in range(alerts + 3):  # the first three warm the seats up and are not counted
            raised: am.AlertRaised = await supervisor.request(
                "alert.raise",
                am.RaiseAlert(
                    event="燃气泄漏",
                    headline=f"基准测试预警 {i}：江滨路燃气管道泄漏",
                    severity="Extreme",
                    urgency="Immediate",
                    certainty="Observed",
                    categories=["CBRNE"],
                    area_desc="临江街道滨江社区",
                ),
            )
            got = await workers.wait_shown(raised.alert.id)
            if i < 3:
                workers.shown.pop(raised.alert.id, None)
            else:
                missing += seats - got
            await asyncio.sleep(0.05)
    finally:
        await supervisor.close()
        await workers.close()
    event = [e for samples in workers.shown.values() for e, _p in samples]
    popup = [p for samples in workers.shown.values() for _e, p in samples]
    return {
        "samples": len(popup),
        "missing": missing,
        "event_p50_ms": pct(event, 0.5),
        "event_p99_ms": pct(event, 0.99),
        "popup_p50_ms": pct(popup, 0.5),
        "popup_p99_ms": pct(popup, 0.99),
        "popup_max_ms": max(popup) if popup else float("nan"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.alerts", description=__doc__)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--procs", type=int, default=5)
    parser.add_argument("--alerts", type=int, default=40)
    parser.add_argument("--readings", type=int, default=200_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-alerts-") as tmp, isolated_env(Path(tmp)):
        backend = BundledBackend(Path(tmp) / "server")
        url = backend.start()
        try:
            pop = asyncio.run(popups(url, args.seats, args.procs, args.alerts, Path(tmp)))
        finally:
            backend.stop()
    print(
        f"popups: {pop['samples']:.0f} samples ({args.alerts} Extreme alerts x {args.seats} seats in "
        f"{args.procs} processes), missing {pop['missing']:.0f}"
    )
    print(f"  event at seat: p50 {pop['event_p50_ms']:.1f} ms  p99 {pop['event_p99_ms']:.1f} ms")
    print(
        f"  banner shown:  p50 {pop['popup_p50_ms']:.1f} ms  p99 {pop['popup_p99_ms']:.1f} ms  "
        f"max {pop['popup_max_ms']:.1f} ms"
    )
    base = ws_baseline(args.seats, args.procs, args.alerts)
    print(f"baseline, bare websockets broadcast: p50 {base['p50_ms']:.1f} ms  p99 {base['p99_ms']:.1f} ms")
    rules = alerts_rules.measure(args.readings)
    print(
        f"rules: {rules['readings_per_s']:.0f} readings/s (decode + checks + rules), baseline "
        f"{rules['baseline_readings_per_s']:.0f} readings/s (decode + checks), {rules['alerts']:.0f} alerts"
    )
    print(
        f"RESULT seats={args.seats} popup_p99_ms={pop['popup_p99_ms']:.1f} "
        f"readings_per_s={rules['readings_per_s']:.0f} baseline_ws_p99_ms={base['p99_ms']:.1f} "
        f"baseline_readings_per_s={rules['baseline_readings_per_s']:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
