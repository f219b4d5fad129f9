"""The Intake place: where the operator records what a caller or a channel reports."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.seat_service import SeatService
from ui.new_case_form import NewCaseForm


class IntakeScreen(QWidget):
    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = NewCaseForm(service, self)
        self.form.setMaximumWidth(720)
        side = QLabel(self.tr("Calls and channel reports will queue here."), self)
        side.setObjectName("inboxPlaceholder")
        side.setStyleSheet("color:#666;")
        side.setWordWrap(True)
        inbox = QVBoxLayout()
        title = QLabel(self.tr("Inbox"), self)
        title.setStyleSheet("font-size:16px;font-weight:bold;")
        inbox.addWidget(title)
        inbox.addWidget(side)
        inbox.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.form, 3)
        layout.addLayout(inbox, 2)
