"""Seats for the case detail tests: a logged-in SeatService against the real backend process, a
CaseDetailPane on it, and a few helpers to drive the pane's buttons and dialogs as an operator does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QRadioButton
from shiboken6 import isValid

from app.seat_service import SeatService
from client_api import messages as m
from client_api.client import ConnectionState, SeatClient
from tests.e2e.seat_driver import FAST_BACKOFF, type_text
from ui.cases.action_dialog import ActionDialog
from ui.cases.case_detail_pane import CaseDetailPane


class PaneSeat:
    """One seat: a service logged in as ``username`` and a CaseDetailPane shown on it."""

    def __init__(self, qtbot: Any, aio: Any, url: str, username: str, seat_id: str) -> None:
        self.qtbot, self.aio = qtbot, aio
        self.service = SeatService(SeatClient(url, backoff=FAST_BACKOFF, request_timeout=5))
        self.service.start()
        qtbot.waitUntil(lambda: self.service.state is ConnectionState.CONNECTED, timeout=15000)
        aio.run(self.service.login(username, "demo", seat_id))
        self.pane = CaseDetailPane(self.service)
        qtbot.addWidget(self.pane)
        self.pane.resize(1100, 800)
        self.pane.show()

    def create_case(self, description: str, category: str = "E0102") -> m.CaseRecord:
        return self.aio.run(self.service.create_case(category, "滨江路88号", description))

    def open(self, case: m.CaseRecord) -> None:
        self.pane.show_case(case.id)
        self.qtbot.waitUntil(lambda: self.pane.detail is not None and self.pane.detail.case.id == case.id)

    def status(self) -> str:
        detail = self.pane.detail
        return "" if detail is None else detail.case.status

    def timeline_actions(self) -> list[str]:
        model = self.pane.sections.timeline
        return [model.entry_at(row).action for row in range(model.rowCount())]

    def lifecycle_buttons(self) -> set[str]:
        return set(self.pane.action_bar.buttons)

    def side_buttons(self) -> set[str]:
        return set(self.pane.side_actions.buttons)

    def click(self, button: QAbstractButton) -> None:
        """A click where the button reacts: a radio button on its indicator, not its stretched middle."""
        pos = QPoint(6, button.height() // 2) if isinstance(button, QRadioButton) else button.rect().center()
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=pos)

    def open_side_dialog(self, action: str) -> Any:
        """Click a side action's button and return its dialog once open."""
        bar = self.pane.side_actions
        self.click(bar.buttons[action])
        self.qtbot.waitUntil(lambda: bar.open_dialog is not None and bar.open_dialog.isVisible())
        return bar.open_dialog

    def open_lifecycle_dialog(self, action: str) -> Any:
        bar = self.pane.action_bar
        self.click(bar.buttons[action])
        self.qtbot.waitUntil(
            lambda: bar.open_dialog is not None and bar.open_dialog.isVisible(), timeout=10000
        )
        return bar.open_dialog

    def type(self, widget: Any, text: str) -> None:
        type_text(self.qtbot, widget, text)

    def press_ok(self, dialog: ActionDialog) -> None:
        self.click(dialog.ok_button)

    def refused_inline(self, dialog: ActionDialog) -> bool:
        """OK was pressed on invalid input: the dialog stays open and says what is wrong."""
        return dialog.isVisible() and dialog.error.isVisible() and bool(dialog.error.text())

    def wait_closed(self, dialog: QDialog) -> None:
        self.qtbot.waitUntil(lambda: not dialog.isVisible())

    def close(self) -> None:
        if isValid(self.pane):  # pytest-qt may have closed it already
            self.pane.close()
        self.aio.run(self.service.close())
