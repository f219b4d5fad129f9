"""The wall in the designer: every monitor drawn to scale at its place in the wall's grid.

A column is as wide as its widest monitor and a row as tall as its tallest (in pixels); the whole is
scaled to fit, each monitor keeping its own aspect. Keys go to ``key_handler`` (the designer's).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from client_api import wall_messages as wm
from ui.wall.monitor_canvas import NAME_STRIP_PX, MonitorCanvas

MARGIN_PX = 12
SPACING_PX = 14


def monitor_rects(monitors: list[wm.Monitor], width: int, height: int) -> dict[int, QRect]:
    """Each monitor's rectangle (name strip and screen) in a ``width`` × ``height`` area, to scale."""
    if not monitors:
        return {}
    rows = max(m.row for m in monitors) + 1
    cols = max(m.col for m in monitors) + 1
    col_px = [max((m.width_px for m in monitors if m.col == c), default=0) for c in range(cols)]
    row_px = [max((m.height_px for m in monitors if m.row == r), default=0) for r in range(rows)]
    free_w = width - 2 * MARGIN_PX - SPACING_PX * (cols - 1)
    free_h = height - 2 * MARGIN_PX - (SPACING_PX + NAME_STRIP_PX) * rows
    scale = max(min(free_w / max(sum(col_px), 1), free_h / max(sum(row_px), 1)), 0.01)
    used_w = sum(col_px) * scale + SPACING_PX * (cols - 1)
    used_h = sum(row_px) * scale + (SPACING_PX + NAME_STRIP_PX) * rows
    left0 = (width - used_w) / 2
    top0 = (height - used_h) / 2
    rects = {}
    for m in monitors:
        x = left0 + sum(col_px[: m.col]) * scale + SPACING_PX * m.col
        y = top0 + sum(row_px[: m.row]) * scale + (SPACING_PX + NAME_STRIP_PX) * m.row
        w, h = m.width_px * scale, m.height_px * scale
        x += (col_px[m.col] * scale - w) / 2  # a smaller monitor sits in the middle of its cell
        rects[m.index] = QRect(round(x), round(y), round(w), round(h) + NAME_STRIP_PX)
    return rects


class WallCanvas(QWidget):
    """Attributes: canvases (MonitorCanvas by monitor index), key_handler (takes a key press; returns
    whether it used it), title (names a source for the tiles)."""

    def __init__(self, title: Callable[[wm.TileSource], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(480, 260)
        self.title = title
        self.canvases: dict[int, MonitorCanvas] = {}
        self.key_handler: Callable[[QKeyEvent], bool] | None = None
        self._monitors: list[wm.Monitor] = []

    def set_monitors(self, monitors: list[wm.Monitor]) -> list[MonitorCanvas]:
        """Draw these monitors; returns the canvases made new (the designer connects them)."""
        made = []
        wanted = {m.index for m in monitors}
        for index in [i for i in self.canvases if i not in wanted]:
            self.canvases.pop(index).deleteLater()
        for monitor in monitors:
            canvas = self.canvases.get(monitor.index)
            if canvas is None:
                canvas = MonitorCanvas(monitor, self.title, self)
                self.canvases[monitor.index] = canvas
                canvas.show()
                made.append(canvas)
            elif canvas.monitor != monitor:
                canvas.set_monitor(monitor)
        self._monitors = list(monitors)
        self._place()
        return made

    def set_editable(self, editable: bool) -> None:
        for canvas in self.canvases.values():
            canvas.editable = editable

    def sizeHint(self) -> QSize:
        return QSize(960, 420)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        for index, rect in monitor_rects(self._monitors, self.width(), self.height()).items():
            self.canvases[index].setGeometry(rect)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.key_handler is not None and self.key_handler(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.hasFocus():
            return
        painter = QPainter(self)  # a focus frame: the keys act on this wall
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()
