"""The trainer's live view of a drill: a QAbstractTableModel with one row per assigned seat (seat, trainee,
calls answered, cases, dispatched, alerts acknowledged, last action, live score), updated row by row
from the drill.progress events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from client_api.drill_messages import Assignment, TraineeProgress
from widgets.drill_labels import points
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex
_COUNTS = {
    "calls": "calls_answered",
    "cases": "cases_created",
    "dispatched": "cases_dispatched",
    "alerts": "alerts_acked",
}


class DrillProgressModel(RecordTableModel):
    """Rows follow the drill's assignments; a progress for a trainee not assigned (a late assignment)
    gets a row of its own. ``person`` names a username (display name) for the trainee column."""

    COLUMNS = ("seat", "trainee", "calls", "cases", "dispatched", "alerts", "last_action", "score")

    def __init__(self, person: Callable[[str], str] = str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._person = person
        self._rows: list[Assignment] = []
        self._progress: dict[str, TraineeProgress] = {}

    def set_drill(self, assignments: tuple[Assignment, ...], progress: dict[str, TraineeProgress]) -> None:
        """Show another drill (or the same one loaded again): its seats and what is known of them."""
        self.beginResetModel()
        self._rows = list(assignments)
        self._progress = dict(progress)
        for username in progress:
            if all(a.username != username for a in self._rows):
                self._rows.append(Assignment(slot_id=progress[username].slot_id, username=username))
        self.endResetModel()

    def update(self, progress: TraineeProgress) -> None:
        """One trainee's progress changed: only its row is redrawn."""
        self._progress[progress.username] = progress
        row = self.row_of(progress.username)
        if row is None:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(Assignment(slot_id=progress.slot_id, username=progress.username))
            self.endInsertRows()
            return
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def refresh_names(self) -> None:
        """The names of the trainees are known now (or changed)."""
        if self._rows:
            column = self.COLUMNS.index("trainee")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def row_of(self, username: str) -> int | None:
        return next((row for row, a in enumerate(self._rows) if a.username == username), None)

    def progress_of(self, username: str) -> TraineeProgress | None:
        return self._progress.get(username)

    def record_count(self) -> int:
        return len(self._rows)

    def headers(self) -> list[str]:
        return [
            self.tr("Seat"),
            self.tr("Trainee"),
            self.tr("Calls answered"),
            self.tr("Cases"),
            self.tr("Dispatched"),
            self.tr("Alerts acknowledged"),
            self.tr("Last action"),
            self.tr("Live score"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        assignment = self._rows[index.row()]
        progress = self._progress.get(assignment.username)
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, assignment, progress)
        if role == Qt.ItemDataRole.TextAlignmentRole and (column in _COUNTS or column == "score"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return assignment.username
        return None

    def _display(self, column: str, assignment: Assignment, progress: TraineeProgress | None) -> str:
        if column == "seat":
            return assignment.slot_id
        if column == "trainee":
            return self._person(assignment.username)
        if progress is None:
            return "0" if column in _COUNTS else ""
        if column in _COUNTS:
            return str(getattr(progress, _COUNTS[column]))
        if column == "last_action":
            if not progress.last_action:
                return ""
            if progress.last_at is None:
                return progress.last_action
            at = dt.datetime.fromtimestamp(progress.last_at).strftime("%H:%M:%S")
            return f"{at} {progress.last_action}"
        if progress.max <= 0:
            return points(progress.score)
        return f"{points(progress.score)} / {points(progress.max)}"
