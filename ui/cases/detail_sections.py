"""The sections of a case's detail, as tabs: timeline, reports, linked cases, attachments, consultations,
extensions and callbacks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.seat_service import SeatService
from client_api import intake_messages as im
from client_api import lifecycle_records as lr
from client_api import messages as m
from ui.cases import detail_names as names
from ui.cases.detail_models import RecordListModel, short_time
from ui.cases.detail_reports import DetailReports
from widgets.timeline_table_model import TimelineTableModel


def _table(parent: QWidget, name: str, model: RecordListModel[Any] | TimelineTableModel) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _size(n: int) -> str:
    return f"{n} B" if n < 1024 else f"{n / 1024:.0f} KiB" if n < 1024 * 1024 else f"{n / 1048576:.1f} MiB"


class DetailSections(QTabWidget):
    """Attributes: timeline (TimelineTableModel) and timeline_table; reports_tab (DetailReports); links,
    attachments, consultations, extensions, callbacks (RecordListModels) and their tables; save_button.

    Signals:
    openCase(int): the operator double-clicked a linked case.
    saveRequested(object): the operator asked to save this AttachmentInfo.
    """

    openCase = Signal(int)
    saveRequested = Signal(object)

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.timeline = TimelineTableModel(
            lambda code: names.unit_name(service, code), names.status_name, self
        )
        self.timeline_table = _table(self, "timelineTable", self.timeline)
        for column, width in enumerate((140, 110, 90, 80, 150, 150)):
            self.timeline_table.setColumnWidth(column, width)
        self.reports_tab = DetailReports(service, self)
        self.links: RecordListModel[lr.LinkedCase] = RecordListModel(
            [
                self.tr("Case no."),
                self.tr("Relation"),
                self.tr("Status"),
                self.tr("Category"),
                self.tr("Linked by"),
            ],
            lambda r: (
                r.case_no,
                names.link_kind_label(r.kind),
                names.status_name(r.status),
                service.category_name(r.category_code),
                f"{r.created_by} {short_time(r.created_at)}",
            ),
            self,
        )
        self.links_table = _table(self, "linksTable", self.links)
        self.links_table.doubleClicked.connect(self.on_links_table_double_clicked)
        self.attachments: RecordListModel[m.AttachmentInfo] = RecordListModel(
            [self.tr("Name"), self.tr("Size"), self.tr("Uploaded by")],
            lambda a: (a.name, _size(a.size), f"{a.uploaded_by} {short_time(a.uploaded_at)}"),
            self,
        )
        self.attachments_table = _table(self, "attachmentsTable", self.attachments)
        self.save_button = QPushButton(self.tr("Save…"), self)
        self.save_button.setObjectName("saveAttachmentButton")
        self.save_button.clicked.connect(self.on_save_clicked)
        self.consultations: RecordListModel[lr.Consultation] = RecordListModel(
            [self.tr("Topic"), self.tr("Units"), self.tr("Opened"), self.tr("State"), self.tr("Conclusion")],
            lambda c: (
                c.topic,
                names.unit_names(service, c.departments),
                f"{c.opened_by} {short_time(c.opened_at)}",
                self.tr("Open") if c.state == "open" else self.tr("Concluded"),
                c.conclusion or "",
            ),
            self,
        )
        self.extensions: RecordListModel[lr.Extension] = RecordListModel(
            [self.tr("Requested"), self.tr("Time"), self.tr("Reason"), self.tr("State"), self.tr("Decision")],
            lambda e: (
                f"{e.requested_by} {short_time(e.requested_at)}",
                f"{e.amount} {names.time_unit_label(e.unit)}",
                e.reason,
                names.extension_state_label(e.state),
                " ".join(p for p in (e.decided_by, short_time(e.decided_at), e.decision_note) if p),
            ),
            self,
        )
        self.callbacks: RecordListModel[lr.Callback] = RecordListModel(
            [self.tr("Time"), self.tr("By"), self.tr("Satisfaction"), self.tr("Note")],
            lambda c: (short_time(c.ts), c.by, names.satisfaction_label(c.satisfaction), c.note or ""),
            self,
        )
        attachments_page = QWidget(self)
        page_layout = QVBoxLayout(attachments_page)
        page_layout.addWidget(self.attachments_table, 1)
        page_layout.addWidget(self.save_button)
        self._titles: list[str] = []
        for page, title in (
            (self.timeline_table, self.tr("Timeline")),
            (self.reports_tab, self.tr("Reports")),
            (self.links_table, self.tr("Linked cases")),
            (attachments_page, self.tr("Attachments")),
            (_table(self, "consultationsTable", self.consultations), self.tr("Consultations")),
            (_table(self, "extensionsTable", self.extensions), self.tr("Extensions")),
            (_table(self, "callbacksTable", self.callbacks), self.tr("Callbacks")),
        ):
            self.addTab(page, title)
            self._titles.append(title)

    def show_detail(self, detail: im.CaseDetail | None) -> None:
        self.timeline.set_entries([] if detail is None else detail.timeline)
        self.reports_tab.set_reports([] if detail is None else detail.reports)
        lists: tuple[tuple[RecordListModel[Any], Sequence[Any]], ...] = (
            (self.links, [] if detail is None else detail.links),
            (self.attachments, [] if detail is None else detail.attachments),
            (self.consultations, [] if detail is None else detail.consultations),
            (self.extensions, [] if detail is None else detail.extensions),
            (self.callbacks, [] if detail is None else detail.callbacks),
        )
        for model, records in lists:
            model.set_records(records)
        counts = [self.timeline.rowCount(), self.reports_tab.reports.rowCount()] + [
            model.rowCount() for model, _records in lists
        ]
        for tab, (title, count) in enumerate(zip(self._titles, counts, strict=True)):
            self.setTabText(tab, f"{title} ({count})" if count else title)
        self.save_button.setEnabled(self.attachments.rowCount() > 0)

    def on_links_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openCase.emit(self.links.record_at(index.row()).case_id)

    def on_save_clicked(self) -> None:
        index = self.attachments_table.currentIndex()
        row = index.row() if index.isValid() else 0
        if 0 <= row < self.attachments.rowCount():
            self.saveRequested.emit(self.attachments.record_at(row))
