"""The comms directory: a search field (names, pinyin initials, phone, org, role, radio id), filters
by kind, town and grid, and the table with live presence. Enter or a double click dials the row;
rows drag onto a call card (transfer there, or add to the conference). Enter in the search field (or
Down) goes to the results."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app.comms_directory import DirectorySearch
from client_api import comms_messages as cm
from client_api import messages as m
from widgets.comms_labels import kind_label
from widgets.directory_table_model import DirectoryTableModel

COLUMN_WIDTHS = (96, 120, 170, 110, 60)


class DirectoryPane(QWidget):
    """Signals:
    dialRequested(object): Enter or a double click on a DirectoryEntry.

    Attributes: search (the field, objectName directorySearch), kind, town, grid (filter combos),
    model (DirectoryTableModel), table (directoryTable), count (the line under the table).
    """

    dialRequested = Signal(object)

    def __init__(self, directory: DirectorySearch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self.search = QLineEdit(self)
        self.search.setObjectName("directorySearch")
        self.search.setPlaceholderText(self.tr("Name, initials (zw), phone, org, role or radio id"))
        self.search.setClearButtonEnabled(True)
        self.kind = self._combo("directoryKind", self.tr("All kinds"))
        for kind in cm.ENTRY_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.town = self._combo("directoryTown", self.tr("All towns"))
        self.grid = self._combo("directoryGrid", self.tr("All grids"))
        self.model = DirectoryTableModel(self)
        self.table = self._table()
        self.count = QLabel(self)
        self.count.setStyleSheet("color:#667085;")
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for combo in (self.kind, self.town, self.grid):
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.search.textChanged.connect(lambda _text: self._ask())
        self.search.returnPressed.connect(self.on_search_returnPressed)
        self.search.installEventFilter(self)
        for combo in (self.kind, self.town, self.grid):
            combo.currentIndexChanged.connect(lambda _index: self._ask())
        self.table.activated.connect(self.on_table_activated)
        directory.resultsChanged.connect(self.on_directory_resultsChanged)
        directory.presenceChanged.connect(
            lambda change: self.model.set_presence(change.entry_id, change.presence, change.since)
        )
        self.on_directory_resultsChanged(directory.entries)

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, "")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        return combo

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("directoryTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(22)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(column, width)
        return table

    def set_reference(self, reference: m.Reference | None) -> None:
        """Offer the district's towns and grids as filters."""
        if reference is None:
            return
        for combo, level in ((self.town, "town"), (self.grid, "grid")):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for area in sorted((a for a in reference.areas if a.level == level), key=lambda a: a.code):
                combo.addItem(area.name, area.code)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def _ask(self) -> None:
        self._directory.set_query(
            text=self.search.text(),
            kind=self.kind.currentData() or "",
            town=self.town.currentData() or "",
            grid_code=self.grid.currentData() or "",
        )

    def on_directory_resultsChanged(self, entries: list[cm.DirectoryEntry]) -> None:
        self.model.set_entries(entries)
        self.count.setText(self.tr("%n entries", "", len(entries)))
        if entries and self.search.hasFocus():
            self.table.selectRow(0)

    def selected_entries(self) -> list[cm.DirectoryEntry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.entry_at(row) for row in rows]

    def current_entry(self) -> cm.DirectoryEntry | None:
        index = self.table.currentIndex()
        return self.model.entry_at(index.row()) if index.isValid() else None

    def on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.dialRequested.emit(self.model.entry_at(index.row()))

    @asyncSlot()
    async def on_search_returnPressed(self) -> None:
        """Enter in the search goes to the first match (a second Enter dials it, never by accident)."""
        if self._directory.pending:
            await self._directory.settle()
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search field goes to the results, as in a launcher.
        down = (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        )
        if watched is self.search and down and self.model.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)
