"""A call card in each state: what it shows and which controls it offers; its buttons' requests; a
directory row dropped on it (the drag events a drag delivers, with the directory model's own mime
data) and the menu that asks what to do with the entry."""

from __future__ import annotations

import time
from typing import Any

import msgspec
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.test_comms_support import CITY_DUTY, ENTRIES, NOW, call, conference
from widgets.comms_call_card import CallCard
from widgets.directory_table_model import DirectoryTableModel


def make_card(qtbot: Any, comms_call: Any) -> CallCard:
    card = CallCard(comms_call)
    qtbot.addWidget(card)
    card.resize(560, 300)
    card.show()
    qtbot.waitExposed(card)
    return card


def shown(card: CallCard) -> dict[str, bool]:
    """Which buttons the operator can press now, by objectName."""
    buttons = card.controls.findChildren(QWidget)
    return {b.objectName(): b.isVisible() and b.isEnabled() for b in buttons if b.objectName()}


def test_an_incoming_call_rings_with_answer_and_reject(qtbot: Any) -> None:
    card = make_card(qtbot, call(1, state="ringing", direction="in", owner=""))
    assert card.objectName() == "callCard_1" and card.ringing
    live = shown(card)
    assert live["answerButton"] and live["hangupButton"]
    assert not live["holdButton"] and not live["transferButton"] and not live["dismissButton"]
    assert card.controls.hangup.text() == "Reject"
    kinds = {card.property("kind")}

    def pulsed() -> bool:
        kinds.add(card.property("kind"))
        return len(kinds) > 1

    qtbot.waitUntil(pulsed)  # the border pulses
    assert kinds == {"ringing", "ringing_off"}
    with qtbot.waitSignal(card.answerRequested) as answer:
        qtbot.mouseClick(card.controls.answer, Qt.MouseButton.LeftButton)
    assert answer.args == [1]
    card.show_call(call(1, direction="in"))
    assert not card.ringing and card.property("kind") == "active"


def test_a_connected_call_holds_mutes_transfers_and_hangs_up(qtbot: Any) -> None:
    card = make_card(qtbot, call(2, case_id=42, answered_at=time.time() - 30))
    live = shown(card)
    for name in (
        "holdButton",
        "muteButton",
        "transferButton",
        "addPartyButton",
        "lockButton",
        "hangupButton",
    ):
        assert live[name], name
    assert not live["answerButton"] and not live["completeTransferButton"]
    assert not live["dropPartyButton"]  # no party selected yet
    assert card.case_label.text() == "Case 42" and card.timer_label.text() in ("00:30", "00:31")
    with qtbot.waitSignal(card.holdRequested) as hold:
        qtbot.mouseClick(card.controls.hold, Qt.MouseButton.LeftButton)
    assert hold.args == [2, True]
    card.show_call(call(2, state="held", held=True))
    assert card.controls.hold.text() == "Resume" and card.property("kind") == "held"
    assert not card.controls.mute.isEnabled()
    with qtbot.waitSignal(card.holdRequested) as resume:
        qtbot.mouseClick(card.controls.hold, Qt.MouseButton.LeftButton)
    assert resume.args == [2, False]
    with qtbot.waitSignal(card.transferRequested) as transfer:
        qtbot.mouseClick(card.controls.transfer, Qt.MouseButton.LeftButton)
    assert transfer.args == [2]
    with qtbot.waitSignal(card.hangupRequested) as hangup:
        qtbot.mouseClick(card.controls.hangup, Qt.MouseButton.LeftButton)
    assert hangup.args == [2]


def test_a_conference_mutes_and_drops_the_selected_party_and_locks(qtbot: Any) -> None:
    card = make_card(qtbot, conference(7))
    assert "conference" in card.state_label.text() and card.parties.rowCount() == 3
    card.select_party(2)
    assert shown(card)["dropPartyButton"] and shown(card)["mutePartyButton"]
    with qtbot.waitSignal(card.partyMuteRequested) as mute:
        qtbot.mouseClick(card.controls.party_mute, Qt.MouseButton.LeftButton)
    assert mute.args == [7, 2, True]
    with qtbot.waitSignal(card.partyDropRequested) as drop:
        qtbot.mouseClick(card.controls.party_drop, Qt.MouseButton.LeftButton)
    assert drop.args == [7, 2]
    locked = conference(7, locked=True)
    card.show_call(locked)
    assert not card.controls.add_party.isEnabled() and card.controls.lock.text() == "Unlock"
    with qtbot.waitSignal(card.lockRequested) as unlock:
        qtbot.mouseClick(card.controls.lock, Qt.MouseButton.LeftButton)
    assert unlock.args == [7, False]
    gone = msgspec.structs.replace(locked.parties[1], state="left", result="completed", left_at=NOW)
    card.show_call(msgspec.structs.replace(locked, parties=(locked.parties[0], gone, locked.parties[2])))
    assert not card.controls.party_drop.isEnabled()  # party 2, still selected, has left


def test_a_failed_call_says_why_and_waits_to_be_closed(qtbot: Any) -> None:
    failed = call(
        5, state="failed", result="unknown_number", answered_at=None, ended_at=NOW, reason="号码不存在"
    )
    card = make_card(qtbot, failed)
    assert card.finished and card.property("kind") == "failed"
    assert "Unknown number" in card.state_label.text() and "号码不存在" in card.state_label.text()
    live = shown(card)
    assert live["dismissButton"] and not live["hangupButton"] and not live["holdButton"]
    with qtbot.waitSignal(card.dismissRequested) as dismiss:
        qtbot.mouseClick(card.controls.dismiss, Qt.MouseButton.LeftButton)
    assert dismiss.args == [5]


def test_the_consultation_leg_completes_the_attended_transfer(qtbot: Any) -> None:
    card = make_card(qtbot, call(9, consult_for=8))
    assert shown(card)["completeTransferButton"] and not shown(card)["transferButton"]
    assert "consulting for call 8" in card.state_label.text()
    with qtbot.waitSignal(card.completeTransferRequested) as complete:
        qtbot.mouseClick(card.controls.complete_transfer, Qt.MouseButton.LeftButton)
    assert complete.args == [8, 9]


def drag_row_onto(card: CallCard, model: DirectoryTableModel, row: int) -> tuple[bool, bool]:
    """Drag a directory row onto the card: (entered accepted, dropped accepted)."""
    data = model.mimeData([model.index(row, 1)])
    pos = card.rect().center()
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, copy, data, left, none)
    QApplication.sendEvent(card, enter)
    if not enter.isAccepted():
        return False, False
    QApplication.sendEvent(card, QDragMoveEvent(pos, copy, data, left, none))
    assert card.drop_highlight
    drop = QDropEvent(QPointF(pos), copy, data, left, none)
    QApplication.sendEvent(card, drop)
    return True, drop.isAccepted()


def test_a_directory_row_dropped_on_a_call_names_the_entry(qtbot: Any) -> None:
    card = make_card(qtbot, call(3))
    model = DirectoryTableModel()
    model.set_entries(ENTRIES)
    with qtbot.waitSignal(card.entryDropped) as dropped:
        assert drag_row_onto(card, model, 0) == (True, True)
    call_id, entry, where = dropped.args
    assert call_id == 3 and entry == CITY_DUTY and isinstance(where, QPoint)
    assert not card.drop_highlight
    QApplication.sendEvent(card, QDragLeaveEvent())
    card.show_call(call(3, state="ended", result="completed", ended_at=NOW))
    with qtbot.assertNotEmitted(card.entryDropped):
        assert drag_row_onto(card, model, 0) == (False, False)  # a finished call takes nobody
