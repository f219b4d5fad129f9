"""The radio strips: built from the backend's radio state, following transmissions and patches, the
seat's own select / monitor / mute / volume kept across a restart, and what the seat speaks."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.radio_prefs import load_radio_prefs
from app.radio_service import RadioService
from tests.ui.test_comms_radio_support import (
    RecordingSpeech,
    patch,
    radio_on_seat,
    radio_state,
    send_patch,
    send_transmission,
    shown_panel,
    transmission,
)
from widgets.radio_strip import RadioStrip

pytestmark = pytest.mark.usefixtures("qt_loop")


def strip_of(panel: Any, group_id: str) -> RadioStrip:
    strip = panel.findChild(RadioStrip, f"radioStrip_{group_id}")
    assert strip is not None, f"no strip for {group_id}"
    return strip


def test_strips_are_built_from_the_radio_state(qtbot: Any) -> None:
    state = radio_state(
        talking=[transmission(7, "tg-city", "收到，马上到")],
        last=[transmission(5, "tg-district", "东湖路口畅通", unit=("unit-01", "张三"), ended=True)],
        patches=[patch(3, ("tg-district", "tg-emergency"))],
    )
    radio, _speech = radio_on_seat(state)
    radio.radio_ids = {"unit-03": "R-1003"}
    radio.reset.emit()
    panel = shown_panel(qtbot, radio)

    assert list(panel.strips) == ["tg-district", "tg-city", "tg-emergency"]
    city = strip_of(panel, "tg-city")
    assert city.name.text() == "城管执法"
    assert city.talking.property("talking") is True
    assert "王五 · R-1003" in city.talking.text()
    assert city.talking_since == state.talking[0].started_at
    district = strip_of(panel, "tg-district")
    assert district.talking.property("talking") is False
    assert "张三: 东湖路口畅通" in district.last.full_text
    assert district.select.isChecked() and district.property("selected") is True  # the first, by default
    assert not city.select.isChecked()
    assert "应急救援" in district.patched.text() and district.unpatch.isVisibleTo(district)
    assert "区指挥调度" in strip_of(panel, "tg-emergency").patched.text()
    assert not city.patched.isVisibleTo(city) and not city.unpatch.isVisibleTo(city)
    for name in ("pttButton", "selectButton", "monitorButton", "muteButton", "replayButton"):
        assert city.findChild(QWidget, name) is not None, name
    assert panel.findChild(QWidget, "patchButton") is panel.patch_button


def test_a_transmission_highlights_the_unit_then_becomes_the_last(qtbot: Any) -> None:
    radio, speech = radio_on_seat()
    panel = shown_panel(qtbot, radio)
    city = strip_of(panel, "tg-city")
    assert city.talking.property("talking") is False

    send_transmission(radio, transmission(11, "tg-city", "二号路段有积水"))
    assert city.talking.property("talking") is True
    assert "王五" in city.talking.text()
    assert speech.said == [("二号路段有积水", "Severe")]  # monitored by default: heard

    send_transmission(radio, transmission(11, "tg-city", "二号路段有积水", ended=True))
    assert city.talking.property("talking") is False
    assert "王五: 二号路段有积水" in city.last.full_text
    assert city.last.toolTip() == city.last.full_text
    assert len(speech.said) == 1  # the end of the same transmission is not spoken again

    send_transmission(radio, transmission(10, "tg-city", "旧的", ended=True))  # older, arriving late
    assert "二号路段有积水" in city.last.full_text


def test_the_seat_speaks_only_groups_it_monitors_unmuted(qtbot: Any) -> None:
    radio, speech = radio_on_seat()
    panel = shown_panel(qtbot, radio)
    qtbot.mouseClick(strip_of(panel, "tg-city").mute, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(strip_of(panel, "tg-district").monitor, Qt.MouseButton.LeftButton)
    assert radio.prefs.for_group("tg-city").muted and not radio.prefs.for_group("tg-district").monitored

    send_transmission(radio, transmission(21, "tg-city", "静音组"))
    send_transmission(radio, transmission(22, "tg-district", "未监听组", unit=("unit-01", "张三")))
    own = transmission(23, "tg-emergency", "本席位讲话", unit=("console:operator1", "operator one"))
    send_transmission(radio, own)
    assert speech.said == []
    assert "operator one (console)" in strip_of(panel, "tg-emergency").talking.text()

    # Patched with the emergency group, which is heard: city traffic is heard there, once.
    send_patch(radio, patch(4, ("tg-city", "tg-emergency")))
    assert "应急救援" in strip_of(panel, "tg-city").patched.text()
    send_transmission(radio, transmission(24, "tg-city", "联合行动"))
    send_transmission(radio, transmission(24, "tg-emergency", "联合行动"))  # the copy on the partner
    assert speech.said == [("联合行动", "Severe")]

    send_patch(radio, patch(4, ("tg-city", "tg-emergency"), ended=True))
    assert not strip_of(panel, "tg-city").patched.isVisibleTo(panel)
    send_transmission(radio, transmission(25, "tg-city", "解除后"))
    assert len(speech.said) == 1


def test_a_silent_strip_says_nothing() -> None:
    radio, speech = radio_on_seat()
    radio.set_volume("tg-city", 0)
    send_transmission(radio, transmission(31, "tg-city", "听不见"))
    assert speech.said == []


def test_the_strip_settings_survive_a_restart(qtbot: Any) -> None:
    radio, _speech = radio_on_seat()
    panel = shown_panel(qtbot, radio)
    city = strip_of(panel, "tg-city")
    qtbot.mouseClick(city.select, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(city.mute, Qt.MouseButton.LeftButton)
    city.volume.setValue(35)
    qtbot.mouseClick(strip_of(panel, "tg-emergency").monitor, Qt.MouseButton.LeftButton)
    assert city.select.isChecked() and not strip_of(panel, "tg-district").select.isChecked()
    assert panel.on_air.text().endswith("城管执法")

    kept = load_radio_prefs()
    assert kept.selected == "tg-city"
    assert kept.for_group("tg-city").muted and kept.for_group("tg-city").volume == 35
    assert not kept.for_group("tg-emergency").monitored
    assert kept.for_group("tg-district").monitored and kept.for_group("tg-district").volume == 80

    again = RadioService(radio.seat, speech=RecordingSpeech())  # the seat started again
    again.apply_state(radio_state())
    restarted = shown_panel(qtbot, again)
    city = strip_of(restarted, "tg-city")
    assert city.select.isChecked() and city.mute.isChecked() and city.volume.value() == 35
    assert not strip_of(restarted, "tg-emergency").monitor.isChecked()


def test_a_lost_link_unkeys_the_console_and_its_release_sends_nothing(qtbot: Any, aio: Any) -> None:
    radio, _speech = radio_on_seat()
    panel = shown_panel(qtbot, radio)
    sent: list[tuple[str, bool]] = []
    radio.ptt.sent.connect(lambda group, on: sent.append((group, on)))
    assert radio.ptt.press() and radio.ptt.keyed == "tg-district"
    assert strip_of(panel, "tg-district").ptt.property("keyed") is True
    radio.seat.stateChanged.emit("reconnecting")
    assert radio.ptt.keyed is None and strip_of(panel, "tg-district").ptt.property("keyed") is False
    assert not radio.ptt.release()
    aio.run(radio.ptt.settled())
    assert sent == [("tg-district", True)]
