"""The reports of one case (for the case detail dialog): a small QAbstractTableModel over a list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from client_api.intake_messages import CaseReport
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex


def _time(ts: float | None) -> str:
    return "" if ts is None else dt.datetime.fromtimestamp(ts).strftime("%m-%d %H:%M:%S")


class ReportTableModel(RecordTableModel):
    """Columns: received, channel, reporter, phone, description, address, merged, detached."""

    COLUMNS = ("received_at", "channel", "reporter", "phone", "description", "address", "merged", "detached")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reports: list[CaseReport] = []

    def set_reports(self, reports: list[CaseReport]) -> None:
        self.beginResetModel()
        self._reports = list(reports)
        self.endResetModel()

    def report_at(self, row: int) -> CaseReport:
        return self._reports[row]

    @staticmethod
    def undoable(report: CaseReport) -> bool:
        """A report that joined the case by a merge and was not detached since."""
        return report.merged_by is not None and report.detached_at is None

    def record_count(self) -> int:
        return len(self._reports)

    def headers(self) -> list[str]:
        return [
            self.tr("Received"),
            self.tr("Channel"),
            self.tr("Reporter"),
            self.tr("Phone"),
            self.tr("Description"),
            self.tr("Address"),
            self.tr("Merged"),
            self.tr("Detached"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._reports)):
            return None
        report = self._reports[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(report, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "description":
            return report.description
        if role == Qt.ItemDataRole.ForegroundRole and report.detached_at is not None:
            return QColor("#667085")  # a detached report stays in the history, greyed
        if role == Qt.ItemDataRole.UserRole:
            return report.id
        return None

    def _display(self, report: CaseReport, column: str) -> str:
        if column == "received_at":
            return _time(report.received_at)
        if column == "channel":
            return report.channel
        if column == "reporter":
            return report.reporter_name or ""
        if column == "phone":
            return report.reporter_phone or ""
        if column == "description":
            return report.description.replace("\n", " ")
        if column == "address":
            return report.address or ""
        if column == "merged":
            if report.merged_by is None:
                return self.tr("first report")
            return f"{report.merged_by} {_time(report.merged_at)}"
        if report.detached_by is None:
            return ""
        return f"{report.detached_by} {_time(report.detached_at)}"
