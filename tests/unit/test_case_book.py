"""CaseBook: newest first, live upserts, and pages of older cases appended as one block."""

from __future__ import annotations

from client_api.case_book import CaseBook
from client_api.messages import CaseRecord


def case(id_: int, status: str = "received") -> CaseRecord:
    return CaseRecord(
        id=id_,
        case_no=f"C{id_:06d}",
        category_code="E0101",
        address="路",
        description="d",
        status=status,
        created_at=1_795_000_000.0 + id_,
        created_by="operator1",
        seat_id="seat-1",
    )


def recording(book: CaseBook) -> list[tuple[str, int, int]]:
    calls: list[tuple[str, int, int]] = []
    book.on_about_to_extend.append(lambda first, last: calls.append(("about", first, last)))
    book.on_extended.append(lambda first, last: calls.append(("done", first, last)))
    book.on_reset.append(lambda: calls.append(("reset", 0, 0)))
    book.on_changed.append(lambda row: calls.append(("changed", row, row)))
    return calls


def test_extend_older_appends_a_block_at_the_end() -> None:
    book = CaseBook()
    book.reset([case(i) for i in range(10, 21)])
    calls = recording(book)
    assert book.extend_older([case(i) for i in range(1, 10)]) == 9
    assert calls == [("about", 11, 19), ("done", 11, 19)]
    assert [book[r].id for r in range(len(book))] == list(range(20, 0, -1))
    assert all(book.row_of(book[r].id) == r for r in range(len(book)))
    assert book.oldest_id() == 1


def test_extend_older_keeps_rows_right_for_later_upserts() -> None:
    book = CaseBook()
    book.reset([case(5), case(6)])
    book.extend_older([case(3), case(4), case(1)])
    book.upsert(case(7))
    assert [book[r].id for r in range(len(book))] == [7, 6, 5, 4, 3, 1]
    assert book.row_of(1) == 5
    assert book.row_of(7) == 0


def test_known_or_newer_cases_in_a_page_are_upserted_not_duplicated() -> None:
    book = CaseBook()
    book.reset([case(5), case(6)])
    calls = recording(book)
    assert book.extend_older([case(6, "dispatched"), case(4), case(4)]) == 1
    assert [book[r].id for r in range(len(book))] == [6, 5, 4]
    assert book[0].status == "dispatched"
    assert calls == [("changed", 0, 0), ("about", 2, 2), ("done", 2, 2)]


def test_an_empty_page_changes_nothing() -> None:
    book = CaseBook()
    calls = recording(book)
    assert book.extend_older([]) == 0
    assert book.extend_older([case(3), case(2)]) == 2  # an empty book takes any page
    assert calls == [("about", 0, 1), ("done", 0, 1)]
    assert [book[r].id for r in range(len(book))] == [3, 2]
