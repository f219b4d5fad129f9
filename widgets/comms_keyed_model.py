"""The shared part of the comms lists (messages, call log, video sessions): records with an ``id``,
newest first, updated row by row as events arrive."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


def case_number(case_id: int | None) -> str:
    """How a list names a case when it is given nothing better: its id."""
    return "" if case_id is None else str(case_id)


class _Keyed(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=_Keyed)


class KeyedTableModel(RecordTableModel, Generic[R]):
    """Subclasses set ``COLUMNS``, ``headers()`` and ``display(record, column)``; they may add
    ``foreground(record, column)`` and ``tooltip(record, column)``. ``Qt.UserRole`` is the record's
    id, ``RECORD_ROLE`` the record. ``case_text`` names a case id in the lists' Case column."""

    def __init__(
        self, case_text: Callable[[int | None], str] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._records: list[R] = []
        self._case_text = case_text or case_number

    def record_count(self) -> int:
        return len(self._records)

    def record_at(self, row: int) -> R:
        return self._records[row]

    def records(self) -> list[R]:
        return list(self._records)

    def row_of(self, record_id: int) -> int | None:
        return next((row for row, r in enumerate(self._records) if r.id == record_id), None)

    def set_records(self, records: Iterable[R]) -> None:
        """Everything again (a load): newest first."""
        self.beginResetModel()
        self._records = sorted(records, key=lambda r: r.id, reverse=True)
        self.endResetModel()

    def upsert(self, record: R) -> None:
        """A changed record repaints its row; a new one goes in where its id puts it."""
        row = self.row_of(record.id)
        if row is not None:
            self._records[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
            return
        row = next((i for i, r in enumerate(self._records) if r.id < record.id), len(self._records))
        self.beginInsertRows(QModelIndex(), row, row)
        self._records.insert(row, record)
        self.endInsertRows()

    def remove(self, record_id: int) -> None:
        row = self.row_of(record_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._records[row]
            self.endRemoveRows()

    def refresh(self) -> None:
        """Repaint every row (a clock column moves, names arrived)."""
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, len(self.COLUMNS) - 1))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, column)
        if role == Qt.ItemDataRole.UserRole:
            return record.id
        if role == RECORD_ROLE:
            return record
        return None

    def display(self, record: R, column: str) -> str:
        raise NotImplementedError

    def foreground(self, record: R, column: str) -> Any:
        return None

    def tooltip(self, record: R, column: str) -> str | None:
        return None
