"""The 演练 EXERCISE watermark laid over a window whenever the seat is on drill data."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

WATERMARK_TEXT = "演练 EXERCISE"


class ExerciseWatermark(QWidget):
    """A transparent overlay that covers its parent, lets every click through, and repeats the text."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setObjectName("exerciseWatermark")
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if watched is parent and parent is not None and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
            self.raise_()
        return False

    def set_active(self, active: bool) -> None:
        self.setVisible(active)
        if active:
            self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # A red frame around the whole window: visible even where the text is hidden by data.
        painter.setPen(QColor(200, 30, 30, 200))
        painter.drawRect(QRectF(self.rect()).adjusted(2, 2, -3, -3))
        font = QFont(self.font())
        font.setPointSize(36)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(200, 30, 30, 45))
        painter.translate(self.width() / 2, self.height() / 2)
        painter.rotate(-25)
        span = max(self.width(), self.height())
        step_y = 220
        step_x = 520
        for y in range(-span, span, step_y):
            offset = (y // step_y) % 2 * step_x // 2
            for x in range(-span - offset, span, step_x):
                painter.drawText(x, y, WATERMARK_TEXT)
        painter.end()
