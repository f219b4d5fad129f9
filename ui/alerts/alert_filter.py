"""What the alert center shows: a filter over state, severity, source or warning model and text, and the
sorting proxy that applies it to the alert table."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from client_api.alert_messages import AlertRecord
from client_api.alert_priority import severity_rank
from widgets.alert_labels import area_text
from widgets.alert_table_model import ALERT_ROLE, SORT_KEY_ROLE, AlertTableModel

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class AlertFilter:
    """Empty fields do not filter. ``min_severity``: that severity and louder; ``source``: cap, manual,
    rule (any warning model) or "rule:<kind>" for one model."""

    states: frozenset[str] = frozenset()
    min_severity: str | None = None
    source: str | None = None
    text: str = ""

    def accepts(self, alert: AlertRecord) -> bool:
        if self.states and alert.state not in self.states:
            return False
        if self.min_severity and severity_rank(alert.severity) < severity_rank(self.min_severity):
            return False
        if self.source:
            kind, _, rule = self.source.partition(":")
            if alert.source != kind or (rule and alert.rule != rule):
                return False
        wanted = self.text.strip().lower()
        if wanted:
            fields = (alert.event, alert.headline, alert.description, area_text(alert), alert.sender_name)
            return wanted in " ".join((*fields, alert.case_no or "")).lower()
        return True


class AlertFilterProxy(QSortFilterProxyModel):
    """Sorts by the model's sort keys (never display strings) and keeps the rows the filter accepts.

    Attributes: alert_filter."""

    def __init__(self, source: AlertTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.alert_filter = AlertFilter()
        self.setSourceModel(source)
        self.setSortRole(SORT_KEY_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter(self, alert_filter: AlertFilter) -> None:
        if alert_filter != self.alert_filter:
            self.beginFilterChange()
            self.alert_filter = alert_filter
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        alert = self.sourceModel().index(source_row, 0, source_parent).data(ALERT_ROLE)
        return alert is not None and self.alert_filter.accepts(alert)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a, b = left.data(SORT_KEY_ROLE), right.data(SORT_KEY_ROLE)
        if a == b:  # ties: the older alert first, so that descending puts the newest on top
            return bool(left.data(Qt.ItemDataRole.UserRole) < right.data(Qt.ItemDataRole.UserRole))
        return bool(a < b)

    def alert_at(self, row: int) -> AlertRecord:
        alert: AlertRecord = self.index(row, 0).data(ALERT_ROLE)
        return alert

    def row_of_alert(self, alert_id: int) -> int | None:
        for row in range(self.rowCount()):
            if self.index(row, 0).data(Qt.ItemDataRole.UserRole) == alert_id:
                return row
        return None
