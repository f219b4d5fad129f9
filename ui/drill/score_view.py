"""A drill's scores: the trainees with their totals; for the one selected, the score per rubric area as bars
and every deduction with its reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client_api.drill_messages import TraineeScore
from widgets.drill_area_chart import DrillAreaChart
from widgets.drill_deduction_model import DeductionTableModel
from widgets.drill_labels import points
from widgets.drill_score_model import TraineeScoreModel


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class DrillScoreView(QWidget):
    """Attributes: trainees (TraineeScoreModel), trainee_table, areas (DrillAreaChart), deductions
    (DeductionTableModel), deduction_table, title (the selected trainee's heading)."""

    def __init__(self, person: Callable[[str], str] = str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._person = person
        self.trainees = TraineeScoreModel(person, self)
        self.trainee_table = _table(self, "drillTrainees")
        self.trainee_table.setModel(self.trainees)
        for column, width in enumerate((190, 70, 60, 60, 50)):
            self.trainee_table.setColumnWidth(column, width)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight:bold;")
        self.areas = DrillAreaChart(self)
        self.areas.setMinimumHeight(180)
        self.deductions = DeductionTableModel(self)
        self.deduction_table = _table(self, "drillDeductions")
        self.deduction_table.setModel(self.deductions)
        self.deduction_table.setWordWrap(True)
        self.deduction_table.setColumnWidth(0, 110)
        self.deduction_table.setColumnWidth(1, 80)
        detail = QWidget(self)
        stack = QVBoxLayout(detail)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.title)
        stack.addWidget(self.areas, 1)
        stack.addWidget(self.deduction_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.trainee_table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([440, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.trainee_table.selectionModel().currentRowChanged.connect(self.on_trainee_table_currentRowChanged)
        self.show_trainee(None)

    def set_scores(self, scores: list[TraineeScore]) -> None:
        self.trainees.set_scores(scores)
        if scores:
            self.trainee_table.selectRow(0)
        self.show_trainee(scores[0] if scores else None)

    def on_trainee_table_currentRowChanged(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_trainee(self.trainees.score_at(current.row()) if current.isValid() else None)

    def show_trainee(self, score: TraineeScore | None) -> None:
        if score is None:
            self.title.setText(self.tr("No scores yet."))
            self.areas.set_areas([])
            self.deductions.set_deductions([])
            return
        self.title.setText(
            self.tr("{name} at {seat}: {total} of {max} points, {n} deductions").format(
                name=self._person(score.username),
                seat=score.slot_id,
                total=points(score.total),
                max=points(score.max),
                n=len(score.deductions),
            )
        )
        self.areas.set_areas(score.areas)
        self.deductions.set_deductions(score.deductions)
        self.deduction_table.resizeRowsToContents()
