"""The alert banner at the top of the main window: the loudest unacknowledged Severe or Extreme alert with
its actions, "+N more" when others wait too; it stays until they are acknowledged."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from client_api.alert_messages import AlertRecord
from client_api.alert_priority import severity_rank
from widgets.alert_labels import (
    SEVERITY_COLOURS,
    area_text,
    clock,
    drill_prefix,
    escalated_label,
    severity_label,
    source_label,
)

FLASH_MS = 250
FLASH_TOGGLES = 6
FLASH_COLOUR = "#f2c94c"


class AlertBanner(QFrame):
    """Signals:
    shown(int): an alert appeared on the banner for the first time (its wall-clock time in ``shown_at``).
    ackRequested(int), toCaseRequested(int), linkRequested(int), detailsRequested(int): the top alert's
        buttons.
    moreRequested(): "+N more" was clicked.

    Attributes: alerts (on the banner, by id), escalated (ids marked escalated), shown_at (id -> time.time()
    when first shown), exercise (every text gets the drill prefix), flashes (how often it flashed),
    headline, details, severity, more, buttons (by action).
    """

    shown = Signal(int)
    ackRequested = Signal(int)
    toCaseRequested = Signal(int)
    linkRequested = Signal(int)
    detailsRequested = Signal(int)
    moreRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.alerts: dict[int, AlertRecord] = {}
        self.escalated: set[int] = set()
        self.shown_at: dict[int, float] = {}
        self._painted: tuple[str, str] | None = None
        self.exercise = False
        self.flashes = 0
        self._flash_left = 0
        self._flash_timer = QTimer(self, interval=FLASH_MS)
        self._flash_timer.timeout.connect(self._flash_step)
        self.severity = QLabel(self)
        self.severity.setObjectName("bannerSeverity")
        self.headline = QLabel(self)
        self.headline.setObjectName("bannerHeadline")
        self.headline.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setObjectName("bannerDetails")
        self.details.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.headline)
        text.addWidget(self.details)
        self.buttons = {
            "ack": self._button(self.tr("Acknowledge…"), "bannerAck", self.ackRequested),
            "to_case": self._button(self.tr("Create case"), "bannerToCase", self.toCaseRequested),
            "link": self._button(self.tr("Link to case…"), "bannerLink", self.linkRequested),
            "details": self._button(self.tr("Details"), "bannerDetails", self.detailsRequested),
        }
        self.more = QPushButton(self)
        self.more.setObjectName("bannerMore")
        self.more.clicked.connect(lambda: self.moreRequested.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.severity)
        layout.addLayout(text, 1)
        for button in self.buttons.values():
            layout.addWidget(button)
        layout.addWidget(self.more)
        self.hide()

    def _button(self, label: str, name: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(label, self)
        button.setObjectName(name)
        button.clicked.connect(lambda: self._emit_for_top(signal))
        return button

    def _emit_for_top(self, signal: SignalInstance) -> None:
        top = self.top()
        if top is not None:
            signal.emit(top.id)

    # --- what is on it ------------------------------------------------------------------------------

    def put(self, alert: AlertRecord) -> None:
        """Show an alert, or its new version when it is on the banner already."""
        self.alerts[alert.id] = alert
        first = alert.id not in self.shown_at
        if first:
            self.shown_at[alert.id] = time.time()
        self._refresh()
        if first:
            self.shown.emit(alert.id)

    def remove(self, alert_id: int) -> None:
        if self.alerts.pop(alert_id, None) is not None:
            self.escalated.discard(alert_id)
            self._refresh()

    def clear(self) -> None:
        self.alerts.clear()
        self.escalated.clear()
        self._refresh()

    def mark_escalated(self, alert_id: int) -> None:
        if alert_id in self.alerts:
            self.escalated.add(alert_id)
            self._refresh()

    def ordered(self) -> list[AlertRecord]:
        """Loudest first: escalated, then severity, priority, and the newest."""
        return sorted(
            self.alerts.values(),
            key=lambda a: (a.id in self.escalated, severity_rank(a.severity), a.priority, a.received_at),
            reverse=True,
        )

    def top(self) -> AlertRecord | None:
        ordered = self.ordered()
        return ordered[0] if ordered else None

    def flash(self) -> None:
        """Draw the eye again (an unacknowledged alert's repeat): a few blinks of the background."""
        self.flashes += 1
        self._flash_left = FLASH_TOGGLES
        self._flash_timer.start()

    def is_flashing(self) -> bool:
        return self._flash_timer.isActive()

    # --- drawing -------------------------------------------------------------------------------------

    def _flash_step(self) -> None:
        self._flash_left -= 1
        if self._flash_left <= 0:
            self._flash_timer.stop()
        self._paint(lit=self._flash_left % 2 == 1)

    def _refresh(self) -> None:
        top = self.top()
        if top is None:
            self._flash_timer.stop()
            self.hide()
            return
        escalated = top.id in self.escalated
        mark = f" · {escalated_label()}" if escalated else ""
        self.severity.setText(f"{severity_label(top.severity)}{mark}")
        prefix = drill_prefix(top, self.exercise)
        title = " — ".join(t for t in (top.event, top.headline) if t)
        self.headline.setText(f"{prefix}{title}")
        source = top.sender_name or source_label(top.source, top.rule)
        self.details.setText(" · ".join(t for t in (area_text(top), clock(top.sent), source) if t))
        others = len(self.alerts) - 1
        self.more.setText(self.tr("+{n} more").format(n=others))
        self.more.setVisible(others > 0)
        self.buttons["to_case"].setEnabled(top.case_id is None)
        self.buttons["link"].setEnabled(top.case_id is None)
        self._paint(lit=False)
        self.show()
        self.raise_()

    def _paint(self, lit: bool) -> None:
        top = self.top()
        colour = SEVERITY_COLOURS.get(top.severity if top else "", SEVERITY_COLOURS["Severe"])
        background = FLASH_COLOUR if lit else colour
        text = "#1a1a1a" if lit else "white"
        if self._painted == (background, text):
            return  # a style sheet is costly to apply: only when the colours change
        self._painted = (background, text)
        self.setStyleSheet(
            f"#alertBanner{{background:{background};border-bottom:2px solid #300;}}"
            f"#alertBanner QLabel{{color:{text};}}"
            "#bannerSeverity{font-size:18px;font-weight:bold;padding-right:12px;}"
            "#bannerHeadline{font-size:16px;font-weight:bold;}"
            f"#alertBanner QPushButton{{color:{text};background:transparent;border:1px solid {text};"
            "border-radius:3px;padding:4px 10px;}"
            "#alertBanner QPushButton:disabled{color:#bbb;border-color:#bbb;}"
        )
