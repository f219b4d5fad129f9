"""The receipts of one message, a row per recipient: who, address, state, when, why it failed.

A new state of the same message repaints the rows that changed; another message replaces them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from client_api import comms_messages as cm
from widgets.alert_labels import clock
from widgets.comms_labels import receipt_label
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex
_STATE_BRUSH = {
    "failed": QBrush(QColor("#b42318")),
    "read": QBrush(QColor("#027a48")),
    "delivered": QBrush(QColor("#027a48")),
    "queued": QBrush(QColor("#667085")),
}


class ReceiptTableModel(RecordTableModel):
    """Columns: recipient, address, state, at, reason. Attributes: message (shown, or None)."""

    COLUMNS = ("name", "address", "state", "at", "reason")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.message: cm.Message | None = None
        self._receipts: list[cm.Receipt] = []

    def record_count(self) -> int:
        return len(self._receipts)

    def headers(self) -> list[str]:
        return [self.tr("Recipient"), self.tr("Address"), self.tr("State"), self.tr("At"), self.tr("Reason")]

    def receipt_at(self, row: int) -> cm.Receipt:
        return self._receipts[row]

    def set_message(self, message: cm.Message | None) -> None:
        receipts = list(message.receipts) if message is not None else []
        same = (
            self.message is not None
            and message is not None
            and message.id == self.message.id
            and [r.entry_id for r in receipts] == [r.entry_id for r in self._receipts]
        )
        self.message = message
        if not same:
            self.beginResetModel()
            self._receipts = receipts
            self.endResetModel()
            return
        for row, receipt in enumerate(receipts):
            if receipt != self._receipts[row]:
                self._receipts[row] = receipt
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._receipts):
            return None
        receipt = self._receipts[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "state":
                return receipt_label(receipt.state)
            if column == "at":
                return clock(receipt.at) if receipt.at else ""
            value = getattr(receipt, column)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and column == "state":
            return _STATE_BRUSH.get(receipt.state)
        if role == Qt.ItemDataRole.UserRole:
            return receipt.entry_id
        return None
