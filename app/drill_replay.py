"""The replay of a drill from its log: a position in scenario time that moves at ×1 … ×20 while playing,
can be paused and set anywhere, and reports each log entry as it passes it."""

from __future__ import annotations

import bisect
import time
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from client_api.drill_messages import LogEntry

REPLAY_SPEEDS = (1.0, 2.0, 5.0, 10.0, 20.0)
TICK_MS = 40


class DrillReplay(QObject):
    """Entries are taken in replay order (scenario time, then the log's order); an entry is passed once the
    position reaches its time. Setting the position (seek) passes or un-passes entries without reporting
    them one by one.

    Signals:
        positionChanged(float): the scenario time the replay stands at.
        reachedChanged(int): how many entries are passed now.
        entryPassed(object): a LogEntry passed while playing, in order.
        playingChanged(bool): playing or paused.
        finished(): playing reached the end.

    Attributes:
        entries: the log in replay order.
        end: the scenario time the replay ends at.
        position, speed, reached, playing.
    """

    positionChanged = Signal(float)
    reachedChanged = Signal(int)
    entryPassed = Signal(object)
    playingChanged = Signal(bool)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[LogEntry] = []
        self._times: list[float] = []
        self.end = 0.0
        self.position = 0.0
        self.speed = 1.0
        self.reached = 0
        self.playing = False
        self._last_tick = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def load(self, entries: Sequence[LogEntry], end: float) -> None:
        """Replay these entries (already in replay order) up to ``end``; back at the start, paused."""
        self.pause()
        self.entries = list(entries)
        self._times = [e.t for e in self.entries]
        self.end = max([end, *self._times, 0.0])
        self.position = 0.0
        self.reached = 0
        self.positionChanged.emit(self.position)
        self.reachedChanged.emit(self.reached)

    def set_speed(self, speed: float) -> None:
        self.speed = max(0.1, float(speed))

    def play(self) -> None:
        if self.playing:
            return
        if self.position >= self.end and self.end > 0:
            self.seek(0.0)
        self.playing = True
        self._last_tick = time.monotonic()
        self._timer.start()
        self.playingChanged.emit(True)
        self.advance(0.0)  # what stands at the position already (the drill's first injects at 0:00)

    def pause(self) -> None:
        if not self.playing:
            return
        self.playing = False
        self._timer.stop()
        self.playingChanged.emit(False)

    def seek(self, position: float) -> None:
        """Stand at ``position`` (clamped to the replay); the entries up to it count as passed."""
        self.position = max(0.0, min(float(position), self.end))
        self._last_tick = time.monotonic()
        self.positionChanged.emit(self.position)
        self._set_reached(bisect.bisect_right(self._times, self.position), report=False)

    def advance(self, real_seconds: float) -> None:
        """Move on by ``real_seconds`` of wall time at the replay's speed, reporting what is passed."""
        self.position = min(self.end, self.position + max(0.0, real_seconds) * self.speed)
        self.positionChanged.emit(self.position)
        self._set_reached(bisect.bisect_right(self._times, self.position), report=True)
        if self.position >= self.end:
            self.pause()
            self.finished.emit()

    def _set_reached(self, reached: int, report: bool) -> None:
        if reached == self.reached:
            return
        passed = self.entries[self.reached : reached] if report and reached > self.reached else []
        self.reached = reached
        for entry in passed:
            self.entryPassed.emit(entry)
        self.reachedChanged.emit(reached)

    def _on_timer_timeout(self) -> None:
        now = time.monotonic()
        elapsed, self._last_tick = now - self._last_tick, now
        self.advance(elapsed)
