"""Converged communications end to end, on a real backend process (simulated telephony, radio and
message delivery) with a real console offscreen, driven through its widgets:

an operator creates a case at intake (it becomes the case in context), goes to the Comms place, finds a
grid member by pinyin initials and calls them, transfers the call to a department; calls again and
builds a three-party conference by dragging directory rows onto the call, drops one party, hangs up;
keys the radio with the PTT button; acknowledges an emergency button pressed by a field unit; sends a
broadcast to every grid member of a town and watches the receipts come in. All of it is in the case's
record: its timeline has the calls, the radio transmission and the message.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from app.bundled_backend import BundledBackend
from client_api import comms_messages as cm
from client_api import intake_messages as im
from client_api.client import SeatClient
from tests.e2e.seat_driver import Seat, type_text
from tests.ui.test_comms_backend import connected, drop_entry, only_card, row_of, search
from ui.comms.radio_panel import RadioPanel
from ui.comms_screen import CommsScreen
from ui.main_window import MainWindow
from widgets.comms_call_card import CallCard
from widgets.radio_strip import RadioStrip

ZHANG_WEI = "gm-32099900100102-1"  # 张伟, grid member of 滨江社区 (resources/demo/directory.json)
CITY_DUTY = "dept-D-CG"  # 区城市管理局值班室
WATER_DUTY = "dept-D-SW"  # 区水务局值班室
TOWN = "320999001"  # 临江街道
WAIT = 15000


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[BundledBackend]:
    process = BundledBackend(
        tmp_path / "server-data",
        extra_args=[
            "--simulate-radio",
            "--sim-radio-interval",
            "0",  # no scripted traffic taking the floor under the test
            "--sim-answer-delay",
            "0.3",
            "--sim-receipt-delay",
            "0.3",
        ],
    )
    process.start()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture
def trainer(aio: Any, backend: BundledBackend) -> Iterator[SeatClient]:
    """The drill side: a field unit presses its emergency button through the radio simulator."""
    client = SeatClient(backend.url)
    client.start()
    aio.run(client.wait_connected(10))
    aio.run(client.login("trainer1", "demo", "TRN"))
    yield client
    aio.run(client.close())


@pytest.fixture
def seat(qtbot: Any, aio: Any, backend: BundledBackend) -> Iterator[Seat]:
    opened = Seat(qtbot, backend.url)
    yield opened
    if opened.window is not None:
        opened.window.close()
    aio.run(opened.service.close())


def comms_place(qtbot: Any, window: MainWindow) -> CommsScreen:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    screen = window.comms_screen
    assert window.tabs.currentWidget() is screen
    comms = screen.comms
    qtbot.waitUntil(lambda: comms.telephony is not None and bool(comms.directory.entries), timeout=WAIT)
    assert comms.telephony is not None and comms.telephony.state == "simulated"
    return screen


def reactivate(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()  # offscreen has no window manager to give it back after a popup
    qtbot.waitUntil(window.isActiveWindow)


def click_menu_action(qtbot: Any, screen: CommsScreen, name: str) -> None:
    menu = screen.calls.call_actions.drop_menu
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.objectName() == name)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def call_zhang_wei(qtbot: Any, screen: CommsScreen) -> CallCard:
    search(qtbot, screen, "zw")  # 张伟 by the initials of his name
    screen.directory.table.selectRow(row_of(screen, ZHANG_WEI))
    qtbot.keyClick(screen.directory.table, Qt.Key.Key_Return)  # Enter dials the row
    card = only_card(qtbot, screen, "active")
    assert connected(card) == [ZHANG_WEI]
    return card


def test_calls_conference_radio_emergency_and_broadcast_all_on_the_case(
    qtbot: Any, aio: Any, seat: Seat, trainer: SeatClient
) -> None:
    window = seat.log_in("operator1", "demo", "SEAT-C1")
    seat.create_case("E0101", "滨江路 12 号", "路灯不亮，网格员需到场核实")
    qtbot.waitUntil(lambda: window.comms.case.case_id is not None, timeout=WAIT)
    case_id = window.comms.case.case_id
    assert case_id is not None
    screen = comms_place(qtbot, window)
    assert screen.case_chip.isVisible()

    # a grid member by initials, then a blind transfer to the city-management duty room
    card = call_zhang_wei(qtbot, screen)
    assert card.call.case_id == case_id
    first_call = card.call.id
    qtbot.mouseClick(card.controls.transfer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.calls.call_actions.open_dialog is not None)
    dialog = screen.calls.call_actions.open_dialog
    assert dialog is not None and dialog.blind.isChecked()
    type_text(qtbot, dialog.search, "qcsgl")  # 区城市管理局… by its initials
    qtbot.waitUntil(lambda: dialog.model.row_of(CITY_DUTY) is not None, timeout=WAIT)
    dialog.table.selectRow(dialog.model.row_of(CITY_DUTY) or 0)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.calls.cards, timeout=WAIT)
    reactivate(qtbot, window)

    # a three-party conference: 张伟, then two duty rooms dragged onto the call; one is dropped
    card = call_zhang_wei(qtbot, screen)
    for entry_id, text in ((CITY_DUTY, "城市管理局值班"), (WATER_DUTY, "水务局值班")):
        search(qtbot, screen, text)
        drop_entry(card, screen, entry_id)
        click_menu_action(qtbot, screen, "dropAddPartyAction")
        reactivate(qtbot, window)
        qtbot.waitUntil(lambda entry_id=entry_id: entry_id in connected(card), timeout=WAIT)
    assert connected(card) == [ZHANG_WEI, CITY_DUTY, WATER_DUTY] and card.call.conference
    card.select_party(next(p.id for p in card.call.parties if p.entry_id == CITY_DUTY))
    qtbot.mouseClick(card.findChild(QWidget, "dropPartyButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: connected(card) == [ZHANG_WEI, WATER_DUTY], timeout=WAIT)
    qtbot.mouseClick(card.controls.hangup, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.calls.cards, timeout=WAIT)
    log = screen.calls.call_log.model
    qtbot.waitUntil(lambda: log.rowCount() == 2, timeout=WAIT)
    results = {log.record_at(r).id: log.record_at(r).result for r in range(2)}
    assert results[first_call] == "transferred" and set(results.values()) == {"transferred", "completed"}

    # the radio: a transmission from the PTT button, tied to the case in context
    radio, panel = window.radio, screen.radio_panel
    assert isinstance(panel, RadioPanel)
    strip = panel.findChild(RadioStrip, "radioStrip_tg-district")
    assert strip is not None
    qtbot.waitUntil(lambda: radio.ptt.case_id == case_id)
    qtbot.mousePress(strip.ptt, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "tg-district" in radio.book.talking, timeout=WAIT)
    assert radio.book.talking["tg-district"].unit_id == "console:operator1"
    qtbot.mouseRelease(strip.ptt, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "tg-district" not in radio.book.talking, timeout=WAIT)

    # an emergency button on a field unit: it shows on the panel until acknowledged
    aio.run(trainer.request("sim.radio", cm.SimRadio(unit_id="unit-03", group_id="tg-city", emergency=True)))
    box = panel.emergencies
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=WAIT)
    assert box.isVisible() and box.is_blinking()
    type_text(qtbot, box.note, "已派人")
    qtbot.mouseClick(box.findChild(QWidget, "ackButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.model.rowCount() == 0, timeout=WAIT)
    state: cm.RadioState = aio.run(trainer.request("radio.state", cm.GetRadio()))
    assert state.emergencies == []

    # a broadcast to every grid member of a town, with its receipts
    compose = screen.messages.compose
    screen.side.setCurrentWidget(screen.messages)
    compose.audience.setCurrentIndex(compose.audience.findData("town"))
    compose.town.setCurrentIndex(compose.town.findData(TOWN))
    type_text(qtbot, compose.body, "今晚有大风，请各网格员巡查")
    qtbot.mouseClick(compose.send_button, Qt.MouseButton.LeftButton)
    messages = screen.messages.model
    qtbot.waitUntil(lambda: messages.rowCount() == 1, timeout=WAIT)
    sent = messages.record_at(0)
    assert sent.case_id == case_id and len(sent.receipts) > 3
    assert all(r.entry_id.startswith("gm-") for r in sent.receipts)
    settled = ("delivered", "read", "failed")
    qtbot.waitUntil(lambda: all(r.state in settled for r in messages.record_at(0).receipts), timeout=WAIT)
    assert any(r.state == "delivered" for r in messages.record_at(0).receipts)

    # the case's record
    detail: im.CaseDetail = aio.run(
        seat.service.client.request("case.detail", im.GetCaseDetail(case_id=case_id))
    )
    actions = [entry.action for entry in detail.timeline]
    assert actions.count("comms_call") == 2
    assert actions.count("radio") == 1 and actions.count("comms_message") == 1
    notes = " ".join(entry.note or "" for entry in detail.timeline)
    assert "张伟" in notes and "区水务局值班室" in notes
