"""The new-case form against a real backend: bad input is explained and nothing typed is lost."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from client_api.client import ConnectionState
from tests.e2e.seat_driver import Seat, type_text


@pytest.fixture
def seat(qtbot: Any, aio: Any, backend_process: Any) -> Any:
    seat = Seat(qtbot, backend_process.url)
    seat.log_in("operator1", "demo", "seat-1")
    yield seat
    assert seat.window is not None
    seat.window.close()
    aio.run(seat.service.close())


def test_empty_form_is_refused_with_a_reason(qtbot: Any, seat: Seat) -> None:
    form = seat.window.intake.form
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.error_label.isVisible()
    assert "category" in form.error_label.text()
    assert len(seat.service.cases) == 0


def test_missing_description_is_named(qtbot: Any, seat: Seat) -> None:
    form = seat.window.intake.form
    form.category.setCurrentIndex(form.category.findData("E0101"))
    type_text(qtbot, form.address, "滨江路1号")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert "description" in form.error_label.text()
    assert form.address.text() == "滨江路1号"


def test_ctrl_enter_submits_and_the_case_number_is_announced(qtbot: Any, seat: Seat) -> None:
    form = seat.window.intake.form
    form.category.setCurrentIndex(form.category.findData("A03"))
    form.grid.setCurrentIndex(form.grid.findData("32099900100101"))
    type_text(qtbot, form.address, "望江路2号")
    type_text(qtbot, form.description, "夜间施工噪音扰民")
    qtbot.keyClick(form.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: seat.shows_case("夜间施工噪音扰民"), timeout=10000)
    created = seat.service.cases[0]
    assert created.grid_code == "32099900100101"
    assert created.category_code == "A03"
    assert any(created.case_no in t.text() for t in seat.window.toasts.toasts())


def test_when_the_backend_is_gone_the_form_keeps_everything(
    qtbot: Any, seat: Seat, backend_process: Any
) -> None:
    form = seat.window.intake.form
    form.category.setCurrentIndex(form.category.findData("E0501"))
    type_text(qtbot, form.address, "古渡路3号")
    type_text(qtbot, form.description, "路面塌陷")
    backend_process.kill()
    seat.wait_state(ConnectionState.RECONNECTING)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(form.error_label.isVisible)
    assert "Not connected" in form.error_label.text()
    assert form.address.text() == "古渡路3号"
    assert form.description.toPlainText() == "路面塌陷"
    assert form.selected_category() == "E0501"
