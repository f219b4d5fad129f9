"""Messages sent from the seats, newest first: when, medium, to whom, text, receipts, case."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush, QColor

from client_api import comms_messages as cm
from widgets.alert_labels import clock
from widgets.comms_keyed_model import KeyedTableModel
from widgets.comms_labels import medium_label, receipt_counts, receipt_summary

_RED = QBrush(QColor("#b42318"))
_GREEN = QBrush(QColor("#027a48"))


class MessageTableModel(KeyedTableModel[cm.Message]):
    """Columns: sent, medium, audience, body, receipts, case. ``case_text`` names a case id."""

    COLUMNS = ("sent_at", "medium", "audience", "body", "receipts", "case")

    def headers(self) -> list[str]:
        return [
            self.tr("Sent"),
            self.tr("Medium"),
            self.tr("To"),
            self.tr("Text"),
            self.tr("Receipts"),
            self.tr("Case"),
        ]

    def display(self, record: cm.Message, column: str) -> str:
        if column == "sent_at":
            return clock(record.sent_at)
        if column == "medium":
            return medium_label(record.medium)
        if column == "receipts":
            return receipt_summary(record)
        if column == "case":
            return self._case_text(record.case_id)
        if column == "body":
            return record.body.replace("\n", " ")
        return str(getattr(record, column))

    def foreground(self, record: cm.Message, column: str) -> Any:
        if column != "receipts":
            return None
        counts = receipt_counts(record)
        if counts["failed"]:
            return _RED
        return _GREEN if record.receipts and counts["delivered"] == len(record.receipts) else None

    def tooltip(self, record: cm.Message, column: str) -> str | None:
        return record.body if column == "body" else None
