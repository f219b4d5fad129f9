"""A seat on drill data can never be mistaken for a live one: watermark, title, status bar, prefix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app import message
from app.bundled_backend import BundledBackend
from tests.e2e.seat_driver import Seat


@pytest.fixture
def drill_backend(tmp_path: Path) -> Any:
    backend = BundledBackend(tmp_path / "drill", exercise=True)
    backend.start()
    yield backend
    backend.stop()


def test_drill_seat_shows_watermark_and_prefix(qtbot: Any, aio: Any, drill_backend: Any) -> None:
    seat = Seat(qtbot, drill_backend.url)
    window = seat.log_in("trainer1", "demo", "drill-seat")
    try:
        qtbot.waitUntil(window.watermark.isVisible)
        assert window.status.exercise_label.isVisible()
        assert window.windowTitle().startswith("[EXERCISE]")
        message.info("Case 1 created.")
        assert window.toasts.toasts()[-1].text().startswith("【演练】")
        shot = window.grab().toImage()
        assert not shot.isNull()
    finally:
        window.close()
        aio.run(seat.service.close())


def test_live_seat_has_no_watermark(qtbot: Any, aio: Any, backend_process: Any) -> None:
    seat = Seat(qtbot, backend_process.url)
    window = seat.log_in("operator1", "demo", "live-seat")
    try:
        assert not window.watermark.isVisible()
        assert not window.status.exercise_label.isVisible()
        assert not window.windowTitle().startswith("[EXERCISE]")
    finally:
        window.close()
        aio.run(seat.service.close())
