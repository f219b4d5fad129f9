"""The replay of a drill: entries passed in order at the speed chosen, seeking, and the replay view (chart,
table and slider) following it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.drill_replay import DrillReplay
from client_api import drill_messages as dm
from ui.drill.replay_view import SLIDER_STEPS_PER_S, DrillReplayView
from widgets.drill_log_model import replay_order
from widgets.drill_timeline_chart import ENGINE_ROW

ROWS = [(ENGINE_ROW, "Injects"), ("seat-1", "seat-1 王芳"), ("seat-2", "seat-2 李强")]


def log() -> list[dm.LogEntry]:
    kinds = [
        (0.0, "engine", None, "inject.call"),
        (6.0, "operator1", "seat-1", "call.answered"),
        (20.0, "engine", None, "inject.call"),
        (21.0, "operator2", "seat-2", "call.answered"),
        (45.0, "operator1", "seat-1", "case.created"),
        (45.0, "operator2", "seat-2", "case.created"),
        (60.0, "operator2", "seat-2", "case.dispatched"),
    ]
    entries = [
        dm.LogEntry(seq=i + 1, t=t, at=1e9 + t, actor=a, slot_id=s, kind=k, summary=k)
        for i, (t, a, s, k) in enumerate(kinds)
    ]
    return list(reversed(entries))  # the replay puts them in order itself


def test_advancing_passes_entries_in_order_at_the_speed() -> None:
    replay = DrillReplay()
    ordered = replay_order(log())
    replay.load(ordered, end=70.0)
    passed: list[int] = []
    replay.entryPassed.connect(lambda e: passed.append(e.seq))
    replay.set_speed(10)
    replay.advance(0.0)
    assert passed == [1]  # what stands at 0:00
    replay.advance(2.0)  # 20 s of scenario time
    assert replay.position == 20.0
    assert passed == [1, 2, 3]
    replay.set_speed(2)
    replay.advance(10.0)  # 20 s more
    assert replay.position == 40.0 and replay.reached == 4
    replay.seek(10.0)  # back: entries are un-passed, none reported
    assert replay.reached == 2 and passed == [1, 2, 3, 4]
    replay.set_speed(20)
    finished: list[bool] = []
    replay.finished.connect(lambda: finished.append(True))
    replay.advance(10.0)
    assert replay.position == 70.0 and finished == [True]
    assert passed == [1, 2, 3, 4, 3, 4, 5, 6, 7]


def test_playing_reaches_the_end_with_every_entry_in_order(qtbot: Any) -> None:
    replay = DrillReplay()
    ordered = replay_order(log())
    replay.load(ordered, end=60.0)
    replay.set_speed(20)
    passed: list[int] = []
    replay.entryPassed.connect(lambda e: passed.append(e.seq))
    with qtbot.waitSignal(replay.finished, timeout=20000):
        replay.play()
    assert passed == [e.seq for e in ordered] == [1, 2, 3, 4, 5, 6, 7]
    assert not replay.playing
    with qtbot.waitSignal(replay.positionChanged):
        replay.play()  # at the end, Play starts over
    assert replay.position < 60.0
    replay.pause()


def test_the_view_follows_the_replay(qtbot: Any) -> None:
    view = DrillReplayView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.set_log(log(), ROWS, end=70.0)
    assert view.model.reached == 0 and view.chart.brushes_reached() == 0
    assert view.slider.maximum() == 70 * SLIDER_STEPS_PER_S
    view.replay.set_speed(10)
    view.replay.advance(2.5)  # 25 s: four entries passed
    assert view.model.reached == 4
    assert view.chart.brushes_reached() == 4
    assert view.chart.cursor.value() == 25.0
    assert view.slider.value() == 25 * SLIDER_STEPS_PER_S
    assert view.position.text() == "0:25 / 1:10"
    view.slider.setValue(50 * SLIDER_STEPS_PER_S)  # the trainer drags to 0:50
    assert view.replay.position == 50.0 and view.model.reached == 6
    view.chart.seekRequested.emit(5.0)  # a click on the chart
    assert view.model.reached == 1
    qtbot.mouseClick(view.play, Qt.MouseButton.LeftButton)
    assert view.replay.playing and "Pause" in view.play.text()
    view.replay.pause()
