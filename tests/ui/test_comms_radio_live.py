"""The radio console against the real backend process (its radio and simulator): push-to-talk from the
button and the keys, sent exactly once each; a busy floor; an emergency acknowledged on one seat and
cleared on another; replay of the last transmission; a patch made and ended."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget
from shiboken6 import isValid

from app import message
from app.bundled_backend import BundledBackend
from app.radio_service import RadioService
from app.seat_service import SeatService
from client_api import comms_messages as cm
from client_api.client import ConnectionState, SeatClient
from tests.e2e.seat_driver import FAST_BACKOFF
from tests.ui.test_comms_radio_support import RecordingSpeech
from ui.comms.radio_panel import RadioPanel
from widgets.radio_strip import RadioStrip


@pytest.fixture(scope="module")
def radio_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BundledBackend]:
    data: Path = tmp_path_factory.mktemp("radio-backend")
    backend = BundledBackend(data, extra_args=["--simulate-radio", "--sim-radio-interval", "0"])
    backend.start()
    try:
        yield backend
    finally:
        backend.stop()


class RadioSeat:
    """A seat logged in on the backend with a radio panel in a window that holds another field too."""

    def __init__(self, qtbot: Any, aio: Any, url: str, username: str) -> None:
        self.qtbot, self.aio = qtbot, aio
        self.service = SeatService(SeatClient(url, backoff=FAST_BACKOFF, request_timeout=5))
        self.service.start()
        qtbot.waitUntil(lambda: self.service.state is ConnectionState.CONNECTED, timeout=15000)
        aio.run(self.service.login(username, "demo", f"seat-{username}"))
        self.speech = RecordingSpeech()
        self.radio = RadioService(self.service, speech=self.speech)
        self.window = QWidget()
        self.elsewhere = QLineEdit(self.window)  # a field of another place of the console
        self.panel = RadioPanel(self.radio, self.window)
        layout = QVBoxLayout(self.window)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.panel)
        qtbot.addWidget(self.window)
        self.window.resize(1200, 700)
        self.window.show()
        qtbot.waitUntil(lambda: len(self.panel.strips) >= 7, timeout=10000)
        self.sent: list[tuple[str, bool]] = []
        self.radio.ptt.sent.connect(lambda group, on: self.sent.append((group, on)))

    def strip_of(self, group_id: str) -> RadioStrip:
        strip = self.panel.findChild(RadioStrip, f"radioStrip_{group_id}")
        assert strip is not None
        return strip

    def request(self, type_: str, payload: Any) -> Any:
        return self.aio.run(self.service.client.request(type_, payload))

    def settle(self) -> None:
        self.aio.run(self.radio.ptt.settled())

    def close(self) -> None:
        if isValid(self.window):
            self.window.close()
        self.aio.run(self.service.close())


@pytest.fixture
def seats(qtbot: Any, aio: Any, radio_backend: BundledBackend) -> Iterator[Any]:
    opened: list[RadioSeat] = []

    def open_seat(username: str) -> RadioSeat:
        seat = RadioSeat(qtbot, aio, radio_backend.url, username)
        opened.append(seat)
        return seat

    try:
        yield open_seat
    finally:
        for seat in opened:
            seat.close()


def key(widget: QWidget, kind: QEvent.Type, code: Qt.Key, repeat: bool = False) -> None:
    text = " " if code == Qt.Key.Key_Space else ""
    QApplication.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text, repeat))


def hold_key(widget: QWidget, code: Qt.Key, repeats: int = 3) -> None:
    """A key held down: a press, then auto-repeat release/press pairs (as X11 sends them)."""
    key(widget, QEvent.Type.KeyPress, code)
    for _ in range(repeats):
        key(widget, QEvent.Type.KeyRelease, code, repeat=True)
        key(widget, QEvent.Type.KeyPress, code, repeat=True)


def press_and_release(seat: RadioSeat, widget: QWidget, code: Qt.Key) -> None:
    """Hold the key (still keyed after the auto-repeats), then let it go."""
    hold_key(widget, code)
    seat.settle()
    assert seat.radio.ptt.keyed == seat.radio.prefs.selected
    key(widget, QEvent.Type.KeyRelease, code)


def console_talks(seat: RadioSeat, group_id: str) -> bool:
    talking = seat.radio.book.talking.get(group_id)
    return talking is not None and talking.unit_id == "console:operator1"


def test_the_ptt_button_keys_on_press_and_unkeys_on_release(seats: Any) -> None:
    seat = seats("operator1")
    strip = seat.strip_of("tg-district")
    seat.qtbot.mousePress(strip.ptt, Qt.MouseButton.LeftButton)
    seat.qtbot.waitUntil(lambda: console_talks(seat, "tg-district"))
    assert strip.talking.property("talking") is True and strip.ptt.property("keyed") is True
    assert seat.radio.prefs.selected == "tg-district"
    seat.qtbot.mouseRelease(strip.ptt, Qt.MouseButton.LeftButton)
    seat.qtbot.waitUntil(lambda: "tg-district" not in seat.radio.book.talking)
    seat.settle()
    assert seat.sent == [("tg-district", True), ("tg-district", False)]
    last = seat.radio.book.last["tg-district"]
    assert last.unit_id == "console:operator1" and last.ended_at is not None
    assert strip.ptt.property("keyed") is False and seat.speech.said == []  # its own voice is not played


def test_space_in_the_panel_and_f12_anywhere_key_once_however_long_they_are_held(seats: Any) -> None:
    seat = seats("operator1")
    city = seat.strip_of("tg-city")
    seat.qtbot.mouseClick(city.select, Qt.MouseButton.LeftButton)
    assert seat.radio.prefs.selected == "tg-city"

    press_and_release(seat, city.monitor, Qt.Key.Key_Space)  # on a control of the panel: no click
    seat.settle()
    assert seat.sent == [("tg-city", True), ("tg-city", False)]
    assert city.monitor.isChecked()  # Space went to the radio, not to the button

    press_and_release(seat, seat.elsewhere, Qt.Key.Key_F12)  # the window-wide key, from another place
    seat.settle()
    assert seat.sent == [("tg-city", True), ("tg-city", False)] * 2

    for field in (seat.elsewhere, seat.panel.emergencies.note):  # Space types in a text field
        hold_key(field, Qt.Key.Key_Space)
        key(field, QEvent.Type.KeyRelease, Qt.Key.Key_Space)
    seat.settle()
    assert len(seat.sent) == 4 and seat.radio.ptt.keyed is None
    assert seat.elsewhere.text() == "    " and seat.panel.emergencies.note.text() == "    "
    last = seat.radio.book.last["tg-city"]
    assert last.unit_id == "console:operator1" and last.ended_at is not None


def test_a_busy_floor_refuses_the_press_and_says_who_talks(seats: Any) -> None:
    trainer, seat = seats("trainer1"), seats("operator1")
    bridge = message.global_bridge()
    errors: list[str] = []
    bridge.shown.connect(lambda msg: errors.append(msg.text))
    bridge.attach_view()
    try:
        trainer.request(
            "sim.radio", cm.SimRadio(unit_id="unit-06", group_id="tg-emergency", text="正在处置", seconds=30)
        )
        strip = seat.strip_of("tg-emergency")
        seat.qtbot.waitUntil(lambda: strip.talking.property("talking") is True)
        assert "应急救援06 高峰 · 8006" in strip.talking.text()
        assert seat.speech.said == [("正在处置", "Severe")]

        seat.qtbot.mousePress(strip.ptt, Qt.MouseButton.LeftButton)
        seat.qtbot.waitUntil(lambda: "高峰" in strip.status.text())
        seat.qtbot.mouseRelease(strip.ptt, Qt.MouseButton.LeftButton)
        seat.settle()
    finally:
        bridge.detach_view()
    assert seat.sent == [("tg-emergency", True)]  # the release of a refused press sends nothing
    assert strip.ptt.property("keyed") is False and seat.radio.ptt.keyed is None
    assert any("Talk was refused" in text and "高峰" in text for text in errors)


def test_an_emergency_acknowledged_on_one_seat_clears_on_the_other(seats: Any) -> None:
    trainer, first, second = seats("trainer1"), seats("operator1"), seats("operator2")
    updates: list[cm.Emergency] = []
    second.service.eventReceived.connect(
        lambda event: (
            updates.append(event.payload.emergency)
            if isinstance(event.payload, cm.EmergencyUpdated)
            else None
        )
    )
    trainer.request(
        "sim.radio", cm.SimRadio(unit_id="unit-09", group_id="tg-town-320999002", emergency=True, seconds=1)
    )
    for seat in (first, second):
        box = seat.panel.emergencies
        seat.qtbot.waitUntil(lambda box=box: box.model.rowCount() == 1)
        assert box.isVisible() and box.is_blinking()
        assert seat.speech.said[0] == ("Emergency: 应急救援09 宋杰 on 东湖镇", "Extreme")
    box = first.panel.emergencies
    assert box.model.data(box.model.index(0, 1)) == "应急救援09 宋杰"
    seat_ack = first.panel.findChild(QWidget, "ackButton")
    first.qtbot.keyClicks(box.note, "crew on the way")
    first.qtbot.mouseClick(seat_ack, Qt.MouseButton.LeftButton)
    for seat in (first, second):
        seat.qtbot.waitUntil(lambda seat=seat: seat.panel.emergencies.model.rowCount() == 0)
        assert not seat.panel.emergencies.isVisible()
    first.qtbot.waitUntil(lambda: box.note.text() == "")  # once the answer is in: it was sent
    assert [(e.acked_by, e.note) for e in updates] == [(None, None), ("operator1", "crew on the way")]
    state: cm.RadioState = first.request("radio.state", cm.GetRadio())
    assert state.emergencies == []


def test_replay_speaks_the_last_transmission_again_and_shows_it(seats: Any) -> None:
    trainer, seat = seats("trainer1"), seats("operator1")
    trainer.request(
        "sim.radio",
        cm.SimRadio(unit_id="unit-04", group_id="tg-town-320999003", text="路面已清理", seconds=0.3),
    )
    strip = seat.strip_of("tg-town-320999003")
    seat.qtbot.waitUntil(
        lambda: "路面已清理" in strip.last.full_text and strip.talking.property("talking") is False
    )
    assert seat.speech.said == [("路面已清理", "Severe")]
    seat.qtbot.mouseClick(strip.replay, Qt.MouseButton.LeftButton)
    seat.qtbot.waitUntil(lambda: len(seat.speech.said) == 2)
    assert seat.speech.said[1] == ("路面已清理", "Severe")
    assert "路面已清理" in seat.panel.transcript.text() and "青山镇" in seat.panel.transcript.text()


def test_a_patch_from_the_dialog_shows_on_every_seat_until_unpatched(seats: Any) -> None:
    first, second = seats("operator1"), seats("operator2")
    first.qtbot.mouseClick(first.strip_of("tg-town-320999001").select, Qt.MouseButton.LeftButton)
    first.qtbot.mouseClick(first.panel.patch_button, Qt.MouseButton.LeftButton)
    first.qtbot.waitUntil(
        lambda: first.panel.patch_dialog is not None and first.panel.patch_dialog.isVisible()
    )
    dialog = first.panel.patch_dialog
    assert dialog is not None and dialog.chosen() == ["tg-town-320999001"]
    dialog.checks["tg-town-320999004"].setChecked(True)
    dialog.minutes.setValue(15)
    first.qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    for seat in (first, second):
        strip = seat.strip_of("tg-town-320999004")
        seat.qtbot.waitUntil(lambda strip=strip: "临江街道" in strip.patched.text())
        assert strip.unpatch.isVisibleTo(strip)
    first.qtbot.mouseClick(first.strip_of("tg-town-320999001").unpatch, Qt.MouseButton.LeftButton)
    for seat in (first, second):
        strip = seat.strip_of("tg-town-320999001")
        seat.qtbot.waitUntil(lambda strip=strip: not strip.unpatch.isVisibleTo(strip))
    assert first.radio.book.patches == {}
