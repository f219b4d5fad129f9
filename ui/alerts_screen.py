"""The Alerts place, the alert center: the filter bar, every alert the seat knows (live, newest first),
and the selected alert in full with its actions."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QVBoxLayout, QWidget

from app import ui_state
from app.alerts_service import AlertsService
from client_api.alert_messages import AlertRecord
from ui.alerts.alert_actions import AlertActions
from ui.alerts.alert_filter import AlertFilter, AlertFilterProxy
from ui.alerts.detail_pane import AlertDetailPane
from ui.alerts.filter_bar import AlertFilterBar
from widgets.alert_table_model import AlertTableModel

COLUMN_WIDTHS = (120, 70, 80, 110, 300, 160, 120, 140, 130, 70)
SPLITTER_KEY = "alerts_splitter"


class AlertsScreen(QWidget):
    """Attributes: model (AlertTableModel), proxy (AlertFilterProxy), table, filter_bar, detail_pane."""

    def __init__(self, alerts: AlertsService, actions: AlertActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._alerts = alerts
        self.model = AlertTableModel(alerts.book, lambda: alerts.exercise, self)
        self.proxy = AlertFilterProxy(self.model, self)
        self.table = QTableView(self)
        self.table.setObjectName("alertTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AlertTableModel.COLUMNS.index("received_at"), Qt.SortOrder.DescendingOrder)
        self.filter_bar = AlertFilterBar(self)
        self.detail_pane = AlertDetailPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("alertsSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([860, 560])
        ui_state.remember_splitter(self.splitter, SPLITTER_KEY)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.filter_bar.filterChanged.connect(self.on_filter_bar_filterChanged)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_count)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_currentRowChanged)
        alerts.alertChanged.connect(self.on_alerts_alertChanged)
        alerts.reset.connect(self._redraw_detail)
        self.detail_pane.ackRequested.connect(actions.on_acknowledge)
        self.detail_pane.toCaseRequested.connect(actions.on_to_case)
        self.detail_pane.linkRequested.connect(actions.on_link)
        self.detail_pane.exportRequested.connect(actions.on_export)
        self._update_count()

    def on_filter_bar_filterChanged(self, alert_filter: AlertFilter) -> None:
        self.proxy.set_filter(alert_filter)
        self._update_count()

    def _update_count(self) -> None:
        self.filter_bar.set_counts(self.proxy.rowCount(), self.model.rowCount())

    def on_table_currentRowChanged(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail_pane.exercise = self._alerts.exercise
        self.detail_pane.show_alert(self.proxy.alert_at(current.row()) if current.isValid() else None)

    def on_alerts_alertChanged(self, alert: AlertRecord) -> None:
        shown = self.detail_pane.alert
        if shown is not None and shown.id == alert.id:
            self.detail_pane.show_alert(alert)

    def _redraw_detail(self) -> None:
        shown = self.detail_pane.alert
        if shown is not None:
            self.detail_pane.show_alert(self._alerts.book.get(shown.id))

    def select_alert(self, alert_id: int) -> bool:
        """Show one alert: the filter is cleared if it hides it. False when the seat does not know it."""
        if alert_id not in self._alerts.book:
            return False
        if self.proxy.row_of_alert(alert_id) is None:
            self.filter_bar.state.setCurrentIndex(0)
            self.filter_bar.severity.setCurrentIndex(0)
            self.filter_bar.source.setCurrentIndex(0)
            self.filter_bar.search.clear()
            self.proxy.set_filter(AlertFilter())
        row = self.proxy.row_of_alert(alert_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.proxy.index(row, 0))
        return True
