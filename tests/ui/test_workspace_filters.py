"""Workspace filters: each part narrows the table to exactly the cases it names, live, and the filter
bar builds them from the reference tree."""

from __future__ import annotations

from typing import Any

from app.seat_service import SeatService
from client_api import messages as m
from client_api.case_book import CaseBook
from client_api.client import SeatClient
from tests.ui.test_workspace_table import T0, case
from ui.cases.filter_bar import FilterBar
from widgets.case_filter_proxy import CaseFilter, CaseFilterProxy
from widgets.case_table_model import CaseTableModel

CASES = [
    case(1, status="received", category_code="E0101", grid_code="G1", village_code="V1", town_code="T1"),
    case(2, status="dispatched", category_code="E0102", lead_department="D-SW", grid_code="G2"),
    case(3, status="handling", category_code="C0101", lead_department="D-CG", co_departments=("D-SW",)),
    case(4, status="closed", category_code="A01", created_by="operator2", supervision_level="key"),
    case(5, status="handling", stage_started_at=T0, stage_deadline_at=T0 + 100, supervision_level="general"),
    case(6, status="handling", reporter_phone="13800001111", address="新桥路", deadline_at=None),
]


def proxy_over(cases: list[m.CaseRecord]) -> tuple[CaseBook, CaseFilterProxy]:
    book = CaseBook()
    book.reset(cases)
    model = CaseTableModel(book, str, lambda code: code or "")
    model.clock = lambda: T0 + 90  # case 5's stage is 90 % used: warning
    return book, CaseFilterProxy(model)


def shown(proxy: CaseFilterProxy, case_filter: CaseFilter) -> set[int]:
    proxy.set_filter(case_filter)
    return {proxy.case_at(r).id for r in range(proxy.rowCount())}


def test_each_filter_narrows_to_what_it_names() -> None:
    _book, proxy = proxy_over(CASES)
    assert shown(proxy, CaseFilter()) == {1, 2, 3, 4, 5, 6}
    assert shown(proxy, CaseFilter(statuses=frozenset({"handling", "closed"}))) == {3, 4, 5, 6}
    assert shown(proxy, CaseFilter(categories=frozenset({"E01"}))) == {2, 1, 5, 6}  # prefix: its minors
    assert shown(proxy, CaseFilter(categories=frozenset({"C0101"}))) == {3}
    assert shown(proxy, CaseFilter(areas=frozenset({"T1"}))) == {1}  # a town holds the case's grid
    assert shown(proxy, CaseFilter(areas=frozenset({"G2"}))) == {2}
    assert shown(proxy, CaseFilter(departments=frozenset({"D-SW"}))) == {2, 3}  # lead or co-handling
    assert shown(proxy, CaseFilter(deadline="warning")) == {5}
    assert shown(proxy, CaseFilter(deadline="none")) == {4, 6}  # closed; no deadline at all
    assert shown(proxy, CaseFilter(mine=("operator2", None))) == {4}
    assert shown(proxy, CaseFilter(mine=("operator2", "D-CG"))) == {3, 4}
    assert shown(proxy, CaseFilter(supervision="any")) == {4, 5}
    assert shown(proxy, CaseFilter(supervision="key")) == {4}
    assert shown(proxy, CaseFilter(text="1111")) == {6}  # reporter phone
    assert shown(proxy, CaseFilter(text="新桥")) == {6}  # address
    assert shown(proxy, CaseFilter(text="202600000003")) == {3}  # case no.
    assert shown(proxy, CaseFilter(statuses=frozenset({"handling"}), supervision="any")) == {5}


def test_a_live_change_moves_a_case_into_and_out_of_the_filter(qtbot: Any) -> None:
    book, proxy = proxy_over(CASES)
    proxy.set_filter(CaseFilter(supervision="any"))
    resets: list[bool] = []
    proxy.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(proxy.rowsInserted):
        book.upsert(case(6, supervision_level="listed"))
    assert shown(proxy, proxy.case_filter) == {4, 5, 6}
    with qtbot.waitSignal(proxy.rowsRemoved):
        book.upsert(case(4, supervision_level=None))
    assert {proxy.case_at(r).id for r in range(proxy.rowCount())} == {5, 6}
    assert not resets


REFERENCE = m.Reference(
    areas=[
        m.AreaNode("D", "滨江区", "district"),
        m.AreaNode("T1", "新桥镇", "town", "D"),
        m.AreaNode("V1", "新桥村", "village", "T1"),
        m.AreaNode("G1", "第1网格", "grid", "V1"),
    ],
    departments=[
        m.Department("D-SW", "水务局"),
        m.Department("D-SW-1", "水务所", level="town", parent_code="D-SW"),
    ],
    categories=[m.Category("E01", "市容环境", "event"), m.Category("E0101", "私搭乱建", "event", "E01")],
)


def test_filter_bar_builds_filters_from_the_reference_tree(qtbot: Any) -> None:
    bar = FilterBar(SeatService(SeatClient("ws://127.0.0.1:9/")))
    qtbot.addWidget(bar)
    bar.set_reference(REFERENCE)
    with qtbot.waitSignal(bar.filterChanged) as changed:
        bar.area.setCurrentIndex(bar.area.findData("T1"))
    assert changed.args[0].areas == {"T1", "V1", "G1"}
    bar.department.setCurrentIndex(bar.department.findData("D-SW"))
    bar.category.setCurrentIndex(bar.category.findData("E01"))
    bar.status.setCurrentIndex(bar.status.findData("open"))
    bar.supervision.setCurrentIndex(bar.supervision.findData("any"))
    current = bar.current_filter()
    assert current.departments == {"D-SW", "D-SW-1"}
    assert current.categories == {"E01", "E0101"}
    assert "closed" not in current.statuses and "handling" in current.statuses
    assert current.supervision == "any"
    with qtbot.waitSignal(bar.filterChanged, timeout=2000) as searched:  # after the debounce
        bar.search.setText("滨江")
    assert searched.args[0].text == "滨江"
    bar.set_counts(3, 10)
    assert bar.count.text() == "3 of 10 cases"
