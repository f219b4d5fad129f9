"""The Intake place: where the operator records what a caller or a channel reports.

Beside the form: the inbox (calls and channel reports arrive there with the intake issue) and the
most recent cases of the whole center, so an operator sees at once what was just reported.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.seat_service import SeatService
from ui.intake.case_form import CaseForm
from widgets.case_table_model import CaseTableModel

RECENT_COLUMNS = {"case_no": 130, "created_at": 100, "category": 150, "address": 200}


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-size:16px;font-weight:bold;")
    return label


class IntakeScreen(QWidget):
    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = CaseForm(service, parent=self)
        self.form.setMaximumWidth(720)
        inbox_text = QLabel(self.tr("Calls and channel reports will queue here."), self)
        inbox_text.setObjectName("inboxPlaceholder")
        inbox_text.setStyleSheet("color:#666;")
        inbox_text.setWordWrap(True)
        self.recent_model = CaseTableModel(service.cases, service.category_name, service.area_name, self)
        self.recent = QTableView(self)
        self.recent.setObjectName("recentCases")
        self.recent.setModel(self.recent_model)
        self.recent.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent.verticalHeader().setVisible(False)
        header = self.recent.horizontalHeader()
        for column, name in enumerate(CaseTableModel.COLUMNS):
            if name in RECENT_COLUMNS:
                self.recent.setColumnWidth(column, RECENT_COLUMNS[name])
            else:
                self.recent.setColumnHidden(column, True)
        header.setSectionResizeMode(CaseTableModel.COLUMNS.index("address"), QHeaderView.ResizeMode.Stretch)
        service.referenceLoaded.connect(lambda _ref: self.recent_model.refresh_names())
        side = QVBoxLayout()
        side.addWidget(heading(self.tr("Inbox"), self))
        side.addWidget(inbox_text)
        side.addSpacing(12)
        side.addWidget(heading(self.tr("Recent cases"), self))
        side.addWidget(self.recent, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.form, 3)
        layout.addLayout(side, 2)
