"""One case in full, in a window of its own: a CaseDetailPane (fields, reports, timeline, SLA badges, the
actions the role may take; supervisors can undo a merge from the reports)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.seat_service import SeatService
from client_api import intake_messages as im
from ui.case_actions_bar import CaseActionsBar
from ui.cases.case_detail_pane import CaseDetailPane
from widgets.report_table_model import ReportTableModel
from widgets.timeline_table_model import TimelineTableModel


class CaseDetailDialog(QDialog):
    """Attributes: pane (the CaseDetailPane), case_id, and the pane's parts under their old names: detail,
    fields, reports, report_table, timeline (TimelineTableModel), undo_button, reason_dialog, action_bar,
    status."""

    def __init__(self, service: SeatService, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self.setWindowTitle(self.tr("Case"))
        self.resize(1080, 760)
        self.pane = CaseDetailPane(service, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addWidget(self.buttons)
        reports = self.pane.sections.reports_tab
        self.fields: dict[str, QLabel] = self.pane.fields_view.fields
        self.reports: ReportTableModel = reports.reports
        self.report_table: QTableView = reports.report_table
        self.undo_button = reports.undo_button
        self.timeline: TimelineTableModel = self.pane.sections.timeline
        self.action_bar: CaseActionsBar = self.pane.action_bar
        self.status: QLabel = self.pane.status
        self.pane.shown.connect(self._on_pane_shown)
        self.pane.show_case(case_id)

    @property
    def detail(self) -> im.CaseDetail | None:
        return self.pane.detail

    @property
    def reason_dialog(self) -> QInputDialog | None:
        return self.pane.sections.reports_tab.reason_dialog

    def _on_pane_shown(self, detail: im.CaseDetail | None) -> None:
        if detail is not None:
            self.setWindowTitle(self.tr("Case {case_no}").format(case_no=detail.case.case_no))
