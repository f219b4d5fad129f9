"""Which alerts pop up how: toasts for the quiet ones, the banner for Severe and Extreme until they are
acknowledged, repeats while nobody acknowledges, escalation on supervisor seats only, the drill prefix."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from app.alerts_service import AlertsService
from app.seat_service import SeatService
from app.settings import Settings
from client_api import messages as m
from client_api.client import SeatClient
from tests.ui.test_alert_support import acked, changed, make_alert
from ui.alerts.popup_controller import PopupController
from widgets.alert_banner import AlertBanner
from widgets.toast_area import ToastArea


class Seat:
    """A seat's alert parts in a shown window, on a service that is not connected (records are applied
    the way events apply them)."""

    def __init__(self, qtbot: Any, role: str, settings: Settings) -> None:
        self.service = SeatService(SeatClient("ws://127.0.0.1:9"))
        self.alerts = AlertsService(self.service, settings)
        self.service.client.operator = m.Operator(f"{role}1", role, role)
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.window.resize(1200, 700)
        self.banner = AlertBanner(self.window)
        self.toasts = ToastArea(self.window)
        self.popups = PopupController(self.alerts, self.banner, self.toasts, self.window)
        self.window.show()

    def exercise_server(self) -> None:
        self.service.client.server = m.HelloOk("command-seat", 1, "n1", exercise=True, demo=False, last_seq=0)


@pytest.fixture
def make_seat(qtbot: Any) -> Iterator[Any]:
    made: list[Seat] = []

    def make(role: str = "operator", repeat_s: float = 600.0, muted: bool = True) -> Seat:
        # Muted unless a test listens: the controller's own record says what was announced, and one
        # espeak per process speaks at a time (app/speech_worker.py).
        made.append(Seat(qtbot, role, Settings(alert_repeat_s=repeat_s, speech_muted=muted)))
        return made[-1]

    yield make
    for seat in made:
        seat.alerts.stop()


@pytest.mark.speech
def test_a_minor_alert_is_a_toast_and_an_extreme_one_a_banner(qtbot: Any, make_seat: Any) -> None:
    seat = make_seat(muted=False)
    minor = make_alert(severity="Minor", event="道路积水", headline="新桥路积水提示")
    seat.alerts.apply(minor)
    toast = seat.toasts.toasts()[-1]
    assert toast.text() == "Minor alert: 新桥路积水提示, 滨江街道" and toast.level == "alert"
    assert not seat.banner.isVisible() and seat.popups.toasted == [minor.id]
    extreme = make_alert(severity="Extreme", headline="暴雨红色预警")
    with qtbot.waitSignal(seat.banner.shown):
        seat.alerts.apply(extreme)
    assert seat.banner.isVisible() and seat.banner.top() == extreme
    assert seat.popups.announced_texts == [toast.text(), "Extreme alert: 暴雨红色预警, 滨江街道"]
    assert seat.alerts.speech is not None  # Minor is below the default least severity spoken
    assert seat.alerts.speech.received == ["Extreme alert: 暴雨红色预警, 滨江街道"]
    seat.alerts.apply(acked(extreme))  # acknowledged on any seat: gone from the banner
    assert not seat.banner.isVisible() and extreme.id not in seat.popups.repeats
    seat.alerts.apply(make_alert(severity="Severe", state="acknowledged"))  # first seen, already handled
    assert not seat.banner.isVisible()


def test_every_text_of_a_drill_alert_starts_with_the_prefix(qtbot: Any, make_seat: Any) -> None:
    seat = make_seat()
    seat.alerts.apply(make_alert(severity="Moderate", status="Exercise", headline="演练：燃气泄漏"))
    seat.alerts.apply(make_alert(severity="Extreme", status="Exercise", headline="演练：危化品泄漏"))
    assert seat.toasts.toasts()[-1].text().startswith("【演练】")
    assert seat.banner.headline.text().startswith("【演练】")
    assert all(text.startswith("【演练】 ") for text in seat.popups.announced_texts)
    drill = make_seat()
    drill.exercise_server()
    drill.alerts.apply(make_alert(severity="Severe", headline="大风橙色预警"))  # an Actual alert
    assert drill.banner.headline.text().startswith("【演练】")
    assert drill.popups.announced_texts == ["【演练】 Severe alert: 大风橙色预警, 滨江街道"]


def test_escalation_is_announced_on_supervisor_seats_only(qtbot: Any, make_seat: Any) -> None:
    operator, supervisor = make_seat("operator"), make_seat("supervisor")
    alert = make_alert(severity="Extreme", headline="危化品泄漏")
    escalated = changed(alert, escalation_level=1, escalated_at=alert.received_at + 120)
    for seat in (operator, supervisor):
        seat.alerts.apply(alert)
    with qtbot.assertNotEmitted(operator.popups.announced):
        operator.alerts.apply(escalated)
    assert operator.banner.escalated == set() and "Escalated" not in operator.banner.severity.text()
    assert operator.alerts.book.get(alert.id) == escalated  # the alert center shows the new state
    with qtbot.waitSignal(supervisor.popups.announced) as said:
        supervisor.alerts.apply(escalated)
    assert said.args == ["Escalated: Extreme alert: 危化品泄漏, 滨江街道"]
    assert supervisor.banner.escalated == {alert.id} and supervisor.banner.flashes == 1
    assert supervisor.banner.severity.text() == "Extreme · Escalated"
    late = make_seat("admin")  # an admin seat that first sees the alert already escalated
    late.alerts.apply(escalated)
    assert late.banner.escalated == {alert.id}
    assert late.popups.announced_texts == ["Escalated: Extreme alert: 危化品泄漏, 滨江街道"]


def test_an_unacknowledged_banner_alert_is_repeated_until_acknowledged(qtbot: Any, make_seat: Any) -> None:
    seat = make_seat(repeat_s=0.05)
    alert = make_alert(severity="Severe", headline="大风橙色预警")
    seat.alerts.apply(seat_minor := make_alert(severity="Minor"))
    seat.alerts.apply(alert)
    qtbot.waitUntil(lambda: len(seat.popups.announced_texts) >= 4, timeout=10000)
    said = seat.popups.announced_texts[1:]
    assert set(said) == {"Severe alert: 大风橙色预警, 滨江街道"}  # the Minor toast is never repeated
    assert seat.banner.flashes >= 2 and seat_minor.id not in seat.popups.repeats
    seat.alerts.apply(acked(alert))
    assert seat.popups.repeats == {}
    count = len(seat.popups.announced_texts)
    qtbot.wait(300)
    assert len(seat.popups.announced_texts) == count
    again = make_alert(severity="Extreme")
    seat.alerts.apply(again)
    seat.alerts.apply_settings(Settings(alert_repeat_s=0))  # "Never" in the sound settings
    assert seat.popups.repeats == {}


def test_a_snapshot_rebuilds_the_banner_and_announces_what_was_missed(qtbot: Any, make_seat: Any) -> None:
    seat = make_seat("supervisor")
    gone, kept = make_alert(severity="Extreme"), make_alert(severity="Severe", headline="大风")
    for alert in (gone, kept):
        seat.alerts.apply(alert)
    missed = make_alert(severity="Extreme", headline="危化品泄漏", escalation_level=1)
    quiet = make_alert(severity="Minor")
    said = len(seat.popups.announced_texts)
    with qtbot.waitSignal(seat.alerts.reset):
        seat.alerts.book.reset([acked(gone), kept, missed, quiet])  # what alert.list gave after a drop
        seat.alerts.reset.emit()
    assert set(seat.banner.alerts) == {kept.id, missed.id} and seat.banner.top() == missed
    assert seat.banner.escalated == {missed.id}
    assert seat.popups.announced_texts[said:] == ["Escalated: Extreme alert: 危化品泄漏, 滨江街道"]
    assert set(seat.popups.repeats) == {kept.id, missed.id}
