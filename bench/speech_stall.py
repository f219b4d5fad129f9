"""Does speaking alerts stall the GUI thread? A 5 ms heartbeat while the speech queue works.

``python -m bench.speech_stall [--count 10]``

Offscreen. A real SpeechQueue (pyttsx3 with espeak-ng 1.52 from espeakng-loader, the real player: on a
machine without audio output each announcement is synthesised and the playing fails fast) gets
``--count`` Chinese announcements in one go from the GUI thread; a 5 ms QTimer there records its ticks
until all are finished. ``announce_max_us`` is the longest ``announce()`` call; ``stall_max_ms`` the
longest heartbeat lateness (interval − 5 ms). The baseline synthesises the same texts with pyttsx3 on
the GUI thread itself, as a naive implementation would. The last line is ``RESULT announcements=…
announce_max_us=… stall_p99_ms=… stall_max_ms=… idle_stall_max_ms=… baseline_stall_max_ms=…`` (idle: the
heartbeat alone, for comparison). A Python worker thread holds the GIL for at most the interpreter's
switch interval (5 ms) at a time, which bounds what the queue can cost the GUI thread.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from app.speech import SpeechQueue
from app.speech_engine import RATE_WPM, create_engine, synthesize
from app.speech_worker import ENGINE_LOCK
from bench.fanout import fmt, summary

HEARTBEAT_MS = 5
TEXTS = [
    f"{level}预警：{place}{event}，请{team}立即处置。"
    for level, place, event, team in [
        ("红色", "临江街道滨江社区", "发生内涝", "应急管理局"),
        ("橙色", "新桥镇", "气温骤降", "城管执法局"),
        ("黄色", "人民路", "交通拥堵", "交警大队"),
        ("红色", "文化路", "燃气泄漏", "消防救援站"),
        ("橙色", "东风路", "路面塌陷", "住建局"),
    ]
]


def heartbeat(body: Any, done: Any, timeout_s: float) -> list[float]:
    """Run ``body()`` then the event loop until ``done()`` with a 5 ms timer; the timer's lateness in ms."""
    ticks: list[float] = []
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(HEARTBEAT_MS)

    def tick() -> None:
        ticks.append(time.perf_counter())
        if done():
            loop.quit()

    timer.timeout.connect(tick)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    timer.start()
    QTimer.singleShot(0, body)
    loop.exec()
    timer.stop()
    return [(b - a) * 1000 - HEARTBEAT_MS for a, b in itertools.pairwise(ticks)]


def measure_gui_stall(
    queue: SpeechQueue, texts: list[str], severity: str = "Severe", timeout_s: float = 120.0
) -> dict[str, Any]:
    """Announce ``texts`` from the GUI thread and keep a 5 ms heartbeat there until the queue is idle.

    Returns the texts started and finished (in order), how long each ``announce()`` took (µs) and the
    heartbeat's lateness (ms: p50, p95, p99, max). Needs a QCoreApplication.
    """
    assert QCoreApplication.instance() is not None, "measure_gui_stall needs a Qt application"
    started: list[str] = []
    finished: list[str] = []
    failed: list[str] = []
    announce_us: list[float] = []
    accepted = 0
    queue.started.connect(started.append)
    queue.finished.connect(finished.append)
    queue.failed.connect(failed.append)

    def announce_all() -> None:
        nonlocal accepted
        for text in texts:
            before = time.perf_counter_ns()
            accepted += queue.announce(text, severity)
            announce_us.append((time.perf_counter_ns() - before) / 1000)

    begun = time.perf_counter()
    lateness = heartbeat(
        announce_all, lambda: len(announce_us) == len(texts) and queue.pending() == 0, timeout_s
    )
    elapsed = time.perf_counter() - begun
    # What the worker reported last is still queued to this thread: let it arrive.
    QCoreApplication.processEvents()
    for signal, slot in ((queue.started, started.append), (queue.finished, finished.append)):
        signal.disconnect(slot)
    queue.failed.disconnect(failed.append)
    return {
        "announcements": len(texts),
        "accepted": accepted,
        "started": started,
        "finished": finished,
        "failed": failed,
        "announce_us": announce_us,
        "announce_max_us": max(announce_us, default=0.0),
        "heartbeat_ms": HEARTBEAT_MS,
        "ticks": len(lateness) + 1,
        "stall_ms": summary(lateness),
        "elapsed_s": elapsed,
    }


def baseline_stall(texts: list[str]) -> list[float]:
    """The same texts synthesised by pyttsx3 on the GUI thread (what the queue exists to avoid)."""
    with ENGINE_LOCK, tempfile.TemporaryDirectory(prefix="speech-bench-") as tmp:
        engine = create_engine()
        path = Path(tmp) / "baseline.wav"
        remaining = list(texts)

        def speak_next() -> None:
            if remaining:
                synthesize(engine, remaining.pop(0), path, {"rate": RATE_WPM})
                QTimer.singleShot(HEARTBEAT_MS, speak_next)  # let the heartbeat tick in between

        return heartbeat(speak_next, lambda: not remaining, 120.0)


def idle_stall(seconds: float) -> list[float]:
    """The heartbeat with nothing else to do: the floor the other figures stand on."""
    until = time.perf_counter() + seconds
    return heartbeat(lambda: None, lambda: time.perf_counter() >= until, seconds + 5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speech_stall", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10, help="announcements")
    args = parser.parse_args(argv)
    _app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    texts = [TEXTS[i % len(TEXTS)] for i in range(args.count)]
    queue = SpeechQueue()
    try:
        figures = measure_gui_stall(queue, texts)
        voice = queue.voice_id
    finally:
        queue.stop()
    in_order = figures["started"] == texts and figures["finished"] == texts
    print(
        f"speech queue: voice {voice}, {len(figures['finished'])}/{args.count} finished, in order: {in_order}"
    )
    for reason in figures["failed"]:
        print(f"  reported: {reason}")
    print(f"announce() max {figures['announce_max_us']:.1f} µs, {figures['elapsed_s']:.2f} s in all")
    lateness = figures["stall_ms"]
    print("heartbeat lateness (queue)   " + "  ".join(f"{k}={v:7.2f}" for k, v in lateness.items()) + " ms")
    idle = idle_stall(max(1.0, figures["elapsed_s"]))
    print(fmt("idle (nothing to do)", idle))
    base = baseline_stall(texts)
    print(fmt("baseline (synth on GUI thread)", base))
    print(
        f"RESULT announcements={args.count} announce_max_us={figures['announce_max_us']:.1f} "
        f"stall_p99_ms={lateness['p99']:.2f} stall_max_ms={lateness['max']:.2f} "
        f"idle_stall_max_ms={summary(idle)['max']:.2f} baseline_stall_max_ms={summary(base)['max']:.2f}"
    )
    return 0 if in_order else 1


if __name__ == "__main__":
    sys.exit(main())
