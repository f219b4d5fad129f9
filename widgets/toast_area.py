"""Toasts: short messages stacked at the bottom right of a window, fading after a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

STYLES = {
    "info": "background:#1f4e79;color:white;",
    "warning": "background:#b7791f;color:white;",
    "error": "background:#b42318;color:white;",
    "alert": "background:#1f4e79;color:white;border-left:6px solid #f2c94c;",
}
MAX_WIDTH = 420
LIFETIME_MS = {"info": 4000, "warning": 8000, "error": 12000, "alert": 15000}


class Toast(QLabel):
    """Signals:
    dismissed(): it timed out or was clicked away.
    """

    dismissed = Signal()

    def __init__(self, level: str, text: str, parent: QWidget, style: str | None = None) -> None:
        super().__init__(text, parent)
        self.level = level
        self.setWordWrap(True)
        self.setObjectName(f"toast_{level}")
        style = style or STYLES.get(level, STYLES["info"])
        self.setStyleSheet(f"QLabel{{{style}padding:8px 12px;border-radius:4px;}}")
        # A fixed width, so that the stack's layout asks a wrapped text's height for the width it gets.
        natural = self.fontMetrics().horizontalAdvance(text) + 2 * 12 + 4
        self.setFixedWidth(min(MAX_WIDTH, natural))
        QTimer.singleShot(LIFETIME_MS.get(level, 4000), self, self.dismiss)

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
        self.deleteLater()

    def mousePressEvent(self, ev: QMouseEvent) -> None:
        self.dismiss()


class ToastArea(QWidget):
    """An overlay in the bottom-right corner of its parent; clicks outside toasts pass through."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)
        parent.installEventFilter(self)
        self._place()

    def show_message(self, level: str, text: str, style: str | None = None) -> Toast:
        """A toast of ``level`` (info, warning, error, alert); ``style`` overrides its colours (CSS)."""
        toast = Toast(level, text, self, style)
        toast.dismissed.connect(self._place)
        self._layout.addWidget(toast, 0, Qt.AlignmentFlag.AlignRight)
        toast.show()  # a child added to a visible parent stays hidden until shown
        self._place()
        self.show()
        self.raise_()
        return toast

    def toasts(self) -> list[Toast]:
        return [w for w in self.findChildren(Toast) if not w.isHidden()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.adjustSize()
        width = 440
        # Wrapped toasts need the height for this width (the size hint assumes another width).
        wanted = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        height = min(wanted, parent.height() - 60)
        self.setGeometry(parent.width() - width - 16, parent.height() - height - 40, width, max(height, 0))
