"""Acknowledge an alert: a preset reason or free text; a Severe or Extreme alert needs a reason."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from client_api.alert_messages import AlertRecord
from client_api.alert_priority import is_banner
from ui.cases.action_dialog import ActionDialog, note_edit
from widgets.alert_labels import drill_prefix, severity_label

MAX_REASON = 500  # the backend's limit (client_api.alert_messages.AckAlert)


class AckDialog(ActionDialog):
    """Attributes: alert, summary (what is acknowledged), preset (combo: choosing one writes it into the
    reason), reason (free text, editable after a preset), required (a reason must be given)."""

    def __init__(self, alert: AlertRecord, exercise: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("AckDialog", "Acknowledge the alert"), "ackDialog", parent
        )
        self.alert = alert
        self.required = is_banner(alert.severity)
        title = alert.headline or alert.event
        self.summary = QLabel(
            f"{drill_prefix(alert, exercise)}{severity_label(alert.severity)} — {title}", self
        )
        self.summary.setObjectName("ackSummary")
        self.summary.setWordWrap(True)
        self.preset = QComboBox(self)
        self.preset.setObjectName("ackPreset")
        self.preset.addItem(self.tr("Choose a reason…"), "")
        for text in self.presets():
            self.preset.addItem(text, text)
        self.preset.currentIndexChanged.connect(self.on_preset_currentIndexChanged)
        self.reason = note_edit(self, "ackReason", self.tr("What is being done about it"))
        self.form.addRow(self.summary)
        self.form.addRow(self.tr("Preset:"), self.preset)
        label = self.tr("Reason (required):") if self.required else self.tr("Reason:")
        self.form.addRow(label, self.reason)
        self.reason.setFocus()

    def presets(self) -> list[str]:
        return [
            self.tr("Seen; being handled"),
            self.tr("The units concerned were notified"),
            self.tr("Forces sent to the scene"),
            self.tr("Same as an alert already handled"),
            self.tr("Checked: false alarm"),
        ]

    def on_preset_currentIndexChanged(self, _index: int) -> None:
        chosen = self.preset.currentData()
        if chosen:
            self.reason.setPlainText(chosen)

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def problem(self) -> str:
        if self.required and not self.text():
            return self.tr("A Severe or Extreme alert is acknowledged with a reason: choose or write one.")
        if len(self.text()) > MAX_REASON:
            return self.tr("The reason is too long ({n} characters, at most {max}).").format(
                n=len(self.text()), max=MAX_REASON
            )
        return ""
