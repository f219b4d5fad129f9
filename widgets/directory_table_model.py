"""The comms directory as a table: presence, name, organisation and role, phone, radio id.

A search replaces the rows (a new result is a new list); presence changes repaint one row. Rows drag
as ``DIRECTORY_MIME`` (the entry's id) so that a call card can take them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec
from PySide6.QtCore import QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from client_api import comms_messages as cm
from widgets.comms_labels import kind_label, presence_dot, presence_label
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex

DIRECTORY_MIME = "application/x-command-seat-directory-entry"
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
_GREY = QBrush(QColor("#98a2b3"))


def entry_to_mime(entry: cm.DirectoryEntry) -> QMimeData:
    data = QMimeData()
    data.setData(DIRECTORY_MIME, msgspec.json.encode(entry))
    data.setText(f"{entry.name} {entry.phone}".strip())
    return data


def entry_from_mime(data: QMimeData) -> cm.DirectoryEntry | None:
    """The directory entry a drag carries (None: not ours, or malformed)."""
    if not data.hasFormat(DIRECTORY_MIME):
        return None
    try:
        return msgspec.json.decode(bytes(data.data(DIRECTORY_MIME).data()), type=cm.DirectoryEntry)
    except msgspec.DecodeError:
        return None


def org_role(entry: cm.DirectoryEntry) -> str:
    """ "org · role", or the kind when the entry names neither."""
    parts = [p for p in (entry.org, entry.role) if p]
    return " · ".join(parts) if parts else kind_label(entry.kind)


class DirectoryTableModel(RecordTableModel):
    """Columns: presence, name, org/role, phone, radio id. ``Qt.UserRole`` is the entry's id and
    ``ENTRY_ROLE`` the DirectoryEntry itself."""

    COLUMNS = ("presence", "name", "org", "phone", "radio_id")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[cm.DirectoryEntry] = []
        self._rows: dict[str, int] = {}

    def record_count(self) -> int:
        return len(self._entries)

    def headers(self) -> list[str]:
        return [
            self.tr("Presence"),
            self.tr("Name"),
            self.tr("Org / role"),
            self.tr("Phone"),
            self.tr("Radio"),
        ]

    @property
    def entries(self) -> list[cm.DirectoryEntry]:
        return list(self._entries)

    def set_entries(self, entries: Sequence[cm.DirectoryEntry]) -> None:
        """Show a new search result."""
        self.beginResetModel()
        self._entries = list(entries)
        self._rows = {e.id: row for row, e in enumerate(self._entries)}
        self.endResetModel()

    def set_presence(self, entry_id: str, presence: str, since: float) -> None:
        row = self._rows.get(entry_id)
        if row is None or self._entries[row].presence == presence:
            return
        self._entries[row] = msgspec.structs.replace(
            self._entries[row], presence=presence, presence_since=since
        )
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def entry_at(self, row: int) -> cm.DirectoryEntry:
        return self._entries[row]

    def row_of(self, entry_id: str) -> int | None:
        return self._rows.get(entry_id)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "presence":
            return presence_dot(entry.presence)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry)
        if role == Qt.ItemDataRole.ForegroundRole and entry.presence in ("off_duty", "offline"):
            return _GREY
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        if role == ENTRY_ROLE:
            return entry
        return None

    def _display(self, entry: cm.DirectoryEntry, column: str) -> str:
        if column == "presence":
            return presence_label(entry.presence)
        if column == "org":
            return org_role(entry)
        if column == "phone":
            return entry.phone or entry.sip
        value = getattr(entry, column)
        return "" if value is None else str(value)

    def _tooltip(self, entry: cm.DirectoryEntry) -> str:
        lines = [f"{entry.name} ({kind_label(entry.kind)})", org_role(entry)]
        if entry.sip:
            lines.append(entry.sip)
        if entry.talk_groups:
            lines.append(self.tr("Talk groups: {groups}").format(groups=", ".join(entry.talk_groups)))
        if entry.device:
            lines.append(self.tr("Device: {device}").format(device=entry.device))
        return "\n".join(lines)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [DIRECTORY_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid() and 0 <= i.row() < len(self._entries)})
        if not rows:
            return QMimeData()
        return entry_to_mime(self._entries[rows[0]])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
