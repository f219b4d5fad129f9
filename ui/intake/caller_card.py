"""The screen-pop: who is calling and what they reported before (last 12 months, open cases first)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.seat_service import SeatService
from client_api.calls_messages import CallerHistory
from client_api.case_book import CaseBook
from widgets.case_table_model import CaseTableModel

COLUMNS = {"case_no": 130, "created_at": 100, "category": 140, "status": 90, "address": 160}


class CallerCard(QWidget):
    """Signals:
    caseChosen(object): the operator picked one of the caller's cases (Enter or double-click).
    """

    caseChosen = Signal(object)

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callerCard")
        self.book = CaseBook()
        self.heading = QLabel(self)
        self.heading.setObjectName("callerHeading")
        self.heading.setStyleSheet("font-weight:bold;")
        self.opening = QLabel(self)
        self.opening.setObjectName("callerOpening")
        self.opening.setWordWrap(True)
        self.opening.setStyleSheet("color:#344054;background:#fffaeb;padding:4px;")
        self.model = CaseTableModel(self.book, service.category_name, service.area_name, self)
        self.table = QTableView(self)
        self.table.setObjectName("callerCases")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setToolTip(self.tr("Enter: use this case (the caller reports the same problem again)"))
        for column, name in enumerate(CaseTableModel.COLUMNS):
            self.table.setColumnHidden(column, name not in COLUMNS)
            if name in COLUMNS:
                self.table.setColumnWidth(column, COLUMNS[name])
        self.table.horizontalHeader().setSectionResizeMode(
            CaseTableModel.COLUMNS.index("address"), QHeaderView.ResizeMode.Stretch
        )
        self.table.activated.connect(self.on_table_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.opening)
        layout.addWidget(self.table)
        self.hide()

    def show_history(self, history: CallerHistory, opening: str | None = None) -> None:
        self.book.reset(history.cases)  # newest first; the status column shows which are still open
        if history.cases:
            self.heading.setText(
                self.tr("Caller {phone}: {n} cases in the last 12 months, {open} still open").format(
                    phone=history.phone, n=len(history.cases), open=history.open_count
                )
            )
        else:
            self.heading.setText(self.tr("Caller {phone}: no earlier cases").format(phone=history.phone))
        self.opening.setText(self.tr("Caller says: “{text}”").format(text=opening) if opening else "")
        self.opening.setVisible(bool(opening))
        self.show()
        if history.cases:
            self.table.selectRow(0)

    def clear(self) -> None:
        self.book.reset([])
        self.hide()

    def on_table_activated(self, index: QModelIndex) -> None:
        self.caseChosen.emit(self.model.case_at(index.row()))
