"""The view of the case workspace: repaints only what is visible, and a countdown that ticks there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QTableView, QWidget

from widgets.case_table_model import CaseTableModel

_Index = QModelIndex | QPersistentModelIndex
SMALL_RANGE = 8  # rows; Qt repaints a small range cell by cell already


class CaseTableView(QTableView):
    """A QTableView for 100k rows under live updates.

    A change of many rows (a case moving in the sorted order shifts all rows between its two places)
    makes QTableView repaint its whole viewport, about 30 ms at 1440×900, even when none of those rows
    is in sight; here such a range is first cut to the visible rows. ``setCurrentIndex`` also takes an
    index of the source model behind a proxy (callers that know only the CaseTableModel).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The first Python wrapper of the viewport sets up PySide's enum types lazily (about 30 ms):
        # here, not in the first live update that asks which rows are visible.
        self.viewport()

    def visible_rows(self) -> tuple[int, int] | None:
        top = self.rowAt(0)
        if top < 0:
            return None
        bottom = self.rowAt(self.viewport().height() - 1)
        model = self.model()
        return top, (model.rowCount() - 1 if bottom < 0 and model is not None else bottom)

    def dataChanged(self, top_left: _Index, bottom_right: _Index, roles: Sequence[int] = ()) -> None:
        first, last = top_left.row(), bottom_right.row()
        model = self.model()
        if last - first >= SMALL_RANGE and model is not None:
            visible = self.visible_rows()
            if visible is None:
                return
            first, last = max(first, visible[0]), min(last, visible[1])
            if first > last:
                return  # nothing of it in sight
            top_left = model.index(first, top_left.column())
            bottom_right = model.index(last, bottom_right.column())
        super().dataChanged(top_left, bottom_right, list(roles))

    def setCurrentIndex(self, index: _Index) -> None:
        model = self.model()
        if index.isValid() and isinstance(model, QAbstractProxyModel) and index.model() is not model:
            index = model.mapFromSource(index)
        super().setCurrentIndex(index)


class CountdownTicker(QObject):
    """Every second, tells ``view`` that its visible SLA cells changed (never the whole column)."""

    def __init__(self, view: CaseTableView, column: int = CaseTableModel.SLA_COLUMN) -> None:
        super().__init__(view)
        self._view = view
        self._column = column
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        view, model = self._view, self._view.model()
        visible = view.visible_rows()
        if model is None or visible is None or not view.isVisible() or view.isColumnHidden(self._column):
            return
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole]
        top, bottom = visible
        model.dataChanged.emit(model.index(top, self._column), model.index(bottom, self._column), roles)
