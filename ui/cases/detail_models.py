"""The small tables of a case's detail (linked cases, attachments, consultations, extensions, callbacks):
one QAbstractTableModel over a list of records, each row rendered to text by a function."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from widgets.record_table_model import RecordTableModel

R = TypeVar("R")
_Index = QModelIndex | QPersistentModelIndex


def short_time(ts: float | None) -> str:
    return "" if ts is None else dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


class RecordListModel(RecordTableModel, Generic[R]):
    """Rows are ``records``; ``render(record)`` gives the texts of its cells, one per header."""

    def __init__(
        self, headers: Sequence[str], render: Callable[[R], Sequence[str]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.COLUMNS = tuple(headers)
        self._render = render
        self._records: list[R] = []

    def set_records(self, records: Sequence[R]) -> None:
        if list(records) == self._records:
            return
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record_at(self, row: int) -> R:
        return self._records[row]

    def record_count(self) -> int:
        return len(self._records)

    def headers(self) -> list[str]:
        return list(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._records)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            cells = self._render(self._records[index.row()])
            return cells[index.column()] if index.column() < len(cells) else None
        return None
