"""The inbox table: a thin model over InboxService.items (priority, channel, age, reporter, content)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.inbox_service import InboxService
from client_api.inbox_messages import IntakeItem
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex


def channel_label(channel: str) -> str:
    """A report channel in the operator's words (inbox, case detail)."""
    labels = {
        "hotline": QCoreApplication.translate("Channel", "Hotline"),
        "inspector": QCoreApplication.translate("Channel", "Inspector"),
        "grid": QCoreApplication.translate("Channel", "Grid member"),
        "app": QCoreApplication.translate("Channel", "App"),
        "web": QCoreApplication.translate("Channel", "Web"),
        "enterprise": QCoreApplication.translate("Channel", "Enterprise desk"),
        "iot": QCoreApplication.translate("Channel", "Sensor"),
    }
    return labels.get(channel, channel)


class InboxTableModel(RecordTableModel):
    COLUMNS = ("channel", "received_at", "reporter", "content", "address", "status")

    def __init__(self, inbox: InboxService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inbox = inbox
        inbox.itemsReset.connect(self._reset)
        inbox.itemChanged.connect(lambda _item: self._reset())

    def channel_label(self, channel: str) -> str:
        return channel_label(channel)

    def record_count(self) -> int:
        return len(self._inbox.items)

    def headers(self) -> list[str]:
        return [
            self.tr("Channel"),
            self.tr("Received"),
            self.tr("Reporter"),
            self.tr("Report"),
            self.tr("Address"),
            self.tr("Status"),
        ]

    def item_at(self, row: int) -> IntakeItem:
        return self._inbox.items[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._inbox.items):
            return None
        item = self._inbox.items[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and item.channel == "enterprise" and column == "channel":
            return QColor("#b54708")
        if role == Qt.ItemDataRole.ToolTipRole and column == "content":
            return item.content
        return None

    def _display(self, item: IntakeItem, column: str) -> str:
        if column == "channel":
            return self.channel_label(item.channel)
        if column == "received_at":
            return dt.datetime.fromtimestamp(item.received_at).strftime("%H:%M:%S")
        if column == "reporter":
            return " ".join(filter(None, (item.reporter_name, item.reporter_phone)))
        if column == "status":
            return (
                self.tr("taken by {who}").format(who=item.taken_by)
                if item.status == "taken"
                else self.tr("new")
            )
        value = getattr(item, column)
        return "" if value is None else str(value).replace("\n", " ")

    def _reset(self) -> None:
        # The inbox holds tens of items, not thousands: a reset keeps the order logic in one place.
        self.beginResetModel()
        self.endResetModel()
