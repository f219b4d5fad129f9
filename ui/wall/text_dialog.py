"""Edit what a text tile says (a duty notice, a status line)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

MAX_TEXT = 500


class TextDialog(QDialog):
    """Attributes: edit (QPlainTextEdit), note, ok_button. ``text()``: what to show."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Text of the tile"))
        self.edit = QPlainTextEdit(text, self)
        self.note = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What the tile shows:"), self))
        layout.addWidget(self.edit)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check()

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def _check(self) -> None:
        length = len(self.text())
        if length > MAX_TEXT:
            self.note.setText(
                self.tr("The text is too long ({n} characters, at most {max}).").format(
                    n=length, max=MAX_TEXT
                )
            )
        elif not length:
            self.note.setText(self.tr("Write what the tile shows."))
        else:
            self.note.clear()
        self.ok_button.setEnabled(0 < length <= MAX_TEXT)
