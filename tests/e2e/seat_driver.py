"""Drives a real console the way an operator does: log in through the dialog, fill the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from app.seat_service import SeatService
from client_api.client import ConnectionState, SeatClient
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow

FAST_BACKOFF = (0.05, 0.1, 0.2, 0.3)


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type like an operator, one key event per character. QTest cannot click keys outside Latin-1,
    so a Chinese character goes as a key press carrying that character as its text, which is what
    a keyboard layout that produces it sends."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


class Seat:
    """One console: its service, its login dialog and main window."""

    def __init__(self, qtbot: Any, url: str) -> None:
        self.qtbot = qtbot
        self.service = SeatService(SeatClient(url, backoff=FAST_BACKOFF, request_timeout=5))
        self.service.start()
        self.window: MainWindow | None = None
        self.snapshots = 0
        self.service.client.add_snapshot_listener(lambda _s: self._count_snapshot())

    def _count_snapshot(self) -> None:
        self.snapshots += 1

    def wait_state(self, state: ConnectionState, timeout: int = 15000) -> None:
        self.qtbot.waitUntil(lambda: self.service.state is state, timeout=timeout)

    def log_in(self, username: str, password: str, seat_id: str) -> MainWindow:
        self.wait_state(ConnectionState.CONNECTED)
        dialog = LoginDialog(self.service, seat_id="")
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.qtbot.keyClicks(dialog.username, username)
        self.qtbot.keyClicks(dialog.password, password)
        self.qtbot.keyClicks(dialog.seat_id, seat_id)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        with self.qtbot.waitSignal(dialog.accepted, timeout=10000):
            self.qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: self.service.reference is not None)
        self.window = MainWindow(self.service)  # closed by the test's fixture, after the seat's client
        self.window.show()
        return self.window

    def create_case(self, category_code: str, address: str, description: str) -> None:
        assert self.window is not None
        form = self.window.intake.form
        self.qtbot.waitUntil(lambda: form.draft().is_empty(), timeout=10000)  # the last submit cleared it
        index = form.category.findData(category_code)
        assert index >= 0, f"category {category_code} is not offered"
        form.category.setCurrentIndex(index)
        type_text(self.qtbot, form.address, address)
        type_text(self.qtbot, form.description, description)
        self.qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)

    def case_descriptions(self) -> list[str]:
        assert self.window is not None
        model = self.window.cases.model
        return [model.case_at(row).description for row in range(model.rowCount())]

    def shows_case(self, description: str) -> bool:
        return description in self.case_descriptions()
