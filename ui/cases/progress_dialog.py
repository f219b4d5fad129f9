"""A department reports progress on a case: a note and, optionally, photos or documents."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.seat_service import SeatService
from ui.cases.action_dialog import ActionDialog, note_edit
from ui.intake.attachment_row import AttachmentRow


class ProgressDialog(ActionDialog):
    """Attributes: note, attachments (AttachmentRow: files are uploaded when picked)."""

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        title = QCoreApplication.translate("ProgressDialog", "Report progress")
        super().__init__(title, "progressDialog", parent)
        self.note = note_edit(self, "noteEdit", self.tr("What has been done so far"))
        self.attachments = AttachmentRow(service, self)
        self.attachments.failed.connect(self._show_problem)
        self.form.addRow(self.tr("Progress:"), self.note)
        self.form.addRow(self.tr("Attachments:"), self.attachments)

    def _show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def problem(self) -> str:
        if not self.note.toPlainText().strip():
            return self.tr("Describe the progress.")
        return ""
