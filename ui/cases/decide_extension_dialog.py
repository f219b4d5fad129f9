"""A supervisor decides a pending extension: approve (the completion deadline moves) or refuse."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QRadioButton, QWidget

from client_api.lifecycle_records import Extension
from ui.cases import detail_names as names
from ui.cases.action_dialog import ActionDialog, note_edit


class DecideExtensionDialog(ActionDialog):
    """Attributes: extension (the pending request), approve and refuse (radio buttons), note."""

    def __init__(self, extension: Extension, parent: QWidget | None = None) -> None:
        title = QCoreApplication.translate("DecideExtensionDialog", "Decide extension")
        super().__init__(title, "decideExtensionDialog", parent)
        self.extension = extension
        request = QLabel(
            self.tr("{who} asks for {amount} {unit} more: {reason}").format(
                who=extension.requested_by,
                amount=extension.amount,
                unit=names.time_unit_label(extension.unit),
                reason=extension.reason,
            ),
            self,
        )
        request.setWordWrap(True)
        self.approve = QRadioButton(self.tr("Approve"), self)
        self.approve.setObjectName("approveRadio")
        self.refuse = QRadioButton(self.tr("Refuse"), self)
        self.refuse.setObjectName("refuseRadio")
        self.note = note_edit(self, "noteEdit", self.tr("Required when refusing"))
        self.form.addRow(request)
        self.form.addRow(self.approve)
        self.form.addRow(self.refuse)
        self.form.addRow(self.tr("Note:"), self.note)

    def problem(self) -> str:
        if not (self.approve.isChecked() or self.refuse.isChecked()):
            return self.tr("Approve or refuse the request.")
        if self.refuse.isChecked() and not self.note.toPlainText().strip():
            return self.tr("Say why the extension is refused.")
        return ""
