"""A trainee answering a drill call hears the simulated caller's words through the seat's speech queue (the
real queue and speech engine; only the speaker is a list) and reads them on the caller card."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.alerts_service import AlertsService
from app.bundled_backend import BundledBackend
from app.seat_service import SeatService
from app.settings import Settings
from app.speech import SpeechQueue
from app.speech_player import WavPlayer
from client_api import drill_messages as dm
from client_api.client import SeatClient
from tests.e2e.seat_driver import FAST_BACKOFF
from ui.main_window import MainWindow

FIRST_WORDS = "喂，你好！滨江农贸市场东门这边打起来了"  # c1 of public-safety-market, at 0:30
ASSIGNED = [
    dm.Assignment("seat-1", "operator1"),
    dm.Assignment("seat-2", "operator2"),
    dm.Assignment("seat-3", "supervisor1"),
]


class SilentPlayer(WavPlayer):
    """The headless seat's speaker: keeps the WAVs it is given instead of playing them."""

    def __init__(self) -> None:
        super().__init__(commands=())
        self.played: list[Path] = []

    def play(self, path: Path) -> None:
        self.played.append(path)


@pytest.fixture
def drill_backend(tmp_path: Path) -> Iterator[BundledBackend]:
    backend = BundledBackend(tmp_path / "drill", exercise=True)
    backend.start()
    yield backend
    backend.stop()


@pytest.mark.speech
def test_the_caller_of_a_drill_call_is_heard_and_shown(
    qtbot: Any, aio: Any, drill_backend: BundledBackend
) -> None:
    staff = SeatClient(drill_backend.url)
    staff.start()
    aio.run(staff.wait_connected(10))
    aio.run(staff.login("trainer1", "demo", "T-1"))
    service = SeatService(SeatClient(drill_backend.url, backoff=FAST_BACKOFF, request_timeout=5))
    service.start()
    aio.run(service.client.wait_connected(10))
    aio.run(service.login("operator1", "demo", "S-1"))
    settings = Settings(speech_min_severity="Minor")
    speech = SpeechQueue(settings, player=SilentPlayer())
    window = MainWindow(service, alerts=AlertsService(service, settings, speech=speech))
    window.show()
    try:
        assert window.drill_seat.screen is None
        panel = window.intake.call_panel
        qtbot.waitUntil(lambda: window.calls.my_state is not None, timeout=10000)
        qtbot.mouseClick(panel.state_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.calls.my_state is not None and window.calls.my_state.state == "ready")
        aio.run(staff.request("drill.start", dm.StartDrill("public-safety-market", ASSIGNED, speed=10.0)))
        qtbot.waitUntil(window.drill_seat.banner.isVisible, timeout=10000)
        qtbot.waitUntil(lambda: panel.answer_button.isEnabled(), timeout=15000)  # c1 rings here
        with qtbot.waitSignal(window.drill_seat.voice.spoken, timeout=10000):
            qtbot.mouseClick(panel.answer_button, Qt.MouseButton.LeftButton)
        (_call_id, words), *_ = window.drill_seat.voice.transcript
        assert words.startswith(FIRST_WORDS)
        assert speech.received[-1] == words
        qtbot.waitUntil(window.intake.caller_card.opening.isVisible, timeout=10000)
        assert FIRST_WORDS in window.intake.caller_card.opening.text()
        running = window.drill.active
        assert running is not None
        aio.run(staff.request("drill.control", dm.ControlDrill(running.id, "stop")))
        qtbot.waitUntil(lambda: not window.drill_seat.banner.isVisible(), timeout=10000)
    finally:
        window.close()
        speech.stop()
        aio.run(service.close())
        aio.run(staff.close())
