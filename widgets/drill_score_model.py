"""A drill's scores: a QAbstractTableModel with one row per trainee (trainee, seat, score, out of, %)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from client_api.drill_messages import TraineeScore
from widgets.drill_labels import points
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex


def percent(score: float, out_of: float) -> float:
    return 0.0 if out_of <= 0 else 100.0 * score / out_of


class TraineeScoreModel(RecordTableModel):
    """``person`` names a username (display name)."""

    COLUMNS = ("trainee", "seat", "total", "max", "percent")

    def __init__(self, person: Callable[[str], str] = str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._person = person
        self._scores: list[TraineeScore] = []

    def set_scores(self, scores: list[TraineeScore]) -> None:
        self.beginResetModel()
        self._scores = list(scores)
        self.endResetModel()

    def score_at(self, row: int) -> TraineeScore:
        return self._scores[row]

    def record_count(self) -> int:
        return len(self._scores)

    def headers(self) -> list[str]:
        return [self.tr("Trainee"), self.tr("Seat"), self.tr("Score"), self.tr("Out of"), self.tr("%")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._scores)):
            return None
        score = self._scores[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "trainee": self._person(score.username),
                "seat": score.slot_id,
                "total": points(score.total),
                "max": points(score.max),
                "percent": f"{percent(score.total, score.max):.0f}",
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("total", "max", "percent"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return score.username
        return None
