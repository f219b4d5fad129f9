"""The points a trainee lost and why: a QAbstractTableModel over their Deductions (area, points, reason)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from client_api.drill_messages import Deduction
from widgets.drill_labels import area_label, points
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex


class DeductionTableModel(RecordTableModel):
    """The reason is also the tooltip: it may be longer than the column."""

    COLUMNS = ("area", "points", "reason")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deductions: list[Deduction] = []

    def set_deductions(self, deductions: tuple[Deduction, ...] | list[Deduction]) -> None:
        self.beginResetModel()
        self._deductions = list(deductions)
        self.endResetModel()

    def deduction_at(self, row: int) -> Deduction:
        return self._deductions[row]

    def record_count(self) -> int:
        return len(self._deductions)

    def headers(self) -> list[str]:
        return [self.tr("Area"), self.tr("Points lost"), self.tr("Why")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._deductions)):
            return None
        deduction = self._deductions[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "area":
                return area_label(deduction.area)
            if column == "points":
                return f"−{points(deduction.points)}"
            return deduction.reason
        if role == Qt.ItemDataRole.ToolTipRole and column == "reason":
            return deduction.reason
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "points":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
