"""The wall's changes on record under the designer's monitors: when, who, why, what."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from app.wall_service import WallService
from ui.wall.history_model import WallHistoryModel

COLUMN_WIDTHS = (80, 110, 150)  # time, who, why; what changed takes the rest


class WallHistoryView(QTableView):
    """Attributes: changes (the WallHistoryModel shown)."""

    def __init__(self, wall: WallService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallHistory")
        self.changes = WallHistoryModel(wall, self)
        self.setModel(self.changes)
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.setColumnWidth(column, width)
