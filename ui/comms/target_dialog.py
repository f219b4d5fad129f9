"""Whom to transfer a call to, or add to a conference: a directory search (initials work) or a number,
and for a transfer whether it is blind or attended (talk to them first)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.comms_directory import DEBOUNCE_MS, DirectorySearch
from client_api import comms_messages as cm
from widgets.directory_table_model import DirectoryTableModel


class TargetDialog(QDialog):
    """Attributes: search (targetSearch), model, table (targetTable), number (targetNumber), blind and
    attended (radio buttons, a transfer only), buttons."""

    def __init__(
        self, directory: DirectorySearch, transfer: bool, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("targetDialog")
        self.setWindowTitle(title)
        self._directory = directory
        self._asked = 0
        self._lookup: asyncio.Task[None] | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("targetSearch")
        self.search.setPlaceholderText(self.tr("Search the directory: name, initials, phone, org"))
        self.model = DirectoryTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("targetTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.number = QLineEdit(self)
        self.number.setObjectName("targetNumber")
        self.number.setPlaceholderText(self.tr("…or a number, SIP address or extension"))
        self.blind = QRadioButton(self.tr("Blind: hand the call over and leave"), self)
        self.blind.setObjectName("blindTransfer")
        self.attended = QRadioButton(self.tr("Attended: talk to them first, then complete"), self)
        self.attended.setObjectName("attendedTransfer")
        self.blind.setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Number"), self.number)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        if transfer:
            modes = QHBoxLayout()
            modes.addWidget(self.blind)
            modes.addWidget(self.attended)
            layout.addLayout(modes)
        else:
            self.blind.hide()
            self.attended.hide()
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._look_up)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.table.activated.connect(lambda _index: self.accept())
        self.model.set_entries(directory.entries)

    def choose(self, entry: cm.DirectoryEntry) -> None:
        """Offer ``entry`` selected (a row dragged onto a card)."""
        self.model.set_entries([entry])
        self.table.selectRow(0)

    def _look_up(self) -> None:
        self._asked += 1
        self._lookup = asyncio.ensure_future(self._show(self._asked, self.search.text()))

    async def _show(self, asked: int, text: str) -> None:
        entries = await self._directory.lookup(text)
        if entries is None or asked != self._asked:
            return
        self.model.set_entries(entries)
        if entries:
            self.table.selectRow(0)

    def target(self) -> cm.Target | None:
        """The number typed, else the directory row selected; None when neither."""
        number = self.number.text().strip()
        if number:
            return cm.Target(number=number)
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return cm.Target(entry_id=self.model.entry_at(index.row()).id)

    def done(self, result: int) -> None:
        self._debounce.stop()
        if self._lookup is not None and not self._lookup.done():
            self._lookup.cancel()
        super().done(result)
