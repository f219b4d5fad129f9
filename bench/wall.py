"""The video wall under load: 16 camera tiles playing beside 2 live dashboards, offscreen.

``python -m bench.wall [--seconds 30] [--tiles 16] [--baseline-seconds 10] [--size 2400x1080] [--profile]``

A 2400×1080 window (``--size``) holds a 4×4 grid of real VideoTiles (QMediaPlayer + QVideoSink each,
simulated cameras: 640×360 H.264 at 25 fps, shown at about 480×270) and two DashboardTiles (cases per
hour, by category) fed with changing cases every second. The clips are made first (not measured).
Baseline: the same window, tiles not started (they show their static panel), dashboards live, for
``--baseline-seconds``. Then the tiles play; once all are live and have run 2 s, for ``--seconds``:
frames shown per tile per second (frames actually painted), frames decoded, CPU (process CPU time over
wall time, all threads: 100 = one core), RSS, and the GUI thread's stall: the lateness of a 5 ms
heartbeat timer there (actual interval − 5 ms). ``--profile`` adds where the GUI thread spent its time
(cProfile, that thread only). The last line is ``RESULT tiles=… fps_min=… fps_mean=… cpu_pct=…
rss_mb=… stall_p99_ms=… stall_max_ms=… decoded_fps_mean=… baseline_stall_p99_ms=… baseline_cpu_pct=…``.
Targets: ≥ 15 fps per tile, stall p99 ≤ 16 ms.

Frames are scaled to their tiles on one worker thread (``widgets.video_convert``), not in paintEvent:
measured here, converting on the GUI thread took 43 % of it at this size (p99 5.9 ms) and all of it
on a 3840×2160 wall (p99 56 ms, 24 fps); off the GUI thread, p99 4–8 ms (runs vary with the machine's
other load) and 6.9 ms.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from bench.fanout import fmt, summary
from bench.wall_window import WallWindow, make_clips

HEARTBEAT_MS = 5
WIDTH, HEIGHT = 2400, 1080
LEFT_FOR_EXIT: list[object] = []


@dataclass
class Phase:
    seconds: float
    cpu_pct: float
    lateness_ms: list[float]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_until(done: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return True


def heartbeat(seconds: float) -> Phase:
    """Run the event loop for ``seconds`` with a 5 ms timer; its lateness and the process's CPU."""
    lateness: list[float] = []
    last = [0.0]

    def beat() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, (now - last[0]) * 1000 - HEARTBEAT_MS))
        last[0] = now

    loop = QEventLoop()
    timer = QTimer(interval=HEARTBEAT_MS, timerType=Qt.TimerType.PreciseTimer)
    timer.timeout.connect(beat)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    cpu, wall = time.process_time(), time.perf_counter()
    last[0] = wall
    timer.start()
    loop.exec()
    timer.stop()
    elapsed = time.perf_counter() - wall
    return Phase(elapsed, (time.process_time() - cpu) / elapsed * 100, lateness[1:])


def profiled(seconds: float) -> tuple[Phase, str]:
    profile = cProfile.Profile()
    profile.enable()
    phase = heartbeat(seconds)
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(15)
    return phase, out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.wall", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--tiles", type=int, default=16)
    parser.add_argument("--baseline-seconds", type=float, default=10.0)
    parser.add_argument("--size", default=f"{WIDTH}x{HEIGHT}", help="the window, WIDTHxHEIGHT pixels")
    parser.add_argument("--profile", action="store_true", help="profile the GUI thread while measuring")
    args = parser.parse_args(argv)
    if "COMMAND_SEAT_DATA_DIR" not in os.environ:  # keep the clips away from the user's seat
        os.environ["COMMAND_SEAT_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-wall-")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    started = time.perf_counter()
    make_clips(args.tiles)
    print(f"clips: {args.tiles} simulated cameras ready in {time.perf_counter() - started:.1f} s", flush=True)

    width, height = (int(n) for n in args.size.lower().split("x"))
    window = WallWindow(args.tiles, width, height)
    window.show()
    wait_until(lambda: False, 1.0)
    base = heartbeat(args.baseline_seconds)
    print(fmt("baseline (tiles stopped)", base.lateness_ms), f" cpu={base.cpu_pct:.0f}%", flush=True)

    window.start_tiles()
    if not wait_until(lambda: all(t.state == "live" for t in window.tiles), 60.0):
        states = ", ".join(f"{t.name}: {t.state} {t.reason}" for t in window.tiles if t.state != "live")
        print(f"not every tile went live: {states}", file=sys.stderr)
        return 1
    wait_until(lambda: False, 2.0)
    shown = [t.frames_shown for t in window.tiles]
    decoded = [t.frames_decoded for t in window.tiles]
    feeds = window.feeds
    phase, profile = profiled(args.seconds) if args.profile else (heartbeat(args.seconds), "")
    fps = [(t.frames_shown - s) / phase.seconds for t, s in zip(window.tiles, shown, strict=True)]
    decoded_fps = [(t.frames_decoded - d) / phase.seconds for t, d in zip(window.tiles, decoded, strict=True)]
    memory = rss_mb()
    no_signal = sum(t.retries for t in window.tiles)
    for tile, shown_fps, decoded_rate in zip(window.tiles, fps, decoded_fps, strict=True):
        print(
            f"  {tile.url:<14} {tile.name:<12}\tshown {shown_fps:5.1f} fps\tdecoded {decoded_rate:5.1f} fps"
        )
    print(fmt("playing", phase.lateness_ms), f" cpu={phase.cpu_pct:.0f}%", flush=True)
    fed = window.feeds - feeds
    print(f"dashboards: {len(window.dashboards)}, fed {fed} times; no-signal events: {no_signal}")
    if profile:
        print(profile)
    stall, base_stall = summary(phase.lateness_ms), summary(base.lateness_ms)
    print(
        f"RESULT tiles={len(window.tiles)} fps_min={min(fps):.1f} fps_mean={sum(fps) / len(fps):.1f} "
        f"cpu_pct={phase.cpu_pct:.0f} rss_mb={memory:.0f} stall_p99_ms={stall['p99']:.2f} "
        f"stall_max_ms={stall['max']:.2f} decoded_fps_mean={sum(decoded_fps) / len(decoded_fps):.1f} "
        f"baseline_stall_p99_ms={base_stall['p99']:.2f} baseline_cpu_pct={base.cpu_pct:.0f}",
        flush=True,
    )
    window.stop()
    LEFT_FOR_EXIT.extend([window, app])
    sys.stdout.flush()
    os._exit(0)  # player threads and the pyqtgraph teardown are no part of what is measured


if __name__ == "__main__":
    sys.exit(main())
