"""The Comms place on a seat that never connects (the test delivers what the backend would send): the
case in context (typed, cleared, following the Cases place and intake), a card per call with the
ringing marked on the tab, the place's keys, composing a message, and video controls by role."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.comms_service import CommsService
from app.seat_service import SeatService
from client_api import comms_messages as cm
from tests.ui.test_comms_support import (
    ENTRIES,
    ZHANG_WEI,
    call,
    case,
    comms_service,
    deliver,
    deliver_call,
    session,
)
from tests.ui.test_wall_support import signed_in_seat
from ui.comms_screen import CommsScreen
from ui.main_window import MainWindow

TEMPLATE = cm.MessageTemplate(
    id="onsite", title="网格员核查", body="请到{address}核实（案件{case_id}）", medium="im"
)


def show(qtbot: Any, comms: CommsService) -> CommsScreen:
    screen = CommsScreen(comms)
    qtbot.addWidget(screen)
    screen.resize(1400, 800)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    return screen


@pytest.fixture
def seat_and_screen(qtbot: Any, qt_loop: Any) -> Iterator[tuple[SeatService, CommsScreen]]:
    seat, comms = comms_service()
    seat.cases.upsert(case(41, "BJ20260041"))
    seat.cases.upsert(case(42, "BJ20260042", address="滨江路 8 号"))
    screen = show(qtbot, comms)
    comms.directory.entries = list(ENTRIES)
    comms.directory.known = {e.id: e for e in ENTRIES}
    comms.directory.resultsChanged.emit(comms.directory.entries)
    yield seat, screen
    screen.close()


def test_the_case_chip_takes_a_typed_number_and_clears(qtbot: Any, seat_and_screen: Any) -> None:
    _seat, screen = seat_and_screen
    chip = screen.case_chip
    assert chip.label.text() == "Case: none" and not chip.clear_button.isEnabled()
    qtbot.keyClicks(chip.number_edit, "0042")  # the last digits of one case
    qtbot.keyClick(chip.number_edit, Qt.Key.Key_Return)
    assert screen.comms.case.case_id == 42 and chip.label.text() == "Case: BJ20260042"
    assert chip.number_edit.text() == ""
    qtbot.keyClicks(chip.number_edit, "9999")
    qtbot.keyClick(chip.number_edit, Qt.Key.Key_Return)
    assert screen.comms.case.case_id == 42 and chip.number_edit.text() == "9999"  # no such case
    qtbot.mouseClick(chip.clear_button, Qt.MouseButton.LeftButton)
    assert screen.comms.case.case_id is None and chip.label.text() == "Case: none"


def test_a_card_per_call_and_the_keys_act_on_the_current_one(qtbot: Any, seat_and_screen: Any) -> None:
    seat, screen = seat_and_screen
    with qtbot.waitSignal(screen.ringingChanged) as ringing:
        deliver_call(seat, call(5, state="ringing", owner="", direction="in"))
    assert ringing.args == [True] and screen.calls.current_call_id == 5
    card = screen.calls.cards[5]
    with qtbot.waitSignal(card.answerRequested) as answer:
        qtbot.keyClick(screen.directory.search, Qt.Key.Key_F8)
    assert answer.args == [5]
    with qtbot.waitSignal(screen.ringingChanged) as answered:
        deliver_call(seat, call(5, direction="in"))
    assert answered.args == [False]
    deliver_call(seat, call(6))
    assert list(screen.calls.cards) == [5, 6] and screen.calls.current_call_id == 6  # the newest
    attach = screen.calls.cards[6].controls.attach_case
    assert attach.isHidden()
    screen.set_case(41)
    assert not attach.isHidden()
    with qtbot.waitSignal(screen.calls.cards[6].attachRequested) as attached:
        qtbot.mouseClick(attach, Qt.MouseButton.LeftButton)
    assert attached.args == [6]
    deliver_call(seat, call(6, case_id=41))
    assert attach.isHidden() and screen.calls.cards[6].case_label.text() == "Case BJ20260041"
    qtbot.mouseClick(screen.calls.cards[5], Qt.MouseButton.LeftButton)
    assert screen.calls.current_call_id == 5  # the one clicked
    with qtbot.waitSignal(screen.calls.cards[5].holdRequested) as hold:
        qtbot.keyClick(screen.directory.search, Qt.Key.Key_F9)
    assert hold.args == [5, True]
    with qtbot.waitSignal(screen.calls.cards[5].hangupRequested) as hangup:
        qtbot.keyClick(screen.directory.search, Qt.Key.Key_F10)
    assert hangup.args == [5]
    deliver_call(seat, call(5, state="ended", result="completed", direction="in"))
    assert list(screen.calls.cards) == [6] and screen.calls.call_log.model.rowCount() == 1
    qtbot.keyClick(screen.directory.search, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert screen.calls.dial_field.hasFocus()


def test_a_message_to_people_from_the_directory_with_a_template(qtbot: Any, seat_and_screen: Any) -> None:
    seat, screen = seat_and_screen
    screen.comms.case.set_case(42)
    compose = screen.messages.compose
    deliver(seat, "message.updated", cm.MessageUpdated(message=_sent(1)))  # events reach the list
    assert screen.messages.model.rowCount() == 1
    screen.comms.messaging.templates = [TEMPLATE]
    screen.comms.messaging.templatesChanged.emit([TEMPLATE])
    table = screen.directory.table
    row = screen.directory.model.row_of(ZHANG_WEI.id)
    assert row is not None
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(row, 1)).center(),
    )
    qtbot.mouseClick(compose.add_recipients, Qt.MouseButton.LeftButton)
    assert compose.recipients == [ZHANG_WEI] and compose.recipients_label.text() == "张伟"
    compose.template.setCurrentIndex(1)
    compose.template.activated.emit(1)
    assert compose.body.toPlainText() == "请到滨江路 8 号核实（案件BJ20260042）"
    assert compose.medium.currentData() == "im"
    request = compose.request()
    assert request == cm.SendMessage(
        medium="im", body="请到滨江路 8 号核实（案件BJ20260042）", entry_ids=[ZHANG_WEI.id], case_id=42,
        template_id="onsite",
    )  # fmt: skip
    compose.audience.setCurrentIndex(compose.audience.findData("group"))
    compose.group.setEditText("tg-town-320999001")
    request = compose.request()
    assert request is not None and request.group_id == "tg-town-320999001" and request.entry_ids == []


def _sent(msg_id: int) -> cm.Message:
    return cm.Message(
        id=msg_id, medium="sms", sender="operator1", body="测试", audience="张伟", sent_at=1.0,
        receipts=(cm.Receipt(entry_id=ZHANG_WEI.id, name="张伟", address=ZHANG_WEI.phone, state="sent"),),
    )  # fmt: skip


@pytest.mark.parametrize(("role", "may_push"), [("supervisor", True), ("operator", False)])
def test_video_sessions_push_to_the_wall_only_for_wall_roles(
    qtbot: Any, qt_loop: Any, role: str, may_push: bool
) -> None:
    seat = signed_in_seat(role)
    window = MainWindow(seat)
    qtbot.addWidget(window)
    video = window.comms_screen.video
    deliver(seat, "video.updated", cm.VideoUpdated(session=session(3)))
    assert video.model.rowCount() == 1 and video.selected() is not None
    assert video.end_button.isEnabled()
    assert (not video.push_button.isHidden()) is may_push
    deliver(seat, "video.updated", cm.VideoUpdated(session=session(3, ended=True)))
    assert not video.end_button.isEnabled() and not video.push_button.isEnabled()
    window.close()


def test_the_main_window_puts_the_selected_or_created_case_in_context(qtbot: Any, qt_loop: Any) -> None:
    seat = signed_in_seat("operator")
    seat.cases.upsert(case(41, "BJ20260041"))
    seat.cases.upsert(case(42, "BJ20260042"))
    window = MainWindow(seat)
    qtbot.addWidget(window)
    comms = window.comms
    row = window.cases.proxy.row_of_case(41)
    assert row is not None
    window.cases.table.selectRow(row)
    assert comms.case.case_id == 41
    window.intake.form.caseCreated.emit(case(43, "BJ20260043"))
    assert comms.case.case_id == 43
    with qtbot.waitSignal(window.comms_screen.ringingChanged):
        deliver_call(seat, call(8, state="ringing", owner="", direction="in"))
    comms_tab = window.tabs.indexOf(window.comms_screen)
    assert window.tabs.tabText(comms_tab) == "☎ Comms"
    deliver_call(seat, call(8, owner="operator2", direction="in"))  # another seat answered
    assert window.tabs.tabText(comms_tab) == "Comms"
    window.close()


def test_a_missed_call_leaves_every_seat_but_a_failed_dial_stays(qtbot: Any, seat_and_screen: Any) -> None:
    seat, screen = seat_and_screen
    deliver_call(seat, call(11, state="ringing", owner="", direction="in"))
    assert list(screen.calls.cards) == [11]
    deliver_call(seat, call(11, state="failed", owner="", direction="in", result="no_answer"))
    assert screen.calls.cards == {} and screen.calls.call_log.model.rowCount() == 1
    deliver_call(seat, call(12, state="failed", result="busy", reason="对方忙"))
    card = screen.calls.cards[12]
    assert "Line busy" in card.state_label.text() and not card.controls.dismiss.isHidden()
