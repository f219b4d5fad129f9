"""The case in context on the comms panel: calls, messages and video sessions started from the panel
are tied to it. It follows the case selected in the Cases place or last created at intake, or the
number the operator types; it can be cleared."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from client_api import messages as m
from client_api.case_book import CaseBook


def find_case(cases: CaseBook, text: str) -> m.CaseRecord | None:
    """The case the operator means by ``text``: its case number (whole, or its last digits when they
    name one case only), or its id written as #123."""
    wanted = text.strip().upper()
    if not wanted:
        return None
    if wanted.startswith("#") and wanted[1:].isdigit():
        case_id = int(wanted[1:])
        row = cases.row_of(case_id)
        return cases[row] if row is not None else None
    exact = next((c for c in cases if c.case_no.upper() == wanted), None)
    if exact is not None or not wanted.isdigit():
        return exact
    tails = [c for c in cases if c.case_no.endswith(wanted)]
    return tails[0] if len(tails) == 1 else None


class CaseContext(QObject):
    """Signals:
    caseChanged(object): the case id in context, or None when cleared.

    Attributes: case_id (or None).
    """

    caseChanged = Signal(object)

    def __init__(self, cases: CaseBook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cases = cases
        self.case_id: int | None = None

    def set_case(self, case_id: int | None) -> None:
        if case_id != self.case_id:
            self.case_id = case_id
            self.caseChanged.emit(case_id)

    def clear(self) -> None:
        self.set_case(None)

    def case(self) -> m.CaseRecord | None:
        row = None if self.case_id is None else self._cases.row_of(self.case_id)
        return None if row is None else self._cases[row]

    def find(self, text: str) -> m.CaseRecord | None:
        return find_case(self._cases, text)

    def text_of(self, case_id: int | None) -> str:
        """A case as operators name it: its case number when the seat knows it, else #id."""
        if case_id is None:
            return ""
        row = self._cases.row_of(case_id)
        return self._cases[row].case_no if row is not None else f"#{case_id}"
