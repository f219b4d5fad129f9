"""The Intake place: the call bar and KPIs on top, the case form, and beside it the caller's history,
the inbox and the most recent cases of the whole center."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app import message
from app.calls_service import CallsService
from app.inbox_service import InboxService
from app.seat_service import SeatService
from client_api import calls_messages as cm
from client_api import inbox_messages as im
from client_api import messages as m
from client_api.case_draft import CaseDraft
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from ui.intake.assistant import IntakeAssistant
from ui.intake.call_panel import CallPanel
from ui.intake.caller_card import CallerCard
from ui.intake.case_form import CaseForm
from ui.intake.duplicate_panel import DuplicatePanel
from ui.intake.inbox_view import InboxView
from widgets.case_table_model import CaseTableModel
from widgets.kpi_strip import KpiStrip

RECENT_COLUMNS = {"case_no": 130, "created_at": 100, "category": 150, "address": 200}


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-size:16px;font-weight:bold;")
    return label


class IntakeScreen(QWidget):
    def __init__(
        self, service: SeatService, calls: CallsService, inbox: InboxService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._calls = calls
        self.call_panel = CallPanel(calls, self)
        self.kpis = KpiStrip(self)
        self.form = CaseForm(service, parent=self)
        self.form.setMaximumWidth(760)
        self.caller_card = CallerCard(service, self)
        self.duplicates = DuplicatePanel(service, self)
        self.assistant = IntakeAssistant(service, self.form, self.duplicates, self)
        self.inbox = InboxView(inbox, self)
        self.recent = self._recent_table(service)
        side = QVBoxLayout()
        side.addWidget(self.duplicates, 3)
        side.addWidget(self.caller_card, 2)
        side.addWidget(heading(self.tr("Inbox"), self))
        side.addWidget(self.inbox, 2)
        side.addWidget(heading(self.tr("Recent cases"), self))
        side.addWidget(self.recent, 3)
        body = QHBoxLayout()
        body.addWidget(self.form, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.call_panel)
        layout.addWidget(self.kpis)
        layout.addLayout(body, 1)
        calls.kpisChanged.connect(self.kpis.show_kpis)
        self.call_panel.callAnswered.connect(self.on_call_panel_callAnswered)
        self.form.caseCreated.connect(lambda _case: self.caller_card.clear())
        self.form.caseQueued.connect(lambda *_args: self.caller_card.clear())
        self.inbox.itemTaken.connect(self.on_inbox_itemTaken)
        # A repeat caller about the same problem: Enter on their earlier case adds this report to it.
        self.caller_card.caseChosen.connect(self.on_caller_card_caseChosen)

    def _recent_table(self, service: SeatService) -> QTableView:
        self.recent_model = CaseTableModel(service.cases, service.category_name, service.area_name, self)
        table = QTableView(self)
        table.setObjectName("recentCases")
        table.setModel(self.recent_model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        for column, name in enumerate(CaseTableModel.COLUMNS):
            table.setColumnHidden(column, name not in RECENT_COLUMNS)
            if name in RECENT_COLUMNS:
                table.setColumnWidth(column, RECENT_COLUMNS[name])
        table.horizontalHeader().setSectionResizeMode(
            CaseTableModel.COLUMNS.index("address"), QHeaderView.ResizeMode.Stretch
        )
        service.referenceLoaded.connect(lambda _ref: self.recent_model.refresh_names())
        return table

    @asyncSlot(object)
    async def on_call_panel_callAnswered(self, call: cm.Call) -> None:
        """Screen-pop: tie the form to the call, fill in the number, show what the caller reported before."""
        self.form.link(call_id=call.id)
        if not self.form.reporter_phone.text():
            self.form.reporter_phone.setText(call.caller_number)
        self.form.reporter_name.setFocus()
        try:
            history = await self._calls.history(call.caller_number)
        except (ProtocolError, NotConnected, RequestTimeout) as exc:
            message.warning(
                self.tr("The caller's earlier cases could not be loaded: {reason}").format(reason=exc)
            )
            return
        self.caller_card.show_history(history, call.opening)

    def on_inbox_itemTaken(self, item: im.IntakeItem) -> None:
        """Fill the form from a channel report: who, where, what, and the link back to the item."""
        self.form.set_draft(
            CaseDraft(
                category_code=item.service_code or "",
                reporter_name=item.reporter_name or "",
                reporter_phone=item.reporter_phone or "",
                address=item.address or "",
                lat=item.lat,
                lon=item.lon,
                description=item.content,
                channel=item.channel,
                intake_item_id=item.id,
            )
        )
        self.form.category.setFocus()

    @asyncSlot(object)
    async def on_caller_card_caseChosen(self, case: m.CaseRecord) -> None:
        await self.assistant.merge_into(case)
