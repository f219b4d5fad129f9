"""The dispatch dialog against a real backend: the routing rules' suggestion is preselected with its
reason, invalid choices are refused inline, and the chosen lead and co-handling units reach the case."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from client_api import messages as m
from tests.ui.case_pane_support import PaneSeat
from ui.cases.dispatch_dialog import DispatchDialog, unit_paths


@pytest.fixture
def operator(qtbot: Any, aio: Any, backend_process: Any) -> Iterator[PaneSeat]:
    seat = PaneSeat(qtbot, aio, backend_process.url, "operator1", "A-01")
    try:
        yield seat
    finally:
        seat.close()


def registered(seat: PaneSeat, description: str) -> m.CaseRecord:
    case = seat.create_case(description)
    seat.open(case)
    seat.click(seat.pane.action_bar.buttons["register"])
    seat.qtbot.waitUntil(lambda: seat.status() == "registered", timeout=10000)
    assert seat.lifecycle_buttons() == {"dispatch", "void"}
    return case


def check(dialog: DispatchDialog, code: str) -> None:
    for row in range(dialog.co_units.count()):
        item = dialog.co_units.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == code:
            item.setCheckState(Qt.CheckState.Checked)


def test_the_suggested_unit_is_preselected_and_the_operator_overrides_it(operator: PaneSeat) -> None:
    case = registered(operator, "人行道暴露垃圾无人清理")
    dialog = operator.open_lifecycle_dialog("dispatch")
    assert isinstance(dialog, DispatchDialog)
    assert dialog.suggestion is not None and dialog.suggestion.department_code == "D-CG"
    assert dialog.lead_code() == "D-CG"
    assert dialog.reason.text() == dialog.suggestion.reason != ""
    offered = {str(dialog.lead.itemData(i)) for i in range(dialog.lead.count())}
    assert offered == set(dialog.suggestion.candidates)

    # A unit typed that is not on the list is refused inline, and nothing is sent.
    dialog.lead.lineEdit().clear()
    operator.type(dialog.lead.lineEdit(), "不存在的单位")
    operator.press_ok(dialog)
    assert operator.refused_inline(dialog)
    assert operator.status() == "registered"

    # The operator picks the water authority instead, with the city management bureau co-handling.
    water = unit_paths(operator.service.reference.departments)["D-SW"]  # type: ignore[union-attr]
    dialog.lead.lineEdit().clear()
    operator.type(dialog.lead.lineEdit(), water)
    check(dialog, "D-SW")
    operator.press_ok(dialog)
    assert "co-handling" in dialog.error.text()  # the lead cannot co-handle too
    for row in range(dialog.co_units.count()):
        dialog.co_units.item(row).setCheckState(Qt.CheckState.Unchecked)
    check(dialog, "D-CG")
    operator.type(dialog.note, "尽快处理")
    operator.press_ok(dialog)
    operator.wait_closed(dialog)

    operator.qtbot.waitUntil(lambda: operator.status() == "dispatched", timeout=10000)
    detail = operator.pane.detail
    assert detail is not None
    assert detail.case.lead_department == "D-SW" and list(detail.case.co_departments) == ["D-CG"]
    assert operator.pane.fields_view.fields["lead_department"].text() == "区水务局"
    assert operator.pane.fields_view.fields["co_departments"].text() == "区城市管理局"
    operator.qtbot.waitUntil(lambda: operator.timeline_actions()[-1:] == ["dispatch"])
    timeline = operator.pane.sections.timeline
    last = timeline.rowCount() - 1
    assert timeline.data(timeline.index(last, 4)) == "区水务局"
    assert timeline.data(timeline.index(last, 6)) == "尽快处理"
    assert case.id == detail.case.id


def test_cancelling_the_dispatch_sends_nothing(operator: PaneSeat) -> None:
    registered(operator, "小区门口垃圾满溢")
    dialog = operator.open_lifecycle_dialog("dispatch")
    dialog.reject()
    operator.wait_closed(dialog)
    operator.qtbot.waitUntil(lambda: operator.pane.action_bar.open_dialog is None)
    assert operator.status() == "registered"
    assert operator.timeline_actions() == ["created", "register"]
