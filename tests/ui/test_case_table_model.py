"""The case table model: a correct Qt model, updated row by row, never reset in steady state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from client_api.case_book import CaseBook
from client_api.messages import CaseRecord
from widgets.case_table_model import CaseTableModel


def case(id_: int, description: str = "desc", status: str = "received") -> CaseRecord:
    return CaseRecord(
        id=id_,
        case_no=f"20261127{id_:06d}",
        category_code="E0101",
        address=f"路{id_}号",
        description=description,
        status=status,
        created_at=1_795_000_000.0 + id_,
        created_by="operator1",
        seat_id="seat-1",
        grid_code="32099900100101",
    )


def make_model(book: CaseBook) -> CaseTableModel:
    return CaseTableModel(book, {"E0101": "私搭乱建"}.get, lambda code: "滨江社区第1网格" if code else "")


def test_model_passes_qt_model_tester(qtmodeltester: Any) -> None:
    book = CaseBook()
    book.reset([case(i) for i in range(1, 50)])
    model = make_model(book)
    qtmodeltester.check(model)
    book.upsert(case(50))
    qtmodeltester.check(model)


def test_new_case_is_inserted_at_the_top_without_reset(qtbot: Any) -> None:
    book = CaseBook()
    book.reset([case(1), case(2)])
    model = make_model(book)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.rowsInserted) as blocker:
        book.upsert(case(3, "new"))
    assert blocker.args[1:] == [0, 0]
    assert not resets
    assert model.rowCount() == 3
    assert model.data(model.index(0, 5)) == "new"
    assert model.data(model.index(0, 2)) == "私搭乱建"
    assert model.data(model.index(0, 3)) == "滨江社区第1网格"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == 3


def test_known_case_changes_in_place(qtbot: Any) -> None:
    book = CaseBook()
    book.reset([case(1), case(2)])
    model = make_model(book)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        book.upsert(case(1, status="dispatched"))
    assert blocker.args[0].row() == 1
    assert model.rowCount() == 2
    assert model.data(model.index(1, 6)) == "Dispatched"


def test_a_repeated_event_does_not_duplicate_a_row() -> None:
    book = CaseBook()
    book.upsert(case(7))
    book.upsert(case(7))
    assert len(book) == 1
    assert book.row_of(7) == 0


def test_large_book_keeps_row_lookup_right() -> None:
    book = CaseBook()
    book.reset([case(i) for i in range(1, 10_001)])
    book.upsert(case(10_001))
    assert book.row_of(10_001) == 0
    assert book.row_of(1) == 10_000
    assert book[book.row_of(5000) or 0].id == 5000
