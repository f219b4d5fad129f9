"""The evidence of a warning model's alert: one row per fact that made it fire (what was measured, what
was expected, the unit and when)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from client_api.alert_messages import Evidence
from widgets.alert_labels import clock
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex


def _number(value: str | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class EvidenceTableModel(RecordTableModel):
    """Columns: what, value, expected, unit, when."""

    COLUMNS = ("label", "value", "expected", "unit", "ts")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Evidence] = []

    def set_evidence(self, evidence: list[Evidence]) -> None:
        if evidence == self._rows:
            return
        self.beginResetModel()  # a handful of rows, replaced when another alert is selected
        self._rows = list(evidence)
        self.endResetModel()

    def evidence_at(self, row: int) -> Evidence:
        return self._rows[row]

    def record_count(self) -> int:
        return len(self._rows)

    def headers(self) -> list[str]:
        return [self.tr("What"), self.tr("Value"), self.tr("Expected"), self.tr("Unit"), self.tr("When")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "ts":
                return clock(item.ts)
            if column in ("value", "expected"):
                return _number(getattr(item, column))
            return getattr(item, column) or ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("value", "expected"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
