"""Small intake widgets on their own: the KPI strip's warnings, the F1 sheet, the suggestion keys."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt

from app.seat_service import SeatService
from client_api.calls_messages import HotlineKpis
from client_api.client import SeatClient
from client_api.intake_messages import CategorySuggestion
from ui.intake.suggestion_bar import SuggestionBar
from ui.main_window import MainWindow
from widgets.kpi_strip import KpiStrip


def kpis(**over: Any) -> HotlineKpis:
    base: dict[str, Any] = {
        "waiting": 0,
        "longest_wait_s": 0.0,
        "oldest_queued_at": None,
        "answered_today": 10,
        "answered_15s_today": 10,
        "answer_rate_15s": 1.0,
        "abandoned_today": 0,
        "connection_rate": 1.0,
        "computed_at": time.time(),
    }
    return HotlineKpis(**(base | over))


def test_kpi_strip_marks_what_misses_the_standard(qtbot: Any) -> None:
    strip = KpiStrip()
    qtbot.addWidget(strip)
    strip.show_kpis(kpis())
    assert "#b42318" not in strip.answer_rate.text()
    assert "100%" in strip.connection.text()
    strip.show_kpis(
        kpis(waiting=3, oldest_queued_at=time.time() - 40, answer_rate_15s=0.8, connection_rate=0.9)
    )
    assert "Waiting: 3" in strip.waiting.text()
    assert "#b42318" in strip.longest.text() and "40 s" in strip.longest.text()
    assert "#b42318" in strip.answer_rate.text() and "80%" in strip.answer_rate.text()
    assert "#b42318" in strip.connection.text()


def test_kpi_strip_without_figures_shows_dashes(qtbot: Any) -> None:
    strip = KpiStrip()
    qtbot.addWidget(strip)
    strip.show_kpis(kpis(answer_rate_15s=None, connection_rate=None, answered_today=0))
    assert "—" in strip.answer_rate.text() and "—" in strip.connection.text()


def test_suggestions_are_accepted_with_ctrl_digits(qtbot: Any) -> None:
    bar = SuggestionBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.activateWindow()
    qtbot.waitUntil(bar.isActiveWindow)
    bar.show_suggestions(
        [
            CategorySuggestion(code="E0502", name="自来水管破裂", confidence=0.8),
            CategorySuggestion(code="E0504", name="道路积水", confidence=0.3),
        ]
    )
    assert [b.isVisible() for b in bar.buttons] == [True, True, False]
    with qtbot.waitSignal(bar.accepted) as accepted:
        qtbot.keyClick(bar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert accepted.args == ["E0504"]
    assert not bar.isVisible()


def test_f1_shows_every_shortcut_and_esc_closes_it(qtbot: Any) -> None:
    window = MainWindow(SeatService(SeatClient("ws://127.0.0.1:9")))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.help.isVisible()
    keys = [k for k, _what in window.help.shortcuts()]
    assert {"F2", "F3", "F4", "F6", "F7", "Ctrl+Enter"} <= set(keys)
    qtbot.keyClick(window.help, Qt.Key.Key_Escape)
    assert not window.help.isVisible()
