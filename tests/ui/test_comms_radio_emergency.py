"""Radio emergencies on the console: the red list blinks and sounds the alarm until a seat
acknowledges; an acknowledgement by any seat (its event) clears it here."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from tests.ui.test_comms_radio_support import (
    emergency,
    radio_on_seat,
    radio_state,
    send_emergency,
    shown_panel,
)
from widgets.radio_emergency_model import EMERGENCY_ROLE, RadioEmergencyModel

pytestmark = pytest.mark.usefixtures("qt_loop")


def test_the_emergency_model_follows_row_by_row(qtmodeltester: Any) -> None:
    names = {"tg-city": "城管执法"}
    model = RadioEmergencyModel(lambda group_id: names.get(group_id, group_id))
    qtmodeltester.check(model)
    model.put(emergency(2))
    model.put(emergency(1))  # pressed earlier, arriving later: it goes first
    assert [model.emergency_at(r).id for r in range(model.rowCount())] == [1, 2]
    model.put(emergency(2, "tg-other"))  # a new version of a row
    assert model.rowCount() == 2 and model.data(model.index(1, 2)) == "tg-other"
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "王五"
    assert model.data(model.index(0, 2)) == "城管执法"
    assert model.data(model.index(0, 3)) == "30.51234, 120.12345"
    assert model.data(model.index(0, 0), EMERGENCY_ROLE).id == model.emergency_at(0).id
    model.remove(1)
    assert model.rowCount() == 1 and model.emergency_at(0).id == 2
    qtmodeltester.check(model)


def test_an_emergency_blinks_and_sounds_until_another_seat_acknowledges_it(qtbot: Any) -> None:
    radio, speech = radio_on_seat()
    panel = shown_panel(qtbot, radio)
    box = panel.emergencies
    view = panel.findChild(QTableView, "emergencyList")
    assert view is box.view and not box.isVisible()

    send_emergency(radio, emergency(5))
    assert box.isVisible() and box.is_blinking()
    assert view.model().rowCount() == 1
    assert view.model().data(view.model().index(0, 2)) == "城管执法"
    assert speech.said == [("Emergency: 王五 on 城管执法", "Extreme")]  # the queue plays the chime first
    qtbot.waitUntil(lambda: box.property("lit") is True)  # blinking, not merely red

    send_emergency(radio, emergency(5))  # the same one again (a replayed event): no second alarm
    assert len(speech.said) == 1 and view.model().rowCount() == 1

    send_emergency(radio, emergency(5, acked_by="operator2"))
    assert view.model().rowCount() == 0
    assert not box.isVisible() and not box.is_blinking()
    assert radio.book.emergencies == {}


def test_emergencies_waiting_at_login_are_shown_and_sounded_once(qtbot: Any) -> None:
    radio, speech = radio_on_seat(radio_state(emergencies=[emergency(8), emergency(9, "tg-district")]))
    panel = shown_panel(qtbot, radio)
    assert panel.emergencies.model.rowCount() == 2
    assert [text for text, _sev in speech.said] == [
        "Emergency: 王五 on 城管执法",
        "Emergency: 王五 on 区指挥调度",
    ]
    radio.apply_state(radio_state(emergencies=[emergency(9, "tg-district")]))  # reconnected: 8 was acked
    assert panel.emergencies.model.rowCount() == 1 and len(speech.said) == 2
    assert radio.voice.alarms == 2


def test_acknowledge_goes_for_the_selected_emergency_with_its_note(qtbot: Any) -> None:
    radio, _speech = radio_on_seat(radio_state(emergencies=[emergency(8), emergency(9)]))
    panel = shown_panel(qtbot, radio)
    box = panel.emergencies
    asked: list[tuple[int, str]] = []
    box.ackRequested.disconnect()
    box.ackRequested.connect(lambda eid, note: asked.append((eid, note)))
    qtbot.keyClicks(box.note, " crew sent ")
    qtbot.mouseClick(box.ack, Qt.MouseButton.LeftButton)
    box.view.selectRow(1)
    qtbot.mouseClick(box.ack, Qt.MouseButton.LeftButton)
    assert asked == [(8, "crew sent"), (9, "crew sent")]  # the oldest when none is selected
