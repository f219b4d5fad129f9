"""The alert table: its columns, live row-by-row updates, sorting by keys and the alert center's filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from client_api.alert_book import AlertBook
from tests.ui.test_alert_support import EVIDENCE, acked, changed, make_alert
from ui.alerts.alert_filter import AlertFilter, AlertFilterProxy
from ui.alerts.filter_bar import AlertFilterBar
from widgets.alert_table_model import AlertTableModel
from widgets.evidence_table_model import EvidenceTableModel


def cell(model: Any, row: int, column: str) -> str:
    return str(model.index(row, AlertTableModel.COLUMNS.index(column)).data())


def filled_book() -> AlertBook:
    book = AlertBook()
    book.upsert(make_alert(id=1, severity="Minor", event="道路积水", headline="积水提示", received_at=100.0))
    book.upsert(acked(make_alert(id=2, severity="Severe", headline="大风橙色预警", received_at=200.0)))
    book.upsert(
        make_alert(
            id=3,
            source="rule",
            rule="group_rental",
            severity="Moderate",
            event="疑似群租房",
            headline="滨江花园3栋1204 用水异常",
            evidence=EVIDENCE,
            received_at=300.0,
        )
    )
    book.upsert(
        make_alert(id=4, severity="Extreme", status="Exercise", headline="演练：危化品泄漏", received_at=50.0)
    )
    return book


def test_columns_show_the_alert_and_follow_it_row_by_row(qtmodeltester: Any, qtbot: Any) -> None:
    book = filled_book()
    model = AlertTableModel(book)
    qtmodeltester.check(model)
    assert model.rowCount() == 4 and model.columnCount() == len(AlertTableModel.COLUMNS)
    assert [model.alert_at(r).id for r in range(4)] == [4, 3, 2, 1]
    assert cell(model, 3, "severity") == "Minor" and cell(model, 3, "state") == "Unacknowledged"
    assert cell(model, 2, "acked_by") == "张三 (A-01)" and cell(model, 2, "state") == "Acknowledged"
    assert cell(model, 1, "source") == "Suspected group rental"
    assert cell(model, 0, "headline") == "【演练】演练：危化品泄漏"  # CAP status Exercise
    assert cell(model, 3, "headline") == "积水提示"
    with qtbot.waitSignal(model.dataChanged) as changed_rows:
        book.upsert(changed(book[1], escalation_level=1, case_id=9, case_no="BJ20260101"))
    assert changed_rows.args[0].row() == 1 and changed_rows.args[1].row() == 1
    assert cell(model, 1, "escalation") == "Escalated" and cell(model, 1, "case_no") == "BJ20260101"
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        book.upsert(make_alert(id=9))
    assert inserted.args[1] == 0 and model.alert_at(0).id == 9


def test_every_headline_is_a_drill_on_an_exercise_server() -> None:
    book = filled_book()
    model = AlertTableModel(book, lambda: True)
    assert all(cell(model, r, "headline").startswith("【演练】") for r in range(4))


def test_sorting_uses_keys_and_filters_combine(qtmodeltester: Any, qtbot: Any) -> None:
    book = filled_book()
    model = AlertTableModel(book)
    proxy = AlertFilterProxy(model)
    qtmodeltester.check(proxy)
    proxy.sort(AlertTableModel.COLUMNS.index("severity"), Qt.SortOrder.DescendingOrder)
    assert [proxy.alert_at(r).severity for r in range(4)] == ["Extreme", "Severe", "Moderate", "Minor"]
    proxy.sort(AlertTableModel.COLUMNS.index("received_at"), Qt.SortOrder.AscendingOrder)
    assert [proxy.alert_at(r).id for r in range(4)] == [4, 1, 2, 3]
    proxy.set_filter(AlertFilter(states=frozenset({"active"})))
    assert sorted(proxy.alert_at(r).id for r in range(proxy.rowCount())) == [1, 3, 4]
    proxy.set_filter(AlertFilter(min_severity="Severe"))
    assert sorted(proxy.alert_at(r).id for r in range(proxy.rowCount())) == [2, 4]
    proxy.set_filter(AlertFilter(source="rule:group_rental"))
    assert [proxy.alert_at(r).id for r in range(proxy.rowCount())] == [3]
    proxy.set_filter(AlertFilter(source="cap", text="预警"))
    assert [proxy.alert_at(r).id for r in range(proxy.rowCount())] == [2]
    proxy.set_filter(AlertFilter(states=frozenset({"active"}), min_severity="Moderate", text="滨江"))
    assert sorted(proxy.alert_at(r).id for r in range(proxy.rowCount())) == [3, 4]
    book.upsert(acked(book.get(3)))  # acknowledged elsewhere: it leaves the "active" view live
    assert [proxy.alert_at(r).id for r in range(proxy.rowCount())] == [4]
    assert proxy.row_of_alert(4) == 0 and proxy.row_of_alert(3) is None


def test_the_filter_bar_builds_the_filter(qtbot: Any) -> None:
    bar = AlertFilterBar()
    qtbot.addWidget(bar)
    with qtbot.waitSignal(bar.filterChanged) as emitted:
        bar.state.setCurrentIndex(bar.state.findData("active"))
    assert emitted.args[0] == AlertFilter(states=frozenset({"active"}))
    bar.severity.setCurrentIndex(bar.severity.findData("Severe"))
    bar.source.setCurrentIndex(bar.source.findData("rule:hazmat_route"))
    with qtbot.waitSignal(bar.filterChanged) as emitted:
        bar.search.setText("危化品")
    assert emitted.args[0] == AlertFilter(
        states=frozenset({"active"}), min_severity="Severe", source="rule:hazmat_route", text="危化品"
    )
    bar.set_counts(3, 10)
    assert bar.count.text() == "3 of 10 alerts"


def test_evidence_rows(qtmodeltester: Any) -> None:
    model = EvidenceTableModel()
    model.set_evidence(EVIDENCE)
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(4)] == ["水 m³/日", "4.8", "1.2", "m³"]
    assert [model.index(1, c).data() for c in range(5)] == ["快递 件/日", "23", "3", "", ""]
    assert model.headers()[0] == "What"
