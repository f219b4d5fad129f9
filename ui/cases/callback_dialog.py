"""Callback (回访): the reporter's satisfaction and a note. 满意/基本满意 close the case (callback_done);
不满意 sends it back to be handled again (callback_unsatisfied) and needs a note saying why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from ui.cases import detail_names as names
from ui.cases.action_dialog import ActionDialog, note_edit

CHOICES = ("satisfied", "basically_satisfied", "unsatisfied")


class CallbackDialog(ActionDialog):
    """Attributes: satisfaction (combo whose data is satisfied / basically_satisfied / unsatisfied), note.
    ``choices`` limits the offer to what the role may do now."""

    def __init__(self, choices: tuple[str, ...] = CHOICES, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("CallbackDialog", "Callback"), "callbackDialog", parent)
        self.satisfaction = QComboBox(self)
        self.satisfaction.setObjectName("satisfactionCombo")
        for choice in choices:
            self.satisfaction.addItem(names.satisfaction_label(choice), choice)
        self.note = note_edit(self, "noteEdit", self.tr("What the reporter said"))
        self.form.addRow(self.tr("The reporter is:"), self.satisfaction)
        self.form.addRow(self.tr("Note:"), self.note)

    def choice(self) -> str:
        return str(self.satisfaction.currentData())

    def action(self) -> str:
        return "callback_unsatisfied" if self.choice() == "unsatisfied" else "callback_done"

    def fields(self) -> dict[str, str]:
        """The fields of the transition: the satisfaction for a closing callback, else the note."""
        note = self.note.toPlainText().strip()
        if self.action() == "callback_unsatisfied":
            return {"note": note}
        return {"satisfaction": self.choice(), **({"note": note} if note else {})}

    def problem(self) -> str:
        if self.choice() == "unsatisfied" and not self.note.toPlainText().strip():
            return self.tr("Say why the reporter is not satisfied; the case will be handled again.")
        return ""
