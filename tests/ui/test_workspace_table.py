"""The case workspace table: model and proxy stay correct under live updates at scale, the countdown
ticks with the clock, sorting follows the data, and the column layout is remembered."""

from __future__ import annotations

from typing import Any

import msgspec
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from app.seat_service import SeatService
from client_api.case_book import CaseBook
from client_api.client import SeatClient
from client_api.messages import CaseRecord
from ui.cases_screen import CasesScreen
from widgets.case_filter_proxy import CaseFilter, CaseFilterProxy
from widgets.case_table_model import BADGE_STATE_ROLE, SORT_KEY_ROLE, CaseTableModel
from widgets.case_table_view import CaseTableView, CountdownTicker

T0 = 1_795_000_000.0
COL = {name: i for i, name in enumerate(CaseTableModel.COLUMNS)}


def case(id_: int, **fields: Any) -> CaseRecord:
    base = CaseRecord(
        id=id_,
        case_no=f"2026{id_:08d}",
        category_code="E0101",
        address=f"滨江路{id_}号",
        description="路灯不亮",
        status="handling",
        created_at=T0 + id_,
        created_by="operator1",
        seat_id="A-01",
        deadline_at=T0 + 10_000 + (id_ * 7919) % 1000,
    )
    return msgspec.structs.replace(base, **fields)


def table(n: int) -> tuple[CaseBook, CaseTableModel, CaseFilterProxy]:
    book = CaseBook()
    book.reset([case(i) for i in range(1, n + 1)])
    model = CaseTableModel(book, str, lambda code: code or "", department_name={"D-SW": "水务局"}.get)
    model.clock = lambda: T0 + 100
    return book, model, CaseFilterProxy(model)


def ids(proxy: CaseFilterProxy) -> list[int]:
    return [proxy.case_at(r).id for r in range(proxy.rowCount())]


def test_proxy_passes_qt_model_tester_sorted_filtered_and_live(qtmodeltester: Any) -> None:
    book, _model, proxy = table(60)
    proxy.sort(COL["deadline_at"], Qt.SortOrder.AscendingOrder)
    proxy.set_filter(CaseFilter(text="1"))
    qtmodeltester.check(proxy)
    book.upsert(case(61, address="1路"))
    book.upsert(case(5, deadline_at=T0))
    book.upsert(case(11, address="x", case_no="x", description="x"))  # filtered out now
    qtmodeltester.check(proxy)


def test_live_updates_go_in_out_and_move_without_a_reset(qtbot: Any) -> None:
    book, model, proxy = table(200)
    proxy.sort(COL["deadline_at"], Qt.SortOrder.AscendingOrder)
    proxy.set_filter(CaseFilter(statuses=frozenset({"handling"})))
    resets: list[str] = []
    for m in (model, proxy):
        m.modelReset.connect(lambda: resets.append("reset"))
    kept = QPersistentModelIndex(proxy.index(proxy.row_of_case(50) or 0, 0))
    with qtbot.waitSignal(proxy.rowsRemoved):
        book.upsert(case(7, status="closed"))  # filtered out
    assert 7 not in ids(proxy)
    with qtbot.waitSignal(proxy.rowsInserted):
        book.upsert(case(201))  # a new case, filtered in
    book.upsert(case(50, deadline_at=T0))  # moves to the top of the due order
    assert ids(proxy)[0] == 50
    assert kept.row() == 0, "the persistent index follows its case"
    keys = [proxy.data(proxy.index(r, COL["deadline_at"]), SORT_KEY_ROLE) for r in range(proxy.rowCount())]
    assert keys == sorted(keys)
    assert len(ids(proxy)) == 200  # 200 - closed 7 + new 201
    assert not resets


def test_sorting_by_due_date_both_ways_and_back_to_newest_first() -> None:
    book, _model, proxy = table(50)
    book.upsert(case(3, deadline_at=None))
    proxy.sort(COL["deadline_at"], Qt.SortOrder.AscendingOrder)
    due = [proxy.case_at(r).deadline_at for r in range(proxy.rowCount())]
    assert due[-1] is None  # no deadline sorts last
    assert due[:-1] == sorted(d for d in due if d is not None)
    proxy.sort(COL["deadline_at"], Qt.SortOrder.DescendingOrder)
    assert proxy.case_at(0).id == 3
    proxy.sort(-1)
    assert ids(proxy) == list(range(50, 0, -1))


def test_a_page_of_older_cases_is_one_insert(qtbot: Any) -> None:
    book, model, proxy = table(20)
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserts.append((first, last)))
    proxy_inserts: list[tuple[int, int]] = []
    proxy.rowsInserted.connect(lambda _p, first, last: proxy_inserts.append((first, last)))
    book.extend_older([case(-i) for i in range(1, 11)])
    assert inserts == [(20, 29)]
    assert proxy_inserts == [(20, 29)]  # newest first: the older page goes in at the end, as a block
    assert ids(proxy)[-1] == -10


def test_countdown_follows_the_clock_and_colours_the_badge() -> None:
    now = [T0]
    book = CaseBook()
    book.reset([case(1, stage_started_at=T0, stage_deadline_at=T0 + 3725)])
    model = CaseTableModel(book, str, lambda code: code or "")
    model.clock = lambda: now[0]
    sla = model.index(0, COL["sla"])
    assert model.data(sla) == "01:02:05"
    assert model.data(sla, Qt.ItemDataRole.BackgroundRole) is None
    now[0] = T0 + 3300  # past 80 % of the stage's time
    assert model.data(sla) == "00:07:05"
    assert model.data(sla, BADGE_STATE_ROLE) == "warning"
    warning = model.data(sla, Qt.ItemDataRole.BackgroundRole)
    now[0] = T0 + 3725 + 720
    assert model.data(sla) == "-00:12:00"
    assert model.data(sla, BADGE_STATE_ROLE) == "overdue"
    assert model.data(sla, Qt.ItemDataRole.BackgroundRole) not in (None, warning)


def test_ticker_repaints_only_the_visible_sla_cells(qtbot: Any) -> None:
    _book, _model, proxy = table(5000)
    view = CaseTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(800, 400)
    view.show()
    qtbot.waitExposed(view)
    ticker = CountdownTicker(view)
    ticker.timer.stop()
    changes: list[tuple[int, int, int, int]] = []
    proxy.dataChanged.connect(
        lambda tl, br, _roles=(): changes.append((tl.row(), br.row(), tl.column(), br.column()))
    )
    ticker.tick()
    assert len(changes) == 1
    first, last, column, last_column = changes[0]
    assert column == last_column == COL["sla"]
    assert first == 0 and 5 < last < 40  # the rows in sight, not 5000


def service() -> SeatService:
    return SeatService(SeatClient("ws://127.0.0.1:9/"))  # never started: the screen needs no server


def test_header_layout_is_restored_in_a_new_screen(qtbot: Any) -> None:
    first = CasesScreen(service())
    qtbot.addWidget(first)
    header = first.table.horizontalHeader()
    header.moveSection(header.visualIndex(COL["status"]), 0)
    first.table.setColumnWidth(COL["address"], 333)
    first.set_column_shown(COL["description"], False)
    first.table.sortByColumn(COL["deadline_at"], Qt.SortOrder.AscendingOrder)
    first.save_header()
    second = CasesScreen(service())
    qtbot.addWidget(second)
    restored = second.table.horizontalHeader()
    assert restored.visualIndex(COL["status"]) == 0
    assert restored.sectionSize(COL["address"]) == 333
    assert restored.isSectionHidden(COL["description"])
    assert restored.sortIndicatorSection() == COL["deadline_at"]
    assert second.proxy.sort_column() == COL["deadline_at"]


def test_header_menu_hides_and_shows_columns(qtbot: Any) -> None:
    screen = CasesScreen(service())
    qtbot.addWidget(screen)
    actions = screen.column_menu().actions()
    assert [a.text() for a in actions] == screen.model.headers()
    actions[COL["urgency"]].toggle()
    assert screen.table.isColumnHidden(COL["urgency"])
    screen.column_menu().actions()[COL["urgency"]].toggle()
    assert not screen.table.isColumnHidden(COL["urgency"])


def test_screen_counts_and_selects_through_the_proxy(qtbot: Any) -> None:
    seat = service()
    screen = CasesScreen(seat)
    qtbot.addWidget(screen)
    seat.cases.reset([case(i) for i in range(1, 31)])
    assert screen.filter_bar.count.text() == "30 of 30 cases"
    screen.proxy.set_filter(CaseFilter(text="滨江路1"))  # 1, 10 … 19
    assert screen.filter_bar.count.text() == "11 of 30 cases"
    screen.table.setCurrentIndex(screen.model.index(screen.model.rowCount() - 1, 0))  # source index: case 1
    assert screen.proxy.case_at(screen.table.currentIndex().row()).id == 1
    assert screen.detail_pane.case_id == 1
    screen.table.setCurrentIndex(QModelIndex())


def test_every_lifecycle_state_has_a_label_and_a_sort_place() -> None:
    from backend.lifecycle.rules import STATES
    from widgets.case_table_model import STATUS_ORDER, status_label

    assert set(STATUS_ORDER) == set(STATES)
    assert all(status_label(state) != state for state in STATES)


def test_the_sla_column_shows_a_missed_completion_deadline_even_in_an_early_stage() -> None:
    from widgets.case_table_model import shown_badge, sort_key

    case = CaseRecord(
        id=1, case_no="1", category_code="E0401", address="a", description="d", status="dispatched",
        created_at=0.0, created_by="op", seat_id="s", stage_started_at=50.0, stage_deadline_at=3650.0,
        deadline_at=100.0, overdue=True,
    )  # fmt: skip
    badge = shown_badge(case, now=200.0)
    assert badge.state == "overdue" and badge.remaining_s == -100.0
    assert sort_key(case, "sla") == 100.0  # sorted by the limit that ran out first
