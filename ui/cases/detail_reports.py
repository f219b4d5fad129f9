"""The reports of a case (every report that made or joined it); supervisors can undo a merge here."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app.qt_async import run_dialog
from app.seat_service import SeatService
from client_api import intake_messages as im
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from client_api.intake_api import IntakeApi
from widgets.report_table_model import ReportTableModel

UNDO_ROLES = frozenset({"supervisor", "admin"})


class DetailReports(QWidget):
    """Attributes: reports (ReportTableModel), report_table, undo_button, reason_dialog (open while asking
    why a merge is undone).

    Signals:
    failed(str), succeeded(str): what came of undoing a merge, in words for the operator.
    changed(): the case changed here; reload it.
    """

    failed = Signal(str)
    succeeded = Signal(str)
    changed = Signal()

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._busy = False
        self.reason_dialog: QInputDialog | None = None
        self.reports = ReportTableModel(self)
        self.report_table = QTableView(self)
        self.report_table.setObjectName("reportTable")
        self.report_table.setModel(self.reports)
        self.report_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.report_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.report_table.verticalHeader().setVisible(False)
        self.report_table.horizontalHeader().setStretchLastSection(True)
        self.report_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_undo())
        self.undo_button = QPushButton(self.tr("Undo merge…"), self)
        self.undo_button.setObjectName("undoMergeButton")
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.on_undo_clicked)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Every report that made or joined the case"), self), 1)
        bar.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.report_table, 1)

    def may_undo(self) -> bool:
        operator = self._service.operator
        return operator is not None and operator.role in UNDO_ROLES

    def selected_report(self) -> im.CaseReport | None:
        index = self.report_table.currentIndex()
        return self.reports.report_at(index.row()) if index.isValid() else None

    def set_reports(self, reports: list[im.CaseReport]) -> None:
        """Show ``reports``, keeping the selection, else selecting the first merge that may be undone."""
        selected = self.selected_report()
        self.reports.set_reports(reports)
        rows = {report.id: row for row, report in enumerate(reports)}
        row = rows.get(selected.id) if selected is not None else None
        if row is None or not self.reports.undoable(reports[row]):
            row = next((r for r, rep in enumerate(reports) if self.reports.undoable(rep)), row)
        if row is not None:
            self.report_table.selectRow(row)
        self._update_undo()

    def _update_undo(self) -> None:
        reports = [self.reports.report_at(r) for r in range(self.reports.rowCount())]
        self.undo_button.setVisible(self.may_undo() and any(self.reports.undoable(r) for r in reports))
        selected = self.selected_report()
        self.undo_button.setEnabled(
            not self._busy and selected is not None and self.reports.undoable(selected)
        )

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
            self.failed.emit(self.tr("Say why the report is detached; nothing was changed."))
            return
        self._busy = True
        self._update_undo()
        try:
            result = await IntakeApi(self._service.client).unmerge(report.id, reason)
        except ProtocolError as exc:
            self.failed.emit(self.tr("The merge was not undone: {message}").format(message=exc.message))
            return
        except (NotConnected, RequestTimeout):
            self.failed.emit(self.tr("Not connected to the backend; the merge was not undone."))
            return
        finally:
            self._busy = False
            self._update_undo()
        self._service.cases.upsert(result.case)  # the events will follow; upsert makes it idempotent
        self._service.cases.upsert(result.new_case)
        self.succeeded.emit(
            self.tr("The report is now case {case_no}.").format(case_no=result.new_case.case_no)
        )
        self.changed.emit()
