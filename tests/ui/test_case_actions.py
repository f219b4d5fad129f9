"""Lifecycle actions in the case detail: what the role may do now, and a change another seat sees."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.e2e.seat_driver import Seat
from ui.case_detail_dialog import CaseDetailDialog


def open_case(qtbot: Any, seat: Seat, description: str) -> CaseDetailDialog:
    window = seat.window
    assert window is not None
    window.tabs.setCurrentWidget(window.cases)
    qtbot.waitUntil(lambda: seat.shows_case(description), timeout=10000)
    model, table = window.cases.model, window.cases.table
    row = next(r for r in range(model.rowCount()) if model.case_at(r).description == description)
    table.setFocus()
    table.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.cases.detail_dialog is not None)
    dialog = window.cases.detail_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.action_bar.buttons), timeout=10000)
    return dialog


def test_actions_follow_the_role_and_the_state(qtbot: Any, aio: Any, backend_process: Any) -> None:
    operator, handler = Seat(qtbot, backend_process.url), Seat(qtbot, backend_process.url)
    operator.log_in("operator1", "demo", "A-01")
    handler.log_in("handler1", "demo", "H-01")
    try:
        operator.create_case("E0102", "滨江路88号", "垃圾堆放待派遣")
        dialog = open_case(qtbot, operator, "垃圾堆放待派遣")
        assert set(dialog.action_bar.buttons) == {"register", "void"}
        qtbot.mouseClick(dialog.action_bar.buttons["register"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: set(dialog.action_bar.buttons) == {"dispatch", "void"})
        assert aio.run(dialog.action_bar.take("dispatch", {"department_code": "D-CG"}))
        # the district center may still send it on (下派); nothing else is an operator's now
        qtbot.waitUntil(lambda: set(dialog.action_bar.buttons) == {"subdispatch"})

        # The department's seat sees the case dispatched, and may accept or return it.
        def handler_status() -> str:
            row = handler.service.cases.row_of(operator.service.cases[0].id)
            return "" if row is None else handler.service.cases[row].status

        qtbot.waitUntil(lambda: handler_status() == "dispatched", timeout=10000)
        handler_dialog = open_case(qtbot, handler, "垃圾堆放待派遣")
        assert set(handler_dialog.action_bar.buttons) == {"accept", "return"}
        assert not aio.run(handler_dialog.action_bar.take("complete", {"result": "x"}))
        assert "Refused" in handler_dialog.status.text()
    finally:
        for seat in (operator, handler):
            if seat.window is not None:
                seat.window.close()
            aio.run(seat.service.close())
