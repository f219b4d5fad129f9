"""A wall tile: a title bar (source name, pin and alarm marks, live indicator, time) over its content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

LIVE_COLOURS = {"live": "#12b76a", "connecting": "#f79009", "no_signal": "#f04438", "offline": "#98a2b3"}


class TileFrame(QFrame):
    """Attributes: content (the widget shown), title, marks, live, clock (the title bar's labels),
    live_state (live / connecting / no_signal / offline)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tileFrame")
        self.setStyleSheet(
            "#tileFrame{background:#0f1114;border:1px solid #2c3138;}"
            "#tileBar{background:#1d2127;} #tileBar QLabel{color:#e4e7ec;font-size:11pt;}"
        )
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.bar = QWidget(self)
        self.bar.setObjectName("tileBar")
        self.bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title = QLabel(self.bar)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.marks = QLabel(self.bar)
        self.live = QLabel(self.bar)
        self.clock = QLabel(self.bar)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(8, 2, 8, 2)
        row.addWidget(self.title, 1)
        row.addWidget(self.marks)
        row.addWidget(self.live)
        row.addWidget(self.clock)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.bar)
        self.content = content
        self._column.addWidget(content, 1)
        self.live_state = ""
        self.set_live("offline")

    def set_content(self, content: QWidget) -> QWidget:
        """Show another content widget; returns the old one (the caller releases it)."""
        old, self.content = self.content, content
        self._column.replaceWidget(old, content)
        content.setParent(self)
        content.show()
        old.hide()
        return old

    def set_title(self, text: str, pinned: bool, alarm: bool) -> None:
        self.title.setText(text)
        self.title.setToolTip(text)
        marks = []
        if pinned:
            marks.append(self.tr("PINNED"))
        if alarm:
            marks.append(self.tr("ALARM"))
        self.marks.setText(" · ".join(marks))
        self.marks.setVisible(bool(marks))

    def set_bar_visible(self, visible: bool) -> None:
        """Hide the bar for content that draws its own (a camera draws name, state and time on its
        picture)."""
        self.bar.setVisible(visible)

    def set_live(self, state: str) -> None:
        if state == self.live_state:
            return
        self.live_state = state
        colour = LIVE_COLOURS.get(state, LIVE_COLOURS["offline"])
        words = {
            "live": self.tr("LIVE"),
            "connecting": self.tr("connecting…"),
            "no_signal": self.tr("NO SIGNAL"),
            "offline": self.tr("OFFLINE"),
        }
        self.live.setText(f"<span style='color:{colour};'>●</span> {words.get(state, state)}")

    def set_time(self, text: str) -> None:
        self.clock.setText(text)
