"""The case detail dialog against a real backend process: a supervisor opens a merged case from the Cases
table and undoes the merge; an operator sees the same case without the undo button."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from client_api import intake_messages as im
from client_api import messages as m
from client_api.client import SeatClient
from client_api.intake_api import IntakeApi
from tests.e2e.seat_driver import Seat
from ui.case_detail_dialog import CaseDetailDialog

FIRST = "滨江路88号门口水管爆裂，水漫到马路上"
SECOND = "新桥路口另一处水管在冒水"


@pytest.fixture
def merged_case(aio: Any, backend_process: Any) -> Iterator[m.CaseRecord]:
    """A case with a second report merged into it, made by a supervisor's plain client."""
    client = SeatClient(backend_process.url)

    async def prepare() -> m.CaseRecord:
        client.start()
        await client.wait_connected(10)
        await client.login("supervisor1", "demo", "sup-0")
        case: m.CaseRecord = (
            await client.request(
                "case.create",
                m.CreateCase(
                    category_code="E0502",
                    address="滨江路88号",
                    description=FIRST,
                    reporter_name="王女士",
                    reporter_phone="13800001111",
                ),
            )
        ).case
        await IntakeApi(client).merge_report(
            case.id,
            im.ReportInput(
                description=SECOND, reporter_name="李先生", reporter_phone="13700003333", address="新桥路"
            ),
        )
        return case

    try:
        yield aio.run(prepare())
    finally:
        aio.run(client.close())


def open_from_cases_table(qtbot: Any, seat: Seat, case: m.CaseRecord) -> CaseDetailDialog:
    """Enter on the case's row in the Cases table; wait for the dialog to show its two reports."""
    window = seat.window
    assert window is not None
    window.tabs.setCurrentWidget(window.cases)
    qtbot.waitUntil(lambda: seat.shows_case(FIRST), timeout=10000)
    table, model = window.cases.table, window.cases.model
    row = next(r for r in range(model.rowCount()) if model.case_at(r).id == case.id)
    table.setFocus()
    table.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.cases.detail_dialog is not None)
    dialog = window.cases.detail_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.reports.rowCount() == 2, timeout=10000)
    qtbot.waitUntil(dialog.isVisible)
    sections = dialog.pane.sections
    sections.setCurrentWidget(sections.reports_tab)  # the operator turns to the Reports tab
    return dialog


def timeline_actions(dialog: CaseDetailDialog) -> list[str]:
    return [dialog.timeline.entry_at(row).action for row in range(dialog.timeline.rowCount())]


def timeline_column(dialog: CaseDetailDialog, column: int) -> list[str]:
    model = dialog.timeline
    return [str(model.data(model.index(row, column))) for row in range(model.rowCount())]


def close_seat(aio: Any, seat: Seat) -> None:
    if seat.window is not None:
        if seat.window.cases.detail_dialog is not None:
            seat.window.cases.detail_dialog.close()
        seat.window.close()
    aio.run(seat.service.close())


def test_a_supervisor_undoes_a_merge_and_a_new_case_appears(
    qtbot: Any, aio: Any, backend_process: Any, merged_case: m.CaseRecord
) -> None:
    seat = Seat(qtbot, backend_process.url)
    seat.log_in("supervisor1", "demo", "sup-A")
    try:
        dialog = open_from_cases_table(qtbot, seat, merged_case)
        assert dialog.fields["case_no"].text() == merged_case.case_no
        assert dialog.fields["reporter_count"].text() == "2"
        assert dialog.reports.report_at(1).description == SECOND
        assert timeline_actions(dialog) == ["created", "merged"]
        assert timeline_column(dialog, 1) == ["Created", "Report merged"]
        assert dialog.undo_button.isVisible() and dialog.undo_button.isEnabled()
        assert dialog.report_table.currentIndex().row() == 1  # the merged report is chosen

        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.reason_dialog is not None and dialog.reason_dialog.isVisible())
        reason = dialog.reason_dialog
        assert reason is not None
        reason.setTextValue("另一处水管，不是同一起")
        reason.accept()

        qtbot.waitUntil(lambda: dialog.status.text() != "", timeout=10000)
        assert dialog.status.property("kind") == "info", dialog.status.text()
        qtbot.waitUntil(lambda: seat.shows_case(SECOND), timeout=10000)
        book = seat.service.cases
        new_case = next(book[r] for r in range(len(book)) if book[r].description == SECOND)
        assert new_case.id != merged_case.id and new_case.case_no in dialog.status.text()

        # The dialog reloaded: the report is detached, the timeline says so, nothing is left to undo.
        qtbot.waitUntil(lambda: dialog.reports.report_at(1).detached_by == "supervisor1", timeout=10000)
        assert dialog.fields["reporter_count"].text() == "1"
        assert timeline_actions(dialog) == ["created", "merged", "unmerged"]
        assert "另一处水管，不是同一起" in timeline_column(dialog, 6)[2]
        assert not dialog.undo_button.isVisible()
    finally:
        close_seat(aio, seat)


def test_an_operator_sees_the_case_without_the_undo_button(
    qtbot: Any, aio: Any, backend_process: Any, merged_case: m.CaseRecord
) -> None:
    seat = Seat(qtbot, backend_process.url)
    seat.log_in("operator1", "demo", "op-A")
    try:
        dialog = open_from_cases_table(qtbot, seat, merged_case)
        assert dialog.reports.report_at(1).merged_by == "supervisor1"
        assert dialog.reports.report_at(1).detached_at is None
        assert not dialog.undo_button.isVisible()
        assert dialog.status.text() == ""
    finally:
        close_seat(aio, seat)
