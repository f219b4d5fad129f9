"""Labels looked up from tables (statuses, timeline actions, supervision levels, …) reach the zh_CN
catalogue: lupdate only sees literal strings, so a label kept in a table must be marked for it. Each
label is checked rendered in Chinese, not only present in the sources."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app.i18n import Translations
from backend.lifecycle.rules import SATISFACTIONS, STATES, SUPERVISION_LEVELS
from ui.cases import detail_names as names
from widgets.case_table_model import status_label
from widgets.timeline_table_model import _ACTIONS, _ROLES, action_label, role_label

CHANNELS = ("hotline", "inspector", "grid", "app", "web", "enterprise", "iot")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translations = Translations()
    assert translations.install(qapp, "zh_CN")
    yield
    translations.uninstall(qapp)


def chinese_text(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.usefixtures("chinese")
def test_every_label_of_a_table_is_shown_in_chinese() -> None:
    labels: dict[str, Any] = {
        **{f"status {s}": status_label(s) for s in STATES},
        **{f"action {a}": action_label(a) for a in _ACTIONS},
        **{f"role {r}": role_label(r) for r in _ROLES},
        **{f"supervision {lv}": names.supervision_label(lv) for lv in SUPERVISION_LEVELS},
        **{f"urgency {u}": names.urgency_label(u) for u in ("normal", "urgent", "critical")},
        **{f"channel {c}": names.channel_label(c) for c in CHANNELS},
        **{f"satisfaction {v}": names.satisfaction_label(v) for v in SATISFACTIONS},
        **{f"extension {v}": names.extension_state_label(v) for v in ("pending", "approved", "refused")},
    }  # fmt: skip
    assert [key for key, text in labels.items() if not chinese_text(text)] == []


def test_a_seat_says_why_it_reloaded_everything(qtbot: Any) -> None:
    from app import message
    from app.seat_service import SeatService
    from client_api import messages as m
    from client_api.client import SeatClient

    service = SeatService(SeatClient("ws://127.0.0.1:9"))
    bridge = message.global_bridge()
    bridge.attach_view()
    try:
        service.client.resync_reason = "history_unavailable"
        with qtbot.waitSignal(bridge.shown) as shown:
            service._on_snapshot(m.CaseList(cases=[], last_seq=7))
        assert "reloaded" in shown.args[0].text and service.client.resync_reason is None
    finally:
        bridge.detach_view()
