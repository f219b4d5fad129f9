"""The outbox in a real console: what the operator submits while the backend is down waits on disk,
is sent when it returns, and a command refused on replay is shown as a conflict until dismissed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.drafts import DraftStore
from client_api.client import ConnectionState
from tests.e2e.seat_driver import Seat, type_text
from tests.ui.test_case_actions import open_case
from ui.main_window import MainWindow


@pytest.fixture
def seat(qtbot: Any, aio: Any, backend_process: Any) -> Iterator[Seat]:
    seat = Seat(qtbot, backend_process.url)
    seat.log_in("operator1", "demo", "seat-1")
    yield seat
    if seat.window is not None:
        seat.window.close()
    aio.run(seat.service.close())


def toast_texts(window: MainWindow) -> list[str]:
    return [t.text() for t in window.toasts.toasts()]


def has_toast(window: MainWindow, text: str) -> bool:
    return any(text in t for t in toast_texts(window))


def test_a_case_submitted_offline_waits_and_is_sent_once_when_the_link_returns(
    qtbot: Any, qtmodeltester: Any, seat: Seat, backend_process: Any
) -> None:
    window = seat.window
    assert window is not None
    form = window.intake.form
    backend_process.kill()
    seat.wait_state(ConnectionState.RECONNECTING)
    form.category.setCurrentIndex(form.category.findData("E0501"))
    type_text(qtbot, form.address, "古渡路3号")
    type_text(qtbot, form.description, "路面塌陷，离线提交")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)

    # Accepted locally: the form is cleared as after a success, the toast and the status bar say so.
    qtbot.waitUntil(lambda: form.address.text() == "" and has_toast(window, "Waiting to send"))
    assert not form.error_label.isVisible()
    indicator = window.status.outbox_button
    qtbot.waitUntil(indicator.isVisible)
    assert indicator.text() == "1 waiting to send"
    qtbot.waitUntil(lambda: DraftStore().load() is None)  # the draft went into the outbox
    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
    dialog = window.outbox_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.index(0, 0).data() == "New case 古渡路3号"
    assert dialog.model.index(0, 1).data() == "waiting to send"
    qtmodeltester.check(dialog.model)

    backend_process.start()
    seat.wait_state(ConnectionState.CONNECTED, timeout=30000)
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=15000)
    qtbot.waitUntil(lambda: has_toast(window, "Sent: New case 古渡路3号"))
    qtbot.waitUntil(lambda: seat.shows_case("路面塌陷，离线提交"), timeout=10000)
    assert seat.case_descriptions().count("路面塌陷，离线提交") == 1
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and dialog.model.index(0, 1).data() == "sent")


def test_a_command_refused_on_replay_is_a_conflict_until_dismissed(
    qtbot: Any, aio: Any, seat: Seat, backend_process: Any
) -> None:
    window = seat.window
    assert window is not None
    seat.create_case("E0102", "滨江路88号", "垃圾堆放，离线作废")
    detail = open_case(qtbot, seat, "垃圾堆放，离线作废")
    bar = detail.action_bar
    case_no = seat.service.cases[0].case_no
    backend_process.kill()
    seat.wait_state(ConnectionState.RECONNECTING)
    # Both are valid now, but once the case is voided it cannot be registered any more.
    assert aio.run(bar.take("void", {"note": "重复工单"}))
    assert aio.run(bar.take("register", {}))
    indicator = window.status.outbox_button
    qtbot.waitUntil(lambda: indicator.text() == "2 waiting to send")

    backend_process.start()
    seat.wait_state(ConnectionState.CONNECTED, timeout=30000)
    qtbot.waitUntil(lambda: indicator.text() == "Conflicts: 1", timeout=15000)
    qtbot.waitUntil(lambda: has_toast(window, f"Not applied: Register {case_no}"))
    assert has_toast(window, f"Sent: Void {case_no}")
    detail.close()

    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
    dialog = window.outbox_dialog
    assert dialog is not None
    model = dialog.model
    qtbot.waitUntil(lambda: model.rowCount() == 3 and model.index(0, 1).data() == "conflict")
    assert model.index(0, 0).data() == f"Register {case_no}"
    assert model.index(0, 3).data()  # the backend's reason
    assert not dialog.dismiss_button.isEnabled()
    dialog.table.setCurrentIndex(model.index(0, 0))
    assert dialog.dismiss_button.isEnabled()
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not indicator.isVisible())
    qtbot.waitUntil(lambda: model.rowCount() == 3 and model.index(0, 1).data() == "dismissed")
