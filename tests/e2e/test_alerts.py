"""Alerts on real seats over a real backend process: a CAP message taken in from a file pops up on two
seats and is acknowledged on one, shown so on both; an unacknowledged Extreme alert escalates to the
supervisor's seat only; an alert becomes a case in one click, another is linked to it; CAP export."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer

from app.bundled_backend import BundledBackend
from app.settings import Settings, save_settings
from client_api import alert_messages as am
from client_api.client import SeatClient
from tests.e2e.seat_driver import Seat, type_text
from ui.alerts.ack_dialog import AckDialog
from ui.alerts.link_case_dialog import LinkCaseDialog
from ui.main_window import MainWindow

CST = dt.timezone(dt.timedelta(hours=8))


def cap_time(ts: float) -> str:
    return dt.datetime.fromtimestamp(int(ts), CST).isoformat()


def cap_message(identifier: str, severity: str, headline: str, area: str) -> str:
    now = time.time()
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>{identifier}</identifier>
  <sender>met-office@jiangbin.gov.cn</sender>
  <sent>{cap_time(now)}</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>暴雨</event>
    <urgency>Immediate</urgency>
    <severity>{severity}</severity>
    <certainty>Likely</certainty>
    <expires>{cap_time(now + 86400)}</expires>
    <senderName>江滨示范区气象台</senderName>
    <headline>{headline}</headline>
    <description>预计未来3小时内沿江一带降雨量将达100毫米以上。</description>
    <area><areaDesc>{area}</areaDesc></area>
  </info>
</alert>
"""


@pytest.fixture
def alert_backend(tmp_path: Path) -> Iterator[tuple[BundledBackend, Path]]:
    feed = tmp_path / "feed" / "cap.xml"  # written by the test once the seats are up
    feed.parent.mkdir()
    backend = BundledBackend(
        tmp_path / "server",
        extra_args=[
            *("--cap-feed", str(feed), "--cap-feed-interval", "0.2"),
            *("--alert-escalate-after", "6", "--alert-check-interval", "0.2"),
        ],
    )
    backend.start()
    try:
        yield backend, feed
    finally:
        backend.stop()


def banner_shows(window: MainWindow, identifier: str) -> bool:
    return any(a.identifier == identifier for a in window.banner.alerts.values())


def alert_on(seat: Seat, identifier: str) -> am.AlertRecord | None:
    assert seat.window is not None
    return next((a for a in seat.window.alerts.book if a.identifier == identifier), None)


def state_on(seat: Seat, identifier: str) -> str:
    alert = alert_on(seat, identifier)
    return "" if alert is None else alert.state


def test_alerts_across_two_seats(qtbot: Any, aio: Any, alert_backend: Any, tmp_path: Path) -> None:
    backend, feed = alert_backend
    save_settings(Settings(speech_muted=True))  # one espeak per process; the seats' records say enough
    operator, supervisor = Seat(qtbot, backend.url), Seat(qtbot, backend.url)
    op_window = operator.log_in("operator1", "demo", "A-01")
    sup_window = supervisor.log_in("supervisor1", "demo", "S-01")
    staff = SeatClient(backend.url)
    staff.start()
    try:
        aio.run(staff.wait_connected(10))
        aio.run(staff.login("admin", "demo", "ADM"))
        # 1. A CAP message from a file pops up on both seats; acknowledged on one, shown so on both.
        feed.write_text(
            cap_message("JB-E2E-1", "Extreme", "暴雨红色预警", "临江街道沿江一带"), encoding="utf-8"
        )
        for window in (op_window, sup_window):
            qtbot.waitUntil(lambda w=window: banner_shows(w, "JB-E2E-1"), timeout=15000)
        first = alert_on(operator, "JB-E2E-1")
        assert first is not None and first.received_at <= op_window.banner.shown_at[first.id]
        assert op_window.banner.headline.text() == "暴雨 — 暴雨红色预警"
        qtbot.mouseClick(op_window.banner.buttons["ack"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: isinstance(op_window.alert_actions.open_dialog, AckDialog))
        dialog = op_window.alert_actions.open_dialog
        assert isinstance(dialog, AckDialog)
        type_text(qtbot, dialog.reason, "已通知临江街道")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        for seat in (operator, supervisor):
            qtbot.waitUntil(lambda s=seat: state_on(s, "JB-E2E-1") == "acknowledged", timeout=10000)
        for window in (op_window, sup_window):
            assert not banner_shows(window, "JB-E2E-1")
        model = sup_window.alerts_screen.model
        row = next(r for r in range(model.rowCount()) if model.alert_at(r).id == first.id)
        assert model.index(row, model.COLUMNS.index("state")).data() == "Acknowledged"
        assert model.index(row, model.COLUMNS.index("acked_by")).data().endswith("(A-01)")
        acked = alert_on(supervisor, "JB-E2E-1")
        assert acked is not None and (acked.acked_by, acked.ack_reason) == ("operator1", "已通知临江街道")

        # 2. An Extreme alert nobody acknowledges escalates: marked and announced on the supervisor's seat.
        raised: am.AlertRaised = aio.run(
            staff.request(
                "alert.raise",
                am.RaiseAlert(
                    event="危化品泄漏",
                    headline="临江化工园区储罐泄漏",
                    severity="Extreme",
                    area_desc="临江化工园区",
                ),
            )
        )
        second = raised.alert
        qtbot.waitUntil(lambda: second.id in op_window.banner.alerts, timeout=10000)
        qtbot.waitUntil(lambda: second.id in sup_window.banner.escalated, timeout=30000)
        assert (
            sup_window.popups.announced_texts[-1]
            == "Escalated: Extreme alert: 临江化工园区储罐泄漏, 临江化工园区"
        )
        qtbot.waitUntil(lambda: alert_on(operator, second.identifier).escalation_level == 1, timeout=10000)
        assert op_window.banner.escalated == set() and second.id in op_window.banner.alerts

        # 3. The operator makes a case of it in one click; both seats show the case number.
        top = op_window.banner.top()
        assert top is not None and top.id == second.id
        qtbot.mouseClick(op_window.banner.buttons["to_case"], Qt.MouseButton.LeftButton)
        for seat in (operator, supervisor):
            qtbot.waitUntil(
                lambda s=seat: (alert_on(s, second.identifier) or second).case_no is not None, timeout=10000
            )
        made = alert_on(operator, second.identifier)
        assert made is not None and made.state == "acknowledged" and made.case_id in operator.service.cases
        qtbot.waitUntil(lambda: any(str(made.case_no) in t.text() for t in op_window.toasts.toasts()))

        # 4. A Moderate alert is a toast; the supervisor links it to that case from the dialog.
        third: am.AlertRaised = aio.run(
            staff.request(
                "alert.raise",
                am.RaiseAlert(
                    event="道路积水", headline="新桥路积水", severity="Moderate", area_desc="新桥路"
                ),
            )
        )
        qtbot.waitUntil(lambda: third.alert.id in sup_window.popups.toasted, timeout=10000)
        qtbot.waitUntil(lambda: made.case_id in supervisor.service.cases, timeout=10000)
        sup_window.alert_actions.on_link(third.alert.id)
        qtbot.waitUntil(lambda: isinstance(sup_window.alert_actions.open_dialog, LinkCaseDialog))
        link = sup_window.alert_actions.open_dialog
        assert isinstance(link, LinkCaseDialog)
        link.search.setText(made.case_no or "")
        qtbot.waitUntil(lambda: link.chosen() is not None and link.chosen().id == made.case_id)
        qtbot.mouseClick(link.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: (alert_on(operator, third.alert.identifier) or third.alert).case_no == made.case_no,
            timeout=10000,
        )

        # 5. Export CAP XML to a file.
        out = tmp_path / "export.xml"
        xml = aio.run(op_window.alert_actions.export(first.id, out))
        assert xml is not None and "JB-E2E-1" in out.read_text(encoding="utf-8")
    finally:
        aio.run(staff.close())
        for seat in (operator, supervisor):
            if seat.window is not None:
                seat.window.close()
            aio.run(seat.service.close())


@pytest.mark.speech
def test_an_alert_is_announced_without_stalling_the_gui(qtbot: Any, aio: Any, alert_backend: Any) -> None:
    """The seat's real speech queue (espeak-ng from espeakng-loader) receives the announcement while the
    GUI thread keeps its 5 ms heartbeat: the worst gap is measured and printed, and the GUI thread must
    have ticked while the worker was busy with the announcement."""
    backend, _feed = alert_backend
    save_settings(Settings(alert_chime=True))
    seat = Seat(qtbot, backend.url)
    window = seat.log_in("operator1", "demo", "A-02")
    speech = window.alerts.speech
    assert speech is not None
    staff = SeatClient(backend.url)
    staff.start()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    spans: dict[str, float] = {}
    speech.started.connect(lambda _text: spans.setdefault("started", time.perf_counter()))
    speech.finished.connect(lambda _text: spans.setdefault("finished", time.perf_counter()))
    try:
        aio.run(staff.wait_connected(10))
        aio.run(staff.login("supervisor1", "demo", "S-02"))
        timer.start()
        aio.run(
            staff.request(
                "alert.raise",
                am.RaiseAlert(event="燃气泄漏", headline="江滨路燃气管道泄漏", area_desc="临江街道"),
            )
        )
        qtbot.waitUntil(lambda: "finished" in spans, timeout=30000)
        timer.stop()
        assert speech.received == ["Severe alert: 江滨路燃气管道泄漏, 临江街道"]
        busy = [t for t in ticks if spans["started"] <= t <= spans["finished"]]
        assert busy, "the GUI thread did not tick while the announcement was being made"
        gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
        print(f"speech: {len(busy)} GUI ticks while announcing, worst gap {max(gaps):.1f} ms (5 ms timer)")
    finally:
        timer.stop()
        aio.run(staff.close())
        window.close()
        aio.run(seat.service.close())
