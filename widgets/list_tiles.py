"""The shared part of the wall's list tiles (widgets.case_list_tile, widgets.alert_list_tile): a table in
large type kept live row by row (rows that stay keep their place; no model reset in steady state)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex
BACKGROUND, TEXT, HEADER = "#101820", "#e6edf3", "#1b2631"
MAX_ROWS = 50  # more than any tile shows
FONT_POINTS = 16


class Keyed(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=Keyed)


class LiveRowsModel(RecordTableModel, Generic[R]):
    """Rows of records with an ``id``, replaced by ``set_rows``: rows that left are removed, new ones
    inserted, changed ones repainted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[R] = []

    def record_count(self) -> int:
        return len(self.rows)

    def display(self, record: R, column: str) -> str:
        raise NotImplementedError

    def foreground(self, record: R, column: str) -> QBrush | None:
        return None

    def font(self, record: R, column: str) -> QFont | None:
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        record, column = self.rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(record, column)
        if role == Qt.ItemDataRole.FontRole:
            return self.font(record, column)
        if role == Qt.ItemDataRole.UserRole:
            return record.id
        return None

    def set_rows(self, records: Sequence[R]) -> None:
        wanted = {r.id for r in records}
        for row in range(len(self.rows) - 1, -1, -1):
            if self.rows[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
        kept = {r.id for r in self.rows}
        if [r.id for r in self.rows] != [r.id for r in records if r.id in kept]:
            self.beginResetModel()  # the order changed: not the usual newest-first feed
            self.rows = list(records)
            self.endResetModel()
            return
        for row, record in enumerate(records):
            if row < len(self.rows) and self.rows[row].id == record.id:
                if self.rows[row] is not record and self.rows[row] != record:
                    self.rows[row] = record
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                continue
            self.beginInsertRows(QModelIndex(), row, row)
            self.rows.insert(row, record)
            self.endInsertRows()

    def repaint_column(self, column: str) -> None:
        """Time passed: the column's texts (countdowns) change."""
        if self.rows:
            col = self.COLUMNS.index(column)
            self.dataChanged.emit(self.index(0, col), self.index(len(self.rows) - 1, col))


class ListTile(QTableView):
    """A read-only table in large type on the wall's dark background; a click says which record.

    Signals:
        recordClicked(int): the id of the clicked row's record.
    """

    recordClicked = Signal(int)

    def __init__(self, model: LiveRowsModel[Any], stretch: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        font = QFont(self.font())
        font.setPointSize(FONT_POINTS)
        self.setFont(font)
        self.setStyleSheet(
            f"QTableView {{ background: {BACKGROUND}; color: {TEXT}; gridline-color: {HEADER};"
            f" border: none; alternate-background-color: #16212b; }}"
            f" QHeaderView::section {{ background: {HEADER}; color: {TEXT}; border: none; padding: 4px; }}"
        )
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header_font = QFont(font)
        header_font.setPointSize(FONT_POINTS * 3 // 4)
        header_font.setBold(True)
        header.setFont(header_font)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(model.COLUMNS.index(stretch), QHeaderView.ResizeMode.Stretch)
        self.clicked.connect(self.on_self_clicked)

    def size_column(self, column: str, sample: str) -> None:
        """A fixed width that holds ``sample`` in the tile's type, and the column's title."""
        model = self.model()
        assert isinstance(model, LiveRowsModel)
        section = model.COLUMNS.index(column)
        header = self.horizontalHeader()
        title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        width = max(
            self.fontMetrics().horizontalAdvance(sample), header.fontMetrics().horizontalAdvance(title)
        )
        header.resizeSection(section, width + 24)

    def on_self_clicked(self, index: QModelIndex) -> None:
        ident = index.data(Qt.ItemDataRole.UserRole)
        if ident is not None:
            self.recordClicked.emit(int(ident))


def first_rows(records: Iterable[R], keep: Callable[[R], bool], limit: int = MAX_ROWS) -> list[R]:
    """The first ``limit`` records that ``keep`` accepts (the feeds give the newest first)."""
    found: list[R] = []
    for record in records:
        if keep(record):
            found.append(record)
            if len(found) >= limit:
                break
    return found


def repaint_every(view: ListTile, column: str, interval_ms: int) -> QTimer:
    """A timer that repaints a time-dependent column of the view's model."""
    timer = QTimer(view)
    timer.setInterval(interval_ms)
    model = view.model()
    assert isinstance(model, LiveRowsModel)
    timer.timeout.connect(lambda: model.repaint_column(column))
    timer.start()
    return timer


def name_of(names: Mapping[str, str], code: str | None) -> str:
    return "" if code is None else names.get(code, code)
