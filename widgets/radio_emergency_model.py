"""The radio emergencies waiting for an acknowledgement, oldest first, updated row by row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from client_api import comms_messages as cm
from widgets.radio_labels import clock, location
from widgets.record_table_model import Index, RecordTableModel

EMERGENCY_ROLE = Qt.ItemDataRole.UserRole + 1
_RED = QBrush(QColor("#b91c1c"))
_BOLD = QFont()
_BOLD.setBold(True)


class RadioEmergencyModel(RecordTableModel):
    """Columns: time, unit, talk group, location. ``group_name`` turns a group id into its name."""

    COLUMNS = ("at", "unit", "group", "location")

    def __init__(self, group_name: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._group_name = group_name
        self._rows: list[cm.Emergency] = []

    def record_count(self) -> int:
        return len(self._rows)

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Unit"), self.tr("Talk group"), self.tr("Location")]

    def emergency_at(self, row: int) -> cm.Emergency:
        return self._rows[row]

    def emergencies(self) -> list[cm.Emergency]:
        return list(self._rows)

    def reset(self, emergencies: list[cm.Emergency]) -> None:
        self.beginResetModel()
        self._rows = sorted(emergencies, key=lambda e: (e.at, e.id))
        self.endResetModel()

    def put(self, emergency: cm.Emergency) -> None:
        """Add an emergency in time order, or show its new version."""
        for row, known in enumerate(self._rows):
            if known.id == emergency.id:
                self._rows[row] = emergency
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                return
        row = sum(1 for e in self._rows if (e.at, e.id) < (emergency.at, emergency.id))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, emergency)
        self.endInsertRows()

    def remove(self, emergency_id: int) -> None:
        for row, known in enumerate(self._rows):
            if known.id == emergency_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
                return

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        emergency = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(emergency, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _RED
        if role == Qt.ItemDataRole.FontRole and column == "unit":
            return _BOLD
        if role == EMERGENCY_ROLE:
            return emergency
        return None

    def _display(self, emergency: cm.Emergency, column: str) -> str:
        if column == "at":
            return clock(emergency.at)
        if column == "unit":
            return emergency.unit_name or emergency.unit_id
        if column == "group":
            return self._group_name(emergency.group_id)
        return location(emergency.lat, emergency.lon)
