"""The inbox: every channel's reports in one list, badges per channel, Enter takes one into the form."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app import message
from app.inbox_service import CHANNELS, InboxService
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from widgets.inbox_table_model import InboxTableModel

WIDTHS = {"channel": 70, "received_at": 64, "reporter": 110, "content": 180}


class InboxView(QWidget):
    """Signals:
    itemTaken(object): this operator took an IntakeItem; the form should be filled from it.
    """

    itemTaken = Signal(object)

    def __init__(self, inbox: InboxService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inbox = inbox
        self.model = InboxTableModel(inbox, self)
        self.badges = QLabel(self)
        self.badges.setObjectName("inboxBadges")
        self.table = QTableView(self)
        self.table.setObjectName("inboxTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        for column, name in enumerate(InboxTableModel.COLUMNS):
            if name in WIDTHS:
                self.table.setColumnWidth(column, WIDTHS[name])
        self.table.horizontalHeader().setSectionResizeMode(
            InboxTableModel.COLUMNS.index("address"), QHeaderView.ResizeMode.Stretch
        )
        self.table.activated.connect(self.on_table_activated)
        self.take_button = QPushButton(self.tr("Take into form (Enter)"), self)
        self.take_button.clicked.connect(lambda: self.on_table_activated(self.table.currentIndex()))
        self.dismiss_button = QPushButton(self.tr("Dismiss…"), self)
        self.dismiss_button.clicked.connect(self.on_dismiss_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.badges, 1)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.take_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        inbox.countsChanged.connect(self._render_badges)
        self._render_badges()

    def _render_badges(self) -> None:
        parts = []
        for channel in CHANNELS:
            count = self._inbox.new_counts.get(channel, 0)
            if not count:
                continue
            style = "background:#b54708;color:white;" if channel == "enterprise" else "background:#e4e7ec;"
            label = self.model.channel_label(channel)
            parts.append(
                f"<span style='{style}padding:1px 6px;border-radius:8px;'>&nbsp;{label} {count}&nbsp;</span>"
            )
        self.badges.setText(" ".join(parts) if parts else self.tr("Nothing waiting"))

    @asyncSlot(QModelIndex)
    async def on_table_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        item = self.model.item_at(index.row())
        try:
            taken = await self._inbox.take(item.id)
        except ProtocolError as exc:
            message.warning(self.tr("This report cannot be taken: {message}").format(message=exc.message))
            return
        except (NotConnected, RequestTimeout):
            message.error(self.tr("Not connected to the backend; the report was not taken."))
            return
        self.itemTaken.emit(taken)

    @asyncSlot()
    async def on_dismiss_clicked(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        item = self.model.item_at(index.row())
        reason, ok = QInputDialog.getText(
            self, self.tr("Dismiss the report"), self.tr("Why is it dismissed?")
        )
        if not ok or not reason.strip():
            return
        try:
            await self._inbox.dismiss(item.id, reason.strip())
        except (ProtocolError, NotConnected, RequestTimeout) as exc:
            message.warning(self.tr("The report was not dismissed: {reason}").format(reason=exc))
