"""Video sessions with field units, newest first: unit, started, by, state, case, the camera it
shows as on the wall."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush, QColor

from client_api import comms_messages as cm
from widgets.alert_labels import clock
from widgets.comms_keyed_model import KeyedTableModel

_GREY = QBrush(QColor("#98a2b3"))
_LIVE = QBrush(QColor("#027a48"))


class VideoSessionModel(KeyedTableModel[cm.VideoSession]):
    """Columns: unit, started, by, state, case, camera."""

    COLUMNS = ("name", "started_at", "by", "state", "case", "camera_id")

    def headers(self) -> list[str]:
        return [
            self.tr("Unit"),
            self.tr("Started"),
            self.tr("By"),
            self.tr("State"),
            self.tr("Case"),
            self.tr("Camera"),
        ]

    def display(self, record: cm.VideoSession, column: str) -> str:
        if column == "started_at":
            return clock(record.started_at)
        if column == "state":
            if record.ended_at is None:
                return self.tr("Live")
            return self.tr("Ended {at}").format(at=clock(record.ended_at))
        if column == "case":
            return self._case_text(record.case_id)
        return str(getattr(record, column))

    def foreground(self, record: cm.VideoSession, column: str) -> Any:
        if record.ended_at is not None:
            return _GREY
        return _LIVE if column == "state" else None

    def tooltip(self, record: cm.VideoSession, column: str) -> str | None:
        return record.url if column in ("name", "camera_id") else None
