"""The case table: a thin QAbstractTableModel over the seat's CaseBook, updated row by row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from client_api.case_book import CaseBook
from client_api.messages import CaseRecord
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex


def status_label(status: str) -> str:
    labels = {
        "received": QCoreApplication.translate("CaseStatus", "Received"),
        "registered": QCoreApplication.translate("CaseStatus", "Registered"),
        "dispatched": QCoreApplication.translate("CaseStatus", "Dispatched"),
        "handling": QCoreApplication.translate("CaseStatus", "Being handled"),
        "verifying": QCoreApplication.translate("CaseStatus", "Awaiting verification"),
        "callback": QCoreApplication.translate("CaseStatus", "Awaiting callback"),
        "closed": QCoreApplication.translate("CaseStatus", "Closed"),
        "archived": QCoreApplication.translate("CaseStatus", "Archived"),
    }
    return labels.get(status, status)


class CaseTableModel(RecordTableModel):
    """Columns: case number, time, category, grid, address, description, status, seat."""

    COLUMNS = ("case_no", "created_at", "category", "grid", "address", "description", "status", "seat_id")

    def __init__(
        self,
        book: CaseBook,
        category_name: Callable[[str], str],
        area_name: Callable[[str | None], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._category_name = category_name
        self._area_name = area_name
        book.on_reset.append(self._on_reset)
        book.on_about_to_insert.append(self._on_about_to_insert)
        book.on_inserted.append(self._on_inserted)
        book.on_changed.append(self._on_changed)

    def record_count(self) -> int:
        return len(self._book)

    def headers(self) -> list[str]:
        return [
            self.tr("Case no."),
            self.tr("Received"),
            self.tr("Category"),
            self.tr("Grid"),
            self.tr("Address"),
            self.tr("Description"),
            self.tr("Status"),
            self.tr("Seat"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._book)):
            return None
        case = self._book[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(case, self.COLUMNS[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[index.column()] == "description":
            return case.description
        if role == Qt.ItemDataRole.UserRole:
            return case.id
        return None

    def case_at(self, row: int) -> CaseRecord:
        return self._book[row]

    def _display(self, case: CaseRecord, column: str) -> str:
        if column == "created_at":
            return dt.datetime.fromtimestamp(case.created_at).strftime("%m-%d %H:%M:%S")
        if column == "category":
            return self._category_name(case.category_code)
        if column == "grid":
            return self._area_name(case.grid_code)
        if column == "status":
            return status_label(case.status)
        if column == "description":
            return case.description.replace("\n", " ")
        return str(getattr(case, column))

    def _on_reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _on_about_to_insert(self, row: int) -> None:
        self.beginInsertRows(QModelIndex(), row, row)

    def _on_inserted(self, row: int) -> None:
        self.endInsertRows()

    def _on_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def refresh_names(self) -> None:
        """Reference data arrived: the category and grid columns change their text."""
        if len(self._book):
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._book) - 1, 3))
