"""One case in full: its fields, every report that made or joined it, its timeline; supervisors can undo
a merge from here (``case.unmerge``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app.qt_async import run_dialog
from app.seat_service import SeatService
from client_api import intake_messages as im
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from client_api.intake_api import IntakeApi
from ui.case_actions_bar import CaseActionsBar
from widgets.case_table_model import status_label
from widgets.report_table_model import ReportTableModel

UNDO_ROLES = frozenset({"supervisor", "admin"})
TIMELINE_COLUMNS = 7


def _time(ts: float | None) -> str:
    return "" if ts is None else dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S")


class CaseDetailDialog(QDialog):
    """Attributes: detail (the last CaseDetail loaded, or None), reports (ReportTableModel), report_table,
    timeline (QTableWidget), undo_button, reason_dialog (the QInputDialog open while asking for a reason),
    status (the label showing results and errors)."""

    def __init__(self, service: SeatService, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.case_id = case_id
        self.detail: im.CaseDetail | None = None
        self.reason_dialog: QInputDialog | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Case"))
        self.resize(980, 640)

        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("case_no", self.tr("Case no.")),
            ("status", self.tr("Status")),
            ("category", self.tr("Category")),
            ("urgency", self.tr("Urgency")),
            ("channel", self.tr("Channel")),
            ("created", self.tr("Received")),
            ("grid", self.tr("Grid")),
            ("address", self.tr("Address")),
            ("description", self.tr("Description")),
            ("reporter", self.tr("Reporter")),
            ("reporter_count", self.tr("Reporters")),
            ("deadline", self.tr("Due")),
        ):
            value = QLabel(self)
            value.setWordWrap(True)
            self.fields[key] = value
            form.addRow(label, value)

        self.reports = ReportTableModel(self)
        self.report_table = QTableView(self)
        self.report_table.setObjectName("reportTable")
        self.report_table.setModel(self.reports)
        self.report_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.report_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.report_table.verticalHeader().setVisible(False)
        self.report_table.horizontalHeader().setStretchLastSection(True)
        self.report_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_undo())

        self.timeline = QTableWidget(0, TIMELINE_COLUMNS, self)
        self.timeline.setObjectName("timelineTable")
        self.timeline.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Action"),
                self.tr("By"),
                self.tr("Role"),
                self.tr("Seat"),
                self.tr("Status"),
                self.tr("Note"),
            ]
        )
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.timeline.horizontalHeader().setStretchLastSection(True)

        self.undo_button = QPushButton(self.tr("Undo merge…"), self)
        self.undo_button.setObjectName("undoMergeButton")
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.on_undo_clicked)
        self.action_bar = CaseActionsBar(service, case_id, self)
        self.action_bar.failed.connect(self._show_error)
        self.action_bar.transitioned.connect(lambda _result: self.reload())
        self.status = QLabel(self)
        self.status.setObjectName("caseDetailStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        report_bar = QHBoxLayout()
        report_bar.addWidget(QLabel(self.tr("Reports"), self), 1)
        report_bar.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(report_bar)
        layout.addWidget(self.report_table, 1)
        layout.addWidget(QLabel(self.tr("Timeline"), self))
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.reload()

    def may_undo(self) -> bool:
        operator = self._service.operator
        return operator is not None and operator.role in UNDO_ROLES

    def selected_report(self) -> im.CaseReport | None:
        index = self.report_table.currentIndex()
        return self.reports.report_at(index.row()) if index.isValid() else None

    @asyncSlot()
    async def reload(self) -> None:
        await self.load()

    async def load(self) -> None:
        """Ask the backend for the case, its reports and timeline, and show them (or the error)."""
        try:
            detail: im.CaseDetail = await self._service.client.request(
                "case.detail", im.GetCaseDetail(case_id=self.case_id)
            )
        except ProtocolError as exc:
            self._show_error(self.tr("The case could not be loaded: {message}").format(message=exc.message))
            return
        except (NotConnected, RequestTimeout):
            self._show_error(self.tr("Not connected to the backend; the case could not be loaded."))
            return
        self._show(detail)
        await self.action_bar.load()

    def _show(self, detail: im.CaseDetail) -> None:
        self.detail = detail
        case = detail.case
        self.setWindowTitle(self.tr("Case {case_no}").format(case_no=case.case_no))
        reporter = " ".join(part for part in (case.reporter_name, case.reporter_phone) if part)
        if case.confidential:
            reporter = self.tr("{reporter} (confidential)").format(reporter=reporter)
        values = {
            "case_no": case.case_no,
            "status": status_label(case.status),
            "category": self._service.category_name(case.category_code),
            "urgency": case.urgency,
            "channel": case.channel,
            "created": self.tr("{time} by {who} at seat {seat}").format(
                time=_time(case.created_at), who=case.created_by, seat=case.seat_id
            ),
            "grid": self._service.area_name(case.grid_code),
            "address": case.address,
            "description": case.description,
            "reporter": reporter,
            "reporter_count": str(case.reporter_count),
            "deadline": _time(case.deadline_at),
        }
        for key, text in values.items():
            self.fields[key].setText(text)

        selected = self.selected_report()
        self.reports.set_reports(detail.reports)
        rows = {report.id: row for row, report in enumerate(detail.reports)}
        row = rows.get(selected.id) if selected is not None else None
        if row is None or not self.reports.undoable(detail.reports[row]):
            row = next((r for r, rep in enumerate(detail.reports) if self.reports.undoable(rep)), row)
        if row is not None:
            self.report_table.selectRow(row)

        self.timeline.setRowCount(len(detail.timeline))
        for r, entry in enumerate(detail.timeline):
            change = ""
            if entry.from_status or entry.to_status:
                change = " → ".join(status_label(s) for s in (entry.from_status, entry.to_status) if s)
            cells = (
                _time(entry.ts),
                entry.action,
                entry.actor,
                entry.role,
                entry.seat_id or "",
                change,
                entry.note or "",
            )
            for c, text in enumerate(cells):
                self.timeline.setItem(r, c, QTableWidgetItem(text))
        self._update_undo()

    def _update_undo(self) -> None:
        reports = self.detail.reports if self.detail is not None else []
        self.undo_button.setVisible(self.may_undo() and any(self.reports.undoable(r) for r in reports))
        selected = self.selected_report()
        self.undo_button.setEnabled(
            not self._busy and selected is not None and self.reports.undoable(selected)
        )

    def _show_error(self, text: str) -> None:
        self.status.setProperty("kind", "error")
        self.status.setStyleSheet("color:#b42318;")
        self.status.setText(text)

    def _show_info(self, text: str) -> None:
        self.status.setProperty("kind", "info")
        self.status.setStyleSheet("")
        self.status.setText(text)

    @asyncSlot()
    async def on_undo_clicked(self) -> None:
        report = self.selected_report()
        if report is None or not self.reports.undoable(report) or not self.may_undo() or self._busy:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("unmergeReasonDialog")
        dialog.setWindowTitle(self.tr("Undo merge"))
        dialog.setLabelText(
            self.tr("Report {id} will leave this case and become a case of its own. Why?").format(
                id=report.id
            )
        )
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        self.reason_dialog = dialog
        try:
            accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
            reason = dialog.textValue().strip()
        finally:
            self.reason_dialog = None
            dialog.deleteLater()
        if not accepted:
            return
        if not reason:
            self._show_error(self.tr("Say why the report is detached; nothing was changed."))
            return
        self._busy = True
        self._update_undo()
        try:
            result = await IntakeApi(self._service.client).unmerge(report.id, reason)
        except ProtocolError as exc:
            self._show_error(self.tr("The merge was not undone: {message}").format(message=exc.message))
            return
        except (NotConnected, RequestTimeout):
            self._show_error(self.tr("Not connected to the backend; the merge was not undone."))
            return
        finally:
            self._busy = False
            self._update_undo()
        self._service.cases.upsert(result.case)  # the events will follow; upsert makes it idempotent
        self._service.cases.upsert(result.new_case)
        self._show_info(self.tr("The report is now case {case_no}.").format(case_no=result.new_case.case_no))
        await self.load()
