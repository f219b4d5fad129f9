"""A drill's log for the replay: a QAbstractTableModel over its LogEntries (scenario time, seat, who,
what, summary) that greys out what the replay has not reached yet and highlights the entry it passed last.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from client_api.drill_messages import LogEntry
from widgets.drill_labels import clock, kind_label
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex
CURRENT = QColor("#fff3c4")
AHEAD = QColor("#98a2b3")


def replay_order(entries: list[LogEntry]) -> list[LogEntry]:
    """Entries as the replay passes them: by scenario time, the log's order within the same second."""
    return sorted(entries, key=lambda e: (e.t, e.seq))


class DrillLogModel(RecordTableModel):
    """Attributes: reached (how many entries the replay has passed; all of them when not replaying).

    ``person`` names an actor (username → display name); the engine's entries say "Drill"."""

    COLUMNS = ("t", "seat", "actor", "kind", "summary")

    def __init__(self, person: Callable[[str], str] = str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._person = person
        self._entries: list[LogEntry] = []
        self.reached = 0
        self._bold = QFont()
        self._bold.setBold(True)

    def set_entries(self, entries: list[LogEntry]) -> None:
        """Show another log (in replay order), every entry reached."""
        self.beginResetModel()
        self._entries = replay_order(entries)
        self.reached = len(self._entries)
        self.endResetModel()

    def entries(self) -> list[LogEntry]:
        return list(self._entries)

    def entry_at(self, row: int) -> LogEntry:
        return self._entries[row]

    def set_reached(self, reached: int) -> None:
        """The replay has passed the first ``reached`` entries: only rows whose look changes are redrawn
        (those between the old and the new mark, and the two last-passed ones)."""
        reached = max(0, min(reached, len(self._entries)))
        if reached == self.reached:
            return
        low, high = sorted((self.reached, reached))
        self.reached = reached
        first, last = max(0, low - 1), min(len(self._entries) - 1, high)
        if first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    def record_count(self) -> int:
        return len(self._entries)

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Seat"), self.tr("Who"), self.tr("What"), self.tr("Details")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._entries)):
            return None
        row = index.row()
        entry = self._entries[row]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, entry)
        if role == Qt.ItemDataRole.ToolTipRole and column == "summary":
            return entry.summary or None
        if role == Qt.ItemDataRole.BackgroundRole and row == self.reached - 1:
            return QBrush(CURRENT)
        if role == Qt.ItemDataRole.ForegroundRole and row >= self.reached:
            return QBrush(AHEAD)
        if role == Qt.ItemDataRole.FontRole and row == self.reached - 1:
            return self._bold
        if role == Qt.ItemDataRole.UserRole:
            return entry.seq
        return None

    def _display(self, column: str, entry: LogEntry) -> str:
        if column == "t":
            return clock(entry.t)
        if column == "seat":
            return entry.slot_id or ""
        if column == "actor":
            return self.tr("Drill") if entry.actor == "engine" else self._person(entry.actor)
        if column == "kind":
            return kind_label(entry.kind)
        return entry.summary
