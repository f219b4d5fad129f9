"""The alerts in the main window: the banner above the places, Ctrl+Shift+A, Details and "+N more" open
the alert center, and Seat → Alert sound… saves and applies the speech settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.alerts_service import AlertsService
from app.seat_service import SeatService
from app.settings import Settings, load_settings
from client_api import messages as m
from client_api.client import SeatClient
from tests.ui.test_alert_support import make_alert
from ui.alerts.ack_dialog import AckDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, qt_loop: Any) -> Iterator[MainWindow]:
    service = SeatService(SeatClient("ws://127.0.0.1:9"))  # never connected: records are applied here
    alerts = AlertsService(service, Settings(speech_muted=True))
    shown = MainWindow(service, alerts=alerts)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    service.client.operator = m.Operator("operator1", "张三", "operator")
    yield shown
    shown.close()


def test_the_banner_sits_above_the_places_and_opens_the_alert_center(qtbot: Any, window: MainWindow) -> None:
    assert window.tabs.tabText(2) == "Alerts" and window.tabs.widget(2) is window.alerts_screen
    extreme, severe = make_alert(severity="Extreme"), make_alert(severity="Severe")
    for alert in (extreme, severe, make_alert(severity="Minor", state="acknowledged")):
        window.alerts.apply(alert)
    assert window.banner.isVisible() and window.banner.geometry().bottom() < window.tabs.geometry().top()
    qtbot.mouseClick(window.banner.buttons["details"], Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.alerts_screen
    assert window.alerts_screen.detail_pane.alert == extreme
    window.alerts_screen.filter_bar.search.setText("没有这样的预警")
    qtbot.waitUntil(lambda: window.alerts_screen.proxy.rowCount() == 0)
    assert window.alerts_screen.select_alert(severe.id)  # the filter gives way to a chosen alert
    assert window.alerts_screen.detail_pane.alert == severe
    window.tabs.setCurrentIndex(0)
    qtbot.mouseClick(window.banner.more, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.alerts_screen
    qtbot.waitUntil(lambda: window.alerts_screen.proxy.rowCount() == 2)  # the unacknowledged ones


def test_ctrl_shift_a_asks_the_reason_for_the_top_alert(qtbot: Any, window: MainWindow) -> None:
    top = make_alert(severity="Extreme", headline="危化品泄漏")
    window.alerts.apply(make_alert(severity="Severe"))
    window.alerts.apply(top)
    window.activateWindow()
    description = window.intake.form.description  # where the form's own Ctrl+Shift+A (attach) lives
    description.setFocus()
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(description, Qt.Key.Key_A, both)  # no "ambiguous shortcut" warning: the alert wins
    qtbot.waitUntil(lambda: isinstance(window.alert_actions.open_dialog, AckDialog))
    dialog = window.alert_actions.open_dialog
    assert isinstance(dialog, AckDialog) and dialog.alert == top
    dialog.reject()
    qtbot.waitUntil(lambda: window.alert_actions.open_dialog is None)
    assert any(keys == "Ctrl+Shift+A" for keys, _what in window.help.shortcuts())


def test_alert_sound_settings_are_saved_and_applied(qtbot: Any, window: MainWindow) -> None:
    window.seat_alerts.on_alert_sound()
    qtbot.waitUntil(
        lambda: window.seat_alerts.speech_dialog is not None and window.seat_alerts.speech_dialog.isVisible()
    )
    dialog = window.seat_alerts.speech_dialog
    assert dialog is not None
    dialog.min_severity.setCurrentIndex(dialog.min_severity.findData("Extreme"))
    dialog.repeat.setValue(15)
    with qtbot.waitSignal(window.alerts.settingsChanged, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert (window.alerts.settings.speech_min_severity, window.alerts.settings.alert_repeat_s) == (
        "Extreme",
        15,
    )
    saved = load_settings()
    assert (saved.speech_min_severity, saved.alert_repeat_s, saved.speech_muted) == ("Extreme", 15.0, True)
    assert window.seat_alerts.speech_dialog is None
