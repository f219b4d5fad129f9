"""Driving a case in a real console's workspace: find it with the search box, select its row, and work the
detail pane beside the table (its lifecycle buttons, side actions and their dialogs) as an operator does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from client_api import messages as m
from tests.e2e.seat_driver import Seat, type_text
from tests.ui.case_pane_support import PaneSeat


class ConsoleCase(PaneSeat):
    """PaneSeat's helpers over the detail pane of a logged-in console's Cases place."""

    def __init__(self, qtbot: Any, aio: Any, seat: Seat) -> None:  # no super(): the console exists
        assert seat.window is not None
        self.qtbot, self.aio, self.seat = qtbot, aio, seat
        self.service = seat.service
        self.window = seat.window
        self.screen = seat.window.cases
        self.pane = self.screen.detail_pane

    def open(self, case: m.CaseRecord) -> None:
        """Go to the Cases place, search the case number, click its row: the pane shows it."""
        self.window.tabs.setCurrentWidget(self.screen)
        search = self.screen.filter_bar.search
        search.clear()
        type_text(self.qtbot, search, case.case_no)
        proxy = self.screen.proxy
        self.qtbot.waitUntil(lambda: proxy.rowCount() == 1 and proxy.case_at(0).id == case.id, timeout=10000)
        rect = self.screen.table.visualRect(proxy.index(0, 0))
        self.qtbot.mouseClick(self.screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        self.qtbot.waitUntil(
            lambda: self.pane.detail is not None and self.pane.detail.case.id == case.id, timeout=10000
        )

    def wait_status(self, status: str) -> None:
        self.qtbot.waitUntil(lambda: self.status() == status, timeout=15000)

    def wait_for(self, predicate: Any, timeout: int = 15000) -> None:
        pane = self.pane
        self.qtbot.waitUntil(lambda: pane.detail is not None and predicate(pane.detail), timeout=timeout)

    def take(self, action: str) -> None:
        """Click a lifecycle button that needs no dialog."""
        self.qtbot.waitUntil(lambda: action in self.lifecycle_buttons(), timeout=10000)
        self.click(self.pane.action_bar.buttons[action])

    def take_with(self, action: str, fill: Any) -> None:
        """Click a lifecycle button, fill its dialog with ``fill(dialog)``, press OK."""
        self.qtbot.waitUntil(lambda: action in self.lifecycle_buttons(), timeout=10000)
        dialog = self.open_lifecycle_dialog(action)
        fill(dialog)
        self.press_ok(dialog)
        self.wait_closed(dialog)

    def side(self, action: str, fill: Any) -> None:
        self.qtbot.waitUntil(lambda: action in self.side_buttons(), timeout=10000)
        dialog = self.open_side_dialog(action)
        fill(dialog)
        self.press_ok(dialog)
        self.wait_closed(dialog)

    def write(self, widget: Any, text: str) -> None:
        type_text(self.qtbot, widget, text)

    def timeline_rows(self) -> list[tuple[float, str, str, str | None]]:
        model = self.pane.sections.timeline
        return [
            (e.ts, e.action, e.actor, e.to_status)
            for e in (model.entry_at(row) for row in range(model.rowCount()))
        ]
