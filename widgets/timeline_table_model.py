"""A case's timeline (for the case detail pane): a QAbstractTableModel over its entries, oldest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from client_api.intake_messages import TimelineEntry
from widgets.case_table_model import status_label
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex

_ACTIONS = {
    # the lifecycle table (backend/lifecycle/rules.py)
    "register": QT_TRANSLATE_NOOP("TimelineAction", "Registered"),
    "dispatch": QT_TRANSLATE_NOOP("TimelineAction", "Dispatched"),
    "subdispatch": QT_TRANSLATE_NOOP("TimelineAction", "Dispatched on"),
    "accept": QT_TRANSLATE_NOOP("TimelineAction", "Accepted"),
    "return": QT_TRANSLATE_NOOP("TimelineAction", "Returned"),
    "complete": QT_TRANSLATE_NOOP("TimelineAction", "Completion reported"),
    "verify_pass": QT_TRANSLATE_NOOP("TimelineAction", "Verified"),
    "verify_fail": QT_TRANSLATE_NOOP("TimelineAction", "Verification failed"),
    "callback_done": QT_TRANSLATE_NOOP("TimelineAction", "Callback: satisfied"),
    "callback_unsatisfied": QT_TRANSLATE_NOOP("TimelineAction", "Callback: unsatisfied"),
    "suspend": QT_TRANSLATE_NOOP("TimelineAction", "Suspended"),
    "resume": QT_TRANSLATE_NOOP("TimelineAction", "Resumed"),
    "void": QT_TRANSLATE_NOOP("TimelineAction", "Voided"),
    "archive": QT_TRANSLATE_NOOP("TimelineAction", "Archived"),
    # what happens to a case beside its states
    "created": QT_TRANSLATE_NOOP("TimelineAction", "Created"),
    "closed": QT_TRANSLATE_NOOP("TimelineAction", "Closed at intake"),
    "merged": QT_TRANSLATE_NOOP("TimelineAction", "Report merged"),
    "unmerged": QT_TRANSLATE_NOOP("TimelineAction", "Merge undone"),
    "split": QT_TRANSLATE_NOOP("TimelineAction", "Split"),
    "progress": QT_TRANSLATE_NOOP("TimelineAction", "Progress reported"),
    "linked": QT_TRANSLATE_NOOP("TimelineAction", "Case linked"),
    "unlinked": QT_TRANSLATE_NOOP("TimelineAction", "Link removed"),
    "consultation_opened": QT_TRANSLATE_NOOP("TimelineAction", "Consultation opened"),
    "consultation_concluded": QT_TRANSLATE_NOOP("TimelineAction", "Consultation concluded"),
    "extension_requested": QT_TRANSLATE_NOOP("TimelineAction", "Extension requested"),
    "extension_approved": QT_TRANSLATE_NOOP("TimelineAction", "Extension approved"),
    "extension_refused": QT_TRANSLATE_NOOP("TimelineAction", "Extension refused"),
    "supervised": QT_TRANSLATE_NOOP("TimelineAction", "Put under supervision"),
    "urged": QT_TRANSLATE_NOOP("TimelineAction", "Urged"),
    "overdue": QT_TRANSLATE_NOOP("TimelineAction", "Overdue"),
    "escalated": QT_TRANSLATE_NOOP("TimelineAction", "Escalated"),
    # comms traffic tied to the case (backend/comms/case_record.py)
    "comms_call": QT_TRANSLATE_NOOP("TimelineAction", "Call"),
    "comms_message": QT_TRANSLATE_NOOP("TimelineAction", "Message"),
    "radio": QT_TRANSLATE_NOOP("TimelineAction", "Radio"),
    "video": QT_TRANSLATE_NOOP("TimelineAction", "Video session"),
}


_ROLES = {
    "operator": QT_TRANSLATE_NOOP("Role", "Operator"),
    "supervisor": QT_TRANSLATE_NOOP("Role", "Supervisor"),
    "handler": QT_TRANSLATE_NOOP("Role", "Handler"),
    "trainer": QT_TRANSLATE_NOOP("Role", "Trainer"),
    "admin": QT_TRANSLATE_NOOP("Role", "Administrator"),
    "installer": QT_TRANSLATE_NOOP("Role", "Installer"),
}


def role_label(role: str) -> str:
    source = _ROLES.get(role)
    return role if source is None else QCoreApplication.translate("Role", str(source))


def action_label(action: str) -> str:
    """The timeline's words for an action; an action this seat does not know shows as sent."""
    source = _ACTIONS.get(action)
    return action if source is None else QCoreApplication.translate("TimelineAction", str(source))


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
            return role_label(entry.role)
        if column == "unit":
            return self._unit_name(entry.department_code) if entry.department_code else ""
        if column == "change":
            if not (entry.from_status or entry.to_status) or entry.from_status == entry.to_status:
                return ""
            return " → ".join(self._status_name(s) for s in (entry.from_status, entry.to_status) if s)
        return (entry.note or "").replace("\n", " ")
