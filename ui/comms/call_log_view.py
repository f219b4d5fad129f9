"""The call log: ended calls (who, whom, when, how long, result, case, recording), newest first; all
of them or only the case in context's. Calls that end while it is shown go on top."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app.comms_service import CommsService
from client_api import comms_messages as cm
from widgets.comms_call_log_model import CallLogModel

COLUMN_WIDTHS = (110, 60, 80, 200, 60, 90, 110)


class CallLogView(QWidget):
    """Attributes: model (CallLogModel), table (callLogTable), case_only (callLogCaseOnly),
    refresh_button (refreshCallLogButton), loaded (the log was loaded at least once)."""

    def __init__(self, comms: CommsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comms = comms
        self.loaded = False
        self.model = CallLogModel(comms.case.text_of, self)
        self.table = QTableView(self)
        self.table.setObjectName("callLogTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        title = QLabel(self.tr("Call log"), self)
        title.setStyleSheet("font-weight:bold;")
        self.case_only = QCheckBox(self.tr("Only the case in context"), self)
        self.case_only.setObjectName("callLogCaseOnly")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("refreshCallLogButton")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.case_only)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(lambda _checked=False: self.reload())
        self.case_only.toggled.connect(lambda _on: self.reload())
        comms.case.caseChanged.connect(self.on_case_caseChanged)
        comms.callFinished.connect(self.on_comms_callFinished)
        comms.callsReset.connect(self.reload)

    def _case_filter(self) -> int | None:
        return self._comms.case.case_id if self.case_only.isChecked() else None

    @asyncSlot()
    async def reload(self) -> None:
        if self._comms.seat.operator is None:
            return
        case_id = self._case_filter()
        if self.case_only.isChecked() and case_id is None:
            self.model.set_records([])
            return
        calls = await self._comms.call_log(case_id=case_id)
        if calls is not None and case_id == self._case_filter():
            self.loaded = True
            self.model.set_records(calls)

    def on_case_caseChanged(self, _case_id: int | None) -> None:
        if self.case_only.isChecked():
            self.reload()
        else:
            self.model.refresh()

    def on_comms_callFinished(self, call: cm.CommsCall) -> None:
        case_id = self._case_filter()
        if self.case_only.isChecked() and call.case_id != case_id:
            return
        self.model.upsert(call)
