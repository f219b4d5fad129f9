"""The alert banner: the loudest alert on top with "+N more", its buttons, when each alert was shown,
the flash of a repeat, and the drill prefix."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.ui.test_alert_support import changed, make_alert
from widgets.alert_banner import AlertBanner


@pytest.fixture
def banner(qtbot: Any) -> Iterator[AlertBanner]:
    """A banner in a shown window (the window is held here: qtbot keeps only a weak reference)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1200, 200)
    shown = AlertBanner(window)
    window.show()
    yield shown


def test_the_loudest_alert_is_on_top_and_the_others_are_counted(qtbot: Any, banner: AlertBanner) -> None:
    assert not banner.isVisible()
    severe = make_alert(severity="Severe", event="大风", headline="大风橙色预警", sender_name="区气象台")
    before = time.time()
    with qtbot.waitSignal(banner.shown) as shown:
        banner.put(severe)
    assert shown.args == [severe.id] and before <= banner.shown_at[severe.id] <= time.time()
    assert banner.isVisible() and not banner.more.isVisible()
    assert banner.severity.text() == "Severe"
    assert banner.headline.text() == "大风 — 大风橙色预警"
    assert "滨江街道" in banner.details.text() and "区气象台" in banner.details.text()
    extreme = make_alert(severity="Extreme", headline="暴雨红色预警")
    banner.put(extreme)
    banner.put(make_alert(severity="Severe", headline="雷电橙色预警"))
    assert banner.top() == extreme and banner.more.isVisible() and banner.more.text() == "+2 more"
    first_shown = banner.shown_at[severe.id]
    with qtbot.assertNotEmitted(banner.shown):
        banner.put(changed(severe, headline="大风橙色预警（更新）"))  # a new version is not a new showing
    assert banner.shown_at[severe.id] == first_shown
    banner.mark_escalated(severe.id)  # an escalated alert goes first, marked
    assert banner.top() is not None and banner.top().id == severe.id
    assert banner.severity.text() == "Severe · Escalated"
    banner.remove(severe.id)
    banner.remove(extreme.id)
    assert banner.more.isHidden() and banner.headline.text().endswith("雷电橙色预警")
    banner.clear()
    assert not banner.isVisible()


def test_buttons_act_on_the_top_alert(qtbot: Any, banner: AlertBanner) -> None:
    top = make_alert(severity="Extreme")
    banner.put(make_alert(severity="Severe"))
    banner.put(top)
    for name, signal in (
        ("ack", banner.ackRequested),
        ("to_case", banner.toCaseRequested),
        ("link", banner.linkRequested),
        ("details", banner.detailsRequested),
    ):
        with qtbot.waitSignal(signal) as emitted:
            qtbot.mouseClick(banner.buttons[name], Qt.MouseButton.LeftButton)
        assert emitted.args == [top.id]
    with qtbot.waitSignal(banner.moreRequested):
        qtbot.mouseClick(banner.more, Qt.MouseButton.LeftButton)
    banner.put(changed(top, case_id=3, case_no="BJ1"))  # it has a case: neither made nor linked again
    assert not banner.buttons["to_case"].isEnabled() and not banner.buttons["link"].isEnabled()


def test_a_drill_alert_says_so_and_a_repeat_flashes(qtbot: Any, banner: AlertBanner) -> None:
    banner.put(make_alert(status="Exercise", headline="危化品泄漏"))
    assert banner.headline.text().startswith("【演练】")
    banner.flash()
    assert banner.flashes == 1
    assert banner.is_flashing()
    qtbot.waitUntil(lambda: not banner.is_flashing(), timeout=5000)
    assert "#7a0916" in banner.styleSheet()  # back to the Extreme colour after the blinks
    live = make_alert(severity="Extreme", headline="暴雨")
    banner.clear()
    banner.put(live)
    assert not banner.headline.text().startswith("【演练】")
    banner.exercise = True  # an exercise server: every alert is a drill
    banner.put(changed(live))
    assert banner.headline.text().startswith("【演练】")
