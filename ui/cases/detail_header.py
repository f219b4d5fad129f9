"""The top of the case detail: case number, status, urgency, supervision and the two SLA countdowns."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from client_api import sla_state
from client_api.messages import CaseRecord
from ui.cases.detail_names import status_name, supervision_label, urgency_label

BADGE_STYLE = {
    "normal": "background:#ecfdf3; color:#067647;",
    "warning": "background:#fffaeb; color:#b54708;",
    "overdue": "background:#fef3f2; color:#b42318; font-weight:bold;",
}
PILL = "border-radius:4px; padding:2px 6px;"


class DetailHeader(QWidget):
    """Attributes: case_no, status, urgency, supervision (QLabels); stage_badge and completion_badge, whose
    property ``state`` is none / normal / warning / overdue; timer (ticks every second while shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: CaseRecord | None = None
        self.case_no = QLabel(self)
        self.case_no.setObjectName("detailCaseNo")
        self.case_no.setStyleSheet("font-size:16px; font-weight:bold;")
        self.status = QLabel(self)
        self.status.setObjectName("detailStatus")
        self.urgency = QLabel(self)
        self.supervision = QLabel(self)
        self.supervision.setObjectName("detailSupervision")
        self.stage_badge = QLabel(self)
        self.stage_badge.setObjectName("stageBadge")
        self.completion_badge = QLabel(self)
        self.completion_badge.setObjectName("completionBadge")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.case_no, self.status, self.urgency, self.supervision):
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self.stage_badge)
        layout.addWidget(self.completion_badge)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh_badges)
        self.set_case(None)

    def set_case(self, case: CaseRecord | None) -> None:
        self.case = case
        self.case_no.setText("" if case is None else case.case_no)
        self.status.setText("" if case is None else status_name(case.status))
        self.urgency.setText("" if case is None else urgency_label(case.urgency))
        level = None if case is None else case.supervision_level
        self.supervision.setText(supervision_label(level))
        self.supervision.setStyleSheet(f"{PILL} background:#f4ebff; color:#6941c6;" if level else "")
        self.refresh_badges()

    def refresh_badges(self) -> None:
        now = time.time()
        case = self.case
        stage = sla_state.NO_BADGE if case is None else sla_state.stage_badge(case, now)
        completion = sla_state.NO_BADGE if case is None else sla_state.completion_badge(case, now)
        self._paint(self.stage_badge, self.tr("Stage"), stage)
        self._paint(self.completion_badge, self.tr("Completion"), completion)

    def _paint(self, label: QLabel, name: str, badge: sla_state.Badge) -> None:
        label.setProperty("state", badge.state)
        label.setVisible(badge.state != "none")
        if badge.state == "none":
            label.setText("")
            return
        label.setStyleSheet(f"{PILL} {BADGE_STYLE[badge.state]}")
        words = self.tr("overdue") if badge.state == "overdue" else self.tr("left")
        label.setText(f"{name} {sla_state.countdown(badge.remaining_s)} {words}")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_badges()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)
