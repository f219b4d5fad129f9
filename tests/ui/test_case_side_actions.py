"""The actions beside the lifecycle, against a real backend: a handler reports progress and asks for more
time, a supervisor supervises, urges, decides the extension and holds a consultation, an operator links
cases; each dialog refuses invalid input inline, and the timeline shows what was done."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from client_api import lifecycle_messages as lm
from client_api import messages as m
from tests.ui.case_pane_support import PaneSeat


@pytest.fixture
def seats(qtbot: Any, aio: Any, backend_process: Any) -> Iterator[dict[str, PaneSeat]]:
    opened: dict[str, PaneSeat] = {}
    try:
        for username, seat_id in (("operator1", "A-01"), ("handler1", "H-01"), ("supervisor1", "S-01")):
            opened[username] = PaneSeat(qtbot, aio, backend_process.url, username, seat_id)
        yield opened
    finally:
        for seat in opened.values():
            seat.close()


def dispatched(operator: PaneSeat, description: str) -> m.CaseRecord:
    """A case the operator registered and dispatched to the city management bureau (handler1's unit)."""
    case = operator.create_case(description)
    for action, fields in (("register", {}), ("dispatch", {"department_code": "D-CG"})):
        request = lm.TransitionCase(case_id=case.id, action=action, **fields)
        operator.aio.run(operator.service.client.request("case.transition", request))
    return case


def test_a_handler_accepts_reports_progress_and_asks_for_more_time(seats: dict[str, PaneSeat]) -> None:
    handler = seats["handler1"]
    case = dispatched(seats["operator1"], "街角垃圾桶满溢")
    handler.open(case)
    assert handler.lifecycle_buttons() == {"accept", "return"}  # not dispatch
    assert handler.side_buttons() == {"progress", "extension"}  # nothing of a supervisor's

    handler.click(handler.pane.action_bar.buttons["accept"])
    handler.qtbot.waitUntil(lambda: handler.status() == "handling", timeout=10000)
    assert "complete" in handler.lifecycle_buttons()

    dialog = handler.open_side_dialog("progress")
    handler.press_ok(dialog)
    assert handler.refused_inline(dialog)  # a progress report needs a note
    handler.type(dialog.note, "已安排清运车辆")
    handler.press_ok(dialog)
    handler.wait_closed(dialog)
    handler.qtbot.waitUntil(lambda: handler.timeline_actions()[-1:] == ["progress"], timeout=10000)

    dialog = handler.open_side_dialog("extension")
    handler.press_ok(dialog)
    assert handler.refused_inline(dialog)  # no amount, no reason
    dialog.amount.setValue(2)
    handler.type(dialog.reason, "需协调环卫公司")
    handler.press_ok(dialog)
    handler.wait_closed(dialog)
    handler.qtbot.waitUntil(lambda: handler.timeline_actions()[-1:] == ["extension_requested"], timeout=10000)
    handler.qtbot.waitUntil(lambda: "extension" not in handler.side_buttons())  # one pending at a time
    assert handler.pane.sections.extensions.rowCount() == 1


def test_a_supervisor_supervises_urges_and_decides_the_extension(seats: dict[str, PaneSeat]) -> None:
    handler, supervisor = seats["handler1"], seats["supervisor1"]
    case = dispatched(seats["operator1"], "垃圾清运不及时")
    request = lm.TransitionCase(case_id=case.id, action="accept")
    handler.aio.run(handler.service.client.request("case.transition", request))
    supervisor.open(case)
    assert {"supervise", "urge", "consultation", "link"} <= supervisor.side_buttons()
    assert "decide_extension" not in supervisor.side_buttons()

    dialog = supervisor.open_side_dialog("supervise")
    supervisor.press_ok(dialog)
    assert supervisor.refused_inline(dialog)  # a supervision note is required
    dialog.level.setCurrentIndex(dialog.level.findData("key"))
    supervisor.type(dialog.note, "今日内处理完毕")
    supervisor.press_ok(dialog)
    supervisor.wait_closed(dialog)
    supervisor.qtbot.waitUntil(lambda: supervisor.pane.header.supervision.text() == "Key supervision")

    dialog = supervisor.open_side_dialog("urge")
    supervisor.type(dialog.note, "请加快进度")
    supervisor.press_ok(dialog)
    supervisor.wait_closed(dialog)
    supervisor.qtbot.waitUntil(
        lambda: supervisor.timeline_actions()[-2:] == ["supervised", "urged"], timeout=10000
    )

    # The handler asks for more time; the supervisor's pane follows the case and offers the decision.
    handler.open(case)
    dialog = handler.open_side_dialog("extension")
    dialog.amount.setValue(1)
    handler.type(dialog.reason, "材料未到")
    handler.press_ok(dialog)
    handler.wait_closed(dialog)
    supervisor.qtbot.waitUntil(lambda: "decide_extension" in supervisor.side_buttons(), timeout=10000)
    dialog = supervisor.open_side_dialog("decide_extension")
    supervisor.press_ok(dialog)
    assert supervisor.refused_inline(dialog)  # neither approved nor refused
    supervisor.click(dialog.refuse)
    supervisor.press_ok(dialog)
    assert supervisor.refused_inline(dialog)  # a refusal says why
    supervisor.click(dialog.approve)
    supervisor.press_ok(dialog)
    supervisor.wait_closed(dialog)
    supervisor.qtbot.waitUntil(
        lambda: supervisor.timeline_actions()[-1:] == ["extension_approved"], timeout=10000
    )
    assert supervisor.pane.fields_view.fields["extension_state"].text() == "Approved"


def test_a_consultation_is_opened_and_concluded(seats: dict[str, PaneSeat]) -> None:
    supervisor = seats["supervisor1"]
    case = dispatched(seats["operator1"], "河道旁垃圾与污水")
    supervisor.open(case)
    dialog = supervisor.open_side_dialog("consultation")
    supervisor.type(dialog.topic, "垃圾与污水的分工")
    for row in range(dialog.units.count()):
        dialog.units.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.units.item(0).setCheckState(Qt.CheckState.Checked)
    supervisor.press_ok(dialog)
    assert supervisor.refused_inline(dialog)  # one unit is not a consultation
    dialog.units.item(1).setCheckState(Qt.CheckState.Checked)
    supervisor.press_ok(dialog)
    supervisor.wait_closed(dialog)
    supervisor.qtbot.waitUntil(lambda: "conclude_consultation" in supervisor.side_buttons(), timeout=10000)
    assert supervisor.pane.sections.consultations.rowCount() == 1

    dialog = supervisor.open_side_dialog("conclude_consultation")
    supervisor.press_ok(dialog)
    assert supervisor.refused_inline(dialog)
    supervisor.type(dialog.note, "城管局主办，水务局协办")
    supervisor.press_ok(dialog)
    supervisor.wait_closed(dialog)
    supervisor.qtbot.waitUntil(
        lambda: "conclude_consultation" not in supervisor.side_buttons(), timeout=10000
    )
    assert supervisor.timeline_actions()[-2:] == ["consultation_opened", "consultation_concluded"]


def test_an_operator_links_a_case_and_opens_it_from_the_links(seats: dict[str, PaneSeat]) -> None:
    operator = seats["operator1"]
    first, second = operator.create_case("同一处垃圾堆 第一次"), operator.create_case("同一处垃圾堆 第二次")
    operator.open(first)
    assert operator.side_buttons() == {"link"}  # nothing of a handler's or a supervisor's
    dialog = operator.open_side_dialog("link")
    operator.type(dialog.case_no, "NO-SUCH-CASE")
    operator.press_ok(dialog)
    assert operator.refused_inline(dialog)
    dialog.case_no.clear()
    operator.type(dialog.case_no, second.case_no)
    operator.press_ok(dialog)
    operator.wait_closed(dialog)
    links = operator.pane.sections.links
    operator.qtbot.waitUntil(lambda: links.rowCount() == 1, timeout=10000)
    assert links.record_at(0).case_no == second.case_no

    # A double click on the linked case opens it in the pane.
    table = operator.pane.sections.links_table
    operator.pane.sections.setCurrentWidget(table)
    rect = table.visualRect(links.index(0, 0))
    # QTest's double click is seen as one only after a first click, as with a real mouse
    operator.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    operator.qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    operator.qtbot.waitUntil(
        lambda: operator.pane.detail is not None and operator.pane.detail.case.id == second.id
    )
