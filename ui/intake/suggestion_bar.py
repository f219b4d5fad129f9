"""Up to three suggested categories for what the caller said; Ctrl+1 … Ctrl+3 accepts one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from client_api.intake_messages import CategorySuggestion

MAX_SUGGESTIONS = 3


class SuggestionBar(QWidget):
    """Signals:
    accepted(str): the category code the operator accepted.
    """

    accepted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionBar")
        self.label = QLabel(self.tr("Suggested:"), self)
        self.buttons: list[QPushButton] = []
        self._codes: list[str] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        for n in range(MAX_SUGGESTIONS):
            button = QPushButton(self)
            button.setFlat(True)
            button.setStyleSheet("QPushButton{background:#eff8ff;border:1px solid #b2ddff;padding:2px 8px;}")
            button.clicked.connect(lambda _checked=False, i=n: self.accept(i))
            QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self, lambda i=n: self.accept(i))
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)
        self.hide()

    def show_suggestions(self, suggestions: list[CategorySuggestion]) -> None:
        self._codes = [s.code for s in suggestions[:MAX_SUGGESTIONS]]
        for n, button in enumerate(self.buttons):
            if n < len(self._codes):
                s = suggestions[n]
                button.setText(f"{s.name} {s.confidence * 100:.0f}%  (Ctrl+{n + 1})")
                button.setToolTip(", ".join(s.keywords))
                button.show()
            else:
                button.hide()
        self.setVisible(bool(self._codes))

    def accept(self, index: int) -> None:
        if self.isVisible() and index < len(self._codes):
            self.accepted.emit(self._codes[index])
            self.hide()
