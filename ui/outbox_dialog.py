"""The outbox dialog: the seat's recent commands, what waits to be sent, and conflicts to dismiss."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot
from shiboken6 import isValid

from app.outbox_service import OutboxWatch
from client_api.outbox import OutboxEntry
from widgets.record_table_model import Index, RecordTableModel


class OutboxModel(RecordTableModel):
    """The outbox entries, newest first (a couple of hundred at most, so a reload resets it)."""

    COLUMNS = ("summary", "state", "time", "error")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[OutboxEntry] = []

    def record_count(self) -> int:
        return len(self.entries)

    def headers(self) -> list[str]:
        return [self.tr("Command"), self.tr("State"), self.tr("Time"), self.tr("Error")]

    def state_text(self, state: str) -> str:
        return {
            "waiting": self.tr("waiting to send"),
            "sent": self.tr("sent"),
            "conflict": self.tr("conflict"),
            "dismissed": self.tr("dismissed"),
        }.get(state, state)

    def set_entries(self, entries: list[OutboxEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        entry = self.entries[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "summary":
            return entry.summary
        if column == "state":
            return self.state_text(entry.state)
        if column == "time":
            return dt.datetime.fromtimestamp(entry.created_at).strftime("%m-%d %H:%M:%S")
        return entry.error or ""


class OutboxDialog(QDialog):
    """Attributes: model, table, dismiss_button."""

    def __init__(self, watch: OutboxWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._watch = watch
        self.setObjectName("outboxDialog")
        self.setWindowTitle(self.tr("Outbox"))
        self.model = OutboxModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.dismiss_button = QPushButton(self.tr("&Dismiss conflict"), self)
        self.dismiss_button.setObjectName("dismissConflict")
        self.dismiss_button.setEnabled(False)
        buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.dismiss_button.clicked.connect(self.on_dismiss_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._update_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 360)
        watch.countsChanged.connect(self.on_watch_countsChanged)

    def selected(self) -> OutboxEntry | None:
        row = self.table.currentIndex().row()
        return self.model.entries[row] if 0 <= row < len(self.model.entries) else None

    def _update_button(self, *_args: object) -> None:
        entry = self.selected()
        self.dismiss_button.setEnabled(entry is not None and entry.state == "conflict")

    @asyncSlot()
    async def reload(self) -> None:
        entries = await self._watch.entries()
        if isValid(self):
            key = entry.key if (entry := self.selected()) else None
            self.model.set_entries(entries)
            row = next((i for i, e in enumerate(entries) if e.key == key), -1)
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, 0, QModelIndex()))
            self._update_button()

    def on_watch_countsChanged(self, _waiting: int, _conflicts: int) -> None:
        self.reload()

    @asyncSlot()
    async def on_dismiss_clicked(self) -> None:
        entry = self.selected()
        if entry is not None and entry.state == "conflict":
            await self._watch.dismiss(entry.key)
