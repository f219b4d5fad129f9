"""The idle lock on a real console: it covers the window after the idle time, keeps the open form and
dialogs as they were, and opens only with the operator's password, checked by the backend."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.e2e.seat_driver import Seat, type_text


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def seat(qtbot: Any, aio: Any, backend_process: Any) -> Iterator[Seat]:
    seat = Seat(qtbot, backend_process.url)
    seat.log_in("operator1", "demo", "seat-1")
    yield seat
    if seat.window is not None:
        seat.window.close()
    aio.run(seat.service.close())


def test_idle_seat_locks_keeps_the_form_and_unlocks_only_with_the_password(qtbot: Any, seat: Seat) -> None:
    window = seat.window
    assert window is not None
    form, lock = window.intake.form, window.lock_screen
    clock = Clock()
    window.idle.clock = clock
    window.idle.reset()
    window.idle.set_timeout(15 * 60)
    type_text(qtbot, form.reporter_name, "李女士")
    type_text(qtbot, form.address, "滨江路88号")
    window.show_outbox()  # an open dialog must survive the lock too
    assert window.outbox_dialog is not None and window.outbox_dialog.isVisible()

    clock.now += 14 * 60
    window.idle.check()
    assert not lock.locked
    clock.now += 61
    qtbot.waitUntil(lambda: lock.locked and lock.isVisible())
    assert seat.service.operator is not None
    assert seat.service.operator.display_name in lock.name_label.text()
    assert not window.outbox_dialog.isVisible()
    assert not window.centralWidget().isEnabled()
    type_text(qtbot, form.address, "X")  # nothing reaches the form under the lock
    assert form.address.text() == "滨江路88号"

    qtbot.keyClicks(lock.password, "wrong")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lock.error_label.text() != "", timeout=10000)
    assert "Wrong password" in lock.error_label.text()
    assert lock.locked and lock.isVisible() and lock.password.text() == ""

    qtbot.keyClicks(lock.password, "demo")
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not lock.locked, timeout=10000)
    assert not lock.isVisible()
    assert window.centralWidget().isEnabled()
    assert window.outbox_dialog.isVisible()
    assert (form.reporter_name.text(), form.address.text()) == ("李女士", "滨江路88号")
    assert seat.service.operator is not None  # the same session, still logged in
    window.idle.check()
    assert not lock.locked  # unlocking counts as input


def test_zero_minutes_never_locks(qtbot: Any, seat: Seat) -> None:
    window = seat.window
    assert window is not None
    clock = Clock()
    window.idle.clock = clock
    window.idle.set_timeout(0)
    clock.now += 7 * 86400
    window.idle.check()
    assert not window.lock_screen.locked
