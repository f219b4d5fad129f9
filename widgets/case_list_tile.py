"""The wall's case list: the newest open cases with their category, place, status and countdown."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from client_api import case_stats, sla_state
from client_api.messages import CaseRecord
from widgets.case_table_model import shown_badge, status_label
from widgets.list_tiles import ListTile, LiveRowsModel, first_rows, name_of, repaint_every

COUNTDOWN_REPAINT_MS = 1000
_BADGE = {"warning": QBrush(QColor("#f2cc60")), "overdue": QBrush(QColor("#ff7b72"))}
_URGENCY = {"urgent": QBrush(QColor("#ffa657")), "critical": QBrush(QColor("#f778ba"))}


class CaseRowsModel(LiveRowsModel[CaseRecord]):
    """Columns: received, category, place (grid, else address), status, stage countdown.

    Attributes:
        clock: the time the countdowns count to (settable for tests).
    """

    COLUMNS = ("created_at", "category", "place", "status", "due")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock: Callable[[], float] = time.time
        self.categories: Mapping[str, str] = {}
        self.areas: Mapping[str, str] = {}

    def headers(self) -> list[str]:
        return [self.tr("Received"), self.tr("Category"), self.tr("Place"), self.tr("Status"), self.tr("Due")]

    def display(self, record: CaseRecord, column: str) -> str:
        if column == "created_at":
            return dt.datetime.fromtimestamp(record.created_at).strftime("%H:%M")
        if column == "category":
            return name_of(self.categories, record.category_code)
        if column == "place":
            return name_of(self.areas, record.grid_code) if record.grid_code else record.address
        if column == "status":
            return status_label(record.status)
        return sla_state.countdown(shown_badge(record, self.clock()).remaining_s)

    def foreground(self, record: CaseRecord, column: str) -> QBrush | None:
        if column == "due":
            return _BADGE.get(shown_badge(record, self.clock()).state)
        if column == "category":
            return _URGENCY.get(record.urgency)
        return None


class CaseListTile(ListTile):
    """Feed it with ``set_cases`` (newest first, as a CaseBook iterates); names with ``set_names``.

    Signals:
        recordClicked(int): the id of the clicked case.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        model = CaseRowsModel()
        super().__init__(model, stretch="place", parent=parent)
        model.setParent(self)
        self.cases = model
        self.size_column("created_at", "88:88")
        self.size_column("category", "自来水管破裂")
        self.size_column("status", status_label("handling"))
        self.size_column("due", "-88:88:88")
        self.countdowns = repaint_every(self, "due", COUNTDOWN_REPAINT_MS)

    def set_names(self, categories: Mapping[str, str], areas: Mapping[str, str]) -> None:
        self.cases.categories, self.cases.areas = categories, areas
        for column in ("category", "place"):
            self.cases.repaint_column(column)

    def set_cases(self, cases: Iterable[CaseRecord]) -> None:
        """Show the first open cases of these (give them newest first)."""
        self.cases.set_rows(first_rows(cases, case_stats.is_open))
