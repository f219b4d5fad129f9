"""The parties of one comms call (a conference has several): who, number, state, muted, time on.

A call's new state changes rows in place and appends parties that joined; parties that left stay,
greyed, with their result.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from client_api import comms_messages as cm
from widgets.comms_labels import duration_text, party_state_label, result_label
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex
_GREY = QBrush(QColor("#98a2b3"))
_STATE_BRUSH = {
    "connected": QBrush(QColor("#027a48")),
    "ringing": QBrush(QColor("#b54708")),
    "held": QBrush(QColor("#475467")),
    "failed": QBrush(QColor("#b42318")),
}


class PartyTableModel(RecordTableModel):
    """Columns: name, number, state, muted, time. ``Qt.UserRole`` is the party's id."""

    COLUMNS = ("name", "number", "state", "muted", "time")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parties: list[cm.CallParty] = []

    def record_count(self) -> int:
        return len(self._parties)

    def headers(self) -> list[str]:
        return [self.tr("Party"), self.tr("Number"), self.tr("State"), self.tr("Muted"), self.tr("Time")]

    def party_at(self, row: int) -> cm.CallParty:
        return self._parties[row]

    def row_of(self, party_id: int) -> int | None:
        return next((row for row, p in enumerate(self._parties) if p.id == party_id), None)

    def set_parties(self, parties: Sequence[cm.CallParty]) -> None:
        """Follow the call: rows change in place, joined parties are appended."""
        known = [p.id for p in self._parties]
        if [p.id for p in parties[: len(known)]] != known:
            self.beginResetModel()
            self._parties = list(parties)
            self.endResetModel()
            return
        for row, party in enumerate(parties[: len(known)]):
            if party != self._parties[row]:
                self._parties[row] = party
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        if len(parties) > len(known):
            self.beginInsertRows(QModelIndex(), len(known), len(parties) - 1)
            self._parties.extend(parties[len(known) :])
            self.endInsertRows()

    def tick(self) -> None:
        """Repaint the time column (it runs while parties are on the call)."""
        if self._parties:
            column = self.COLUMNS.index("time")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._parties) - 1, column))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._parties):
            return None
        party = self._parties[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(party, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if party.state == "left":
                return _GREY
            return _STATE_BRUSH.get(party.state) if column == "state" else None
        if role == Qt.ItemDataRole.UserRole:
            return party.id
        return None

    def _display(self, party: cm.CallParty, column: str) -> str:
        if column == "name":
            return party.name or party.number
        if column == "number":
            return party.number
        if column == "state":
            text = party_state_label(party.state)
            result = result_label(party.result) if party.state in ("left", "failed") else ""
            return f"{text} ({result})" if result else text
        if column == "muted":
            return self.tr("Muted") if party.muted else ""
        if party.joined_at is None:
            return ""
        return duration_text((party.left_at or time.time()) - party.joined_at)
