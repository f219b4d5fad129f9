"""The department KPI table: one row per department, rates as percentages, the total apart."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from client_api.sla_messages import DepartmentKpi, DepartmentKpis
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex
RATES = ("on_time_rate", "return_rate", "reopen_rate", "satisfaction_rate")


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


class DepartmentKpiModel(RecordTableModel):
    """Columns: department, on-time rate, return rate, reopen rate, satisfaction rate, open, overdue.

    A refresh with the same departments changes the cells in place; other refreshes reset the model.
    """

    COLUMNS = ("department_code", *RATES, "open", "overdue")

    def __init__(self, department_name: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._department_name = department_name
        self._rows: list[DepartmentKpi] = []
        self.total: DepartmentKpi | None = None

    def record_count(self) -> int:
        return len(self._rows)

    def headers(self) -> list[str]:
        return [
            self.tr("Department"),
            self.tr("On time"),
            self.tr("Returned"),
            self.tr("Reopened"),
            self.tr("Satisfied"),
            self.tr("Open"),
            self.tr("Overdue"),
        ]

    def set_kpis(self, kpis: DepartmentKpis) -> None:
        self.total = kpis.total
        same = [r.department_code for r in kpis.rows] == [r.department_code for r in self._rows]
        if same:
            self._rows = list(kpis.rows)
            if self._rows:
                last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = list(kpis.rows)
        self.endResetModel()

    def kpi_at(self, row: int) -> DepartmentKpi:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        kpi, column = self._rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(kpi, column)
        if role == Qt.ItemDataRole.UserRole:  # a sort key
            value = getattr(kpi, column)
            return -1.0 if value is None else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def cell(self, kpi: DepartmentKpi, column: str) -> str:
        if column == "department_code":
            return self._department_name(kpi.department_code) if kpi.department_code else self.tr("Total")
        if column in RATES:
            return percent(getattr(kpi, column))
        return str(getattr(kpi, column))
