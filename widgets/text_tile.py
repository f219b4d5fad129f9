"""A text or status panel for the wall (duty roster, a notice): big text, its type as large as fits."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

BACKGROUND, TEXT = "#101820", "#e6edf3"
MIN_POINTS, MAX_POINTS = 8, 160
MARGIN = 12
FLAGS = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


class TextTile(QWidget):
    """Draws ``text`` centred and word-wrapped (lines kept), in the largest point size that fits."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(80, 40)
        self._text = text
        self._points: int | None = None  # fitted size; None: fit again before painting

    def sizeHint(self) -> QSize:
        return QSize(320, 180)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._points = None
            self.update()

    def fitted_point_size(self) -> int:
        """The point size the text is drawn in at the tile's current size."""
        if self._points is None:
            self._points = self._fit()
        return self._points

    def _box(self) -> QRect:
        return self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)

    def _fit(self) -> int:
        """Binary search for the largest size whose wrapped text fits the box."""
        box = self._box()
        if not self._text.strip() or box.width() <= 0 or box.height() <= 0:
            return MIN_POINTS
        low, high = MIN_POINTS, MAX_POINTS
        while low < high:
            mid = (low + high + 1) // 2
            if self._fits(mid, box):
                low = mid
            else:
                high = mid - 1
        return low

    def _fits(self, points: int, box: QRect) -> bool:
        metrics = QFontMetrics(self._font(points))
        used = metrics.boundingRect(box, int(FLAGS.value), self._text)
        return used.width() <= box.width() and used.height() <= box.height()

    def _font(self, points: int) -> QFont:
        font = QFont(self.font())
        font.setPointSize(points)
        font.setBold(True)
        return font

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._points = None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(BACKGROUND))
        painter.setPen(QColor(TEXT))
        painter.setFont(self._font(self.fitted_point_size()))
        painter.drawText(self._box(), int(FLAGS.value), self._text)
        painter.end()
