"""The trainer's drill controls: speed (×1 ×2 ×5 ×10; changes a running drill at once), Start, Pause,
Resume, Stop and Inject…, each enabled only when it applies."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from client_api.drill_messages import SPEEDS, DrillState
from widgets.drill_labels import speed_label

DEFAULT_SPEED = 1.0


class DrillControls(QWidget):
    """Signals:
    startRequested(float): Start at this speed.
    pauseRequested(), resumeRequested(), stopRequested(), injectRequested().
    speedChosen(float): another speed was picked while a drill runs.

    Attributes: speed (combo), start, pause, resume, stop, inject (buttons).
    """

    startRequested = Signal(float)
    pauseRequested = Signal()
    resumeRequested = Signal()
    stopRequested = Signal()
    injectRequested = Signal()
    speedChosen = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.speed = QComboBox(self)
        self.speed.setObjectName("drillSpeed")
        for value in SPEEDS:
            self.speed.addItem(speed_label(value), value)
        self.speed.setCurrentIndex(self.speed.findData(DEFAULT_SPEED))
        self.start = QPushButton(self.tr("&Start"), self)
        self.pause = QPushButton(self.tr("&Pause"), self)
        self.resume = QPushButton(self.tr("&Resume"), self)
        self.stop = QPushButton(self.tr("S&top"), self)
        self.inject = QPushButton(self.tr("&Inject…"), self)
        self.start.setToolTip(self.tr("Start the chosen scenario with the seats as assigned"))
        self.stop.setToolTip(self.tr("End the drill now; the trainees are scored on what they did"))
        self.inject.setToolTip(self.tr("Add an event by hand: a call, a CAP alert, radio traffic, a report"))
        self.start.setDefault(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Speed"), self))
        layout.addWidget(self.speed)
        for button in (self.start, self.pause, self.resume, self.stop, self.inject):
            layout.addWidget(button)
        layout.addStretch(1)
        self._active = False
        self.start.clicked.connect(lambda: self.startRequested.emit(self.chosen_speed()))
        self.pause.clicked.connect(lambda: self.pauseRequested.emit())
        self.resume.clicked.connect(lambda: self.resumeRequested.emit())
        self.stop.clicked.connect(lambda: self.stopRequested.emit())
        self.inject.clicked.connect(lambda: self.injectRequested.emit())
        self.speed.activated.connect(self.on_speed_activated)
        self.set_drill(None, can_start=False)

    def chosen_speed(self) -> float:
        return float(self.speed.currentData())

    def set_drill(self, drill: DrillState | None, can_start: bool) -> None:
        """Enable what applies: Start when no drill runs and a scenario is chosen, the rest while one runs."""
        state = None if drill is None else drill.state
        self._active = state in ("running", "paused")
        self.start.setEnabled(not self._active and can_start)
        self.pause.setEnabled(state == "running")
        self.resume.setEnabled(state == "paused")
        self.stop.setEnabled(self._active)
        self.inject.setEnabled(self._active)
        if self._active and drill is not None:
            index = self.speed.findData(drill.speed)
            if index >= 0:
                self.speed.setCurrentIndex(index)

    def on_speed_activated(self, _index: int) -> None:
        if self._active:
            self.speedChosen.emit(self.chosen_speed())
