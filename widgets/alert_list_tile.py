"""The wall's alert list: the alerts in force, newest first, with severity, headline, area and state."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from client_api.alert_messages import AlertRecord
from widgets.alert_labels import area_text, clock, drill_prefix, severity_label, state_label
from widgets.list_tiles import ListTile, LiveRowsModel, first_rows
from widgets.map_alerts import SHOWN_STATES

# Severity colours that read on the wall's dark background (alert_labels' are for light ones).
SEVERITY_TEXT = {
    "Extreme": QBrush(QColor("#ff6b6b")),
    "Severe": QBrush(QColor("#ffa657")),
    "Moderate": QBrush(QColor("#f2cc60")),
    "Minor": QBrush(QColor("#79c0ff")),
}
_DIM = QBrush(QColor("#8b949e"))
_BOLD = QFont()
_BOLD.setBold(True)


class AlertRowsModel(LiveRowsModel[AlertRecord]):
    """Columns: received, severity, headline (with the drill prefix), area, state."""

    COLUMNS = ("received_at", "severity", "headline", "area", "state")

    def headers(self) -> list[str]:
        return [self.tr("Received"), self.tr("Severity"), self.tr("Alert"), self.tr("Area"), self.tr("State")]

    def display(self, record: AlertRecord, column: str) -> str:
        if column == "received_at":
            return clock(record.received_at)[-8:-3]  # HH:MM
        if column == "severity":
            return severity_label(record.severity)
        if column == "headline":
            return drill_prefix(record, False) + (record.headline or record.event)
        if column == "area":
            return area_text(record)
        return state_label(record.state)

    def foreground(self, record: AlertRecord, column: str) -> QBrush | None:
        if column == "severity":
            return SEVERITY_TEXT.get(record.severity)
        return None if record.state == "active" else _DIM

    def font(self, record: AlertRecord, column: str) -> QFont | None:
        return _BOLD if record.state == "active" and column in ("severity", "headline") else None


class AlertListTile(ListTile):
    """Feed it with ``set_alerts`` (newest first, as an AlertBook iterates).

    Signals:
        recordClicked(int): the id of the clicked alert.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        model = AlertRowsModel()
        super().__init__(model, stretch="headline", parent=parent)
        model.setParent(self)
        self.alerts = model
        self.size_column("received_at", "88:88")
        self.size_column("severity", severity_label("Moderate"))
        self.size_column("area", "滨江社区")
        self.size_column("state", state_label("active"))

    def set_alerts(self, alerts: Iterable[AlertRecord]) -> None:
        """Show the alerts still in force (unacknowledged or acknowledged) among these."""
        self.alerts.set_rows(first_rows(alerts, lambda a: a.state in SHOWN_STATES))
