"""The wall's changes on record, newest first: when, who, why and what (the backend's summary)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from app.wall_service import WallService
from client_api import wall_messages as wm
from ui.wall.change_words import cause_text, who_text
from widgets.record_table_model import Index, RecordTableModel


class WallHistoryModel(RecordTableModel):
    """A view of ``WallService.changes``: rows go in at the top as changes are recorded."""

    COLUMNS = ("at", "by", "cause", "summary")

    def __init__(self, wall: WallService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wall = wall
        self._changes: list[wm.WallChange] = list(wall.changes)
        wall.historyReset.connect(self.on_wall_historyReset)
        wall.changeRecorded.connect(self.on_wall_changeRecorded)

    def record_count(self) -> int:
        return len(self._changes)

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("By"), self.tr("Why"), self.tr("What changed")]

    def change_at(self, row: int) -> wm.WallChange:
        return self._changes[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        change = self._changes[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "at":
            return dt.datetime.fromtimestamp(change.at).strftime("%H:%M:%S")
        if column == "by":
            return who_text(change.by)
        if column == "cause":
            return cause_text(change.cause)
        return change.summary

    def on_wall_historyReset(self) -> None:
        self.beginResetModel()
        self._changes = list(self._wall.changes)
        self.endResetModel()

    def on_wall_changeRecorded(self, change: wm.WallChange) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._changes.insert(0, change)
        self.endInsertRows()
        kept = len(self._wall.changes)
        if len(self._changes) > kept:  # the service keeps the newest only; so does the table
            self.beginRemoveRows(QModelIndex(), kept, len(self._changes) - 1)
            del self._changes[kept:]
            self.endRemoveRows()
