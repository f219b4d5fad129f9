"""The status bar: connection state, operator, seat, drill marker and the clock."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.seat_service import SeatService
from client_api import messages as m

STATE_COLOURS = {"connected": "#1a7f37", "reconnecting": "#b7791f", "offline": "#b42318"}


class SeatStatusBar(QStatusBar):
    """Shows what an operator must always know: am I connected, who am I, which seat, what time."""

    def __init__(self, service: SeatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionState")
        self.operator_label = QLabel(self)
        self.seat_label = QLabel(self)
        self.exercise_label = QLabel(self.tr("EXERCISE"), self)
        self.exercise_label.setStyleSheet(
            "QLabel{background:#b42318;color:white;padding:0 8px;font-weight:bold;}"
        )
        self.exercise_label.hide()
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("clock")
        for widget in (
            self.exercise_label,
            self.connection_label,
            self.operator_label,
            self.seat_label,
            self.clock_label,
        ):
            self.addPermanentWidget(widget)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        self._clock.start(1000)
        service.stateChanged.connect(self.on_service_stateChanged)
        service.loggedIn.connect(self.on_service_loggedIn)
        service.serverChanged.connect(self.on_service_serverChanged)
        self.on_service_stateChanged(service.state.value)
        if service.operator is not None:
            self.on_service_loggedIn(service.operator)
        self._tick()

    def state_text(self, state: str) -> str:
        return {
            "connected": self.tr("Connected"),
            "reconnecting": self.tr("Reconnecting…"),
            "offline": self.tr("Offline"),
        }.get(state, state)

    def on_service_stateChanged(self, state: str) -> None:
        colour = STATE_COLOURS.get(state, "#444")
        self.connection_label.setText(f"<span style='color:{colour}'>●</span> {self.state_text(state)}")
        self.connection_label.setProperty("state", state)
        self.exercise_label.setVisible(self._service.exercise)

    def on_service_loggedIn(self, operator: m.Operator) -> None:
        self.operator_label.setText(self.tr("Operator: {name}").format(name=operator.display_name))
        seat = self._service.client.seat_id or ""
        self.seat_label.setText(self.tr("Seat: {seat}").format(seat=seat))

    def on_service_serverChanged(self, server: m.HelloOk) -> None:
        self.exercise_label.setVisible(server.exercise)

    def _tick(self) -> None:
        self.clock_label.setText(dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"))
