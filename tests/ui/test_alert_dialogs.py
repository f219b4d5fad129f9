"""The alert dialogs and the detail pane: a reason is required for Severe and Extreme alerts, a case is
found by number or text, the sound settings come back as chosen, every CAP field is shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.settings import Settings
from client_api.alert_messages import AlertArea, Circle, Geocode
from client_api.case_book import CaseBook
from client_api.messages import CaseRecord
from tests.ui.test_alert_support import EVIDENCE, acked, changed, make_alert
from ui.alerts.ack_dialog import AckDialog
from ui.alerts.detail_pane import AlertDetailPane
from ui.alerts.link_case_dialog import LinkCaseDialog
from ui.alerts.speech_dialog import SpeechDialog


def test_an_extreme_alert_is_not_acknowledged_without_a_reason(qtbot: Any) -> None:
    dialog = AckDialog(make_alert(severity="Extreme", status="Exercise", headline="危化品泄漏"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.summary.text() == "【演练】Extreme — 危化品泄漏" and dialog.required
    dialog.reason.setPlainText("   ")
    with qtbot.assertNotEmitted(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and "reason" in dialog.error.text()
    dialog.reason.setPlainText("x" * 501)
    dialog.accept()
    assert "too long" in dialog.error.text() and dialog.result() == 0
    dialog.preset.setCurrentIndex(2)  # a preset writes its words, which may be edited further
    assert dialog.text() == "The units concerned were notified"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_a_minor_alert_may_be_acknowledged_without_a_reason(qtbot: Any) -> None:
    dialog = AckDialog(make_alert(severity="Minor"))
    qtbot.addWidget(dialog)
    assert not dialog.required
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    assert dialog.text() == ""


def case(case_id: int, case_no: str, address: str, description: str) -> CaseRecord:
    return CaseRecord(
        id=case_id,
        case_no=case_no,
        category_code="E0502",
        address=address,
        description=description,
        status="registered",
        created_at=1_700_000_000 + case_id,
        created_by="operator1",
        seat_id="A-01",
    )


def test_the_case_to_link_is_found_by_number_or_text(qtbot: Any) -> None:
    book = CaseBook()
    book.reset(
        [
            case(1, "BJ202601010001", "滨江路88号", "水管爆裂"),
            case(2, "BJ202601010002", "新桥路", "暴雨后道路积水严重"),
            case(3, "BJ202601010003", "古渡路9号", "道路破损"),
        ]
    )
    dialog = LinkCaseDialog(book, make_alert())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choices.rowCount() == 3 and dialog.choices.case_at(0).id == 3  # newest first
    dialog.accept()
    assert dialog.error.text() == "Choose the case to link the alert to." and dialog.result() == 0
    dialog.search.setText("积水")
    qtbot.waitUntil(lambda: dialog.choices.rowCount() == 1)
    assert dialog.chosen() is not None and dialog.chosen().id == 2  # the only match is chosen
    dialog.search.setText("0001")
    qtbot.waitUntil(lambda: dialog.choices.rowCount() == 1 and dialog.choices.case_at(0).id == 1)
    dialog.search.setText("没有这个")
    qtbot.waitUntil(lambda: dialog.choices.rowCount() == 0)
    dialog.accept()
    assert dialog.error.text() == "No case of this seat matches the search."


def test_the_sound_settings_come_back_as_chosen(qtbot: Any) -> None:
    voices = [("cmn", "Chinese (Mandarin)"), ("en", "English")]
    dialog = SpeechDialog(Settings(seat_id="A-01"), voices)
    qtbot.addWidget(dialog)
    assert dialog.min_severity.currentData() == "Moderate" and dialog.voice.currentData() is None
    dialog.muted.setChecked(True)
    dialog.volume.setValue(35)
    dialog.min_severity.setCurrentIndex(dialog.min_severity.findData("Severe"))
    dialog.chime.setChecked(False)
    dialog.voice.setCurrentIndex(dialog.voice.findData("cmn"))
    dialog.repeat.setValue(30)
    chosen = dialog.settings()
    assert (chosen.speech_muted, chosen.speech_volume, chosen.speech_min_severity) == (True, 0.35, "Severe")
    assert (chosen.alert_chime, chosen.speech_voice, chosen.alert_repeat_s) == (False, "cmn", 30.0)
    assert chosen.seat_id == "A-01"  # the rest is kept
    dialog.repeat.setValue(0)
    assert dialog.repeat.text() == "Never"


def test_the_detail_pane_shows_every_field_and_what_was_done(qtbot: Any) -> None:
    pane = AlertDetailPane()
    qtbot.addWidget(pane)
    pane.show()
    assert not any(b.isEnabled() for b in pane.buttons.values())
    area = AlertArea(
        area_desc="临江化工园区",
        polygons=[[(31.1, 120.1), (31.2, 120.1), (31.2, 120.2), (31.1, 120.1)]],
        circles=[Circle(lat=31.15, lon=120.15, radius_km=2.5)],
        geocodes=[Geocode(value_name="grid", value="320506001001")],
    )
    alert = make_alert(
        source="rule", rule="hazmat_storage", severity="Severe", areas=[area], evidence=EVIDENCE
    )
    pane.show_alert(alert)
    assert pane.value_of("Identifier") == alert.identifier
    assert pane.value_of("Source") == "Hazmat storage level"
    assert pane.value_of("Areas") == (
        "临江化工园区; polygon of 3 points; circle 2.5 km around 31.15000, 120.15000; grid 320506001001"
    )
    assert pane.value_of("Acknowledged") == "not acknowledged" and pane.value_of("Case") == "none"
    assert pane.evidence.rowCount() == 2 and pane.evidence_box.isVisible()
    assert pane.buttons["ack"].isEnabled() and pane.buttons["to_case"].isEnabled()
    with qtbot.waitSignal(pane.ackRequested) as asked:
        qtbot.mouseClick(pane.buttons["ack"], Qt.MouseButton.LeftButton)
    assert asked.args == [alert.id]
    done = changed(acked(alert), case_id=7, case_no="BJ202601010007")
    pane.show_alert(done)
    assert pane.value_of(
        "Acknowledged",
    ).startswith("张三 (operator1) at seat A-01")
    assert pane.value_of("Reason") == "已通知相关单位" and pane.value_of("Case") == "BJ202601010007"
    assert not pane.buttons["ack"].isEnabled() and not pane.buttons["to_case"].isEnabled()
    assert pane.buttons["export"].isEnabled()
