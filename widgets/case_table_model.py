"""The case table: a thin QAbstractTableModel over the seat's CaseBook, updated row by row.

Besides the display it offers, per cell, a sort key (``SORT_KEY_ROLE``: numbers, timestamps or codes, never
display strings) and, per case, the worse of its stage and completion badge (``BADGE_STATE_ROLE``). The
SLA column's countdown depends on the time: ``widgets.case_table_view.CountdownTicker`` repaints
only its visible cells.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from client_api import sla_state
from client_api.case_book import CaseBook
from client_api.messages import CaseRecord
from widgets.record_table_model import RecordTableModel

_Index = QModelIndex | QPersistentModelIndex

# Roles as plain ints: looking up a Qt enum member costs about a microsecond, and a repaint of the
# table asks for thousands of cells' roles.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_USER = Qt.ItemDataRole.UserRole.value
# Roles a delegate asks for when it paints that this model never gives.
_NO_DATA = frozenset(
    r.value
    for r in (
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.CheckStateRole,
    )
)
TEXT_CACHE = 4096  # cases whose cell texts are kept (a few screens' worth)
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
BADGE_STATE_ROLE = Qt.ItemDataRole.UserRole + 2
CASE_ROLE = Qt.ItemDataRole.UserRole + 3

# Order of the lifecycle (backend/lifecycle/rules.py STATES), for sorting by status.
STATUS_ORDER = {
    s: i
    for i, s in enumerate(
        (
            "received",
            "registered",
            "dispatched",
            "handling",
            "verifying",
            "callback",
            "closed",
            "archived",
            "suspended",
            "voided",
        )
    )
}
URGENCY_ORDER = {"normal": 0, "urgent": 1, "critical": 2}
SUPERVISION_ORDER = {None: 0, "general": 1, "key": 2, "listed": 3, "escalated": 4}
BADGE_BACKGROUND = {"warning": QBrush(QColor("#fdecc8")), "overdue": QBrush(QColor("#f9d0cb"))}
BADGE_FOREGROUND = {"warning": QBrush(QColor("#7a4b00")), "overdue": QBrush(QColor("#9b1c12"))}


def status_label(status: str) -> str:
    labels = {
        "received": QCoreApplication.translate("CaseStatus", "Received"),
        "registered": QCoreApplication.translate("CaseStatus", "Registered"),
        "dispatched": QCoreApplication.translate("CaseStatus", "Dispatched"),
        "handling": QCoreApplication.translate("CaseStatus", "Being handled"),
        "verifying": QCoreApplication.translate("CaseStatus", "Awaiting verification"),
        "callback": QCoreApplication.translate("CaseStatus", "Awaiting callback"),
        "closed": QCoreApplication.translate("CaseStatus", "Closed"),
        "archived": QCoreApplication.translate("CaseStatus", "Archived"),
        "suspended": QCoreApplication.translate("CaseStatus", "Suspended"),
        "voided": QCoreApplication.translate("CaseStatus", "Voided"),
    }
    return labels.get(status, status)


def urgency_label(urgency: str) -> str:
    labels = {
        "normal": QCoreApplication.translate("CaseUrgency", "Normal"),
        "urgent": QCoreApplication.translate("CaseUrgency", "Urgent"),
        "critical": QCoreApplication.translate("CaseUrgency", "Critical"),
    }
    return labels.get(urgency, urgency)


def supervision_label(level: str | None) -> str:
    labels = {
        "general": QCoreApplication.translate("CaseSupervision", "General supervision"),
        "key": QCoreApplication.translate("CaseSupervision", "Key supervision"),
        "listed": QCoreApplication.translate("CaseSupervision", "Listed supervision"),
        "escalated": QCoreApplication.translate("CaseSupervision", "Escalated supervision"),
    }
    return "" if level is None else labels.get(level, level)


def _time(value: float | None, fmt: str = "%m-%d %H:%M") -> str:
    return "" if value is None else dt.datetime.fromtimestamp(value).strftime(fmt)


def _or_inf(value: float | None) -> float:
    return math.inf if value is None else value


def shown_badge(case: CaseRecord, now: float) -> sla_state.Badge:
    """The SLA column's badge: the current stage's limit, unless the completion limit is in a worse state
    (a case still in its accept stage whose completion deadline passed shows that it is overdue)."""
    return sla_state.worst(sla_state.stage_badge(case, now), sla_state.completion_badge(case, now))


def deadline_state(case: CaseRecord, now: float) -> str:
    """none | normal | warning | overdue: the worse of the stage and completion badges."""
    return sla_state.worst(sla_state.stage_badge(case, now), sla_state.completion_badge(case, now)).state


def sort_key(case: CaseRecord, column: str) -> Any:
    """A key that orders a column the way its values mean (one type per column, None last)."""
    if column == "created_at":
        return case.created_at
    if column == "status":
        return STATUS_ORDER.get(case.status, len(STATUS_ORDER))
    if column == "urgency":
        return URGENCY_ORDER.get(case.urgency, 0)
    if column == "supervision_level":
        return SUPERVISION_ORDER.get(case.supervision_level, 0)
    if column == "sla":
        if case.status in sla_state.DONE_STATES:
            return math.inf
        completion = math.inf if case.status in sla_state.COMPLETED_STATES else _or_inf(case.deadline_at)
        return min(_or_inf(case.stage_deadline_at), completion)  # whichever limit runs out first
    if column == "deadline_at":
        return _or_inf(case.deadline_at)
    if column == "grid":
        return case.grid_code or ""
    if column == "category":
        return case.category_code
    if column == "lead_department":
        return case.lead_department or ""
    return str(getattr(case, column) or "")


class CaseTableModel(RecordTableModel):
    """Columns: case no., received, category, grid, address, description, status, lead department,
    urgency, supervision, stage SLA badge, due.

    Attributes:
        clock: the time the countdowns count to (settable for tests).
    """

    COLUMNS = (
        "case_no",
        "created_at",
        "category",
        "grid",
        "address",
        "description",
        "status",
        "lead_department",
        "urgency",
        "supervision_level",
        "sla",
        "deadline_at",
    )
    SLA_COLUMN = COLUMNS.index("sla")

    def __init__(
        self,
        book: CaseBook,
        category_name: Callable[[str], str],
        area_name: Callable[[str | None], str],
        parent: QObject | None = None,
        department_name: Callable[[str], str] = str,
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.clock: Callable[[], float] = time.time
        self._category_name = category_name
        self._area_name = area_name
        self._department_name = department_name
        self._headers: list[str] = []
        self._texts: dict[int, tuple[CaseRecord, list[str]]] = {}  # case id -> (that case, texts)
        book.on_reset.append(self._on_reset)
        book.on_about_to_insert.append(self._on_about_to_insert)
        book.on_inserted.append(self._on_inserted)
        book.on_about_to_extend.append(self._on_about_to_extend)
        book.on_extended.append(self._on_extended)
        book.on_changed.append(self._on_changed)

    def record_count(self) -> int:
        return len(self.book)

    def headers(self) -> list[str]:
        if not self._headers:
            self._headers = [
                self.tr("Case no."),
                self.tr("Received"),
                self.tr("Category"),
                self.tr("Grid"),
                self.tr("Address"),
                self.tr("Description"),
                self.tr("Status"),
                self.tr("Lead department"),
                self.tr("Urgency"),
                self.tr("Supervision"),
                self.tr("Stage SLA"),
                self.tr("Due"),
            ]
        return self._headers

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not (0 <= row < len(self.book)):
            return None
        return self.case_data(self.book[row], index.column(), role)

    def case_data(self, case: CaseRecord, column: int, role: int) -> Any:
        """The data of one cell, given its case: the proxy calls this directly (no index round trip)."""
        name = self.COLUMNS[column]
        if role == _DISPLAY:
            return self._display(case, name) if name == "sla" else self._texts_of(case)[column]
        if name == "sla" and role in (_BACKGROUND, _FOREGROUND):
            state = shown_badge(case, self.clock()).state
            table = BADGE_BACKGROUND if role == _BACKGROUND else BADGE_FOREGROUND
            return table.get(state)
        if role == _FOREGROUND and name == "deadline_at":
            return BADGE_FOREGROUND.get(sla_state.completion_badge(case, self.clock()).state)
        if role == _TOOLTIP:
            return self._tooltip(case, name)
        if role == _USER:
            return case.id
        if role == SORT_KEY_ROLE:
            return sort_key(case, name)
        if role == BADGE_STATE_ROLE:
            return deadline_state(case, self.clock())
        if role == CASE_ROLE:
            return case
        return None

    def fill_roles(self, case: CaseRecord, column: int, span: Any) -> None:
        """Fill a QModelRoleDataSpan for one cell: what a delegate asks for when it paints."""
        for k in range(span.size()):
            role_data = span[k]
            role = role_data.role()
            if role in _NO_DATA:
                role_data.clearData()
            else:
                role_data.setData(self.case_data(case, column, role))

    def case_at(self, row: int) -> CaseRecord:
        return self.book[row]

    def _texts_of(self, case: CaseRecord) -> list[str]:
        """The texts of a case's cells but the countdown, made once per version of the case.

        A case moving in the sorted order shifts every row below it on screen: the repaint then finds
        all but one row's texts here (a strftime or a translated label costs microseconds each)."""
        cached = self._texts.get(case.id)
        if cached is not None and cached[0] is case:
            return cached[1]
        if len(self._texts) >= TEXT_CACHE:
            self._texts.clear()
        texts = ["" if name == "sla" else self._display(case, name) for name in self.COLUMNS]
        self._texts[case.id] = (case, texts)
        return texts

    def _display(self, case: CaseRecord, column: str) -> str:
        if column == "created_at":
            return dt.datetime.fromtimestamp(case.created_at).strftime("%m-%d %H:%M:%S")
        if column == "category":
            return self._category_name(case.category_code)
        if column == "grid":
            return self._area_name(case.grid_code)
        if column == "status":
            return status_label(case.status)
        if column == "description":
            return case.description.replace("\n", " ")
        if column == "lead_department":
            lead = self._department_name(case.lead_department) if case.lead_department else ""
            return f"{lead} +{len(case.co_departments)}" if case.co_departments else lead
        if column == "urgency":
            return urgency_label(case.urgency)
        if column == "supervision_level":
            return supervision_label(case.supervision_level)
        if column == "sla":
            return sla_state.countdown(shown_badge(case, self.clock()).remaining_s)
        if column == "deadline_at":
            return _time(case.deadline_at)
        return str(getattr(case, column))

    def _tooltip(self, case: CaseRecord, column: str) -> str | None:
        if column == "description":
            return case.description
        if column == "lead_department" and case.co_departments:
            names = "、".join(self._department_name(code) for code in case.co_departments)
            return self.tr("Co-handling: {names}").format(names=names)
        if column == "sla":
            now = self.clock()
            stage = sla_state.stage_badge(case, now)
            done = sla_state.completion_badge(case, now)
            return self.tr("Stage: {stage}  Completion: {done}").format(
                stage=sla_state.countdown(stage.remaining_s) or "—",
                done=sla_state.countdown(done.remaining_s) or "—",
            )
        return None

    def _on_reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _on_about_to_insert(self, row: int) -> None:
        self.beginInsertRows(QModelIndex(), row, row)

    def _on_inserted(self, row: int) -> None:
        self.endInsertRows()

    def _on_about_to_extend(self, first: int, last: int) -> None:
        self.beginInsertRows(QModelIndex(), first, last)

    def _on_extended(self, first: int, last: int) -> None:
        self.endInsertRows()

    def _on_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def refresh_names(self) -> None:
        """Reference data arrived: the category, grid and department columns change their text."""
        self._texts.clear()
        if len(self.book):
            last = len(self.book) - 1
            self.dataChanged.emit(self.index(0, 2), self.index(last, 3))
            lead = self.COLUMNS.index("lead_department")
            self.dataChanged.emit(self.index(0, lead), self.index(last, lead))
