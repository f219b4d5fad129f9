"""The red emergency box of the radio panel: units whose emergency button was pressed, blinking until
a seat acknowledges them (with an optional note). Hidden while none waits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client_api import comms_messages as cm
from widgets.radio_emergency_model import RadioEmergencyModel

BLINK_MS = 500
STYLE = """
QFrame#radioEmergencies { background: #7f1d1d; border: 2px solid #450a0a; border-radius: 4px; }
QFrame#radioEmergencies[lit="true"] { background: #dc2626; }
QLabel#emergencyTitle { color: white; font-size: 16px; font-weight: bold; }
QPushButton#ackButton { background: white; color: #7f1d1d; font-weight: bold; padding: 4px 12px; }
"""


class RadioEmergencyBox(QFrame):
    """Signals:
    ackRequested(int, str): acknowledge the emergency (id) with the note.

    Attributes: model (RadioEmergencyModel), view (the emergency list), note, ack (the button), title.
    """

    ackRequested = Signal(int, str)

    def __init__(self, group_name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("radioEmergencies")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setProperty("lit", False)
        self.setStyleSheet(STYLE)
        self.model = RadioEmergencyModel(group_name, self)
        self.title = QLabel(self)
        self.title.setObjectName("emergencyTitle")
        self.view = QTableView(self)
        self.view.setObjectName("emergencyList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setMaximumHeight(110)
        self.setFixedWidth(420)
        self.note = QLineEdit(self)
        self.note.setObjectName("ackNote")
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.ack = QPushButton(self.tr("Acknowledge"), self)
        self.ack.setObjectName("ackButton")
        self.ack.clicked.connect(self._on_ack_clicked)
        self.note.returnPressed.connect(self._on_ack_clicked)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.ack)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        layout.addLayout(row)
        self._blink = QTimer(self, interval=BLINK_MS)
        self._blink.timeout.connect(self._toggle)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._refresh)
        self._refresh()

    def reset(self, emergencies: list[cm.Emergency]) -> None:
        self.model.reset(emergencies)

    def put(self, emergency: cm.Emergency) -> None:
        self.model.put(emergency)

    def remove(self, emergency_id: int) -> None:
        self.model.remove(emergency_id)

    def is_blinking(self) -> bool:
        return self._blink.isActive()

    def target(self) -> cm.Emergency | None:
        """The emergency Acknowledge is for: the selected one, else the oldest."""
        if self.model.rowCount() == 0:
            return None
        rows = self.view.selectionModel().selectedRows()
        return self.model.emergency_at(rows[0].row() if rows else 0)

    def _on_ack_clicked(self) -> None:
        target = self.target()
        if target is not None:
            self.ackRequested.emit(target.id, self.note.text().strip())

    def note_sent(self) -> None:
        """The acknowledgement went through: the note is not for the next one."""
        self.note.clear()

    def _refresh(self) -> None:
        count = self.model.rowCount()
        self.title.setText(self.tr("⚠ Emergency: %n unit(s) waiting for acknowledgement", "", count))
        self.setVisible(count > 0)
        self.ack.setEnabled(count > 0)
        if count and not self._blink.isActive():
            self._blink.start()
        elif not count:
            self._blink.stop()
            self._set_lit(False)

    def _toggle(self) -> None:
        self._set_lit(self.property("lit") is not True)

    def _set_lit(self, lit: bool) -> None:
        if self.property("lit") != lit:
            self.setProperty("lit", lit)
            self.style().unpolish(self)
            self.style().polish(self)
