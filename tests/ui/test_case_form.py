"""The case form against a real backend: bad input is explained, nothing typed is lost, drafts survive."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.drafts import DraftStore
from client_api.case_draft import CaseDraft
from client_api.client import ConnectionState
from tests.e2e.seat_driver import Seat, type_text


@pytest.fixture
def seat(qtbot: Any, aio: Any, backend_process: Any) -> Any:
    seat = Seat(qtbot, backend_process.url)
    seat.log_in("operator1", "demo", "seat-1")
    yield seat
    assert seat.window is not None
    seat.window.close()
    aio.run(seat.service.close())


def test_submit_stays_impossible_until_the_case_is_valid(qtbot: Any, seat: Seat) -> None:
    form = seat.window.intake.form
    assert not form.submit_button.isEnabled()
    assert "category" in form.hint_label.text()
    form.category.setCurrentIndex(form.category.findData("E0101"))
    assert "address" in form.hint_label.text()
    type_text(qtbot, form.address, "滨江路1号")
    assert "description" in form.hint_label.text()
    assert not form.submit_button.isEnabled()
    type_text(qtbot, form.description, "违章搭建")
    assert form.submit_button.isEnabled()
    assert form.hint_label.text() == ""


def test_ctrl_enter_on_an_invalid_form_says_why_and_focuses_the_field(qtbot: Any, seat: Seat) -> None:
    form = seat.window.intake.form
    form.category.setCurrentIndex(form.category.findData("E0101"))
    type_text(qtbot, form.reporter_phone, "12a")
    type_text(qtbot, form.address, "滨江路1号")
    type_text(qtbot, form.description, "违章搭建")
    qtbot.keyClick(form.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.error_label.isVisible()
    assert "phone" in form.error_label.text()
    assert len(seat.service.cases) == 0


def test_object_code_must_have_16_digits(qtbot: Any, seat: Seat) -> None:
    form = seat.window.intake.form
    form.category.setCurrentIndex(form.category.findData("P0101"))
    type_text(qtbot, form.address, "桃源社区12栋")
    type_text(qtbot, form.description, "井盖缺失")
    type_text(qtbot, form.object_code, "3209990101")
    assert not form.submit_button.isEnabled()
    type_text(qtbot, form.object_code, "000123")
    assert form.submit_button.isEnabled()


def test_category_is_found_by_pinyin_initials(qtbot: Any, seat: Seat) -> None:
    form = seat.window.intake.form
    form.category.setFocus()
    qtbot.keyClicks(form.category.lineEdit(), "zlsg")
    popup = form.category.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible() and popup.currentIndex().isValid())  # best match highlighted
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.category.code() is not None, timeout=2000)
    assert form.category.code() == "E0502"
    assert "自来水管破裂" in form.category.currentText()


def test_all_fields_reach_the_backend(qtbot: Any, seat: Seat) -> None:
    form = seat.window.intake.form
    type_text(qtbot, form.reporter_name, "张先生")
    type_text(qtbot, form.reporter_phone, "13812345678")
    form.confidential.setChecked(True)
    form.appeal_type.setCurrentIndex(form.appeal_type.findData("A03"))
    form.urgency.setCurrentIndex(form.urgency.findData("urgent"))
    form.category.setCurrentIndex(form.category.findData("E0303"))
    form.grid.setCurrentIndex(form.grid.findData("32099900100101"))
    type_text(qtbot, form.address, "望江路2号")
    type_text(qtbot, form.description, "夜间施工噪音扰民")
    qtbot.keyClick(form.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: seat.shows_case("夜间施工噪音扰民") or form.error_label.isVisible(), timeout=10000
    )
    assert not form.error_label.isVisible(), form.error_label.text()
    case = seat.service.cases[0]
    # Confidential: even the operator who took it sees the reporter masked from now on (GB/T 33358).
    assert (case.reporter_name, case.reporter_phone, case.confidential) == ("***", "138****5678", True)
    assert (case.appeal_type, case.urgency, case.category_code) == ("A03", "urgent", "E0303")
    assert case.grid_code == "32099900100101"
    qtbot.waitUntil(lambda: any(case.case_no in t.text() for t in seat.window.toasts.toasts()))
    qtbot.waitUntil(lambda: form.address.text() == "")


def test_when_the_backend_is_gone_the_case_waits_in_the_outbox(
    qtbot: Any, seat: Seat, backend_process: Any
) -> None:
    form = seat.window.intake.form
    form.category.setCurrentIndex(form.category.findData("E0501"))
    type_text(qtbot, form.address, "古渡路3号")
    type_text(qtbot, form.description, "路面塌陷")
    backend_process.kill()
    seat.wait_state(ConnectionState.RECONNECTING)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    # Accepted on the seat: on disk in the outbox, the form free for the next call, the operator told.
    qtbot.waitUntil(lambda: form.address.text() == "", timeout=10000)
    waiting = seat.service.outbox.waiting()
    assert [w.summary for w in waiting] == ["New case 古渡路3号"]
    assert json.loads(waiting[0].payload)["description"] == "路面塌陷"
    assert any("Waiting to send" in t.text() for t in seat.window.toasts.toasts())


def test_draft_is_saved_and_reopened_after_a_crash(
    qtbot: Any, aio: Any, seat: Seat, backend_process: Any
) -> None:
    form = seat.window.intake.form
    form.category.setCurrentIndex(form.category.findData("E0401"))
    type_text(qtbot, form.address, "新桥路5号")
    type_text(qtbot, form.description, "占道经营，尚未提交")
    store = DraftStore()
    qtbot.waitUntil(lambda: store.load() is not None and "尚未提交" in store.load().description, timeout=6000)

    # The seat dies without a goodbye; a new console on the same data dir opens the draft again.
    seat.window.close()
    second = Seat(qtbot, backend_process.url)
    window = second.log_in("operator1", "demo", "seat-1b")
    try:
        reopened = window.intake.form
        assert reopened.description.toPlainText() == "占道经营，尚未提交"
        assert reopened.address.text() == "新桥路5号"
        assert reopened.category.code() == "E0401"
        assert any("reopened" in t.text() for t in window.toasts.toasts())
    finally:
        window.close()
        aio.run(second.service.close())


def test_unreadable_draft_gives_an_empty_form(isolated_dirs: Path) -> None:
    store = DraftStore()
    store.path.write_text("{broken")
    assert store.load() is None
    store.save(CaseDraft(description="x"))
    assert store.load() == CaseDraft(description="x", saved_at=store.load().saved_at)


def test_an_attachment_goes_with_the_case(qtbot: Any, aio: Any, seat: Seat, tmp_path: Path) -> None:
    form = seat.window.intake.form
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(2000))
    assert aio.run(form.attachments.attach(photo))
    assert "现场.jpg" in form.attachments.label.text()
    too_big = tmp_path / "big.pdf"
    too_big.write_bytes(bytes(800 * 1024))
    assert not aio.run(form.attachments.attach(too_big))
    assert "larger" in form.error_label.text()
    form.category.setCurrentIndex(form.category.findData("E0502"))
    type_text(qtbot, form.address, "滨江路88号")
    type_text(qtbot, form.description, "水管爆裂，附现场照片")
    qtbot.keyClick(form.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: seat.shows_case("水管爆裂，附现场照片"), timeout=10000)
    assert seat.service.cases[0].attachment_count == 1
    qtbot.waitUntil(lambda: form.attachments.ids == [])


def test_the_place_can_be_picked_on_the_grid_map(qtbot: Any, seat: Seat) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.intake.map_dialog import MapPickDialog

    window = seat.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    form = window.intake.form
    qtbot.keyClick(
        form.address, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), MapPickDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(
        lambda: (
            dialog.map.grid_at(
                *dialog.map.to_lat_lon(dialog.map.mapToScene(dialog.map.viewport().rect().center()))
            )
            is not None
        )
    )
    qtbot.keyClick(dialog.map, Qt.Key.Key_Return)  # Enter picks the centre of the district
    qtbot.waitUntil(lambda: dialog.picked_point is not None)
    lat, lon = dialog.picked_point
    expected = dialog.map.grid_at(lat, lon)
    qtbot.keyClick(dialog.map, Qt.Key.Key_Return)  # and Enter again accepts
    qtbot.waitUntil(lambda: form.grid.currentData() == expected.code, timeout=5000)
    assert form.draft().lat == lat and form.draft().lon == lon
    assert "map point" in form.area_label.text()
