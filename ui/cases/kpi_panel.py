"""Department KPIs on the workspace: 按时办结率, 回退率, 重办率, 满意率, open and overdue, by department."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget
from qasync import asyncSlot

from app.seat_service import SeatService
from client_api.client import Event
from client_api.errors import NotConnected, ProtocolError, RequestTimeout
from client_api.sla_messages import DepartmentKpis, GetDepartmentKpis
from widgets.department_kpi_model import DepartmentKpiModel, percent

REFRESH_MS = 60_000
AFTER_CHANGE_MS = 2_000  # a burst of case changes makes one refresh


class KpiPanel(QWidget):
    """Asks ``kpi.departments`` when shown, every minute while shown, and 2 s after cases changed.

    Attributes: model (DepartmentKpiModel), table, total (the totals line), status (errors).
    """

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiPanel")
        self._service = service
        self._loading = False
        self.model = DepartmentKpiModel(service.department_name, self)
        sorter = QSortFilterProxyModel(self)  # a few dozen departments: Qt's own sorting is fine
        sorter.setSourceModel(self.model)
        sorter.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView(self)
        self.table.setObjectName("kpiTable")
        self.table.setModel(sorter)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 180)
        self.total = QLabel(self)
        self.total.setObjectName("kpiTotal")
        self.status = QLabel(self)
        self.status.setObjectName("kpiStatus")
        self.status.setStyleSheet("color:#b42318;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.total)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._every = QTimer(self, interval=REFRESH_MS)
        self._every.timeout.connect(self.refresh)
        self._after_change = QTimer(self, singleShot=True, interval=AFTER_CHANGE_MS)
        self._after_change.timeout.connect(self.refresh)
        service.eventReceived.connect(self.on_service_event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._every.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._every.stop()
        self._after_change.stop()

    def on_service_event(self, event: Event) -> None:
        if event.type.startswith("case.") and self.isVisible():
            self._after_change.start()  # restarted by each event: one refresh after the burst

    @asyncSlot()
    async def refresh(self) -> None:
        await self.load()

    async def load(self) -> bool:
        """Ask for the KPIs and show them; False (and the reason in ``status``) when that failed."""
        if self._loading:
            return False
        self._loading = True
        try:
            kpis: DepartmentKpis = await self._service.client.request("kpi.departments", GetDepartmentKpis())
        except (NotConnected, RequestTimeout, ProtocolError) as exc:
            self.status.setText(self.tr("KPIs not available: {reason}").format(reason=exc))
            return False
        finally:
            self._loading = False
        self.status.clear()
        self.show_kpis(kpis)
        return True

    def show_kpis(self, kpis: DepartmentKpis) -> None:
        self.model.set_kpis(kpis)
        t = kpis.total
        self.total.setText(
            self.tr(
                "All departments: on time {on_time}, returned {returned}, reopened {reopened}, "
                "satisfied {satisfied}, open {open}, overdue {overdue}"
            ).format(
                on_time=percent(t.on_time_rate),
                returned=percent(t.return_rate),
                reopened=percent(t.reopen_rate),
                satisfied=percent(t.satisfaction_rate),
                open=t.open,
                overdue=t.overdue,
            )
        )
