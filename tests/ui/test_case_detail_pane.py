"""The case detail pane against a real backend: fields, SLA badges, the timeline growing with actions,
following another seat's changes, the latest case asked for winning, attachments saved, the callback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from client_api import intake_messages as im
from client_api import lifecycle_messages as lm
from client_api import messages as m
from tests.ui.case_pane_support import PaneSeat
from ui.cases.callback_dialog import CallbackDialog
from ui.cases.detail_models import RecordListModel
from widgets.timeline_table_model import TimelineTableModel, action_label


@pytest.fixture
def operator(qtbot: Any, aio: Any, backend_process: Any) -> Iterator[PaneSeat]:
    seat = PaneSeat(qtbot, aio, backend_process.url, "operator1", "A-01")
    try:
        yield seat
    finally:
        seat.close()


def transition(seat: PaneSeat, case: m.CaseRecord, action: str, **fields: Any) -> None:
    request = lm.TransitionCase(case_id=case.id, action=action, **fields)
    seat.aio.run(seat.service.client.request("case.transition", request))


def test_the_pane_shows_the_case_and_follows_its_changes(operator: PaneSeat, backend_process: Any) -> None:
    case = operator.create_case("路边暴露垃圾需清理")
    operator.open(case)
    pane = operator.pane
    assert pane.header.case_no.text() == case.case_no
    assert pane.fields_view.fields["category"].text() == operator.service.category_name("E0102")
    assert pane.fields_view.fields["address"].text() == "滨江路88号"
    assert pane.header.completion_badge.property("state") in {"normal", "warning"}
    assert pane.header.timer.isActive()  # the countdowns tick while the pane is shown
    assert operator.timeline_actions() == ["created"]
    assert operator.lifecycle_buttons() == {"register", "void"}

    # Another seat registers and dispatches the case; this pane follows through case.updated.
    other = PaneSeat(operator.qtbot, operator.aio, backend_process.url, "supervisor1", "S-01")
    try:
        transition(other, case, "register")
        transition(other, case, "dispatch", department_code="D-CG", co_departments=["D-SW"], note="请处理")
    finally:
        other.close()
    operator.qtbot.waitUntil(
        lambda: operator.timeline_actions() == ["created", "register", "dispatch"], timeout=10000
    )
    assert pane.header.status.text() == "Dispatched"
    assert pane.fields_view.fields["co_departments"].text() == "区水务局"
    assert operator.lifecycle_buttons() == {"subdispatch"}
    timeline = pane.sections.timeline
    assert timeline.data(timeline.index(2, 1)) == action_label("dispatch") == "Dispatched"
    assert timeline.data(timeline.index(2, 4)) == "区城市管理局"
    assert timeline.data(timeline.index(2, 5)) == "Registered → Dispatched"

    pane.clear()
    assert pane.detail is None and timeline.rowCount() == 0 and operator.lifecycle_buttons() == set()
    assert pane.header.case_no.text() == ""


def test_the_latest_case_asked_for_is_the_one_shown(operator: PaneSeat) -> None:
    first, second = operator.create_case("第一件"), operator.create_case("第二件")
    shown: list[int] = []
    operator.pane.shown.connect(lambda detail: shown.append(detail.case.id))
    operator.pane.show_case(first.id)
    operator.pane.show_case(second.id)  # the operator moved on before the first answer came
    operator.qtbot.waitUntil(lambda: bool(shown))
    # The first case's answers were sent for earlier; one more round trip for it lets them all land.
    client = operator.service.client
    operator.aio.run(client.request("case.detail", im.GetCaseDetail(case_id=first.id)))
    operator.aio.run(client.request("case.actions", lm.GetCaseActions(case_id=first.id)))
    assert shown == [second.id]
    assert operator.pane.header.case_no.text() == second.case_no


def test_an_attachment_is_listed_and_saved(operator: PaneSeat, tmp_path: Path) -> None:
    client = operator.service.client
    photo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    uploaded: m.AttachmentUploaded = operator.aio.run(
        client.request("attachment.upload", m.UploadAttachment("现场.png", "image/png", photo))
    )
    request = m.CreateCase("E0102", "滨江路88号", "带照片的工单", attachment_ids=[uploaded.attachment.id])
    case = operator.aio.run(operator.service.create_case_from(request))
    operator.open(case)
    attachments = operator.pane.sections.attachments
    assert attachments.rowCount() == 1
    assert attachments.data(attachments.index(0, 0)) == "现场.png"
    assert operator.pane.sections.save_button.isEnabled()
    target = tmp_path / "saved.png"
    assert operator.aio.run(operator.pane.save_attachment(attachments.record_at(0), target))
    assert target.read_bytes() == photo
    assert operator.pane.status.property("kind") == "info"


def test_an_unsatisfied_callback_needs_a_note_and_reopens_the_case(
    operator: PaneSeat, backend_process: Any
) -> None:
    case = operator.create_case("垃圾清运后又堆积")
    transition(operator, case, "register")
    transition(operator, case, "dispatch", department_code="D-CG")
    handler = PaneSeat(operator.qtbot, operator.aio, backend_process.url, "handler1", "H-01")
    try:
        transition(handler, case, "accept")
        transition(handler, case, "complete", result="已清运")
    finally:
        handler.close()
    transition(operator, case, "verify_pass")
    operator.open(case)
    assert operator.lifecycle_buttons() == {"callback_done", "callback_unsatisfied"}
    assert len(set(operator.pane.action_bar.buttons.values())) == 1  # one "Callback…" button

    dialog = operator.open_lifecycle_dialog("callback_done")
    assert isinstance(dialog, CallbackDialog)
    dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData("unsatisfied"))
    operator.press_ok(dialog)
    assert operator.refused_inline(dialog)
    assert operator.status() == "callback"
    operator.type(dialog.note, "仍有垃圾")
    operator.press_ok(dialog)
    operator.wait_closed(dialog)
    operator.qtbot.waitUntil(lambda: operator.status() == "dispatched", timeout=10000)
    assert operator.timeline_actions()[-1] == "callback_unsatisfied"
    assert operator.pane.fields_view.fields["reopen_count"].text() == "1"


def test_the_detail_models_pass_the_qt_model_tester(qtmodeltester: Any) -> None:
    timeline = TimelineTableModel(lambda code: {"D-CG": "区城市管理局"}.get(code, code))
    entries = [
        im.TimelineEntry(
            ts=1.0e9, actor="operator1", role="operator", action="created", to_status="received"
        ),
        im.TimelineEntry(
            ts=1.0e9 + 60,
            actor="operator1",
            role="operator",
            action="dispatch",
            from_status="registered",
            to_status="dispatched",
            note="请处理",
            department_code="D-CG",
        ),
    ]
    timeline.set_entries(entries[:1])
    qtmodeltester.check(timeline)
    timeline.set_entries(entries)  # appended row by row
    qtmodeltester.check(timeline)
    assert timeline.data(timeline.index(1, 4)) == "区城市管理局"
    assert action_label("never_heard_of") == "never_heard_of"

    files: RecordListModel[m.AttachmentInfo] = RecordListModel(["Name"], lambda a: (a.name,))
    files.set_records([m.AttachmentInfo(1, "a.png", "image/png", 3, "x", "operator1", 1.0e9)])
    qtmodeltester.check(files)
