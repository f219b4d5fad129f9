"""A department asks for more time (延期): how much, in which unit, and why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from ui.cases import detail_names as names
from ui.cases.action_dialog import ActionDialog, note_edit

UNITS = ("working_days", "working_hours", "hours")


class ExtensionDialog(ActionDialog):
    """Attributes: amount (spin box), unit (combo, data working_days / working_hours / hours), reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        title = QCoreApplication.translate("ExtensionDialog", "Request extension")
        super().__init__(title, "extensionDialog", parent)
        self.amount = QSpinBox(self)
        self.amount.setObjectName("amountSpin")
        self.amount.setRange(0, 999)
        self.amount.setValue(0)
        self.unit = QComboBox(self)
        self.unit.setObjectName("unitCombo")
        for unit in UNITS:
            self.unit.addItem(names.time_unit_label(unit), unit)
        self.reason = note_edit(self, "reasonEdit", self.tr("Why the case cannot be completed in time"))
        self.form.addRow(self.tr("More time:"), self.amount)
        self.form.addRow(self.tr("Unit:"), self.unit)
        self.form.addRow(self.tr("Reason:"), self.reason)

    def problem(self) -> str:
        if self.amount.value() <= 0:
            return self.tr("Say how much more time is needed.")
        if not self.reason.toPlainText().strip():
            return self.tr("Say why more time is needed.")
        return ""
