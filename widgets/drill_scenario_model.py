"""The scenarios a trainer can run: a QAbstractTableModel over ScenarioInfos (title, level, theme,
duration, seats, injects)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from client_api.drill_messages import ScenarioInfo
from widgets.drill_labels import clock, level_label, theme_label
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex


class ScenarioTableModel(RecordTableModel):
    """One row per scenario, in the backend's order. The description is the tooltip of every cell."""

    COLUMNS = ("title", "level", "theme", "duration", "seats", "injects")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scenarios: list[ScenarioInfo] = []

    def set_scenarios(self, scenarios: list[ScenarioInfo]) -> None:
        """Show ``scenarios`` (a new list from the backend: loaded once per login, so a reset)."""
        if scenarios == self._scenarios:
            return
        self.beginResetModel()
        self._scenarios = list(scenarios)
        self.endResetModel()

    def scenario_at(self, row: int) -> ScenarioInfo:
        return self._scenarios[row]

    def row_of(self, scenario_id: str) -> int | None:
        return next((row for row, s in enumerate(self._scenarios) if s.id == scenario_id), None)

    def record_count(self) -> int:
        return len(self._scenarios)

    def headers(self) -> list[str]:
        return [
            self.tr("Scenario"),
            self.tr("Level"),
            self.tr("Theme"),
            self.tr("Duration"),
            self.tr("Seats"),
            self.tr("Injects"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._scenarios)):
            return None
        scenario = self._scenarios[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "title": scenario.title,
                "level": level_label(scenario.level),
                "theme": theme_label(scenario.theme),
                "duration": clock(scenario.duration_s),
                "seats": str(len(scenario.seats)),
                "injects": str(scenario.inject_count),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return scenario.description or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("duration", "seats", "injects"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return scenario.id
        return None
