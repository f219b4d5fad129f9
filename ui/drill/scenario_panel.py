"""The scenarios a trainer can run: their table, the chosen one's description and seats, and the shipped
files that did not validate, each with its file, line and problem."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from client_api.drill_messages import ScenarioInfo
from widgets.drill_labels import clock, level_label, theme_label
from widgets.drill_scenario_model import ScenarioTableModel

COLUMN_WIDTHS = (260, 50, 90, 70, 50, 60)


class ScenarioPanel(QWidget):
    """Signals:
    scenarioChosen(object): the ScenarioInfo picked in the table (None when none is).

    Attributes: model (ScenarioTableModel), table, description (label), errors (label, hidden when every
    shipped file is valid).
    """

    scenarioChosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ScenarioTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("drillScenarios")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.description = QLabel(self)
        self.description.setObjectName("drillScenarioDescription")
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color:#344054;background:#f9fafb;padding:6px;")
        self.errors = QLabel(self)
        self.errors.setObjectName("drillScenarioErrors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color:#b42318;background:#fef3f2;padding:6px;")
        self.errors.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.description, 1)
        layout.addWidget(self.errors)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selectionChanged)

    def set_scenarios(self, scenarios: list[ScenarioInfo], errors: list[str]) -> None:
        """Show the scenarios (the one chosen stays chosen) and the files that did not validate."""
        chosen = self.chosen()
        self.model.set_scenarios(scenarios)
        if errors:
            lines = "\n".join(f"• {e}" for e in errors)
            self.errors.setText(
                self.tr("These scenario files have errors and cannot be run:\n{lines}").format(lines=lines)
            )
        self.errors.setVisible(bool(errors))
        row = self.model.row_of(chosen.id) if chosen is not None else None
        self.table.selectRow(0 if row is None else row)
        self._describe(self.chosen())

    def chosen(self) -> ScenarioInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.scenario_at(rows[0].row()) if rows else None

    def choose(self, scenario_id: str) -> bool:
        row = self.model.row_of(scenario_id)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    def on_table_selectionChanged(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        scenario = self.chosen()
        self._describe(scenario)
        self.scenarioChosen.emit(scenario)

    def _describe(self, scenario: ScenarioInfo | None) -> None:
        if scenario is None:
            self.description.setText(self.tr("No scenario chosen."))
            return
        seats = ", ".join(f"{s.id} ({s.label or s.role})" for s in scenario.seats)
        self.description.setText(
            self.tr(
                "{title} — level {level}, {theme}, {duration}, {injects} injects.\n"
                "{description}\nSeats: {seats}"
            )
            .format(
                title=scenario.title,
                level=level_label(scenario.level),
                theme=theme_label(scenario.theme),
                duration=clock(scenario.duration_s),
                injects=scenario.inject_count,
                description=scenario.description,
                seats=seats,
            )
            .strip()
        )
