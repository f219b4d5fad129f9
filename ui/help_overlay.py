"""F1: every keyboard shortcut of the seat, over the window, until Esc or F1."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget


class HelpOverlay(QWidget):
    """A translucent sheet listing the shortcuts; it covers its parent and closes on Esc, F1 or a click."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet("#helpOverlay{background:rgba(16,24,40,200);} QLabel{color:white;font-size:14px;}")
        sheet = QGridLayout()
        sheet.setHorizontalSpacing(24)
        for row, (keys, what) in enumerate(self.shortcuts()):
            key_label = QLabel(f"<b>{keys}</b>", self)
            key_label.setAlignment(Qt.AlignmentFlag.AlignRight)
            sheet.addWidget(key_label, row, 0)
            sheet.addWidget(QLabel(what, self), row, 1)
        title = QLabel(self.tr("Keyboard shortcuts"), self)
        title.setStyleSheet("font-size:20px;font-weight:bold;color:white;")
        close = QLabel(self.tr("Esc or F1 closes this sheet."), self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(sheet)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        parent.installEventFilter(self)
        self.hide()

    def shortcuts(self) -> list[tuple[str, str]]:
        return [
            ("F1", self.tr("Show or hide this help")),
            ("F2", self.tr("Answer the ringing call")),
            ("F3", self.tr("Hold or resume the call")),
            ("F4", self.tr("Transfer the call to a seat or a number")),
            ("F6", self.tr("Hang up")),
            ("F7", self.tr("Ready for calls / away")),
            (
                "Alt+R, Alt+T, Alt+U, Alt+C, Alt+A, Alt+G, Alt+O, Alt+D",
                self.tr("Jump to a field of the case form"),
            ),
            ("Tab / Shift+Tab", self.tr("Next / previous field, in a fixed order")),
            ("Ctrl+Enter", self.tr("Create the case (when the form is complete)")),
            ("Ctrl+L", self.tr("Clear the form")),
            ("Alt+1 … Alt+5", self.tr("Go to Intake, Cases, Alerts, Wall, Comms")),
            ("Ctrl+D", self.tr("Comms: the dial field")),
            ("Ctrl+F", self.tr("Comms: the directory search")),
            (
                "F8 / F9 / F10",
                self.tr("Comms: answer the ringing call / hold or resume / hang up the current call"),
            ),
            (
                "F12",
                self.tr("Push to talk on the selected talk group (hold; a foot pedal can send this key)"),
            ),
            (self.tr("Radio: Space"), self.tr("Push to talk while the radio panel has the focus (hold)")),
            ("Ctrl+Shift+A", self.tr("Acknowledge the alert on the banner (asks the reason)")),
            (
                self.tr("Wall: arrows / Shift+arrows"),
                self.tr("Select the next tile / move the tile's content there"),
            ),
            (self.tr("Wall: PgUp / PgDn"), self.tr("Previous / next monitor")),
            (
                self.tr("Wall: 1 2 3 4 5 7"),
                self.tr("Layout 1, 2×2, 3×3, 4×4, 1+5, 1+7 on the selected monitor"),
            ),
            (
                self.tr("Wall: S, M, Ctrl+click"),
                self.tr("Split the tile 2×2; merge the tiles selected with Ctrl+click"),
            ),
            (
                self.tr("Wall: P, A, Del, T"),
                self.tr("Pin; designate for alarms; empty the tile; edit its text"),
            ),
            (self.tr("Wall: Enter"), self.tr("Put the source chosen in the browser on the tile")),
            ("Ctrl+Z / Ctrl+Shift+Z", self.tr("Wall: undo / redo an edit of the draft")),
            ("Ctrl+S / Ctrl+Enter", self.tr("Wall: save as preset / push the draft to the wall")),
            ("Ctrl+Q", self.tr("Quit")),
        ]

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1):
            self.hide()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: object) -> None:
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if watched is parent and parent is not None and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False
