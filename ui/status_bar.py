"""The status bar: connection state (with the time since the last contact while the link is down),
the outbox, operator, seat, drill marker and the clock."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from app.outbox_service import OutboxWatch
from app.seat_service import SeatService
from client_api import messages as m

STATE_COLOURS = {"connected": "#1a7f37", "reconnecting": "#b7791f", "offline": "#b42318"}


class SeatStatusBar(QStatusBar):
    """Shows what an operator must always know: am I connected, who am I, which seat, what time, and
    whether commands wait to be sent.

    Signals:
    outboxRequested(): the operator clicked the outbox indicator.
    """

    outboxRequested = Signal()

    def __init__(
        self, service: SeatService, outbox: OutboxWatch | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._state = service.state.value
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionState")
        self.outbox_button = QPushButton(self)
        self.outbox_button.setObjectName("outboxIndicator")
        self.outbox_button.setFlat(True)
        self.outbox_button.setStyleSheet("QPushButton{color:#b7791f;font-weight:bold;padding:0 6px;}")
        self.outbox_button.clicked.connect(self.outboxRequested)
        self.outbox_button.hide()
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
            self.outbox_button,
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
        if outbox is not None:
            outbox.countsChanged.connect(self.on_outbox_countsChanged)
            self.on_outbox_countsChanged(outbox.waiting, len(outbox.conflicts))
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
        self._state = state
        self.connection_label.setProperty("state", state)
        self.exercise_label.setVisible(self._service.exercise)
        self._show_connection()

    def _show_connection(self) -> None:
        state = self._state
        colour = STATE_COLOURS.get(state, "#444")
        text = self.state_text(state)
        last = self._service.client.last_contact
        if state != "connected" and last > 0:
            seconds = max(0, round(time.monotonic() - last))
            text = self.tr("{state} · last contact {seconds} s ago").format(state=text, seconds=seconds)
        self.connection_label.setText(f"<span style='color:{colour}'>●</span> {text}")
        error = self._service.client.link_error
        tip = self.tr("Backend: {url}").format(url=self._service.client.url)
        if state != "connected" and error:
            tip += "\n" + self.tr("Last error: {error}").format(error=error)
        self.connection_label.setToolTip(tip)

    def on_outbox_countsChanged(self, waiting: int, conflicts: int) -> None:
        parts = []
        if waiting:
            parts.append(self.tr("{n} waiting to send").format(n=waiting))
        if conflicts:
            parts.append(self.tr("Conflicts: {n}").format(n=conflicts))
        self.outbox_button.setText(" · ".join(parts))
        self.outbox_button.setToolTip(self.tr("Open the outbox"))
        self.outbox_button.setVisible(bool(parts))

    def on_service_loggedIn(self, operator: m.Operator) -> None:
        self.operator_label.setText(self.tr("Operator: {name}").format(name=operator.display_name))
        seat = self._service.client.seat_id or ""
        self.seat_label.setText(self.tr("Seat: {seat}").format(seat=seat))

    def on_service_serverChanged(self, server: m.HelloOk) -> None:
        self.exercise_label.setVisible(server.exercise)

    def _tick(self) -> None:
        if self._state != "connected":
            self._show_connection()
        self.clock_label.setText(dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"))
