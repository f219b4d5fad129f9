"""The Cases place, the case workspace: filters on top, the live case table with the department KPIs
below it, and the selected case's detail pane on the right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QSplitter, QVBoxLayout, QWidget

from app import ui_state
from app.seat_service import SeatService
from ui.case_detail_dialog import CaseDetailDialog
from ui.cases.case_detail_pane import CaseDetailPane
from ui.cases.filter_bar import FilterBar
from ui.cases.kpi_panel import KpiPanel
from widgets.case_filter_proxy import CaseFilter, CaseFilterProxy
from widgets.case_table_model import CaseTableModel
from widgets.case_table_view import CaseTableView, CountdownTicker

COLUMN_WIDTHS = (130, 100, 110, 130, 170, 240, 80, 120, 60, 80, 100, 100)
# What a seat reads first, left to right, until the operator arranges the columns: the case, its
# stage countdown and status, what and where, who holds it; then the rest.
FIRST_COLUMNS = ("case_no", "sla", "status", "category", "address", "lead_department", "supervision_level")
SPLITTER_KEY = "cases_splitter"
HEADER_KEY = "cases/table"
SAVE_DELAY_MS = 500
REFILTER_MS = 30_000  # deadline states move with the time


class CasesScreen(QWidget):
    """Attributes: model (CaseTableModel), proxy (CaseFilterProxy), table, filter_bar, kpi_panel,
    detail_pane, detail_dialog (the full case, opened by Enter or a double click)."""

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.model = CaseTableModel(
            service.cases, service.category_name, service.area_name, self, service.department_name
        )
        self.proxy = CaseFilterProxy(self.model, self)
        self.table = CaseTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self._setup_header()
        self.ticker = CountdownTicker(self.table)
        self.filter_bar = FilterBar(service, self)
        self.kpi_panel = KpiPanel(service, self)
        self.detail_pane = CaseDetailPane(service, self)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.table)
        left.addWidget(self.kpi_panel)
        left.setStretchFactor(0, 4)
        left.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("casesSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([880, 560])
        ui_state.remember_splitter(self.splitter, SPLITTER_KEY)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.filter_bar.filterChanged.connect(self.on_filter_bar_filterChanged)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        service.referenceLoaded.connect(lambda _ref: self.model.refresh_names())
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self.on_table_currentRowChanged)
        self.table.activated.connect(self.open_case_at)  # Enter or a double click: the case in full
        self.detail_dialog: CaseDetailDialog | None = None
        self._refilter = QTimer(self, interval=REFILTER_MS)
        self._refilter.timeout.connect(self._refilter_deadlines)
        self._refilter.start()
        self._update_count()

    # --- the header: layout remembered, columns hidden from its menu ------------------------------

    def _setup_header(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents on 100k
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        header.setSortIndicator(CaseTableModel.COLUMNS.index("created_at"), Qt.SortOrder.DescendingOrder)
        for visual, name in enumerate(FIRST_COLUMNS):
            header.moveSection(header.visualIndex(CaseTableModel.COLUMNS.index(name)), visual)
        saved = ui_state.load_header_state(HEADER_KEY)
        if saved is not None:
            header.restoreState(saved)
        self.table.setSortingEnabled(True)  # sorts by the indicator, restored or not
        self._save_soon = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_soon.timeout.connect(self.save_header)
        for signal in (header.sectionMoved, header.sectionResized, header.sortIndicatorChanged):
            signal.connect(lambda *_args: self._save_soon.start())
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.on_header_customContextMenuRequested)

    def save_header(self) -> None:
        ui_state.save_header_state(HEADER_KEY, self.table.horizontalHeader().saveState())

    def column_menu(self) -> QMenu:
        """Checkable columns; the last visible one cannot be hidden."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setObjectName("columnMenu")
        visible = header.count() - header.hiddenSectionCount()
        for column, title in enumerate(self.model.headers()):
            action = QAction(title, menu, checkable=True, checked=not header.isSectionHidden(column))
            action.setEnabled(header.isSectionHidden(column) or visible > 1)
            action.toggled.connect(lambda shown, c=column: self.set_column_shown(c, shown))
            menu.addAction(action)
        return menu

    def set_column_shown(self, column: int, shown: bool) -> None:
        self.table.setColumnHidden(column, not shown)
        self._save_soon.start()

    def on_header_customContextMenuRequested(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    # --- filters, counts, the selected case -------------------------------------------------------

    def on_filter_bar_filterChanged(self, case_filter: CaseFilter) -> None:
        self.proxy.set_filter(case_filter)

    def _refilter_deadlines(self) -> None:
        if self.proxy.case_filter.deadline is not None:
            self.proxy.refilter()

    def _update_count(self) -> None:
        self.filter_bar.set_counts(self.proxy.rowCount(), self.model.rowCount())

    def on_table_currentRowChanged(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.detail_pane.show_case(self.proxy.case_at(current.row()).id)
        else:
            self.detail_pane.clear()

    def open_case_at(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        model = index.model()
        case = self.proxy.case_at(index.row()) if model is self.proxy else self.model.case_at(index.row())
        if self.detail_dialog is not None:
            self.detail_dialog.close()
            self.detail_dialog.deleteLater()
        self.detail_dialog = CaseDetailDialog(self._service, case.id, self)
        self.detail_dialog.show()
