"""The GUI thread while the speech queue works: a 5 ms heartbeat there, ten announcements spoken in order.

The figures (announce() in µs, the heartbeat's lateness) are printed by ``python -m bench.speech_stall``;
this test asserts only what must hold on any machine: every announcement received, started and finished,
in order, each ``announce()`` measured.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest

from app.speech import SpeechQueue
from app.speech_player import WavPlayer
from bench.speech_stall import TEXTS, measure_gui_stall

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="espeak-ng from the loader: Linux"
)


def test_ten_announcements_spoken_in_order_while_the_gui_thread_ticks(qtbot: Any) -> None:
    texts = [f"{i + 1}号：{TEXTS[i % len(TEXTS)]}" for i in range(10)]
    # "true" stands in for a speaker: a real player process that accepts the file at once.
    queue = SpeechQueue(player=WavPlayer(commands=(("true",),)))
    try:
        figures = measure_gui_stall(queue, texts)
    finally:
        queue.stop(timeout=30)
    assert not queue.is_running()
    assert queue.received == texts
    assert figures["started"] == texts
    assert figures["finished"] == texts
    assert figures["failed"] == []
    assert figures["accepted"] == 10
    assert len(figures["announce_us"]) == 10
    assert figures["ticks"] > 1
    assert set(figures["stall_ms"]) == {"p50", "p95", "p99", "max"}
