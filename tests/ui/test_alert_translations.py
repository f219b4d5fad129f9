"""Alert words reach the zh_CN catalogue and render in Chinese: the severity, state, source and CAP
labels kept in tables, and the announcement the seat speaks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app.i18n import Translations
from client_api.alert_messages import ALERT_STATES, CAP_CERTAINTIES, CAP_SEVERITIES, CAP_URGENCIES, RULE_KINDS
from tests.ui.test_alert_support import make_alert
from widgets import alert_labels as labels


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translations = Translations()
    assert translations.install(qapp, "zh_CN")
    yield
    translations.uninstall(qapp)


def chinese_text(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.usefixtures("chinese")
def test_every_alert_label_is_shown_in_chinese() -> None:
    shown = {
        **{f"severity {s}": labels.severity_label(s) for s in CAP_SEVERITIES},
        **{f"state {s}": labels.state_label(s) for s in ALERT_STATES},
        **{f"source {s}": labels.source_label(s) for s in ("cap", "rule", "manual")},
        **{f"rule {r}": labels.rule_label(r) for r in RULE_KINDS},
        **{f"urgency {u}": labels.urgency_label(u) for u in CAP_URGENCIES},
        **{f"certainty {c}": labels.certainty_label(c) for c in CAP_CERTAINTIES},
        **{
            f"status {s}": labels.cap_status_label(s)
            for s in ("Actual", "Exercise", "System", "Test", "Draft")
        },
        "escalated": labels.escalated_label(),
    }
    assert [key for key, text in shown.items() if not chinese_text(text)] == []


@pytest.mark.usefixtures("chinese")
def test_the_announcement_reads_in_chinese() -> None:
    drill = make_alert(severity="Extreme", status="Exercise", headline="暴雨红色预警", areas=[])
    assert labels.announcement(drill, exercise=False) == "【演练】 极重 预警：暴雨红色预警"
    live = make_alert(severity="Severe", headline="大风橙色预警")
    assert (
        labels.announcement(live, exercise=False, escalated=True)
        == "已升级，严重 预警：大风橙色预警，滨江街道"
    )
