"""Notices when nobody has touched the keyboard or mouse for a while (the seat's idle lock)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    """An event filter on the application: every input event moves the last-input time; a timer
    checks it. After ``idle`` it stays quiet until ``reset`` (the seat was unlocked).

    Attributes:
        clock: monotonic seconds (a test may set its own).
        timeout_s: seconds without input before ``idle``; 0: never.

    Signals:
    idle(): no input for ``timeout_s`` seconds.
    """

    idle = Signal()

    def __init__(
        self,
        timeout_s: float,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self._last = clock()
        self._fired = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self.timeout_s = 0.0
        self._filtering = False
        self.set_timeout(timeout_s)

    def set_timeout(self, timeout_s: float) -> None:
        """0 turns the lock off (and the event filter: it sees every event of the application)."""
        self.timeout_s = timeout_s
        app = QCoreApplication.instance()
        assert app is not None
        if timeout_s <= 0:
            self._timer.stop()
            if self._filtering:
                app.removeEventFilter(self)
                self._filtering = False
            return
        if not self._filtering:
            self._last = self.clock()
            app.installEventFilter(self)
            self._filtering = True
        # Check often enough that the lock comes at most a quarter of the timeout late (and never
        # more than a second late), but not more often than every 50 ms.
        self._timer.start(max(50, min(1000, int(timeout_s * 250))))

    def reset(self) -> None:
        self._last = self.clock()
        self._fired = False

    def check(self) -> None:
        if not self._fired and self.timeout_s > 0 and self.clock() - self._last >= self.timeout_s:
            self._fired = True
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last = self.clock()
        return False

    def remove(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False
