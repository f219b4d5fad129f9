"""The shape of every case action dialog: a form, an inline validation message, OK and Cancel. Nothing is
accepted while the input is invalid; the caller sends the request only after ``accepted``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ActionDialog(QDialog):
    """Attributes: form (QFormLayout for the subclass's fields), error (the inline validation label),
    buttons, ok_button. Subclasses override ``problem()``."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet("color:#b42318;")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        self.ok_button = ok
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def problem(self) -> str:
        """What is wrong with the input, in words for the operator; "" when it may be sent."""
        return ""

    def accept(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if not problem:
            super().accept()


def note_edit(parent: QWidget, name: str, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(80)
    return edit


class NoteDialog(ActionDialog):
    """One text asked for an action: a reason, a note, a result, a conclusion. Attributes: note."""

    def __init__(
        self, title: str, prompt: str, name: str, required: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, name, parent)
        self.required = required
        self.note = note_edit(self, "noteEdit")
        self.form.addRow(prompt, self.note)

    def text(self) -> str:
        return self.note.toPlainText().strip()

    def problem(self) -> str:
        if self.required and not self.text():
            return self.tr("Write something here; it goes on the case's record.")
        return ""
