"""The seat's alert book: newest first, row-by-row listeners, stale records ignored, snapshots merged."""

from __future__ import annotations

from client_api.alert_book import AlertBook
from tests.ui.test_alert_support import acked, changed, make_alert


def recording(book: AlertBook) -> list[tuple[str, int]]:
    calls: list[tuple[str, int]] = []
    book.on_reset.append(lambda: calls.append(("reset", -1)))
    book.on_about_to_insert.append(lambda row: calls.append(("about", row)))
    book.on_inserted.append(lambda row: calls.append(("inserted", row)))
    book.on_changed.append(lambda row: calls.append(("changed", row)))
    return calls


def test_new_alerts_go_on_top_and_older_ones_into_their_place() -> None:
    book = AlertBook()
    calls = recording(book)
    a, b, c = make_alert(id=10), make_alert(id=20), make_alert(id=15)
    assert book.upsert(a) == (True, None)
    assert book.upsert(b) == (True, None)
    assert book.upsert(c) == (True, None)
    assert [x.id for x in book] == [20, 15, 10]
    assert calls == [
        ("about", 0),
        ("inserted", 0),
        ("about", 0),
        ("inserted", 0),
        ("about", 1),
        ("inserted", 1),
    ]
    assert [book.row_of(i) for i in (20, 15, 10, 99)] == [0, 1, 2, None]
    assert 15 in book and 99 not in book and book.get(10) is a


def test_a_change_replaces_the_row_and_a_stale_record_is_ignored() -> None:
    book = AlertBook()
    first = make_alert(id=1)
    book.upsert(first)
    later = acked(first)
    calls = recording(book)
    assert book.upsert(later) == (True, first)
    assert book.upsert(first) == (False, later)  # the event of an older change, after the answer
    assert book.upsert(later) == (False, later)  # the same record twice: nothing to tell
    assert calls == [("changed", 0)] and book[0] is later
    assert book.active() == []


def test_a_snapshot_replaces_everything_but_keeps_newer_known_versions() -> None:
    book = AlertBook()
    old = make_alert(id=5)
    book.upsert(old)
    book.upsert(make_alert(id=6))
    newer = changed(old, escalation_level=1)
    book.upsert(newer)
    calls = recording(book)
    book.reset([old, make_alert(id=7)])  # the snapshot was taken before the escalation
    assert calls == [("reset", -1)]
    assert [a.id for a in book] == [7, 5]
    assert book.get(5) is newer and book.get(6) is None
    assert [a.id for a in book.active()] == [7, 5]
