"""Open a consultation (会商) on a case: a topic and at least two units."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from app.seat_service import SeatService
from ui.cases.action_dialog import ActionDialog
from ui.cases.dispatch_dialog import unit_paths


class ConsultationDialog(ActionDialog):
    """Attributes: topic (line edit), units (checkable list, data = unit code)."""

    def __init__(self, service: SeatService, preselected: list[str], parent: QWidget | None = None) -> None:
        title = QCoreApplication.translate("ConsultationDialog", "Open a consultation")
        super().__init__(title, "consultationDialog", parent)
        self.topic = QLineEdit(self)
        self.topic.setObjectName("topicEdit")
        self.units = QListWidget(self)
        self.units.setObjectName("unitsList")
        ref = service.reference
        for code, path in unit_paths(ref.departments if ref is not None else []).items():
            item = QListWidgetItem(path, self.units)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Checked if code in preselected else Qt.CheckState.Unchecked)
        self.form.addRow(self.tr("Topic:"), self.topic)
        self.form.addRow(self.tr("Units:"), self.units)
        self.resize(520, 440)

    def unit_codes(self) -> list[str]:
        items = (self.units.item(row) for row in range(self.units.count()))
        return [
            str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked
        ]

    def problem(self) -> str:
        if not self.topic.text().strip():
            return self.tr("Write the topic of the consultation.")
        if len(self.unit_codes()) < 2:
            return self.tr("Choose at least two units.")
        return ""
