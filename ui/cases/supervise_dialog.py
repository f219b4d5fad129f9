"""Supervision (督办): put a case under supervision at a level, or change it, with a note."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from ui.cases import detail_names as names
from ui.cases.action_dialog import ActionDialog, note_edit

LEVELS = ("general", "key", "listed")  # 一般/重点/挂牌; 提级督办 is the backend's, after three reopenings


class SuperviseDialog(ActionDialog):
    """Attributes: level (combo, data general / key / listed), note."""

    def __init__(self, current: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("SuperviseDialog", "Supervise"), "superviseDialog", parent
        )
        self.level = QComboBox(self)
        self.level.setObjectName("levelCombo")
        for level in LEVELS:
            self.level.addItem(names.supervision_label(level), level)
        if current in LEVELS:
            self.level.setCurrentIndex(LEVELS.index(current))
        self.note = note_edit(self, "noteEdit", self.tr("What the departments must do, and by when"))
        self.form.addRow(self.tr("Level:"), self.level)
        self.form.addRow(self.tr("Note:"), self.note)

    def problem(self) -> str:
        if not self.note.toPlainText().strip():
            return self.tr("Write the supervision note; it goes to the departments.")
        return ""
