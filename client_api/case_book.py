"""The cases a seat knows, newest first, with change listeners. Plain Python: the Qt model adapts it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from client_api.messages import CaseRecord


class CaseBook:
    """An ordered collection of cases (newest first) keyed by id.

    Listeners: ``on_reset()`` after a snapshot replaced everything; ``on_about_to_insert(row)`` and
    ``on_inserted(row)`` around a new case going in at ``row``; ``on_about_to_extend(first, last)`` and
    ``on_extended(first, last)`` around a page of older cases appended at the end; ``on_changed(row)``
    after the case at ``row`` was replaced.
    """

    def __init__(self) -> None:
        self._cases: list[CaseRecord] = []
        self._rows: dict[int, int] = {}  # case id -> index from the end (stable under prepends)
        self.on_reset: list[Callable[[], None]] = []
        self.on_about_to_insert: list[Callable[[int], None]] = []
        self.on_inserted: list[Callable[[int], None]] = []
        self.on_about_to_extend: list[Callable[[int, int], None]] = []
        self.on_extended: list[Callable[[int, int], None]] = []
        self.on_changed: list[Callable[[int], None]] = []

    def __len__(self) -> int:
        return len(self._cases)

    def __getitem__(self, row: int) -> CaseRecord:
        return self._cases[row]

    def __iter__(self) -> Iterator[CaseRecord]:
        return iter(self._cases)

    def __contains__(self, case_id: object) -> bool:
        return case_id in self._rows

    def row_of(self, case_id: int) -> int | None:
        pos = self._rows.get(case_id)
        return None if pos is None else len(self._cases) - 1 - pos

    def oldest_id(self) -> int | None:
        return self._cases[-1].id if self._cases else None

    def reset(self, cases: Iterable[CaseRecord]) -> None:
        """Replace everything with a snapshot (given newest first)."""
        self._cases = sorted(cases, key=lambda c: c.id, reverse=True)
        self._reindex()
        for listener in self.on_reset:
            listener()

    def _reindex(self) -> None:
        n = len(self._cases)
        self._rows = {c.id: n - 1 - i for i, c in enumerate(self._cases)}

    def upsert(self, case: CaseRecord) -> None:
        """Add a new case at the top, or replace a known one in place."""
        row = self.row_of(case.id)
        if row is not None:
            self._cases[row] = case
            for listener in self.on_changed:
                listener(row)
            return
        if self._cases and case.id < self._cases[0].id:
            # An older case we did not have (rare: paging); keep order by rebuilding.
            self.reset([*self._cases, case])
            return
        for listener in self.on_about_to_insert:
            listener(0)
        self._rows[case.id] = len(self._cases)
        self._cases.insert(0, case)
        for listener in self.on_inserted:
            listener(0)

    def extend_older(self, cases: Iterable[CaseRecord]) -> int:
        """Append a page of cases older than every known one, as one block; returns how many went in.

        Cases already known are updated in place; a case newer than the oldest known one is upserted
        (it can only come from a race with live events)."""
        oldest = self.oldest_id()
        older: list[CaseRecord] = []
        for case in cases:
            if case.id in self._rows or (oldest is not None and case.id > oldest):
                self.upsert(case)
            else:
                older.append(case)
        if not older:
            return 0
        older.sort(key=lambda c: c.id, reverse=True)
        unique = [c for i, c in enumerate(older) if i == 0 or c.id != older[i - 1].id]
        first, last = len(self._cases), len(self._cases) + len(unique) - 1
        for listener in self.on_about_to_extend:
            listener(first, last)
        # Rows count from the end, so the known cases' positions shift by the block's length.
        shift = len(unique)
        self._rows = {case_id: pos + shift for case_id, pos in self._rows.items()}
        for i, case in enumerate(unique):
            self._rows[case.id] = shift - 1 - i
        self._cases.extend(unique)
        for listener in self.on_extended:
            listener(first, last)
        return len(unique)
