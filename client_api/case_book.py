"""The cases a seat knows, newest first, with change listeners. Plain Python: the Qt model adapts it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from client_api.messages import CaseRecord


class CaseBook:
    """An ordered collection of cases (newest first) keyed by id.

    Listeners: ``on_reset()`` after a snapshot replaced everything, ``on_inserted(row)`` after a new
    case went in at ``row``, ``on_changed(row)`` after the case at ``row`` was replaced.
    """

    def __init__(self) -> None:
        self._cases: list[CaseRecord] = []
        self._rows: dict[int, int] = {}  # case id -> index from the end (stable under prepends)
        self.on_reset: list[Callable[[], None]] = []
        self.on_about_to_insert: list[Callable[[int], None]] = []
        self.on_inserted: list[Callable[[int], None]] = []
        self.on_changed: list[Callable[[int], None]] = []

    def __len__(self) -> int:
        return len(self._cases)

    def __getitem__(self, row: int) -> CaseRecord:
        return self._cases[row]

    def __contains__(self, case_id: object) -> bool:
        return case_id in self._rows

    def row_of(self, case_id: int) -> int | None:
        pos = self._rows.get(case_id)
        return None if pos is None else len(self._cases) - 1 - pos

    def reset(self, cases: Iterable[CaseRecord]) -> None:
        """Replace everything with a snapshot (given newest first)."""
        self._cases = sorted(cases, key=lambda c: c.id, reverse=True)
        n = len(self._cases)
        self._rows = {c.id: n - 1 - i for i, c in enumerate(self._cases)}
        for listener in self.on_reset:
            listener()

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
