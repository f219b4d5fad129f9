"""The Cases place: every case this seat can see, newest first, live."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.seat_service import SeatService
from ui.case_detail_dialog import CaseDetailDialog
from widgets.case_table_model import CaseTableModel

COLUMN_WIDTHS = (130, 110, 180, 150, 220, 360, 90, 90)


class CasesScreen(QWidget):
    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseTableModel(service.cases, service.category_name, service.area_name, self)
        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents on 100k rows
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.count_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table)
        for signal in (self.model.rowsInserted, self.model.modelReset):
            signal.connect(self._update_count)
        service.referenceLoaded.connect(lambda _ref: self.model.refresh_names())
        self._update_count()
        # Enter or a double click on a case opens it in full (reports, timeline, undoing a merge).
        self._service = service
        self.detail_dialog: CaseDetailDialog | None = None
        self.table.activated.connect(self.open_case_at)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{n} cases").format(n=self.model.rowCount()))

    def open_case_at(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if self.detail_dialog is not None:
            self.detail_dialog.close()
            self.detail_dialog.deleteLater()
        self.detail_dialog = CaseDetailDialog(self._service, self.model.case_at(index.row()).id, self)
        self.detail_dialog.show()
