"""Running a drill: the controls on top; the scenarios and the seat assignment on the left; the live view of
the drill running on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QSplitter, QVBoxLayout, QWidget
from qasync import asyncSlot

from app import message
from app.drill_service import DrillService
from app.qt_async import run_dialog
from client_api.drill_messages import DrillState, ScenarioInfo
from ui.drill.control_bar import DrillControls
from ui.drill.inject_dialog import InjectDialog
from ui.drill.live_view import DrillLiveView
from ui.drill.scenario_panel import ScenarioPanel
from ui.drill.seat_assignment import SeatAssignment


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-weight:bold;")
    return label


class DrillRunPage(QWidget):
    """Attributes: drill (DrillService), controls (DrillControls), scenarios (ScenarioPanel), seats
    (SeatAssignment), live (DrillLiveView), inject_dialog (while open)."""

    def __init__(self, drill: DrillService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drill = drill
        self.inject_dialog: InjectDialog | None = None
        self.controls = DrillControls(self)
        self.scenarios = ScenarioPanel(self)
        self.seats = SeatAssignment(drill.person, self)
        self.live = DrillLiveView(drill, self)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading(self.tr("Scenarios"), left))
        column.addWidget(self.scenarios, 1)
        column.addWidget(heading(self.tr("Seats and trainees"), left))
        column.addWidget(self.seats)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.live)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([560, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
        layout.addWidget(splitter, 1)
        self.scenarios.scenarioChosen.connect(self.on_scenarios_scenarioChosen)
        self.controls.startRequested.connect(self.on_controls_startRequested)
        self.controls.pauseRequested.connect(self.on_controls_pauseRequested)
        self.controls.resumeRequested.connect(self.on_controls_resumeRequested)
        self.controls.stopRequested.connect(self.on_controls_stopRequested)
        self.controls.speedChosen.connect(self.on_controls_speedChosen)
        self.controls.injectRequested.connect(self.on_controls_injectRequested)
        drill.scenariosChanged.connect(self.on_drill_scenariosChanged)
        drill.operatorsChanged.connect(self._show_operators)
        drill.drillChanged.connect(self.on_drill_drillChanged)
        self._show_scenarios()
        self._show_operators()

    def on_drill_scenariosChanged(self, _scenarios: object) -> None:
        self._show_scenarios()

    def _show_scenarios(self) -> None:
        self.scenarios.set_scenarios(list(self.drill.scenarios.values()), self.drill.scenario_errors)

    def _show_operators(self) -> None:
        me = self.drill.seat.operator
        self.seats.set_operators(list(self.drill.operators.values()), me.username if me else None)

    def on_scenarios_scenarioChosen(self, scenario: ScenarioInfo | None) -> None:
        self.seats.set_scenario(scenario)
        self._update_controls()

    def on_drill_drillChanged(self, _state: DrillState | None) -> None:
        self._update_controls()

    def _update_controls(self) -> None:
        self.controls.set_drill(self.drill.drill, can_start=self.scenarios.chosen() is not None)

    @asyncSlot(float)
    async def on_controls_startRequested(self, speed: float) -> None:
        scenario = self.scenarios.chosen()
        if scenario is None:
            message.error(self.tr("Choose a scenario to start."))
            return
        self.controls.start.setEnabled(False)
        try:
            await self.drill.start(scenario.id, self.seats.assignments(), speed)
        finally:
            self._update_controls()

    @asyncSlot()
    async def on_controls_pauseRequested(self) -> None:
        await self.drill.pause()

    @asyncSlot()
    async def on_controls_resumeRequested(self) -> None:
        await self.drill.resume()

    @asyncSlot()
    async def on_controls_stopRequested(self) -> None:
        await self.drill.stop()

    @asyncSlot(float)
    async def on_controls_speedChosen(self, speed: float) -> None:
        if await self.drill.set_speed(speed) is None:
            self._update_controls()  # refused: the combo shows the drill's speed again

    @asyncSlot()
    async def on_controls_injectRequested(self) -> None:
        if self.inject_dialog is not None:
            self.inject_dialog.raise_()
            return
        dialog = self.inject_dialog = InjectDialog(self)
        try:
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            inject = dialog.inject()
        finally:
            self.inject_dialog = None
            dialog.deleteLater()
        if await self.drill.inject(inject) is not None:
            message.info(self.tr("The inject was fired."))
