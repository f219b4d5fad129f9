"""One monitor in the designer: its name over a screen of its aspect, the draft's tiles drawn on it.

A click selects a tile (Ctrl+click adds or removes it); a source dragged from the browser highlights the
tile under it and lands there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from client_api import wall_messages as wm
from ui.wall.source_model import source_from_mime
from widgets.tile_names import kind_name
from widgets.wall_view import tile_rect

NAME_STRIP_PX = 22
BEZEL_PX = 4
KIND_COLOURS = {
    "camera": "#23364d",
    "map": "#22422f",
    "dashboard": "#3b2d52",
    "cases": "#1f4245",
    "alerts": "#4a2a2a",
    "alert": "#6b1d1d",
    "text": "#4a3c1c",
    "empty": "#1c1f24",
}


class MonitorCanvas(QWidget):
    """Signals:
    tileClicked(int, int, bool): monitor index, tile index, whether Ctrl was held.
    sourceDropped(int, int, object): monitor index, tile index, the TileSource dropped.

    Attributes: monitor (the Monitor drawn, with the draft's layout), selected (tile indices),
    drop_target (the tile a drag hovers, or None), current (whether this monitor has the selection),
    editable (drops accepted).
    """

    tileClicked = Signal(int, int, bool)
    sourceDropped = Signal(int, int, object)

    def __init__(
        self, monitor: wm.Monitor, title: Callable[[wm.TileSource], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.monitor = monitor
        self._title = title
        self.selected: list[int] = []
        self.drop_target: int | None = None
        self.current = False
        self.editable = True
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_monitor(self, monitor: wm.Monitor) -> None:
        self.monitor = monitor
        self.selected = [i for i in self.selected if i < len(monitor.layout.tiles)]
        self.update()

    def set_selection(self, selected: list[int], current: bool) -> None:
        self.selected, self.current = list(selected), current
        self.update()

    def screen_rect(self) -> QRect:
        """Where the monitor's screen is drawn (below the name strip)."""
        return self.rect().adjusted(0, NAME_STRIP_PX, 0, 0)

    def tile_geometry(self, index: int) -> QRect:
        """Tile ``index``'s rectangle in widget coordinates (for clicks and drops in tests too)."""
        screen = self.screen_rect().adjusted(BEZEL_PX, BEZEL_PX, -BEZEL_PX, -BEZEL_PX)
        layout = self.monitor.layout
        rect = tile_rect(layout.tiles[index], layout, screen.width() + 2, screen.height() + 2, 2)
        return rect.translated(screen.topLeft())

    def tile_at(self, pos: QPoint) -> int | None:
        for index in range(len(self.monitor.layout.tiles)):
            if self.tile_geometry(index).contains(pos):
                return index
        return None

    def sizeHint(self) -> QSize:
        return QSize(320, 180 + NAME_STRIP_PX)

    # --- painting -------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        monitor = self.monitor
        name = f"{monitor.index} · {monitor.name} · {monitor.width_px}×{monitor.height_px}"
        bold = QFont(self.font())
        bold.setBold(self.current)
        painter.setFont(bold)
        painter.setPen(QColor("#1d4ed8" if self.current else "#344054"))
        strip = QRect(0, 0, self.width(), NAME_STRIP_PX)
        painter.drawText(strip, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(self.font())
        screen = self.screen_rect()
        painter.fillRect(screen, QColor("#0b0d10"))
        for index, tile in enumerate(monitor.layout.tiles):
            self._paint_tile(painter, index, tile)
        painter.end()

    def _paint_tile(self, painter: QPainter, index: int, tile: wm.Tile) -> None:
        rect = self.tile_geometry(index)
        painter.fillRect(rect, QColor(KIND_COLOURS.get(tile.source.kind, "#1c1f24")))
        painter.setPen(QColor("#e4e7ec" if tile.source.kind != "empty" else "#667085"))
        text_rect = rect.adjusted(6, 4, -6, -4)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        title, kind = self._title(tile.source), kind_name(tile.source.kind)
        if title != kind:
            title += "\n" + kind
        painter.drawText(text_rect, flags, title)
        badges = [(self.tr("Pinned"), "#b45309")] if tile.pinned else []
        badges += [(self.tr("Alarm"), "#b42318")] if tile.alarm else []
        self._paint_badges(painter, rect, badges)
        if index == self.drop_target:
            painter.fillRect(rect, QColor(59, 130, 246, 90))
            painter.setPen(QPen(QColor("#60a5fa"), 3, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        elif index in self.selected:
            colour = "#fbbf24" if self.current else "#a3a3a3"
            painter.setPen(QPen(QColor(colour), 3))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

    def _paint_badges(self, painter: QPainter, rect: QRect, badges: list[tuple[str, str]]) -> None:
        """Small labels at the tile's top right: pinned (rules leave it alone), alarm (designated)."""
        metrics = painter.fontMetrics()
        right = rect.right() - 4
        for text, colour in badges:
            width = metrics.horizontalAdvance(text) + 8
            badge = QRect(right - width, rect.top() + 4, width, metrics.height() + 2)
            painter.fillRect(badge, QColor(colour))
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
            right -= width + 4

    # --- mouse and drops ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        index = self.tile_at(event.position().toPoint())
        if index is not None:
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.tileClicked.emit(self.monitor.index, index, ctrl)
        parent = self.parentWidget()
        if parent is not None:  # the keys act on the wall canvas
            parent.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.editable and source_from_mime(event.mimeData()) is not None:
            event.acceptProposedAction()
            self._hover(event.position().toPoint())
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        index = self._hover(event.position().toPoint())
        if index is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_target(None)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        index = self.tile_at(event.position().toPoint())
        source = source_from_mime(event.mimeData())
        self._set_drop_target(None)
        if not self.editable or index is None or source is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.sourceDropped.emit(self.monitor.index, index, source)

    def _hover(self, pos: QPoint) -> int | None:
        index = self.tile_at(pos)
        self._set_drop_target(index)
        return index

    def _set_drop_target(self, index: int | None) -> None:
        if index != self.drop_target:
            self.drop_target = index
            self.update()
