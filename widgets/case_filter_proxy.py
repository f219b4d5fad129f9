"""Filtering and sorting of the case table, live and fast at 100,000 cases.

Not a QSortFilterProxyModel: its first sort of 100k rows asks Python ``data()`` for a key in every
comparison, 14 s measured (see bench/workspace.py). This proxy keeps its own index instead: a list of
``(sort key, case id)`` in ascending order, built with one Python sort, and kept sorted under live
updates by bisection — a changed case moves (beginMoveRows), goes in or goes out, never a reset.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from client_api.messages import CaseRecord
from widgets.case_table_model import CaseTableModel, deadline_state, sort_key

_Index = QModelIndex | QPersistentModelIndex
_Entry = tuple[Any, int]  # (sort key, case id)
LARGE_CHANGE = 2000  # rows changed at once beyond which the index is rebuilt in one layout change
_COLUMN_COUNT = len(CaseTableModel.COLUMNS)
# Made once: the view asks for every painted cell, and combining enum flags in Python costs microseconds.
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


@dataclass(frozen=True)
class CaseFilter:
    """What the table shows; empty fields do not filter. Code sets already hold their subtrees."""

    statuses: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()  # codes; a case's code matches one or starts with one
    areas: frozenset[str] = frozenset()  # town, village or grid codes a case may lie in
    departments: frozenset[str] = frozenset()  # lead or co-handling unit
    deadline: str | None = None  # none | normal | warning | overdue
    mine: tuple[str, str | None] | None = None  # (username, unit): created by me or led by my unit
    supervision: str | None = None  # "any" or a level
    text: str = ""
    clock: Callable[[], float] | None = field(default=None, compare=False)

    def is_empty(self) -> bool:
        return self == CaseFilter()

    def predicate(self, now: float) -> Callable[[CaseRecord], bool] | None:
        """One function testing a case against every active part; None when nothing filters."""
        tests: list[Callable[[CaseRecord], bool]] = []
        if self.statuses:
            statuses = self.statuses
            tests.append(lambda c: c.status in statuses)
        if self.categories:
            codes, prefixes = self.categories, tuple(self.categories)
            tests.append(lambda c: c.category_code in codes or c.category_code.startswith(prefixes))
        if self.areas:
            areas = self.areas
            tests.append(lambda c: c.grid_code in areas or c.village_code in areas or c.town_code in areas)
        if self.departments:
            units = self.departments
            tests.append(lambda c: c.lead_department in units or not units.isdisjoint(c.co_departments))
        if self.deadline is not None:
            wanted = self.deadline
            tests.append(lambda c: deadline_state(c, now) == wanted)
        if self.mine is not None:
            username, unit = self.mine
            if unit is None:  # the district center: the cases I took
                tests.append(lambda c: c.created_by == username)
            else:
                tests.append(lambda c: c.created_by == username or c.lead_department == unit)
        if self.supervision == "any":
            tests.append(lambda c: c.supervision_level is not None)
        elif self.supervision is not None:
            level = self.supervision
            tests.append(lambda c: c.supervision_level == level)
        if self.text.strip():
            needle = self.text.strip().lower()
            tests.append(
                lambda c: (
                    needle in c.case_no.lower()
                    or needle in c.address.lower()
                    or needle in c.description.lower()
                    or (c.reporter_phone is not None and needle in c.reporter_phone)
                )
            )
        if not tests:
            return None
        if len(tests) == 1:
            return tests[0]
        return lambda c: all(test(c) for test in tests)


class CaseFilterProxy(QAbstractProxyModel):
    """The case table as shown: filtered by a CaseFilter, sorted by one column's sort key.

    Unsorted (column -1) it keeps the book's order, newest first. Attributes: source (the model).
    """

    def __init__(self, source: CaseTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self._filter = CaseFilter()
        self._accepts: Callable[[CaseRecord], bool] | None = None
        self._column = -1
        self._descending = True
        self._entries: list[_Entry] = []
        self._keys: dict[int, Any] = {}  # case id -> its key in _entries, for the cases shown
        self.setSourceModel(source)
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._on_source_reset)
        source.rowsInserted.connect(self._on_source_rows_inserted)
        source.dataChanged.connect(self._on_source_data_changed)
        source.layoutChanged.connect(self._relayout)
        self._rebuild()

    # --- the state ------------------------------------------------------------------------------

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    def set_filter(self, case_filter: CaseFilter) -> None:
        if case_filter == self._filter:
            return
        self._filter = case_filter
        self._relayout()

    def refilter(self) -> None:
        """Test every case again (the deadline states move with the time)."""
        self._relayout()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._column = column
        self._descending = column < 0 or order == Qt.SortOrder.DescendingOrder
        self._relayout()

    def sort_column(self) -> int:
        return self._column

    def case_at(self, row: int) -> CaseRecord:
        source_row = self.source.book.row_of(self._id_at(row))
        assert source_row is not None
        return self.source.book[source_row]

    def row_of_case(self, case_id: int) -> int | None:
        if case_id not in self._keys:
            return None
        return self._row_of(self._keys[case_id], case_id)

    # --- the index ------------------------------------------------------------------------------

    def _key(self, case: CaseRecord) -> Any:
        return 0 if self._column < 0 else sort_key(case, CaseTableModel.COLUMNS[self._column])

    def _rebuild(self) -> None:
        clock = self._filter.clock or self.source.clock
        accepts = self._accepts = self._filter.predicate(clock())
        cases: Iterable[CaseRecord] = self.source.book
        if accepts is not None:
            cases = filter(accepts, cases)
        if self._column < 0:
            entries = [(0, c.id) for c in cases]
            entries.reverse()  # the book is newest first; ascending ids
        else:
            column = CaseTableModel.COLUMNS[self._column]
            entries = [(sort_key(c, column), c.id) for c in cases]
            entries.sort()
        self._entries = entries
        self._keys = {case_id: key for key, case_id in entries}

    def _relayout(self) -> None:
        """Rebuild the index in one layout change; persistent indexes follow their cases."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(self._id_at(i.row()), i.column()) for i in persistent]
        self._rebuild()
        moved = []
        for case_id, column in kept:
            row = self.row_of_case(case_id)
            moved.append(QModelIndex() if row is None else self.index(row, column))
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _id_at(self, row: int) -> int:
        pos = len(self._entries) - 1 - row if self._descending else row
        return self._entries[pos][1]

    def _row_of(self, key: Any, case_id: int) -> int:
        pos = bisect.bisect_left(self._entries, (key, case_id))
        return len(self._entries) - 1 - pos if self._descending else pos

    def _rows_for(self, pos: int, count: int, length: int) -> tuple[int, int]:
        """Proxy rows of ``count`` entries at list position ``pos`` in a list of ``length`` after."""
        if self._descending:
            return length - pos - count, length - 1 - pos
        return pos, pos + count - 1

    # --- following the source -------------------------------------------------------------------

    def _on_source_reset(self) -> None:
        self._rebuild()
        self.endResetModel()

    def _on_source_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        book, accepts = self.source.book, self._accepts
        new = [book[r] for r in range(first, last + 1)]
        if accepts is not None:
            new = [c for c in new if accepts(c)]
        if len(new) > LARGE_CHANGE // 10 and self._column >= 0:
            self._relayout()  # a page landing all over the order: one layout change, not many inserts
            return
        entries = sorted((self._key(c), c.id) for c in new)
        # Runs of entries that go in at the same list position go in as one block, from the end.
        positions = [bisect.bisect_left(self._entries, e) for e in entries]
        runs: list[tuple[int, list[_Entry]]] = []
        for pos, entry in zip(positions, entries, strict=True):
            if runs and runs[-1][0] == pos:
                runs[-1][1].append(entry)
            else:
                runs.append((pos, [entry]))
        for pos, block in reversed(runs):
            first_row, last_row = self._rows_for(pos, len(block), len(self._entries) + len(block))
            self.beginInsertRows(QModelIndex(), first_row, last_row)
            self._entries[pos:pos] = block
            self._keys.update((case_id, key) for key, case_id in block)
            self.endInsertRows()

    def _on_source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any) -> None:
        first, last = top_left.row(), bottom_right.row()
        if last - first >= LARGE_CHANGE:
            self._relayout()
            return
        for row in range(first, last + 1):
            self._case_changed(self.source.book[row], top_left.column(), bottom_right.column())

    def _case_changed(self, case: CaseRecord, first_column: int, last_column: int) -> None:
        shown = case.id in self._keys
        wanted = self._accepts is None or self._accepts(case)
        if not shown and not wanted:
            return
        new_entry = (self._key(case), case.id)
        if not shown:
            pos = bisect.bisect_left(self._entries, new_entry)
            row, _ = self._rows_for(pos, 1, len(self._entries) + 1)
            self.beginInsertRows(QModelIndex(), row, row)
            self._entries.insert(pos, new_entry)
            self._keys[case.id] = new_entry[0]
            self.endInsertRows()
            return
        old_key = self._keys[case.id]
        old_pos = bisect.bisect_left(self._entries, (old_key, case.id))
        old_row, _ = self._rows_for(old_pos, 1, len(self._entries))
        if not wanted:
            self.beginRemoveRows(QModelIndex(), old_row, old_row)
            del self._entries[old_pos]
            del self._keys[case.id]
            self.endRemoveRows()
            return
        if new_entry[0] == old_key:
            self.dataChanged.emit(self.index(old_row, first_column), self.index(old_row, last_column))
            return
        new_row = self._move(old_pos, old_row, new_entry)
        low, high = min(old_row, new_row), max(old_row, new_row)
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(low, 0 if low != high else first_column), self.index(high, last))

    def _move(self, old_pos: int, old_row: int, new_entry: _Entry) -> int:
        """Move a shown case to its new place; returns its new row.

        Not beginMoveRows: a view repaints everything on any move (about 30 ms at 1440×900), even
        when both rows are far out of sight. The rows between the two places shift by one, which is a
        data change of that range (a view repaints only what of it is visible); persistent indexes
        (selection, current row) are moved along by hand."""
        new_pos = bisect.bisect_left(self._entries, new_entry)
        if new_pos > old_pos:
            new_pos -= 1  # the position once the old entry is out
        new_row, _ = self._rows_for(new_pos, 1, len(self._entries))
        self._keys[new_entry[1]] = new_entry[0]
        del self._entries[old_pos]
        self._entries.insert(new_pos, new_entry)
        if new_row != old_row:
            self._shift_persistent(old_row, new_row)
        return new_row

    def _shift_persistent(self, old_row: int, new_row: int) -> None:
        low, high = min(old_row, new_row), max(old_row, new_row)
        step = 1 if new_row < old_row else -1
        before, after = [], []
        for index in self.persistentIndexList():
            row = index.row()
            if low <= row <= high:
                before.append(index)
                after.append(self.index(new_row if row == old_row else row + step, index.column()))
        if before:
            self.changePersistentIndexList(before, after)

    # --- QAbstractProxyModel ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else _COLUMN_COUNT

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if 0 <= row < len(self._entries) and 0 <= column < _COLUMN_COUNT and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        return QModelIndex()

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and bool(self._entries)

    def sibling(self, row: int, column: int, idx: _Index) -> QModelIndex:
        return self.index(row, column)

    def mapToSource(self, proxy_index: _Index) -> QModelIndex:
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._entries):
            return QModelIndex()
        row = self.source.book.row_of(self._id_at(proxy_index.row()))
        return QModelIndex() if row is None else self.source.index(row, proxy_index.column())

    def mapFromSource(self, source_index: _Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self.row_of_case(self.source.book[source_index.row()].id)
        return QModelIndex() if row is None else self.index(row, source_index.column())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        return self.source.case_data(self.case_at(index.row()), index.column(), role)

    def multiData(self, index: _Index, roleDataSpan: Any) -> None:  # noqa: N803 (Qt names it so)
        """Every role a delegate asks for when it paints a cell, in one call (not one per role)."""
        row = index.row()  # -1 when invalid
        if 0 <= row < len(self._entries):
            self.source.fill_roles(self.case_at(row), index.column(), roleDataSpan)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            return self.source.headerData(section, orientation, role)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
