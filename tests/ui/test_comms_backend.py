"""The comms panel against a real backend (in-process server on a seeded SQLite file, the comms hub
with the simulated telephony, the message service), driven through its widgets: find a grid member by
pinyin initials and dial with Enter, drag a department onto the call and add it to the conference,
drop a party, hang up and find the call in the log; a blind transfer through the transfer dialog; a
broadcast to a town with receipts; a number nobody has fails with its reason, the panel stays usable.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app import message
from app.comms_service import CommsService
from app.seat_service import SeatService
from app.wall_service import WallService
from backend.comms.hub import CommsHub
from backend.comms.message_sim import MessageService
from backend.comms.sim_telephony import SimTelephony
from backend.passwords import hash_password
from backend.seed import seed_demo
from backend.server import Server
from backend.services import Service
from backend.store import Store
from client_api import wall_messages as wm
from client_api.client import SeatClient
from tests.e2e.seat_driver import type_text
from ui.comms_screen import CommsScreen
from widgets.comms_call_card import CallCard

ZHANG_WEI = "gm-32099900100102-1"  # 张伟, grid member (resources/demo/directory.json)
CITY_DUTY = "dept-D-CG"  # 区城市管理局值班室


@functools.cache
def _cached_hash(password: str) -> str:
    return hash_password(password)


@pytest.fixture
def server_url(aio: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr("backend.seed.hash_password", _cached_hash)
    store = aio.run(Store.open(f"sqlite:///{tmp_path}/comms.sqlite3"))
    assert aio.run(seed_demo(store))
    services: list[Service] = [
        CommsHub(adapter=SimTelephony(answer_delay=0.05, ring_timeout=60)),
        MessageService(receipt_delay=0.05),
    ]
    server = Server(store, port=0, services=services)
    aio.run(server.start())
    try:
        yield f"ws://127.0.0.1:{server.port}"
    finally:
        aio.run(server.close())
        aio.run(store.close())


def open_screen(aio: Any, qtbot: Any, url: str, username: str) -> CommsScreen:
    """A console's Comms place, logged in as ``username`` (with the wall, for pushing video)."""
    seat = SeatService(SeatClient(url, request_timeout=5))
    seat.start()
    aio.run(seat.client.wait_connected(10))
    aio.run(seat.login(username, "demo", f"S-{username}"))
    comms = CommsService(seat)
    shown = CommsScreen(comms, WallService(seat))
    qtbot.addWidget(shown)
    shown.resize(1400, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)  # the place's keys are shortcuts of the active window
    qtbot.waitUntil(lambda: comms.telephony is not None and bool(comms.directory.entries), timeout=10000)
    return shown


@pytest.fixture
def screen(aio: Any, qtbot: Any, server_url: str) -> Iterator[CommsScreen]:
    shown = open_screen(aio, qtbot, server_url, "operator1")
    yield shown
    shown.close()
    aio.run(shown.comms.seat.close())


def search(qtbot: Any, screen: CommsScreen, text: str) -> None:
    field = screen.directory.search
    field.clear()
    type_text(qtbot, field, text)
    qtbot.waitUntil(lambda: not screen.comms.directory.pending and screen.comms.directory.query.text == text)


def row_of(screen: CommsScreen, entry_id: str) -> int:
    row = screen.directory.model.row_of(entry_id)
    assert row is not None, f"{entry_id} is not in the directory's results"
    return row


def only_card(qtbot: Any, screen: CommsScreen, state: str) -> CallCard:
    qtbot.waitUntil(lambda: [c.call.state for c in screen.calls.cards.values()] == [state], timeout=10000)
    return next(iter(screen.calls.cards.values()))


def drop_entry(card: CallCard, screen: CommsScreen, entry_id: str) -> None:
    """Drag the directory's row of ``entry_id`` onto the card (offscreen has no drag loop: the events a
    drag delivers, with the directory model's own mime data)."""
    model = screen.directory.model
    data = model.mimeData([model.index(row_of(screen, entry_id), 1)])
    pos = card.rect().center()
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, copy, data, left, none)
    QApplication.sendEvent(card, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(card, QDragMoveEvent(pos, copy, data, left, none))
    QApplication.sendEvent(card, QDropEvent(QPointF(pos), copy, data, left, none))


def connected(card: CallCard) -> list[str]:
    return [p.entry_id or p.number for p in card.call.parties if p.state == "connected"]


def test_initials_dial_drag_into_a_conference_drop_a_party_hang_up(qtbot: Any, screen: CommsScreen) -> None:
    search(qtbot, screen, "zw")
    assert ZHANG_WEI in [e.id for e in screen.directory.model.entries]
    qtbot.keyClick(screen.directory.search, Qt.Key.Key_Return)  # to the results, not dialling yet
    qtbot.waitUntil(screen.directory.table.hasFocus)
    assert not screen.calls.cards
    screen.directory.table.selectRow(row_of(screen, ZHANG_WEI))
    qtbot.keyClick(screen.directory.table, Qt.Key.Key_Return)  # Enter dials the row
    card = only_card(qtbot, screen, "active")
    assert connected(card) == [ZHANG_WEI] and card.objectName() == f"callCard_{card.call.id}"
    search(qtbot, screen, "城市管理局值班")
    drop_entry(card, screen, CITY_DUTY)
    menu = screen.calls.call_actions.drop_menu
    assert menu is not None
    names = [a.objectName() for a in menu.actions()]
    assert names == ["dropTransferAction", "dropAttendedAction", "dropAddPartyAction"]
    qtbot.waitUntil(menu.isVisible)
    add = menu.actions()[2]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(add).center())  # Add to it
    assert not menu.isVisible()
    screen.activateWindow()  # offscreen has no window manager to give it back after the popup
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.waitUntil(lambda: connected(card) == [ZHANG_WEI, CITY_DUTY], timeout=10000)
    assert card.call.conference and "conference" in card.state_label.text()
    card.select_party(1)
    qtbot.mouseClick(
        card.findChild(type(card.controls.party_drop), "dropPartyButton"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: connected(card) == [CITY_DUTY], timeout=10000)
    qtbot.keyClick(card.controls.hangup, Qt.Key.Key_F10)  # the hang-up key of the place
    qtbot.waitUntil(lambda: not screen.calls.cards, timeout=10000)
    log = screen.calls.call_log.model
    qtbot.waitUntil(lambda: log.rowCount() == 1)
    ended = log.record_at(0)
    assert ended.result == "completed" and ended.owner == "operator1" and len(ended.parties) == 2


def test_blind_transfer_through_the_dialog(aio: Any, qtbot: Any, screen: CommsScreen) -> None:
    case = aio.run(screen.comms.seat.create_case("E0101", "滨江路 1 号", "路灯不亮"))
    chip = screen.case_chip
    qtbot.keyClicks(chip.number_edit, case.case_no)
    qtbot.keyClick(chip.number_edit, Qt.Key.Key_Return)
    assert screen.comms.case.case_id == case.id
    type_text(qtbot, screen.calls.dial_field, "13700001111")
    qtbot.keyClick(screen.calls.dial_field, Qt.Key.Key_Return)
    card = only_card(qtbot, screen, "active")
    assert card.call.case_id == case.id  # tied to the case in context
    qtbot.mouseClick(card.controls.transfer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.calls.call_actions.open_dialog is not None)
    dialog = screen.calls.call_actions.open_dialog
    assert dialog is not None and dialog.blind.isChecked()
    type_text(qtbot, dialog.search, "qcsgl")  # 区城市管理局… by its initials
    qtbot.waitUntil(lambda: any(e.id == CITY_DUTY for e in dialog.model.entries), timeout=10000)
    dialog.table.selectRow(dialog.model.row_of(CITY_DUTY) or 0)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.calls.cards, timeout=10000)
    log = screen.calls.call_log.model
    qtbot.waitUntil(lambda: log.rowCount() == 1)
    assert log.record_at(0).result == "transferred"


def test_unknown_and_unreachable_numbers_fail_with_their_reason(qtbot: Any, screen: CommsScreen) -> None:
    shown: list[str] = []
    bridge = message.global_bridge()
    bridge.shown.connect(lambda msg: shown.append(msg.text))
    bridge.attach_view()
    try:
        type_text(qtbot, screen.calls.dial_field, "abc")
        qtbot.keyClick(screen.calls.dial_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    finally:
        bridge.detach_view()
    assert shown == ["The call failed: 'abc' is not a phone number or a SIP address"]
    assert not screen.calls.cards and screen.calls.dial_field.text() == "abc"  # kept, to correct it
    screen.calls.dial_field.clear()
    type_text(qtbot, screen.calls.dial_field, "19990001111")
    qtbot.keyClick(screen.calls.dial_field, Qt.Key.Key_Return)
    card = only_card(qtbot, screen, "failed")
    assert "Unreachable" in card.state_label.text() and "19990001111" in card.state_label.text()
    assert screen.calls.dial_field.text() == ""
    qtbot.mouseClick(card.controls.dismiss, Qt.MouseButton.LeftButton)
    assert not screen.calls.cards and screen.calls.empty_note.isVisible()


def test_a_broadcast_to_a_town_collects_receipts(qtbot: Any, screen: CommsScreen) -> None:
    compose = screen.messages.compose
    compose.audience.setCurrentIndex(compose.audience.findData("town"))
    assert compose.town.count() > 0
    type_text(qtbot, compose.body, "今晚有大风，请各网格员巡查")
    qtbot.mouseClick(compose.send_button, Qt.MouseButton.LeftButton)
    model = screen.messages.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    sent = model.record_at(0)
    assert sent.receipts and all(r.entry_id.startswith("gm-") for r in sent.receipts)
    qtbot.waitUntil(lambda: compose.body.toPlainText() == "")  # cleared once the backend took it
    settled = ("delivered", "read", "failed")
    qtbot.waitUntil(lambda: all(r.state in settled for r in model.record_at(0).receipts), timeout=15000)
    assert screen.messages.receipts.message is not None
    assert screen.messages.receipts.rowCount() == len(sent.receipts)


def test_attended_transfer_talks_first_then_completes(qtbot: Any, screen: CommsScreen) -> None:
    type_text(qtbot, screen.calls.dial_field, "13700001111")
    qtbot.keyClick(screen.calls.dial_field, Qt.Key.Key_Return)
    first = only_card(qtbot, screen, "active")
    qtbot.mouseClick(first.controls.transfer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.calls.call_actions.open_dialog is not None)
    dialog = screen.calls.call_actions.open_dialog
    assert dialog is not None
    type_text(qtbot, dialog.number, "0512-66010003")  # 区水务局值班室, typed as a number
    dialog.attended.setChecked(True)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(screen.calls.cards) == 2, timeout=10000)
    consult = next(c for c in screen.calls.cards.values() if c is not first)
    qtbot.waitUntil(lambda: consult.call.state == "active" and first.call.held, timeout=10000)
    assert consult.call.consult_for == first.call.id and first.controls.hold.text() == "Resume"
    assert consult.controls.complete_transfer.isVisible()
    qtbot.mouseClick(consult.controls.complete_transfer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.calls.cards, timeout=10000)
    log = screen.calls.call_log.model
    qtbot.waitUntil(lambda: log.rowCount() == 2)
    assert {log.record_at(r).result for r in range(2)} == {"transferred"}


def test_a_supervisor_pushes_a_field_units_video_to_the_wall(aio: Any, qtbot: Any, server_url: str) -> None:
    shown = open_screen(aio, qtbot, server_url, "supervisor1")
    try:
        wall = shown.video.wall
        assert wall is not None
        qtbot.waitUntil(lambda: wall.state is not None, timeout=10000)
        shown.side.setCurrentWidget(shown.video)
        assert shown.video.push_button.isVisible()
        search(qtbot, shown, "cgzf01")  # 城管执法01 王勇, a field unit with a body camera
        shown.directory.table.selectRow(row_of(shown, "unit-01"))
        qtbot.mouseClick(shown.video.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: shown.video.model.rowCount() == 1, timeout=10000)
        session = shown.video.model.record_at(0)
        assert session.entry_id == "unit-01" and session.ended_at is None
        qtbot.waitUntil(lambda: session.camera_id in wall.cameras, timeout=10000)
        qtbot.mouseClick(shown.video.push_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: shown.video.push_dialog is not None)
        dialog = shown.video.push_dialog
        assert dialog is not None and dialog.monitor.count() >= 1 and dialog.tile.count() >= 1
        monitor, tile = dialog.choice() or (0, 0)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        pushed = wm.TileSource(kind="camera", ref=session.camera_id)

        def on_the_wall() -> bool:
            shown_monitor = wall.monitor(monitor)
            return shown_monitor is not None and shown_monitor.layout.tiles[tile].source == pushed

        qtbot.waitUntil(on_the_wall, timeout=10000)
        qtbot.mouseClick(shown.video.end_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: shown.video.model.record_at(0).ended_at is not None, timeout=10000)
    finally:
        shown.close()
        aio.run(shown.comms.seat.close())
