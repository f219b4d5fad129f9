"""The call log: ended comms calls, newest first: when, direction, who, whom, how long, result, case,
recording."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush, QColor

from client_api import comms_messages as cm
from widgets.alert_labels import clock
from widgets.comms_keyed_model import KeyedTableModel
from widgets.comms_labels import call_title, direction_label, duration_text, result_label

_RED = QBrush(QColor("#b42318"))


def talk_seconds(call: cm.CommsCall) -> float | None:
    """How long the call was connected (None: it never was)."""
    if call.answered_at is None:
        return None
    return (call.ended_at or call.answered_at) - call.answered_at


class CallLogModel(KeyedTableModel[cm.CommsCall]):
    """Columns: started, direction, operator, parties, duration, result, case, recording."""

    COLUMNS = ("started_at", "direction", "owner", "parties", "duration", "result", "case", "recording")

    def headers(self) -> list[str]:
        return [
            self.tr("Started"),
            self.tr("Direction"),
            self.tr("Operator"),
            self.tr("With"),
            self.tr("Duration"),
            self.tr("Result"),
            self.tr("Case"),
            self.tr("Recording"),
        ]

    def display(self, record: cm.CommsCall, column: str) -> str:
        if column == "started_at":
            return clock(record.started_at)
        if column == "direction":
            return direction_label(record.direction)
        if column == "owner":
            return record.owner
        if column == "parties":
            return call_title(record)
        if column == "duration":
            return duration_text(talk_seconds(record))
        if column == "result":
            return result_label(record.result)
        if column == "case":
            return self._case_text(record.case_id)
        return record.recording_ref or ""

    def foreground(self, record: cm.CommsCall, column: str) -> Any:
        return _RED if column == "result" and record.state == "failed" else None

    def tooltip(self, record: cm.CommsCall, column: str) -> str | None:
        return record.reason if column == "result" and record.reason else None
