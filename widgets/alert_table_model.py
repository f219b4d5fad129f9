"""The alert table: a thin QAbstractTableModel over the seat's AlertBook, updated row by row.

Besides the display it offers a sort key per cell (``SORT_KEY_ROLE``: numbers and codes, never display
strings) and the record itself (``ALERT_ROLE``) for the filter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from client_api.alert_book import AlertBook
from client_api.alert_messages import AlertRecord
from client_api.alert_priority import severity_rank
from widgets.alert_labels import (
    SEVERITY_COLOURS,
    area_text,
    clock,
    drill_prefix,
    escalated_label,
    severity_label,
    source_label,
    state_label,
)
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex

SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ALERT_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ORDER = {"active": 0, "acknowledged": 1, "cancelled": 2, "expired": 3}
_GREY = QBrush(QColor("#667085"))
_SEVERITY_BRUSH = {s: QBrush(QColor(c)) for s, c in SEVERITY_COLOURS.items()}
_BOLD = QFont()
_BOLD.setBold(True)


def sort_key(alert: AlertRecord, column: str) -> Any:
    if column == "severity":
        return (severity_rank(alert.severity), alert.priority)
    if column == "state":
        return STATE_ORDER.get(alert.state, 9)
    if column == "received_at":
        return alert.received_at
    if column == "escalation":
        return alert.escalation_level
    if column == "acked_by":
        return alert.acked_by_name or alert.acked_by or ""
    if column == "area":
        return area_text(alert)
    if column == "source":
        return (alert.source, alert.rule or "")
    value = getattr(alert, column)
    return "" if value is None else value


class AlertTableModel(RecordTableModel):
    """Columns: received, severity, state, event, headline, area, source, acknowledged by, case, escalation.

    ``exercise()`` says whether the seat is on an exercise server (every headline gets the drill
    prefix then)."""

    COLUMNS = (
        "received_at",
        "severity",
        "state",
        "event",
        "headline",
        "area",
        "source",
        "acked_by",
        "case_no",
        "escalation",
    )

    def __init__(
        self, book: AlertBook, exercise: Callable[[], bool] = lambda: False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._exercise = exercise
        book.on_reset.append(self._on_reset)
        book.on_about_to_insert.append(lambda row: self.beginInsertRows(QModelIndex(), row, row))
        book.on_inserted.append(lambda _row: self.endInsertRows())
        book.on_changed.append(self._on_changed)

    def record_count(self) -> int:
        return len(self._book)

    def headers(self) -> list[str]:
        return [
            self.tr("Received"),
            self.tr("Severity"),
            self.tr("State"),
            self.tr("Event"),
            self.tr("Headline"),
            self.tr("Area"),
            self.tr("Source"),
            self.tr("Acknowledged by"),
            self.tr("Case"),
            self.tr("Escalation"),
        ]

    def alert_at(self, row: int) -> AlertRecord:
        return self._book[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._book):
            return None
        alert = self._book[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(alert, column)
        if role == SORT_KEY_ROLE:
            return sort_key(alert, column)
        if role in (ALERT_ROLE, Qt.ItemDataRole.UserRole):
            return alert if role == ALERT_ROLE else alert.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "severity":
                return _SEVERITY_BRUSH.get(alert.severity)
            return _GREY if alert.state != "active" else None
        if (
            role == Qt.ItemDataRole.FontRole
            and alert.state == "active"
            and column in ("severity", "headline")
        ):
            return _BOLD
        if role == Qt.ItemDataRole.ToolTipRole and column == "headline":
            return alert.description or None
        return None

    def _display(self, alert: AlertRecord, column: str) -> str:
        if column == "received_at":
            return clock(alert.received_at)
        if column == "severity":
            return severity_label(alert.severity)
        if column == "state":
            return state_label(alert.state)
        if column == "headline":
            return drill_prefix(alert, self._exercise()) + (alert.headline or alert.event)
        if column == "area":
            return area_text(alert)
        if column == "source":
            return source_label(alert.source, alert.rule)
        if column == "acked_by":
            if alert.acked_at is None:
                return ""
            who = alert.acked_by_name or alert.acked_by or ""
            return f"{who} ({alert.acked_seat})" if alert.acked_seat else who
        if column == "case_no":
            return alert.case_no or ""
        if column == "escalation":
            return escalated_label() if alert.escalation_level > 0 else ""
        value = getattr(alert, column)
        return "" if value is None else str(value)

    def _on_reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _on_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def refresh(self) -> None:
        """Repaint every row (the exercise flag or the language changed)."""
        if len(self._book):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._book) - 1, len(self.COLUMNS) - 1))
