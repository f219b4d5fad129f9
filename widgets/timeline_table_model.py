"""A case's timeline (for the case detail pane): a QAbstractTableModel over its entries, oldest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from client_api.intake_messages import TimelineEntry
from widgets.case_table_model import status_label
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex

_ACTIONS = {
    # the lifecycle table (backend/lifecycle/rules.py)
    "register": "Registered",
    "dispatch": "Dispatched",
    "subdispatch": "Dispatched on",
    "accept": "Accepted",
    "return": "Returned",
    "complete": "Completion reported",
    "verify_pass": "Verified",
    "verify_fail": "Verification failed",
    "callback_done": "Callback: satisfied",
    "callback_unsatisfied": "Callback: unsatisfied",
    "suspend": "Suspended",
    "resume": "Resumed",
    "void": "Voided",
    "archive": "Archived",
    # what happens to a case beside its states
    "created": "Created",
    "closed": "Closed at intake",
    "merged": "Report merged",
    "unmerged": "Merge undone",
    "split": "Split",
    "progress": "Progress reported",
    "linked": "Case linked",
    "unlinked": "Link removed",
    "consultation_opened": "Consultation opened",
    "consultation_concluded": "Consultation concluded",
    "extension_requested": "Extension requested",
    "extension_approved": "Extension approved",
    "extension_refused": "Extension refused",
    "supervised": "Put under supervision",
    "urged": "Urged",
    "overdue": "Overdue",
    "escalated": "Escalated",
}


def action_label(action: str) -> str:
    """The timeline's words for an action; an action this seat does not know shows as sent."""
    source = _ACTIONS.get(action)
    return action if source is None else QCoreApplication.translate("TimelineAction", source)


def _time(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S")


class TimelineTableModel(RecordTableModel):
    """Columns: time, action, by, role, unit, status change, note. Units and statuses are named by the
    functions given (the seat's reference data knows the units)."""

    COLUMNS = ("ts", "action", "actor", "role", "unit", "change", "note")

    def __init__(
        self,
        unit_name: Callable[[str], str],
        status_name: Callable[[str], str] = status_label,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._unit_name = unit_name
        self._status_name = status_name
        self._entries: list[TimelineEntry] = []

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        """Show ``entries``; a timeline only grows, so a longer one with the same start is appended."""
        old = self._entries
        if len(entries) > len(old) and entries[: len(old)] == old:
            self.beginInsertRows(QModelIndex(), len(old), len(entries) - 1)
            self._entries = list(entries)
            self.endInsertRows()
        elif entries != old:
            self.beginResetModel()
            self._entries = list(entries)
            self.endResetModel()

    def entry_at(self, row: int) -> TimelineEntry:
        return self._entries[row]

    def record_count(self) -> int:
        return len(self._entries)

    def headers(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("Action"),
            self.tr("By"),
            self.tr("Role"),
            self.tr("Unit"),
            self.tr("Status"),
            self.tr("Note"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._entries)):
            return None
        entry = self._entries[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "note":
                return entry.note
            if column == "actor" and entry.seat_id:
                return self.tr("Seat {seat}").format(seat=entry.seat_id)
        if role == Qt.ItemDataRole.UserRole:
            return entry.action
        return None

    def _display(self, entry: TimelineEntry, column: str) -> str:
        if column == "ts":
            return _time(entry.ts)
        if column == "action":
            return action_label(entry.action)
        if column == "actor":
            return entry.actor
        if column == "role":
            return entry.role
        if column == "unit":
            return self._unit_name(entry.department_code) if entry.department_code else ""
        if column == "change":
            if not (entry.from_status or entry.to_status) or entry.from_status == entry.to_status:
                return ""
            return " → ".join(self._status_name(s) for s in (entry.from_status, entry.to_status) if s)
        return (entry.note or "").replace("\n", " ")
