"""The filter bar over the case table: status, category, area, department, deadline state, supervision,
"mine" and a free-text search; it says how many cases are shown."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.seat_service import SeatService
from client_api import messages as m
from widgets.case_filter_proxy import CaseFilter
from widgets.case_table_model import STATUS_ORDER, status_label, supervision_label

OPEN = "open"  # every status but the final ones and closed
OPEN_STATUSES = frozenset(STATUS_ORDER) - {"closed", "archived", "voided"}
SEARCH_DELAY_MS = 200


def subtree(code: str, parents: Iterable[tuple[str, str | None]]) -> frozenset[str]:
    """``code`` and every code below it, given (code, parent code) pairs."""
    children: dict[str | None, list[str]] = {}
    for child, parent in parents:
        children.setdefault(parent, []).append(child)
    found, todo = {code}, [code]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return frozenset(found)


class FilterBar(QWidget):
    """Signals: filterChanged(object): the new CaseFilter.

    Attributes: status, category, area, department, deadline, supervision, mine, search, count.
    """

    filterChanged = Signal(object)

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._reference: m.Reference | None = None
        self.status = self._combo("filterStatus", [("", self.tr("All statuses")), (OPEN, self.tr("Open"))])
        for code in STATUS_ORDER:
            self.status.addItem(status_label(code), code)
        self.category = self._combo("filterCategory", [("", self.tr("All categories"))])
        self.area = self._combo("filterArea", [("", self.tr("All areas"))])
        self.department = self._combo("filterDepartment", [("", self.tr("All departments"))])
        self.deadline = self._combo(
            "filterDeadline",
            [
                ("", self.tr("Any deadline")),
                ("none", self.tr("No deadline")),
                ("normal", self.tr("On time")),
                ("warning", self.tr("Due soon")),
                ("overdue", self.tr("Overdue")),
            ],
        )
        levels = [(code, supervision_label(code)) for code in ("general", "key", "listed", "escalated")]
        self.supervision = self._combo(
            "filterSupervision", [("", self.tr("Any supervision")), ("any", self.tr("Supervised")), *levels]
        )
        self.mine = QCheckBox(self.tr("Mine"), self)
        self.mine.setObjectName("filterMine")
        self.mine.setToolTip(self.tr("Cases I took, and cases my unit leads"))
        self.mine.toggled.connect(self._emit)
        self.search = QLineEdit(self)
        self.search.setObjectName("filterSearch")
        self.search.setPlaceholderText(self.tr("Search case no., address, description, phone"))
        self.search.setClearButtonEnabled(True)
        self._search_delay = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_delay.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._search_delay.start())
        self.count = QLabel(self)
        self.count.setObjectName("caseCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.status, self.category, self.area, self.department, self.deadline):
            layout.addWidget(widget)
        layout.addWidget(self.supervision)
        layout.addWidget(self.mine)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.count)
        if service.reference is not None:
            self.set_reference(service.reference)
        service.referenceLoaded.connect(self.set_reference)

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for code, label in items:
            combo.addItem(label, code)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def set_reference(self, reference: m.Reference) -> None:
        self._reference = reference
        depth = {"district": 0, "town": 1, "village": 2, "grid": 3}
        areas = [(a.code, "  " * depth.get(a.level, 0) + a.name) for a in reference.areas]
        self._refill(self.area, areas)
        self._refill(self.department, [(d.code, d.name) for d in reference.departments])
        names = {c.code: c.name for c in reference.categories}
        categories = [
            (c.code, f"{names[c.parent_code]} / {c.name}" if c.parent_code in names else c.name)
            for c in reference.categories
        ]
        self._refill(self.category, categories)

    def _refill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for code, label in items:
            combo.addItem(label, code)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def current_filter(self) -> CaseFilter:
        status = self.status.currentData() or ""
        operator = self._service.operator
        mine = None
        if self.mine.isChecked() and operator is not None:
            mine = (operator.username, operator.unit)
        return CaseFilter(
            statuses=OPEN_STATUSES if status == OPEN else frozenset({status} - {""}),
            categories=self._below(self.category, "categories"),
            areas=self._below(self.area, "areas"),
            departments=self._below(self.department, "departments"),
            deadline=self.deadline.currentData() or None,
            mine=mine,
            supervision=self.supervision.currentData() or None,
            text=self.search.text(),
        )

    def _below(self, combo: QComboBox, table: str) -> frozenset[str]:
        """The chosen code and every code below it in the reference ``table``; empty: all."""
        code = combo.currentData()
        if not code or self._reference is None:
            return frozenset()
        rows = getattr(self._reference, table)
        return subtree(code, ((row.code, row.parent_code) for row in rows))

    def _emit(self) -> None:
        self.filterChanged.emit(self.current_filter())

    def set_counts(self, shown: int, total: int) -> None:
        self.count.setText(self.tr("{shown} of {total} cases").format(shown=shown, total=total))
