"""One alert as a wall tile: shown beside the cameras that alarm-linked switching brought up."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from client_api.alert_messages import AlertRecord
from widgets.alert_labels import SEVERITY_COLOURS, area_text, drill_prefix, severity_label, state_label


class AlertCard(QWidget):
    """Severity band, event and headline in large type, the area, when it came in and its state.

    Attributes: alert_id; severity, headline, details (the labels); alert (the record shown, or None
    while the seat does not know the alert).
    """

    def __init__(self, alert_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.alert_id = alert_id
        self.alert: AlertRecord | None = None
        self.severity = QLabel(self)
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for label in (self.severity, self.headline, self.details):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.severity)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        self.show_alert(None)

    def show_alert(self, alert: AlertRecord | None, exercise: bool = False) -> None:
        """Show the record (None: the alert is not known to this seat yet)."""
        self.alert = alert
        colour = SEVERITY_COLOURS.get(alert.severity if alert else "Unknown", "#475467")
        self.setStyleSheet(
            f"#alertCard{{background:#1b1f24;border-left:10px solid {colour};}}"
            "#alertCard QLabel{color:#f2f4f7;}"
        )
        if alert is None:
            self.severity.setText(self.tr("Alert {id}").format(id=self.alert_id))
            self.headline.setText(self.tr("Waiting for the alert's details…"))
            self.details.clear()
            return
        self.severity.setText(
            f"<span style='font-size:18pt;font-weight:bold;color:{colour};background:#f2f4f7;'>"
            f"&nbsp;{drill_prefix(alert, exercise)}{severity_label(alert.severity)}&nbsp;</span>"
            f"<span style='font-size:18pt;'>&nbsp;{html.escape(alert.event)}</span>"
        )
        self.headline.setText(
            f"<span style='font-size:22pt;font-weight:bold;'>{html.escape(alert.headline)}</span>"
        )
        received = dt.datetime.fromtimestamp(alert.received_at).strftime("%H:%M:%S")
        lines = [
            self.tr("Area: {area}").format(area=area_text(alert) or "—"),
            self.tr("Received at {time}").format(time=received),
            self.tr("State: {state}").format(state=state_label(alert.state)),
        ]
        if alert.instruction:
            lines.append(alert.instruction)
        self.details.setText(
            "<br>".join(f"<span style='font-size:14pt;'>{html.escape(line)}</span>" for line in lines)
        )
